// Internal to the core: bin labels shared by woe.cpp and features.cpp, and the trend pooling of
// woe_trend.cpp (a numeric feature's pre-bins pooled to the trend asked for).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/model/data.hpp"
#include "overdue/model/features.hpp"

namespace overdue::model_detail {

std::string range_label(double lower, double upper);  // "(-inf, 2]", "(2, +inf)"
std::string levels_label(const CategoricalFeature& f, const std::vector<int32_t>& levels);
std::string special_label(double code);               // "= -2"

// A run of pre-bins: the training rows with lower < x ≤ upper (the lower edge is the previous
// block's upper).
struct Block {
  double upper = 0;  // right edge (inclusive)
  uint64_t good = 0, bad = 0;
  uint64_t n() const { return good + bad; }
};

// The blocks pooled so that the bad rate takes the shape `trend` (BinTrend); `direction` is the
// measured sign of the rank–target correlation, the direction BinTrend::automatic follows
// (0 counts as rising, as it always has).
std::vector<Block> pool_for_trend(const std::vector<Block>& blocks, BinTrend trend, int direction);
// Pool-adjacent-violators: adjacent blocks merged until the bad rate rises (or falls) strictly.
std::vector<Block> pool_monotonic(const std::vector<Block>& blocks, bool rising);
// IV of the blocks as bins on their own (G and B their totals; the 0.5 smoothing of finish_bins).
double blocks_iv(const std::vector<Block>& blocks);

}  // namespace overdue::model_detail
