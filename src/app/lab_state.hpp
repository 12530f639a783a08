// The model lab page's state (issue #5): the user's setup (file, target, bad value, options),
// the run (overdue::ModelLabJob stepped a paced slice per frame, so the page keeps drawing and shows
// which step runs) and what the views derive from a finished run once (curves, histograms).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "overdue/model/lab.hpp"
#include "overdue/model/metrics.hpp"

namespace app {

class AppState;

// The lab's demo file (the UCI credit-card data, fetched only when the user asks for it).
constexpr const char* kCreditDemoFileName = "uci_credit_card.csv";

enum class LabView { data, features, model, evaluation, decisions, stability };
enum class LabModel { logistic, scorecard, tree };
constexpr int kLabModelCount = 3;

// What the evaluation and decision views draw, computed once when a run finishes.
struct LabDerived {
  std::vector<uint8_t> test_labels;                       // split.test order
  std::vector<overdue::CurvePoint> curve[kLabModelCount];  // ROC/KS, thinned for drawing
  overdue::ScoreHistogram histogram[kLabModelCount];
  std::vector<overdue::CutoffPoint> cutoff_curve;          // scorecard points, thinned
  std::vector<double> scorecard_test_points;               // copy kept sorted for the cutoff slider range
};

// What the evaluation and decision views last showed (for the test hook).
struct LabShown {
  double threshold = 0;
  size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double cutoff = 0, approval_rate = 0, bad_rate_approved = 0;
  size_t approved = 0;
};

struct LabState {
  // Setup, edited by the user before a run.
  int file_id = 0;                 // the accounts file; 0 = none chosen yet
  std::string target;              // column name; "" = the column whose role is "target"
  std::string bad_value;           // "" = 1 for a 0/1 target
  overdue::ModelLabOptions options;
  bool auto_start = false;         // start as soon as the file is in (the lab's demo)

  // The running lab (a core job stepped a slice per frame), then its finished run.
  std::unique_ptr<overdue::ModelLabJob> job;
  std::unique_ptr<overdue::ModelLab> run;
  // What to show: the running lab so far, else the last run (nullptr: none).
  const overdue::ModelLab* shown_run() const { return job ? &job->lab() : run.get(); }
  int run_file_id = 0;
  bool running = false;
  // A run asked for while a view draws the shown run: started by advance_lab before the next frame
  // draws, because starting it frees the run that view is still drawing from.
  bool run_requested = false;
  bool show_results = false;       // a run finished (maybe with an error)
  double started_ms = 0, finished_ms = 0;
  double longest_step_ms = 0;
  LabDerived derived;

  // View choices.
  LabView view = LabView::data;
  bool switch_view = false;
  LabModel model = LabModel::scorecard;  // evaluation: the model whose threshold is dragged
  double threshold[kLabModelCount] = {-1, -1, -1};  // < 0: the model's KS threshold
  double cutoff = -1;              // decisions: scorecard points cutoff; < 0 = the 70 % approval point
  int feature = 0;                 // features: the binning shown
  // Stability monitoring (issue #21 §3, panel_lab_stability.cpp): the loaded file of new applicants
  // and the date column of the by-month variant. The result goes into run->monitoring (so
  // summary().model carries it as `model --monitor/--monitor-by` writes it), recomputed when a
  // choice changes or a new run finishes (monitor_stale), by a core job stepped a paced slice per
  // frame while the view is shown (a few frames for 150k rows).
  int monitor_file_id = 0;         // 0 = none
  std::string monitor_by;          // "" = none
  bool monitor_stale = true;
  std::unique_ptr<overdue::StabilityJob> monitor_job;
  int monitor_job_dev = 0, monitor_job_other = 0;  // the files the job reads (checked every frame)
  std::string monitor_error;
  double monitor_started_ms = 0;
  double monitor_ms = 0;           // the last computation, wall clock from choice to result
  int monitor_frames = 0;          // frames it took
  double monitor_compute_ms = 0, monitor_longest_ms = 0;  // time in the job's slices: sum, longest
  std::string monitor_shown_psi;   // the score PSI as the view last printed it (test hook)
  std::string monitor_feature;     // the feature whose bins are shown ("" = the highest CSI)
  overdue::BandOptions bands;      // decisions: limits and pricing, editable
  std::vector<overdue::ScoreBand> band_rows;  // bands recomputed with `bands`
  LabShown shown;
};

// Asks for a run on the file `lab.file_id` with the setup in `lab` (replacing any earlier run); it
// starts at the next advance_lab, so the views may call this while they draw the current run.
void request_lab_run(LabState& lab);
// Once per frame: a slice of a running lab (its steps paced to a frame, at least one).
void advance_lab(AppState& state);
// The lab tab (panel_lab.cpp) and its views (panel_lab_*.cpp).
void draw_lab(AppState& state);
// The accounts file the lab should offer first: the selected file if it is an accounts table,
// else the first accounts table, else 0.
int default_lab_file(const AppState& state);
// Recomputes the bands after the user changed limits or pricing.
void recompute_lab_bands(LabState& lab);

}  // namespace app
