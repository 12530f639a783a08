// Depth-limited entropy tree, grown level by level: every feature's training rows are sorted
// once, and each level is one pass over each sorted list that updates the running left-side
// counts of whichever frontier node a row is in. That makes a level O(rows × features) instead
// of re-sorting per node. Split rules and tie-breaking: include/overdue/model/tree.hpp.
#include "overdue/model/tree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "overdue/model/math.hpp"

namespace overdue {
namespace {

double entropy_bits(double bads, double n) {
  if (n <= 0) return 0;
  const double p = bads / n;
  double h = 0;
  if (p > 0) h -= p * model_math::log2(p);
  if (p < 1) h -= (1 - p) * model_math::log2(1 - p);
  return h;
}

struct Split {
  bool found = false;
  int feature = -1;
  double threshold = 0;
  bool missing_left = false;
  double gain = 0;
};

// Per frontier node, while scanning one feature's sorted rows.
struct Scan {
  size_t n_left = 0, bad_left = 0;
  double last = 0;
  bool has_last = false;
  size_t nan_n = 0, nan_bad = 0;
};

}  // namespace

size_t DecisionTree::leaves() const {
  size_t n = 0;
  for (const TreeNode& node : nodes) n += node.is_leaf() ? 1 : 0;
  return n;
}

struct TreeGrower::State {
  const FeatureMatrix* x = nullptr;
  const std::vector<uint8_t>* labels = nullptr;
  RowSubset rows;
  TreeOptions options;
  DecisionTree tree;
  std::vector<std::vector<uint32_t>> sorted, missing;  // per feature: positions into rows
  std::vector<int> node_of;                            // node of each training row (-1: done)
  std::vector<int> frontier;                           // nodes of the level being split
  int depth = 0;
  bool done = false;
};

TreeGrower::TreeGrower(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                       const RowSubset& rows, const TreeOptions& options)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  st.x = &x;
  st.labels = &labels;
  st.rows = rows;
  st.options = options;
  DecisionTree& tree = st.tree;
  if (options.columns.empty()) {
    for (size_t j = 0; j < x.cols(); ++j) tree.columns.push_back(j);
  } else {
    tree.columns = options.columns;
  }
  for (size_t c : tree.columns)
    if (c >= x.cols()) {
      tree.error = "column index out of range";
      st.done = true;
      return;
    }
  if (labels.size() != x.rows()) {
    tree.error = "labels and matrix differ in length";
    st.done = true;
    return;
  }
  if (rows.empty()) {
    tree.error = "no training rows";
    st.done = true;
    return;
  }
  for (uint32_t r : rows)
    if (r >= x.rows()) {
      tree.error = "row index out of range";
      st.done = true;
      return;
    }
  const size_t n = rows.size();

  // Sorted positions (into `rows`) of the non-missing values per feature, and the missing ones.
  std::vector<std::vector<uint32_t>>& sorted = st.sorted;
  std::vector<std::vector<uint32_t>>& missing = st.missing;
  sorted.resize(tree.columns.size());
  missing.resize(tree.columns.size());
  for (size_t f = 0; f < tree.columns.size(); ++f) {
    const std::vector<double>& col = x.columns[tree.columns[f]];
    for (uint32_t k = 0; k < n; ++k)
      (std::isnan(col[rows[k]]) ? missing[f] : sorted[f]).push_back(k);
    std::stable_sort(sorted[f].begin(), sorted[f].end(),
                     [&](uint32_t a, uint32_t b) { return col[rows[a]] < col[rows[b]]; });
  }

  st.node_of.assign(n, 0);  // node each training row is in (-1 once in a final leaf)
  TreeNode root;
  root.rows = n;
  for (uint32_t r : rows) root.bads += labels[r] ? 1 : 0;
  root.bad_rate = double(root.bads) / double(root.rows);
  root.entropy = entropy_bits(double(root.bads), double(root.rows));
  tree.nodes.push_back(root);
  st.frontier = {0};
  st.done = options.max_depth <= 0;
}

TreeGrower::~TreeGrower() = default;
TreeGrower::TreeGrower(TreeGrower&&) noexcept = default;
TreeGrower& TreeGrower::operator=(TreeGrower&&) noexcept = default;
bool TreeGrower::done() const { return state_->done; }
const DecisionTree& TreeGrower::tree() const { return state_->tree; }

Step TreeGrower::step(Budget& budget) {
  for (;;) {
    const bool more = grow_level();
    budget.spend(1);
    if (!more) return Step::done;
    if (budget.spent()) return Step::more;
  }
}

double TreeGrower::progress() const {
  const State& st = *state_;
  if (st.done) return 1.0;
  return std::min(0.99, static_cast<double>(st.depth) / std::max(1, st.options.max_depth));
}

DecisionTree TreeGrower::take() { return std::move(state_->tree); }

bool TreeGrower::grow_level() {
  State& st = *state_;
  if (st.done) return false;
  const FeatureMatrix& x = *st.x;
  const std::vector<uint8_t>& labels = *st.labels;
  const RowSubset& rows = st.rows;
  const TreeOptions& options = st.options;
  DecisionTree& tree = st.tree;
  const std::vector<std::vector<uint32_t>>& sorted = st.sorted;
  const std::vector<std::vector<uint32_t>>& missing = st.missing;
  std::vector<int>& node_of = st.node_of;
  std::vector<int>& frontier = st.frontier;
  const size_t n = rows.size();
  const size_t min_leaf = std::max<size_t>(options.min_leaf, 1);
  const int depth = st.depth;
  for (int id : frontier) {
    TreeNode& node = tree.nodes[size_t(id)];
    node.depth = depth;
    node.bad_rate = double(node.bads) / double(node.rows);
    node.entropy = entropy_bits(double(node.bads), double(node.rows));
  }
  if (depth >= options.max_depth) {
    st.done = true;
    return false;
  }
  // slot[node id] = position in frontier, or -1.
  std::vector<int> slot(tree.nodes.size(), -1);
  for (size_t s = 0; s < frontier.size(); ++s) slot[size_t(frontier[s])] = int(s);
  std::vector<Split> best(frontier.size());

  for (size_t f = 0; f < tree.columns.size(); ++f) {
    const std::vector<double>& col = x.columns[tree.columns[f]];
    std::vector<Scan> scan(frontier.size());
    for (uint32_t k : missing[f]) {
      const int id = node_of[k];
      if (id < 0 || slot[size_t(id)] < 0) continue;
      Scan& sc = scan[size_t(slot[size_t(id)])];
      ++sc.nan_n;
      sc.nan_bad += labels[rows[k]] ? 1 : 0;
    }
    auto consider = [&](size_t s, double threshold) {
      const TreeNode& node = tree.nodes[size_t(frontier[s])];
      const Scan& sc = scan[s];
      const size_t present_right = node.rows - sc.nan_n - sc.n_left;
      const size_t present_bad_right = node.bads - sc.nan_bad - sc.bad_left;
      auto evaluate = [&](bool missing_left) {
        const size_t nl = sc.n_left + (missing_left ? sc.nan_n : 0);
        const size_t bl = sc.bad_left + (missing_left ? sc.nan_bad : 0);
        const size_t nr = present_right + (missing_left ? 0 : sc.nan_n);
        const size_t br = present_bad_right + (missing_left ? 0 : sc.nan_bad);
        if (nl < min_leaf || nr < min_leaf) return;
        const double gain = node.entropy -
                            double(nl) / double(node.rows) * entropy_bits(double(bl), double(nl)) -
                            double(nr) / double(node.rows) * entropy_bits(double(br), double(nr));
        if (!(gain > options.min_gain)) return;
        Split& b = best[s];
        // Strictly better only (1e-12 slack): earlier feature / lower threshold / missing-left
        // win ties because they are tried first.
        if (b.found && !(gain > b.gain + 1e-12)) return;
        b = {true, int(tree.columns[f]), threshold, missing_left, gain};
      };
      if (sc.nan_n == 0) {
        evaluate(sc.n_left >= present_right);  // no missing here: NaN follows the larger side
      } else {
        evaluate(true);
        evaluate(false);
      }
    };
    for (uint32_t k : sorted[f]) {
      const int id = node_of[k];
      if (id < 0 || slot[size_t(id)] < 0) continue;
      const size_t s = size_t(slot[size_t(id)]);
      Scan& sc = scan[s];
      const double v = col[rows[k]];
      if (sc.has_last && v > sc.last) {
        double mid = sc.last + (v - sc.last) / 2;
        if (!(mid < v)) mid = sc.last;  // adjacent doubles: "≤ last" is the same split
        consider(s, mid);
      }
      sc.last = v;
      sc.has_last = true;
      ++sc.n_left;
      sc.bad_left += labels[rows[k]] ? 1 : 0;
    }
  }

  // Apply the chosen splits; children are appended in frontier order (left, then right).
  std::vector<int> next;
  std::vector<int> left_of(tree.nodes.size(), -1);
  for (size_t s = 0; s < frontier.size(); ++s) {
    if (!best[s].found) continue;
    const int id = frontier[s];
    TreeNode child;
    const int l = int(tree.nodes.size());
    tree.nodes.push_back(child);
    tree.nodes.push_back(child);
    TreeNode& node = tree.nodes[size_t(id)];
    node.feature = best[s].feature;
    node.feature_name =
        size_t(node.feature) < x.names.size() ? x.names[size_t(node.feature)] : std::string();
    node.threshold = best[s].threshold;
    node.missing_left = best[s].missing_left;
    node.gain = best[s].gain;
    node.left = l;
    node.right = l + 1;
    left_of[size_t(id)] = l;
    next.push_back(l);
    next.push_back(l + 1);
  }
  for (size_t k = 0; k < n; ++k) {
    const int id = node_of[k];
    if (id < 0) continue;
    if (slot[size_t(id)] < 0 || left_of[size_t(id)] < 0) {
      node_of[k] = -1;  // stayed a leaf
      continue;
    }
    const TreeNode& node = tree.nodes[size_t(id)];
    const double v = x.columns[size_t(node.feature)][rows[k]];
    const bool go_left = std::isnan(v) ? node.missing_left : v <= node.threshold;
    const int child = go_left ? node.left : node.right;
    node_of[k] = child;
    tree.nodes[size_t(child)].rows++;
    tree.nodes[size_t(child)].bads += labels[rows[k]] ? 1 : 0;
  }
  frontier = next;
  ++st.depth;
  for (int id : frontier) {  // the new level's figures, so tree() is complete between steps
    TreeNode& node = tree.nodes[size_t(id)];
    node.depth = st.depth;
    node.bad_rate = double(node.bads) / double(node.rows);
    node.entropy = entropy_bits(double(node.bads), double(node.rows));
  }
  st.done = frontier.empty() || st.depth >= options.max_depth;
  return !st.done;
}

DecisionTree fit_tree(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                      const RowSubset& rows, const TreeOptions& options) {
  TreeGrower grower(x, labels, rows, options);
  return run_to_end(grower);
}

std::vector<double> tree_importance(const DecisionTree& tree, size_t columns) {
  std::vector<double> out(columns, 0.0);
  double total = 0;
  for (const TreeNode& node : tree.nodes) {
    if (node.is_leaf() || size_t(node.feature) >= columns) continue;
    const double part = double(node.rows) * node.gain;
    out[size_t(node.feature)] += part;
    total += part;
  }
  if (total > 0)
    for (double& v : out) v /= total;
  return out;
}

int tree_leaf_of(const DecisionTree& tree, const FeatureMatrix& x, size_t row) {
  if (tree.nodes.empty()) return -1;
  int id = 0;
  while (!tree.nodes[size_t(id)].is_leaf()) {
    const TreeNode& node = tree.nodes[size_t(id)];
    const double v = x.columns[size_t(node.feature)][row];
    id = (std::isnan(v) ? node.missing_left : v <= node.threshold) ? node.left : node.right;
  }
  return id;
}

std::vector<double> predict_tree(const DecisionTree& tree, const FeatureMatrix& x,
                                 const RowSubset& rows) {
  std::vector<double> out(rows.size(), std::numeric_limits<double>::quiet_NaN());
  if (!tree.ok() || tree.nodes.empty()) return out;
  for (const TreeNode& node : tree.nodes)
    if (!node.is_leaf() && size_t(node.feature) >= x.cols()) return out;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (rows[k] >= x.rows()) continue;
    out[k] = tree.nodes[size_t(tree_leaf_of(tree, x, rows[k]))].bad_rate;
  }
  return out;
}

std::vector<double> predict_tree(const DecisionTree& tree, const FeatureMatrix& x) {
  RowSubset all(x.rows());
  for (size_t i = 0; i < all.size(); ++i) all[i] = uint32_t(i);
  return predict_tree(tree, x, all);
}

}  // namespace overdue
