// The day/month swap rule (date_swap.hpp).
#include "workbook/date_swap.hpp"

#include <algorithm>

namespace overdue {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads one or two digits at `i`.
bool read_small(std::string_view s, size_t& i, int& value) {
  if (i >= s.size() || !is_digit(s[i])) return false;
  value = s[i++] - '0';
  if (i < s.size() && is_digit(s[i])) value = value * 10 + (s[i++] - '0');
  return true;
}

// Day of a date cell's "yyyy-mm-dd…" text.
int date_cell_day(std::string_view text) {
  return text.size() >= 10 ? (text[8] - '0') * 10 + (text[9] - '0') : 0;
}

}  // namespace

bool parse_text_date(std::string_view text, int& a, int& b) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  size_t i = 0;
  if (!read_small(text, i, a) || i >= text.size()) return false;
  const char separator = text[i];
  if (separator != '/' && separator != '-' && separator != '.') return false;
  ++i;
  if (!read_small(text, i, b) || i >= text.size() || text[i] != separator) return false;
  ++i;
  if (text.size() - i != 4) return false;
  for (; i < text.size(); ++i)
    if (!is_digit(text[i])) return false;
  return true;
}

void find_date_swaps(SheetCells& cells, const std::vector<uint64_t>& date_cells, bool keep) {
  const uint64_t width = cells.width;
  if (width == 0 || date_cells.empty()) return;
  // The date cells column by column (grid order within a column), so each column is one range.
  std::vector<uint64_t> by_column(date_cells);
  std::stable_sort(by_column.begin(), by_column.end(),
                   [width](uint64_t a, uint64_t b) { return a % width < b % width; });

  std::vector<char> is_date_cell;  // for the column being checked, by row
  for (size_t first = 0; first < by_column.size();) {
    const uint32_t column = static_cast<uint32_t>(by_column[first] % width);
    size_t last = first;
    while (last < by_column.size() && by_column[last] % width == column) ++last;
    const size_t begin_range = first;
    first = last;

    is_date_cell.assign(cells.row_count(), 0);
    bool days_small = true;
    for (size_t k = begin_range; k < last; ++k) {
      const uint64_t row = by_column[k] / width;
      is_date_cell[row] = 1;
      if (date_cell_day(cells.cell(row, column)) > 12) days_small = false;
    }
    if (!days_small) continue;
    uint64_t month_first = 0, day_first = 0;
    bool agree = true;
    for (size_t row = 0; row < cells.row_count() && agree; ++row) {
      if (is_date_cell[row]) continue;
      int a = 0, b = 0;
      if (!parse_text_date(cells.cell(row, column), a, b)) continue;
      if (a >= 1 && a <= 12 && b > 12 && b <= 31) ++month_first;
      else if (b >= 1 && b <= 12 && a > 12 && a <= 31) ++day_first;
      else agree = false;  // both ≤ 12 (Excel would have read it) or no date at all
    }
    if (!agree || (month_first > 0) == (day_first > 0)) continue;  // none, or both orders
    DateSwap swap;
    swap.column = column;
    swap.cells = last - begin_range;
    swap.swapped = !keep;
    swap.text_month_first = month_first > 0;
    cells.date_swaps.push_back(swap);
    if (keep) continue;
    for (size_t k = begin_range; k < last; ++k) {
      const uint64_t i = by_column[k];
      const uint64_t begin = i == 0 ? 0 : cells.end[i - 1];
      char* text = &cells.bytes[begin];  // "yyyy-mm-dd…": swap mm and dd
      std::swap(text[5], text[8]);
      std::swap(text[6], text[9]);
    }
  }
}

}  // namespace overdue
