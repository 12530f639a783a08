// The model lab's first step (DESIGN.md §5, issue #5): an imported file (import.hpp) becomes a
// data set with a 0/1 target (1 = bad), numeric features as doubles (NaN = missing), text
// features as categorical codes, and identifier-like columns set aside. Then: a per-column
// profile, median/mode imputation and quantile capping (both reported), and a seeded stratified
// train/test split (k-fold: stratified_folds in model_metrics.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/model/matrix.hpp"
#include "overdue/import/table.hpp"
#include "overdue/text/problem.hpp"

namespace overdue {

struct ModelDataOptions {
  std::string target;     // a column name, or a 1-based column number ("3") for headerless files
  std::string bad_value;  // the target value meaning "bad"; "" = 1 when the values are 0/1
};

// A text column as codes: codes[i] indexes levels, -1 = missing. Levels sorted bytewise, so
// the codes do not depend on row order.
struct CategoricalFeature {
  std::string name;
  std::vector<std::string> levels;
  std::vector<int32_t> codes;
};

// A record that is not in the data set: rejected by the importer or for its target value.
struct ModelRejectedRecord {
  uint64_t record = 0;  // 1-based among the file's data records (header excluded)
  uint64_t line = 0;    // physical line where it starts
  ProblemKind kind = ProblemKind::target_missing;  // the importer's kind, or target_*
  ProblemDetail detail;
  std::string reason;   // problem_text(kind, detail), kept for printing
};

struct ModelDataset {
  std::string error;        // non-empty: no data set (bad target, one class only, …)
  bool usage_error = false; // the error is the caller's choice (unknown target, --bad missing)
  std::string target_name;
  std::string bad_value, good_value;

  // read = accepted + rejected, with read = the importer's data records.
  uint64_t records_read = 0, accepted = 0, rejected_count = 0;
  std::vector<ModelRejectedRecord> rejected;  // every one, in record order

  std::vector<uint64_t> record;  // per data-set row: its 1-based record number in the file
  std::vector<uint8_t> target;   // per row: 1 = bad, 0 = good
  FeatureMatrix numeric;         // integer, decimal and date (days) columns
  std::vector<ColumnType> numeric_types;        // the importer's type of each numeric column
  std::vector<CategoricalFeature> categorical;  // text columns
  std::vector<std::string> identifiers;         // excluded from the features: all-distinct integers

  size_t rows() const { return target.size(); }
  uint64_t bad_count() const;
};

ModelDataset build_model_dataset(const ImportedFile& file, const ModelDataOptions& options);
// Per accepted row of the file: its 1-based record number among all data records (rejected
// records keep theirs), the numbering of --split-out and of scored files.
std::vector<uint64_t> accepted_record_numbers(const ImportedFile& file);
// A text cell as the data step reads a categorical level: trimmed of white space; "" when it is
// a missing marker (empty, NA, N/A, null, nan, "-"; any case). Scoring another file uses it too.
std::string level_text_of_cell(std::string_view cell);

// An identifier: integer, no missing value, every value distinct — and either a name that says
// so (empty, id, *_id, no, index, row…) or at least kIdentifierMinRows rows, so that a 10-row
// test table's distinct incomes stay a feature.
constexpr size_t kIdentifierMinRows = 100;
bool looks_like_identifier_name(const std::string& name);

// [SECTION] profile ------------------------------------------------------------------------------
struct ColumnProfile {
  std::string name;
  std::string kind;          // "numeric", "categorical", "identifier", "target"
  std::string import_type;   // the importer's type: integer, decimal, date, text
  uint64_t count = 0;        // data-set rows
  uint64_t missing = 0;
  double missing_rate = 0;
  uint64_t distinct = 0;     // distinct present values
  // Numeric only (NaN otherwise): min, p1 p5 p25 p50 p75 p95 p99, max — linear interpolation
  // between order statistics (numpy's default, Hyndman & Fan type 7).
  double min = 0, max = 0;
  double quantiles[7] = {0, 0, 0, 0, 0, 0, 0};
};
constexpr double kProfileQuantiles[7] = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

std::vector<ColumnProfile> profile_dataset(const ModelDataset& data);
// Type-7 quantile of ascending-sorted values (non-empty), q in [0, 1].
double sorted_quantile(const std::vector<double>& sorted, double q);

// [SECTION] missing values and outliers ---------------------------------------------------------
struct ImputationReport {
  std::string name;
  std::string method;     // "median" (numeric) or "mode" (categorical)
  double value = 0;       // the median; for a mode: the level's code
  std::string level;      // mode only: the level's text
  uint64_t imputed = 0;   // cells filled, all rows
};
struct CappingReport {
  std::string name;
  double low = 0, high = 0;  // the caps: quantiles of the training rows
  uint64_t capped_low = 0, capped_high = 0;  // cells changed, all rows
};

// Fills NaN / -1 with the median / mode of the training rows (the test rows must not inform the
// model), in place. Columns without missing cells are not listed.
std::vector<ImputationReport> impute_missing(ModelDataset& data, const RowSubset& train);
// Clamps each numeric column to its [low_q, high_q] quantiles over the training rows (non-NaN),
// in place. low_q = 0 and high_q = 1 change nothing. Columns with no capped cell are listed too.
std::vector<CappingReport> cap_outliers(ModelDataset& data, const RowSubset& train, double low_q,
                                        double high_q);

// [SECTION] split -------------------------------------------------------------------------------
struct TrainTestSplit {
  RowSubset train, test;  // ascending row indices
  uint64_t seed = 0;
  double test_fraction = 0;
};
// Stratified: within each class, rows are shuffled (SplitMix64(seed)); the first round(n_bad × f)
// bad rows and the first round(n × f) − that many good rows go to the test set, so the test set
// has round(n × f) rows and both sets keep the bad rate.
TrainTestSplit stratified_split(const std::vector<uint8_t>& target, double test_fraction,
                                uint64_t seed);
// Stratified k-fold: stratified_folds in model_metrics.hpp.

// The --split-out file: "record,train|test" per data-set row, in record order, no header.
std::string split_csv(const ModelDataset& data, const TrainTestSplit& split);

}  // namespace overdue
