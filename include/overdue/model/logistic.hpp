// Logistic regression with an L2 penalty, fitted by Newton's method (IRLS) — issue #5, DESIGN §5.
//
// Objective (exactly, so other implementations can be compared):
//   J(b, w) = Σ_i s_i·ℓ_i / Σ_i s_i  +  λ/2 · ‖w‖²,   ℓ_i = −y_i·log p_i − (1−y_i)·log(1−p_i)
// over the training rows, p_i = σ(b + w·x_i), s_i the sample weights (1 when none), the
// intercept b not penalised. With unit weights this is scikit-learn's LogisticRegression with
// C = 1 / (λ · n_train) (its objective C·Σℓ + ½‖w‖² divided by C·n_train).
// x is standardised first when asked: mean and population sd (ddof 0, like sklearn's
// StandardScaler) of the training rows, kept in the model so any later file is scored the same.
// Input must be finite: NaN/inf in a used column of a training row is an error (impute first).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/model/matrix.hpp"

namespace overdue {

struct LogisticOptions {
  double l2 = 1e-4;                  // λ in the objective above (≥ 0)
  bool standardise = true;           // fit on (x − mean) / sd of the training rows
  int max_iterations = 100;          // Newton steps
  double gradient_tolerance = 1e-8;  // converged when max |∂J| ≤ this
  std::vector<size_t> columns;       // FeatureMatrix columns to use, in this order; empty = all
};

struct LogisticModel {
  std::vector<size_t> columns;     // FeatureMatrix column indices, in coefficient order
  std::vector<std::string> names;  // their names
  bool standardised = true;
  std::vector<double> mean, sd;      // training mean / population sd per column (always filled;
                                     // a constant column gets sd = 1 and coefficient 0)
  double intercept = 0;              // on the fitted scale (standardised when standardised)
  std::vector<double> coefficients;  // on the fitted scale
  double l2 = 0;
  int iterations = 0;        // Newton steps taken
  bool converged = false;    // gradient tolerance reached within max_iterations
  double objective = 0;      // J at the returned coefficients
  double gradient_norm = 0;  // max |∂J| at the returned coefficients
  size_t train_rows = 0;
  std::string error;  // non-empty: nothing was fitted (bad input)
  bool ok() const { return error.empty(); }
};

// Fits on `rows` of x (labels[i] ∈ {0,1} for matrix row i, 1 = bad; labels.size() == x.rows()).
// sample_weights, when non-empty, has one weight ≥ 0 per entry of `rows` (same order).
LogisticModel fit_logistic(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                           const RowSubset& rows, const LogisticOptions& options = {},
                           const std::vector<double>& sample_weights = {});

// The same fit as a job (overdue/job/job.hpp), a Newton iteration per budget unit, so a caller
// can spread a large fit over frames and show progress: construct (validates and standardises;
// model().error on bad input), step until Step::done, then take() (or read model()).
// fit_logistic is run_to_end of it. Each iteration costs one pass over the training rows for the gradient and p×p Hessian plus the
// line search's objective evaluations (usually one).
class LogisticFitter {
 public:
  LogisticFitter(const FeatureMatrix& x, const std::vector<uint8_t>& labels, const RowSubset& rows,
                 const LogisticOptions& options = {},
                 const std::vector<double>& sample_weights = {});
  ~LogisticFitter();
  LogisticFitter(LogisticFitter&&) noexcept;
  LogisticFitter& operator=(LogisticFitter&&) noexcept;
  // About budget.units iterations (at least one); Step::done once finished (converged,
  // max_iterations or error).
  Step step(Budget& budget);
  double progress() const;             // iterations / max_iterations, 1 once done
  bool done() const;
  const LogisticModel& model() const;  // the current coefficients; final once done()
  LogisticModel take();                // the model, once done

 private:
  struct State;
  bool iterate();  // one Newton iteration; false once finished
  void publish();
  void finish();
  std::unique_ptr<State> state_;
};

// Probability of bad for each of `rows` (result[k] for rows[k]); x must have the model's column
// layout (the same column indices). A row with NaN in a used column gets NaN.
std::vector<double> predict_logistic(const LogisticModel& model, const FeatureMatrix& x,
                                     const RowSubset& rows);
// …for every row of x.
std::vector<double> predict_logistic(const LogisticModel& model, const FeatureMatrix& x);

// Coefficients on the standardised scale (coefficient × training sd when the fit was on raw
// values): comparable across features, used as the importance measure.
std::vector<double> standardised_coefficients(const LogisticModel& model);

// Coefficients and intercept on the raw (unstandardised) scale: w_j / sd_j and
// b − Σ w_j·mean_j / sd_j; identical to the fitted ones when the fit was on raw values.
struct RawCoefficients {
  double intercept = 0;
  std::vector<double> coefficients;
};
RawCoefficients raw_coefficients(const LogisticModel& model);

}  // namespace overdue
