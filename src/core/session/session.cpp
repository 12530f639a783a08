// AnalysisSession (include/overdue/session/session.hpp): the phase machine over the core's jobs.
// The shown result (`shown`) changes only at the end of a phase that completes it; the jobs keep
// references into it (ledger, contacts, the shown monitor result during a classification-only
// rerun), so nothing in it moves while a job runs.
#include "overdue/session/session.hpp"

#include <utility>

#include "overdue/classify/classify.hpp"
#include "overdue/forecast/forecast.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/disputes.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"

namespace overdue {

struct AnalysisSession::State {
  AnalysisResult shown;
  MonitorOptions wanted_monitor;   // the settings last given
  OverdueSettings wanted_overdue;
  bool reclassify = false;         // new classification settings arrived while one ran
  SessionPhase phase = SessionPhase::ledger;
  bool with_ledger = true;         // the running computation began with the ledger
  bool has_ledger = false, analysed = false;
  uint64_t monitor_revision = 0, classify_revision = 0;

  std::unique_ptr<LedgerJob> ledger_job;
  std::unique_ptr<MonitorJob> monitor_job;
  MonitorOptions running_monitor;                // what monitor_job runs with
  std::unique_ptr<MonitorResult> next_monitor;   // its result until classified (none: a rerun of
                                                 // the classification of shown.monitor)
  // The forecast of next_monitor (issue #20 §1): it depends on the monitor, not on the
  // classification's settings, so a classification-only rerun keeps the shown one.
  std::unique_ptr<ForecastJob> forecast_job;
  std::unique_ptr<CashForecast> next_forecast;
  std::unique_ptr<OverdueJob> classify_job;
  OverdueSettings running_overdue;               // what classify_job runs with (it keeps a reference)

  // The monitor and then the classification with the wanted settings; a ledger without invoices
  // has nothing to monitor: an empty analysis at once.
  void start_monitor() {
    classify_job.reset();  // it may refer to next_monitor
    forecast_job.reset();
    next_forecast.reset();
    monitor_job.reset();
    next_monitor.reset();
    if (shown.ledger.invoices.empty()) {
      shown.monitor = MonitorResult{};
      shown.overdue = OverdueAnalysis{};
      shown.forecast = CashForecast{};
      shown.settings.monitor = wanted_monitor;
      shown.settings.overdue = wanted_overdue;
      analysed = false;
      reclassify = false;
      ++monitor_revision;
      ++classify_revision;
      phase = SessionPhase::idle;
      return;
    }
    running_monitor = wanted_monitor;
    monitor_job = std::make_unique<MonitorJob>(shown.ledger, running_monitor);
    phase = SessionPhase::monitor;
  }

  // The classification of `monitor` (next_monitor, or shown.monitor for a settings-only rerun).
  void start_classify(const MonitorResult& monitor) {
    running_overdue = wanted_overdue;
    reclassify = false;
    // The contact log is always passed, as the CLI always did (present == false: contact rules
    // not evaluated).
    classify_job = std::make_unique<OverdueJob>(shown.ledger, monitor, &shown.contacts, running_overdue);
    phase = SessionPhase::classify;
  }

  // The new monitor result (if any) and its classification replace the shown ones together.
  void finish_classify() {
    OverdueAnalysis overdue = classify_job->take();
    classify_job.reset();
    if (next_monitor) {
      shown.monitor = std::move(*next_monitor);
      next_monitor.reset();
      if (next_forecast) shown.forecast = std::move(*next_forecast);
      next_forecast.reset();
      shown.settings.monitor = running_monitor;
      ++monitor_revision;
    }
    shown.overdue = std::move(overdue);
    shown.settings.overdue = running_overdue;
    ++classify_revision;
    analysed = true;
    with_ledger = false;
    phase = SessionPhase::idle;
    if (reclassify) start_classify(shown.monitor);
  }
};

AnalysisSession::AnalysisSession(FileList files, const AnalysisSettings& settings)
    : s_(std::make_unique<State>()) {
  State& s = *s_;
  for (const ImportedFile& f : files) s.shown.files.push_back(&f);
  s.shown.settings = settings;
  s.wanted_monitor = settings.monitor;
  s.wanted_overdue = settings.overdue;
  s.ledger_job = std::make_unique<LedgerJob>(s.shown.file_list(), settings.ledger);
}

AnalysisSession::~AnalysisSession() = default;

Step AnalysisSession::step(Budget& budget) {
  State& s = *s_;
  switch (s.phase) {
    case SessionPhase::ledger:
      if (s.ledger_job->step(budget) == Step::more) return Step::more;
      s.shown.ledger = s.ledger_job->take();
      s.ledger_job.reset();
      s.has_ledger = true;
      s.phase = SessionPhase::contacts;
      return Step::more;
    case SessionPhase::contacts:
      // One piece: a pass over the contact files, small next to the ledger.
      s.shown.contacts = build_contact_log(s.shown.file_list(), s.shown.ledger);
      mark_contact_disputes(s.shown.ledger, s.shown.contacts);   // its `dispute` rows (issue #20 §2)
      budget.units = 0;
      s.start_monitor();
      return s.phase == SessionPhase::idle ? Step::done : Step::more;
    case SessionPhase::monitor:
      if (s.monitor_job->step(budget) == Step::more) return Step::more;
      s.next_monitor = std::make_unique<MonitorResult>(s.monitor_job->take());
      s.monitor_job.reset();
      s.forecast_job = std::make_unique<ForecastJob>(s.shown.ledger, *s.next_monitor, &s.shown.contacts);
      s.phase = SessionPhase::forecast;
      return Step::more;
    case SessionPhase::forecast:
      if (s.forecast_job->step(budget) == Step::more) return Step::more;
      s.next_forecast = std::make_unique<CashForecast>(s.forecast_job->take());
      s.forecast_job.reset();
      s.start_classify(*s.next_monitor);
      return Step::more;
    case SessionPhase::classify:
      if (s.classify_job->step(budget) == Step::more) return Step::more;
      s.finish_classify();
      return s.phase == SessionPhase::idle ? Step::done : Step::more;
    case SessionPhase::idle:
      return Step::done;
  }
  return Step::done;
}

double AnalysisSession::progress() const {
  const State& s = *s_;
  if (s.phase == SessionPhase::idle) return 1.0;
  // A classification-only rerun: the classification is all of it.
  if (s.phase == SessionPhase::classify && !s.next_monitor) return s.classify_job->progress();
  // Shares of the whole from the 1 M-row profile (ledger 3.2 s, monitor 0.95 s, classification
  // 1.7 s in the page); without the ledger: the monitor and the classification alone. The
  // forecast takes its share from the monitor's.
  const double ledger = s.with_ledger ? 0.55 : 0.0, monitor = s.with_ledger ? 0.10 : 0.2,
               forecast = s.with_ledger ? 0.07 : 0.16;
  switch (s.phase) {
    case SessionPhase::ledger: return ledger * s.ledger_job->progress();
    case SessionPhase::contacts: return ledger;
    case SessionPhase::monitor: return ledger + monitor * s.monitor_job->progress();
    case SessionPhase::forecast: return ledger + monitor + forecast * s.forecast_job->progress();
    case SessionPhase::classify:
      return ledger + monitor + forecast + (1.0 - ledger - monitor - forecast) * s.classify_job->progress();
    case SessionPhase::idle: break;
  }
  return 1.0;
}

SessionPhase AnalysisSession::phase() const { return s_->phase; }
bool AnalysisSession::rebuilding() const { return s_->phase != SessionPhase::idle && s_->with_ledger; }

void AnalysisSession::set_monitor_options(const MonitorOptions& options) {
  State& s = *s_;
  s.wanted_monitor = options;
  // Before the ledger and the contact log are done, the monitor starts with these when they are.
  if (s.phase == SessionPhase::ledger || s.phase == SessionPhase::contacts) return;
  s.with_ledger = false;
  s.start_monitor();
}

void AnalysisSession::set_overdue_settings(const OverdueSettings& settings) {
  State& s = *s_;
  s.wanted_overdue = settings;
  switch (s.phase) {
    case SessionPhase::ledger:
    case SessionPhase::contacts:
    case SessionPhase::monitor:
    case SessionPhase::forecast:
      return;  // the classification to come starts with these
    case SessionPhase::classify:
      s.reclassify = true;  // once the running one is done
      return;
    case SessionPhase::idle:
      if (s.analysed) {
        s.start_classify(s.shown.monitor);
      } else {  // nothing to classify: the settings in effect change all the same
        s.shown.settings.overdue = settings;
        ++s.classify_revision;
      }
      return;
  }
}

void AnalysisSession::set_language(Lang language) { s_->shown.settings.language = language; }

const AnalysisResult& AnalysisSession::result() const { return s_->shown; }
bool AnalysisSession::has_ledger() const { return s_->has_ledger; }
bool AnalysisSession::analysed() const { return s_->analysed; }
uint64_t AnalysisSession::monitor_revision() const { return s_->monitor_revision; }
uint64_t AnalysisSession::classify_revision() const { return s_->classify_revision; }

AnalysisResult AnalysisSession::take() { return std::move(s_->shown); }

}  // namespace overdue
