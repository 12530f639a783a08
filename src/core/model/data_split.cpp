// Seeded stratified train/test split (model_data.hpp), with the project's
// own generator (model_random.hpp) so native and wasm split identically.
#include <algorithm>
#include <cmath>

#include "overdue/model/data.hpp"
#include "overdue/model/random.hpp"

namespace overdue {
namespace {

// Rows of each class in ascending order, shuffled by one generator: good class first, then bad.
void shuffled_classes(const std::vector<uint8_t>& target, SplitMix64& rng, std::vector<uint32_t> out[2]) {
  for (uint32_t i = 0; i < target.size(); ++i) out[target[i] ? 1 : 0].push_back(i);
  seeded_shuffle(out[0], rng);
  seeded_shuffle(out[1], rng);
}

}  // namespace

TrainTestSplit stratified_split(const std::vector<uint8_t>& target, double test_fraction, uint64_t seed) {
  TrainTestSplit s;
  s.seed = seed;
  s.test_fraction = test_fraction;
  SplitMix64 rng(seed);
  std::vector<uint32_t> cls[2];
  shuffled_classes(target, rng, cls);
  // round(n × f) test rows in all, round(n_bad × f) of them bad, so the total is what was asked
  // for and each class keeps its share.
  auto rounded = [test_fraction](size_t n) {
    return static_cast<size_t>(std::llround(static_cast<double>(n) * test_fraction));
  };
  const size_t total = rounded(target.size());
  const size_t bad_test = std::min(rounded(cls[1].size()), total);
  const size_t n_test[2] = {std::min(total - bad_test, cls[0].size()), bad_test};
  for (int c = 0; c < 2; ++c)
    for (size_t k = 0; k < cls[c].size(); ++k) (k < n_test[c] ? s.test : s.train).push_back(cls[c][k]);
  std::sort(s.train.begin(), s.train.end());
  std::sort(s.test.begin(), s.test.end());
  return s;
}

std::string split_csv(const ModelDataset& data, const TrainTestSplit& split) {
  std::vector<uint8_t> is_test(data.rows(), 0);
  for (uint32_t i : split.test) is_test[i] = 1;
  std::string out;
  out.reserve(data.rows() * 14);
  for (size_t i = 0; i < data.rows(); ++i) {
    out += std::to_string(data.record[i]);
    out += is_test[i] ? ",test\n" : ",train\n";
  }
  return out;
}

}  // namespace overdue
