// The cash-in forecast on the dashboard (issue #20 §1): the expected cash per week for 13 weeks as
// bars under the aging chart (each bar's tooltip with its low–high range) and, under it, how
// accurate the forecast has been on this data — the backtest the core ran at past month ends.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {

void draw_forecast_chart(AppState& state, float height) {
  const overdue::CashForecast& f = state.analysis.analysis().forecast;
  const bool zh = language() == Lang::zh;
  heading(tr(overdue::S::forecast_heading));
  if (f.weeks.empty()) return;
  // 13 bars in a narrow column: label every `step`-th week, and show a bar's amount only when it
  // fits its width (the tooltip always has both), so labels never run into each other.
  const float per_bar = ImGui::GetContentRegionAvail().x * 0.85f / static_cast<float>(f.weeks.size());
  const float date_width = ImGui::CalcTextSize("00-00").x * 1.4f;
  const size_t step = per_bar <= 0.0f ? 1 : std::max<size_t>(1, static_cast<size_t>(std::ceil(date_width / per_bar)));
  std::vector<chart::Bar> bars;
  for (size_t k = 0; k < f.weeks.size(); ++k) {
    const overdue::ForecastWeek& w = f.weeks[k];
    chart::Bar bar;
    if (k % step == 0) bar.label = format_iso_date(w.from).substr(5);
    bar.value = static_cast<double>(w.cash.expected_cents) / 100.0;
    bar.color = ImGui::ColorConvertFloat4ToU32(palette().accent);
    bar.value_label = format_money_axis(bar.value, zh);
    if (ImGui::CalcTextSize(bar.value_label.c_str()).x > per_bar * 0.9f) bar.value_label.clear();
    bar.tooltip = {trf(S::chart_forecast_week_fmt, std::to_string(k + 1).c_str(), format_iso_date(w.from).c_str(),
                       format_iso_date(w.to).c_str()),
                   format_cents(w.cash.expected_cents, 2, true),
                   trf(S::kpi_range_fmt, format_cents(w.cash.low_cents, 2, true).c_str(),
                       format_cents(w.cash.high_cents, 2, true).c_str())};
    bars.push_back(std::move(bar));
  }
  chart::bar_chart("##forecast_chart", bars, ImVec2(-1, height), [zh](double v) { return format_money_axis(v, zh); });
  record_item_rect(state, "chart.forecast");
  // How accurate it has been on this data (the backtest), or why there is no such figure.
  const overdue::ForecastBacktest& b = f.backtest;
  const std::string accuracy =
      b.invoices == 0 ? std::string(tr(overdue::S::forecast_no_backtest))
                      : trf(overdue::S::forecast_accuracy_fmt, format_decimal(b.mae_days.method, 1).c_str(),
                            format_decimal(b.mae_days.due_date, 1).c_str(),
                            format_decimal(b.mae_days.due_plus_average_delay, 1).c_str());
  text_colored_wrapped(palette().text_muted, accuracy.c_str());
  record_item_rect(state, "forecast.accuracy");
}

}  // namespace app
