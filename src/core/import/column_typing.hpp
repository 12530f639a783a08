// Decides a column's type from all of its cells and fills its typed values (issue #2):
// the most specific of date > integer > decimal > text that at least 95 % of the present
// (non-missing) values parse as. The other present values become cell errors and are kept as
// missing, so one typo among 10,000 amounts does not turn the column into text, while a column
// with more than one value in 20 that does not parse stays text (and has no errors).
// Issue #17: a column whose header (or role) names money or dates needs only a majority of
// readable values — an amount column with a few `NaN` or 1e23 cells stays numbers, those cells
// being errors whose rows the ledger rejects with that reason; an identifier column (header "No",
// "Customer ID", 编号 …, or a role customer_id/customer_name/invoice_id/account) with anything but
// plain digits, and any column outside money and dates holding numbers with leading zeros, stays
// text, exactly as written.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/job/job.hpp"

namespace overdue {

// A type needs at least this share of the present values: non_parsing * 20 <= present.
constexpr uint64_t kTypeToleranceDenominator = 20;

struct ColumnTypingContext {
  uint32_t column_index = 0;
  bool headerless = false;    // yyyymmdd integers may be dates in a headerless file
  char delimiter = ',';       // a decimal comma (1.234,50) is impossible in a comma file
  const std::vector<uint64_t>* row_line = nullptr;  // for the cell errors' line numbers
};

struct ColumnTypingResult {
  std::vector<CellError> errors;  // the first kMaxCellErrorsListed of them, in row order
  uint64_t error_total = 0;
};

// Sets type, typed values, missing, date_format, date_order_ambiguous from col.text and from
// col.name, col.role, col.money and col.date_order.
ColumnTypingResult type_column(Column& col, const ColumnTypingContext& ctx);

// type_column in steps, so a caller that must stay responsive (the page typing a million rows) can
// spread the work over several frames. Cut anywhere, the result is the same as type_column's.
// The column must not change between steps.
class ColumnTyper {
 public:
  ColumnTyper(Column& col, const ColumnTypingContext& ctx);
  ~ColumnTyper();
  ColumnTyper(const ColumnTyper&) = delete;
  ColumnTyper& operator=(const ColumnTyper&) = delete;

  // A job (overdue/job/job.hpp) driven by the importer only: reads about `budget` cells (less the
  // cells read); Step::done once the column is typed. The result is read in place (result()).
  Step step(Budget& budget);
  bool done() const;
  ColumnTypingResult& result() { return result_; }

 private:
  void decide();
  struct State;
  Column& col_;
  ColumnTypingContext ctx_;
  ColumnTypingResult result_;
  std::unique_ptr<State> state_;
};

// Cell errors of an already typed column: present text whose typed value is missing.
uint64_t count_cell_errors(const Column& col);

}  // namespace overdue
