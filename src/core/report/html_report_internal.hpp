// Internal to the core: the pieces of the HTML report (report_html.hpp) and the words of the
// classification in a language, shared by report_html*.cpp and letters*.cpp.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/words.hpp"
#include "overdue/forecast/forecast.hpp"
#include "overdue/report/html_report.hpp"

namespace overdue::report_detail {

struct Context {
  const Ledger& ledger;
  FileList files;
  const MonitorResult& result;
  const OverdueAnalysis& overdue;
  const ContactLog& contacts;
  const AnalysisSettings& settings;
  Lang lang;
  const char* t(S id) const { return text(id, lang); }
};

// ---- numbers and attributes (report_html_text.cpp) ----
// A translated pattern whose %s take markup: the pattern's text is escaped, the arguments are not
// (unlike textf, no length limit). Only %s and %% are understood.
std::string fill_html(const char* pattern, std::initializer_list<std::string_view> html_args);
// ' data-key="K" data-value="CENTS" data-unit="cents"' and ' data-key="K" data-value="TEXT"'.
std::string money_attr(std::string_view key, int64_t cents);
std::string raw_attr(std::string_view key, std::string_view value);
// <td class="num" data-…>1,234.56</td>
std::string money_cell(std::string_view key, int64_t cents);
std::string text_cell(std::string_view escaped_html, bool number = false);
std::string bucket_label(std::string_view label,
                         Lang lang);  // "not_due" → 未到期, "1-30" → 1-30 天
std::string allowance_band_label(std::string_view label, AllowanceMethod m, Lang lang);

// The classification in words: include/overdue/classify/words.hpp.
std::string limit_change_text(const ActionPlan& plan, Lang lang);

// ---- SVG charts (report_html_svg.cpp): inline <svg> without xmlns (HTML parsers put it in the
// SVG namespace), fixed colours, every number locale-free ----
struct BarDatum {
  std::string label;  // already escaped
  int64_t cents = 0;
};
std::string svg_bar_chart(const std::vector<BarDatum>& bars, std::string_view title);
struct LineSeries {
  std::string name;  // already escaped
  const char* colour;
  std::vector<double> x, y;
};
// x: days (dates) or 0–1 shares; y: money units or 0–1 shares. `x_is_date` labels the axis with ISO
// dates.
std::string svg_line_chart(const std::vector<LineSeries>& series, std::string_view title,
                           bool x_is_date, bool unit_square, std::string_view x_label = {},
                           std::string_view y_label = {});

// ---- sections (report_html_sections.cpp, report_html_customers.cpp, report_html_model.cpp) ----
void open_section(std::string& out, const char* id, const char* title);
void close_section(std::string& out);
void write_reconciliation(std::string& out, const Context& c);
void write_parameters(std::string& out, const Context& c);
void write_metrics(std::string& out, const Context& c);
void write_aging(std::string& out, const Context& c);
void write_trend(std::string& out, const Context& c);
// When the money comes in (issue #20 §1; html_report_forecast.cpp).
void write_forecast(std::string& out, const Context& c, const CashForecast& forecast);
// Today's worklist (issue #20 §3; html_report_worklist.cpp).
void write_worklist(std::string& out, const Context& c);
void write_allowance(std::string& out, const Context& c);
void write_customers(std::string& out, const Context& c);
void write_disputes_credit(std::string& out, const Context& c);  // issue #20 §2, §4 (html_report_disputes.cpp)
void write_model(std::string& out, const ModelLab& lab, std::string_view file, Lang lang);
// The binning tables of the scorecard's features, inside the model section (html_report_model_bins.cpp).
void write_model_bins(std::string& out, const ModelLab& lab, Lang lang);
// issue #21 §2: "a higher score means a lower risk" and the factor and offset (html_report_model_deploy.cpp).
std::string scorecard_direction_html(const Scorecard& card, Lang lang);
void write_model_stability(std::string& out, const ModelLab& lab, Lang lang);  // html_report_model_stability.cpp

// The report's and the letters' style sheet (print CSS included).
const char* report_css();

}  // namespace overdue::report_detail
