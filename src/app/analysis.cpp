#include "analysis.hpp"

#include <algorithm>
#include <utility>

#include "app_state.hpp"
#include "overdue/report/analysis_json.hpp"
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

namespace {

// Work per frame (issue #7: no task over 200 ms). Under SwiftShader a frame costs ~50 ms of its
// own, so ~40 ms of work keeps the page near 10 fps while an as-of or threshold change computes
// (the user is dragging a control). After new files the user watches a progress bar and the page
// draws only a few frames a second (main.cpp), so slices are larger: less time lost between them.
constexpr double kMonitorSliceMs = 40.0;
constexpr double kRebuildSliceMs = 100.0;

// The next slice's size from this one's pace (as the importer's typing slices): half the old
// size, half what would have taken `target_ms`. A step that took almost no time tells nothing
// (it may have ended a stage early, or had nothing to do) and leaves the size alone, and the size
// grows by half at most per step: doubling on such steps once let the budget run up to a
// 1.8-second slice when the next stage was the payment replay.
double adapted_budget(double budget, double ms, double target_ms, double least) {
  if (ms < 2.0) return budget;
  const double next = 0.5 * budget + 0.5 * budget * target_ms / ms;
  return std::min(5e7, std::max(least, std::min(next, 1.5 * budget)));
}

}  // namespace

double Analysis::slice_ms() const { return with_ledger_ ? kRebuildSliceMs : kMonitorSliceMs; }

void Analysis::update(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  std::vector<std::pair<int, uint64_t>> key;
  for (const auto& f : files) {
    if (f->status == LoadStatus::done) key.emplace_back(f->id, f->revision);
  }
  if (!files_key_valid_ || key != files_key_) {
    // New files: everything again, from the ledger. It waits a frame so "Computing…" is drawn
    // before the long call.
    files_key_ = std::move(key);
    files_key_valid_ = true;
    applied_ = controls;
    classify_job_.reset();
    job_.reset();
    next_result_.reset();
    ledger_job_.reset();
    with_ledger_ = true;
    phase_ = Phase::wait;
    return;
  }
  if (controls != applied_) {
    // A newer as-of / threshold / buckets / step: the running monitor (if any) is dropped and
    // started again; the shown result stays until the new one is complete. Before the ledger and
    // contacts are done, the monitor starts with these controls when they are.
    applied_ = controls;
    if (phase_ == Phase::idle || phase_ == Phase::monitor || phase_ == Phase::classify) {
      with_ledger_ = false;
      start_monitor();
    }
  }
  switch (phase_) {
    case Phase::idle:
      // A settings edit reruns only the classification, at once: the user is watching the
      // thresholds move.
      if (settings_edits_ != applied_edits_) rerun_classification();
      return;
    case Phase::wait:
      start_ledger(files);
      phase_ = Phase::ledger;
      return;
    case Phase::ledger:
      ledger_slice();
      return;
    case Phase::contacts:
      rebuild_contacts();
      start_monitor();
      return;
    case Phase::monitor:
      monitor_slice();
      return;
    case Phase::classify:
      classify_slice();
      return;
  }
}

double Analysis::progress() const {
  // Shares of the whole from the 1 M-row profile (ledger 3.2 s, monitor 0.95 s, classification
  // 1.7 s in the page); without the ledger: the monitor and the classification alone.
  const double monitor_done = phase_ == Phase::monitor && job_ ? job_->progress() : 0.0;
  const double ledger = with_ledger_ ? 0.55 : 0.0, monitor = with_ledger_ ? 0.17 : 0.36;
  switch (phase_) {
    case Phase::idle:
    case Phase::wait:
      return 0.0;
    case Phase::ledger:
      return ledger * (ledger_job_ ? ledger_job_->progress() : 0.0);
    case Phase::contacts:
      return ledger;
    case Phase::monitor:
      return ledger + monitor * monitor_done;
    case Phase::classify:
      return ledger + monitor + (1.0 - ledger - monitor) * (classify_job_ ? classify_job_->progress() : 0.0);
  }
  return 0.0;
}

void Analysis::start_ledger(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  // What is shown belongs to the old ledger: it goes first.
  result_.reset();
  ledger_.reset();
  overdue_ = overdue::OverdueAnalysis{};
  classified_index_.clear();
  ++revision_;
  ++classify_revision_;
  json_valid_ = false;
  // The done files in drop order, the order the CLI gets them in.
  owned_files_.clear();
  files_.clear();
  for (const auto& f : files) {
    if (f->status != LoadStatus::done) continue;
    owned_files_.push_back(f->shared_data);
    files_.push_back(f->shared_data.get());
  }
  // The job reads the files a slice per frame; an edit of a file changes files_key_, which drops
  // the job before it steps again (update()).
  ledger_job_ = std::make_unique<overdue::LedgerJob>(files_);
  ledger_run_ms_ = 0;
  longest_slice_ms = 0;
}

void Analysis::ledger_slice() {
  const double t0 = platform::now_ms();
  const bool done = ledger_job_->step(static_cast<size_t>(ledger_budget_));
  const double ms = platform::now_ms() - t0;
  ledger_run_ms_ += ms;
  longest_slice_ms = std::max(longest_slice_ms, ms);
  ledger_budget_ = adapted_budget(ledger_budget_, ms, slice_ms(), 500.0);
  if (!done) return;
  ledger_ = std::make_unique<overdue::Ledger>(ledger_job_->take());
  ledger_job_.reset();
  ledger_ms = ledger_run_ms_;
  if (selected_customer >= static_cast<int>(ledger_->customers.size())) selected_customer = -1;
  phase_ = Phase::contacts;
}

void Analysis::rebuild_contacts() { contacts_ = overdue::build_contact_log(files_, *ledger_); }

void Analysis::start_monitor() {
  classify_job_.reset();  // it refers to next_result_
  job_.reset();
  next_result_.reset();
  if (!ledger_ || ledger_->invoices.empty()) {
    result_.reset();
    ++revision_;
    json_valid_ = false;
    rerun_classification();
    phase_ = Phase::idle;
    return;
  }
  overdue::MonitorOptions options;
  options.as_of = applied_.as_of_latest ? overdue::kMissingDays : applied_.as_of;
  options.threshold_days = applied_.threshold_days;
  options.bucket_edges = applied_.bucket_edges;
  options.step = applied_.step;
  next_options_ = options;
  job_ = std::make_unique<overdue::MonitorJob>(*ledger_, options);
  if (!with_ledger_) longest_slice_ms = 0;
  monitor_run_ms_ = 0;
  monitor_slices = 0;
  phase_ = Phase::monitor;
}

void Analysis::monitor_slice() {
  const double t0 = platform::now_ms();
  const bool done = job_->step(monitor_budget_);
  const double ms = platform::now_ms() - t0;
  monitor_run_ms_ += ms;
  longest_slice_ms = std::max(longest_slice_ms, ms);
  ++monitor_slices;
  monitor_budget_ = static_cast<uint64_t>(adapted_budget(static_cast<double>(monitor_budget_), ms, slice_ms(), 5e3));
  if (!done) return;
  next_result_ = std::make_unique<overdue::MonitorResult>(job_->take());
  job_.reset();
  monitor_ms = monitor_run_ms_;
  // The classification of the new result, in slices too; the contact log is always passed, as
  // the CLI does (present == false: contact rules not evaluated).
  next_settings_ = settings;
  next_edits_ = settings_edits_;
  classify_job_ =
      std::make_unique<overdue::OverdueJob>(*ledger_, *next_result_, &contacts_, next_settings_);
  classify_run_ms_ = 0;
  phase_ = Phase::classify;
}

void Analysis::classify_slice() {
  const double t0 = platform::now_ms();
  const bool done = classify_job_->step(classify_budget_);
  const double ms = platform::now_ms() - t0;
  classify_run_ms_ += ms;
  longest_slice_ms = std::max(longest_slice_ms, ms);
  classify_budget_ = static_cast<size_t>(adapted_budget(static_cast<double>(classify_budget_), ms, slice_ms(), 50.0));
  if (done) finish_analysis();
}

void Analysis::finish_analysis() {
  // The new monitor result and its classification replace the shown ones together, in this one
  // call: the page never draws a result with another result's classification.
  overdue::OverdueAnalysis analysis = classify_job_->take();
  classify_job_.reset();
  result_ = std::move(next_result_);
  monitor_options_ = next_options_;
  json_valid_ = false;
  ++revision_;
  install_classification(std::move(analysis), next_settings_, next_edits_);
  classify_ms = classify_run_ms_;
  phase_ = Phase::idle;
}

void Analysis::rerun_classification() {
  overdue::OverdueAnalysis analysis;
  const double t0 = platform::now_ms();
  // The contact log is always passed, as the CLI does (present == false: contact rules not evaluated).
  if (available()) analysis = overdue::analyze_overdue(*ledger_, *result_, &contacts_, settings);
  classify_ms = platform::now_ms() - t0;
  install_classification(std::move(analysis), settings, settings_edits_);
}

void Analysis::install_classification(overdue::OverdueAnalysis analysis,
                                      const overdue::OverdueSettings& used, uint64_t edits) {
  // `edits`: the settings edits the classification saw; a later edit reruns it when idle.
  applied_edits_ = edits;
  applied_settings_ = used;
  json_valid_ = false;
  ++classify_revision_;
  overdue_ = std::move(analysis);
  classified_index_.clear();
  if (!available()) return;
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
