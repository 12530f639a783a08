// Feature analysis for the model lab (DESIGN.md §5, issue #5): WoE binning with IV and
// information gain per feature, the Pearson correlation matrix, and feature selection.
//
// Conventions (docs/model_lab.md):
//   WoE_i = ln(%good_i / %bad_i), %good_i = good_i / G, %bad_i = bad_i / B over the training rows.
//   A bin with no good or no bad account gets 0.5 added to both of its counts (G and B stay), so
//   its WoE is finite. Positive WoE = safer than average.
//   IV = Σ_i (%good_i − %bad_i) · WoE_i, with the same smoothed shares.
//   Information gain = H(target) − Σ_i (n_i / n) · H(target | bin i), in bits.
// Numeric bins are right-closed: bin i holds lower_i < x ≤ upper_i (first lower = −∞, last
// upper = +∞); NaN goes to a separate missing bin. Categorical bins hold a set of level codes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/model/data.hpp"
#include "overdue/model/matrix.hpp"

namespace overdue {

constexpr double kWoeSmoothing = 0.5;

// The shape the bad (event) rate must take over a numeric feature's range bins (issue #21):
//   auto        monotonic in the direction of the pre-bin rank–target correlation (the default)
//   ascending   rises strictly with x;   descending  falls strictly
//   peak        rises then falls, once;  valley      falls then rises, once
//   none        no pooling for the trend (only the minimum share merges bins)
// Peak/valley try every split k of the pre-bins (left [0, k) pooled ascending, right [k, end)
// descending for a peak) and keep the one whose range bins have the most IV (the first on a tie).
enum class BinTrend { automatic, ascending, descending, peak, valley, none };
const char* bin_trend_name(BinTrend t);                  // "auto", "ascending", …
bool parse_bin_trend(const std::string& name, BinTrend& t);  // the names above


struct WoeBin {
  // Order within a feature: range bins ascending (or level groups), then special-value bins
  // ascending by code, then the missing bin.
  enum class Kind { range, levels, special, missing };
  Kind kind = Kind::range;
  double lower = 0, upper = 0;   // range: lower < x ≤ upper (±inf at the ends)
  double special = 0;            // special: the code this bin holds (x == special exactly)
  std::vector<int32_t> levels;   // levels: codes into CategoricalFeature::levels
  std::string label;             // "(-inf, 2]", "{a, b}", "missing"
  uint64_t good = 0, bad = 0;    // training rows
  double share = 0;              // (good + bad) / training rows
  double bad_rate = 0;
  double woe = 0;
  double iv = 0;                 // this bin's term of the IV sum
};

struct FeatureBinning {
  std::string name;
  bool categorical = false;
  size_t column = 0;             // index into ModelDataset::numeric or ::categorical
  int rare_bin = -1;             // categorical: the bin of pooled rare levels (takes unseen ones)
  int direction = 0;             // numeric: +1 bad rate rises with x, −1 falls, 0 no trend
  BinTrend trend = BinTrend::automatic;  // numeric: the trend asked for (BinningOptions::trend_of)
  std::vector<WoeBin> bins;      // ranges ascending (or level groups), specials, the missing bin
  double iv = 0;
  double info_gain = 0;
  std::string strength;          // iv_strength(iv)
};

// <0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, 0.3–0.5 strong, >0.5 suspicious (too good to be
// true: often a leak of the target) — Siddiqi (2006), Credit Risk Scorecards.
const char* iv_strength(double iv);

// Codes of a numeric feature that mean something else than a quantity (UCI's PAY_* −2 "no
// consumption", −1 "paid in full"; a bureau's 9999): each gets its own bin, matched exactly,
// and its rows stay out of the pre-bins, the trend pooling and the minimum share.
struct FeatureSpecials {
  std::string feature;
  std::vector<double> codes;  // any order; binned ascending, duplicates ignored
};
struct FeatureTrend {
  std::string feature;
  BinTrend trend = BinTrend::automatic;
};

struct BinningOptions {
  int prebins = 20;              // quantile pre-bins (numeric)
  double min_share = 0.05;       // every non-missing bin holds ≥ this share of training rows
  bool monotonic = true;         // false: no trend pooling for any feature (as BinTrend::none)
  // [issue #21 §1: per-feature specials and trends; a feature not listed: no specials, auto]
  std::vector<FeatureSpecials> specials;
  std::vector<FeatureTrend> trends;
  BinTrend default_trend = BinTrend::automatic;
  std::vector<double> specials_of(const std::string& feature) const;  // ascending, distinct
  BinTrend trend_of(const std::string& feature) const;
};

// Bins one numeric column on the training rows: the rows holding one of the feature's special
// codes set aside (a bin per code, after the ranges); quantile pre-bins of the rest, pooled to the
// feature's trend (auto: monotonic in the direction of the correlation between the pre-bin rank
// and the target, pool-adjacent-violators; ranks so that a few extreme values cannot flip the
// sign), then bins under min_share merged with the neighbour whose bad rate is closer (the left
// one on a tie), then a missing bin for NaN.
FeatureBinning bin_numeric(const std::string& name, const std::vector<double>& x,
                           const std::vector<uint8_t>& target, const RowSubset& train,
                           const BinningOptions& options = {});
// Bins one text column: one bin per level, levels under min_share pooled into one "rare" bin
// (which also takes levels never seen in training), a missing bin for code −1.
FeatureBinning bin_categorical(const CategoricalFeature& f, const std::vector<uint8_t>& target,
                               const RowSubset& train, const BinningOptions& options = {});
// "" when every feature named in options.specials and options.trends is a numeric feature of
// `data`; else why not (an unknown name; a text feature: its levels already have their own bins).
std::string check_binning_options(const ModelDataset& data, const BinningOptions& options);
// Every numeric and categorical feature of the data set, numeric first, in data-set order.
std::vector<FeatureBinning> bin_all(const ModelDataset& data, const RowSubset& train,
                                    const BinningOptions& options = {});

// Recounts good/bad per bin on the training rows and recomputes share, bad rate, WoE, IV and
// information gain (after a hand edit). `x` is the numeric column, or the codes as doubles.
void recount_bins(FeatureBinning& b, const std::vector<double>& x, const std::vector<uint8_t>& target,
                  const RowSubset& train);
// Recomputes WoE, IV, info gain and the strength label from the bins' good/bad counts.
void finish_bins(FeatureBinning& b);

// Hand edits (then recount_bins): merge bin i with bin i+1 (both ranges or both level groups);
// split range bin i at `at` (lower < at < upper) into (lower, at] and (at, upper].
// Return "" on success, else why not.
std::string merge_bins(FeatureBinning& b, size_t i);
std::string split_bin(FeatureBinning& b, size_t i, double at);

// Which bin a value falls in (−1: none, e.g. NaN without a missing bin). Categorical: a code in
// no level group (−1 = a level unseen in training) goes to the rare bin when there is one.
int bin_of(const FeatureBinning& b, double x);
// WoE of one value — the one rule for values training says nothing about (docs/model_lab.md,
// "Missing, special and unseen values"): a value with no bin (missing when training had no
// missing value, an unseen level without a rare bin) and a bin with no training row (a special
// code never seen) score WoE 0, "no evidence": the average applicant. finish_bins gives an empty
// bin WoE 0; this gives 0 when there is no bin.
double woe_of(const FeatureBinning& b, double x);
// The column as doubles for binning: numeric as they are, categorical codes with −1 → NaN.
std::vector<double> feature_values(const ModelDataset& data, const FeatureBinning& b);
// WoE-transformed features (one column per binning, named as the binning) for every row.
FeatureMatrix woe_matrix(const ModelDataset& data, const std::vector<FeatureBinning>& binnings);

// [SECTION] correlation --------------------------------------------------------------------------
struct CorrelationPair {
  size_t a = 0, b = 0;  // a < b, indices into the matrix
  double r = 0;
};
struct CorrelationResult {
  std::vector<std::string> names;
  std::vector<std::vector<double>> r;  // Pearson r; 0 off the diagonal for a constant column
  std::vector<CorrelationPair> high;   // |r| ≥ threshold, by |r| descending, then (a, b)
};
// Over `rows`, skipping per pair the rows where either value is NaN.
CorrelationResult correlation_matrix(const FeatureMatrix& x, const RowSubset& rows, double threshold = 0.7);

// [SECTION] selection ----------------------------------------------------------------------------
struct SelectionOptions {
  double min_iv = 0.02;
  double max_correlation = 0.7;
  std::vector<std::string> force_in, force_out;  // user toggles, by feature name
};
struct DroppedFeature {
  std::string name;
  std::string reason;  // "forced out", "IV 0.0100 < 0.02", "r = 0.93 with BILL_AMT1 (IV …)"
};
struct FeatureSelection {
  std::vector<std::string> selected;  // in binning order
  std::vector<DroppedFeature> dropped;
};
// Forced-out names go first; then IV below min_iv; then, over the correlated pairs by |r|
// descending, the lower-IV member of each pair still standing (a forced-in feature is never
// dropped). Correlation is judged on the numeric features only (correlation names).
FeatureSelection select_features(const std::vector<FeatureBinning>& binnings,
                                 const CorrelationResult& correlation,
                                 const SelectionOptions& options = {});

}  // namespace overdue
