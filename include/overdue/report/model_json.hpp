// The model lab as one JSON document (issue #5's CLI section; `overdue-lens model --json`):
//   file, target {column, bad, good, bads, goods, bad_rate}, rows {read, accepted, rejected},
//   rejected [{record, line, reason}] (first 1000), identifiers,
//   split {train, test, seed, test_fraction, train_bads, test_bads},
//   profile [{name, kind, type, count, missing, missing_rate, distinct, min, p1 … p99, max}],
//   imputation, capping,
//   features [{name, type, iv, info_gain, strength, direction, selected, bins [...], trend,
//   special_codes (numeric), table {rows [{bin, count, share, non_events, events, event_rate, woe,
//   iv, js, p_value_next, merge_suggested}], totals}}] (model_json_bins.cpp),
//   correlation {threshold, names, matrix, high_pairs}, selection {min_iv, max_correlation,
//   selected, dropped [{name, reason}]},
//   pca {columns, explained_variance_ratio, cumulative_ratio, loadings},
//   models {logistic, scorecard, tree}: each with auc, ks, gini, accuracy, precision, recall, f1,
//   threshold (P(bad) at the KS-maximising cut), confusion, train_auc, psi, at_0_5 (accuracy,
//   precision, recall, f1 and the confusion counts at P(bad) ≥ 0.5); logistic with l2,
//   iterations, converged, coefficients; scorecard with the scaling, threshold_points and the
//   points table; tree with its nodes,
//   cross_validation {folds, logistic_auc [...], logistic_mean, logistic_sd, scorecard_…}
//   (only with folds > 1), importance {permutation}, decisions {cutoff_curve, bands,
//   reject_inference}; monitoring and monitoring_by when the caller filled ModelLab::monitoring
//   (model_json_monitor.cpp, docs/model_lab.md "Stability monitoring").
// Numbers as fixed decimals (analysis_json.hpp's fixed_text: 6 places, PCA ratios 9) so the
// native and wasm CLIs print the same bytes; a value that is not finite prints as null.
#pragma once
#include <string>

#include "overdue/model/lab.hpp"

namespace overdue {

std::string model_lab_json(const ModelLab& lab, const std::string& file_name);

}  // namespace overdue
