// The lab's decisions view, on the scorecard's points for the test rows: a cutoff the user drags
// with the approval rate and the bad rate among the approved following, the curve of both over
// every cutoff, the score bands with their credit-limit change and risk-based price (editable
// pricing), and the reject-inference experiment with what it shows.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "format.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app::lab_view {
namespace {

void draw_cutoff(AppState& state, const overdue::ModelLab& run) {
  LabState& lab = state.lab;
  const std::vector<double>& points = lab.derived.scorecard_test_points;  // ascending
  if (points.empty()) return;
  heading(tr(S::lab_cutoff_heading));
  if (lab.cutoff < 0) {
    // Start where 70 % are approved: points ≥ the 30th percentile.
    lab.cutoff = points[static_cast<size_t>(0.3 * static_cast<double>(points.size() - 1))];
  }
  float cutoff = static_cast<float>(lab.cutoff);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 520 * state.dpr));
  if (ImGui::SliderFloat("##lab-cutoff", &cutoff, static_cast<float>(points.front()), static_cast<float>(points.back()),
                         "%.1f"))
    lab.cutoff = cutoff;
  record_item_rect(state, "lab.cutoff");
  const overdue::CutoffPoint at = overdue::cutoff_at(run.scorecard_test_points, lab.derived.test_labels, lab.cutoff, false);
  ImGui::TextUnformatted(trf(S::lab_cutoff_result_fmt, fixed_text(lab.cutoff, 1).c_str(),
                             format_count(static_cast<int64_t>(at.approved)).c_str(),
                             format_percent(at.approval_rate, 1).c_str(), format_percent(at.bad_rate_approved, 2).c_str(),
                             format_percent(static_cast<double>(run.data.bad_count()) / std::max<size_t>(1, run.data.rows()), 2)
                                 .c_str())
                             .c_str());
  lab.shown.cutoff = lab.cutoff;
  lab.shown.approved = at.approved;
  lab.shown.approval_rate = at.approval_rate;
  lab.shown.bad_rate_approved = at.bad_rate_approved;

  chart::Curve curve;
  curve.label = tr(S::lab_bad_rate_approved);
  curve.color = IM_COL32(200, 60, 50, 255);
  double top = 0;
  for (const overdue::CutoffPoint& p : lab.derived.cutoff_curve) {
    if (p.approved == 0) continue;
    curve.x.push_back(p.approval_rate);
    curve.y.push_back(p.bad_rate_approved);
    top = std::max(top, p.bad_rate_approved);
  }
  chart::CurveAxes axes;
  axes.x_label = [](double v) { return format_percent(v, 0); };
  axes.y_label = [](double v) { return format_percent(v, 1); };
  axes.x_title = tr(S::lab_approval_rate);
  axes.y_title = tr(S::lab_bad_rate_approved);
  axes.y_max = top > 0 ? top * 1.1 : 1;
  chart::CurveMarker marker;
  marker.shown = true;
  marker.x = at.approval_rate;
  marker.label = fixed_text(lab.cutoff, 0);
  const float w = std::min(ImGui::GetContentRegionAvail().x, 640 * state.dpr);
  chart::curve_chart("##lab-cutoff-curve", {curve}, ImVec2(w, w * 0.5f), axes, marker);
  record_item_rect(state, "lab.cutoff_curve");
}

void draw_bands(AppState& state) {
  LabState& lab = state.lab;
  heading(tr(S::lab_bands_heading));
  overdue::PricingParams& p = lab.bands.pricing;
  bool changed = false;
  const float w = 120 * state.dpr;
  ImGui::SetNextItemWidth(w);
  changed |= ImGui::InputDouble(tr(S::lab_funding_cost), &p.funding_cost, 0.005, 0.01, "%.3f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  changed |= ImGui::InputDouble(tr(S::lab_lgd), &p.lgd, 0.05, 0.1, "%.2f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  changed |= ImGui::InputDouble(tr(S::lab_margin), &p.margin, 0.005, 0.01, "%.3f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  changed |= ImGui::SliderInt(tr(S::lab_band_count), &lab.bands.bands, 3, 20);
  p.funding_cost = std::clamp(p.funding_cost, 0.0, 1.0);
  p.lgd = std::clamp(p.lgd, 0.0, 1.0);
  p.margin = std::clamp(p.margin, 0.0, 1.0);
  if (changed) recompute_lab_bands(lab);
  const auto& rows = lab.band_rows;
  const S headers[] = {S::lab_col_band, S::lab_col_points_range, S::lab_col_accounts, S::lab_col_bads,
                       S::lab_col_bad_rate, S::lab_col_relative_risk, S::lab_col_limit_change,
                       S::lab_col_expected_loss, S::lab_col_rate};
  if (ImGui::BeginTable("##lab-bands", 9, kTableFlags, ImVec2(0, table_height(rows.size(), 20)))) {
    for (S h : headers) ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    for (const overdue::ScoreBand& b : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_count(static_cast<uint64_t>(b.band));
      ImGui::TableNextColumn();
      cell_text(fixed_text(b.lo, 1) + " – " + fixed_text(b.hi, 1));
      ImGui::TableNextColumn();
      cell_count(b.accounts);
      ImGui::TableNextColumn();
      cell_count(b.bads);
      ImGui::TableNextColumn();
      cell_percent(b.bad_rate, 2);
      ImGui::TableNextColumn();
      cell_fixed(b.relative_risk, 2);
      ImGui::TableNextColumn();
      if (b.freeze) cell_text(tr(S::lab_freeze));
      else cell_text((b.limit_change > 0 ? "+" : "") + format_percent(b.limit_change, 0));
      ImGui::TableNextColumn();
      cell_percent(b.expected_loss, 2);
      ImGui::TableNextColumn();
      cell_percent(b.rate, 2);
    }
    ImGui::EndTable();
  }
  note(tr(S::lab_bands_note));
}

void draw_reject_inference(const overdue::ModelLab& run) {
  const overdue::RejectInferenceResult& r = run.reject_inference;
  heading(tr(S::lab_reject_heading));
  if (!r.ok()) {
    note(r.error.c_str());
    return;
  }
  if (r.rows.empty()) return;
  ImGui::TextWrapped("%s", trf(S::lab_reject_setup_fmt, format_percent(run.options.reject_share, 0).c_str(),
                               format_count(static_cast<int64_t>(r.accepted)).c_str(),
                               format_count(static_cast<int64_t>(r.rejected)).c_str(),
                               format_percent(r.bad_rate_accepted, 2).c_str(),
                               format_percent(r.bad_rate_rejected, 2).c_str())
                               .c_str());
  if (ImGui::BeginTable("##lab-reject", 6, kTableFlags & ~ImGuiTableFlags_ScrollY)) {
    ImGui::TableSetupColumn(tr(S::lab_col_method));
    ImGui::TableSetupColumn(tr(S::lab_col_train_rows));
    ImGui::TableSetupColumn(tr(S::lab_col_imputed_bad_rate));
    ImGui::TableSetupColumn(tr(S::lab_col_auc_all));
    ImGui::TableSetupColumn(tr(S::lab_col_approval));
    ImGui::TableSetupColumn(tr(S::lab_col_bad_rate_approved));
    ImGui::TableHeadersRow();
    for (const overdue::RejectInferenceRow& row : r.rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const S name = row.method == "first_model"     ? S::lab_ri_first_model
                     : row.method == "accepted_only" ? S::lab_ri_accepted_only
                     : row.method == "hard_cutoff"   ? S::lab_ri_hard_cutoff
                     : row.method == "fuzzy"         ? S::lab_ri_fuzzy
                                                     : S::lab_ri_all_labels;
      cell_text(tr(name));
      ImGui::TableNextColumn();
      cell_count(row.train_rows);
      ImGui::TableNextColumn();
      if (row.imputed_bad_rate > 0) cell_percent(row.imputed_bad_rate, 1);
      ImGui::TableNextColumn();
      cell_fixed(row.auc, 4);
      ImGui::TableNextColumn();
      cell_percent(row.approval_rate, 1);
      ImGui::TableNextColumn();
      cell_percent(row.bad_rate_approved, 2);
    }
    ImGui::EndTable();
  }
  // What changed, in words: the accepted-only model against the one that saw every label.
  double accepted_only = NAN, all_labels = NAN, fuzzy = NAN;
  for (const auto& row : r.rows) {
    if (row.method == "accepted_only") accepted_only = row.auc;
    if (row.method == "all_labels") all_labels = row.auc;
    if (row.method == "fuzzy") fuzzy = row.auc;
  }
  ImGui::TextWrapped("%s", trf(S::lab_reject_reading_fmt, fixed_text(accepted_only, 3).c_str(),
                               fixed_text(all_labels, 3).c_str(), fixed_text(fuzzy, 3).c_str())
                               .c_str());
}

// Scores another loaded file with the same columns and downloads
// record,points,p_bad,reason_1,reason_2,reason_3 (the same bytes as --score).
void draw_scoring(AppState& state, const overdue::ModelLab& run) {
  heading(tr(S::lab_score_heading));
  note(tr(S::lab_score_hint));
  static int chosen = 0;
  const LoadedFile* target = state.find(chosen);
  ImGui::SetNextItemWidth(260 * state.dpr);
  const bool open = ImGui::BeginCombo("##lab-score-file", target ? target->label().c_str() : tr(S::lab_no_file));
  if (!open) record_item_rect(state, "lab.score_file");
  if (open) {
    int shown = 0;  // the browser tests pick a file by its place in the list
    for (const auto& f : state.files) {
      if (f->status != LoadStatus::done) continue;
      if (ImGui::Selectable(f->label().c_str(), f->id == chosen)) chosen = f->id;
      record_item_rect(state, "lab.score_file." + std::to_string(shown++));
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(target == nullptr);
  if (ImGui::Button((std::string(tr(S::lab_score_download)) + "###lab-score").c_str()) && target != nullptr) {
    std::string error;
    const std::string csv = overdue::scorecard_scores_csv(run.scorecard, target->data, error);
    if (error.empty()) {
      const std::string name = target->name.substr(0, target->name.rfind('.')) + "_scores.csv";
      platform::download_file(name, "text/csv;charset=utf-8", csv);
      show_notice(state, trf(S::export_saved_fmt, name.c_str()));
    } else {
      show_notice(state, trf(S::lab_error_fmt, error.c_str()));
    }
  }
  ImGui::EndDisabled();
  record_item_rect(state, "lab.score");
}

}  // namespace

void draw_decisions(AppState& state, const overdue::ModelLab& run) {
  if (!run.scorecard.ok()) {
    note(tr(S::lab_decisions_need_scorecard));
  } else {
    draw_cutoff(state, run);
    ImGui::Spacing();
    draw_bands(state);
    ImGui::Spacing();
    draw_scoring(state, run);
    ImGui::Spacing();
    draw_deploy(state, run);
  }
  ImGui::Spacing();
  draw_reject_inference(run);
}

}  // namespace app::lab_view
