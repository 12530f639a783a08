// The imported table: what one CSV file becomes after sniffing, scanning and typing.
// Columnar: each column keeps the raw text of every accepted row (for display, re-typing after a
// role change and error messages) plus its typed values. No UI or platform types here.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/roles/role.hpp"
#include "overdue/text/encoding_kind.hpp"
#include "overdue/text/file_error.hpp"
#include "overdue/text/problem.hpp"
#include "overdue/text/value_types.hpp"
#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

enum class ColumnType { text, integer, decimal, date };
const char* column_type_name(ColumnType t);  // "text", "integer", "decimal", "date"

// Text of every cell of one column, back to back. Cell i is bytes[end[i-1], end[i]).
struct TextColumn {
  std::string bytes;
  std::vector<uint32_t> end;

  size_t size() const { return end.size(); }
  std::string_view at(size_t i) const {
    const uint32_t b = i == 0 ? 0 : end[i - 1];
    return std::string_view(bytes).substr(b, end[i] - b);
  }
  void push(std::string_view cell) {
    bytes.append(cell.data(), cell.size());
    end.push_back(static_cast<uint32_t>(bytes.size()));
  }
};

struct Column {
  std::string name;                // header text, or column_1, column_2, … when headerless
  ColumnType type = ColumnType::text;
  std::string date_format;         // dates only: "%Y-%m-%d", "%Y年%m月%d日", "%m/%d/%Y", "excel-serial", …
  bool date_order_ambiguous = false;  // dates only: every value fits both d/m and m/d
  DateOrder date_order = DateOrder::automatic;  // user's switch for the above
  Role role = Role::none;
  bool role_set_by_user = false;   // the mapping screen changed it: do not re-guess
  // How sure the guess is (0–1) and the header's words that decided it (issue #17, set by
  // assign_roles): 1 and no words for a role the user set; 0 and no words for no role.
  double role_confidence = 0;
  std::vector<std::string> matched_words;
  bool money = false;              // a money column: a lone "-" is zero, currency signs allowed
  uint64_t missing = 0;            // empty, NA, N/A, null, "-" (outside money) and unparsable cells
  // Someone else's analysis (ages, days overdue, aging-bucket columns): shown, never an input
  // (set by assign_roles; issue #9).
  bool derived = false;

  TextColumn text;                 // raw cell text, one per accepted row
  // Typed values, one per accepted row, filled for the column's type only:
  std::vector<int64_t> cents;      // integer and decimal: value × 100, exact for ≤ 2 decimals; kMissingCents
  std::vector<double> number;      // integer and decimal: the value; NaN when missing
  std::vector<int32_t> days;       // date: days since 1970-01-01; kMissingDays
};

// A record that could not be a row of its table (wrong field count, broken quoting, bad bytes).
// `kind` is the source of truth; `reason` is its English text (problem_text), kept for printing.
struct RejectedRow {
  uint64_t line = 0;     // 1-based physical line where the record starts
  ProblemKind kind = ProblemKind::field_count_mismatch;
  ProblemDetail detail;  // field_count_mismatch: expected and found
  std::string reason;    // problem_text(kind, detail): "expected 5 fields, found 7", "unterminated quote"
  std::string text;      // the record's text, cut to a few hundred bytes for display
};

// A cell that does not parse in its column's type: kept as missing and listed.
struct CellError {
  uint64_t line = 0;
  uint32_t column = 0;   // index into ImportedFile::columns
  std::string text;
  ProblemKind kind = ProblemKind::not_a_number;
  std::string reason;    // problem_text(kind): "not a number", "invalid date", …
};

struct RowCounts {
  uint64_t read = 0;      // data records after the header (a quoted multi-line field is one record)
  uint64_t accepted = 0;
  uint64_t rejected = 0;
  // Rows that are data but not receivables (drafts, void invoices, a general ledger's other
  // accounts): set aside by the ledger, listed in Ledger::set_aside. read == accepted + set_aside +
  // rejected, always (an importer's counts have set_aside 0: it is the ledger that sets rows aside).
  uint64_t set_aside = 0;
};

// A total, subtotal or label row of an export (issue #9), kept out of the data and listed in
// ImportedFile::rejected with its reason; its cells are kept for the totals check.
struct SummaryRow {
  uint64_t line = 0;
  ProblemKind kind = ProblemKind::total_row;  // total_row, subtotal_row or label_row
  std::string reason;               // problem_text(kind): "total row", "subtotal row" or "label row"
  std::vector<std::string> cells;   // trimmed, one per column (empty when the row was short)
  size_t rows_before = 0;           // accepted rows above it: it sums rows [block_begin, rows_before)
  size_t block_begin = 0;
  bool checkable = false;           // a total whose rows are all in the file (not 本年累计)
};

// A total row whose stated figure was compared with the rows above it (a mismatch is reported,
// never fixed).
struct TotalCheck {
  uint64_t line = 0;
  std::string column;
  int64_t stated_cents = 0;
  int64_t sum_cents = 0;
  uint64_t rows = 0;                // data rows added up
  bool ok() const { return stated_cents == sum_cents; }
};

// What the importer found of a report's layout around the table (issue #9,
// shared/EXPORT-FORMATS.md): title rows, the header row(s), group rows, totals, the export's date.
struct ExportLayout {
  uint64_t header_line = 0;          // physical line of the (first) header row; 0: no header
  uint32_t header_rows = 0;          // rows flattened into the header (2 or 3: "借方-已结-金额")
  uint64_t skipped_title_lines = 0;  // non-empty records above the header
  std::vector<std::string> title_lines;  // their text, cells joined by spaces
  uint64_t group_rows = 0;           // customer rows carried down into the rows below them
  int32_t as_of = kMissingDays;      // the export's date from its title rows ("As of …", 截止日期)
  std::string amount_basis;          // "home" or "original" when both 本位币 and 原币 columns exist
  std::vector<std::string> currencies;  // distinct values of the currency column, sorted
  std::vector<SummaryRow> summary_rows;
  std::vector<TotalCheck> total_checks;
};

struct ImportedFile {
  std::string name;
  // Workbooks (issue #18): the sheet this table is (empty for a CSV) and every sheet of the
  // workbook (name, rows, hidden), for inspect and the mapping screen's sheet picker.
  std::string sheet;
  std::vector<SheetInfo> sheets;
  // Day/month swaps Excel made when it opened a CSV in the other locale, per column: found,
  // and swapped back unless ImportOptions::keep_swapped_dates (column = index in `columns`).
  std::vector<DateSwap> date_swaps;
  std::string error;                 // non-empty: the file could not be read at all (English)
  FileErrorKind error_kind = FileErrorKind::none;  // why, for translation and tests
  Encoding encoding = Encoding::utf8;
  char delimiter = ',';              // ',' ';' '\t' '|' or ' ' for runs of spaces
  bool header = true;
  TableKind table_kind = TableKind::none;  // none: not recognised
  RowCounts rows;
  std::vector<Column> columns;
  std::vector<uint64_t> row_line;    // physical start line of each accepted row
  std::vector<RejectedRow> rejected;
  std::vector<CellError> cell_errors;      // capped at kMaxCellErrorsListed
  uint64_t cell_errors_total = 0;          // all of them, listed or not
  std::vector<std::string> notes;          // e.g. "header repeated at line 120: skipped"
  ExportLayout layout;
  // Both original-currency (原币) and home-currency (本位币) amounts: take the original ones
  // (default: home). Read by assign_roles.
  bool prefer_original_currency = false;

  size_t row_count() const { return row_line.size(); }
  // How rows of this table are named to the user: "book.xlsx:Payments" for a sheet, else the name.
  std::string label() const { return sheet.empty() ? name : name + ":" + sheet; }
};

constexpr size_t kMaxCellErrorsListed = 10000;

}  // namespace overdue
