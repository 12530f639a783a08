// The model lab JSON, second half (model_json.hpp): models, importance, decisions.
#include <cmath>

#include "report/model_json_internal.hpp"

namespace overdue::model_json_detail {
namespace {

void write_metrics(JsonWriter& w, const ModelEvaluation& e, const ModelLab& lab) {
  const BinaryMetrics& m = e.test;
  number_key(w, "auc", m.auc);
  number_key(w, "ks", m.ks);
  number_key(w, "gini", m.gini);
  number_key(w, "accuracy", m.confusion.accuracy);
  number_key(w, "precision", m.confusion.precision);
  number_key(w, "recall", m.confusion.recall);
  number_key(w, "f1", m.confusion.f1);
  number_key(w, "threshold", m.threshold);
  w.key("confusion").begin_object();
  w.key("tp").unsigned_integer(m.confusion.tp);
  w.key("fp").unsigned_integer(m.confusion.fp);
  w.key("tn").unsigned_integer(m.confusion.tn);
  w.key("fn").unsigned_integer(m.confusion.fn);
  w.end_object();
  w.key("test_accounts").unsigned_integer(m.accounts);
  w.key("test_bads").unsigned_integer(m.bads);
  number_key(w, "train_auc", e.train_auc);
  number_key(w, "psi", e.psi.psi);
  // The same at P(bad) ≥ 0.5, the cut-off most published figures use.
  std::vector<uint8_t> y;
  for (uint32_t i : lab.split.test) y.push_back(lab.data.target[i]);
  const Confusion half = confusion_at(e.test_scores, y, 0.5);
  w.key("at_0_5").begin_object();
  number_key(w, "accuracy", half.accuracy);
  number_key(w, "precision", half.precision);
  number_key(w, "recall", half.recall);
  number_key(w, "f1", half.f1);
  w.key("tp").unsigned_integer(half.tp);
  w.key("fp").unsigned_integer(half.fp);
  w.key("tn").unsigned_integer(half.tn);
  w.key("fn").unsigned_integer(half.fn);
  w.end_object();
}

void write_logistic(JsonWriter& w, const ModelLab& lab) {
  const LogisticModel& m = lab.logistic;
  w.key("logistic").begin_object();
  if (!m.ok()) {
    w.key("error").string(m.error);
    w.end_object();
    return;
  }
  write_metrics(w, lab.logistic_eval, lab);
  number_key(w, "l2", m.l2, 9);
  w.key("standardised").boolean(m.standardised);
  w.key("iterations").integer(m.iterations);
  w.key("converged").boolean(m.converged);
  number_key(w, "objective", m.objective, 9);
  w.key("train_rows").unsigned_integer(m.train_rows);
  number_key(w, "intercept", m.intercept);
  const std::vector<double> standard = standardised_coefficients(m);
  const RawCoefficients raw = raw_coefficients(m);
  number_key(w, "raw_intercept", raw.intercept, 9);
  w.key("coefficients").begin_array();
  for (size_t j = 0; j < m.coefficients.size(); ++j) {
    w.begin_object();
    w.key("name").string(m.names[j]);
    number_key(w, "standardised", standard[j]);
    number_key(w, "raw", raw.coefficients[j], 9);
    number_key(w, "mean", m.mean[j]);
    number_key(w, "sd", m.sd[j]);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_scorecard(JsonWriter& w, const ModelLab& lab) {
  const Scorecard& c = lab.scorecard;
  w.key("scorecard").begin_object();
  if (!c.ok()) {
    w.key("error").string(c.error);
    w.end_object();
    return;
  }
  write_metrics(w, lab.scorecard_eval, lab);
  // The probability threshold in points: offset + factor · ln((1 − p) / p).
  const double p = lab.scorecard_eval.test.threshold;
  number_key(w, "threshold_points", p > 0 && p < 1 ? c.offset + c.factor * std::log((1 - p) / p) : NAN, 2);
  number_key(w, "l2", c.model.l2, 9);
  w.key("iterations").integer(c.model.iterations);
  w.key("converged").boolean(c.model.converged);
  number_key(w, "base_score", c.base_score);
  number_key(w, "base_odds", c.base_odds);
  number_key(w, "pdo", c.pdo);
  number_key(w, "factor", c.factor);
  number_key(w, "offset", c.offset);
  number_key(w, "intercept", c.intercept);
  number_key(w, "min_points", c.min_points, 2);
  number_key(w, "max_points", c.max_points, 2);
  write_scorecard_direction(w, c);
  w.key("features").begin_array();
  for (const ScorecardFeature& f : c.features) {
    w.begin_object();
    w.key("name").string(f.name);
    number_key(w, "coefficient", f.coefficient);
    w.key("sign_ok").boolean(f.sign_ok);
    number_key(w, "no_bin_points", f.no_bin_points, 2);
    w.key("bins").begin_array();
    for (const ScorecardBinPoints& b : f.bins) {
      w.begin_object();
      w.key("label").string(b.label);
      number_key(w, "woe", b.woe);
      number_key(w, "points", b.points, 2);
      w.key("good").unsigned_integer(b.good);
      w.key("bad").unsigned_integer(b.bad);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_tree(JsonWriter& w, const ModelLab& lab) {
  const DecisionTree& t = lab.tree;
  w.key("tree").begin_object();
  if (!t.ok()) {
    w.key("error").string(t.error);
    w.end_object();
    return;
  }
  write_metrics(w, lab.tree_eval, lab);
  w.key("max_depth").integer(lab.options.tree.max_depth);
  w.key("min_leaf").unsigned_integer(lab.options.tree.min_leaf);
  w.key("leaves").unsigned_integer(t.leaves());
  w.key("nodes").begin_array();
  for (const TreeNode& n : t.nodes) {
    w.begin_object();
    w.key("depth").integer(n.depth);
    w.key("rows").unsigned_integer(n.rows);
    w.key("bads").unsigned_integer(n.bads);
    number_key(w, "bad_rate", n.bad_rate);
    if (!n.is_leaf()) {
      w.key("feature").string(n.feature_name);
      number_key(w, "threshold", n.threshold);
      w.key("missing_left").boolean(n.missing_left);
      number_key(w, "gain", n.gain);
      w.key("left").integer(n.left);
      w.key("right").integer(n.right);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_cross_validation(JsonWriter& w, const ModelLab& lab) {
  const CrossValidation& cv = lab.cross_validation;
  w.key("cross_validation").begin_object();
  w.key("folds").integer(cv.folds);
  w.key("logistic_auc").begin_array();
  for (double v : cv.logistic_auc) number(w, v);
  w.end_array();
  number_key(w, "logistic_mean", cv.logistic_mean);
  number_key(w, "logistic_sd", cv.logistic_sd);
  w.key("scorecard_auc").begin_array();
  for (double v : cv.scorecard_auc) number(w, v);
  w.end_array();
  number_key(w, "scorecard_mean", cv.scorecard_mean);
  number_key(w, "scorecard_sd", cv.scorecard_sd);
  w.end_object();
}

void write_models(JsonWriter& w, const ModelLab& lab) {
  w.key("models").begin_object();
  write_logistic(w, lab);
  write_scorecard(w, lab);
  write_tree(w, lab);
  w.end_object();
  if (lab.options.folds > 1) write_cross_validation(w, lab);
  w.key("importance").begin_object();
  w.key("permutation").begin_array();
  for (const PermutationImportance& p : lab.importance) {
    w.begin_object();
    w.key("name").string(p.name);
    number_key(w, "mean_auc_drop", p.mean_drop);
    number_key(w, "sd_auc_drop", p.sd_drop);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_decisions(JsonWriter& w, const ModelLab& lab) {
  w.key("decisions").begin_object();
  w.key("score").string("scorecard points on the test rows (approve when points >= cutoff)");
  w.key("cutoff_curve").begin_array();
  for (const CutoffPoint& c : lab.cutoffs) {
    w.begin_object();
    number_key(w, "cutoff", c.cutoff, 2);
    w.key("approved").unsigned_integer(c.approved);
    number_key(w, "approval_rate", c.approval_rate);
    number_key(w, "bad_rate_approved", c.bad_rate_approved);
    w.end_object();
  }
  w.end_array();
  w.key("bands").begin_array();
  for (const ScoreBand& b : lab.bands) {
    w.begin_object();
    w.key("band").integer(b.band);
    number_key(w, "lo", b.lo, 2);
    number_key(w, "hi", b.hi, 2);
    w.key("accounts").unsigned_integer(b.accounts);
    w.key("bads").unsigned_integer(b.bads);
    number_key(w, "bad_rate", b.bad_rate);
    number_key(w, "relative_risk", b.relative_risk);
    number_key(w, "limit_change", b.limit_change);
    w.key("freeze").boolean(b.freeze);
    number_key(w, "expected_loss", b.expected_loss);
    number_key(w, "rate", b.rate);
    w.end_object();
  }
  w.end_array();
  const RejectInferenceResult& r = lab.reject_inference;
  w.key("reject_inference").begin_object();
  if (!r.ok()) w.key("error").string(r.error);
  number_key(w, "reject_share", lab.options.reject_share);
  w.key("accounts").unsigned_integer(r.accounts);
  w.key("accepted").unsigned_integer(r.accepted);
  w.key("rejected").unsigned_integer(r.rejected);
  number_key(w, "bad_rate_accepted", r.bad_rate_accepted);
  number_key(w, "bad_rate_rejected", r.bad_rate_rejected);
  w.key("methods").begin_array();
  for (const RejectInferenceRow& m : r.rows) {
    w.begin_object();
    w.key("method").string(m.method);
    w.key("train_rows").unsigned_integer(m.train_rows);
    number_key(w, "imputed_bad_rate", m.imputed_bad_rate);
    number_key(w, "auc", m.auc);
    number_key(w, "approval_rate", m.approval_rate);
    number_key(w, "bad_rate_approved", m.bad_rate_approved);
    w.key("converged").boolean(m.converged);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
}

}  // namespace overdue::model_json_detail
