// The model lab's data step (model_data.hpp): target and bad value, rejected records and their
// numbers, identifiers, profile, imputation, capping and the seeded stratified split.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/model/data.hpp"

using namespace overdue;

namespace {

ModelDataset dataset_of(const std::string& text, const std::string& target, const std::string& bad = "") {
  const ImportedFile f = import_bytes("t.csv", text);
  REQUIRE(f.error.empty());
  return build_model_dataset(f, {target, bad});
}

}  // namespace

TEST_CASE("model data: headerless semicolon file with a yes/no target picked by number") {
  // No header; third column is the target. "maybe" is a third value, one target is empty.
  const std::string text =
      "35;1200.5;no\n"
      "41;800;yes\n"
      "29;;no\n"
      "50;300;maybe\n"
      "38;950;no\n"
      "44;1000;\n"
      "33;700;yes\n"
      "27;1500;no\n";
  const ImportedFile f = import_bytes("t.csv", text);
  REQUIRE(f.error.empty());
  CHECK_FALSE(f.header);
  CHECK(f.delimiter == ';');
  // The bad value is required for a yes/no target.
  const ModelDataset missing_bad = build_model_dataset(f, {"3", ""});
  CHECK(missing_bad.usage_error);
  CHECK(missing_bad.error.find("--bad is required") != std::string::npos);
  const ModelDataset wrong_bad = build_model_dataset(f, {"3", "si"});
  CHECK(wrong_bad.usage_error);

  const ModelDataset d = build_model_dataset(f, {"3", "yes"});
  REQUIRE(d.error.empty());
  CHECK(d.bad_value == "yes");
  CHECK(d.good_value == "no");  // the most frequent other value
  CHECK(d.records_read == 8);
  CHECK(d.accepted == 6);
  CHECK(d.rejected_count == 2);
  CHECK(d.records_read == d.accepted + d.rejected_count);
  REQUIRE(d.rejected.size() == 2);
  CHECK(d.rejected[0].record == 4);
  CHECK(d.rejected[0].reason.find("maybe") != std::string::npos);
  CHECK(d.rejected[1].record == 6);
  CHECK(d.rejected[1].reason == "target missing");
  CHECK(d.record == std::vector<uint64_t>{1, 2, 3, 5, 7, 8});
  CHECK(d.target == std::vector<uint8_t>{0, 1, 0, 0, 1, 0});
  REQUIRE(d.numeric.cols() == 2);
  CHECK(std::isnan(d.numeric.columns[1][2]));  // the empty amount of record 3
  CHECK(d.numeric.columns[1][0] == doctest::Approx(1200.5));
  CHECK(d.identifiers.empty());  // 6 rows: distinct ages stay a feature
}

TEST_CASE("model data: 0/1 target defaults to bad = 1; a target by name; 1/2 needs --bad") {
  const std::string text = "id,score,flag\n1,3,0\n2,5,1\n3,4,0\n4,9,1\n";
  const ModelDataset d = dataset_of(text, "flag");
  REQUIRE(d.error.empty());
  CHECK(d.bad_value == "1");
  CHECK(d.target == std::vector<uint8_t>{0, 1, 0, 1});
  CHECK(d.identifiers == std::vector<std::string>{"id"});  // named like one, all distinct integers
  CHECK(d.numeric.names == std::vector<std::string>{"score"});

  const std::string coded = "x,t\n1,1\n2,2\n3,2\n4,1\n5,2\n";
  CHECK(dataset_of(coded, "t").usage_error);
  const ModelDataset two = dataset_of(coded, "t", "2");
  REQUIRE(two.error.empty());
  CHECK(two.target == std::vector<uint8_t>{0, 1, 1, 0, 1});
  CHECK(dataset_of(coded, "nope").usage_error);
  CHECK(dataset_of("x,t\n1,1\n2,1\n", "t").error.find("only the value") != std::string::npos);
}

TEST_CASE("model data: records rejected by the importer keep their numbers") {
  const std::string text = "a,b,t\n1,2,0\n3,4\n5,6,1\n7,8,0,9\n9,10,1\n";
  const ModelDataset d = dataset_of(text, "t");
  REQUIRE(d.error.empty());
  CHECK(d.records_read == 5);
  CHECK(d.accepted == 3);
  CHECK(d.record == std::vector<uint64_t>{1, 3, 5});
  REQUIRE(d.rejected.size() == 2);
  CHECK(d.rejected[0].record == 2);
  CHECK(d.rejected[1].record == 4);
}

TEST_CASE("model data: identifiers need all-distinct integers and 100 rows or an id-like name") {
  std::string text = "row_no,amount,grade,t\n";
  for (int i = 0; i < 150; ++i)
    text += std::to_string(1000 + i) + "," + std::to_string((i * 37) % 101) + "," +
            (i % 3 == 0 ? "A" : (i % 3 == 1 ? "B" : "C")) + "," + std::to_string(i % 4 == 0) + "\n";
  const ModelDataset d = dataset_of(text, "t");
  REQUIRE(d.error.empty());
  CHECK(d.identifiers == std::vector<std::string>{"row_no"});
  CHECK(d.numeric.names == std::vector<std::string>{"amount"});  // 101 distinct values, repeats
  REQUIRE(d.categorical.size() == 1);
  CHECK(d.categorical[0].levels == std::vector<std::string>{"A", "B", "C"});
  CHECK(d.categorical[0].codes[4] == 1);
}

TEST_CASE("model data: profile quantiles are numpy's linear interpolation") {
  std::vector<double> s;
  for (int i = 1; i <= 101; ++i) s.push_back(i);
  CHECK(sorted_quantile(s, 0.5) == 51);
  CHECK(sorted_quantile(s, 0.01) == 2);
  CHECK(sorted_quantile(s, 0.25) == 26);
  CHECK(sorted_quantile({1, 2, 3, 4}, 0.5) == doctest::Approx(2.5));
  CHECK(sorted_quantile({1, 2, 3, 4}, 0.95) == doctest::Approx(3.85));

  const ModelDataset d = dataset_of("x,c,t\n1,a,0\n,b,1\n3,,0\n5,a,1\n", "t");
  const std::vector<ColumnProfile> p = profile_dataset(d);
  REQUIRE(p.size() == 3);
  CHECK(p[0].kind == "target");
  CHECK(p[1].name == "x");
  CHECK(p[1].missing == 1);
  CHECK(p[1].missing_rate == doctest::Approx(0.25));
  CHECK(p[1].distinct == 3);
  CHECK(p[1].min == 1);
  CHECK(p[1].max == 5);
  CHECK(p[1].quantiles[3] == 3);  // median of 1, 3, 5
  CHECK(p[2].kind == "categorical");
  CHECK(p[2].missing == 1);
  CHECK(p[2].distinct == 2);
}

TEST_CASE("model data: imputation uses the training rows; capping counts what it changed") {
  ModelDataset d = dataset_of("x,c,t\n1,a,0\n,b,1\n3,,0\n100,b,1\n,b,0\n7,a,1\n", "t");
  REQUIRE(d.error.empty());
  const RowSubset train = {0, 1, 2, 4};  // x present: 1, 3 → median 2; c: a, b, b → mode b
  const std::vector<ImputationReport> imp = impute_missing(d, train);
  REQUIRE(imp.size() == 2);
  CHECK(imp[0].method == "median");
  CHECK(imp[0].value == 2);
  CHECK(imp[0].imputed == 2);
  CHECK(d.numeric.columns[0][1] == 2);
  CHECK(d.numeric.columns[0][4] == 2);
  CHECK(imp[1].method == "mode");
  CHECK(imp[1].level == "b");
  CHECK(d.categorical[0].codes[2] == 1);

  const std::vector<CappingReport> cap = cap_outliers(d, RowSubset{0, 1, 2, 3, 4, 5}, 0.0, 0.8);
  REQUIRE(cap.size() == 1);
  // all rows after imputation: 1 2 3 100 2 7 → sorted 1 2 2 3 7 100, q0.8 = 7
  CHECK(cap[0].high == doctest::Approx(7));
  CHECK(cap[0].capped_high == 1);
  CHECK(cap[0].capped_low == 0);
  CHECK(d.numeric.columns[0][3] == 7);
}

TEST_CASE("model data: the stratified split is reproducible and keeps the bad rate") {
  std::vector<uint8_t> y(1000, 0);
  for (size_t i = 0; i < y.size(); i += 5) y[i] = 1;  // 200 bads
  const TrainTestSplit a = stratified_split(y, 0.3, 42);
  const TrainTestSplit b = stratified_split(y, 0.3, 42);
  const TrainTestSplit c = stratified_split(y, 0.3, 7);
  CHECK(a.train == b.train);
  CHECK(a.test == b.test);
  CHECK(a.test != c.test);
  CHECK(a.test.size() == 300);
  CHECK(a.train.size() == 700);
  size_t test_bads = 0;
  for (uint32_t i : a.test) test_bads += y[i];
  CHECK(test_bads == 60);
  // Disjoint and complete.
  std::vector<int> seen(y.size(), 0);
  for (uint32_t i : a.train) ++seen[i];
  for (uint32_t i : a.test) ++seen[i];
  for (int s : seen) CHECK(s == 1);
}

TEST_CASE("model data: split file numbers records among all data records") {
  const ModelDataset d = dataset_of("a,t\n1,0\n2\n3,1\n4,0\n5,1\n", "t");
  REQUIRE(d.error.empty());
  TrainTestSplit s;
  s.train = {0, 2};
  s.test = {1, 3};
  CHECK(split_csv(d, s) == "1,train\n3,test\n4,train\n5,test\n");
}
