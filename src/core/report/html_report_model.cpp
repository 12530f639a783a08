// The report's model-lab section (only when a ModelLab is given): the data and split, the three
// models' test metrics, ROC curves of all three and the scorecard's KS curve, the scorecard's
// points table, the score bands (limit and price) and the approve/reject cutoffs. Keys are
// "model." + the path in `overdue-lens model --json`.
#include <cmath>

#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string th(const char* text, bool number = false) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + e(text) + "</th>";
}
std::string metric_cell(const std::string& key, double v, int decimals = 4) {
  if (!std::isfinite(v)) return "<td class=\"num\">—</td>";
  return "<td class=\"num\"" + raw_attr(key, fixed_text(v, 6)) + ">" + fixed_text(v, decimals) +
         "</td>";
}

struct ModelRow {
  S label;
  const char* key;
  bool ok;
  const std::string* error;
  const ModelEvaluation* eval;
  const char* colour;
};

}  // namespace

void write_model(std::string& out, const ModelLab& lab, std::string_view file, Lang lang) {
  auto t = [&](S id) { return text(id, lang); };
  const ModelDataset& d = lab.data;
  open_section(out, "model", t(S::sec_model));
  out += "<p>" +
         e(textf(lang, S::model_file_fmt, std::string(file).c_str(), d.target_name.c_str(),
                 d.bad_value.c_str())) +
         "</p>";
  const uint64_t bads = d.bad_count();
  out += "<p>" +
         fill_html(t(S::model_rows_fmt),
                   {"<span" + raw_attr("model.rows.read", std::to_string(d.records_read)) + ">" +
                        count_display(static_cast<int64_t>(d.records_read)) + "</span>",
                    "<span" + raw_attr("model.rows.accepted", std::to_string(d.accepted)) + ">" +
                        count_display(static_cast<int64_t>(d.accepted)) + "</span>",
                    "<span" + raw_attr("model.rows.rejected", std::to_string(d.rejected_count)) +
                        ">" + count_display(static_cast<int64_t>(d.rejected_count)) + "</span>",
                    "<span" + raw_attr("model.target.bads", std::to_string(bads)) + ">" +
                        count_display(static_cast<int64_t>(bads)) + "</span>",
                    e(percent_display(
                        d.rows() ? static_cast<double>(bads) / static_cast<double>(d.rows()) : 0, 2,
                        lang))}) +
         "</p><p>" +
         fill_html(
             t(S::model_split_fmt),
             {std::to_string(lab.split.seed),
              "<span" + raw_attr("model.split.train", std::to_string(lab.split.train.size())) +
                  ">" + count_display(static_cast<int64_t>(lab.split.train.size())) + "</span>",
              "<span" + raw_attr("model.split.test", std::to_string(lab.split.test.size())) + ">" +
                  count_display(static_cast<int64_t>(lab.split.test.size())) + "</span>"}) +
         "</p>";

  const ModelRow rows[] = {
      {S::model_logistic, "logistic", lab.logistic.ok(), &lab.logistic.error, &lab.logistic_eval,
       "#2f6fb5"},
      {S::model_scorecard, "scorecard", lab.scorecard.ok(), &lab.scorecard.error,
       &lab.scorecard_eval, "#c8373b"},
      {S::model_tree, "tree", lab.tree.ok(), &lab.tree.error, &lab.tree_eval, "#3a8f4b"},
  };
  out += "<h3>" + e(t(S::model_metrics_heading)) + "</h3><table class=\"metrics\"><thead><tr>" +
         th(t(S::col_model)) +
         "<th class=\"num\">AUC</th><th class=\"num\">KS</th><th class=\"num\">Gini</th><th "
         "class=\"num\">Accuracy</th>"
         "<th class=\"num\">Precision</th><th class=\"num\">Recall</th><th "
         "class=\"num\">F1</th><th class=\"num\">PSI</th>"
         "</tr></thead><tbody>";
  std::vector<uint8_t> y;
  for (uint32_t i : lab.split.test) y.push_back(d.target[i]);
  std::vector<LineSeries> roc;
  for (const ModelRow& m : rows) {
    if (!m.ok) {
      out += "<tr><td colspan=\"9\">" +
             e(textf(lang, S::model_failed_fmt, t(m.label), m.error->c_str())) + "</td></tr>";
      continue;
    }
    const BinaryMetrics& b = m.eval->test;
    const std::string key = std::string("model.models.") + m.key + ".";
    out += "<tr><td>" + e(t(m.label)) + "</td>" + metric_cell(key + "auc", b.auc) +
           metric_cell(key + "ks", b.ks) + metric_cell(key + "gini", b.gini) +
           metric_cell(key + "accuracy", b.confusion.accuracy) +
           metric_cell(key + "precision", b.confusion.precision) +
           metric_cell(key + "recall", b.confusion.recall) +
           metric_cell(key + "f1", b.confusion.f1) + metric_cell(key + "psi", m.eval->psi.psi) +
           "</tr>";
    LineSeries s{e(t(m.label)), m.colour, {}, {}};
    for (const CurvePoint& p : score_curve(m.eval->test_scores, y)) {
      s.x.push_back(p.fpr);
      s.y.push_back(p.tpr);
    }
    if (!s.x.empty()) roc.push_back(std::move(s));
  }
  out += "</tbody></table>";
  out += "<figure class=\"pair\">" +
         svg_line_chart(roc, e(t(S::chart_roc)), false, true, e(t(S::axis_fpr)), e(t(S::axis_tpr)));
  if (lab.scorecard.ok()) {
    LineSeries bad{e(t(S::axis_tpr)), "#c8373b", {}, {}},
        good{e(t(S::axis_fpr)), "#2f6fb5", {}, {}};
    for (const CurvePoint& p : score_curve(lab.scorecard_eval.test_scores, y)) {
      bad.x.push_back(p.population);
      bad.y.push_back(p.tpr);
      good.x.push_back(p.population);
      good.y.push_back(p.fpr);
    }
    out += svg_line_chart({bad, good}, e(t(S::chart_ks)), false, true, e(t(S::axis_population)));
  }
  out += "</figure>";

  if (lab.scorecard.ok()) {
    const Scorecard& card = lab.scorecard;
    out += "<h3>" + e(t(S::model_points_heading)) + "</h3><p class=\"legend\">" +
           e(textf(lang, S::model_scaling_fmt, fixed_text(card.base_score, 0).c_str(),
                   fixed_text(card.base_odds, 0).c_str(), fixed_text(card.pdo, 0).c_str())) +
           "</p>" + scorecard_direction_html(card, lang) + "<table class=\"points\"><thead><tr>" + th(t(S::col_feature)) + th(t(S::col_bin)) +
           th(t(S::col_woe), true) + th(t(S::col_points), true) + "</tr></thead><tbody>";
    for (const ScorecardFeature& f : card.features)
      for (size_t b = 0; b < f.bins.size(); ++b)
        out += "<tr><td>" + (b == 0 ? e(f.name) : std::string()) + "</td><td>" +
               e(f.bins[b].label) + "</td>" + text_cell(fixed_text(f.bins[b].woe, 4), true) +
               text_cell(fixed_text(f.bins[b].points, 2), true) + "</tr>";
    out += "</tbody></table>";
  }
  write_model_bins(out, lab, lang);  // issue #21 §1: the binning tables
  if (!lab.bands.empty()) {
    out += "<h3>" + e(t(S::model_bands_heading)) + "</h3><table><thead><tr>" +
           th(t(S::col_band), true) + th(t(S::col_score_range), true) +
           th(t(S::col_accounts), true) + th(t(S::col_bad_rate), true) +
           th(t(S::col_limit_change), true) + th(t(S::col_price), true) + "</tr></thead><tbody>";
    for (const ScoreBand& b : lab.bands)
      out += "<tr><td class=\"num\">" + std::to_string(b.band) + "</td>" +
             text_cell(fixed_text(b.lo, 0) + " – " + fixed_text(b.hi, 0), true) +
             text_cell(count_display(static_cast<int64_t>(b.accounts)), true) +
             text_cell(percent_display(b.bad_rate, 2, lang), true) +
             text_cell(b.freeze ? e(t(S::model_freeze)) : percent_display(b.limit_change, 0, lang),
                       true) +
             text_cell(percent_display(b.rate, 2, lang), true) + "</tr>";
    out += "</tbody></table>";
  }
  if (!lab.cutoffs.empty()) {
    out += "<h3>" + e(t(S::model_cutoffs_heading)) + "</h3><table><thead><tr>" +
           th(t(S::col_cutoff), true) + th(t(S::col_approval_rate), true) +
           th(t(S::col_bad_rate_approved), true) + "</tr></thead><tbody>";
    for (const CutoffPoint& p : lab.cutoffs)
      out += "<tr>" +
             text_cell(std::isfinite(p.cutoff) ? fixed_text(p.cutoff, 1) : std::string("—"), true) +
             text_cell(percent_display(p.approval_rate, 1, lang), true) +
             text_cell(percent_display(p.bad_rate_approved, 2, lang), true) + "</tr>";
    out += "</tbody></table>";
  }
  write_model_stability(out, lab, lang);
  close_section(out);
}

}  // namespace overdue::report_detail
