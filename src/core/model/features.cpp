// Bin edits, WoE transform, correlation matrix and feature selection (model_features.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "model/features_internal.hpp"
#include "overdue/model/features.hpp"

namespace overdue {

// [SECTION] bins of a value -----------------------------------------------------------------------
int bin_of(const FeatureBinning& b, double x) {
  if (std::isnan(x)) {
    for (size_t k = 0; k < b.bins.size(); ++k)
      if (b.bins[k].kind == WoeBin::Kind::missing) return static_cast<int>(k);
    return -1;
  }
  if (b.categorical) {
    const int32_t code = static_cast<int32_t>(x);
    for (size_t k = 0; k < b.bins.size(); ++k) {
      const std::vector<int32_t>& l = b.bins[k].levels;
      if (b.bins[k].kind == WoeBin::Kind::levels && std::binary_search(l.begin(), l.end(), code))
        return static_cast<int>(k);
    }
    return b.rare_bin;  // a level unseen in training: with the pooled rare levels, if any (−1)
  }
  // A special code has its own bin, whatever range it would fall in.
  for (size_t k = 0; k < b.bins.size(); ++k)
    if (b.bins[k].kind == WoeBin::Kind::special && b.bins[k].special == x) return static_cast<int>(k);
  // Range bins come first, ascending; the first whose upper edge is ≥ x.
  size_t lo = 0, hi = 0;
  while (hi < b.bins.size() && b.bins[hi].kind == WoeBin::Kind::range) ++hi;
  if (hi == 0) return -1;
  const size_t n = hi;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (b.bins[mid].upper >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo < n ? static_cast<int>(lo) : static_cast<int>(n - 1);
}

double woe_of(const FeatureBinning& b, double x) {
  const int k = bin_of(b, x);
  return k < 0 ? 0.0 : b.bins[static_cast<size_t>(k)].woe;
}

std::vector<double> feature_values(const ModelDataset& data, const FeatureBinning& b) {
  if (!b.categorical) return data.numeric.columns[b.column];
  const std::vector<int32_t>& codes = data.categorical[b.column].codes;
  std::vector<double> v(codes.size());
  for (size_t i = 0; i < codes.size(); ++i)
    v[i] = codes[i] < 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(codes[i]);
  return v;
}

FeatureMatrix woe_matrix(const ModelDataset& data, const std::vector<FeatureBinning>& binnings) {
  FeatureMatrix m;
  for (const FeatureBinning& b : binnings) {
    const std::vector<double> x = feature_values(data, b);
    std::vector<double> w(x.size());
    for (size_t i = 0; i < x.size(); ++i) w[i] = woe_of(b, x[i]);
    m.names.push_back(b.name);
    m.columns.push_back(std::move(w));
  }
  return m;
}

// [SECTION] hand edits ------------------------------------------------------------------------------
void recount_bins(FeatureBinning& b, const std::vector<double>& x, const std::vector<uint8_t>& target,
                  const RowSubset& train) {
  for (WoeBin& w : b.bins) w.good = w.bad = 0;
  for (uint32_t i : train) {
    const int k = bin_of(b, x[i]);
    if (k < 0) continue;
    (target[i] ? b.bins[static_cast<size_t>(k)].bad : b.bins[static_cast<size_t>(k)].good) += 1;
  }
  finish_bins(b);
}

std::string merge_bins(FeatureBinning& b, size_t i) {
  if (i + 1 >= b.bins.size()) return "no bin after bin " + std::to_string(i + 1);
  WoeBin& l = b.bins[i];
  const WoeBin& r = b.bins[i + 1];
  if (l.kind == WoeBin::Kind::missing || r.kind == WoeBin::Kind::missing)
    return "the missing bin cannot be merged with another bin";
  if (l.kind == WoeBin::Kind::special || r.kind == WoeBin::Kind::special)
    return l.kind == r.kind ? "special-value bins keep one code each (remove the code from the specials instead)"
                            : "a special-value bin cannot be merged with a range bin (its code means something else "
                              "than a quantity; remove it from the specials instead)";
  if (l.kind != r.kind) return "bins of different kinds cannot be merged";
  if (l.kind == WoeBin::Kind::range) {
    l.upper = r.upper;
    l.label = model_detail::range_label(l.lower, l.upper);
  } else {
    l.levels.insert(l.levels.end(), r.levels.begin(), r.levels.end());
    std::sort(l.levels.begin(), l.levels.end());
    // "{a}" + "{b, c}" → "{a, b, c}" (labels only; the codes decide membership).
    l.label = l.label.substr(0, l.label.size() - 1) + ", " + r.label.substr(1);
  }
  l.good += r.good;
  l.bad += r.bad;
  if (b.rare_bin > static_cast<int>(i)) --b.rare_bin;  // bin i+1 became part of bin i
  b.bins.erase(b.bins.begin() + static_cast<long>(i) + 1);
  finish_bins(b);
  return "";
}

std::string split_bin(FeatureBinning& b, size_t i, double at) {
  if (i >= b.bins.size() || b.bins[i].kind != WoeBin::Kind::range) return "only a value range can be split";
  WoeBin& w = b.bins[i];
  if (!(at > w.lower && at < w.upper)) return "the split value must lie inside the bin " + w.label;
  WoeBin right = w;
  right.lower = at;
  right.label = model_detail::range_label(right.lower, right.upper);
  w.upper = at;
  w.label = model_detail::range_label(w.lower, w.upper);
  w.good = w.bad = right.good = right.bad = 0;  // the caller recounts
  b.bins.insert(b.bins.begin() + static_cast<long>(i) + 1, right);
  if (b.rare_bin > static_cast<int>(i)) ++b.rare_bin;
  return "";
}

// [SECTION] correlation -------------------------------------------------------------------------
CorrelationResult correlation_matrix(const FeatureMatrix& x, const RowSubset& rows, double threshold) {
  CorrelationResult c;
  const size_t p = x.cols();
  c.names = x.names;
  c.r.assign(p, std::vector<double>(p, 0.0));
  for (size_t a = 0; a < p; ++a) {
    c.r[a][a] = 1.0;
    const std::vector<double>& xa = x.columns[a];
    for (size_t b = a + 1; b < p; ++b) {
      const std::vector<double>& xb = x.columns[b];
      // Two passes (means, then centred sums) for accuracy on large amounts.
      double ma = 0, mb = 0;
      size_t n = 0;
      for (uint32_t i : rows)
        if (!std::isnan(xa[i]) && !std::isnan(xb[i])) ma += xa[i], mb += xb[i], ++n;
      if (n < 2) continue;
      ma /= static_cast<double>(n);
      mb /= static_cast<double>(n);
      double sab = 0, saa = 0, sbb = 0;
      for (uint32_t i : rows) {
        if (std::isnan(xa[i]) || std::isnan(xb[i])) continue;
        const double da = xa[i] - ma, db = xb[i] - mb;
        sab += da * db, saa += da * da, sbb += db * db;
      }
      const double r = saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
      c.r[a][b] = c.r[b][a] = r;
      if (std::fabs(r) >= threshold) c.high.push_back({a, b, r});
    }
  }
  std::sort(c.high.begin(), c.high.end(), [](const CorrelationPair& u, const CorrelationPair& v) {
    if (std::fabs(u.r) != std::fabs(v.r)) return std::fabs(u.r) > std::fabs(v.r);
    return u.a != v.a ? u.a < v.a : u.b < v.b;
  });
  return c;
}

// [SECTION] selection ---------------------------------------------------------------------------
namespace {
std::string fixed4(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}
bool listed(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

FeatureSelection select_features(const std::vector<FeatureBinning>& binnings,
                                 const CorrelationResult& correlation, const SelectionOptions& options) {
  FeatureSelection s;
  std::vector<bool> keep(binnings.size(), true);
  std::vector<std::string> why(binnings.size());
  for (size_t k = 0; k < binnings.size(); ++k) {
    const std::string& name = binnings[k].name;
    if (listed(options.force_out, name)) keep[k] = false, why[k] = "forced out";
    else if (!listed(options.force_in, name) && binnings[k].iv < options.min_iv)
      keep[k] = false, why[k] = "IV " + fixed4(binnings[k].iv) + " < " + fixed4(options.min_iv);
  }
  auto index_of = [&](const std::string& name) -> long {
    for (size_t k = 0; k < binnings.size(); ++k)
      if (binnings[k].name == name) return static_cast<long>(k);
    return -1;
  };
  for (const CorrelationPair& p : correlation.high) {
    if (std::fabs(p.r) < options.max_correlation) continue;
    const long a = index_of(correlation.names[p.a]), b = index_of(correlation.names[p.b]);
    if (a < 0 || b < 0 || !keep[static_cast<size_t>(a)] || !keep[static_cast<size_t>(b)]) continue;
    const FeatureBinning& fa = binnings[static_cast<size_t>(a)];
    const FeatureBinning& fb = binnings[static_cast<size_t>(b)];
    // The lower IV goes (the later one on a tie), unless forced in; two forced-in features stay.
    long drop = fa.iv < fb.iv ? a : b;
    long other = drop == a ? b : a;
    if (listed(options.force_in, binnings[static_cast<size_t>(drop)].name)) std::swap(drop, other);
    if (listed(options.force_in, binnings[static_cast<size_t>(drop)].name)) continue;
    keep[static_cast<size_t>(drop)] = false;
    const FeatureBinning& kept = binnings[static_cast<size_t>(other)];
    why[static_cast<size_t>(drop)] = "r = " + fixed4(p.r) + " with " + kept.name + " (IV " +
                                     fixed4(binnings[static_cast<size_t>(drop)].iv) + " vs " +
                                     fixed4(kept.iv) + ")";
  }
  for (size_t k = 0; k < binnings.size(); ++k) {
    if (keep[k]) s.selected.push_back(binnings[k].name);
    else s.dropped.push_back({binnings[k].name, why[k]});
  }
  return s;
}

}  // namespace overdue
