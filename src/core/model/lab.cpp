// The model lab's steps in order (model_lab.hpp).
#include "overdue/model/lab.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace overdue {
namespace {

// Small enough steps that the page, running one per frame, never holds a frame for long: the
// profile (a sort per column) and the reject inference (three logistic fits) are steps of their own.
const char* const kSteps[] = {"data", "profile", "bins", "features", "pca", "logistic", "scorecard",
                              "tree", "importance", "decisions", "reject_inference", "kfold"};
constexpr int kStepCount = sizeof kSteps / sizeof kSteps[0];

std::vector<uint8_t> labels_of(const std::vector<uint8_t>& target, const RowSubset& rows) {
  std::vector<uint8_t> y;
  y.reserve(rows.size());
  for (uint32_t i : rows) y.push_back(target[i]);
  return y;
}

ModelEvaluation evaluate(const std::vector<double>& train_scores, const std::vector<double>& test_scores,
                         const ModelLab& lab) {
  ModelEvaluation e;
  e.test = evaluate_scores(test_scores, labels_of(lab.data.target, lab.split.test));
  e.train_auc = auc_score(train_scores, labels_of(lab.data.target, lab.split.train));
  e.psi = population_stability(train_scores, test_scores);
  e.test_scores = test_scores;
  return e;
}

void step_data(ModelLab& lab, const ImportedFile& file) {
  lab.data = build_model_dataset(file, lab.options.data);
  if (!lab.data.error.empty()) {
    lab.error = lab.data.error;
    lab.usage_error = lab.data.usage_error;
    return;
  }
  lab.split = stratified_split(lab.data.target, lab.options.test_fraction, lab.options.seed);
  if (lab.split.train.empty() || lab.split.test.empty()) {
    lab.error = "the split leaves no training or no test rows (" + std::to_string(lab.data.rows()) + " rows)";
    return;
  }
  size_t train_bads = 0, test_bads = 0;
  for (uint32_t i : lab.split.train) train_bads += lab.data.target[i];
  for (uint32_t i : lab.split.test) test_bads += lab.data.target[i];
  if (train_bads == 0 || train_bads == lab.split.train.size() || test_bads == 0 ||
      test_bads == lab.split.test.size())
    lab.error = "too few accounts of one class to have both classes in the training and the test rows";
}

// WoE bins before imputation, so missing values keep a bin of their own.
void step_bins(ModelLab& lab) {
  if (std::string why = check_binning_options(lab.data, lab.options.binning); !why.empty()) {
    lab.error = why;
    lab.usage_error = true;  // the caller named the feature (--special, --trend)
    return;
  }
  if (lab.options.folds > 1) lab.unimputed = lab.data;  // k-fold re-bins each fold from these
  lab.binnings = bin_all(lab.data, lab.split.train, lab.options.binning);
  lab.bin_edits_skipped = apply_bin_edits(lab.binnings, lab.data, lab.split.train, lab.options.bin_edits);
  for (const FeatureBinning& b : lab.binnings)
    lab.special_suggestions.push_back(
        b.categorical ? std::vector<SpecialSuggestion>{}
                      : suggest_special_codes(lab.data.numeric.columns[b.column], lab.split.train,
                                              lab.options.binning.specials_of(b.name)));
  lab.woe = woe_matrix(lab.data, lab.binnings);
}

void step_features(ModelLab& lab) {
  lab.imputation = impute_missing(lab.data, lab.split.train);
  if (lab.options.cap_low > 0 || lab.options.cap_high < 1)
    lab.capping = cap_outliers(lab.data, lab.split.train, lab.options.cap_low, lab.options.cap_high);
  lab.correlation = correlation_matrix(lab.data.numeric, lab.split.train, lab.options.selection.max_correlation);
  lab.selection = select_features(lab.binnings, lab.correlation, lab.options.selection);
}

void step_logistic(ModelLab& lab) {
  if (lab.data.numeric.cols() == 0) {
    lab.logistic.error = "no numeric feature";
    return;
  }
  LogisticOptions o;
  o.l2 = lab.options.l2;
  o.standardise = true;
  lab.logistic = fit_logistic(lab.data.numeric, lab.data.target, lab.split.train, o);
  if (!lab.logistic.ok()) return;
  lab.logistic_eval = evaluate(predict_logistic(lab.logistic, lab.data.numeric, lab.split.train),
                               predict_logistic(lab.logistic, lab.data.numeric, lab.split.test), lab);
}

void step_scorecard(ModelLab& lab) {
  ScorecardOptions o = lab.options.scorecard;
  o.logistic.l2 = lab.options.l2;
  lab.scorecard = fit_scorecard(lab.data, lab.binnings, lab.woe, lab.selection.selected, lab.split.train, o);
  if (!lab.scorecard.ok()) return;
  auto probabilities = [&](const RowSubset& rows, std::vector<double>* points) {
    std::vector<double> pts = scorecard_points(lab.scorecard, lab.woe, rows);
    std::vector<double> p(pts.size());
    for (size_t k = 0; k < pts.size(); ++k) p[k] = points_to_bad_probability(lab.scorecard, pts[k]);
    if (points) *points = std::move(pts);
    return p;
  };
  const std::vector<double> train_p = probabilities(lab.split.train, nullptr);
  const std::vector<double> test_p = probabilities(lab.split.test, &lab.scorecard_test_points);
  lab.scorecard_eval = evaluate(train_p, test_p, lab);
}

void step_tree(ModelLab& lab) {
  if (lab.data.numeric.cols() == 0) {
    lab.tree.error = "no numeric feature";
    return;
  }
  lab.tree = fit_tree(lab.data.numeric, lab.data.target, lab.split.train, lab.options.tree);
  if (!lab.tree.ok()) return;
  lab.tree_eval = evaluate(predict_tree(lab.tree, lab.data.numeric, lab.split.train),
                           predict_tree(lab.tree, lab.data.numeric, lab.split.test), lab);
}

void step_importance(ModelLab& lab) {
  if (!lab.logistic.ok() || lab.options.permutation_repeats <= 0) return;
  const LogisticModel& model = lab.logistic;
  lab.importance = permutation_importance(
      lab.data.numeric, lab.data.target, lab.split.test,
      [&model](const FeatureMatrix& x, const RowSubset& rows) { return predict_logistic(model, x, rows); },
      {}, lab.options.permutation_repeats, lab.options.seed);
}

void step_decisions(ModelLab& lab) {
  const std::vector<uint8_t> test_y = labels_of(lab.data.target, lab.split.test);
  if (lab.scorecard.ok()) {
    // The full curve has a point per distinct score; keep the one nearest each 5 % of approvals.
    const std::vector<CutoffPoint> curve = cutoff_curve(lab.scorecard_test_points, test_y, false);
    for (int k = 0; k <= 20 && !curve.empty(); ++k) {
      const double want = k / 20.0;
      size_t best = 0;
      for (size_t i = 1; i < curve.size(); ++i)
        if (std::fabs(curve[i].approval_rate - want) < std::fabs(curve[best].approval_rate - want)) best = i;
      if (lab.cutoffs.empty() || lab.cutoffs.back().cutoff != curve[best].cutoff) lab.cutoffs.push_back(curve[best]);
    }
    BandOptions b;
    b.bands = lab.options.bands;
    b.higher_is_riskier = false;
    lab.bands = score_bands(lab.scorecard_test_points, test_y, b);
  }
}

void step_reject_inference(ModelLab& lab) {
  if (lab.logistic.ok() && lab.options.reject_share > 0 && lab.options.reject_share < 1) {
    // The first model: the logistic fit; it rejects the riskiest reject_share of the training rows.
    const std::vector<double> first = predict_logistic(lab.logistic, lab.data.numeric, lab.split.train);
    std::vector<double> sorted = first;
    std::sort(sorted.begin(), sorted.end());
    RejectInferenceOptions r;
    r.cutoff = sorted_quantile(sorted, 1.0 - lab.options.reject_share);
    r.logistic.l2 = lab.options.l2;
    lab.reject_inference = reject_inference(lab.data.numeric, lab.data.target, lab.split.train, first, r);
  }
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}
double sample_sd(const std::vector<double>& v) {
  if (v.size() < 2) return 0;
  const double m = mean_of(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

void step_kfold(ModelLab& lab) {
  if (lab.options.folds < 2) return;
  CrossValidation& cv = lab.cross_validation;
  cv.folds = lab.options.folds;
  const std::vector<std::vector<uint32_t>> folds =
      stratified_folds(lab.data.target, lab.split.train, lab.options.folds, lab.options.seed);
  for (size_t f = 0; f < folds.size(); ++f) {
    RowSubset fit_rows;
    for (size_t g = 0; g < folds.size(); ++g)
      if (g != f) fit_rows.insert(fit_rows.end(), folds[g].begin(), folds[g].end());
    std::sort(fit_rows.begin(), fit_rows.end());
    const RowSubset& held = folds[f];
    const std::vector<uint8_t> y = labels_of(lab.data.target, held);
    if (lab.data.numeric.cols() > 0) {
      LogisticOptions o;
      o.l2 = lab.options.l2;
      const LogisticModel m = fit_logistic(lab.data.numeric, lab.data.target, fit_rows, o);
      cv.logistic_auc.push_back(m.ok() ? auc_score(predict_logistic(m, lab.data.numeric, held), y) : NAN);
    }
    const std::vector<FeatureBinning> bins = bin_all(lab.unimputed, fit_rows, lab.options.binning);
    const FeatureMatrix woe = woe_matrix(lab.unimputed, bins);
    const FeatureSelection sel = select_features(bins, lab.correlation, lab.options.selection);
    ScorecardOptions so = lab.options.scorecard;
    so.logistic.l2 = lab.options.l2;
    const Scorecard card = fit_scorecard(lab.unimputed, bins, woe, sel.selected, fit_rows, so);
    if (card.ok()) {
      std::vector<double> risk = scorecard_points(card, woe, held);
      for (double& r : risk) r = -r;  // fewer points = riskier
      cv.scorecard_auc.push_back(auc_score(risk, y));
    } else {
      cv.scorecard_auc.push_back(NAN);
    }
  }
  cv.logistic_mean = mean_of(cv.logistic_auc);
  cv.logistic_sd = sample_sd(cv.logistic_auc);
  cv.scorecard_mean = mean_of(cv.scorecard_auc);
  cv.scorecard_sd = sample_sd(cv.scorecard_auc);
  lab.unimputed = ModelDataset();  // no longer needed
}

}  // namespace

int model_lab_step_count() { return kStepCount; }
const char* model_lab_step_name(int step) { return step >= 0 && step < kStepCount ? kSteps[step] : ""; }

namespace {

// Runs lab.next_step and advances it. False when there is nothing left to do or the step failed
// (lab.error).
bool run_model_lab_step(ModelLab& lab, const ImportedFile& file) {
  if (!lab.error.empty() || lab.next_step >= kStepCount) return false;
  const auto start = std::chrono::steady_clock::now();
  const int step = lab.next_step++;
  switch (step) {
    case 0: step_data(lab, file); break;
    case 1: lab.profile = profile_dataset(lab.data); break;
    case 2: step_bins(lab); break;
    case 3: step_features(lab); break;
    case 4: lab.pca = principal_components(lab.data.numeric, lab.split.train); break;
    case 5: step_logistic(lab); break;
    case 6: step_scorecard(lab); break;
    case 7: step_tree(lab); break;
    case 8: step_importance(lab); break;
    case 9: step_decisions(lab); break;
    case 10: step_reject_inference(lab); break;
    default: step_kfold(lab); break;
  }
  const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
  lab.times.push_back({kSteps[step], ms.count()});
  return lab.error.empty();
}

}  // namespace

ModelLabJob::ModelLabJob(const ImportedFile& file, const ModelLabOptions& options) : file_(file) {
  lab_.options = options;
}

Step ModelLabJob::step(Budget& budget) {
  for (;;) {
    const bool ran = run_model_lab_step(lab_, file_);
    budget.spend(1);
    if (!ran || !lab_.error.empty() || lab_.next_step >= kStepCount) return Step::done;
    if (budget.spent()) return Step::more;
  }
}

double ModelLabJob::progress() const {
  if (!lab_.error.empty()) return 1.0;
  return static_cast<double>(lab_.next_step) / static_cast<double>(kStepCount);
}

ModelLab ModelLabJob::take() { return std::move(lab_); }

ModelLab run_model_lab(const ImportedFile& file, const ModelLabOptions& options) {
  ModelLabJob job(file, options);
  return run_to_end(job);
}

}  // namespace overdue
