// The report's figure sections: portfolio metrics, aging (chart and table), trend (chart and the
// last points) and the bad-debt allowance. Every figure the JSON also has carries its data-key.
#include <algorithm>

#include "report/analysis_json_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

using analysis_detail::kDaysDecimals;
using analysis_detail::kRatioDecimals;

std::string e(std::string_view s) { return html_escape(s); }

void metric_row(std::string& out, std::string_view label, std::string_view value_html) {
  out += "<tr><td>" + e(label) + "</td><td class=\"num\">" + std::string(value_html) + "</td></tr>";
}

std::string span(std::string_view attrs, std::string_view html) {
  return "<span" + std::string(attrs) + ">" + std::string(html) + "</span>";
}

constexpr int kTrendTablePoints = 12;

}  // namespace

void write_metrics(std::string& out, const Context& c) {
  const MonitorResult& r = c.result;
  const PortfolioMetrics& m = r.metrics;
  const Lang lang = c.lang;
  open_section(out, "metrics", c.t(S::sec_metrics));
  uint64_t overdue_customers = 0, newly = 0;
  for (const CustomerStatus& s : r.customers) {
    overdue_customers += s.overdue ? 1 : 0;
    newly += s.newly_overdue ? 1 : 0;
  }
  out += "<table class=\"metrics\"><thead><tr><th>" + e(c.t(S::col_measure)) +
         "</th><th class=\"num\">" + e(c.t(S::col_value)) + "</th></tr></thead><tbody>";
  metric_row(out, c.t(S::kpi_open),
             span(money_attr("totals.open", r.open_cents), money_display(r.open_cents)));
  metric_row(
      out, c.t(S::metric_past_due),
      span(money_attr("totals.past_due", r.past_due_cents), money_display(r.past_due_cents)));
  metric_row(out, c.t(S::kpi_overdue),
             span(money_attr("totals.overdue", r.overdue_cents), money_display(r.overdue_cents)));
  metric_row(out, c.t(S::metric_overdue_ratio),
             span(raw_attr("metrics.overdue_ratio", fixed_text(m.overdue_ratio, kRatioDecimals)),
                  percent_display(m.overdue_ratio, 1, lang)));
  metric_row(out, c.t(S::metric_invoices_open),
             span(raw_attr("totals.invoices_open", std::to_string(r.invoices_open)),
                  count_display(static_cast<int64_t>(r.invoices_open))));
  metric_row(out, c.t(S::metric_customers),
             span(raw_attr("totals.customers", std::to_string(r.customers.size())),
                  count_display(static_cast<int64_t>(r.customers.size()))));
  metric_row(out, c.t(S::kpi_overdue_customers),
             span(raw_attr("totals.overdue_customers", std::to_string(overdue_customers)),
                  count_display(static_cast<int64_t>(overdue_customers))));
  metric_row(out, c.t(S::metric_newly_overdue),
             span(raw_attr("totals.newly_overdue_customers", std::to_string(newly)),
                  count_display(static_cast<int64_t>(newly))));
  const struct {
    S label;
    const char* key;
    double value;
  } days[] = {{S::kpi_dso, "metrics.dso", m.dso},
              {S::kpi_bpdso, "metrics.bpdso", m.bpdso},
              {S::kpi_add, "metrics.add", m.add}};
  for (const auto& d : days)
    metric_row(out, c.t(d.label),
               span(raw_attr(d.key, fixed_text(d.value, kDaysDecimals)),
                    e(textf(lang, S::kpi_days_fmt, fixed_text(d.value, 1).c_str()))));
  metric_row(out, c.t(S::kpi_cei),
             span(raw_attr("metrics.cei", fixed_text(m.cei, kDaysDecimals)),
                  percent_display(m.cei / 100.0, 1, lang)));
  metric_row(out, textf(lang, S::kpi_top_n_fmt, std::to_string(r.options.top_n).c_str()),
             span(raw_attr("metrics.top_n_share", fixed_text(m.top_n_share, kRatioDecimals)),
                  percent_display(m.top_n_share, 1, lang)));
  out += "</tbody></table><p class=\"legend\">" + e(c.t(S::metric_dso_note)) + "</p>";

  out += "<h3>" + e(c.t(S::types_heading)) + "</h3><table><thead><tr><th>" + e(c.t(S::col_type)) +
         "</th><th class=\"num\">" + e(c.t(S::col_customers)) + "</th><th class=\"num\">" +
         e(c.t(S::col_overdue)) + "</th></tr></thead><tbody>";
  for (OverdueType t : {OverdueType::temporary, OverdueType::structural, OverdueType::stubborn}) {
    const OverdueAnalysis::TypeTotal& total = c.overdue.by_type[static_cast<int>(t)];
    const std::string key = std::string("types.") + overdue_type_name(t);
    out += "<tr><td><span class=\"badge type-" + std::string(overdue_type_name(t)) + "\">" +
           e(type_long_text(t, lang)) + "</span></td><td class=\"num\"" +
           raw_attr(key + ".customers", std::to_string(total.customers)) + ">" +
           count_display(total.customers) + "</td>" +
           money_cell(key + ".overdue", total.overdue_cents) + "</tr>";
  }
  out += "</tbody></table>";
  close_section(out);
}

void write_aging(std::string& out, const Context& c) {
  const MonitorResult& r = c.result;
  open_section(out, "aging", c.t(S::sec_aging));
  std::vector<BarDatum> bars;
  for (const AgingBucket& b : r.aging)
    bars.push_back({bucket_label(b.label, c.lang), b.open_cents});
  out += "<figure>" + svg_bar_chart(bars, e(c.t(S::chart_aging))) + "</figure>";
  out += "<table><thead><tr><th>" + e(c.t(S::col_bucket)) + "</th><th class=\"num\">" +
         e(c.t(S::col_open_amount)) + "</th><th class=\"num\">" + e(c.t(S::col_share)) +
         "</th><th class=\"num\">" + e(c.t(S::col_invoices)) + "</th></tr></thead><tbody>";
  for (size_t i = 0; i < r.aging.size(); ++i) {
    const AgingBucket& b = r.aging[i];
    const std::string key = "aging." + std::to_string(i);
    const double share = r.open_cents != 0
                             ? static_cast<double>(b.open_cents) / static_cast<double>(r.open_cents)
                             : 0;
    out += "<tr><td>" + bucket_label(b.label, c.lang) + "</td>" +
           money_cell(key + ".open", b.open_cents) +
           text_cell(percent_display(share, 1, c.lang), true) + "<td class=\"num\"" +
           raw_attr(key + ".invoices", std::to_string(b.invoices)) + ">" +
           count_display(static_cast<int64_t>(b.invoices)) + "</td></tr>";
  }
  out += "<tr class=\"total\"><td>" + e(c.t(S::summary_total)) + "</td>" +
         money_cell("totals.open", r.open_cents) +
         text_cell(percent_display(r.open_cents != 0 ? 1.0 : 0.0, 1, c.lang), true) +
         text_cell(count_display(static_cast<int64_t>(r.invoices_open)), true) +
         "</tr></tbody></table>";
  close_section(out);
}

void write_trend(std::string& out, const Context& c) {
  const MonitorResult& r = c.result;
  open_section(out, "trend", c.t(S::sec_trend));
  if (r.trend.empty()) {
    out += "<p>" + e(c.t(S::chart_no_trend)) + "</p>";
    close_section(out);
    return;
  }
  LineSeries open{e(c.t(S::series_open)), "#2f6fb5", {}, {}},
      overdue{e(c.t(S::series_overdue)), "#c8373b", {}, {}};
  for (const TrendPoint& p : r.trend) {
    open.x.push_back(p.date);
    open.y.push_back(static_cast<double>(p.open_cents) / 100.0);
    overdue.x.push_back(p.date);
    overdue.y.push_back(static_cast<double>(p.overdue_cents) / 100.0);
  }
  out += "<figure>" + svg_line_chart({open, overdue}, e(c.t(S::chart_trend)), true, false) +
         "</figure>";
  const S step = r.options.step == ReplayStep::day     ? S::step_day
                 : r.options.step == ReplayStep::month ? S::step_month
                                                       : S::step_week;
  out += "<p class=\"legend\">" +
         e(textf(c.lang, S::trend_step_fmt, c.t(step), iso_date_text(r.trend.front().date).c_str(),
                 iso_date_text(r.trend.back().date).c_str())) +
         "</p>";
  const size_t from = r.trend.size() > kTrendTablePoints ? r.trend.size() - kTrendTablePoints : 0;
  out += "<h3>" +
         e(textf(c.lang, S::trend_last_fmt, std::to_string(r.trend.size() - from).c_str())) +
         "</h3>";
  out += "<table><thead><tr><th>" + e(c.t(S::col_date)) + "</th><th class=\"num\">" +
         e(c.t(S::series_open)) + "</th><th class=\"num\">" + e(c.t(S::series_overdue)) +
         "</th><th class=\"num\">" + e(c.t(S::series_overdue_customers)) +
         "</th></tr></thead><tbody>";
  for (size_t i = from; i < r.trend.size(); ++i) {
    const TrendPoint& p = r.trend[i];
    const std::string key = "trend." + std::to_string(i);
    out += "<tr><td" + raw_attr(key + ".date", iso_date_text(p.date)) + ">" +
           iso_date_text(p.date) + "</td>" + money_cell(key + ".open", p.open_cents) +
           money_cell(key + ".overdue", p.overdue_cents) + "<td class=\"num\"" +
           raw_attr(key + ".overdue_customers", std::to_string(p.overdue_customers)) + ">" +
           count_display(p.overdue_customers) + "</td></tr>";
  }
  out += "</tbody></table>";
  close_section(out);
}

void write_allowance(std::string& out, const Context& c) {
  const AllowanceResult& a = c.overdue.allowance;
  open_section(out, "allowance", c.t(S::sec_allowance));
  const char* method =
      c.t(a.method == AllowanceMethod::dpd_bucket ? S::method_dpd_bucket : S::method_invoice_age);
  out += "<p>" + e(textf(c.lang, S::allow_intro_fmt, method)) + "</p>";
  out += "<table><thead><tr><th>" + e(c.t(S::col_band)) + "</th><th class=\"num\">" +
         e(c.t(S::col_rate_pct)) + "</th><th class=\"num\">" + e(c.t(S::col_open_amount)) +
         "</th><th class=\"num\">" + e(c.t(S::col_invoices)) + "</th><th class=\"num\">" +
         e(c.t(S::col_allowance)) + "</th></tr></thead><tbody>";
  int64_t open_total = 0;
  for (size_t i = 0; i < a.by_band.size(); ++i) {
    const AllowanceBandTotal& b = a.by_band[i];
    const std::string key = "allowance.by_bucket." + std::to_string(i);
    open_total += b.open_cents;
    out += "<tr><td>" + allowance_band_label(b.label, a.method, c.lang) + "</td><td class=\"num\"" +
           raw_attr(key + ".rate_bp", std::to_string(b.rate_bp)) + ">" +
           percent_display(b.rate_bp / 10000.0, 2, c.lang) + "</td>" +
           money_cell(key + ".open", b.open_cents) + "<td class=\"num\"" +
           raw_attr(key + ".invoices", std::to_string(b.invoices)) + ">" +
           count_display(static_cast<int64_t>(b.invoices)) + "</td>" +
           money_cell(key + ".allowance", b.allowance_cents) + "</tr>";
  }
  out += "<tr class=\"total\"><td>" + e(c.t(S::summary_total)) + "</td><td></td>" +
         money_cell("", open_total) + "<td></td>" + money_cell("allowance.total", a.total_cents) +
         "</tr></tbody></table>";
  close_section(out);
}

}  // namespace overdue::report_detail
