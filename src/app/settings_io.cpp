#include "settings_io.hpp"

#include "app_state.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/text/lang.hpp"
#include "panel_letters.hpp"
#include "panels.hpp"
#include "remembered_mappings.hpp"
#include "platform.hpp"

namespace app {
namespace {

overdue::AnalysisSettings current(const AppState& state) {
  const Analysis& a = state.analysis;
  overdue::AnalysisSettings s;
  s.monitor.as_of = a.controls.as_of_latest ? overdue::kMissingDays : a.controls.as_of;
  s.monitor.threshold_days = a.controls.threshold_days;
  s.monitor.bucket_edges = a.controls.bucket_edges;
  s.monitor.step = a.controls.step;
  s.overdue = a.settings;
  s.language = language();
  s.letters = letter_templates();
  s.mappings = state.remembered_mappings;
  s.ledger.receivables_account = a.receivables_account;   // the mapping screen's pick (issue #17)
  s.ledger.keep_drafts = a.keep_drafts;
  s.import.keep_swapped_dates = a.keep_swapped_dates;   // import.excel_date_swap (issue #18)
  s.ledger.currency = a.ledger_options.currency;   // reporting currency and rates (issue #17)
  s.credit = a.credit;                              // credit.warning_share (issue #20 §4)
  s.ui.text_size = state.text_size;                // the page's text size (issue #22)
  return s;
}

}  // namespace

std::string page_settings_json(const AppState& state) { return overdue::settings_json(current(state)); }

std::string apply_settings_json(AppState& state, std::string_view text) {
  overdue::AnalysisSettings s = current(state);
  const overdue::SettingsLoadResult r = overdue::load_settings_json(text, s);
  if (!r.error.empty()) return r.error;
  Analysis& a = state.analysis;
  a.controls.as_of_latest = s.monitor.as_of == overdue::kMissingDays;
  if (!a.controls.as_of_latest) a.controls.as_of = s.monitor.as_of;
  a.controls.threshold_days = s.monitor.threshold_days;
  a.controls.bucket_edges = s.monitor.bucket_edges;
  a.controls.step = s.monitor.step;
  state.buckets_text = bucket_edges_text(s.monitor.bucket_edges);
  a.settings = s.overdue;
  a.settings_language = s.language;
  a.keep_drafts = s.ledger.keep_drafts;
  state.set_keep_swapped_dates(s.import.keep_swapped_dates);   // files with a swap are read again
  a.settings_edited();
  if (s.ledger.receivables_account != a.receivables_account) {   // the general ledgers are read again
    a.receivables_account = s.ledger.receivables_account;
    for (auto& f : state.files)
      if (f->data.table_kind == overdue::TableKind::general_ledger) ++f->revision;
  }
  set_language(s.language);
  state.text_size = s.ui.text_size;
  set_letter_templates(s.letters);
  if (a.ledger_options.currency != s.ledger.currency) {   // new rates: rebuilt from the ledger
    a.ledger_options.currency = s.ledger.currency;
    a.ledger_options_edited();
  }
  if (a.credit.warning_share != s.credit.warning_share) {   // the analysis echoes it: run again
    a.credit = s.credit;
    a.ledger_options_edited();
  }
  // Remembered column roles: kept, and applied to the files already read that have their header.
  state.remembered_mappings.clear();
  for (const overdue::RoleOverride& m : s.mappings)
    if (!m.signature.empty()) state.remembered_mappings.push_back(m);
  for (auto& f : state.files) apply_remembered_mappings(state, *f);
  return "";
}

bool is_settings_file_name(std::string_view name) {
  if (name.size() < 5) return false;
  std::string tail(name.substr(name.size() - 5));
  for (char& c : tail)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return tail == ".json";
}

void restore_remembered_settings(AppState& state) {
  const std::string saved = platform::storage_get(kRememberedSettingsKey);
  if (!saved.empty()) apply_settings_json(state, saved);
}

void remember_settings(AppState& state) {
  static std::string last_stored;
  std::string now = page_settings_json(state);
  if (now == last_stored) return;
  if (platform::storage_set(kRememberedSettingsKey, now)) last_stored = std::move(now);
}

void download_settings(AppState& state) {
  const char* name = "overdue-lens-settings.json";
  platform::download_file(name, "application/json", page_settings_json(state));
  show_notice(state, trf(S::settings_saved_fmt, name));
}

}  // namespace app
