// The report's "When the money comes in" section (issue #20 §1): the expected cash per week
// (chart and table with the low–high range), the next 7 and 30 days, the open invoices by basis,
// and the backtest of the method beside the two simple ones. Every figure the JSON also has
// carries its data-key.
#include <array>

#include "report/analysis_json_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

using analysis_detail::kDaysDecimals;
using analysis_detail::kRatioDecimals;

std::string e(std::string_view s) { return html_escape(s); }

void range_row(std::string& out, std::string_view label_html, const std::string& key, const CashRange& r) {
  out += "<tr><td>" + std::string(label_html) + "</td>" + money_cell(key + ".expected", r.expected_cents) +
         money_cell(key + ".low", r.low_cents) + money_cell(key + ".high", r.high_cents) + "</tr>";
}

void write_backtest(std::string& out, const Context& c, const ForecastBacktest& b) {
  out += "<h3>" + e(c.t(S::forecast_backtest_heading)) + "</h3>";
  if (b.invoices == 0) {
    out += "<p>" + e(c.t(S::forecast_no_backtest)) + "</p>";
    return;
  }
  out += "<p>" +
         fill_html(c.t(S::forecast_backtest_fmt),
                   {"<span" + raw_attr("forecast.backtest.dates", std::to_string(b.dates)) + ">" +
                        count_display(b.dates) + "</span>",
                    "<span" + raw_attr("forecast.backtest.invoices", std::to_string(b.invoices)) + ">" +
                        count_display(static_cast<int64_t>(b.invoices)) + "</span>",
                    "<span" + raw_attr("forecast.backtest.never_paid", std::to_string(b.never_paid)) + ">" +
                        count_display(static_cast<int64_t>(b.never_paid)) + "</span>"}) +
         "</p>";
  out += "<table><thead><tr><th>" + e(c.t(S::forecast_col_method)) + "</th><th class=\"num\">" +
         e(c.t(S::forecast_col_mae_days)) + "</th><th class=\"num\">" + e(c.t(S::forecast_col_cash_error)) +
         "</th></tr></thead><tbody>";
  const std::array<std::tuple<S, const char*, double, double>, 3> rows{{
      {S::forecast_method_method, "method", b.mae_days.method, b.cash_30d_error.method},
      {S::forecast_method_due_date, "due_date", b.mae_days.due_date, b.cash_30d_error.due_date},
      {S::forecast_method_average, "due_plus_average_delay", b.mae_days.due_plus_average_delay,
       b.cash_30d_error.due_plus_average_delay},
  }};
  for (const auto& [label, key, mae, cash] : rows) {
    const std::string mae_text = fixed_text(mae, kDaysDecimals), cash_text = fixed_text(cash, kRatioDecimals);
    out += "<tr><td>" + e(c.t(label)) + "</td><td class=\"num\"" +
           raw_attr(std::string("forecast.backtest.mae_days.") + key, mae_text) + ">" + mae_text +
           "</td><td class=\"num\"" + raw_attr(std::string("forecast.backtest.cash_30d_error.") + key, cash_text) +
           ">" + percent_display(cash, 1, c.lang) + "</td></tr>";
  }
  out += "</tbody></table>";
  out += "<p>" +
         e(textf(c.lang, S::forecast_accuracy_fmt, fixed_text(b.mae_days.method, 1).c_str(),
                 fixed_text(b.mae_days.due_date, 1).c_str(), fixed_text(b.mae_days.due_plus_average_delay, 1).c_str())) +
         "</p>";
}

}  // namespace

void write_forecast(std::string& out, const Context& c, const CashForecast& f) {
  open_section(out, "forecast", c.t(S::forecast_heading));
  out += "<p class=\"legend\">" + e(c.t(S::forecast_intro)) + "</p>";
  if (!f.weeks.empty()) {
    std::vector<BarDatum> bars;
    for (const ForecastWeek& w : f.weeks) bars.push_back({iso_date_text(w.from).substr(5), w.cash.expected_cents});
    // Money coming in, not money overdue: blue bars (the aging chart's red is for lateness). The
    // rule sits here rather than in the shared style sheet, which the letters carry too.
    out += "<style>figure.cash-in svg .bar, figure.cash-in svg .bar-current { fill: #2f6fb5; }</style>";
    out += "<figure class=\"cash-in\">" + svg_bar_chart(bars, e(c.t(S::forecast_heading))) + "</figure>";
    out += "<table><thead><tr><th>" + e(c.t(S::forecast_col_week)) + "</th><th class=\"num\">" +
           e(c.t(S::forecast_col_expected)) + "</th><th class=\"num\">" + e(c.t(S::forecast_col_low)) +
           "</th><th class=\"num\">" + e(c.t(S::forecast_col_high)) + "</th></tr></thead><tbody>";
    for (size_t k = 0; k < f.weeks.size(); ++k) {
      const ForecastWeek& w = f.weeks[k];
      range_row(out, std::to_string(k + 1) + " · " + iso_date_text(w.from) + " – " + iso_date_text(w.to),
                "forecast.weeks." + std::to_string(k), w.cash);
    }
    range_row(out, e(c.t(S::forecast_next_7_days)), "forecast.next_7_days", f.next_7_days);
    range_row(out, e(c.t(S::forecast_next_30_days)), "forecast.next_30_days", f.next_30_days);
    out += "</tbody></table>";
    // How many open invoices each basis dated.
    std::array<uint64_t, 5> counts{};
    for (const InvoiceForecast& x : f.invoices) ++counts[static_cast<size_t>(x.basis)];
    std::string list;
    for (ForecastBasis b : {ForecastBasis::history, ForecastBasis::promise, ForecastBasis::segment,
                            ForecastBasis::book, ForecastBasis::disputed}) {
      if (counts[static_cast<size_t>(b)] == 0) continue;
      if (!list.empty()) list += ", ";
      list += std::string(forecast_basis_name(b)) + " " + count_display(static_cast<int64_t>(counts[static_cast<size_t>(b)]));
    }
    if (!list.empty()) out += "<p>" + e(textf(c.lang, S::forecast_basis_counts_fmt, list.c_str())) + "</p>";
  }
  write_backtest(out, c, f.backtest);
  close_section(out);
}

}  // namespace overdue::report_detail
