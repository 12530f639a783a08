// The lab's evaluation view, all on the test rows: the metrics table of the three models, the ROC
// curves, the KS curve of the chosen model, a threshold the user drags with the confusion matrix
// and its metrics following live, and the score distributions of bads and goods.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "format.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app::lab_view {
namespace {

const ImU32 kModelColors[kLabModelCount] = {IM_COL32(40, 110, 200, 255), IM_COL32(210, 100, 30, 255),
                                            IM_COL32(40, 150, 80, 255)};

const overdue::ModelEvaluation* evaluation(const overdue::ModelLab& run, int m) {
  if (m == 0) return run.logistic.ok() ? &run.logistic_eval : nullptr;
  if (m == 1) return run.scorecard.ok() ? &run.scorecard_eval : nullptr;
  return run.tree.ok() ? &run.tree_eval : nullptr;
}

void draw_metrics_table(const overdue::ModelLab& run) {
  const S headers[] = {S::lab_col_model, S::lab_col_auc, S::lab_col_ks, S::lab_col_gini, S::lab_col_accuracy,
                       S::lab_col_precision, S::lab_col_recall, S::lab_col_f1, S::lab_col_threshold,
                       S::lab_col_train_auc, S::lab_col_psi};
  if (!ImGui::BeginTable("##lab-metrics", 11, kTableFlags & ~ImGuiTableFlags_ScrollY)) return;
  for (S h : headers) ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  for (int m = 0; m < kLabModelCount; ++m) {
    const overdue::ModelEvaluation* e = evaluation(run, m);
    if (e == nullptr) continue;
    const overdue::BinaryMetrics& t = e->test;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(model_label(m));
    const double values[] = {t.auc, t.ks, t.gini, t.confusion.accuracy, t.confusion.precision, t.confusion.recall,
                             t.confusion.f1, t.threshold, e->train_auc, e->psi.psi};
    for (double v : values) {
      ImGui::TableNextColumn();
      cell_fixed(v, 4);
    }
  }
  ImGui::EndTable();
  note(tr(S::lab_metrics_note));
  const overdue::CrossValidation& cv = run.cross_validation;
  if (cv.folds > 1) {
    ImGui::TextUnformatted(trf(S::lab_kfold_fmt, cv.folds, fixed_text(cv.logistic_mean, 4).c_str(),
                               fixed_text(cv.logistic_sd, 4).c_str(), fixed_text(cv.scorecard_mean, 4).c_str(),
                               fixed_text(cv.scorecard_sd, 4).c_str())
                               .c_str());
  }
}

chart::CurveAxes unit_axes(const std::string& x_title, const std::string& y_title) {
  chart::CurveAxes axes;
  axes.x_label = [](double v) { return format_percent(v, 0); };
  axes.y_label = [](double v) { return format_percent(v, 0); };
  axes.x_title = x_title;
  axes.y_title = y_title;
  return axes;
}

void draw_roc(AppState& state, const overdue::ModelLab& run, float width) {
  heading(tr(S::lab_roc_heading));
  std::vector<chart::Curve> curves;
  std::vector<chart::LegendItem> legend;
  for (int m = 0; m < kLabModelCount; ++m) {
    const auto& points = state.lab.derived.curve[m];
    if (points.empty()) continue;
    chart::Curve c;
    c.label = std::string(model_label(m)) + " AUC " + fixed_text(evaluation(run, m)->test.auc, 3);
    c.color = kModelColors[m];
    for (const overdue::CurvePoint& p : points) {
      c.x.push_back(p.fpr);
      c.y.push_back(p.tpr);
    }
    legend.push_back({c.label, c.color});
    curves.push_back(std::move(c));
  }
  chart::Curve chance;
  chance.x = {0, 1};
  chance.y = {0, 1};
  chance.color = chart::axis_text_color();
  chance.dashed = true;
  curves.push_back(chance);
  chart::legend(legend);
  chart::curve_chart("##lab-roc", curves, ImVec2(width, width * 0.7f),
                     unit_axes(tr(S::lab_fpr), tr(S::lab_tpr)));
  record_item_rect(state, "lab.roc");
}

void draw_ks(AppState& state, const overdue::ModelLab& run, int m, float width) {
  heading(trf(S::lab_ks_heading_fmt, model_label(m)).c_str());
  const auto& points = state.lab.derived.curve[m];
  if (points.empty()) return;
  chart::Curve bads, goods, gap;
  bads.label = tr(S::lab_cum_bads);
  goods.label = tr(S::lab_cum_goods);
  gap.label = "KS";
  bads.color = IM_COL32(200, 60, 50, 255);
  goods.color = IM_COL32(40, 110, 200, 255);
  gap.color = chart::axis_text_color();
  double best = 0, best_x = 0;
  for (const overdue::CurvePoint& p : points) {
    bads.x.push_back(p.population);
    bads.y.push_back(p.tpr);
    goods.x.push_back(p.population);
    goods.y.push_back(p.fpr);
    gap.x.push_back(p.population);
    gap.y.push_back(p.ks);
    if (p.ks > best) {
      best = p.ks;
      best_x = p.population;
    }
  }
  chart::legend({{bads.label, bads.color}, {goods.label, goods.color}, {"KS", gap.color}});
  chart::CurveMarker marker;
  marker.shown = true;
  marker.x = best_x;
  marker.label = "KS " + fixed_text(evaluation(run, m)->test.ks, 3);
  chart::curve_chart("##lab-ks", {bads, goods, gap}, ImVec2(width, width * 0.7f),
                     unit_axes(tr(S::lab_population_flagged), tr(S::lab_cumulative_share)), marker);
  record_item_rect(state, "lab.ks");
}

void draw_threshold(AppState& state, const overdue::ModelLab& run, int m) {
  LabState& lab = state.lab;
  const overdue::ModelEvaluation* e = evaluation(run, m);
  if (e == nullptr) return;
  heading(tr(S::lab_threshold_heading));
  double& t = lab.threshold[m];
  if (t < 0) t = e->test.threshold;
  float tf = static_cast<float>(t);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 520 * state.dpr));
  if (ImGui::SliderFloat("##lab-threshold", &tf, 0.0f, 1.0f, "%.3f")) t = tf;
  record_item_rect(state, "lab.threshold");
  ImGui::SameLine();
  if (ImGui::SmallButton((std::string(tr(S::lab_threshold_ks)) + "###lab-t-ks").c_str())) t = e->test.threshold;
  ImGui::SameLine();
  if (ImGui::SmallButton("0.5###lab-t-half")) t = 0.5;
  record_item_rect(state, "lab.threshold_half");
  const overdue::Confusion c = overdue::confusion_at(e->test_scores, lab.derived.test_labels, t);
  note(tr(S::lab_threshold_hint));
  if (ImGui::BeginTable("##lab-confusion", 3, kTableFlags & ~ImGuiTableFlags_ScrollY)) {
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn(tr(S::lab_predicted_bad));
    ImGui::TableSetupColumn(tr(S::lab_predicted_good));
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(tr(S::lab_actual_bad));
    ImGui::TableNextColumn();
    cell_count(c.tp);
    ImGui::TableNextColumn();
    cell_count(c.fn);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(tr(S::lab_actual_good));
    ImGui::TableNextColumn();
    cell_count(c.fp);
    ImGui::TableNextColumn();
    cell_count(c.tn);
    ImGui::EndTable();
  }
  ImGui::TextUnformatted(trf(S::lab_confusion_metrics_fmt, fixed_text(c.accuracy, 4).c_str(),
                             fixed_text(c.precision, 4).c_str(), fixed_text(c.recall, 4).c_str(),
                             fixed_text(c.f1, 4).c_str(),
                             format_percent(static_cast<double>(c.tp + c.fp) /
                                                static_cast<double>(std::max<size_t>(1, c.tp + c.fp + c.tn + c.fn)),
                                            1)
                                 .c_str())
                             .c_str());
  // What the test hook reports (the browser test drags the slider and compares).
  state.lab.shown.threshold = t;
  state.lab.shown.tp = c.tp;
  state.lab.shown.fp = c.fp;
  state.lab.shown.tn = c.tn;
  state.lab.shown.fn = c.fn;
}

void draw_histogram(AppState& state, int m, float width) {
  const overdue::ScoreHistogram& h = state.lab.derived.histogram[m];
  if (h.bad.empty()) return;
  heading(tr(S::lab_distribution_heading));
  size_t bads = 0, goods = 0;
  for (size_t k = 0; k < h.bad.size(); ++k) {
    bads += h.bad[k];
    goods += h.good[k];
  }
  chart::Curve b, g;
  b.label = tr(S::lab_bads);
  g.label = tr(S::lab_goods);
  b.color = IM_COL32(200, 60, 50, 255);
  g.color = IM_COL32(40, 110, 200, 255);
  double top = 0;
  const double width_bin = (h.hi - h.lo) / static_cast<double>(h.bad.size());
  for (size_t k = 0; k < h.bad.size(); ++k) {
    const double x = h.lo + width_bin * (static_cast<double>(k) + 0.5);
    b.x.push_back(x);
    g.x.push_back(x);
    b.y.push_back(bads ? static_cast<double>(h.bad[k]) / static_cast<double>(bads) : 0);
    g.y.push_back(goods ? static_cast<double>(h.good[k]) / static_cast<double>(goods) : 0);
    top = std::max({top, b.y.back(), g.y.back()});
  }
  chart::legend({{b.label, b.color}, {g.label, g.color}});
  chart::CurveAxes axes = unit_axes(tr(S::lab_score_pbad), tr(S::lab_share_of_class));
  axes.x_label = [](double v) { return fixed_text(v, 1); };
  axes.y_max = top > 0 ? std::min(1.0, top * 1.1) : 1;
  chart::CurveMarker marker;
  marker.shown = true;
  marker.x = state.lab.threshold[m];
  chart::curve_chart("##lab-hist", {b, g}, ImVec2(width, width * 0.55f), axes, marker);
}

}  // namespace

void draw_evaluation(AppState& state, const overdue::ModelLab& run) {
  draw_metrics_table(run);
  ImGui::Spacing();
  int m = static_cast<int>(state.lab.model);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::lab_model_shown));
  for (int k = 0; k < kLabModelCount; ++k) {
    ImGui::SameLine();
    if (evaluation(run, k) != nullptr && ImGui::RadioButton(model_label(k), m == k)) m = k;
  }
  state.lab.model = static_cast<LabModel>(m);
  if (evaluation(run, m) == nullptr) return;
  draw_threshold(state, run, m);
  ImGui::Spacing();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float half = std::max(260.0f * state.dpr, avail * 0.5f - ImGui::GetStyle().ItemSpacing.x);
  const bool side_by_side = avail > 2 * 300 * state.dpr;
  ImGui::BeginGroup();
  draw_roc(state, run, side_by_side ? half : avail);
  ImGui::EndGroup();
  if (side_by_side) ImGui::SameLine();
  ImGui::BeginGroup();
  draw_ks(state, run, m, side_by_side ? half : avail);
  ImGui::EndGroup();
  ImGui::Spacing();
  draw_histogram(state, m, side_by_side ? half : avail);
}

}  // namespace app::lab_view
