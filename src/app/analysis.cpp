#include "analysis.hpp"

#include <utility>

#include "app_state.hpp"
#include "overdue/analysis_json.hpp"
#include "platform.hpp"

namespace app {

EdgesError parse_bucket_edges(const std::string& text, std::vector<int>& edges) {
  std::vector<int> out;
  size_t i = 0;
  while (i < text.size()) {
    // Separators: ASCII comma, the full-width comma (U+FF0C, typed by Chinese IMEs) and spaces.
    if (text[i] == ',' || text[i] == ' ') { ++i; continue; }
    if (text.compare(i, 3, "\xEF\xBC\x8C") == 0) { i += 3; continue; }
    if (text[i] < '0' || text[i] > '9') return EdgesError::not_a_number;
    long value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > 100000) return EdgesError::not_a_number;
      ++i;
    }
    if (value <= 0) return EdgesError::not_increasing;
    if (!out.empty() && value <= out.back()) return EdgesError::not_increasing;
    out.push_back(static_cast<int>(value));
  }
  if (out.empty()) return EdgesError::empty;
  edges = std::move(out);
  return EdgesError::none;
}

std::string bucket_edges_text(const std::vector<int>& edges) {
  std::string out;
  for (size_t i = 0; i < edges.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(edges[i]);
  }
  return out;
}

void Analysis::update(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  std::vector<std::pair<int, uint64_t>> key;
  for (const auto& f : files) {
    if (f->status == LoadStatus::done) key.emplace_back(f->id, f->revision);
  }
  const bool files_changed = !files_key_valid_ || key != files_key_;
  const bool controls_changed = controls != applied_;
  if (!files_changed && !controls_changed) {
    pending_ = false;
    // A settings edit reruns only the classification, at once: it is cheap and the user is
    // watching the thresholds move.
    if (settings_edits_ != applied_edits_) rerun_classification();
    return;
  }
  if (!pending_) {  // draw one frame with "Computing…" first
    pending_ = true;
    return;
  }
  pending_ = false;
  if (files_changed) {
    files_key_ = std::move(key);
    files_key_valid_ = true;
    rebuild_ledger(files);
  }
  applied_ = controls;
  rerun_monitor();
  rerun_classification();
}

void Analysis::rebuild_ledger(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  // The done files in drop order, the order the CLI gets them in.
  owned_files_.clear();
  files_.clear();
  for (const auto& f : files) {
    if (f->status != LoadStatus::done) continue;
    owned_files_.push_back(f->shared_data);
    files_.push_back(f->shared_data.get());
  }
  const double t0 = platform::now_ms();
  ledger_ = std::make_unique<overdue::Ledger>(overdue::build_ledger(files_));
  ledger_ms = platform::now_ms() - t0;
  contacts_ = overdue::build_contact_log(files_, *ledger_);
  if (selected_customer >= static_cast<int>(ledger_->customers.size())) selected_customer = -1;
}

void Analysis::rerun_monitor() {
  json_valid_ = false;
  ++revision_;
  if (!ledger_ || ledger_->invoices.empty()) {
    result_.reset();
    return;
  }
  overdue::MonitorOptions options;
  options.as_of = applied_.as_of_latest ? overdue::kMissingDays : applied_.as_of;
  options.threshold_days = applied_.threshold_days;
  options.bucket_edges = applied_.bucket_edges;
  options.step = applied_.step;
  monitor_options_ = options;
  const double t0 = platform::now_ms();
  result_ = std::make_unique<overdue::MonitorResult>(overdue::monitor(*ledger_, options));
  monitor_ms = platform::now_ms() - t0;
}

void Analysis::rerun_classification() {
  applied_edits_ = settings_edits_;
  applied_settings_ = settings;
  json_valid_ = false;
  ++classify_revision_;
  overdue_ = overdue::OverdueAnalysis{};
  classified_index_.clear();
  if (!available()) return;
  const double t0 = platform::now_ms();
  // The contact log is always passed, as the CLI does (present == false: contact rules not evaluated).
  overdue_ = overdue::analyze_overdue(*ledger_, *result_, &contacts_, applied_settings_);
  classify_ms = platform::now_ms() - t0;
  classified_index_.assign(ledger_->customers.size(), -1);
  for (size_t i = 0; i < overdue_.customers.size(); ++i)
    classified_index_[overdue_.customers[i].customer] = static_cast<int32_t>(i);
}

const overdue::ClassifiedCustomer* Analysis::classified(uint32_t customer) const {
  if (customer >= classified_index_.size() || classified_index_[customer] < 0) return nullptr;
  return &overdue_.customers[classified_index_[customer]];
}

const std::string& Analysis::json() const {
  if (json_valid_) return json_;
  json_valid_ = true;
  json_ = "null";
  if (!available()) return json_;
  // The settings in effect, as `analyze` gets them from its flags: the monitor options as given
  // (as_of null when following the data's latest date) and the classification settings the shown
  // analysis used, and the language of the settings file loaded, if any (settings_language).
  overdue::AnalysisSettings settings;
  settings.language = settings_language;
  settings.monitor = monitor_options_;
  settings.overdue = applied_settings_;
  json_ = overdue::analysis_json(*ledger_, files_, *result_, overdue_, contacts_, settings);
  return json_;
}

std::vector<overdue::CsvFile> Analysis::csv_files(std::string_view language) const {
  if (!available()) return {};
  return overdue::analysis_csv_files(*ledger_, files_, *result_, overdue_, language);
}

}  // namespace app
