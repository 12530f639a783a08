// The analysis as one self-contained HTML report (issue #6, DESIGN.md §6): made by the core so the
// CLI (`analyze --report FILE`) and the page's Export → Report download are the same bytes.
//
// One file, no external request of any kind: inline CSS, inline SVG charts (no xmlns URL either),
// no script, no font or image from elsewhere; links are in-page anchors only. It prints to A4
// (`@page { size: A4; margin: 15mm }`, every section starts a page, table headers repeat, rows are
// never cut). Sections, each with a stable id:
//   reconciliation  files read (rows read = accepted + rejected), the ledger, the first
//                   kReportRejectedListed rejected rows (then a count pointing at rejected.csv),
//                   contact log, assumptions and notes
//   parameters      as-of date, threshold, buckets, step, rule thresholds, score weights, allowance
//                   method and bands, action settings
//   metrics         open / past due / overdue, counts, DSO, BPDSO, ADD, CEI, overdue ratio, top-N
//                   share, the overdue types
//   aging           bar chart and table        trend   line chart and the last points
//   customers       every overdue customer in priority order: type, decision, rule trace in words,
//                   scores, quadrant, allowance, dated actions, installments, credit-limit change
//   allowance       by band and total
//   model           (only with a ModelLab) metrics of the three models, ROC and KS curves, the
//                   scorecard's points table, score bands and cutoffs
// Machine-checkable figures carry data-key (the JSON path in the analysis JSON, e.g.
// "totals.open", "aging.2.open", "customers.17.overdue"; "model." + a path in the model JSON)
// and data-value (money as int64 cents with data-unit="cents", else the JSON's own text), so a test
// can compare the report with `analyze --json` / `model --json` of the same run.
// User text (file names, customer names, reasons) is always HTML-escaped.
#pragma once
#include "overdue/text/format.hpp"
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/model/lab.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/text/strings.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"

namespace overdue {

struct AnalysisResult;  // overdue/report/analysis_result.hpp

// At most this many rejected rows are listed in the report; all of them are in rejected.csv.
constexpr size_t kReportRejectedListed = 200;

// The report of an analysis. `model`: nullptr = no model section; `model_file` names its data
// file. result.settings.monitor.as_of and .language are not read (the result and `lang` say
// them), so the page and the CLI give the same bytes for the same analysis.
std::string analysis_report_html(const AnalysisResult& result, Lang lang, const ModelLab* model = nullptr,
                                 std::string_view model_file = {});
// Shared with the letters (letters.hpp); money and numbers: overdue/text/format.hpp.
std::string html_escape(std::string_view text);  // & < > " ' escaped; invalid UTF-8 kept as bytes

}  // namespace overdue
