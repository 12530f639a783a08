// How cells and counts are shown: thousands separators, money as ¥1,234.50 from integer cents,
// dates as ISO yyyy-mm-dd. Display only; the data keep their exact typed values.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "overdue/import/table.hpp"

namespace app {

// 1234567 → "1,234,567"; -1234 → "-1,234".
std::string format_count(int64_t value);
// Cents with `decimals` (0, 1 or 2) fraction digits: (123450, 2) → "1,234.50"; with money → "¥1,234.50".
std::string format_cents(int64_t cents, int decimals, bool money);
// The sign money is shown with (default "¥"): the reporting currency's (issue #17 item 6), set by
// panel_currency.cpp from the analysed ledger.
// `cells`: also on the data table's money cells (not when a currency column says each row's).
void set_money_symbol(const std::string& symbol, bool cells = true);
const std::string& money_symbol();
// A double with a fixed number of fraction digits (0…6) and thousands separators.
std::string format_decimal(double value, int decimals);
// Days since 1970-01-01 → "2024-01-05" (proleptic Gregorian, H. Hinnant's civil_from_days).
std::string format_iso_date(int32_t days);
// Digits after the decimal point in a number as written ("1,234.5" → 1, "5.00E+05" → 2).
int fraction_digits(std::string_view text);

enum class CellAlign { left, right };
struct CellText {
  std::string text;
  CellAlign align = CellAlign::left;
  bool unparsed = false;  // typed value missing although the cell has text: a cell error
};
// The display text of one cell of an imported column.
void format_cell(const overdue::Column& column, size_t row, CellText& out);

}  // namespace app

namespace app {
// "2024-06-30" (exactly YYYY-MM-DD, a real calendar date) → days since 1970-01-01; false otherwise.
bool parse_iso_date(std::string_view text, int32_t& days);
}  // namespace app

namespace app {
// Axis labels for money in currency units, short: "¥0", "¥2,500", "¥1.5K"/"¥1.5万", "¥12M"/"¥1.2亿"
// (Chinese counts in 万 and 亿). Display only.
std::string format_money_axis(double units, bool chinese);
// 0.1234 → "12.3%" with `decimals` fraction digits.
std::string format_percent(double ratio, int decimals);
}  // namespace app
