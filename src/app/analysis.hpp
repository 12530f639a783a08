// The monitoring analysis the dashboard draws from (issue #3): the ledger built from the loaded
// files and the monitor result at the user's as-of date, threshold, bucket edges and replay step.
// Cached: the ledger is rebuilt only when the files change (load, remove, role/kind edits), the
// monitor reruns only when a control changes, and the classification (issue #4: types, rule trace,
// scores, allowance, actions) reruns when the monitor does or when the user edits its settings —
// that is cheap (linear in the ledger), so a threshold edit never rebuilds the ledger. No ImGui here.
//
// In phases over frames, so the page never freezes (issue #7): the core's AnalysisSession
// (overdue/session/session.hpp: ledger, contact log, monitor, classification) stepped a slice per
// frame, each slice sized by a FramePacer per phase from the time the last ones took (~100 ms
// after new files, ~40 ms after a control change). A control change (as-of slider, threshold,
// buckets, step) or a settings edit keeps the previous result on screen while the new one
// computes; a newer change cancels the running monitor and starts again, so dragging the slider
// stays smooth. The new monitor result and its classification replace the shown ones together.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frame_pacer.hpp"
#include "overdue/classify/classify.hpp"
#include "overdue/classify/credit.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/csv_export.hpp"
#include "overdue/session/session.hpp"

namespace app {

struct LoadedFile;

struct AnalysisControls {
  bool as_of_latest = true;                      // follow the data's latest date
  int32_t as_of = overdue::kMissingDays;         // used when !as_of_latest
  int threshold_days = 30;
  std::vector<int> bucket_edges{30, 60, 90, 180};
  overdue::ReplayStep step = overdue::ReplayStep::week;
  bool operator==(const AnalysisControls& o) const {
    return as_of_latest == o.as_of_latest && as_of == o.as_of && threshold_days == o.threshold_days &&
           bucket_edges == o.bucket_edges && step == o.step;
  }
  bool operator!=(const AnalysisControls& o) const { return !(*this == o); }
};

// "30,60,90,180" → strictly increasing positive edges; false (and `error` set to a string-table
// key's meaning: empty, not a number, not increasing) when the text is not a valid list.
enum class EdgesError { none, empty, not_a_number, not_increasing };
EdgesError parse_bucket_edges(const std::string& text, std::vector<int>& edges);
std::string bucket_edges_text(const std::vector<int>& edges);

class Analysis {
 public:
  // Once per frame: one slice of the session's work. A new session waits one frame after a
  // change of files so "Computing…" can be drawn first.
  void update(const std::vector<std::unique_ptr<LoadedFile>>& files);
  // Work is under way (or about to start): what is shown is not the result of the current files,
  // controls and settings yet. Tests wait for !pending().
  bool pending() const;
  // New files are being analysed (from the ledger on), as opposed to a control change.
  bool rebuilding() const { return waiting_ || (session_ && session_->rebuilding()); }
  // The phase the next slice works in (idle: none under way).
  overdue::SessionPhase phase() const { return session_ ? session_->phase() : overdue::SessionPhase::idle; }
  // How far the running computation is, 0 … 1 (0 when idle).
  double progress() const;

  // A ledger with at least one invoice was built from the loaded files.
  bool available() const { return session_ && session_->analysed(); }
  bool has_ledger() const { return session_ && session_->has_ledger(); }
  // The whole analysis (ledger, files, monitor result, classification, contact log, settings), as
  // the writers take it. Valid when available() (ledger and contacts when has_ledger()).
  const overdue::AnalysisResult& analysis() const { return session_->result(); }
  const overdue::Ledger& ledger() const { return analysis().ledger; }
  const overdue::MonitorResult& result() const { return analysis().monitor; }
  // Files given to the session (done files in drop order); SourceRef::file indexes these.
  overdue::FileList files() const { return files_; }
  // Bumped whenever result() changes: views of it (sorted lists) rebuild on a new revision.
  uint64_t revision() const { return revision_; }
  // The analysis JSON of `overdue-lens analyze` for the current files and controls ("null" when
  // no ledger); computed on first request after a change.
  const std::string& json() const;
  // The six tables as CSV files (csv_export.hpp), the same bytes as `analyze --csv-dir`; headers
  // in `language`. Empty when no analysis is available.
  std::vector<overdue::CsvFile> csv_files(overdue::Lang language) const;

  // [SECTION] classification (issue #4) -------------------------------------------------------------
  // Contact log of the files of kind "contacts" (present == false without one).
  const overdue::ContactLog& contacts() const;
  const overdue::OverdueAnalysis& overdue() const;
  // The settings the shown classification was computed with (settings may be mid-edit).
  const overdue::OverdueSettings& applied_settings() const;
  // The classified entry of a ledger customer, nullptr when it is not overdue.
  const overdue::ClassifiedCustomer* classified(uint32_t customer) const;
  // Bumped whenever overdue() changes (monitor rerun or settings edit).
  uint64_t classify_revision() const { return classify_revision_; }
  // Call after editing `settings`: the classification reruns (in slices) from the next update().
  void settings_edited() { ++settings_edits_; }
  // What the ledger is built with (issue #17: currency rates, …), as `analyze` takes it from its
  // flags. Call ledger_options_edited() after a change: everything is rebuilt from the ledger.
  overdue::LedgerOptions ledger_options;
  void ledger_options_edited() { waiting_ = true; }

  overdue::OverdueSettings settings;  // editable by the user (teaching panel, types view)
  // Drafts read as invoices (settings import.keep_drafts, analyze --keep-drafts): a change
  // rebuilds from the ledger.
  bool keep_drafts = false;
  // Excel's swapped day/month kept as stored (settings import.excel_date_swap = keep, issue #18).
  // The files are read with it (AppState::set_keep_swapped_dates); here for the settings echo.
  bool keep_swapped_dates = false;
  // The settings document's "language" as echoed in the analysis JSON: the CLI's default ("zh")
  // until a settings file is loaded, then that file's (the UI language is a separate choice).
  overdue::Lang settings_language = overdue::Lang::zh;
  // Settings credit.warning_share (issue #20 §4): given to the session; a change rebuilds.
  overdue::AnalysisSettings::Credit credit;
  // Credit limits against open amounts (classify/credit.hpp) of the shown analysis, with the
  // warning share it was computed with; rebuilt when the classification changes.
  const overdue::CreditWatch& credit_watch() const;
  double classify_ms = 0;             // time of the last classification (its slices added up)

  AnalysisControls controls;
  // A general ledger's receivables account picked on the mapping screen (LedgerOptions::
  // receivables_account; empty: by name or code). A change bumps the general ledgers' revisions,
  // which rebuilds the ledger.
  std::string receivables_account;
  int selected_customer = -1;   // index into Ledger::customers, -1 none
  // Time of the last ledger build and of the last monitor run (its slices added up; the
  // frames between them are not counted); monitor_slices: how many frames it took.
  double ledger_ms = 0, monitor_ms = 0;
  int monitor_slices = 0;
  // The longest single slice (ledger, monitor or classification) since new files or the last
  // control change: what one frame waited for the analysis.
  double longest_slice_ms = 0;

 private:
  void start_session(const std::vector<std::unique_ptr<LoadedFile>>& files);
  void step_session();
  void take_changes();   // revisions and the classified index after the session replaced a result
  double slice_ms() const;   // work per frame: larger while new files are analysed

  std::vector<std::pair<int, uint64_t>> files_key_;  // (id, revision) of the done files
  bool files_key_valid_ = false;
  bool waiting_ = false;   // new files: the session starts on the next update()
  bool applied_keep_drafts_ = false;   // keep_drafts of the running session
  // The session finished in this frame's update(): still pending until the next one, so a reader
  // between frames (the tests' summary, then busy) never sees "idle" with the result of a frame
  // it did not read.
  bool finished_ = false;
  AnalysisControls applied_;   // the controls the session was last given
  uint64_t settings_edits_ = 0, sent_edits_ = 0;   // settings edits, and those given to the session
  // The done files' data, shared with their LoadedFile (never copied): kept alive here while the
  // analysis built from them is shown, even if the user removed the file meanwhile.
  std::vector<std::shared_ptr<const overdue::ImportedFile>> owned_files_;
  std::vector<const overdue::ImportedFile*> files_;
  std::unique_ptr<overdue::AnalysisSession> session_;
  // One pacer per phase: their units differ (ledger rows, monitor items, customers' rows).
  FramePacer ledger_pacer_{20000, 500}, monitor_pacer_{50000, 5e3}, classify_pacer_{2000, 50};
  FramePacer forecast_pacer_{50000, 5e3};   // invoices and customers visited (issue #20 §1)
  overdue::SessionPhase timed_phase_ = overdue::SessionPhase::idle;   // the phase phase_ms_ adds up
  double phase_ms_ = 0;
  uint64_t seen_monitor_revision_ = 0, seen_classify_revision_ = 0;
  uint64_t revision_ = 0;
  uint64_t classify_revision_ = 0;
  std::vector<int32_t> classified_index_;  // per ledger customer: index into overdue().customers or -1
  mutable std::string json_;
  mutable overdue::Lang json_language_ = overdue::Lang::zh;
  mutable bool json_valid_ = false;
  mutable overdue::CreditWatch credit_watch_;
  mutable uint64_t credit_watch_revision_ = UINT64_MAX;
};

}  // namespace app
