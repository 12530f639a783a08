// Evaluation of a binary risk score against 0/1 labels (1 = bad), issue #5, DESIGN §5.
// Convention everywhere: a higher score means riskier, and an account is predicted bad when
// score ≥ threshold. (For scorecard points, where higher is safer, pass the negated points.)
// scores[k] and labels[k] describe the same account; NaN scores are an error for the callers to
// avoid (they are skipped by every function here and counted nowhere).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace overdue {

// AUC by Mann–Whitney: P(score_bad > score_good) + ½·P(equal), via average ranks.
// NaN when either class is empty.
double auc_score(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

// One point of the ROC / KS curves: predicted bad = score ≥ threshold.
struct CurvePoint {
  double threshold = 0;
  double population = 0;  // share of all accounts with score ≥ threshold
  double tpr = 0;         // share of bads with score ≥ threshold (cumulative bad %)
  double fpr = 0;         // share of goods with score ≥ threshold (cumulative good %)
  double ks = 0;          // tpr − fpr
};
// Points for every distinct score, descending threshold, starting with (0,0) at threshold +inf
// (stored as the largest score's next representable value) and ending at (1,1). Both classes
// must be present (else empty).
std::vector<CurvePoint> score_curve(const std::vector<double>& scores,
                                    const std::vector<uint8_t>& labels);

// KS = max over distinct thresholds of |TPR − FPR|; threshold = the score where it is reached
// (the highest such score on a tie). ks = 0, threshold NaN when a class is missing.
struct KsResult {
  double ks = 0;
  double threshold = 0;
};
KsResult ks_statistic(const std::vector<double>& scores, const std::vector<uint8_t>& labels);

struct Confusion {
  double threshold = 0;
  size_t tp = 0, fp = 0, tn = 0, fn = 0;                   // positive = bad
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;  // 0 when the ratio is 0/0
};
Confusion confusion_at(const std::vector<double>& scores, const std::vector<uint8_t>& labels,
                       double threshold);

// Everything the CLI JSON and the metrics table show. The reported threshold is the one that
// maximises KS (the point where the score separates bads from goods best — the usual choice in
// credit scoring when no cost ratio is given); the confusion matrix is taken there.
struct BinaryMetrics {
  size_t accounts = 0, bads = 0;
  double auc = 0, gini = 0, ks = 0;  // gini = 2·AUC − 1
  double threshold = 0;
  Confusion confusion;  // at threshold
};
BinaryMetrics evaluate_scores(const std::vector<double>& scores,
                              const std::vector<uint8_t>& labels);

// Score distributions per class: `bins` equal-width bins over [lo, hi] (lo/hi default to the
// scores' min/max when lo ≥ hi); the last bin includes hi, values outside are clamped.
struct ScoreHistogram {
  double lo = 0, hi = 0;
  std::vector<size_t> bad, good;  // counts per bin
};
ScoreHistogram score_histogram(const std::vector<double>& scores,
                               const std::vector<uint8_t>& labels, int bins = 20, double lo = 0,
                               double hi = 0);

// Population stability index between a reference sample (e.g. train scores) and another (test):
// PSI = Σ (a_i − e_i)·ln(a_i / e_i) over 10 bins whose edges are the reference sample's deciles
// (duplicate edges merged, so fewer bins when the reference has ties). Shares are floored at
// epsilon = 1e-4 before the formula so an empty bin gives a large but finite term. Usual reading:
// < 0.1 stable, 0.1–0.25 some shift, > 0.25 significant shift.
struct PsiResult {
  double psi = 0;
  std::vector<double> edges;             // inner bin edges; bin i is (edges[i-1], edges[i]]
  std::vector<double> expected, actual;  // shares per bin
  std::vector<double> contribution;      // per-bin term
};
constexpr double kPsiEpsilon = 1e-4;
PsiResult population_stability(const std::vector<double>& reference,
                               const std::vector<double>& other, int bins = 10);
// The formula on given counts per bin (expected and actual, same bins): shares = count / total,
// floored at kPsiEpsilon; `edges` left empty. Also the score PSI and feature CSI of stability
// monitoring (stability.hpp). psi 0 and no bins when a total is 0 or the sizes differ.
PsiResult psi_from_counts(const std::vector<double>& expected, const std::vector<double>& actual);

// Stratified k-fold assignment: rows of each class are shuffled with the seed (SplitMix64) and
// dealt round-robin into k folds, so every fold has nearly the same bad rate. Returns k test
// folds, each ascending; fold f's training set is every other fold.
std::vector<std::vector<uint32_t>> stratified_folds(const std::vector<uint8_t>& labels,
                                                    const std::vector<uint32_t>& rows, int k,
                                                    uint64_t seed);

}  // namespace overdue
