#include "analysis.hpp"

#include <algorithm>
#include <utility>

#include "app_state.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/csv_export.hpp"
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

overdue::MonitorOptions monitor_options(const AnalysisControls& c) {
  overdue::MonitorOptions options;
  options.as_of = c.as_of_latest ? overdue::kMissingDays : c.as_of;
  options.threshold_days = c.threshold_days;
  options.bucket_edges = c.bucket_edges;
  options.step = c.step;
  return options;
}

}  // namespace

double Analysis::slice_ms() const { return rebuilding() ? kRebuildSliceMs : kMonitorSliceMs; }

bool Analysis::pending() const {
  return waiting_ || finished_ || controls != applied_ || settings_edits_ != sent_edits_ ||
         keep_drafts != applied_keep_drafts_ ||
         (session_ && session_->phase() != overdue::SessionPhase::idle);
}

void Analysis::update(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  finished_ = false;
  std::vector<std::pair<int, uint64_t>> key;
  for (const auto& f : files) {
    if (f->status == LoadStatus::done) key.emplace_back(f->id, f->revision);
  }
  if (!files_key_valid_ || key != files_key_) {
    // New files: everything again, from the ledger. It waits a frame so "Computing…" is drawn
    // before the first slice; the shown result stays until then.
    files_key_ = std::move(key);
    files_key_valid_ = true;
    applied_ = controls;
    waiting_ = true;
    return;
  }
  if (!waiting_ && keep_drafts != applied_keep_drafts_) {
    // The ledger's options changed: everything again from the ledger, like new files.
    applied_ = controls;
    waiting_ = true;
    return;
  }
  if (waiting_) {
    start_session(files);
    return;
  }
  if (!session_) return;
  if (controls != applied_) {
    // A newer as-of / threshold / buckets / step: the running monitor (if any) is dropped and
    // started again; the shown result stays until the new one is complete. Before the ledger and
    // contacts are done, the monitor starts with these controls when they are.
    applied_ = controls;
    const bool restarts = session_->phase() != overdue::SessionPhase::ledger &&
                          session_->phase() != overdue::SessionPhase::contacts;
    session_->set_monitor_options(monitor_options(applied_));
    if (restarts) {
      longest_slice_ms = 0;
      timed_phase_ = overdue::SessionPhase::idle;   // the monitor's time and slices start again
    }
    take_changes();
  }
  if (settings_edits_ != sent_edits_) {
    // A settings edit reruns only the classification (after the running one, if any).
    sent_edits_ = settings_edits_;
    session_->set_overdue_settings(settings);
    take_changes();
  }
  step_session();
}

double Analysis::progress() const {
  if (!session_ || waiting_ || session_->phase() == overdue::SessionPhase::idle) return 0.0;
  return session_->progress();
}

void Analysis::start_session(const std::vector<std::unique_ptr<LoadedFile>>& files) {
  waiting_ = false;
  // The done files in drop order, the order the CLI gets them in.
  std::vector<std::shared_ptr<const overdue::ImportedFile>> owned;
  std::vector<const overdue::ImportedFile*> pointers;
  for (const auto& f : files) {
    if (f->status != LoadStatus::done) continue;
    owned.push_back(f->shared_data);
    pointers.push_back(f->shared_data.get());
  }
  // What is shown belongs to the old files: it goes first (the old session refers to them).
  session_.reset();
  owned_files_ = std::move(owned);
  files_ = std::move(pointers);
  classified_index_.clear();
  ++revision_;
  ++classify_revision_;
  json_valid_ = false;
  // As `analyze` gets them from its flags: the monitor options as given (as_of kMissingDays when
  // following the data's latest date), the classification settings and the settings language.
  overdue::AnalysisSettings start;
  start.monitor = monitor_options(applied_);
  start.overdue = settings;
  start.language = settings_language;
  start.ledger = ledger_options;
  start.ledger.receivables_account = receivables_account;
  start.ledger.keep_drafts = applied_keep_drafts_ = keep_drafts;
  start.import.keep_swapped_dates = keep_swapped_dates;
  start.credit = credit;
  sent_edits_ = settings_edits_;
  // The session reads the files a slice per frame; an edit of a file changes files_key_, which
  // replaces the session before it steps again (update()).
  session_ = std::make_unique<overdue::AnalysisSession>(files_, start);
  seen_monitor_revision_ = session_->monitor_revision();
  seen_classify_revision_ = session_->classify_revision();
  timed_phase_ = overdue::SessionPhase::idle;
  longest_slice_ms = 0;
}

void Analysis::step_session() {
  using overdue::SessionPhase;
  const SessionPhase phase = session_->phase();
  if (phase == SessionPhase::idle) return;
  if (phase != timed_phase_) {   // a phase begins: its time and slices from zero
    timed_phase_ = phase;
    phase_ms_ = 0;
    if (phase == SessionPhase::monitor) monitor_slices = 0;
  }
  FramePacer& pacer = phase == SessionPhase::ledger    ? ledger_pacer_
                      : phase == SessionPhase::monitor ? monitor_pacer_
                      : phase == SessionPhase::forecast ? forecast_pacer_
                                                       : classify_pacer_;
  if (phase == SessionPhase::contacts) {
    // One piece (the contact log, then the monitor starts): not a slice to size anything by.
    overdue::Budget all = overdue::Budget::unbounded();
    session_->step(all);
  } else {
    step_paced(*session_, pacer, slice_ms());
    phase_ms_ += pacer.last_ms();
    longest_slice_ms = std::max(longest_slice_ms, pacer.last_ms());
    if (phase == SessionPhase::monitor) ++monitor_slices;
  }
  if (session_->phase() != phase) {   // the phase is over: its time is the last run's
    if (phase == SessionPhase::ledger) ledger_ms = phase_ms_;
    if (phase == SessionPhase::monitor) monitor_ms = phase_ms_;
    if (phase == SessionPhase::classify) classify_ms = phase_ms_;
    timed_phase_ = SessionPhase::idle;
  }
  finished_ = session_->phase() == SessionPhase::idle;
  if (session_->has_ledger() && selected_customer >= static_cast<int>(ledger().customers.size()))
    selected_customer = -1;
  take_changes();
}

void Analysis::take_changes() {
  if (session_->monitor_revision() != seen_monitor_revision_) {
    seen_monitor_revision_ = session_->monitor_revision();
    ++revision_;
    json_valid_ = false;
  }
  if (session_->classify_revision() == seen_classify_revision_) return;
  seen_classify_revision_ = session_->classify_revision();
  ++classify_revision_;
  json_valid_ = false;
  classified_index_.clear();
  if (!available()) return;
  classified_index_.assign(ledger().customers.size(), -1);
  const overdue::OverdueAnalysis& analysis = overdue();
  for (size_t i = 0; i < analysis.customers.size(); ++i)
    classified_index_[analysis.customers[i].customer] = static_cast<int32_t>(i);
}

const overdue::ContactLog& Analysis::contacts() const {
  static const overdue::ContactLog none;
  return has_ledger() ? analysis().contacts : none;
}

const overdue::OverdueAnalysis& Analysis::overdue() const {
  static const overdue::OverdueAnalysis none;
  return session_ ? analysis().overdue : none;
}

const overdue::OverdueSettings& Analysis::applied_settings() const {
  static const overdue::OverdueSettings defaults;
  return session_ ? analysis().settings.overdue : defaults;
}

const overdue::ClassifiedCustomer* Analysis::classified(uint32_t customer) const {
  if (customer >= classified_index_.size() || classified_index_[customer] < 0) return nullptr;
  return &overdue().customers[classified_index_[customer]];
}

const std::string& Analysis::json() const {
  if (json_valid_ && json_language_ == settings_language) return json_;
  json_valid_ = true;
  json_language_ = settings_language;
  json_ = "null";
  if (!available()) return json_;
  // The settings in effect, as `analyze` gets them from its flags (session.hpp), in the language
  // of the settings file loaded, if any (settings_language): it changes no number, only the echo.
  session_->set_language(settings_language);
  json_ = overdue::analysis_json(analysis());
  return json_;
}

const overdue::CreditWatch& Analysis::credit_watch() const {
  if (!available()) {
    static const overdue::CreditWatch none;
    return none;
  }
  if (credit_watch_revision_ != classify_revision_) {
    credit_watch_revision_ = classify_revision_;
    credit_watch_ = overdue::credit_watch(ledger(), result(), overdue(), analysis().settings.credit.warning_share);
  }
  return credit_watch_;
}

std::vector<overdue::CsvFile> Analysis::csv_files(overdue::Lang language) const {
  if (!available()) return {};
  return overdue::analysis_csv_files(analysis(), language);
}

}  // namespace app
