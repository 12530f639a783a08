// The lab's model view: the logistic regression's coefficients (standardised and raw) with the
// permutation importance, the scorecard's points table per bin, the tree as indented rules.
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

void draw_fit_status(const overdue::LogisticModel& m) {
  note(trf(m.converged ? S::lab_converged_fmt : S::lab_not_converged_fmt, m.iterations,
                 fixed_text(m.l2, 6).c_str(), format_count(static_cast<int64_t>(m.train_rows)).c_str())
                 .c_str());
}

void draw_logistic(AppState& state, const overdue::ModelLab& run) {
  const overdue::LogisticModel& m = run.logistic;
  if (!m.ok()) {
    note(m.error.c_str());
    return;
  }
  draw_fit_status(m);
  const std::vector<double> standardised = overdue::standardised_coefficients(m);
  const overdue::RawCoefficients raw = overdue::raw_coefficients(m);
  if (ImGui::BeginTable("##lab-coef", 5, kTableFlags, ImVec2(0, table_height(m.names.size() + 1, 16)))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(S::lab_col_feature));
    ImGui::TableSetupColumn(tr(S::lab_col_std_coef));
    ImGui::TableSetupColumn(tr(S::lab_col_raw_coef));
    ImGui::TableSetupColumn(tr(S::lab_col_mean));
    ImGui::TableSetupColumn(tr(S::lab_col_sd));
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(tr(S::lab_intercept));
    ImGui::TableNextColumn();
    cell_fixed(m.intercept, 4);
    ImGui::TableNextColumn();
    cell_fixed(raw.intercept, 6);
    for (size_t k = 0; k < m.names.size(); ++k) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_text(m.names[k]);
      ImGui::TableNextColumn();
      cell_fixed(k < standardised.size() ? standardised[k] : NAN, 4);
      ImGui::TableNextColumn();
      cell_fixed(k < raw.coefficients.size() ? raw.coefficients[k] : NAN, 6);
      ImGui::TableNextColumn();
      cell_fixed(m.mean[k], 3);
      ImGui::TableNextColumn();
      cell_fixed(m.sd[k], 3);
    }
    ImGui::EndTable();
  }
  note(tr(S::lab_coef_note));
  if (run.importance.empty()) return;
  heading(tr(S::lab_importance_heading));
  std::vector<chart::Bar> bars;
  for (const overdue::PermutationImportance& p : run.importance) {
    chart::Bar bar;
    bar.label = p.name;
    bar.value = std::max(0.0, p.mean_drop);
    bar.color = ImGui::ColorConvertFloat4ToU32(palette().accent);
    bar.value_label = fixed_text(p.mean_drop, 4) + " ± " + fixed_text(p.sd_drop, 4);
    bar.tooltip = {p.name, trf(S::lab_importance_tooltip_fmt, fixed_text(p.baseline_auc, 4).c_str(),
                               fixed_text(p.mean_drop, 4).c_str())};
    bars.push_back(std::move(bar));
  }
  chart::hbar_chart("##lab-importance", bars, ImVec2(-1, 0));
  record_item_rect(state, "lab.importance");
  note(tr(S::lab_importance_note));
}

void draw_scorecard(const overdue::ModelLab& run) {
  const overdue::Scorecard& card = run.scorecard;
  if (!card.ok()) {
    note(card.error.c_str());
    return;
  }
  draw_fit_status(card.model);
  ImGui::TextUnformatted(trf(S::lab_scorecard_scale_fmt, fixed_text(card.base_score, 0).c_str(),
                             fixed_text(card.base_odds, 1).c_str(), fixed_text(card.pdo, 1).c_str(),
                             fixed_text(card.factor, 4).c_str(), fixed_text(card.offset, 4).c_str(),
                             fixed_text(card.min_points, 1).c_str(), fixed_text(card.max_points, 1).c_str())
                             .c_str());
  ImGui::TextUnformatted(tr(S::lab_direction));  // issue #21 §2: the direction beside the scaling
  for (const overdue::ScorecardFeature& f : card.features)
    if (!f.sign_ok) text_colored_wrapped(palette().warning, trf(S::lab_sign_warning_fmt, f.name.c_str()).c_str());
  size_t rows = 0;
  for (const auto& f : card.features) rows += f.bins.size();
  if (!ImGui::BeginTable("##lab-points", 6, kTableFlags, ImVec2(0, table_height(rows, 24)))) return;
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableSetupColumn(tr(S::lab_col_feature));
  ImGui::TableSetupColumn(tr(S::lab_col_bin));
  ImGui::TableSetupColumn(tr(S::lab_col_woe));
  ImGui::TableSetupColumn(tr(S::lab_col_points));
  ImGui::TableSetupColumn(tr(S::lab_col_goods));
  ImGui::TableSetupColumn(tr(S::lab_col_bads));
  ImGui::TableHeadersRow();
  for (const overdue::ScorecardFeature& f : card.features) {
    for (size_t b = 0; b < f.bins.size(); ++b) {
      const overdue::ScorecardBinPoints& bin = f.bins[b];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (b == 0) cell_text(f.name);
      ImGui::TableNextColumn();
      cell_text(bin.label);
      ImGui::TableNextColumn();
      cell_fixed(bin.woe, 3);
      ImGui::TableNextColumn();
      cell_fixed(bin.points, 1);
      ImGui::TableNextColumn();
      cell_count(bin.good);
      ImGui::TableNextColumn();
      cell_count(bin.bad);
    }
  }
  ImGui::EndTable();
  note(tr(S::lab_points_note));
}

void draw_tree_node(const overdue::DecisionTree& tree, int index, const std::string& condition) {
  const overdue::TreeNode& n = tree.nodes[static_cast<size_t>(index)];
  const std::string stats = trf(S::lab_node_stats_fmt, format_count(static_cast<int64_t>(n.rows)).c_str(),
                                format_percent(n.bad_rate, 1).c_str());
  const std::string label = condition + "   " + stats;
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
  if (n.is_leaf()) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_Bullet;
  ImGui::PushID(index);
  const bool open = ImGui::TreeNodeEx("##node", flags, "%s", label.c_str());
  ImGui::PopID();
  if (n.is_leaf() || !open) return;
  const std::string t = fixed_text(n.threshold, std::fabs(n.threshold) >= 100 ? 0 : 3);
  const std::string missing = tr(S::lab_or_missing);
  draw_tree_node(tree, n.left, n.feature_name + " ≤ " + t + (n.missing_left ? missing : ""));
  draw_tree_node(tree, n.right, n.feature_name + " > " + t + (n.missing_left ? "" : missing));
  ImGui::TreePop();
}

void draw_tree(const overdue::ModelLab& run) {
  const overdue::DecisionTree& tree = run.tree;
  if (!tree.ok() || tree.nodes.empty()) {
    note(tree.error.c_str());
    return;
  }
  note(trf(S::lab_tree_summary_fmt, run.options.tree.max_depth, static_cast<int>(run.options.tree.min_leaf),
                 static_cast<int>(tree.leaves()))
                 .c_str());
  draw_tree_node(tree, 0, tr(S::lab_all_accounts));
  note(tr(S::lab_tree_note));
}

}  // namespace

void draw_model(AppState& state, const overdue::ModelLab& run) {
  static int shown = 1;  // the scorecard first: the model a credit team reads
  for (int m = 0; m < kLabModelCount; ++m) {
    if (m > 0) ImGui::SameLine();
    if (ImGui::RadioButton(model_label(m), shown == m)) shown = m;
  }
  ImGui::Spacing();
  if (shown == 0) draw_logistic(state, run);
  else if (shown == 1) draw_scorecard(run);
  else draw_tree(run);
}

}  // namespace app::lab_view
