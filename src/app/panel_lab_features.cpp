// The lab's features view: IV per feature as bars (coloured by the usual strength labels), the
// feature table where the user forces features in or out (then refits), the WoE bins of the
// feature clicked, the correlation heat map with the pairs above the threshold, and the PCA scree.
#include <algorithm>
#include <numeric>

#include "chart.hpp"
#include "format.hpp"
#include "overdue/model/binning_table.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app::lab_view {
namespace {

ImU32 strength_color(const std::string& strength) {
  if (strength == "useless") return IM_COL32(160, 160, 160, 255);
  if (strength == "weak") return IM_COL32(120, 170, 220, 255);
  if (strength == "medium") return IM_COL32(60, 130, 200, 255);
  if (strength == "strong") return IM_COL32(30, 90, 170, 255);
  return IM_COL32(200, 110, 40, 255);  // suspicious: too good to be true, check for leakage
}

const char* strength_label(const std::string& strength) {
  if (strength == "useless") return tr(S::lab_iv_useless);
  if (strength == "weak") return tr(S::lab_iv_weak);
  if (strength == "medium") return tr(S::lab_iv_medium);
  if (strength == "strong") return tr(S::lab_iv_strong);
  return tr(S::lab_iv_suspicious);
}

bool is_selected(const overdue::ModelLab& run, const std::string& name) {
  return std::find(run.selection.selected.begin(), run.selection.selected.end(), name) != run.selection.selected.end();
}

std::string dropped_reason(const overdue::ModelLab& run, const std::string& name) {
  for (const auto& d : run.selection.dropped)
    if (d.name == name) return d.reason;
  return "";
}

// Feature indices by IV, highest first.
std::vector<size_t> by_iv(const overdue::ModelLab& run) {
  std::vector<size_t> order(run.binnings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return run.binnings[a].iv > run.binnings[b].iv; });
  return order;
}

void toggle(std::vector<std::string>& list, const std::string& name, bool on) {
  list.erase(std::remove(list.begin(), list.end(), name), list.end());
  if (on) list.push_back(name);
}

void draw_iv_chart(AppState& state, const overdue::ModelLab& run, const std::vector<size_t>& order) {
  heading(tr(S::lab_iv_heading));
  std::vector<chart::Bar> bars;
  for (size_t i : order) {
    const overdue::FeatureBinning& b = run.binnings[i];
    chart::Bar bar;
    bar.label = b.name;
    bar.value = b.iv;
    bar.color = strength_color(b.strength);
    bar.value_label = fixed_text(b.iv, 3) + "  " + strength_label(b.strength) + (is_selected(run, b.name) ? "  ✓" : "");
    bar.tooltip = {b.name, trf(S::lab_iv_tooltip_fmt, fixed_text(b.iv, 4).c_str(), strength_label(b.strength),
                               fixed_text(b.info_gain, 4).c_str(), static_cast<int>(b.bins.size()))};
    if (const std::string r = dropped_reason(run, b.name); !r.empty()) bar.tooltip.push_back(r);
    bars.push_back(std::move(bar));
  }
  int clicked = -1;
  chart::hbar_chart("##lab-iv", bars, ImVec2(-1, 0), &clicked);
  record_item_rect(state, "lab.iv_chart");
  if (clicked >= 0) state.lab.feature = static_cast<int>(order[static_cast<size_t>(clicked)]);
  note(tr(S::lab_iv_legend));
}

void draw_feature_table(AppState& state, const overdue::ModelLab& run, const std::vector<size_t>& order) {
  LabState& lab = state.lab;
  heading(tr(S::lab_selection_heading));
  note(tr(S::lab_selection_hint));
  if (ImGui::BeginTable("##lab-features", 6, kTableFlags, ImVec2(0, table_height(order.size(), 12)))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(S::lab_col_feature));
    ImGui::TableSetupColumn(tr(S::lab_col_iv));
    ImGui::TableSetupColumn(tr(S::lab_col_strength));
    ImGui::TableSetupColumn(tr(S::lab_col_info_gain));
    ImGui::TableSetupColumn(tr(S::lab_col_in_scorecard));
    ImGui::TableSetupColumn(tr(S::lab_col_reason), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    auto& sel = lab.options.selection;
    for (size_t i : order) {
      const overdue::FeatureBinning& b = run.binnings[i];
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextColumn();
      if (ImGui::Selectable(b.name.c_str(), lab.feature == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns |
                                                                                   ImGuiSelectableFlags_AllowOverlap))
        lab.feature = static_cast<int>(i);
      record_item_rect(state, "lab.feature." + b.name);
      ImGui::TableNextColumn();
      cell_fixed(b.iv, 4);
      ImGui::TableNextColumn();
      cell_text(strength_label(b.strength));
      ImGui::TableNextColumn();
      cell_fixed(b.info_gain, 4);
      ImGui::TableNextColumn();
      const bool forced_in = std::count(sel.force_in.begin(), sel.force_in.end(), b.name) > 0;
      const bool forced_out = std::count(sel.force_out.begin(), sel.force_out.end(), b.name) > 0;
      bool on = forced_in || (!forced_out && is_selected(run, b.name));
      if (ImGui::Checkbox("##in", &on)) {
        toggle(sel.force_in, b.name, on);
        toggle(sel.force_out, b.name, !on);
      }
      if (forced_in || forced_out) {
        ImGui::SameLine();
        note(tr(S::lab_forced));
      }
      ImGui::TableNextColumn();
      cell_text(dropped_reason(run, b.name));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const bool changed = lab.options.selection.force_in != run.options.selection.force_in ||
                       lab.options.selection.force_out != run.options.selection.force_out;
  ImGui::BeginDisabled(!changed || lab.running);
  if (ImGui::Button((std::string(tr(S::lab_refit)) + "###lab-refit").c_str())) request_lab_run(lab);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::lab_reset_selection)) + "###lab-reset-sel").c_str())) {
    lab.options.selection.force_in.clear();
    lab.options.selection.force_out.clear();
  }
}

// The bins of one feature with the hand edits: merge a bin with the next, split a range bin at a
// point; each edit reruns the lab with every edit so far replayed on the automatic bins.
void draw_bins(AppState& state, const overdue::ModelLab& run) {
  LabState& lab = state.lab;
  const size_t f = static_cast<size_t>(std::clamp(lab.feature, 0, static_cast<int>(run.binnings.size()) - 1));
  const overdue::FeatureBinning& b = run.binnings[f];
  heading(trf(S::lab_bins_heading_fmt, b.name.c_str()).c_str());
  draw_bin_options(state, run, f);  // issue #21 §1: trend, special values
  static double split_at = 0;
  ImGui::SetNextItemWidth(140 * state.dpr);
  ImGui::InputDouble(tr(S::lab_split_point), &split_at, 0, 0, "%.6g");
  note(tr(S::lab_bin_edit_hint));
  overdue::BinEdit edit;
  bool edited = false;
  const overdue::BinningTable table = overdue::binning_table(b);  // JS and the p-values (issue #21 §1)
  if (!ImGui::BeginTable("##lab-bins", 10, kTableFlags, ImVec2(0, table_height(b.bins.size(), 14)))) return;
  const S headers[] = {S::lab_col_bin, S::lab_col_goods, S::lab_col_bads, S::lab_col_share, S::lab_col_bad_rate,
                       S::lab_col_woe, S::lab_col_iv, S::lab_col_js, S::lab_col_p_next, S::lab_col_edit};
  int flagged = 0;
  for (S h : headers) ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  for (size_t k = 0; k < b.bins.size(); ++k) {
    const overdue::WoeBin& bin = b.bins[k];
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(k));
    ImGui::TableNextColumn();
    cell_text(bin.label);
    ImGui::TableNextColumn();
    cell_count(bin.good);
    ImGui::TableNextColumn();
    cell_count(bin.bad);
    ImGui::TableNextColumn();
    cell_percent(bin.share, 1);
    ImGui::TableNextColumn();
    cell_percent(bin.bad_rate, 2);
    ImGui::TableNextColumn();
    cell_fixed(bin.woe, 3);
    ImGui::TableNextColumn();
    cell_fixed(bin.iv, 4);
    const overdue::BinningTableRow& row = table.rows[k];
    ImGui::TableNextColumn();
    cell_fixed(row.js, 4);
    ImGui::TableNextColumn();
    if (row.p_value_next >= 0) {
      const std::string p = row.p_value_next < 1e-4 ? "<0.0001" : fixed_text(row.p_value_next, 4);
      if (row.merge_suggested) text_colored_wrapped(palette().warning, p.c_str());
      else cell_text(p);
    }
    ImGui::TableNextColumn();
    if (row.merge_suggested) {  // one click: the merge as a bin edit, then the lab reruns
      ImGui::BeginDisabled(lab.running);
      ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
      if (ImGui::SmallButton(tr(S::lab_merge_flagged))) {
        edit = {b.name, overdue::BinEdit::Op::merge, k, 0};
        edited = true;
      }
      ImGui::PopStyleColor();
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", trf(S::lab_merge_flagged_tip_fmt, fixed_text(row.p_value_next, 4).c_str()).c_str());
      if (flagged++ == 0) record_item_rect(state, "lab.bin_flag_merge");
      ImGui::SameLine();
    }
    const bool next_same_kind = k + 1 < b.bins.size() && b.bins[k + 1].kind == bin.kind &&
                                bin.kind != overdue::WoeBin::Kind::missing &&
                                bin.kind != overdue::WoeBin::Kind::special;  // one code per special bin
    ImGui::BeginDisabled(!next_same_kind || lab.running);
    if (ImGui::SmallButton(tr(S::lab_merge_next))) {
      edit = {b.name, overdue::BinEdit::Op::merge, k, 0};
      edited = true;
    }
    ImGui::EndDisabled();
    if (k == 0) record_item_rect(state, "lab.bin_merge.0");
    if (bin.kind == overdue::WoeBin::Kind::range) {
      ImGui::SameLine();
      ImGui::BeginDisabled(!(split_at > bin.lower && split_at < bin.upper) || lab.running);
      if (ImGui::SmallButton(tr(S::lab_split_here))) {
        edit = {b.name, overdue::BinEdit::Op::split, k, split_at};
        edited = true;
      }
      ImGui::EndDisabled();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (flagged > 0) text_colored_wrapped(palette().warning, trf(S::lab_bins_flagged_fmt, flagged).c_str());
  draw_bins_download(state, run);
  draw_event_rate_chart(state, b);
  note(tr(S::lab_woe_note));
  if (edited) {
    lab.options.bin_edits.push_back(edit);
    request_lab_run(lab);
  }
  if (!lab.options.bin_edits.empty()) {
    std::string list;
    for (const overdue::BinEdit& e : lab.options.bin_edits) {
      const std::string one =
          e.op == overdue::BinEdit::Op::merge
              ? trf(S::lab_bin_edit_merge_fmt, e.feature.c_str(), static_cast<int>(e.bin + 1), static_cast<int>(e.bin + 2))
              : trf(S::lab_bin_edit_split_fmt, e.feature.c_str(), static_cast<int>(e.bin + 1), fixed_text(e.at, 4).c_str());
      list += (list.empty() ? "" : "; ") + one;
    }
    note(trf(S::lab_bin_edits_fmt, list.c_str()).c_str());
    if (!run.bin_edits_skipped.empty())
      text_colored_wrapped(palette().warning, trf(S::lab_bin_edits_skipped_fmt, run.bin_edits_skipped.c_str()).c_str());
    if (ImGui::SmallButton((std::string(tr(S::lab_bin_edits_clear)) + "###lab-bins-clear").c_str()) && !lab.running) {
      lab.options.bin_edits.clear();
      request_lab_run(lab);
    }
  }
}

void draw_correlation(AppState& state, const overdue::ModelLab& run) {
  heading(tr(S::lab_correlation_heading));
  const float side = std::min(ImGui::GetContentRegionAvail().x, 620 * state.dpr);
  chart::heatmap_chart("##lab-corr", run.correlation.names, run.correlation.r, side);
  record_item_rect(state, "lab.heatmap");
  if (run.correlation.high.empty()) {
    note(trf(S::lab_no_high_pairs_fmt, fixed_text(run.options.selection.max_correlation, 2).c_str()).c_str());
    return;
  }
  note(trf(S::lab_high_pairs_fmt, fixed_text(run.options.selection.max_correlation, 2).c_str()).c_str());
  for (size_t k = 0; k < run.correlation.high.size() && k < 12; ++k) {
    const overdue::CorrelationPair& p = run.correlation.high[k];
    ImGui::BulletText("%s — %s: r = %.3f", run.correlation.names[p.a].c_str(), run.correlation.names[p.b].c_str(), p.r);
  }
}

void draw_pca(AppState& state, const overdue::ModelLab& run) {
  heading(tr(S::lab_pca_heading));
  if (!run.pca.ok()) {
    note(run.pca.error.c_str());
    return;
  }
  std::vector<chart::Bar> bars;
  for (size_t k = 0; k < run.pca.explained_variance_ratio.size(); ++k) {
    chart::Bar bar;
    bar.label = "PC" + std::to_string(k + 1);
    bar.value = run.pca.explained_variance_ratio[k];
    bar.color = ImGui::ColorConvertFloat4ToU32(palette().accent);
    bar.value_label = format_percent(bar.value, 0);
    bar.tooltip = {bar.label, trf(S::lab_pca_tooltip_fmt, format_percent(bar.value, 2).c_str(),
                                  format_percent(run.pca.cumulative_ratio[k], 1).c_str())};
    bars.push_back(std::move(bar));
  }
  chart::bar_chart("##lab-scree", bars, ImVec2(-1, 220 * state.dpr),
                   [](double v) { return format_percent(v, 0); });
  record_item_rect(state, "lab.scree");
  // Components needed for 80 % and 90 % of the variance: the usual reading of a scree plot.
  size_t k80 = 0, k90 = 0;
  for (size_t k = 0; k < run.pca.cumulative_ratio.size(); ++k) {
    if (k80 == 0 && run.pca.cumulative_ratio[k] >= 0.8) k80 = k + 1;
    if (k90 == 0 && run.pca.cumulative_ratio[k] >= 0.9) k90 = k + 1;
  }
  note(trf(S::lab_pca_reading_fmt, static_cast<int>(k80), static_cast<int>(k90),
                 static_cast<int>(run.pca.names.size())).c_str());
}

}  // namespace

void draw_features(AppState& state, const overdue::ModelLab& run) {
  if (run.binnings.empty()) {
    note(tr(S::lab_no_features));
    return;
  }
  const std::vector<size_t> order = by_iv(run);
  draw_iv_chart(state, run, order);
  ImGui::Spacing();
  draw_feature_table(state, run, order);
  ImGui::Spacing();
  draw_bins(state, run);
  ImGui::Spacing();
  draw_correlation(state, run);
  ImGui::Spacing();
  draw_pca(state, run);
}

}  // namespace app::lab_view
