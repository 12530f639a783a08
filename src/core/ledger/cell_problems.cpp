// Why a role's cell has no value (issue #17 item 8): a row is rejected with the reason its own
// cell gave ("amount out of range", "not a number", "invalid date"), not a vaguer "no amount", so
// a bookkeeper sees which cell to fix. The cell is read again: the typed column keeps only the
// value, and the import's cell-error list is capped.
#include "ledger/internal.hpp"
#include "overdue/roles/role.hpp"

namespace overdue::ledger_detail {

bool cell_problem(const ImportedFile& file, int column, size_t row, ProblemKind& kind) {
  if (column < 0) return false;
  const Column& c = file.columns[static_cast<size_t>(column)];
  if (row >= c.text.size()) return false;
  // A text column holds a money or date role when its header names the role exactly ("amount"):
  // its cells are then read here, one by one.
  const bool text = c.type == ColumnType::text;
  const bool as_date = text ? role_is_date(c.role) : c.type == ColumnType::date;
  if (text && !as_date && !role_is_money(c.role)) return false;
  const std::string_view cell = trim_cell(c.text.at(row));
  if (is_missing_marker(cell, !c.money)) return false;
  if (as_date) {
    if (!text && (row >= c.days.size() || c.days[row] != kMissingDays)) return false;
    DateAllowances any;
    any.compact = any.excel_serial = true;
    const ParsedDate d = parse_date(cell, any);
    if (text && d.ok()) return false;  // readable, though its column is text
    if (d.status == ParsedDate::Status::invalid_date) kind = ProblemKind::invalid_date;
    else if (d.ok() && d.order_matters())  // a date, but not in the column's day/month order
      kind = c.date_format.rfind("%d", 0) == 0 ? ProblemKind::not_day_month_date : ProblemKind::not_month_day_date;
    else kind = ProblemKind::not_a_date;
    return true;
  }
  if (!text && (row >= c.cents.size() || c.cents[row] != kMissingCents)) return false;
  const ParsedNumber n = parse_number(cell, DecimalMark::point, c.money);
  const ParsedNumber comma = parse_number(cell, DecimalMark::comma, c.money);
  if (text && (n.ok() || comma.ok())) return false;  // readable, though its column is text
  kind = n.status == ParsedNumber::Status::out_of_range || comma.status == ParsedNumber::Status::out_of_range
             ? ProblemKind::amount_out_of_range
             : ProblemKind::not_a_number;
  return true;
}

bool row_cell_problem(const ImportedFile& file, std::initializer_list<int> columns, size_t row, ProblemKind& kind) {
  for (const int column : columns)
    if (cell_problem(file, column, row, kind)) return true;
  return false;
}

}  // namespace overdue::ledger_detail
