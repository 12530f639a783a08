// The whole model lab on one imported file (DESIGN.md §5, issue #5), as a sequence of steps the
// page runs in slices (ModelLabJob) and the CLI runs at once (run_model_lab):
//   data       target, rejected records, stratified split
//   profile    the per-column profile (before imputation)
//   bins       WoE bins and IV / information gain on the training rows (before imputation, so
//              missing values have their own bin), the WoE matrix
//   features   median/mode imputation and optional capping, Pearson correlation, selection
//   pca        PCA of the numeric features on the training rows
//   logistic   every numeric feature (identifiers excluded), standardised, L2
//   scorecard  logistic regression on the WoE of the selected features, scaled to points
//   tree       depth-limited tree on the numeric features
//   importance permutation importance of the logistic model on the test rows
//   decisions  cutoff curve and score bands of the scorecard on the test rows
//   reject_inference  the experiment of model_decisions.hpp
//   kfold      (options.folds > 1) cross-validated AUC of the logistic model and the scorecard
// Every model is judged on the test rows with model_metrics.hpp (probability of bad as the score).
#pragma once
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/model/bin_edits.hpp"
#include "overdue/model/data.hpp"
#include "overdue/model/decisions.hpp"
#include "overdue/model/features.hpp"
#include "overdue/model/logistic.hpp"
#include "overdue/model/metrics.hpp"
#include "overdue/model/pca.hpp"
#include "overdue/model/scorecard.hpp"
#include "overdue/model/special_suggest.hpp"
#include "overdue/model/stability.hpp"
#include "overdue/model/tree.hpp"

namespace overdue {

struct ModelLabOptions {
  ModelDataOptions data;
  uint64_t seed = 42;
  double test_fraction = 0.3;
  double cap_low = 0, cap_high = 1;  // capping quantiles; 0 and 1 = none
  BinningOptions binning;
  SelectionOptions selection;
  double l2 = 1e-4;                  // logistic and scorecard λ (model_logistic.hpp)
  ScorecardOptions scorecard;
  TreeOptions tree;
  int permutation_repeats = 3;
  double reject_share = 0.3;         // reject inference: the first model rejects this share
  int bands = 10;
  int folds = 0;                     // > 1: k-fold cross-validation of the logistic model and the
                                     // scorecard on the training rows (bins refitted per fold)
  std::vector<BinEdit> bin_edits;    // hand edits replayed on the automatic bins (model_bin_edits.hpp)
};

// k-fold cross-validation on the training rows: per fold, the model is fitted on the other folds
// and its AUC taken on the fold. For the scorecard the WoE bins and the selection are redone on
// each fold's training part, so no fold's own rows inform its bins.
struct CrossValidation {
  int folds = 0;
  std::vector<double> logistic_auc, scorecard_auc;  // one per fold
  double logistic_mean = 0, logistic_sd = 0, scorecard_mean = 0, scorecard_sd = 0;  // sd: sample
};

struct ModelEvaluation {
  BinaryMetrics test;               // at the KS-maximising threshold
  double train_auc = 0;
  PsiResult psi;                    // train scores → test scores
  std::vector<double> test_scores;  // P(bad) per test row (split.test order)
};

struct StepTime {
  std::string step;
  double ms = 0;
};

struct ModelLab {
  ModelLabOptions options;
  std::string error;                 // non-empty: the lab stopped
  bool usage_error = false;          // …because of the caller's choice (see ModelDataset)
  int next_step = 0;

  ModelDataset data;
  std::vector<ColumnProfile> profile;
  TrainTestSplit split;
  std::vector<FeatureBinning> binnings;
  std::string bin_edits_skipped;     // edits that could not apply, one per line ("" = all applied)
  // issue #21 §1: per binning, the special codes the page may suggest (numeric features; before
  // imputation, on the training rows; special_suggest.hpp). Not in the JSON: only a hint.
  std::vector<std::vector<SpecialSuggestion>> special_suggestions;
  FeatureMatrix woe;                 // WoE of every binned feature, all rows
  std::vector<ImputationReport> imputation;
  std::vector<CappingReport> capping;
  CorrelationResult correlation;
  FeatureSelection selection;
  PcaResult pca;
  LogisticModel logistic;
  ModelEvaluation logistic_eval;
  Scorecard scorecard;
  ModelEvaluation scorecard_eval;
  std::vector<double> scorecard_test_points;
  DecisionTree tree;
  ModelEvaluation tree_eval;
  std::vector<PermutationImportance> importance;
  std::vector<CutoffPoint> cutoffs;  // scorecard points on the test rows, every 5 % of approvals
  std::vector<ScoreBand> bands;
  RejectInferenceResult reject_inference;
  CrossValidation cross_validation;  // options.folds > 1 only
  ModelDataset unimputed;            // options.folds > 1: the data before imputation, until kfold
  std::vector<StepTime> times;
  // Stability monitoring (issue #21 §3): not a step of the lab (it needs a second file or a date
  // column); the CLI (--monitor, --monitor-by) and the page fill it after a run.
  LabMonitoring monitoring;
};

int model_lab_step_count();
const char* model_lab_step_name(int step);  // "data", "features", …

// The lab as a job (overdue/job/job.hpp): a budget unit is one of the lab's steps (data,
// profile, …), so a step runs about budget.units of them (at least one); Step::done once every
// step ran or one failed (lab().error). The file must outlive the job and not change while it runs.
class ModelLabJob {
 public:
  ModelLabJob(const ImportedFile& file, const ModelLabOptions& options);
  Step step(Budget& budget);
  double progress() const;                  // lab steps run / model_lab_step_count()
  const ModelLab& lab() const { return lab_; }  // the run so far: next_step, times, error
  ModelLab take();

 private:
  const ImportedFile& file_;
  ModelLab lab_;
};

ModelLab run_model_lab(const ImportedFile& file, const ModelLabOptions& options);  // run_to_end

}  // namespace overdue
