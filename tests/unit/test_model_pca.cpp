// PCA (model_pca.hpp): Jacobi on a known matrix, and explained variance ratios and loadings
// against scikit-learn's StandardScaler + PCA on a small table (values printed by sklearn 1.2.1).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "overdue/model/pca.hpp"

using namespace overdue;

TEST_CASE("pca: Jacobi eigenvalues of a known symmetric matrix") {
  // [[2,1,0],[1,2,0],[0,0,3]]: eigenvalues 3 (twice) and 1; (1,−1,0)/√2 belongs to 1.
  std::vector<double> values;
  std::vector<std::vector<double>> vectors;
  symmetric_eigen({{2, 1, 0}, {1, 2, 0}, {0, 0, 3}}, values, vectors);
  REQUIRE(values.size() == 3);
  CHECK(values[0] == doctest::Approx(3));
  CHECK(values[1] == doctest::Approx(3));
  CHECK(values[2] == doctest::Approx(1));
  CHECK(std::fabs(vectors[2][0]) == doctest::Approx(std::sqrt(0.5)));
  CHECK(vectors[2][0] == doctest::Approx(-vectors[2][1]));
  CHECK(vectors[2][2] == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("pca: explained variance ratio and loadings match scikit-learn") {
  FeatureMatrix m;
  m.names = {"x1", "x2", "x3"};
  m.columns = {{2.5, 0.5, 2.2, 1.9, 3.1, 2.3, 2.0, 1.0, 1.5, 1.1},
               {2.4, 0.7, 2.9, 2.2, 3.0, 2.7, 1.6, 1.1, 1.6, 0.9},
               {1.0, 3.0, 2.0, 5.0, 1.5, 2.5, 4.0, 0.5, 3.5, 2.0}};
  RowSubset rows;
  for (uint32_t i = 0; i < 10; ++i) rows.push_back(i);
  const PcaResult p = principal_components(m, rows);
  REQUIRE(p.ok());
  const double sklearn_ratio[3] = {0.6477963933041037, 0.32759709248961727, 0.02460651420627909};
  for (int k = 0; k < 3; ++k) CHECK(std::fabs(p.explained_variance_ratio[k] - sklearn_ratio[k]) < 1e-12);
  CHECK(p.cumulative_ratio[2] == doctest::Approx(1));
  // sklearn's components up to sign; ours has the largest |loading| positive.
  const double sklearn_c[3][3] = {{-0.7014255955274146, -0.6998774842480305, 0.13480964721287395},
                                  {0.08362248863661732, 0.10702653421703093, 0.9907333649210112},
                                  {-0.7078201843217177, 0.7061988586907643, -0.0165456535268609}};
  for (int k = 0; k < 3; ++k) {
    size_t big = 0;
    for (size_t j = 1; j < 3; ++j)
      if (std::fabs(p.loadings[k][j]) > std::fabs(p.loadings[k][big])) big = j;
    CHECK(p.loadings[k][big] > 0);
    const double sign = (sklearn_c[k][big] > 0) ? 1 : -1;
    for (int j = 0; j < 3; ++j) CHECK(p.loadings[k][j] == doctest::Approx(sign * sklearn_c[k][j]).epsilon(1e-9));
  }
}

TEST_CASE("pca: a constant column adds a zero component; NaN is refused") {
  FeatureMatrix m;
  m.names = {"a", "b", "k"};
  m.columns = {{1, 2, 3, 4}, {2, 1, 4, 3}, {7, 7, 7, 7}};
  const PcaResult p = principal_components(m, RowSubset{0, 1, 2, 3});
  REQUIRE(p.ok());
  CHECK(p.explained_variance_ratio[2] == doctest::Approx(0).epsilon(1e-15));
  // corr(a, b) = 0.6 → eigenvalues 1.6 and 0.4 of 2.
  CHECK(p.explained_variance_ratio[0] == doctest::Approx(0.8));
  m.columns[0][1] = std::nan("");
  CHECK_FALSE(principal_components(m, RowSubset{0, 1, 2, 3}).ok());
}
