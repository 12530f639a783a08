// WoE binning (features.hpp): quantile pre-bins pooled to the trend asked for (woe_trend.cpp) and
// a minimum bin share, special-value bins, categorical level groups, a missing bin; WoE, IV and
// information gain.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "model/features_internal.hpp"
#include "overdue/model/features.hpp"

namespace overdue {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using model_detail::Block;

double rate(const Block& b) { return b.n() ? static_cast<double>(b.bad) / static_cast<double>(b.n()) : 0.0; }

void merge_into(Block& left, const Block& right) {
  left.good += right.good;
  left.bad += right.bad;
  left.upper = right.upper;
}

// Index of x among the sorted codes, or −1.
long special_index(const std::vector<double>& codes, double x) {
  const auto it = std::lower_bound(codes.begin(), codes.end(), x);
  return it != codes.end() && *it == x ? static_cast<long>(it - codes.begin()) : -1;
}

std::string number_label(double v) {
  if (std::isinf(v)) return v < 0 ? "-inf" : "+inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

double entropy_bits(double good, double bad) {
  const double n = good + bad;
  if (n <= 0) return 0;
  double h = 0;
  for (double c : {good, bad})
    if (c > 0) h -= (c / n) * std::log2(c / n);
  return h;
}

}  // namespace

const char* iv_strength(double iv) {
  if (iv < 0.02) return "useless";
  if (iv < 0.1) return "weak";
  if (iv < 0.3) return "medium";
  if (iv <= 0.5) return "strong";
  return "suspicious";
}

void finish_bins(FeatureBinning& b) {
  double G = 0, B = 0;
  for (const WoeBin& w : b.bins) G += static_cast<double>(w.good), B += static_cast<double>(w.bad);
  const double n = G + B;
  b.iv = 0;
  double conditional = 0;
  for (WoeBin& w : b.bins) {
    double g = static_cast<double>(w.good), d = static_cast<double>(w.bad);
    w.share = n > 0 ? (g + d) / n : 0;
    w.bad_rate = g + d > 0 ? d / (g + d) : 0;
    conditional += w.share * entropy_bits(g, d);
    // No training row (a special code never seen, a split with nothing on one side): no evidence,
    // WoE 0 — the one rule for values training says nothing about (woe_of, docs/model_lab.md).
    if (G <= 0 || B <= 0 || g + d == 0) {
      w.woe = w.iv = 0;
      continue;
    }
    if (g == 0 || d == 0) g += kWoeSmoothing, d += kWoeSmoothing;  // finite WoE for empty cells
    const double pg = g / G, pb = d / B;
    w.woe = std::log(pg / pb);
    w.iv = (pg - pb) * w.woe;
    b.iv += w.iv;
  }
  b.info_gain = n > 0 ? entropy_bits(G, B) - conditional : 0;
  if (b.info_gain < 0) b.info_gain = 0;  // rounding only
  b.strength = iv_strength(b.iv);
}

namespace model_detail {
std::string range_label(double lower, double upper) {
  return "(" + number_label(lower) + ", " + number_label(upper) + (std::isinf(upper) ? ")" : "]");
}
std::string special_label(double code) { return "= " + number_label(code); }
}  // namespace model_detail
using model_detail::range_label;

FeatureBinning bin_numeric(const std::string& name, const std::vector<double>& x,
                           const std::vector<uint8_t>& target, const RowSubset& train,
                           const BinningOptions& options) {
  FeatureBinning fb;
  fb.name = name;
  fb.trend = options.monotonic ? options.trend_of(name) : BinTrend::none;
  const std::vector<double> specials = options.specials_of(name);
  std::vector<uint64_t> special_good(specials.size(), 0), special_bad(specials.size(), 0);
  std::vector<std::pair<double, uint8_t>> v;
  v.reserve(train.size());
  uint64_t miss_good = 0, miss_bad = 0;
  for (uint32_t i : train) {
    if (std::isnan(x[i])) (target[i] ? miss_bad : miss_good) += 1;
    else if (const long s = special_index(specials, x[i]); s >= 0)
      (target[i] ? special_bad : special_good)[static_cast<size_t>(s)] += 1;
    else v.push_back({x[i], target[i]});
  }
  std::sort(v.begin(), v.end());
  const double total = static_cast<double>(train.size());

  std::vector<Block> blocks;
  if (!v.empty()) {
    // Pre-bin edges: the order statistics at k/prebins (data values, so a discrete column such as
    // PAY_0 gets edges on its own values), distinct, below the maximum.
    std::vector<double> cuts;
    const int pre = std::max(1, options.prebins);
    for (int k = 1; k < pre; ++k) {
      const size_t at = static_cast<size_t>(std::floor(static_cast<double>(k) / pre * static_cast<double>(v.size() - 1)));
      const double c = v[at].first;
      if (c < v.back().first && (cuts.empty() || c > cuts.back())) cuts.push_back(c);
    }
    cuts.push_back(kInf);
    size_t k = 0;
    for (double c : cuts) {
      Block b;
      b.upper = c;
      while (k < v.size() && v[k].first <= c) (v[k].second ? b.bad : b.good) += 1, ++k;
      if (b.n() > 0) blocks.push_back(b);
    }
    // Direction: sign of the correlation between the pre-bin's rank and the target (each row
    // stands for its bin's rank). Ranks, not raw values: in give-me-some-credit a few
    // utilisation values of 20,000+ flip the sign of the raw Pearson r of the strongest feature.
    double mk = 0, my = 0, nv = 0;
    for (size_t k = 0; k < blocks.size(); ++k) {
      const double n = static_cast<double>(blocks[k].n());
      mk += n * static_cast<double>(k), my += static_cast<double>(blocks[k].bad), nv += n;
    }
    mk /= nv;
    my /= nv;
    double sxy = 0;
    for (size_t k = 0; k < blocks.size(); ++k)
      sxy += (static_cast<double>(k) - mk) * (static_cast<double>(blocks[k].bad) - my * static_cast<double>(blocks[k].n()));
    fb.direction = sxy > 0 ? 1 : (sxy < 0 ? -1 : 0);
    // The trend asked for (auto: today's monotonic pooling in the measured direction), before
    // the minimum share, so a small bin is merged only after the shape is set.
    blocks = model_detail::pool_for_trend(blocks, fb.trend, fb.direction);
    // Minimum share: merge the smallest bin (first on a tie) with the neighbour of closer bad rate.
    const double min_rows = options.min_share * total;
    while (blocks.size() > 1) {
      size_t s = 0;
      for (size_t i = 1; i < blocks.size(); ++i)
        if (blocks[i].n() < blocks[s].n()) s = i;
      if (static_cast<double>(blocks[s].n()) >= min_rows) break;
      size_t left;
      if (s == 0) left = 0;
      else if (s + 1 == blocks.size()) left = s - 1;
      else {
        const double dl = std::fabs(rate(blocks[s - 1]) - rate(blocks[s]));
        const double dr = std::fabs(rate(blocks[s + 1]) - rate(blocks[s]));
        left = dl <= dr ? s - 1 : s;
      }
      merge_into(blocks[left], blocks[left + 1]);
      blocks.erase(blocks.begin() + static_cast<long>(left) + 1);
    }
  }
  double lower = -kInf;
  for (const Block& b : blocks) {
    WoeBin w;
    w.kind = WoeBin::Kind::range;
    w.lower = lower;
    w.upper = b.upper;
    w.label = range_label(lower, b.upper);
    w.good = b.good;
    w.bad = b.bad;
    fb.bins.push_back(w);
    lower = b.upper;
  }
  if (!fb.bins.empty()) fb.bins.back().upper = kInf;
  for (size_t s = 0; s < specials.size(); ++s) {  // every code asked for, seen in training or not
    WoeBin w;
    w.kind = WoeBin::Kind::special;
    w.special = specials[s];
    w.label = model_detail::special_label(specials[s]);
    w.good = special_good[s];
    w.bad = special_bad[s];
    fb.bins.push_back(w);
  }
  if (miss_good + miss_bad > 0) {
    WoeBin w;
    w.kind = WoeBin::Kind::missing;
    w.label = "missing";
    w.good = miss_good;
    w.bad = miss_bad;
    fb.bins.push_back(w);
  }
  finish_bins(fb);
  return fb;
}

std::string model_detail::levels_label(const CategoricalFeature& f, const std::vector<int32_t>& levels) {
  std::string s = "{";
  for (size_t k = 0; k < levels.size(); ++k) {
    if (k == 6) {
      s += ", … " + std::to_string(levels.size()) + " levels";
      break;
    }
    s += (k ? ", " : "") + f.levels[static_cast<size_t>(levels[k])];
  }
  return s + "}";
}

FeatureBinning bin_categorical(const CategoricalFeature& f, const std::vector<uint8_t>& target,
                               const RowSubset& train, const BinningOptions& options) {
  FeatureBinning fb;
  fb.name = f.name;
  fb.categorical = true;
  std::vector<uint64_t> good(f.levels.size(), 0), bad(f.levels.size(), 0);
  uint64_t miss_good = 0, miss_bad = 0;
  for (uint32_t i : train) {
    const int32_t c = f.codes[i];
    if (c < 0) (target[i] ? miss_bad : miss_good) += 1;
    else (target[i] ? bad : good)[static_cast<size_t>(c)] += 1;
  }
  const double min_rows = options.min_share * static_cast<double>(train.size());
  WoeBin rare;
  rare.kind = WoeBin::Kind::levels;
  for (size_t c = 0; c < f.levels.size(); ++c) {
    const uint64_t n = good[c] + bad[c];
    if (n > 0 && static_cast<double>(n) >= min_rows) {
      WoeBin w;
      w.kind = WoeBin::Kind::levels;
      w.levels = {static_cast<int32_t>(c)};
      w.good = good[c];
      w.bad = bad[c];
      fb.bins.push_back(w);
    } else {
      rare.levels.push_back(static_cast<int32_t>(c));
      rare.good += good[c];
      rare.bad += bad[c];
    }
  }
  if (rare.good + rare.bad > 0) {
    if (static_cast<double>(rare.good + rare.bad) < min_rows && !fb.bins.empty()) {
      // Too small even pooled: joins the level group whose bad rate is closest (first on a tie).
      const double rr = static_cast<double>(rare.bad) / static_cast<double>(rare.good + rare.bad);
      size_t best = 0;
      double best_d = kInf;
      for (size_t k = 0; k < fb.bins.size(); ++k) {
        const double r = static_cast<double>(fb.bins[k].bad) / static_cast<double>(fb.bins[k].good + fb.bins[k].bad);
        if (std::fabs(r - rr) < best_d) best_d = std::fabs(r - rr), best = k;
      }
      WoeBin& t = fb.bins[best];
      t.levels.insert(t.levels.end(), rare.levels.begin(), rare.levels.end());
      std::sort(t.levels.begin(), t.levels.end());
      t.good += rare.good;
      t.bad += rare.bad;
      fb.rare_bin = static_cast<int>(best);
    } else {
      fb.rare_bin = static_cast<int>(fb.bins.size());
      fb.bins.push_back(rare);
    }
  }
  for (WoeBin& w : fb.bins) w.label = model_detail::levels_label(f, w.levels);
  if (miss_good + miss_bad > 0) {
    WoeBin w;
    w.kind = WoeBin::Kind::missing;
    w.label = "missing";
    w.good = miss_good;
    w.bad = miss_bad;
    fb.bins.push_back(w);
  }
  finish_bins(fb);
  return fb;
}

std::vector<FeatureBinning> bin_all(const ModelDataset& data, const RowSubset& train,
                                    const BinningOptions& options) {
  std::vector<FeatureBinning> out;
  for (size_t j = 0; j < data.numeric.cols(); ++j) {
    out.push_back(bin_numeric(data.numeric.names[j], data.numeric.columns[j], data.target, train, options));
    out.back().column = j;
  }
  for (size_t j = 0; j < data.categorical.size(); ++j) {
    out.push_back(bin_categorical(data.categorical[j], data.target, train, options));
    out.back().column = j;
  }
  return out;
}

}  // namespace overdue
