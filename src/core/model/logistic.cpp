// L2-penalised logistic regression by Newton's method with a backtracking line search.
// The objective and its scale are documented in include/overdue/model/logistic.hpp; the Hessian
// is p×p (p = features + 1), solved by a hand-written Cholesky (p is at most ~100 here, so a
// dense solve is cheap and keeps the core free of a linear-algebra dependency).
//
// [SECTION] numerics: softplus, sigmoid, Cholesky
// [SECTION] the training problem
// [SECTION] the fitter: state, setup, the job protocol
// [SECTION] one Newton iteration with a backtracking line search
// [SECTION] prediction and coefficients
#include "overdue/model/logistic.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "overdue/model/math.hpp"

namespace overdue {
namespace {

// [SECTION] numerics: softplus, sigmoid, Cholesky ------------------------------------------------

// log(1 + e^z) without overflow.
double softplus(double z) {
  return z > 0 ? z + model_math::log1p(model_math::exp(-z)) : model_math::log1p(model_math::exp(z));
}

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + model_math::exp(-z));
  const double e = model_math::exp(z);
  return e / (1.0 + e);
}

// In-place Cholesky of a symmetric positive-definite matrix (row-major, upper triangle used),
// then solves A·x = b. Returns false when A is not positive definite.
bool cholesky_solve(std::vector<double> a, size_t n, std::vector<double>& b) {
  // a becomes L (lower triangle) with A = L·Lᵀ.
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    d = std::sqrt(d);
    a[j * n + j] = d;
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[j * n + i];  // A(i, j) = A(j, i) from the upper triangle
      for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / d;
    }
  }
  for (size_t i = 0; i < n; ++i) {  // L·y = b
    double s = b[i];
    for (size_t k = 0; k < i; ++k) s -= a[i * n + k] * b[k];
    b[i] = s / a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {  // Lᵀ·x = y
    double s = b[i];
    for (size_t k = i + 1; k < n; ++k) s -= a[k * n + i] * b[k];
    b[i] = s / a[i * n + i];
  }
  return true;
}

// [SECTION] the training problem -----------------------------------------------------------------

// The training problem: row-major design (standardised when asked), labels and weights.
struct Problem {
  size_t n = 0, p = 0;       // rows, features (intercept not included)
  std::vector<double> z;     // n × p
  std::vector<double> y, s;  // label, sample weight
  double weight_sum = 0;
  double l2 = 0;
  std::vector<uint8_t> frozen;  // constant column: coefficient held at 0

  double linear(const std::vector<double>& beta, size_t i) const {
    double eta = beta[0];
    const double* zi = &z[i * p];
    for (size_t j = 0; j < p; ++j) eta += beta[j + 1] * zi[j];
    return eta;
  }
  double objective(const std::vector<double>& beta) const {
    double loss = 0;
    for (size_t i = 0; i < n; ++i) {
      if (s[i] == 0) continue;
      const double eta = linear(beta, i);
      loss += s[i] * (softplus(eta) - y[i] * eta);  // −y·log p − (1−y)·log(1−p)
    }
    double penalty = 0;
    for (size_t j = 1; j <= p; ++j) penalty += beta[j] * beta[j];
    return loss / weight_sum + 0.5 * l2 * penalty;
  }
  // Gradient (size p+1) and Hessian ((p+1)², upper triangle) of the objective at beta.
  void derivatives(const std::vector<double>& beta, std::vector<double>& g,
                   std::vector<double>& h) const {
    const size_t m = p + 1;
    g.assign(m, 0.0);
    h.assign(m * m, 0.0);
    std::vector<double> row(m);
    row[0] = 1.0;
    for (size_t i = 0; i < n; ++i) {
      if (s[i] == 0) continue;
      std::copy(&z[i * p], &z[i * p] + p, row.begin() + 1);
      const double pr = sigmoid(linear(beta, i));
      const double r = s[i] * (pr - y[i]);
      const double w = s[i] * pr * (1 - pr);
      for (size_t a = 0; a < m; ++a) {
        g[a] += r * row[a];
        const double wa = w * row[a];
        double* ha = &h[a * m];
        for (size_t b = a; b < m; ++b) ha[b] += wa * row[b];
      }
    }
    for (size_t a = 0; a < m; ++a) {
      g[a] /= weight_sum;
      for (size_t b = a; b < m; ++b) h[a * m + b] /= weight_sum;
    }
    for (size_t j = 1; j <= p; ++j) {
      g[j] += l2 * beta[j];
      h[j * m + j] += l2;
    }
    for (size_t j = 0; j < p; ++j) {  // a frozen coefficient is not a variable: identity row
      if (!frozen[j]) continue;
      const size_t a = j + 1;
      g[a] = 0;
      for (size_t b = 0; b < m; ++b) h[std::min(a, b) * m + std::max(a, b)] = 0;
      h[a * m + a] = 1;
    }
  }
};

double max_abs(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::fabs(x));
  return m;
}

}  // namespace

// [SECTION] the fitter: state, setup, the job protocol -------------------------------------------

struct LogisticFitter::State {
  LogisticOptions options;
  LogisticModel model;
  Problem pb;
  std::vector<double> beta, g, h;
  double objective = 0;
  bool done = false;
};

LogisticFitter::LogisticFitter(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                               const RowSubset& rows, const LogisticOptions& options,
                               const std::vector<double>& sample_weights)
    : state_(std::make_unique<State>()) {
  state_->options = options;
  LogisticModel& model = state_->model;
  Problem& pb = state_->pb;
  model.standardised = options.standardise;
  model.l2 = options.l2;
  model.train_rows = rows.size();
  if (options.columns.empty()) {
    for (size_t j = 0; j < x.cols(); ++j) model.columns.push_back(j);
  } else {
    model.columns = options.columns;
  }
  for (size_t c : model.columns) {
    if (c >= x.cols()) {
      model.error = "column index out of range";
      finish();
      return;
    }
    model.names.push_back(c < x.names.size() ? x.names[c] : std::string());
  }
  if (labels.size() != x.rows()) {
    model.error = "labels and matrix differ in length";
    finish();
    return;
  }
  if (rows.empty()) {
    model.error = "no training rows";
    finish();
    return;
  }
  if (!sample_weights.empty() && sample_weights.size() != rows.size()) {
    model.error = "sample weights and rows differ in length";
    finish();
    return;
  }
  if (!(options.l2 >= 0)) {
    model.error = "l2 must be >= 0";
    finish();
    return;
  }
  pb.n = rows.size();
  pb.p = model.columns.size();
  pb.l2 = options.l2;
  pb.y.resize(pb.n);
  pb.s.resize(pb.n);
  for (size_t k = 0; k < pb.n; ++k) {
    if (rows[k] >= x.rows()) {
      model.error = "row index out of range";
      finish();
      return;
    }
    pb.y[k] = labels[rows[k]] ? 1.0 : 0.0;
    pb.s[k] = sample_weights.empty() ? 1.0 : sample_weights[k];
    if (!(pb.s[k] >= 0) || !std::isfinite(pb.s[k])) {
      model.error = "sample weights must be finite and >= 0";
      finish();
      return;
    }
    pb.weight_sum += pb.s[k];
  }
  if (!(pb.weight_sum > 0)) {
    model.error = "sample weights sum to 0";
    finish();
    return;
  }
  // Mean and population sd per column over the training rows (two passes for accuracy).
  model.mean.assign(pb.p, 0.0);
  model.sd.assign(pb.p, 1.0);
  pb.frozen.assign(pb.p, 0);
  for (size_t j = 0; j < pb.p; ++j) {
    const std::vector<double>& col = x.columns[model.columns[j]];
    double sum = 0;
    for (uint32_t r : rows) {
      if (!std::isfinite(col[r])) {
        model.error = "missing or non-finite value in column '" + model.names[j] +
                      "' (impute before fitting)";
        finish();
        return;
      }
      sum += col[r];
    }
    const double mean = sum / double(pb.n);
    double ss = 0;
    for (uint32_t r : rows) ss += (col[r] - mean) * (col[r] - mean);
    const double sd = std::sqrt(ss / double(pb.n));
    model.mean[j] = mean;
    if (sd > 1e-12 * std::max(1.0, std::fabs(mean))) {
      model.sd[j] = sd;
    } else {
      pb.frozen[j] = 1;  // constant on the training rows: carries no information
    }
  }
  pb.z.resize(pb.n * pb.p);
  for (size_t j = 0; j < pb.p; ++j) {
    const std::vector<double>& col = x.columns[model.columns[j]];
    for (size_t k = 0; k < pb.n; ++k) {
      const double v = col[rows[k]];
      pb.z[k * pb.p + j] = pb.frozen[j]          ? 0.0
                           : options.standardise ? (v - model.mean[j]) / model.sd[j]
                                                 : v;
    }
  }

  // Start from the intercept-only solution (log-odds of the weighted bad rate), which is the
  // exact optimum when no feature helps and keeps the first Newton step small.
  std::vector<double>& beta = state_->beta;
  beta.assign(pb.p + 1, 0.0);
  double ybar = 0;
  for (size_t k = 0; k < pb.n; ++k) ybar += pb.s[k] * pb.y[k];
  ybar /= pb.weight_sum;
  ybar = std::clamp(ybar, 1e-6, 1 - 1e-6);
  beta[0] = model_math::log(ybar / (1 - ybar));
  state_->objective = pb.objective(beta);
  publish();
}

LogisticFitter::~LogisticFitter() = default;
LogisticFitter::LogisticFitter(LogisticFitter&&) noexcept = default;
LogisticFitter& LogisticFitter::operator=(LogisticFitter&&) noexcept = default;

bool LogisticFitter::done() const { return state_->done; }
const LogisticModel& LogisticFitter::model() const { return state_->model; }

void LogisticFitter::publish() {
  State& s = *state_;
  s.model.objective = s.objective;
  if (s.beta.empty()) return;
  s.model.intercept = s.beta[0];
  s.model.coefficients.assign(s.beta.begin() + 1, s.beta.end());
}

void LogisticFitter::finish() {
  publish();
  state_->done = true;
}

Step LogisticFitter::step(Budget& budget) {
  for (;;) {
    const bool more = iterate();
    budget.spend(1);
    if (!more) return Step::done;
    if (budget.spent()) return Step::more;
  }
}

double LogisticFitter::progress() const {
  const State& s = *state_;
  if (s.done) return 1.0;
  const int most = std::max(1, s.options.max_iterations);
  return std::min(0.99, static_cast<double>(s.model.iterations) / most);
}

LogisticModel LogisticFitter::take() { return std::move(state_->model); }

// [SECTION] one Newton iteration with a backtracking line search ---------------------------------

bool LogisticFitter::iterate() {
  State& s = *state_;
  if (s.done) return false;
  const Problem& pb = s.pb;
  LogisticModel& model = s.model;
  std::vector<double>& g = s.g;
  std::vector<double>& h = s.h;
  const size_t m = pb.p + 1;
  pb.derivatives(s.beta, g, h);
  model.gradient_norm = max_abs(g);
  if (model.gradient_norm <= s.options.gradient_tolerance) {
    model.converged = true;
    finish();
    return false;
  }
  if (model.iterations >= s.options.max_iterations) {
    finish();
    return false;
  }
  std::vector<double> step(m);
  for (size_t a = 0; a < m; ++a) step[a] = -g[a];
  if (!cholesky_solve(h, m, step)) {
    // Singular Hessian (λ = 0 with collinear columns): a tiny ridge on the step only; the
    // objective itself is unchanged.
    double trace = 0;
    for (size_t a = 0; a < m; ++a) trace += h[a * m + a];
    for (size_t a = 0; a < m; ++a) h[a * m + a] += 1e-10 * trace / double(m) + 1e-300;
    for (size_t a = 0; a < m; ++a) step[a] = -g[a];
    if (!cholesky_solve(h, m, step)) {
      finish();
      return false;
    }
  }
  double slope = 0;
  for (size_t a = 0; a < m; ++a) slope += g[a] * step[a];
  // Armijo backtracking: Newton's full step is almost always taken; halving guards the
  // nearly-separable cases where the quadratic model overshoots.
  double t = 1.0;
  std::vector<double> trial(m);
  double trial_obj = s.objective;
  for (int ls = 0; ls < 60; ++ls, t *= 0.5) {
    for (size_t a = 0; a < m; ++a) trial[a] = s.beta[a] + t * step[a];
    trial_obj = pb.objective(trial);
    if (trial_obj <= s.objective + 1e-4 * t * slope) break;
  }
  ++model.iterations;
  if (!(trial_obj <= s.objective)) {  // no decrease possible in floating point: stop here
    finish();
    return false;
  }
  const bool stalled = trial_obj == s.objective;
  s.beta = trial;
  s.objective = trial_obj;
  if (stalled) {
    pb.derivatives(s.beta, g, h);
    model.gradient_norm = max_abs(g);
    model.converged = model.gradient_norm <= s.options.gradient_tolerance;
    finish();
    return false;
  }
  publish();
  return true;
}

LogisticModel fit_logistic(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                           const RowSubset& rows, const LogisticOptions& options,
                           const std::vector<double>& sample_weights) {
  LogisticFitter fitter(x, labels, rows, options, sample_weights);
  return run_to_end(fitter);
}

// [SECTION] prediction and coefficients ----------------------------------------------------------

std::vector<double> predict_logistic(const LogisticModel& model, const FeatureMatrix& x,
                                     const RowSubset& rows) {
  std::vector<double> out(rows.size(), std::numeric_limits<double>::quiet_NaN());
  if (!model.ok()) return out;
  for (size_t c : model.columns)
    if (c >= x.cols()) return out;
  for (size_t k = 0; k < rows.size(); ++k) {
    const uint32_t r = rows[k];
    if (r >= x.rows()) continue;
    double eta = model.intercept;
    for (size_t j = 0; j < model.columns.size(); ++j) {
      const double v = x.columns[model.columns[j]][r];
      const double z = model.standardised ? (v - model.mean[j]) / model.sd[j] : v;
      eta += model.coefficients[j] * z;
    }
    out[k] = std::isnan(eta) ? eta : sigmoid(eta);
  }
  return out;
}

std::vector<double> predict_logistic(const LogisticModel& model, const FeatureMatrix& x) {
  RowSubset all(x.rows());
  for (size_t i = 0; i < all.size(); ++i) all[i] = uint32_t(i);
  return predict_logistic(model, x, all);
}

std::vector<double> standardised_coefficients(const LogisticModel& model) {
  std::vector<double> out = model.coefficients;
  if (!model.standardised)
    for (size_t j = 0; j < out.size() && j < model.sd.size(); ++j) out[j] *= model.sd[j];
  return out;
}

RawCoefficients raw_coefficients(const LogisticModel& model) {
  RawCoefficients raw;
  raw.intercept = model.intercept;
  raw.coefficients = model.coefficients;
  if (!model.standardised) return raw;
  for (size_t j = 0; j < raw.coefficients.size(); ++j) {
    raw.coefficients[j] = model.coefficients[j] / model.sd[j];
    raw.intercept -= raw.coefficients[j] * model.mean[j];
  }
  return raw;
}

}  // namespace overdue
