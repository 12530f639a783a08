// Principal component analysis for the model lab (DESIGN.md §5): eigen-decomposition of the
// correlation matrix of the numeric features over the training rows — the same as PCA on the
// columns standardised with the training mean and population sd (scikit-learn's StandardScaler
// then PCA: the explained variance ratios are equal, since scaling all variances cancels).
// Input must be finite (impute first). A constant column standardises to zeros, as in sklearn.
#pragma once
#include <string>
#include <vector>

#include "overdue/model/matrix.hpp"

namespace overdue {

struct PcaResult {
  std::vector<std::string> names;                 // the input columns
  std::vector<double> eigenvalues;                // descending (variance of each component)
  std::vector<double> explained_variance_ratio;   // eigenvalue / Σ eigenvalues
  std::vector<double> cumulative_ratio;
  // loadings[k][j]: weight of column j in component k (unit length). Sign convention: the entry
  // of largest |value| is positive (first such entry on a tie), so the output is deterministic.
  std::vector<std::vector<double>> loadings;
  int sweeps = 0;                                 // Jacobi sweeps used
  std::string error;
  bool ok() const { return error.empty(); }
};

// Columns: every column of x (columns empty) or the listed ones.
PcaResult principal_components(const FeatureMatrix& x, const RowSubset& rows,
                               const std::vector<size_t>& columns = {});

// Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method (Golub & Van Loan §8.5):
// eigenvalues descending, eigenvectors[k] the unit vector of eigenvalue k. Exact to rounding for
// p ≤ a few hundred; the sweeps stop when the off-diagonal mass is below 1e-22 of the total.
void symmetric_eigen(std::vector<std::vector<double>> a, std::vector<double>& eigenvalues,
                     std::vector<std::vector<double>>& eigenvectors, int* sweeps = nullptr);

}  // namespace overdue
