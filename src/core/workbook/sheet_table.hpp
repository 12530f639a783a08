// A sheet's cells as the parser collects them (sheet_parser.hpp) and their layout into
// SheetCells. While streaming, the width of the table is not known (the widest row may be the
// last), so only cells holding a value are kept — their text back to back and, for each, where it
// ends and its column — and the rows × width grid is laid out once, at the end. Peak memory is the
// table's text plus 16 bytes a value, never the XML.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

struct SheetTable {
  struct Cell {
    uint64_t end = 0;     // end of its text in `bytes` (it begins where the previous cell ended)
    uint32_t column = 0;  // 0-based
    bool date = false;    // written from a date-formatted number: a "true date cell" (date_swap.hpp)
  };
  struct Row {
    uint64_t number = 0;      // Excel row number
    uint64_t first_cell = 0;  // index of its first cell in `cells`
  };

  std::string bytes;
  std::vector<Cell> cells;  // cells holding a value (or a problem), row by row
  std::vector<Row> rows;    // rows holding at least one such cell
  std::vector<WorkbookCellProblem> problems;
  uint32_t width = 0;       // 1 + the largest column seen
  bool columns_out_of_order = false;  // some row lists a column twice or not left to right
};

// More cells than this in the rows × width grid are refused (a damaged or hostile sheet could put
// one value in column XFD of a million rows: 17 billion empty cells).
constexpr uint64_t kMaxSheetCells = 50'000'000;

// Lays the table out into `out` (width, row_number, bytes, end, problems), moving its text; the
// grid indexes (row × width + column) of the true date cells go to `date_cells`. False, with
// out.error set, when the grid would be too large.
bool lay_out_sheet(SheetTable&& table, SheetCells& out, std::vector<uint64_t>& date_cells);

}  // namespace overdue
