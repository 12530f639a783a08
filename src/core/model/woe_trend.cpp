// The trend of a numeric feature's bad rate (features.hpp, BinTrend; issue #21 §1): pre-bins
// pooled until the rate is monotonic (pool-adjacent-violators) or unimodal (peak / valley, the
// split with the most IV), before the minimum bin share merges what is still too small.
#include <algorithm>
#include <cmath>

#include "model/features_internal.hpp"

namespace overdue {

const char* bin_trend_name(BinTrend t) {
  switch (t) {
    case BinTrend::automatic:
      return "auto";
    case BinTrend::ascending:
      return "ascending";
    case BinTrend::descending:
      return "descending";
    case BinTrend::peak:
      return "peak";
    case BinTrend::valley:
      return "valley";
    case BinTrend::none:
      return "none";
  }
  return "auto";
}

bool parse_bin_trend(const std::string& name, BinTrend& t) {
  for (BinTrend c : {BinTrend::automatic, BinTrend::ascending, BinTrend::descending, BinTrend::peak,
                     BinTrend::valley, BinTrend::none})
    if (name == bin_trend_name(c)) {
      t = c;
      return true;
    }
  return false;
}

namespace model_detail {
namespace {

// bad_a / n_a compared with bad_b / n_b without division (exact for counts < 2^32).
int compare_rate(const Block& a, const Block& b) {
  const double l = static_cast<double>(a.bad) * static_cast<double>(b.n());
  const double r = static_cast<double>(b.bad) * static_cast<double>(a.n());
  return l < r ? -1 : (l > r ? 1 : 0);
}

// Peak: rising on [0, k) then falling on [k, end), for the k (1 ≤ k < end) whose pooled bins keep
// the most IV; valley the reverse. The first k wins a tie.
std::vector<Block> pool_unimodal(const std::vector<Block>& blocks, bool peak) {
  if (blocks.size() < 2) return blocks;
  std::vector<Block> best;
  double best_iv = -1;
  for (size_t k = 1; k < blocks.size(); ++k) {
    std::vector<Block> left =
        pool_monotonic({blocks.begin(), blocks.begin() + static_cast<long>(k)}, peak);
    const std::vector<Block> right =
        pool_monotonic({blocks.begin() + static_cast<long>(k), blocks.end()}, !peak);
    left.insert(left.end(), right.begin(), right.end());
    const double iv = blocks_iv(left);
    if (iv > best_iv) best_iv = iv, best.swap(left);
  }
  return best;
}

}  // namespace

std::vector<Block> pool_monotonic(const std::vector<Block>& blocks, bool rising) {
  const int want = rising ? -1 : 1;  // compare_rate(previous, next) must equal this
  std::vector<Block> stack;
  for (const Block& b : blocks) {
    stack.push_back(b);
    while (stack.size() >= 2 && compare_rate(stack[stack.size() - 2], stack.back()) != want) {
      const Block last = stack.back();
      stack.pop_back();
      stack.back().good += last.good;
      stack.back().bad += last.bad;
      stack.back().upper = last.upper;
    }
  }
  return stack;
}

double blocks_iv(const std::vector<Block>& blocks) {
  double G = 0, B = 0;
  for (const Block& b : blocks) G += static_cast<double>(b.good), B += static_cast<double>(b.bad);
  if (G <= 0 || B <= 0) return 0;
  double iv = 0;
  for (const Block& b : blocks) {
    double g = static_cast<double>(b.good), d = static_cast<double>(b.bad);
    if (g == 0 && d == 0) continue;
    if (g == 0 || d == 0) g += kWoeSmoothing, d += kWoeSmoothing;
    iv += (g / G - d / B) * std::log((g / G) / (d / B));
  }
  return iv;
}

std::vector<Block> pool_for_trend(const std::vector<Block>& blocks, BinTrend trend, int direction) {
  switch (trend) {
    case BinTrend::automatic:
      return pool_monotonic(blocks, direction >= 0);
    case BinTrend::ascending:
      return pool_monotonic(blocks, true);
    case BinTrend::descending:
      return pool_monotonic(blocks, false);
    case BinTrend::peak:
      return pool_unimodal(blocks, true);
    case BinTrend::valley:
      return pool_unimodal(blocks, false);
    case BinTrend::none:
      return blocks;
  }
  return blocks;
}

}  // namespace model_detail
}  // namespace overdue

namespace overdue {

std::vector<double> BinningOptions::specials_of(const std::string& feature) const {
  std::vector<double> codes;
  for (const FeatureSpecials& s : specials)
    if (s.feature == feature) codes.insert(codes.end(), s.codes.begin(), s.codes.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

BinTrend BinningOptions::trend_of(const std::string& feature) const {
  BinTrend t = default_trend;
  for (const FeatureTrend& f : trends)  // the last one given wins, as a later flag does
    if (f.feature == feature) t = f.trend;
  return t;
}

}  // namespace overdue

namespace overdue {

std::string check_binning_options(const ModelDataset& data, const BinningOptions& options) {
  auto check = [&](const std::string& name, const char* what) -> std::string {
    for (const std::string& n : data.numeric.names)
      if (n == name) return "";
    for (const CategoricalFeature& c : data.categorical)
      if (c.name == name)
        return std::string(what) + " of '" + name +
               "': a text feature — its levels already have their own bins";
    return std::string(what) + " of '" + name +
           "': no binned feature has that name (the target and identifier "
           "columns are not binned)";
  };
  for (const FeatureSpecials& s : options.specials)
    if (std::string why = check(s.feature, "special values"); !why.empty()) return why;
  for (const FeatureTrend& t : options.trends)
    if (std::string why = check(t.feature, "trend"); !why.empty()) return why;
  return "";
}

}  // namespace overdue
