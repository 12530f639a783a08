// The scorecard (DESIGN.md §5, issue #5): logistic regression on the WoE of the selected features
// (no standardisation: WoE is already on one log-odds scale), turned into points.
//
// Scaling (Siddiqi 2006; Anderson 2007): score = offset + factor · ln(odds_good), with
//   factor = PDO / ln 2          (the odds of good double every PDO points)
//   offset = base_score − factor · ln(base_odds)   (base_odds good:bad at base_score)
// and ln(odds_good) = −(α + Σ_j β_j·WoE_j) for the model of P(bad). Spread over the n features:
//   points(feature j, bin b) = −(β_j · WoE_b + α / n) · factor + offset / n
// so an account's score is the sum of its bins' points. Defaults: 600 points at 50:1, PDO 20.
// A value with no bin (a level unseen in training, NaN without a missing bin) gets WoE 0.
#pragma once
#include <string>
#include <vector>

#include "overdue/model/data.hpp"
#include "overdue/model/features.hpp"
#include "overdue/model/logistic.hpp"

namespace overdue {

struct ScorecardOptions {
  double base_score = 600;
  double base_odds = 50;  // good : bad at base_score
  double pdo = 20;        // points to double the odds
  LogisticOptions logistic;  // standardise is forced off
};

struct ScorecardBinPoints {
  std::string label;
  double woe = 0;
  double points = 0;
  uint64_t good = 0, bad = 0;  // training counts, for the points table
};
struct ScorecardFeature {
  std::string name;
  double coefficient = 0;    // β_j on WoE
  bool sign_ok = true;       // β_j < 0 (or 0): higher WoE (safer bin) never costs points
  FeatureBinning binning;    // the bins used
  std::vector<ScorecardBinPoints> bins;
  double no_bin_points = 0;  // points when the value has no bin (WoE 0)
  std::vector<std::string> levels;  // categorical: the training levels, for scoring other files
};
struct Scorecard {
  double base_score = 600, base_odds = 50, pdo = 20;
  double factor = 0, offset = 0;
  double intercept = 0;      // α
  std::vector<ScorecardFeature> features;
  LogisticModel model;       // the fit on the WoE columns
  double min_points = 0, max_points = 0;  // the score range the table allows
  std::string error;
  bool ok() const { return error.empty(); }
};

// Fits on the training rows. `binnings` are all features' bins (bin_all), `selected` the names to
// use (select_features), `woe` the woe_matrix of the same binnings (computed before imputation,
// so missing values sit in their own bin).
Scorecard fit_scorecard(const ModelDataset& data, const std::vector<FeatureBinning>& binnings,
                        const FeatureMatrix& woe, const std::vector<std::string>& selected,
                        const RowSubset& train, const ScorecardOptions& options = {});

// Points of every data-set row (from the WoE matrix the scorecard was fitted with).
std::vector<double> scorecard_points(const Scorecard& card, const FeatureMatrix& woe, const RowSubset& rows);
// Points of every accepted row of another file with the same column names (the target need not
// be there). A missing column is an error (returned in `error`, points empty).
std::vector<double> scorecard_points_for_file(const Scorecard& card, const ImportedFile& file,
                                              std::string& error);
// The card's rule for one record of another file (what --score and stability monitoring use):
// the value of `row` in `column` for feature f (numbers as they are, dates as days, a text
// level as its training code, an unseen level as −1), then its bin by bin_of (an unseen level
// goes to the rare bin when there is one); −1 = no bin, which scores as WoE 0.
int scorecard_bin_of_record(const ScorecardFeature& f, const Column& column, size_t row);
// The points of bin k of feature j (k = −1: no_bin_points).
double scorecard_bin_points(const ScorecardFeature& f, int k);
// The column of `file` named like feature f, or nullptr.
const Column* scorecard_column(const ScorecardFeature& f, const ImportedFile& file);
// P(bad) for a score: 1 / (1 + odds_good), odds_good = exp((points − offset) / factor).
double points_to_bad_probability(const Scorecard& card, double points);

}  // namespace overdue
