// The HTML report (report_html.hpp): the document around the sections, and its style sheet.
// The sections are written by report_html_sections.cpp (reconciliation, parameters),
// report_html_figures.cpp (metrics, aging, trend, allowance), report_html_customers.cpp and
// report_html_model.cpp; charts by report_html_svg.cpp.
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/html_report.hpp"

#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue {
namespace report_detail {

const char* report_css() {
  // System fonts only (no web font: nothing is fetched); the CJK names cover Linux, macOS and
  // Windows so Chinese prints wherever the file is opened. Print rules: A4 with 15 mm margins,
  // every section on a new page, table headers repeated on each page, rows never cut.
  return R"(
:root { --ink: #1f2328; --muted: #656d76; --rule: #d0d7de; --accent: #2f6fb5; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
       "Droid Sans Fallback", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); font-size: 10pt; line-height: 1.45; margin: 0 auto; max-width: 190mm; padding: 10mm 6mm; }
h1 { font-size: 20pt; margin: 0 0 2pt; color: var(--accent); }
h2 { font-size: 15pt; border-bottom: 2px solid var(--accent); padding-bottom: 2pt; margin: 0 0 8pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 10pt; margin: 8pt 0 2pt; }
p { margin: 3pt 0 6pt; }
.subtitle, .muted, .legend { color: var(--muted); }
.legend, .note { font-size: 8.5pt; }
.note { border-left: 3px solid #d9a400; padding-left: 6pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 8.8pt; }
th, td { border-bottom: 1px solid var(--rule); padding: 2.5pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 1.5px solid var(--ink); }
table.settings td:first-child { width: 60%; }
tr.rule-held td { background: #fff4e5; }
tr.rule-not-evaluated td { color: var(--muted); }
.badge { display: inline-block; padding: 0 5pt; border-radius: 3pt; color: #fff; font-size: 8.5pt; font-weight: 600; }
.type-temporary { background: #288f9e; } .type-structural { background: #c9820f; } .type-stubborn { background: #cc3338; }
.customer { border-top: 1px solid var(--rule); padding-top: 6pt; margin-top: 10pt; }
.customer h3 { margin-top: 0; }
.decision { font-style: italic; }
ul.facts { margin: 2pt 0 6pt; padding-left: 14pt; }
nav ol { columns: 2; padding-left: 16pt; }
a { color: var(--accent); text-decoration: none; }
.kpis { display: flex; flex-wrap: wrap; gap: 6pt; margin: 8pt 0; }
.kpi { flex: 1 1 30%; border: 1px solid var(--rule); border-radius: 4pt; padding: 5pt 7pt; }
.kpi .label { color: var(--muted); font-size: 8.5pt; } .kpi .value { font-size: 13pt; font-weight: 600; }
figure { margin: 6pt 0 10pt; }
figure.pair { display: flex; gap: 8pt; flex-wrap: wrap; } figure.pair svg { flex: 1 1 45%; max-width: 48%; }
svg.chart { width: 100%; height: auto; font-family: inherit; }
svg .chart-title { font-size: 12px; font-weight: 600; fill: var(--ink); }
svg .axis { font-size: 10px; fill: var(--muted); }
svg .grid { stroke: #e4e8ec; stroke-width: 1; }
svg .diagonal { stroke: #9aa3ad; stroke-dasharray: 4 3; stroke-width: 1; }
svg .bar { fill: #c8373b; } svg .bar-current { fill: #3a8f4b; }
.letter { font-size: 10.5pt; line-height: 1.6; }
.letter h2 { border: none; text-align: center; font-size: 15pt; }
.letter table { font-size: 9.5pt; }
.letter + .letter { page-break-before: always; break-before: page; }
.unknown-placeholder { background: #ffe08a; }
.report-section { page-break-before: always; break-before: page; }
thead { display: table-header-group; }
tr, .kpi, figure { page-break-inside: avoid; break-inside: avoid; }
h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .badge, tr.rule-held td, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";
}

namespace {

std::string kpi(const char* label, const std::string& value_html) {
  return "<div class=\"kpi\"><div class=\"label\">" + html_escape(label) +
         "</div><div class=\"value\">" + value_html + "</div></div>";
}

// The reporting currency (issue #17 item 6) when a table has a currency column, and the
// currencies left out for want of a rate; "" otherwise (one-currency reports unchanged).
std::string currency_note(const Context& c) {
  const LedgerCurrencies& lc = c.ledger.currency;
  if (!lc.has_column || lc.reporting.empty()) return "";
  std::string note = " " + html_escape(textf(c.lang, S::report_currency_fmt, lc.reporting.c_str()));
  std::string left_out;
  for (const LedgerCurrency& u : lc.used)
    if (u.rate_micros == 0) left_out += (left_out.empty() ? "" : ", ") + u.code;
  if (!left_out.empty()) note += " " + html_escape(textf(c.lang, S::report_currency_left_out_fmt, left_out.c_str()));
  return note;
}

void write_head(std::string& out, const Context& c, bool model) {
  const std::string lang = c.lang == Lang::zh ? "zh-CN" : "en";
  out += "<!DOCTYPE html>\n<html lang=\"" + lang +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"OverdueLens\">\n<title>" +
         html_escape(c.t(S::report_title)) + " " + iso_date_text(c.result.as_of) +
         "</title>\n<style>" + report_css() + "</style>\n</head>\n<body>\n<header>\n<h1>" +
         html_escape(c.t(S::report_title)) + "</h1>\n<p class=\"subtitle\">" +
         html_escape(textf(c.lang, S::report_subtitle_fmt, iso_date_text(c.result.as_of).c_str(),
                           std::to_string(c.result.options.threshold_days).c_str())) +
         "</p>\n<p class=\"legend\">" + html_escape(c.t(S::report_privacy)) + " " +
         html_escape(c.t(S::report_money_note)) + currency_note(c) + "</p>\n";
  uint64_t overdue_customers = 0;
  for (const CustomerStatus& s : c.result.customers) overdue_customers += s.overdue ? 1 : 0;
  out +=
      "<div class=\"kpis\">" + kpi(c.t(S::kpi_open), money_display(c.result.open_cents)) +
      kpi(c.t(S::kpi_overdue), money_display(c.result.overdue_cents)) +
      kpi(c.t(S::kpi_overdue_customers), count_display(static_cast<int64_t>(overdue_customers))) +
      kpi(c.t(S::kpi_in_dispute), money_display(c.result.disputed_cents)) +
      kpi(c.t(S::kpi_dso), html_escape(textf(c.lang, S::kpi_days_fmt,
                                             fixed_text(c.result.metrics.dso, 1).c_str()))) +
      kpi(c.t(S::kpi_cei), percent_display(c.result.metrics.cei / 100.0, 1, c.lang)) +
      kpi(c.t(S::col_allowance), money_display(c.overdue.allowance.total_cents)) + "</div>\n";
  const struct {
    const char* id;
    S title;
  } sections[] = {{"reconciliation", S::sec_reconciliation},
                  {"parameters", S::sec_parameters},
                  {"metrics", S::sec_metrics},
                  {"aging", S::sec_aging},
                  {"trend", S::sec_trend},
                  {"forecast", S::forecast_heading},
                  {"customers", S::sec_customers},
                  {"disputes", S::sec_disputes_credit},
                  {"worklist", S::sec_worklist},
                  {"allowance", S::sec_allowance},
                  {"model", S::sec_model}};
  out += "<nav><h3>" + html_escape(c.t(S::report_contents)) + "</h3><ol>";
  for (const auto& s : sections) {
    if (!model && std::string_view(s.id) == "model") continue;
    out += "<li><a href=\"#" + std::string(s.id) + "\">" + html_escape(c.t(s.title)) + "</a></li>";
  }
  out += "</ol></nav>\n</header>\n<main>\n";
}

}  // namespace
}  // namespace report_detail

std::string analysis_report_html(const AnalysisResult& r, Lang lang, const ModelLab* model,
                                 std::string_view model_file) {
  using namespace report_detail;
  const FileList files = r.file_list();
  const Context c{r.ledger, files, r.monitor, r.overdue, r.contacts, r.settings, lang};
  const bool with_model = model != nullptr && model->error.empty();
  std::string out;
  out.reserve(64 * 1024 + r.overdue.customers.size() * 8 * 1024);
  write_head(out, c, with_model);
  write_reconciliation(out, c);
  write_parameters(out, c);
  write_metrics(out, c);
  write_aging(out, c);
  write_trend(out, c);
  write_forecast(out, c, r.forecast);
  write_customers(out, c);
  write_disputes_credit(out, c);
  write_worklist(out, c);
  write_allowance(out, c);
  if (with_model) write_model(out, *model, model_file, lang);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace overdue
