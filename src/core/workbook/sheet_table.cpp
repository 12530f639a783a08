// Laying a streamed sheet out as a grid (sheet_table.hpp).
#include "workbook/sheet_table.hpp"

#include <algorithm>

namespace overdue {

namespace {

// A row's cells sorted by column, the last of a repeated column winning (as a re-read by Excel
// would keep); each as (begin, end, column, date).
struct Span {
  uint64_t begin, end;
  uint32_t column;
  bool date;
};

void row_spans(const SheetTable& t, size_t row, std::vector<Span>& spans) {
  spans.clear();
  const uint64_t first = t.rows[row].first_cell;
  const uint64_t last = row + 1 < t.rows.size() ? t.rows[row + 1].first_cell : t.cells.size();
  for (uint64_t i = first; i < last; ++i) {
    const uint64_t begin = i == 0 ? 0 : t.cells[i - 1].end;
    spans.push_back(Span{begin, t.cells[i].end, t.cells[i].column, t.cells[i].date});
  }
  if (!t.columns_out_of_order) return;
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span& a, const Span& b) { return a.column < b.column; });
  size_t kept = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i + 1 < spans.size() && spans[i + 1].column == spans[i].column) continue;
    spans[kept++] = spans[i];
  }
  spans.resize(kept);
}

}  // namespace

bool lay_out_sheet(SheetTable&& t, SheetCells& out, std::vector<uint64_t>& date_cells) {
  const uint64_t rows = t.rows.size(), width = t.width;
  if (width != 0 && rows > kMaxSheetCells / width) {
    out.error = "the sheet is too large to read: " + std::to_string(rows) + " rows × " +
                std::to_string(width) + " columns";
    return false;
  }
  out.width = static_cast<uint32_t>(width);
  out.row_number.resize(rows);
  out.end.assign(rows * width, 0);
  date_cells.clear();
  // In order (the usual case) the text is already laid out: only the ends are filled in.
  // Out of order, the text is copied into a new buffer row by row.
  std::string reordered;
  std::string& bytes = t.columns_out_of_order ? reordered : t.bytes;
  if (t.columns_out_of_order) reordered.reserve(t.bytes.size());
  std::vector<Span> spans;
  uint64_t position = 0;
  for (size_t r = 0; r < rows; ++r) {
    out.row_number[r] = t.rows[r].number;
    row_spans(t, r, spans);
    size_t s = 0;
    for (uint64_t c = 0; c < width; ++c) {
      if (s < spans.size() && spans[s].column == c) {
        const Span& span = spans[s++];
        if (t.columns_out_of_order) {
          reordered.append(t.bytes, span.begin, span.end - span.begin);
          position = reordered.size();
        } else {
          position = span.end;
        }
        if (span.date) date_cells.push_back(r * width + c);
      }
      out.end[r * width + c] = position;
    }
  }
  out.bytes = std::move(bytes);
  if (t.columns_out_of_order) {
    // Problems were recorded in document order; the grid is in column order within a row.
    auto& p = t.problems;
    for (size_t begin = 0; begin < p.size();) {
      size_t end = begin + 1;
      while (end < p.size() && p[end].row == p[begin].row) ++end;
      std::stable_sort(p.begin() + begin, p.begin() + end,
                       [](const WorkbookCellProblem& a, const WorkbookCellProblem& b) {
                         return a.column < b.column;
                       });
      begin = end;
    }
  }
  out.problems = std::move(t.problems);
  return true;
}

}  // namespace overdue
