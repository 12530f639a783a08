// Excel's day/month swap (issue #18). When Excel opens a CSV written month-first (1/2/2013 is
// 2 January) on a day-first system, it reads "1/2/2013" as 1 February and stores a true date,
// while "1/26/2013" (no month 26) stays text. Such a column mixes true date cells whose day is at
// most 12 with text dates a/b/yyyy whose second number is above 12. The mirror case (a day-first
// CSV opened month-first) has text dates whose first number is above 12. In either case the date
// cells' day and month are the wrong way round.
#pragma once
#include <cstdint>
#include <vector>

#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

// A text date: a/b/yyyy, a-b-yyyy or a.b.yyyy (one or two digits, then four), surrounding spaces
// allowed. Sets a and b.
bool parse_text_date(std::string_view text, int& a, int& b);

// For each column holding true date cells (`date_cells`: grid indexes, row × width + column, in
// grid order, their text "yyyy-mm-dd…"): when every one has a day ≤ 12, the column has at least
// one text date, and every text date has the same order with its day above 12, the column is
// recorded in cells.date_swaps, and — unless `keep` — the date cells' day and month are swapped
// in place (the text keeps its length).
void find_date_swaps(SheetCells& cells, const std::vector<uint64_t>& date_cells, bool keep);

}  // namespace overdue
