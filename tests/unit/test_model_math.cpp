// The platform-independent exp/log of the model lab agree with the C library to within 1 ulp
// (they exist so native and wasm fits are bit-identical; see include/overdue/model/math.hpp).
#include <doctest/doctest.h>

#include <cmath>

#include "overdue/model/math.hpp"
#include "overdue/model/random.hpp"

using namespace overdue;

namespace {
// distance in units in the last place
double ulps(double a, double b) {
  if (a == b) return 0;
  return std::fabs(a - b) / std::fabs(std::nextafter(b, a) - b);
}
}  // namespace

TEST_CASE("model_math exp/log/log1p: within 1 ulp of <cmath> over the ranges a fit uses") {
  SplitMix64 rng(1);
  double worst_exp = 0, worst_log = 0, worst_log1p = 0;
  for (int i = 0; i < 200000; ++i) {
    const double x = (rng.uniform() - 0.5) * 1400;  // exp over ±700
    worst_exp = std::max(worst_exp, ulps(model_math::exp(x), std::exp(x)));
    const double small = (rng.uniform() - 0.5) * 20;
    worst_exp = std::max(worst_exp, ulps(model_math::exp(small), std::exp(small)));
    const double y = std::ldexp(rng.uniform() + 0.5, int(rng.below(200)) - 100);
    worst_log = std::max(worst_log, ulps(model_math::log(y), std::log(y)));
    const double z = std::ldexp(rng.uniform(), -int(rng.below(60)));
    worst_log1p = std::max(worst_log1p, ulps(model_math::log1p(z), std::log1p(z)));
  }
  CHECK(worst_exp <= 1.0);
  CHECK(worst_log <= 1.0);
  CHECK(worst_log1p <= 2.0);
  CHECK(model_math::exp(0.0) == 1.0);
  CHECK(model_math::log(1.0) == 0.0);
  CHECK(model_math::exp(1000.0) == INFINITY);
  CHECK(model_math::exp(-1000.0) == 0.0);
  CHECK(model_math::log(0.0) == -INFINITY);
  CHECK(std::isnan(model_math::log(-1.0)));
  CHECK(model_math::log2(8.0) == doctest::Approx(3.0));
  CHECK(model_math::log1p(1e-300) == 1e-300);
}
