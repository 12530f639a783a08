// The monitoring overview (issue #3, "The page"): controls, KPI tiles with their formulas as
// tooltips, the aging bar chart, the trend of open / overdue amounts and of overdue customers
// over the replay, and the ledger's reconciliation (rows, rejected rows, assumptions).
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

bool chinese() { return language() == Lang::zh; }

std::string money(int64_t cents) { return format_cents(cents, 2, true); }

void kpi_tile(AppState& state, const char* id, float width, const char* title, const std::string& value,
              const std::string& sub, const char* tip, const ImVec4* value_color = nullptr) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild(id, ImVec2(width, line * 3.9f), ImGuiChildFlags_Borders,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  text_muted(title);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.5f);
  if (value_color) ImGui::PushStyleColor(ImGuiCol_Text, *value_color);
  ImGui::TextUnformatted(value.c_str());
  if (value_color) ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!sub.empty()) text_muted(sub.c_str());
  ImGui::EndChild();
  record_item_rect(state, std::string("kpi.") + (id + 2));
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(tip);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void draw_kpis(AppState& state) {
  const overdue::MonitorResult& r = state.analysis.result();
  const overdue::PortfolioMetrics& m = r.metrics;
  uint64_t overdue_customers = 0;
  for (const auto& c : r.customers) overdue_customers += c.overdue ? 1 : 0;
  const std::string days_window = trf(S::kpi_window_fmt, format_count(r.options.dso_window_days).c_str());
  auto days = [](double v) { return trf(overdue::S::kpi_days_fmt, format_decimal(v, 1).c_str()); };

  constexpr int kTiles = 11;   // issue #20: + expected in 30 days, in dispute, over credit limit
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  // As many tiles per row as fit at ≥ 180 CSS px each.
  const int per_row = std::clamp(static_cast<int>((avail + spacing) / (180.0f * state.dpr + spacing)), 1, kTiles);
  const float width = (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  int n = 0;
  auto next = [&]() {
    if (n++ % per_row != 0) ImGui::SameLine();
  };
  next();
  kpi_tile(state, "##open", width, tr(overdue::S::kpi_open), money(r.open_cents),
           trf(S::kpi_invoices_open_fmt, format_count(static_cast<int64_t>(r.invoices_open)).c_str()), tr(S::tip_open));
  next();
  kpi_tile(state, "##overdue", width, tr(overdue::S::kpi_overdue), money(r.overdue_cents),
           trf(S::kpi_overdue_ratio_fmt, format_percent(m.overdue_ratio, 1).c_str()), tr(S::tip_overdue),
           r.overdue_cents > 0 ? &palette().error : nullptr);
  next();
  kpi_tile(state, "##overdue_customers", width, tr(overdue::S::kpi_overdue_customers),
           format_count(static_cast<int64_t>(overdue_customers)),
           trf(S::kpi_customers_of_fmt, format_count(static_cast<int64_t>(r.customers.size())).c_str()),
           tr(S::tip_overdue_customers));
  next();
  kpi_tile(state, "##dso", width, tr(overdue::S::kpi_dso), days(m.dso), days_window, tr(S::tip_dso));
  next();
  kpi_tile(state, "##bpdso", width, tr(overdue::S::kpi_bpdso), days(m.bpdso), days_window, tr(S::tip_bpdso));
  next();
  kpi_tile(state, "##add", width, tr(overdue::S::kpi_add), days(m.add), days_window, tr(S::tip_add));
  next();
  kpi_tile(state, "##cei", width, tr(overdue::S::kpi_cei), format_decimal(m.cei, 1) + "%", days_window, tr(S::tip_cei));
  next();
  kpi_tile(state, "##top_n", width, trf(overdue::S::kpi_top_n_fmt, format_count(r.options.top_n).c_str()).c_str(),
           format_percent(m.top_n_share, 1), std::string(), tr(S::tip_top_n));
  // issue #20 §2: disputed invoices stay in the totals above; their amount is shown apart.
  next();
  kpi_tile(state, "##in_dispute", width, tr(overdue::S::kpi_in_dispute), money(r.disputed_cents),
           trf(S::kpi_in_dispute_tile_fmt, format_count(static_cast<int64_t>(r.disputed_invoices)).c_str(),
               money(r.disputed_overdue_cents).c_str()),
           tr(S::tip_in_dispute), r.disputed_cents > 0 ? &palette().warning : nullptr);
  // issue #20 §4: customers over their credit limit (the list is draw_credit_watch's).
  const overdue::CreditWatch& credit = state.analysis.credit_watch();
  next();
  kpi_tile(state, "##over_limit", width, tr(overdue::S::kpi_over_limit),
           credit.with_limit == 0 ? std::string("—") : format_count(static_cast<int64_t>(credit.over)),
           credit.with_limit == 0 ? std::string(tr(S::credit_no_limits_short))
                                  : trf(overdue::S::kpi_over_limit_sub_fmt, format_count(static_cast<int64_t>(credit.over)).c_str(),
                                        format_count(static_cast<int64_t>(credit.warning)).c_str()),
           tr(S::tip_over_limit), credit.over > 0 ? &palette().error : nullptr);
  // issue #20 §1: the cash expected in the next 30 days, with its range.
  const overdue::CashRange& next_30 = state.analysis.analysis().forecast.next_30_days;
  next();
  kpi_tile(state, "##expected_30d", width, tr(S::kpi_expected_30d), money(next_30.expected_cents),
           // The range in short amounts ("¥9.1K – ¥579K"): at full precision it is wider than the tile.
           trf(S::kpi_range_fmt, format_money_axis(next_30.low_cents / 100.0, chinese()).c_str(),
               format_money_axis(next_30.high_cents / 100.0, chinese()).c_str()),
           tr(S::tip_expected_30d));
}

// Green for not due, then amber → red as the buckets get older.
ImU32 bucket_color(size_t index, size_t count) {
  if (index == 0) return ImGui::ColorConvertFloat4ToU32(palette().success);
  const float t = count > 2 ? static_cast<float>(index - 1) / static_cast<float>(count - 2) : 1.0f;
  const ImVec4 amber(0.96f, 0.62f, 0.04f, 1.0f), red(0.73f, 0.11f, 0.11f, 1.0f);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(amber.x + (red.x - amber.x) * t, amber.y + (red.y - amber.y) * t,
                                               amber.z + (red.z - amber.z) * t, 1.0f));
}

void draw_aging_chart(AppState& state, float height) {
  const overdue::MonitorResult& r = state.analysis.result();
  heading(tr(overdue::S::chart_aging));
  std::vector<chart::Bar> bars;
  for (size_t i = 0; i < r.aging.size(); ++i) {
    const overdue::AgingBucket& b = r.aging[i];
    chart::Bar bar;
    bar.label = b.label == "not_due" ? tr(overdue::S::bucket_not_due) : b.label;
    bar.value = static_cast<double>(b.open_cents) / 100.0;
    bar.color = bucket_color(i, r.aging.size());
    bar.value_label = format_money_axis(bar.value, chinese());
    const double share = r.open_cents > 0 ? static_cast<double>(b.open_cents) / static_cast<double>(r.open_cents) : 0;
    bar.tooltip = {b.label == "not_due" ? std::string(tr(overdue::S::bucket_not_due)) : trf(overdue::S::bucket_days_fmt, b.label.c_str()),
                   money(b.open_cents), trf(S::share_fmt, format_percent(share, 1).c_str()),
                   trf(S::invoices_fmt, format_count(static_cast<int64_t>(b.invoices)).c_str())};
    bars.push_back(std::move(bar));
  }
  chart::bar_chart("##aging_chart", bars, ImVec2(-1, height), [](double v) { return format_money_axis(v, chinese()); });
  record_item_rect(state, "chart.aging");
}

std::vector<chart::XTick> date_ticks(const std::vector<double>& xs, int count) {
  std::vector<chart::XTick> ticks;
  if (xs.empty()) return ticks;
  const size_t n = xs.size();
  for (int k = 0; k < count; ++k) {
    const size_t i = count > 1 ? (n - 1) * static_cast<size_t>(k) / static_cast<size_t>(count - 1) : 0;
    if (!ticks.empty() && ticks.back().x == xs[i]) continue;
    ticks.push_back({xs[i], format_iso_date(static_cast<int32_t>(xs[i]))});
  }
  return ticks;
}

void draw_trend_charts(AppState& state, float height) {
  const overdue::MonitorResult& r = state.analysis.result();
  const auto& trend = r.trend;
  heading(tr(overdue::S::chart_trend));
  if (trend.size() < 2) {
    text_muted(tr(overdue::S::chart_no_trend));
    return;
  }
  std::vector<double> xs;
  chart::Series open{tr(overdue::S::series_open), {}, ImGui::ColorConvertFloat4ToU32(palette().accent)};
  chart::Series overdue{tr(overdue::S::series_overdue), {}, ImGui::ColorConvertFloat4ToU32(palette().error)};
  chart::Series customers{tr(overdue::S::series_overdue_customers), {}, ImGui::ColorConvertFloat4ToU32(palette().warning)};
  for (const auto& p : trend) {
    xs.push_back(p.date);
    open.y.push_back(static_cast<double>(p.open_cents) / 100.0);
    overdue.y.push_back(static_cast<double>(p.overdue_cents) / 100.0);
    customers.y.push_back(p.overdue_customers);
  }
  chart::legend({{open.label, open.color}, {overdue.label, overdue.color}});
  const float width = ImGui::GetContentRegionAvail().x;
  const int tick_count = std::max(2, static_cast<int>(width / (ImGui::CalcTextSize("0000-00-00").x * 1.8f)));
  const auto ticks = date_ticks(xs, tick_count);
  auto title = [&](size_t i) { return format_iso_date(trend[i].date); };
  chart::line_chart(
      "##trend_chart", xs, {open, overdue}, ImVec2(-1, height), [](double v) { return format_money_axis(v, chinese()); },
      ticks, title,
      [&](size_t series, size_t i) { return money(series == 0 ? trend[i].open_cents : trend[i].overdue_cents); });
  record_item_rect(state, "chart.trend");

  ImGui::Spacing();
  heading(tr(S::chart_trend_customers));
  chart::line_chart(
      "##trend_customers_chart", xs, {customers}, ImVec2(-1, height * 0.55f),
      [](double v) { return format_decimal(v, std::fabs(v - std::round(v)) > 1e-9 ? 1 : 0); }, ticks, title,
      [&](size_t, size_t i) { return format_count(trend[i].overdue_customers); });
  record_item_rect(state, "chart.trend_customers");
}

}  // namespace

void draw_dashboard(AppState& state) {
  if (!begin_analysis_view(state)) {
    draw_ledger_summary(state);
    return;
  }
  draw_kpis(state);
  ImGui::Spacing();

  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float chart_h = std::clamp(avail_h * 0.5f, 220.0f * state.dpr, 420.0f * state.dpr);
  // Narrower than two charts of ≥ 340 CSS px each (a phone, a tablet upright): one under the other.
  if (ImGui::GetContentRegionAvail().x < 700.0f * state.dpr) {
    draw_aging_chart(state, chart_h);
    ImGui::Spacing();
    draw_forecast_chart(state, chart_h * 0.55f);
    ImGui::Spacing();
    draw_trend_charts(state, chart_h);
  } else if (ImGui::BeginTable("##charts", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) {
    ImGui::TableSetupColumn("aging", ImGuiTableColumnFlags_WidthStretch, 0.42f);
    ImGui::TableSetupColumn("trend", ImGuiTableColumnFlags_WidthStretch, 0.58f);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    draw_aging_chart(state, chart_h);
    ImGui::Spacing();
    draw_forecast_chart(state, chart_h * 0.55f);
    ImGui::TableSetColumnIndex(1);
    draw_trend_charts(state, chart_h);
    ImGui::EndTable();
  }
  ImGui::Spacing();
  draw_credit_watch(state);   // issue #20 §4 (panel_credit_watch.cpp)
  draw_ledger_summary(state);
}

}  // namespace app
