// The types view (issue #4, "The page"): counts and amounts per overdue type with a bar chart, the
// bad-debt allowance with a method switch (DPD bucket / 账龄分析法) and its per-band table with
// editable rates, and the risk matrix (ability × impact) where hovering a point shows the customer
// and clicking it opens the card. Edits change Analysis::settings; only the classification reruns.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "classify_text.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

std::string money(int64_t cents) { return format_cents(cents, 2, true); }
bool chinese() { return language() == Lang::zh; }

void draw_type_totals(AppState& state, float chart_h) {
  const overdue::OverdueAnalysis& o = state.analysis.overdue();
  heading(tr(overdue::S::types_heading));
  uint32_t customers = 0;
  int64_t total = 0;
  for (const auto& t : o.by_type) {
    customers += t.customers;
    total += t.overdue_cents;
  }
  text_muted(trf(S::types_total_fmt, format_count(customers).c_str(), money(total).c_str()).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  const float em = ImGui::GetFontSize();
  if (ImGui::BeginTable("##type_totals", 4, flags)) {
    ImGui::TableSetupColumn(tr(overdue::S::col_type), 0, em * 8.0f);
    ImGui::TableSetupColumn(tr(overdue::S::col_customers), 0, em * 5.0f);
    ImGui::TableSetupColumn(tr(overdue::S::col_overdue), 0, em * 9.0f);
    ImGui::TableSetupColumn("%", 0, em * 4.0f);
    ImGui::TableHeadersRow();
    for (int t = 2; t >= 0; --t) {  // precedence order: stubborn first
      const auto& tt = o.by_type[t];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      type_badge(static_cast<overdue::OverdueType>(t), false);
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(format_count(tt.customers).c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(money(tt.overdue_cents).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(format_percent(total > 0 ? static_cast<double>(tt.overdue_cents) / total : 0, 1).c_str());
    }
    ImGui::EndTable();
  }
  record_item_rect(state, "types.table");
  std::vector<chart::Bar> bars;
  for (int t = 2; t >= 0; --t) {
    const auto& tt = o.by_type[t];
    const auto type = static_cast<overdue::OverdueType>(t);
    bars.push_back({type_label(type), static_cast<double>(tt.overdue_cents) / 100.0,
                    ImGui::ColorConvertFloat4ToU32(type_color(type)), format_money_axis(tt.overdue_cents / 100.0, chinese()),
                    {type_long_label(type), trf(S::customers_count_fmt, format_count(tt.customers).c_str()),
                     money(tt.overdue_cents)}});
  }
  ImGui::TextUnformatted(tr(S::chart_types_amount));
  chart::bar_chart("##types_chart", bars, ImVec2(-1, chart_h), [](double v) { return format_money_axis(v, chinese()); });
  record_item_rect(state, "types.chart");
}

std::string band_label(const std::string& label, overdue::AllowanceMethod m) {
  if (m == overdue::AllowanceMethod::invoice_age_years) {
    if (label == "<1y") return tr(overdue::S::band_age_lt1);
    if (label == "1-2y") return tr(overdue::S::band_age_1_2);
    if (label == "2-3y") return tr(overdue::S::band_age_2_3);
    if (label == ">=3y") return tr(overdue::S::band_age_ge3);
    return label;
  }
  if (label == "not_due") return tr(overdue::S::bucket_not_due);
  return trf(overdue::S::band_dpd_fmt, label.c_str());
}

void draw_allowance(AppState& state) {
  Analysis& a = state.analysis;
  const overdue::AllowanceResult& r = a.overdue().allowance;
  heading(tr(overdue::S::allowance_heading));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(overdue::S::allowance_method));
  ImGui::SameLine();
  overdue::AllowanceSettings& s = a.settings.allowance;
  int method = static_cast<int>(s.method);
  bool changed = ImGui::RadioButton(tr(overdue::S::method_dpd_bucket), &method, 0);
  record_item_rect(state, "allowance.method.dpd_bucket");
  ImGui::SameLine();
  changed |= ImGui::RadioButton(tr(overdue::S::method_invoice_age), &method, 1);
  record_item_rect(state, "allowance.method.invoice_age_years");
  if (changed) {
    s.method = static_cast<overdue::AllowanceMethod>(method);
    a.settings_edited();
  }
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
  ImGui::TextUnformatted(trf(S::allowance_total_fmt, money(r.total_cents).c_str(), money(a.result().open_cents).c_str()).c_str());
  ImGui::PopFont();
  record_item_rect(state, "allowance.total");
  // Rates edit the method being shown (the one the result was computed with).
  std::vector<overdue::AllowanceBand>& bands =
      r.method == overdue::AllowanceMethod::dpd_bucket ? s.dpd_bands : s.age_bands;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  // Stretched to the column's width (the types view is half the window): money columns get most.
  const ImGuiTableFlags band_flags = (flags & ~ImGuiTableFlags_SizingFixedFit) | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##allowance_bands", 5, band_flags)) {
    ImGui::TableSetupColumn(tr(overdue::S::col_band), 0, 1.5f);
    ImGui::TableSetupColumn(tr(overdue::S::col_rate_pct), 0, 1.0f);
    ImGui::TableSetupColumn(tr(overdue::S::col_invoices), 0, 0.8f);
    ImGui::TableSetupColumn(tr(overdue::S::col_open_amount), 0, 1.6f);
    ImGui::TableSetupColumn(tr(overdue::S::col_allowance), 0, 1.6f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < r.by_band.size(); ++i) {
      const overdue::AllowanceBandTotal& b = r.by_band[i];
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(band_label(b.label, r.method).c_str());
      ImGui::TableSetColumnIndex(1);
      if (i < bands.size()) {
        float pct = static_cast<float>(bands[i].rate_bp) / 100.0f;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputFloat("##rate", &pct, 0, 0, "%.2f", ImGuiInputTextFlags_EnterReturnsTrue)) {
          bands[i].rate_bp = static_cast<int>(std::lround(std::clamp(pct, 0.0f, 100.0f) * 100.0f));
          a.settings_edited();
        }
        record_item_rect(state, "allowance.rate." + std::to_string(i));
      }
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(format_count(static_cast<int64_t>(b.invoices)).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(money(b.open_cents).c_str());
      ImGui::TableSetColumnIndex(4);
      text_right_aligned(money(b.allowance_cents).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  text_muted(tr(S::allowance_examples));
}

void draw_risk_matrix(AppState& state, float height) {
  Analysis& a = state.analysis;
  const overdue::OverdueAnalysis& o = a.overdue();
  const overdue::ScoreSettings& ss = a.applied_settings().scores;
  heading(tr(S::matrix_heading));
  text_muted(tr(S::matrix_hint));
  // Temporary first, stubborn last: the customers to act on are drawn on top.
  std::vector<size_t> order;
  for (int t = 0; t < 3; ++t)
    for (size_t i = 0; i < o.customers.size(); ++i)
      if (static_cast<int>(o.customers[i].classification.type) == t) order.push_back(i);
  std::vector<chart::ScatterPoint> points;
  points.reserve(order.size());
  for (size_t i : order) {
    const auto& c = o.customers[i];
    ImVec4 col = type_color(c.classification.type);
    col.w = 0.85f;
    points.push_back({c.ability.value, c.impact.value, ImGui::ColorConvertFloat4ToU32(col)});
  }
  chart::ScatterSplit split;
  split.x = ss.high_ability;
  split.y = ss.high_impact;
  split.top_left = quadrant_label(overdue::RiskQuadrant::act_now);
  split.top_right = quadrant_label(overdue::RiskQuadrant::negotiate);
  split.bottom_left = quadrant_label(overdue::RiskQuadrant::monitor_closely);
  split.bottom_right = quadrant_label(overdue::RiskQuadrant::routine);
  chart::legend({{type_label(overdue::OverdueType::temporary), ImGui::ColorConvertFloat4ToU32(type_color(overdue::OverdueType::temporary))},
                 {type_label(overdue::OverdueType::structural), ImGui::ColorConvertFloat4ToU32(type_color(overdue::OverdueType::structural))},
                 {type_label(overdue::OverdueType::stubborn), ImGui::ColorConvertFloat4ToU32(type_color(overdue::OverdueType::stubborn))}});
  const chart::ScatterResult res = chart::scatter_chart("##risk_matrix", points, ImVec2(-1, height), 0, 100, 0, 100, split,
                                                        tr(S::axis_ability), tr(S::axis_impact));
  // The plot area (CSS px) for the test: a point's position follows from its two scores.
  const float s = state.dpr > 0 ? state.dpr : 1.0f;
  state.widget_rects["matrix.area"] = {res.plot.area.Min.x / s, res.plot.area.Min.y / s, res.plot.area.GetWidth() / s,
                                       res.plot.area.GetHeight() / s};
  if (res.hovered >= 0) {
    const overdue::ClassifiedCustomer& c = o.customers[order[res.hovered]];
    const overdue::Customer& info = a.ledger().customers[c.customer];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(info.name.c_str());
    text_muted(info.id.c_str());
    type_badge(c.classification.type, c.classification.low_confidence, true);
    ImGui::TextUnformatted(trf(S::matrix_tip_scores_fmt, format_decimal(c.ability.value, 1).c_str(),
                               format_decimal(c.impact.value, 1).c_str()).c_str());
    ImGui::TextUnformatted(trf(S::matrix_tip_overdue_fmt, money(c.overdue_cents).c_str(), format_count(c.priority).c_str()).c_str());
    ImGui::TextUnformatted(quadrant_label(c.quadrant));
    ImGui::EndTooltip();
    state.matrix_hovered = info.id;
  } else {
    state.matrix_hovered.clear();
  }
  if (res.clicked >= 0) open_customer_card(state, o.customers[order[res.clicked]].customer);
}

}  // namespace

void draw_types_view(AppState& state) {
  if (!begin_analysis_view(state)) return;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float em = ImGui::GetFontSize();
  // Two columns when wide enough: totals + allowance on the left, the matrix on the right.
  if (avail > em * 56.0f && ImGui::BeginTable("##types_layout", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    draw_type_totals(state, em * 11.0f);
    ImGui::Spacing();
    draw_allowance(state);
    ImGui::TableSetColumnIndex(1);
    draw_risk_matrix(state, std::clamp(ImGui::GetContentRegionAvail().y - em * 5.5f, em * 20.0f, em * 40.0f));
    ImGui::EndTable();
  } else {
    draw_type_totals(state, em * 10.0f);
    ImGui::Spacing();
    draw_risk_matrix(state, em * 24.0f);
    ImGui::Spacing();
    draw_allowance(state);
  }
}

}  // namespace app
