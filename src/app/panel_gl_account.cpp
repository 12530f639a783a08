// The mapping screen's receivables-account picker for a general ledger (issue #17 item 4): the
// file's accounts with their row counts, "automatic" (by name or code) first. The pick is
// LedgerOptions::receivables_account for every general ledger (settings
// import.receivables_account); choosing one rebuilds the ledger by bumping the general ledgers'
// revisions. The account list is read once per file revision and pick, not every frame.
#include <string>

#include "format.hpp"
#include "imgui.h"
#include "overdue/ledger/general_ledger.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

struct AccountsCache {
  int file_id = -1;
  uint64_t revision = 0;
  std::string pick;
  overdue::GeneralLedgerAccounts accounts;
  uint64_t rows = 0, receivables_rows = 0;
};

const AccountsCache& accounts_of(const LoadedFile& file, const std::string& pick) {
  static AccountsCache cache;
  if (cache.file_id != file.id || cache.revision != file.revision || cache.pick != pick) {
    overdue::LedgerOptions options;
    options.receivables_account = pick;
    cache.file_id = file.id;
    cache.revision = file.revision;
    cache.pick = pick;
    cache.accounts = overdue::general_ledger_accounts(file.data, options);
    cache.rows = cache.receivables_rows = 0;
    for (const overdue::GeneralLedgerAccount& a : cache.accounts.accounts) {
      cache.rows += a.rows;
      if (a.receivables) cache.receivables_rows += a.rows;
    }
  }
  return cache;
}

void pick_account(AppState& state, const std::string& pick) {
  if (state.analysis.receivables_account == pick) return;
  state.analysis.receivables_account = pick;
  for (auto& f : state.files)
    if (f->status == LoadStatus::done && f->data.table_kind == overdue::TableKind::general_ledger) ++f->revision;
}

std::string option_text(const overdue::GeneralLedgerAccount& a) {
  return trf(S::gl_account_option_fmt, a.account.c_str(), format_count(static_cast<int64_t>(a.rows)).c_str());
}

}  // namespace

void draw_gl_account_picker(AppState& state, LoadedFile& file) {
  if (file.data.table_kind != overdue::TableKind::general_ledger) return;
  const std::string& pick = state.analysis.receivables_account;
  const AccountsCache& c = accounts_of(file, pick);
  ImGui::AlignTextToFramePadding();
  text_muted(tr(S::gl_account_label));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string preview = pick.empty() ? tr(S::gl_account_auto) : pick;
  const bool open = ImGui::BeginCombo("##gl_account", preview.c_str(), ImGuiComboFlags_HeightLarge);
  record_item_rect(state, "mapping.gl_account");
  if (open) {
    if (ImGui::Selectable(tr(S::gl_account_auto), pick.empty())) pick_account(state, "");
    record_item_rect(state, "option.gl_account.auto");
    for (size_t i = 0; i < c.accounts.accounts.size(); ++i) {
      const overdue::GeneralLedgerAccount& a = c.accounts.accounts[i];
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(option_text(a).c_str(), a.receivables)) pick_account(state, a.account);
      record_item_rect(state, "option.gl_account." + std::to_string(i));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (c.receivables_rows == 0) {
    text_colored_wrapped(palette().warning, tr(S::gl_account_none));
  } else {
    text_muted(trf(S::gl_account_used_fmt, format_count(static_cast<int64_t>(c.receivables_rows)).c_str(),
                   format_count(static_cast<int64_t>(c.rows)).c_str())
                   .c_str());
  }
  ImGui::Spacing();
}

}  // namespace app
