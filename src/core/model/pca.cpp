// PCA by Jacobi eigen-decomposition of the correlation matrix (model_pca.hpp).
#include "overdue/model/pca.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace overdue {

void symmetric_eigen(std::vector<std::vector<double>> a, std::vector<double>& eigenvalues,
                     std::vector<std::vector<double>>& eigenvectors, int* sweeps_out) {
  const size_t p = a.size();
  std::vector<std::vector<double>> v(p, std::vector<double>(p, 0.0));
  for (size_t i = 0; i < p; ++i) v[i][i] = 1.0;
  double total = 0;
  for (size_t i = 0; i < p; ++i)
    for (size_t j = 0; j < p; ++j) total += a[i][j] * a[i][j];
  int sweeps = 0;
  for (; sweeps < 100; ++sweeps) {
    double off = 0;
    for (size_t i = 0; i < p; ++i)
      for (size_t j = i + 1; j < p; ++j) off += 2 * a[i][j] * a[i][j];
    if (off <= 1e-22 * total || off == 0) break;
    for (size_t i = 0; i < p; ++i)
      for (size_t j = i + 1; j < p; ++j) {
        if (a[i][j] == 0) continue;
        // Rotation that zeroes a[i][j] (the smaller angle, for stability).
        const double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (size_t k = 0; k < p; ++k) {  // columns i, j
          const double aki = a[k][i], akj = a[k][j];
          a[k][i] = c * aki - s * akj;
          a[k][j] = s * aki + c * akj;
        }
        for (size_t k = 0; k < p; ++k) {  // rows i, j
          const double aik = a[i][k], ajk = a[j][k];
          a[i][k] = c * aik - s * ajk;
          a[j][k] = s * aik + c * ajk;
        }
        for (size_t k = 0; k < p; ++k) {
          const double vki = v[k][i], vkj = v[k][j];
          v[k][i] = c * vki - s * vkj;
          v[k][j] = s * vki + c * vkj;
        }
      }
  }
  if (sweeps_out) *sweeps_out = sweeps;
  std::vector<size_t> order(p);
  std::iota(order.begin(), order.end(), 0);
  // Descending eigenvalue; equal ones keep their index order.
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return a[x][x] > a[y][y]; });
  eigenvalues.assign(p, 0);
  eigenvectors.assign(p, std::vector<double>(p, 0));
  for (size_t k = 0; k < p; ++k) {
    eigenvalues[k] = a[order[k]][order[k]];
    for (size_t j = 0; j < p; ++j) eigenvectors[k][j] = v[j][order[k]];
  }
}

PcaResult principal_components(const FeatureMatrix& x, const RowSubset& rows,
                               const std::vector<size_t>& columns) {
  PcaResult r;
  std::vector<size_t> cols = columns;
  if (cols.empty()) {
    cols.resize(x.cols());
    std::iota(cols.begin(), cols.end(), 0);
  }
  const size_t p = cols.size();
  if (p == 0 || rows.size() < 2) {
    r.error = "PCA needs at least one numeric column and two rows";
    return r;
  }
  for (size_t j : cols) r.names.push_back(x.names[j]);
  // Standardised columns (population sd; a constant column becomes zeros).
  const double n = static_cast<double>(rows.size());
  std::vector<std::vector<double>> z(p, std::vector<double>(rows.size()));
  for (size_t c = 0; c < p; ++c) {
    const std::vector<double>& col = x.columns[cols[c]];
    double m = 0;
    for (uint32_t i : rows) m += col[i];
    m /= n;
    double ss = 0;
    for (uint32_t i : rows) ss += (col[i] - m) * (col[i] - m);
    if (!std::isfinite(m) || !std::isfinite(ss)) {
      r.error = "column " + x.names[cols[c]] + " has missing or infinite values: impute first";
      return r;
    }
    const double sd = std::sqrt(ss / n);
    for (size_t k = 0; k < rows.size(); ++k) z[c][k] = sd > 0 ? (col[rows[k]] - m) / sd : 0.0;
  }
  std::vector<std::vector<double>> cov(p, std::vector<double>(p, 0.0));
  for (size_t a = 0; a < p; ++a)
    for (size_t b = a; b < p; ++b) {
      double s = 0;
      for (size_t k = 0; k < rows.size(); ++k) s += z[a][k] * z[b][k];
      cov[a][b] = cov[b][a] = s / n;
    }
  symmetric_eigen(cov, r.eigenvalues, r.loadings, &r.sweeps);
  double total = 0;
  for (double& e : r.eigenvalues) {
    if (e < 0) e = 0;  // rounding of a singular matrix
    total += e;
  }
  double cum = 0;
  for (double e : r.eigenvalues) {
    const double ratio = total > 0 ? e / total : 0;
    cum += ratio;
    r.explained_variance_ratio.push_back(ratio);
    r.cumulative_ratio.push_back(cum);
  }
  for (std::vector<double>& v : r.loadings) {
    size_t big = 0;
    for (size_t j = 1; j < v.size(); ++j)
      if (std::fabs(v[j]) > std::fabs(v[big])) big = j;
    if (v[big] < 0)
      for (double& w : v) w = -w;
  }
  return r;
}

}  // namespace overdue
