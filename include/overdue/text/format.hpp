// Numbers, money and dates as text, one formatter for the JSON, the CSV tables, the HTML report,
// the letters and the page. Locale-free and identical natively and in wasm.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "overdue/text/strings.hpp"
#include "overdue/text/value_types.hpp"

namespace overdue {

// Machine formats (JSON, CSV):
std::string money_text(int64_t cents);               // -1234505 → "-12345.05"
std::string fixed_text(double value, int decimals);  // rounded half away from zero; NaN/inf → "0"
std::string iso_date_text(int32_t days);             // 19727 → "2024-01-05"
// The same appended to `out` (no temporary string; the JSON writer and the CSV tables use them).
void append_unsigned_text(std::string& out, uint64_t value);   // 1234567 → "1234567"
void append_money_text(std::string& out, int64_t cents);
void append_fixed_text(std::string& out, double value, int decimals);
void append_iso_date_text(std::string& out, int32_t days);   // nothing for kMissingDays
int32_t iso_date_days(std::string_view text);        // exactly YYYY-MM-DD, a real date; else kMissingDays

// Display formats (report, letters, page):
std::string money_display(int64_t cents);        // -1234567.5 → "-1,234,567.50"
// Cents with 0, 1 or 2 decimals (more is clamped; dropped digits are cut, not rounded): the page's
// tables show an integer column's cents without decimals. -123456, 0 → "-1,234".
std::string cents_display(int64_t cents, int decimals);
std::string count_display(int64_t n);            // 1234567 → "1,234,567"
std::string percent_display(double ratio, int decimals, Lang lang);  // 0.1234 → "12.3 %" / "12.3%"
std::string days_display(int64_t days, Lang lang);                   // "12 d" / "12 天"

// A CSV field (RFC 4180): quoted, with '"' doubled, when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

}  // namespace overdue
