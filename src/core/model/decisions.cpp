// Decisions from a score: cutoff curve, score bands with the credit-limit rule and risk-based
// pricing, and permutation importance. Definitions in include/overdue/model/decisions.hpp.
#include "overdue/model/decisions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "overdue/model/metrics.hpp"
#include "overdue/model/random.hpp"

namespace overdue {
namespace {

// Positions of the non-NaN scores, safest first (ascending risk); ties by position so every
// platform orders them the same.
std::vector<size_t> safest_first(const std::vector<double>& scores, bool higher_is_riskier) {
  std::vector<size_t> order;
  for (size_t i = 0; i < scores.size(); ++i)
    if (!std::isnan(scores[i])) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (scores[a] != scores[b])
      return higher_is_riskier ? scores[a] < scores[b] : scores[a] > scores[b];
    return a < b;
  });
  return order;
}

CutoffPoint make_point(double cutoff, size_t approved, size_t bads, size_t accounts) {
  CutoffPoint p;
  p.cutoff = cutoff;
  p.approved = approved;
  p.approved_bads = bads;
  p.approval_rate = accounts ? double(approved) / double(accounts) : 0.0;
  p.bad_rate_approved = approved ? double(bads) / double(approved) : 0.0;
  return p;
}

}  // namespace

std::vector<CutoffPoint> cutoff_curve(const std::vector<double>& scores,
                                      const std::vector<uint8_t>& labels, bool higher_is_riskier) {
  const size_t n = std::min(scores.size(), labels.size());
  const std::vector<double> s(scores.begin(), scores.begin() + long(n));
  const std::vector<size_t> order = safest_first(s, higher_is_riskier);
  std::vector<CutoffPoint> out;
  if (order.empty()) return out;
  double top = -std::numeric_limits<double>::infinity();
  for (size_t i : order) top = std::max(top, s[i]);
  const double above_top = std::nextafter(top, std::numeric_limits<double>::infinity());
  const size_t accounts = order.size();
  size_t approved = 0, bads = 0;
  // Probability of bad: cutoff v approves score < v, so the point for a group is taken before
  // adding it. Points: cutoff v approves points ≥ v, so after.
  if (!higher_is_riskier) out.push_back(make_point(above_top, 0, 0, accounts));
  size_t g = 0;
  while (g < order.size()) {
    const double v = s[order[g]];
    if (higher_is_riskier) out.push_back(make_point(v, approved, bads, accounts));
    while (g < order.size() && s[order[g]] == v) {
      ++approved;
      bads += labels[order[g]] ? 1 : 0;
      ++g;
    }
    if (!higher_is_riskier) out.push_back(make_point(v, approved, bads, accounts));
  }
  if (higher_is_riskier) out.push_back(make_point(above_top, approved, bads, accounts));
  return out;
}

CutoffPoint cutoff_at(const std::vector<double>& scores, const std::vector<uint8_t>& labels,
                      double cutoff, bool higher_is_riskier) {
  size_t accounts = 0, approved = 0, bads = 0;
  const size_t n = std::min(scores.size(), labels.size());
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(scores[i])) continue;
    ++accounts;
    const bool approve = higher_is_riskier ? scores[i] < cutoff : scores[i] >= cutoff;
    if (!approve) continue;
    ++approved;
    bads += labels[i] ? 1 : 0;
  }
  return make_point(cutoff, approved, bads, accounts);
}

std::vector<ScoreBand> score_bands(const std::vector<double>& scores,
                                   const std::vector<uint8_t>& labels, const BandOptions& options) {
  const size_t n = std::min(scores.size(), labels.size());
  const std::vector<double> s(scores.begin(), scores.begin() + long(n));
  const std::vector<size_t> order = safest_first(s, options.higher_is_riskier);
  std::vector<ScoreBand> out;
  if (order.empty()) return out;
  // raw band per account (in safest-first position order)
  std::vector<int> raw(order.size());
  if (!options.edges.empty()) {
    const std::vector<double>& e = options.edges;
    const int last = int(e.size());
    for (size_t k = 0; k < order.size(); ++k) {
      const int b = int(std::lower_bound(e.begin(), e.end(), s[order[k]]) - e.begin());
      raw[k] = options.higher_is_riskier ? b : last - b;  // band numbers run safest first
    }
  } else {
    // Equal-count bands: a tie group takes the band of its first (safest-ordered) member, so
    // equal scores never straddle two bands.
    const int bands = std::max(options.bands, 1);
    size_t k = 0;
    while (k < order.size()) {
      const int b = int(k * size_t(bands) / order.size());
      const double v = s[order[k]];
      while (k < order.size() && s[order[k]] == v) raw[k++] = b;
    }
  }
  size_t total_bads = 0;
  for (size_t i : order) total_bads += labels[i] ? 1 : 0;
  const double portfolio = double(total_bads) / double(order.size());
  size_t k = 0;
  while (k < order.size()) {
    ScoreBand band;
    band.band = int(out.size()) + 1;
    band.lo = band.hi = s[order[k]];
    const int b = raw[k];
    while (k < order.size() && raw[k] == b) {
      const double v = s[order[k]];
      band.lo = std::min(band.lo, v);
      band.hi = std::max(band.hi, v);
      ++band.accounts;
      band.bads += labels[order[k]] ? 1 : 0;
      ++k;
    }
    band.bad_rate = double(band.bads) / double(band.accounts);
    band.relative_risk = portfolio > 0 ? band.bad_rate / portfolio : 0.0;
    band.freeze = true;
    band.limit_change = -1.0;
    const LimitRule& rule = options.limits;
    for (size_t r = 0; r < rule.max_relative_risk.size() && r < rule.change.size(); ++r)
      if (band.relative_risk <= rule.max_relative_risk[r]) {
        band.freeze = false;
        band.limit_change = rule.change[r];
        break;
      }
    band.expected_loss = band.bad_rate * options.pricing.lgd;
    band.rate = options.pricing.funding_cost + band.expected_loss + options.pricing.margin;
    out.push_back(band);
  }
  return out;
}

std::vector<PermutationImportance> permutation_importance(
    const FeatureMatrix& x, const std::vector<uint8_t>& labels, const RowSubset& rows,
    const PredictFn& predict, const std::vector<size_t>& columns, int repeats, uint64_t seed) {
  std::vector<PermutationImportance> out;
  if (!predict || rows.empty() || labels.size() != x.rows()) return out;
  repeats = std::max(repeats, 1);
  std::vector<uint8_t> y(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) y[k] = labels[rows[k]];
  const double baseline = auc_score(predict(x, rows), y);
  std::vector<size_t> cols = columns;
  if (cols.empty())
    for (size_t j = 0; j < x.cols(); ++j) cols.push_back(j);
  FeatureMatrix work = x;  // one copy; each column is shuffled in place and then restored
  for (size_t j : cols) {
    if (j >= x.cols()) continue;
    PermutationImportance pi;
    pi.column = j;
    pi.name = j < x.names.size() ? x.names[j] : std::string();
    pi.baseline_auc = baseline;
    std::vector<double> drops;
    std::vector<double> values(rows.size());
    for (int r = 0; r < repeats; ++r) {
      for (size_t k = 0; k < rows.size(); ++k) values[k] = x.columns[j][rows[k]];
      SplitMix64 rng(seed + uint64_t(j) * uint64_t(repeats) + uint64_t(r));
      seeded_shuffle(values, rng);
      for (size_t k = 0; k < rows.size(); ++k) work.columns[j][rows[k]] = values[k];
      drops.push_back(baseline - auc_score(predict(work, rows), y));
    }
    for (size_t k = 0; k < rows.size(); ++k) work.columns[j][rows[k]] = x.columns[j][rows[k]];
    const double mean = std::accumulate(drops.begin(), drops.end(), 0.0) / double(drops.size());
    double ss = 0;
    for (double d : drops) ss += (d - mean) * (d - mean);
    pi.mean_drop = mean;
    pi.sd_drop = drops.size() > 1 ? std::sqrt(ss / double(drops.size() - 1)) : 0.0;
    out.push_back(pi);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PermutationImportance& a, const PermutationImportance& b) {
                     if (a.mean_drop != b.mean_drop) return a.mean_drop > b.mean_drop;
                     return a.column < b.column;
                   });
  return out;
}

}  // namespace overdue
