// Logistic regression (issue #5): the objective is the documented one (gradient 0 at the
// returned solution, checked with an independent finite-difference/closed-form computation),
// the closed-form MLE on a binary feature, standardisation, weights and bad input.
#include <doctest/doctest.h>

#include <cmath>

#include "overdue/model/logistic.hpp"
#include "overdue/model/random.hpp"

using namespace overdue;

namespace {

RowSubset all_rows(size_t n) {
  RowSubset r(n);
  for (size_t i = 0; i < n; ++i) r[i] = uint32_t(i);
  return r;
}

// J(b, w) = mean log-loss + λ/2‖w‖², written out independently of the library (raw features).
double objective(const FeatureMatrix& x, const std::vector<uint8_t>& y, double b,
                 const std::vector<double>& w, double l2) {
  double loss = 0;
  for (size_t i = 0; i < x.rows(); ++i) {
    double eta = b;
    for (size_t j = 0; j < x.cols(); ++j) eta += w[j] * x.columns[j][i];
    const double p = 1 / (1 + std::exp(-eta));
    loss -= y[i] ? std::log(p) : std::log(1 - p);
  }
  double pen = 0;
  for (double c : w) pen += c * c;
  return loss / double(x.rows()) + 0.5 * l2 * pen;
}

}  // namespace

TEST_CASE("logistic: λ = 0 on one binary feature gives the closed-form MLE (log-odds per group)") {
  // x = 0: 1 bad of 4 → intercept = logit(1/4) = −ln 3; x = 1: 3 bads of 4 → slope = 2 ln 3
  FeatureMatrix x;
  x.names = {"flag"};
  x.columns = {{0, 0, 0, 0, 1, 1, 1, 1}};
  const std::vector<uint8_t> y = {1, 0, 0, 0, 1, 1, 1, 0};
  LogisticOptions o;
  o.l2 = 0;
  o.standardise = false;
  const LogisticModel m = fit_logistic(x, y, all_rows(8), o);
  REQUIRE(m.ok());
  CHECK(m.converged);
  CHECK(m.iterations < 20);
  CHECK(m.intercept == doctest::Approx(-std::log(3.0)).epsilon(1e-7));
  CHECK(m.coefficients[0] == doctest::Approx(2 * std::log(3.0)).epsilon(1e-7));
  const std::vector<double> p = predict_logistic(m, x);
  CHECK(p[0] == doctest::Approx(0.25));
  CHECK(p[7] == doctest::Approx(0.75));
}

TEST_CASE("logistic: with L2 the gradient of the documented objective is ~0 at the solution") {
  FeatureMatrix x;
  x.names = {"a", "b"};
  x.columns = {{1, 2, 3, 4, 5, 6, 7, 8}, {0.5, -1, 2, 0, 1, 3, -2, 1}};
  const std::vector<uint8_t> y = {0, 0, 1, 0, 1, 1, 0, 1};
  LogisticOptions o;
  o.l2 = 0.1;
  o.standardise = false;
  const LogisticModel m = fit_logistic(x, y, all_rows(8), o);
  REQUIRE(m.ok());
  CHECK(m.converged);
  CHECK(m.gradient_norm <= 1e-8);
  const double j0 = objective(x, y, m.intercept, m.coefficients, 0.1);
  CHECK(m.objective == doctest::Approx(j0).epsilon(1e-12));
  // central differences of the independent objective: every partial derivative ≈ 0, and the
  // penalty really excludes the intercept (else ∂/∂b would be λ·b ≠ 0 here)
  const double h = 1e-5;
  CHECK(std::fabs(objective(x, y, m.intercept + h, m.coefficients, 0.1) -
                  objective(x, y, m.intercept - h, m.coefficients, 0.1)) /
            (2 * h) <
        1e-6);
  for (size_t j = 0; j < 2; ++j) {
    std::vector<double> up = m.coefficients, down = m.coefficients;
    up[j] += h;
    down[j] -= h;
    CHECK(
        std::fabs(objective(x, y, m.intercept, up, 0.1) - objective(x, y, m.intercept, down, 0.1)) /
            (2 * h) <
        1e-6);
  }
  // and it is a minimum: moving any coefficient raises J
  std::vector<double> moved = m.coefficients;
  moved[0] += 0.01;
  CHECK(objective(x, y, m.intercept, moved, 0.1) > j0);
}

TEST_CASE(
    "logistic: a huge λ shrinks the slopes to 0 and leaves the intercept at the base log-odds") {
  FeatureMatrix x;
  x.columns = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
  x.names = {"v"};
  const std::vector<uint8_t> y = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0};  // 3 of 10
  LogisticOptions o;
  o.l2 = 1e6;
  const LogisticModel m = fit_logistic(x, y, all_rows(10), o);
  REQUIRE(m.converged);
  CHECK(std::fabs(m.coefficients[0]) < 1e-5);
  CHECK(m.intercept == doctest::Approx(std::log(0.3 / 0.7)).epsilon(1e-5));
}

TEST_CASE("logistic: standardising changes the penalty scale, not an unpenalised fit") {
  SplitMix64 rng(3);
  FeatureMatrix x;
  x.names = {"big", "small"};
  x.columns.assign(2, std::vector<double>(300));
  std::vector<uint8_t> y(300);
  for (size_t i = 0; i < 300; ++i) {
    x.columns[0][i] = 1000 + 500 * rng.uniform();
    x.columns[1][i] = rng.uniform();
    const double eta = -3 + 0.004 * (x.columns[0][i] - 1000) + 1.5 * x.columns[1][i];
    y[i] = rng.uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }
  LogisticOptions raw;
  raw.l2 = 0;
  raw.standardise = false;
  LogisticOptions std_ = raw;
  std_.standardise = true;
  const LogisticModel a = fit_logistic(x, y, all_rows(300), raw);
  const LogisticModel b = fit_logistic(x, y, all_rows(300), std_);
  REQUIRE(a.converged);
  REQUIRE(b.converged);
  const std::vector<double> pa = predict_logistic(a, x), pb = predict_logistic(b, x);
  for (size_t i = 0; i < 300; i += 37) CHECK(pa[i] == doctest::Approx(pb[i]).epsilon(1e-6));
  const RawCoefficients rb = raw_coefficients(b);
  CHECK(rb.coefficients[0] == doctest::Approx(a.coefficients[0]).epsilon(1e-6));
  CHECK(rb.intercept == doctest::Approx(a.intercept).epsilon(1e-6));
  // standardised coefficients agree whichever scale was fitted
  CHECK(standardised_coefficients(a)[0] == doctest::Approx(b.coefficients[0]).epsilon(1e-6));
  CHECK(b.mean[0] > 1000);
  CHECK(b.sd[1] > 0.2);
  CHECK(b.sd[1] < 0.4);  // uniform(0,1): sd ≈ 0.289
}

TEST_CASE("logistic: a weight of 2 is the same fit as the row twice; constant column gets 0") {
  FeatureMatrix x;
  x.names = {"v", "constant"};
  x.columns = {{1, 2, 3, 4, 5, 6}, {7, 7, 7, 7, 7, 7}};
  const std::vector<uint8_t> y = {0, 1, 0, 1, 1, 0};
  FeatureMatrix twice = x;
  twice.columns[0].push_back(2);  // row 1 again
  twice.columns[1].push_back(7);
  std::vector<uint8_t> y2 = y;
  y2.push_back(1);
  LogisticOptions o;
  o.l2 = 0.05;
  o.standardise = false;
  const LogisticModel w = fit_logistic(x, y, all_rows(6), o, {1, 2, 1, 1, 1, 1});
  const LogisticModel d = fit_logistic(twice, y2, all_rows(7), o);
  REQUIRE(w.converged);
  REQUIRE(d.converged);
  CHECK(w.coefficients[0] == doctest::Approx(d.coefficients[0]).epsilon(1e-8));
  CHECK(w.intercept == doctest::Approx(d.intercept).epsilon(1e-8));
  CHECK(w.coefficients[1] == 0);
}

TEST_CASE("logistic: only the given rows are fitted, and bad input is an error, not a fit") {
  FeatureMatrix x;
  x.names = {"v"};
  x.columns = {{0, 0, 1, 1, 5, NAN}};
  const std::vector<uint8_t> y = {0, 1, 1, 1, 0, 1};
  LogisticOptions o;
  o.l2 = 0;
  o.standardise = false;
  const LogisticModel m = fit_logistic(x, y, {0, 1, 2, 3}, o);  // NaN row not used: fine
  REQUIRE(m.ok());
  CHECK(m.converged);
  CHECK(m.train_rows == 4);
  CHECK(std::isnan(predict_logistic(m, x, {5})[0]));
  CHECK_FALSE(fit_logistic(x, y, {0, 5}, o).ok());       // NaN in a training row
  CHECK_FALSE(fit_logistic(x, {0, 1}, {0, 1}, o).ok());  // labels too short
  CHECK_FALSE(fit_logistic(x, y, {}, o).ok());
  CHECK_FALSE(fit_logistic(x, y, {0, 1}, o, {1.0}).ok());  // weights ≠ rows
  LogisticOptions bad_col = o;
  bad_col.columns = {3};
  CHECK_FALSE(fit_logistic(x, y, {0, 1}, bad_col).ok());
}

TEST_CASE("logistic: separable data without a penalty stops at max_iterations, not converged") {
  FeatureMatrix x;
  x.names = {"v"};
  x.columns = {{1, 2, 3, 4, 5, 6}};
  const std::vector<uint8_t> y = {0, 0, 0, 1, 1, 1};
  LogisticOptions o;
  o.l2 = 0;
  o.max_iterations = 15;
  const LogisticModel m = fit_logistic(x, y, all_rows(6), o);
  REQUIRE(m.ok());
  CHECK_FALSE(m.converged);
  CHECK(m.iterations <= 15);
  CHECK(m.coefficients[0] > 5);  // heading to infinity, still ranking correctly
  // with a penalty the same data has a finite optimum
  o.l2 = 0.01;
  const LogisticModel r = fit_logistic(x, y, all_rows(6), o);
  CHECK(r.converged);
}

TEST_CASE("logistic: LogisticFitter step by step ends exactly where fit_logistic does") {
  SplitMix64 rng(9);
  FeatureMatrix x;
  x.names = {"a", "b", "c"};
  x.columns.assign(3, std::vector<double>(500));
  std::vector<uint8_t> y(500);
  for (size_t i = 0; i < 500; ++i) {
    for (auto& c : x.columns) c[i] = rng.uniform() * 4 - 2;
    const double eta = -1 + 1.2 * x.columns[0][i] - 0.7 * x.columns[2][i];
    y[i] = rng.uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }
  LogisticOptions o;
  o.l2 = 1e-3;
  const LogisticModel whole = fit_logistic(x, y, all_rows(500), o);
  LogisticFitter fitter(x, y, all_rows(500), o);
  CHECK_FALSE(fitter.done());
  double last = fitter.model().objective;
  int steps = 0;
  for (Budget iteration{1}; fitter.step(iteration) == Step::more; iteration = Budget{1}) {
    ++steps;
    CHECK(fitter.model().iterations == steps);
    CHECK(fitter.model().objective <= last);  // the line search never goes uphill
    last = fitter.model().objective;
  }
  CHECK(fitter.done());
  const LogisticModel& m = fitter.model();
  CHECK(m.converged);
  CHECK(m.iterations == whole.iterations);
  CHECK(m.objective == whole.objective);  // bit for bit: the same code path
  CHECK(m.coefficients == whole.coefficients);
  CHECK(m.intercept == whole.intercept);
  Budget after{1};
  CHECK(fitter.step(after) == Step::done);
  // bad input: done at once, with the error
  LogisticFitter bad(x, {0, 1}, all_rows(500), o);
  CHECK(bad.done());
  CHECK_FALSE(bad.model().ok());
}
