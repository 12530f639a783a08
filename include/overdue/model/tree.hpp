// Depth-limited binary classification tree grown by information gain (entropy), issue #5.
//
// Split rule at a node: x[feature] ≤ threshold goes left, > threshold goes right, NaN goes to the
// side named by missing_left. Candidate thresholds are midpoints between consecutive distinct
// non-missing values of the node's rows. For each candidate both placements of the node's
// missing rows are tried and the one with the higher gain kept; when the node has no missing
// rows for that feature, missing goes to the child with more training rows (left on a tie), so
// scoring a later file with NaN still has a defined path. A split is made only when both children
// have ≥ min_leaf rows and gain > min_gain. Ties in gain (within 1e-12) go to the lower feature
// index, then the lower threshold, then missing-left — so the tree is the same on every platform.
// gain = H(parent) − (n_L/n)·H(left) − (n_R/n)·H(right), H in bits.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/model/matrix.hpp"

namespace overdue {

struct TreeOptions {
  int max_depth = 4;            // root has depth 0; leaves at depth ≤ max_depth
  size_t min_leaf = 50;         // minimum training rows in each child
  double min_gain = 1e-9;       // a split must gain more than this (bits)
  std::vector<size_t> columns;  // FeatureMatrix columns to consider; empty = all
};

struct TreeNode {
  int feature = -1;  // FeatureMatrix column index; -1 = leaf
  std::string feature_name;
  double threshold = 0;       // x ≤ threshold → left
  bool missing_left = false;  // where NaN goes
  int left = -1, right = -1;  // child node indices into DecisionTree::nodes
  int depth = 0;
  size_t rows = 0;  // training rows reaching the node
  size_t bads = 0;
  double bad_rate = 0;  // bads / rows (the prediction when a leaf)
  double entropy = 0;   // bits
  double gain = 0;      // information gain of the node's split (0 for a leaf)
  bool is_leaf() const { return feature < 0; }
};

struct DecisionTree {
  std::vector<TreeNode> nodes;  // nodes[0] is the root; children come after their parent
  std::vector<size_t> columns;  // columns that were considered
  std::string error;            // non-empty: nothing was fitted
  bool ok() const { return error.empty(); }
  size_t leaves() const;
};

// labels[i] ∈ {0,1} for matrix row i (1 = bad), labels.size() == x.rows().
DecisionTree fit_tree(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                      const RowSubset& rows, const TreeOptions& options = {});

// The same growth as a job (overdue/job/job.hpp), a depth level per budget unit, so a caller can
// spread a large tree over frames. x and labels are read during every step: keep them alive and
// unchanged until done(). fit_tree is run_to_end of it.
class TreeGrower {
 public:
  TreeGrower(const FeatureMatrix& x, const std::vector<uint8_t>& labels, const RowSubset& rows,
             const TreeOptions& options = {});
  ~TreeGrower();
  TreeGrower(TreeGrower&&) noexcept;
  TreeGrower& operator=(TreeGrower&&) noexcept;
  // Grows about budget.units levels (at least one); Step::done once finished (or on bad input:
  // tree().error).
  Step step(Budget& budget);
  double progress() const;           // depth / max_depth, 1 once done
  bool done() const;
  const DecisionTree& tree() const;  // levels grown so far; final once done()
  DecisionTree take();               // the tree, once done

 private:
  struct State;
  bool grow_level();  // false once finished
  std::unique_ptr<State> state_;
};

// Leaf bad rate for each of `rows` (result[k] for rows[k]).
std::vector<double> predict_tree(const DecisionTree& tree, const FeatureMatrix& x,
                                 const RowSubset& rows);
std::vector<double> predict_tree(const DecisionTree& tree, const FeatureMatrix& x);

// Gain importance per FeatureMatrix column (size `columns`): Σ over the column's splits of
// rows × gain (the entropy reduction it brought, in bits × rows), divided by the sum over all
// splits so the shares add up to 1 (all 0 for a single-leaf tree). Same idea as scikit-learn's
// feature_importances_ with entropy as the impurity.
std::vector<double> tree_importance(const DecisionTree& tree, size_t columns);

// Index of the leaf matrix row `row` falls into.
int tree_leaf_of(const DecisionTree& tree, const FeatureMatrix& x, size_t row);

}  // namespace overdue
