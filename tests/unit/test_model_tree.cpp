// Decision tree (issue #5): splits on tiny tables whose information gains are computed by hand,
// the documented tie-breaking, minimum leaf size and missing values.
#include <doctest/doctest.h>

#include <cmath>

#include "overdue/model/tree.hpp"

using namespace overdue;

namespace {

RowSubset all_rows(size_t n) {
  RowSubset r(n);
  for (size_t i = 0; i < n; ++i) r[i] = uint32_t(i);
  return r;
}

double h2(double p) {
  return p <= 0 || p >= 1 ? 0 : -p * std::log2(p) - (1 - p) * std::log2(1 - p);
}

// y by v = 1..8: 0 0 0 1 0 1 1 1. Gains (H(½) = 1):
//   ≤2.5: 1 − 6/8·H(4/6) = 0.3113   ≤3.5: 1 − 5/8·H(4/5) = 0.5488   ≤4.5: 1 − H(¼) = 0.1887
//   ≤5.5: 1 − 5/8·H(1/5) = 0.5488   ≤6.5: 0.3113
// so ≤3.5 and ≤5.5 tie and the lower threshold wins. "noise" (5 3 8 1 7 2 6 4) gains at most
// 1 − 6/8·H(2/6) = 0.3113; "copy" repeats v and ties with it, so the lower column index wins.
FeatureMatrix table() {
  FeatureMatrix x;
  x.names = {"noise", "v", "copy"};
  x.columns = {{5, 3, 8, 1, 7, 2, 6, 4}, {1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 3, 4, 5, 6, 7, 8}};
  return x;
}
const std::vector<uint8_t> kY = {0, 0, 0, 1, 0, 1, 1, 1};

}  // namespace

TEST_CASE("tree: the root split is the hand-computed best, ties to lower threshold and column") {
  TreeOptions o;
  o.max_depth = 1;
  o.min_leaf = 1;
  const DecisionTree t = fit_tree(table(), kY, all_rows(8), o);
  REQUIRE(t.ok());
  REQUIRE(t.nodes.size() == 3);
  const TreeNode& root = t.nodes[0];
  CHECK(root.feature == 1);
  CHECK(root.feature_name == "v");
  CHECK(root.threshold == 3.5);
  CHECK(root.gain == doctest::Approx(1 - 5.0 / 8 * h2(0.8)));
  CHECK(root.gain == doctest::Approx(0.548795).epsilon(1e-5));
  CHECK(root.entropy == doctest::Approx(1.0));
  const TreeNode& left = t.nodes[size_t(root.left)];
  const TreeNode& right = t.nodes[size_t(root.right)];
  CHECK(left.rows == 3);
  CHECK(left.bad_rate == 0);
  CHECK(right.rows == 5);
  CHECK(right.bad_rate == doctest::Approx(0.8));
  CHECK(t.leaves() == 2);
  // no missing values in training: NaN follows the larger child (right, 5 rows)
  CHECK_FALSE(root.missing_left);
  const std::vector<double> p = predict_tree(t, table(), {0, 7});
  CHECK(p[0] == 0);
  CHECK(p[1] == doctest::Approx(0.8));
}

TEST_CASE("tree: minimum leaf size rules out small children") {
  TreeOptions o;
  o.max_depth = 1;
  o.min_leaf = 4;  // only a 4 + 4 split is allowed: v ≤ 4.5 → y 0001 | 0111, gain 1 − H(¼);
  // noise ≤ 4.5 → y 1101 | 0100 gains exactly the same, and column 0 comes first
  const DecisionTree t = fit_tree(table(), kY, all_rows(8), o);
  REQUIRE(t.nodes.size() == 3);
  CHECK(t.nodes[0].feature == 0);
  CHECK(t.nodes[0].threshold == 4.5);
  CHECK(t.nodes[0].gain == doctest::Approx(1 - h2(0.25)));
  o.min_leaf = 5;  // nothing possible
  const DecisionTree none = fit_tree(table(), kY, all_rows(8), o);
  CHECK(none.nodes.size() == 1);
  CHECK(none.nodes[0].bad_rate == doctest::Approx(0.5));
}

TEST_CASE("tree: depth 2 splits the impure child; pure children stay leaves") {
  TreeOptions o;
  o.max_depth = 2;
  o.min_leaf = 1;
  const DecisionTree t = fit_tree(table(), kY, all_rows(8), o);
  REQUIRE(t.ok());
  const TreeNode& root = t.nodes[0];
  const TreeNode& left = t.nodes[size_t(root.left)];
  const TreeNode& right = t.nodes[size_t(root.right)];
  CHECK(left.is_leaf());  // pure: nothing to gain
  REQUIRE_FALSE(right.is_leaf());
  // right = v 4..8 with y 1 0 1 1 1: ≤4.5 → {1} | {0,1,1,1}: 0.7219 − 4/5·0.8113 = 0.0729;
  // ≤5.5 → {1,0} | {1,1,1}: 0.7219 − 2/5·1 = 0.3219 (best, on "noise" nothing beats it:
  // noise on those rows 1,7,2,6,4 → sorted y 1,1,1,1,0 gives ≤6.5 → {1,1,1,1} | {0}: 0.7219)
  CHECK(right.feature == 0);
  CHECK(right.threshold == 6.5);
  CHECK(right.gain == doctest::Approx(h2(0.8)));
  CHECK(right.depth == 1);
  CHECK(t.leaves() == 3);
  for (const TreeNode& n : t.nodes) CHECK(n.depth <= 2);
  // gain importance: v = 8 rows × 0.5488, noise = 5 rows × H(0.8); shares of their sum
  const std::vector<double> imp = tree_importance(t, 3);
  const double v = 8 * (1 - 5.0 / 8 * h2(0.8)), noise = 5 * h2(0.8);
  CHECK(imp[1] == doctest::Approx(v / (v + noise)));
  CHECK(imp[0] == doctest::Approx(noise / (v + noise)));
  CHECK(imp[2] == 0);
}

TEST_CASE("tree: missing values go to the side with the higher gain") {
  // present 1 2 3 4 → y 0 0 1 1; two NaN rows, both bad. ≤2.5 with NaN right gives
  // {0,0} | {1,1,1,1}: pure, gain = H(4/6); NaN left would give {0,0,1,1} | {1,1}.
  FeatureMatrix x;
  x.names = {"v"};
  x.columns = {{1, 2, 3, 4, NAN, NAN}};
  const std::vector<uint8_t> y = {0, 0, 1, 1, 1, 1};
  TreeOptions o;
  o.max_depth = 1;
  o.min_leaf = 1;
  const DecisionTree t = fit_tree(x, y, all_rows(6), o);
  REQUIRE(t.nodes.size() == 3);
  CHECK(t.nodes[0].threshold == 2.5);
  CHECK_FALSE(t.nodes[0].missing_left);
  CHECK(t.nodes[0].gain == doctest::Approx(h2(4.0 / 6)));
  CHECK(predict_tree(t, x, {4})[0] == 1.0);
  CHECK(t.nodes[size_t(t.nodes[0].right)].rows == 4);
}

TEST_CASE("tree: depth 0 is one leaf at the base rate; bad input is an error") {
  TreeOptions o;
  o.max_depth = 0;
  const DecisionTree t = fit_tree(table(), kY, all_rows(8), o);
  REQUIRE(t.nodes.size() == 1);
  CHECK(t.nodes[0].bad_rate == doctest::Approx(0.5));
  CHECK_FALSE(fit_tree(table(), {0, 1}, all_rows(8), o).ok());
  CHECK_FALSE(fit_tree(table(), kY, {}, o).ok());
  o.columns = {9};
  CHECK_FALSE(fit_tree(table(), kY, all_rows(8), o).ok());
}

TEST_CASE("tree: only the listed columns and rows are used") {
  TreeOptions o;
  o.max_depth = 1;
  o.min_leaf = 1;
  o.columns = {0};  // noise only: best ≤2.5 on sorted y 1,1,0,1,0,1,0,0 → {1,1} | 6 rows
  const DecisionTree t = fit_tree(table(), kY, all_rows(8), o);
  REQUIRE(t.nodes.size() == 3);
  CHECK(t.nodes[0].feature == 0);
  CHECK(t.nodes[0].threshold == 2.5);
  CHECK(t.nodes[0].gain == doctest::Approx(1 - 6.0 / 8 * h2(2.0 / 6)));
  // rows 0..3 only (y 0 0 0 1): v ≤ 3.5 separates them perfectly
  TreeOptions p;
  p.max_depth = 1;
  p.min_leaf = 1;
  const DecisionTree sub = fit_tree(table(), kY, {0, 1, 2, 3}, p);
  REQUIRE(sub.nodes.size() == 3);
  CHECK(sub.nodes[0].rows == 4);
  CHECK(sub.nodes[0].gain == doctest::Approx(h2(0.25)));
}

TEST_CASE("tree: TreeGrower grows one level per step and ends with fit_tree's tree") {
  TreeOptions o;
  o.max_depth = 3;
  o.min_leaf = 1;
  const FeatureMatrix x = table();
  const DecisionTree whole = fit_tree(x, kY, all_rows(8), o);
  TreeGrower g(x, kY, all_rows(8), o);
  CHECK(g.tree().nodes.size() == 1);
  CHECK(g.tree().nodes[0].bad_rate == doctest::Approx(0.5));  // complete before any step
  int steps = 0;
  for (Budget level{1}; g.step(level) == Step::more; level = Budget{1}) {
    ++steps;
    for (const TreeNode& n : g.tree().nodes) CHECK(n.depth <= steps);
  }
  CHECK(g.done());
  REQUIRE(g.tree().nodes.size() == whole.nodes.size());
  for (size_t i = 0; i < whole.nodes.size(); ++i) {
    CHECK(g.tree().nodes[i].feature == whole.nodes[i].feature);
    CHECK(g.tree().nodes[i].threshold == whole.nodes[i].threshold);
    CHECK(g.tree().nodes[i].rows == whole.nodes[i].rows);
    CHECK(g.tree().nodes[i].bad_rate == whole.nodes[i].bad_rate);
  }
  TreeGrower bad(x, {0, 1}, all_rows(8), o);
  CHECK(bad.done());
  CHECK_FALSE(bad.tree().ok());
}
