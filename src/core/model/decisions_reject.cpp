// The reject-inference experiment (Siddiqi 2006, ch. 6): hide the outcomes of the accounts a
// first model would have rejected, rebuild the model three ways, and judge each on the whole
// population with the labels that were hidden. Definitions in include/overdue/model/decisions.hpp.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "overdue/model/decisions.hpp"
#include "overdue/model/metrics.hpp"

namespace overdue {
namespace {

// AUC and the bad rate among the `approve` safest accounts (ties by position), all with true
// labels. Approving the same number as the first model keeps the comparison like for like.
void judge(const std::vector<double>& scores, const std::vector<uint8_t>& truth, size_t approve,
           RejectInferenceRow& row) {
  row.auc = auc_score(scores, truth);
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (scores[a] != scores[b]) return scores[a] < scores[b];
    return a < b;
  });
  size_t bads = 0;
  for (size_t k = 0; k < approve && k < order.size(); ++k) bads += truth[order[k]] ? 1 : 0;
  row.approval_rate = scores.empty() ? 0.0 : double(approve) / double(scores.size());
  row.bad_rate_approved = approve ? double(bads) / double(approve) : 0.0;
}

}  // namespace

RejectInferenceResult reject_inference(const FeatureMatrix& x, const std::vector<uint8_t>& labels,
                                       const RowSubset& rows,
                                       const std::vector<double>& first_scores,
                                       const RejectInferenceOptions& options) {
  RejectInferenceResult out;
  if (labels.size() != x.rows()) {
    out.error = "labels and matrix differ in length";
    return out;
  }
  if (first_scores.size() != rows.size()) {
    out.error = "first scores and rows differ in length";
    return out;
  }
  RowSubset accepted, rejected;
  size_t bad_acc = 0, bad_rej = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (rows[k] >= x.rows() || std::isnan(first_scores[k])) {
      out.error = "row out of range or missing first score";
      return out;
    }
    const bool bad = labels[rows[k]] != 0;
    if (first_scores[k] >= options.cutoff) {
      rejected.push_back(rows[k]);
      bad_rej += bad;
    } else {
      accepted.push_back(rows[k]);
      bad_acc += bad;
    }
  }
  out.accounts = rows.size();
  out.accepted = accepted.size();
  out.rejected = rejected.size();
  out.bad_rate_accepted = accepted.empty() ? 0.0 : double(bad_acc) / double(accepted.size());
  out.bad_rate_rejected = rejected.empty() ? 0.0 : double(bad_rej) / double(rejected.size());
  if (accepted.empty() || rejected.empty()) {
    out.error = "the cutoff must leave both accepted and rejected accounts";
    return out;
  }
  if (bad_acc == 0 || bad_acc == accepted.size()) {
    out.error = "the accepted accounts must contain both goods and bads";
    return out;
  }
  std::vector<uint8_t> truth(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) truth[k] = labels[rows[k]];

  auto add_row = [&](const std::string& method, const std::vector<double>& scores,
                     size_t train_rows, double imputed, bool converged) {
    RejectInferenceRow row;
    row.method = method;
    row.train_rows = train_rows;
    row.imputed_bad_rate = imputed;
    row.converged = converged;
    judge(scores, truth, accepted.size(), row);
    out.rows.push_back(row);
  };
  add_row("first_model", first_scores, 0, 0.0, true);

  // (a) accepted only — what a lender actually observes.
  const LogisticModel a = fit_logistic(x, labels, accepted, options.logistic);
  if (!a.ok()) {
    out.error = "accepted-only fit: " + a.error;
    return out;
  }
  add_row("accepted_only", predict_logistic(a, x, rows), accepted.size(), 0.0, a.converged);
  const std::vector<double> p_rej = predict_logistic(a, x, rejected);

  // (b) hard cutoff: each reject takes the class model (a) finds more likely (p ≥ threshold).
  {
    std::vector<uint8_t> relabelled = labels;
    size_t imputed_bads = 0;
    const double threshold =
        options.hard_threshold >= 0 ? options.hard_threshold : out.bad_rate_accepted;
    for (size_t k = 0; k < rejected.size(); ++k) {
      const uint8_t bad = p_rej[k] >= threshold ? 1 : 0;
      relabelled[rejected[k]] = bad;
      imputed_bads += bad;
    }
    const LogisticModel b = fit_logistic(x, relabelled, rows, options.logistic);
    if (!b.ok()) {
      out.error = "hard-cutoff fit: " + b.error;
      return out;
    }
    add_row("hard_cutoff", predict_logistic(b, x, rows), rows.size(),
            double(imputed_bads) / double(rejected.size()), b.converged);
  }

  // (c) fuzzy: each reject twice (bad with weight p, good with 1 − p). A row has one label in a
  // FeatureMatrix, so the used columns are copied into an augmented table:
  // accepted rows, then rejects as bad, then rejects as good.
  {
    std::vector<size_t> cols = options.logistic.columns;
    if (cols.empty())
      for (size_t j = 0; j < x.cols(); ++j) cols.push_back(j);
    FeatureMatrix aug;
    const size_t n_aug = accepted.size() + 2 * rejected.size();
    for (size_t c : cols) {
      aug.names.push_back(c < x.names.size() ? x.names[c] : std::string());
      std::vector<double> col;
      col.reserve(n_aug);
      for (uint32_t r : accepted) col.push_back(x.columns[c][r]);
      for (int copy = 0; copy < 2; ++copy)
        for (uint32_t r : rejected) col.push_back(x.columns[c][r]);
      aug.columns.push_back(std::move(col));
    }
    std::vector<uint8_t> y(n_aug, 0);
    std::vector<double> w(n_aug, 1.0);
    RowSubset all(n_aug);
    std::iota(all.begin(), all.end(), uint32_t(0));
    for (size_t k = 0; k < accepted.size(); ++k) y[k] = labels[accepted[k]];
    double imputed = 0;
    for (size_t k = 0; k < rejected.size(); ++k) {
      const size_t as_bad = accepted.size() + k, as_good = as_bad + rejected.size();
      y[as_bad] = 1;
      w[as_bad] = p_rej[k];
      w[as_good] = 1 - p_rej[k];
      imputed += p_rej[k];
    }
    LogisticOptions opts = options.logistic;
    opts.columns.clear();  // the augmented table holds exactly the used columns, in order
    LogisticModel c = fit_logistic(aug, y, all, opts, w);
    if (!c.ok()) {
      out.error = "fuzzy fit: " + c.error;
      return out;
    }
    c.columns = cols;  // back to the original table's column numbers for scoring
    add_row("fuzzy", predict_logistic(c, x, rows), n_aug, imputed / double(rejected.size()),
            c.converged);
  }

  // The unreachable best: every label known.
  const LogisticModel full = fit_logistic(x, labels, rows, options.logistic);
  if (!full.ok()) {
    out.error = "all-labels fit: " + full.error;
    return out;
  }
  add_row("all_labels", predict_logistic(full, x, rows), rows.size(), 0.0, full.converged);
  return out;
}

}  // namespace overdue
