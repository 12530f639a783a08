// An analysis of a set of files, resumable (issue #16): the phase machine the page and the CLI
// share. Files in, an AnalysisResult out:
//
//   ledger (LedgerJob) → contact log → monitor (MonitorJob) → forecast (ForecastJob) →
//   classification (OverdueJob)
//
// A job (overdue/job/job.hpp): `run_to_end(session)` is the CLI's analyze, the page steps it a
// slice per frame. Each step works in one phase only, so a caller can size its slices per phase
// (phase() says which comes next; a phase's unit is its job's: rows, items, customers).
//
// After it is done, a settings change reruns only what it touches, in slices too: new monitor
// options rerun the monitor and the classification, new classification settings only the
// classification. The last complete result (result()) stays readable while a rerun computes and
// is replaced in one piece when the rerun is done: a monitor result is never shown with another
// result's classification.
#pragma once
#include <cstdint>
#include <memory>

#include "overdue/import/file_list.hpp"
#include "overdue/job/job.hpp"
#include "overdue/report/analysis_result.hpp"

namespace overdue {

enum class SessionPhase { ledger, contacts, monitor, forecast, classify, idle };

class AnalysisSession {
 public:
  // `files` must outlive the session and every result read from it, and not change.
  AnalysisSession(FileList files, const AnalysisSettings& settings);
  ~AnalysisSession();
  AnalysisSession(const AnalysisSession&) = delete;
  AnalysisSession& operator=(const AnalysisSession&) = delete;

  // About budget.units of the current phase's work (its job's units; the contact log and the
  // hand-overs between phases use the whole budget); Step::done once the result matches the
  // settings last given.
  Step step(Budget& budget);
  double progress() const;        // 0 … 1 of the running computation (1 when idle)
  SessionPhase phase() const;     // what the next step works on
  // The computation under way started from the ledger (new files), as opposed to a rerun.
  bool rebuilding() const;

  // Reruns the monitor and the classification with these options (at once when the ledger and
  // the contact log are done, else when they are). A running monitor is dropped.
  void set_monitor_options(const MonitorOptions& options);
  // Reruns the classification with these settings: at once when idle, else after the running one.
  void set_overdue_settings(const OverdueSettings& settings);
  // The language echoed by the writers (result().settings.language): no rerun, nothing depends on it.
  void set_language(Lang language);

  // The last complete result. ledger and contacts are there once the ledger phase is over (the
  // page shows the ledger while the monitor runs); monitor and overdue once analysed().
  const AnalysisResult& result() const;
  bool has_ledger() const;
  // A ledger with at least one invoice, its monitor result and classification are in result().
  bool analysed() const;
  // Bumped when result().monitor (with its classification) or result().overdue is replaced.
  uint64_t monitor_revision() const;
  uint64_t classify_revision() const;

  // The result, once step() returned Step::done (then the session is spent).
  AnalysisResult take();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace overdue
