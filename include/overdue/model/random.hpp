// Seeded randomness for the model lab (splits, folds, permutation importance). The standard
// library's distributions are implementation-defined, so native and wasm could shuffle
// differently; splitmix64 (Steele, Lea & Flood 2014) plus our own bounded draw and Fisher–Yates
// give the same sequence everywhere for the same seed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace overdue {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform integer in [0, bound), bound > 0. Rejection sampling (no modulo bias), so the
  // result depends only on the seed, never on the platform.
  uint64_t below(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t r = next();
    while (r >= limit) r = next();
    return r % bound;
  }
  // Uniform double in [0, 1) from the top 53 bits.
  double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  uint64_t state_;
};

// Fisher–Yates shuffle driven by SplitMix64 (std::shuffle's algorithm is unspecified).
template <class T>
void seeded_shuffle(std::vector<T>& v, SplitMix64& rng) {
  for (size_t i = v.size(); i > 1; --i) {
    const size_t j = size_t(rng.below(i));
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace overdue
