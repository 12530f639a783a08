// The numeric table the model lab's fitting code works on: column-major doubles (one vector per
// feature, all of the same length), 0/1 targets (1 = bad) and row subsets as index lists, so a
// train/test split or a fold never copies the data. Shared by the feature analysis
// (model_features / model_data) and the models (model_logistic, model_tree, model_metrics).
// Missing values: NaN. Fitting code that cannot take NaN says so and expects imputed input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace overdue {

struct FeatureMatrix {
  std::vector<std::string> names;           // one per column
  std::vector<std::vector<double>> columns; // columns[j][i] = feature j of row i
  size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
  size_t cols() const { return columns.size(); }
};

// Row indices into a FeatureMatrix / target vector, ascending.
using RowSubset = std::vector<uint32_t>;

}  // namespace overdue
