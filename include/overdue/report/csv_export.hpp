// The analysis's tables as CSV files (issue #6, "CSV export of every table shown"), made by the
// core so the CLI (`analyze --csv-dir DIR`) and the page's downloads are the same bytes.
// Every file: UTF-8 with a byte-order mark and CRLF line ends (so Excel and WPS open Chinese text
// correctly), one header row in the chosen language, numbers unformatted (money with exactly two
// decimals, no thousands separators, written from int64 cents), dates ISO (YYYY-MM-DD), empty
// cells for "none". Fields are quoted only when they hold a comma, quote, CR or LF.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"
#include "overdue/text/format.hpp"  // csv_field
#include "overdue/text/lang.hpp"

namespace overdue {

struct AnalysisResult;  // overdue/report/analysis_result.hpp

struct CsvFile {
  std::string name;   // "overdue.csv", "customers.csv", "aging.csv", "trend.csv", "installments.csv", "rejected.csv"
  std::string bytes;
};

// The six tables, in that order. `lang` picks the header row.
//  overdue.csv       overdue customers in priority order: type, scores, quadrant, allowance and
//                    the rules that decided the type (rule ids with value and threshold)
//  customers.csv     every customer: open / past due / overdue, DPD, last payment, type if overdue
//  aging.csv         the aging buckets with their share of the open amount
//  trend.csv         the periodic replay
//  installments.csv  the structural customers' installment schedules
//  worklist.csv      issue #20 §3: each overdue customer's next action in priority order (type,
//                    overdue, next action id, its date, last contact, promise state)
//  rejected.csv      every rejected row, import and ledger, by file then line (not capped)
//  set_aside.csv     only when rows were set aside (drafts, void invoices, other accounts): file,
//                    line, reason (draft, void, not_receivables_account), detail, rows
//  forecast.csv      every open invoice's expected payment date with its low–high range and
//                    basis (history, promise, segment, book, disputed), by expected date (issue #20 §1)
std::vector<CsvFile> analysis_csv_files(const AnalysisResult& result, Lang lang);


// The rules that held for a customer, "S1_no_payment 120>90; R2_chronic_late 0.6≥0.5": language
// neutral (the rule ids are the ones the page and docs/method.md explain).
std::string held_rules_text(const Classification& c);

}  // namespace overdue
