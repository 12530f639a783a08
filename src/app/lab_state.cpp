// Running the model lab in the page: the core's ModelLabJob (model/lab.hpp) a slice per frame,
// paced by a FramePacer, then the curves the views draw. The page never holds a frame for the whole lab; the longest single step is recorded
// so the note and the benchmark can report it.
#include "lab_state.hpp"

#include <algorithm>
#include <cmath>

#include "app_state.hpp"
#include "frame_pacer.hpp"
#include "platform.hpp"

namespace app {
namespace {

// The lab's steps take from a few to hundreds of milliseconds: a slice is at least one, more
// when they are quick, about this long.
constexpr double kLabSliceMs = 40.0;
FramePacer g_lab_pacer(1, 1, 64);

// Thins a curve (one point per distinct score, up to tens of thousands) to about `keep` points
// spread evenly over the population, always keeping the first and the last point.
std::vector<overdue::CurvePoint> thin_curve(const std::vector<overdue::CurvePoint>& curve, size_t keep) {
  if (curve.size() <= keep) return curve;
  std::vector<overdue::CurvePoint> out;
  out.reserve(keep + 1);
  double next = 0;
  const double step = 1.0 / static_cast<double>(keep);
  for (size_t i = 0; i < curve.size(); ++i) {
    if (i == 0 || i + 1 == curve.size() || curve[i].population >= next) {
      out.push_back(curve[i]);
      next = curve[i].population + step;
    }
  }
  return out;
}

const overdue::ModelEvaluation* evaluation_of(const overdue::ModelLab& lab, int model) {
  if (model == 0) return lab.logistic.ok() ? &lab.logistic_eval : nullptr;
  if (model == 1) return lab.scorecard.ok() ? &lab.scorecard_eval : nullptr;
  return lab.tree.ok() ? &lab.tree_eval : nullptr;
}

void derive(LabState& lab) {
  LabDerived& d = lab.derived;
  d = LabDerived{};
  const overdue::ModelLab& run = *lab.run;
  for (uint32_t i : run.split.test) d.test_labels.push_back(run.data.target[i]);
  for (int m = 0; m < kLabModelCount; ++m) {
    const overdue::ModelEvaluation* e = evaluation_of(run, m);
    if (e == nullptr || e->test_scores.size() != d.test_labels.size()) continue;
    d.curve[m] = thin_curve(overdue::score_curve(e->test_scores, d.test_labels), 400);
    d.histogram[m] = overdue::score_histogram(e->test_scores, d.test_labels, 24, 0, 1);
  }
  if (run.scorecard.ok()) {
    std::vector<overdue::CutoffPoint> full =
        overdue::cutoff_curve(run.scorecard_test_points, d.test_labels, false);
    // One point per 0.5 % of approvals is plenty for a curve.
    double next = 0;
    for (size_t i = 0; i < full.size(); ++i) {
      if (i == 0 || i + 1 == full.size() || full[i].approval_rate >= next) {
        d.cutoff_curve.push_back(full[i]);
        next = full[i].approval_rate + 0.005;
      }
    }
    d.scorecard_test_points = run.scorecard_test_points;
    std::sort(d.scorecard_test_points.begin(), d.scorecard_test_points.end());
  }
  for (double& t : lab.threshold) t = -1;
  lab.cutoff = -1;
  lab.bands = overdue::BandOptions{};
  lab.bands.bands = run.options.bands;
  lab.bands.higher_is_riskier = false;
  lab.band_rows = run.bands;
}

}  // namespace

int default_lab_file(const AppState& state) {
  int first = 0;
  for (const auto& f : state.files) {
    if (f->status != LoadStatus::done || f->data.table_kind != overdue::TableKind::accounts) continue;
    if (f->id == state.selected_id) return f->id;
    if (first == 0) first = f->id;
  }
  return first;
}

namespace {

// Starts the run at once (replaces any earlier run): only between frames, see request_lab_run.
void start_lab(AppState& state) {
  LabState& lab = state.lab;
  LoadedFile* file = state.find(lab.file_id);
  if (file == nullptr || file->status != LoadStatus::done) return;
  overdue::ModelLabOptions options = lab.options;
  options.data.target = lab.target;
  options.data.bad_value = lab.bad_value;
  if (lab.target.empty()) {
    for (const auto& c : file->data.columns)
      if (c.role == overdue::Role::target) options.data.target = c.name;
  }
  lab.run.reset();
  lab.job = std::make_unique<overdue::ModelLabJob>(file->data, options);
  lab.run_file_id = lab.file_id;
  lab.running = true;
  lab.show_results = false;
  lab.started_ms = platform::now_ms();
  lab.longest_step_ms = 0;
}

}  // namespace

void request_lab_run(LabState& lab) { lab.run_requested = true; }

void advance_lab(AppState& state) {
  LabState& lab = state.lab;
  if (lab.run_requested) {
    lab.run_requested = false;
    start_lab(state);
  }
  // "Load the credit demo": once its file is in, run the lab on it with the defaults.
  if (lab.auto_start && !lab.running) {
    for (const auto& f : state.files) {
      if (f->name != kCreditDemoFileName || f->status != LoadStatus::done) continue;
      lab.auto_start = false;
      lab.file_id = f->id;
      lab.target.clear();
      lab.bad_value.clear();
      start_lab(state);
      state.tab = Tab::lab;
      state.switch_tab = true;
      return;
    }
  }
  if (!lab.running) return;
  LoadedFile* file = state.find(lab.run_file_id);
  if (file == nullptr || file->status != LoadStatus::done) {  // the file was removed mid-run
    lab.running = false;
    lab.job.reset();
    return;
  }
  overdue::Step step = overdue::Step::done;
  bool out_of_memory = false;
  const size_t timed = lab.job->lab().times.size();
  try {
    step = step_paced(*lab.job, g_lab_pacer, kLabSliceMs);
  } catch (const std::bad_alloc&) {
    out_of_memory = true;
  }
  const std::vector<overdue::StepTime>& times = lab.job->lab().times;
  for (size_t i = timed; i < times.size(); ++i) lab.longest_step_ms = std::max(lab.longest_step_ms, times[i].ms);
  if (step == overdue::Step::more && !out_of_memory) return;
  lab.run = std::make_unique<overdue::ModelLab>(lab.job->take());
  lab.job.reset();
  if (out_of_memory) lab.run->error = "out of memory";
  lab.running = false;
  lab.show_results = true;
  lab.monitor_stale = true;  // stability monitoring: the new run's monitoring is empty
  lab.finished_ms = platform::now_ms();
  if (lab.run->error.empty()) derive(lab);
}

void recompute_lab_bands(LabState& lab) {
  if (!lab.run || !lab.run->scorecard.ok()) return;
  lab.band_rows = overdue::score_bands(lab.run->scorecard_test_points, lab.derived.test_labels, lab.bands);
}

}  // namespace app
