// Risk decisions from a fitted score (issue #5, DESIGN §5): the approve/reject cutoff curve,
// score bands with a credit-limit rule and risk-based pricing, permutation importance, and the
// reject-inference experiment.
// Score orientation: `higher_is_riskier` = true for a probability of bad (approve when
// score < cutoff, matching "score ≥ threshold = bad" in model_metrics.hpp), false for scorecard
// points (approve when points ≥ cutoff).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "overdue/model/logistic.hpp"
#include "overdue/model/matrix.hpp"

namespace overdue {

// ---- cutoff curve ---------------------------------------------------------------------------
struct CutoffPoint {
  double cutoff = 0;
  size_t approved = 0;
  size_t approved_bads = 0;
  double approval_rate = 0;      // approved / accounts
  double bad_rate_approved = 0;  // approved_bads / approved (0 when none approved)
};
// One point per distinct score plus one just above the largest score (stored as its next
// representable value), ordered from approving nobody to approving everyone.
std::vector<CutoffPoint> cutoff_curve(const std::vector<double>& scores,
                                      const std::vector<uint8_t>& labels, bool higher_is_riskier);
// The single point for a given cutoff.
CutoffPoint cutoff_at(const std::vector<double>& scores, const std::vector<uint8_t>& labels,
                      double cutoff, bool higher_is_riskier);

// ---- score bands: credit limit and pricing --------------------------------------------------
// Limit rule, by the band's bad rate relative to the portfolio's (r = band / portfolio):
//   r ≤ 0.5 → +20 %, r ≤ 0.8 → +10 %, r ≤ 1.2 → 0, r ≤ 2 → −20 %, r ≤ 3 → −50 %, else freeze.
// Lower-risk bands earn more headroom; a band ≥ 3× the portfolio's bad rate stops new drawing.
struct LimitRule {
  std::vector<double> max_relative_risk = {0.5, 0.8, 1.2, 2.0, 3.0};
  std::vector<double> change = {0.20, 0.10, 0.0, -0.20, -0.50};  // beyond the last: freeze
};
// Risk-based price: rate = funding_cost + PD × LGD + margin, PD = the band's observed bad rate
// (expected loss per unit of exposure). Annual rates as fractions.
struct PricingParams {
  double funding_cost = 0.03;
  double lgd = 0.45;  // Basel foundation-IRB LGD for senior unsecured exposures
  double margin = 0.05;
};
struct BandOptions {
  int bands = 10;             // equal-count bands by score quantiles (ties kept together)
  std::vector<double> edges;  // user edges (ascending, inner edges; band i holds scores in
                              // (edges[i-1], edges[i]]); overrides `bands`. Empty bands are
                              // left out of the table.
  bool higher_is_riskier = true;
  LimitRule limits;
  PricingParams pricing;
};
struct ScoreBand {
  int band = 0;           // 1 = the safest band
  double lo = 0, hi = 0;  // score range of the band's accounts (min, max)
  size_t accounts = 0, bads = 0;
  double bad_rate = 0;
  double relative_risk = 0;  // bad_rate / portfolio bad rate
  double limit_change = 0;   // fraction, e.g. 0.2 = +20 %; −1 when frozen
  bool freeze = false;
  double expected_loss = 0;  // PD × LGD
  double rate = 0;           // funding + expected loss + margin
};
std::vector<ScoreBand> score_bands(const std::vector<double>& scores,
                                   const std::vector<uint8_t>& labels,
                                   const BandOptions& options = {});

// ---- permutation importance -----------------------------------------------------------------
// predict(x, rows) → risk score per row (higher = riskier), e.g. a lambda around
// predict_logistic or predict_tree.
using PredictFn = std::function<std::vector<double>(const FeatureMatrix&, const RowSubset&)>;
struct PermutationImportance {
  size_t column = 0;
  std::string name;
  double baseline_auc = 0;
  double mean_drop = 0;  // mean over repeats of baseline AUC − AUC with the column shuffled
  double sd_drop = 0;    // sample sd over repeats (0 when repeats = 1)
};
// Shuffles column j among `rows` only (SplitMix64, seed + j·repeats + r per repeat), so the
// result is reproducible; columns empty = every column. Sorted by mean_drop descending, ties
// by column index.
std::vector<PermutationImportance> permutation_importance(const FeatureMatrix& x,
                                                          const std::vector<uint8_t>& labels,
                                                          const RowSubset& rows,
                                                          const PredictFn& predict,
                                                          const std::vector<size_t>& columns = {},
                                                          int repeats = 5, uint64_t seed = 42);

// ---- reject inference -----------------------------------------------------------------------
// The experiment: a first model's scores (first_scores[k] for rows[k], higher = riskier) decide
// who would have been rejected (score ≥ cutoff); their labels are hidden and three logistic
// models are fitted on the same columns:
//   accepted_only — the accepted rows only (known good/bad);
//   hard_cutoff   — accepted + every reject labelled by the accepted-only model: bad when its
//                   probability ≥ hard_threshold, else good (Siddiqi 2006, "hard cutoff"
//                   augmentation). Default (hard_threshold < 0): the accepted accounts' observed
//                   bad rate, i.e. a reject riskier than the average accepted account counts as
//                   bad. A fixed 0.5 ("the more likely class") labels almost no reject bad when bad
//                   rates are 5–20 %, which teaches the model that rejects are good;
//   fuzzy         — accepted + every reject twice: bad with weight p, good with weight 1 − p,
//                   p = the accepted-only model's probability (Siddiqi's "fuzzy augmentation").
// Each is scored on all `rows` and judged with the true labels: AUC, and the bad rate among the
// accounts it would approve when approving the same number as the first model did at the cutoff
// (so the rows compare like with like). A "first_model" reference row gives the same figures for
// the first scores, and "all_labels" a model fitted with every label known (the unreachable best).
struct RejectInferenceOptions {
  double cutoff = 0.5;         // on first_scores: score ≥ cutoff → rejected
  double hard_threshold = -1;  // < 0: the accepted bad rate (see above)
  LogisticOptions logistic;    // used for every fit
};
struct RejectInferenceRow {
  std::string method;           // first_model, accepted_only, hard_cutoff, fuzzy, all_labels
  size_t train_rows = 0;        // rows in the fit (fuzzy counts each reject twice)
  double imputed_bad_rate = 0;  // bad share assigned to the rejects (weighted; 0 for none)
  double auc = 0;               // on all rows, true labels
  double approval_rate = 0;
  double bad_rate_approved = 0;  // true bad rate among the approved
  bool converged = true;
};
struct RejectInferenceResult {
  size_t accounts = 0, accepted = 0, rejected = 0;
  double bad_rate_accepted = 0, bad_rate_rejected = 0;  // true rates (hidden from the fits)
  std::vector<RejectInferenceRow> rows;
  std::string error;
  bool ok() const { return error.empty(); }
};
RejectInferenceResult reject_inference(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                                       const RowSubset& rows,
                                       const std::vector<double>& first_scores,
                                       const RejectInferenceOptions& options = {});

}  // namespace overdue
