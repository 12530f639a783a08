// Cell value parsers: missing markers, numbers and money (exact int64 cents + a double), dates.
// Pure functions of the cell text and a few column-level switches: no allocation, no locale, no
// state, so they are cheap per cell, identical natively and in wasm, and easy to fuzz. They are
// noexcept: with -fexceptions, Emscripten routes every call that might throw through a JS
// trampoline (invoke_*), which made per-cell calls several times slower in wasm.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "overdue/text/value_types.hpp"

namespace overdue {

// [SECTION] cells --------------------------------------------------------------------------------

// Without surrounding spaces, tabs, CR and LF (a quoted cell may end in a line break), no-break
// spaces (U+00A0) and ideographic spaces (U+3000). The one trim of the core and the page.
std::string_view trim_cell(std::string_view cell) noexcept;

// Missing values (issue #2): empty, NA, N/A, null in any case, and a lone "-" when dash_is_missing
// (outside money columns; in a money column "-" is Excel's accounting zero). cell is trimmed.
bool is_missing_marker(std::string_view cell, bool dash_is_missing) noexcept;

// [SECTION] numbers ------------------------------------------------------------------------------

// Which character separates decimals: '.' with ',' grouping (1,234.50) or ',' with '.' grouping
// (1.234,50, European files; never chosen for comma-delimited files).
enum class DecimalMark : uint8_t { point, comma };

struct ParsedNumber {
  enum class Status : uint8_t { ok, not_a_number, out_of_range };
  Status status = Status::not_a_number;
  bool integer_form = false;  // written without decimal mark or exponent
  int64_t cents = kMissingCents;  // value × 100: exact up to 2 decimals, rounded half away from zero beyond
  double value = 0;           // nearest double (fast_float)
  bool ok() const { return status == Status::ok; }
};

// Parses a trimmed cell: optional sign, currency (¥ ￥ $ € £, before or after the sign), digits
// with optional grouping, decimals, exponent, an optional 元 suffix, or the accounting negative
// "(300.00)". A lone "-" is 0 when lone_dash_is_zero (money columns). |cents| above int64's
// range is out_of_range ("amount out of range").
ParsedNumber parse_number(std::string_view cell, DecimalMark mark, bool lone_dash_is_zero) noexcept;

// [SECTION] dates --------------------------------------------------------------------------------

// How a date is written; numeric_slash / numeric_dash carry the day/month order question.
enum class DatePattern : uint8_t {
  iso_dash,       // 2024-01-05
  iso_slash,      // 2024/1/5
  iso_dot,        // 2024.1.5
  chinese,        // 2024年1月5日
  compact,        // 20240105
  numeric_slash,  // 1/5/2024 or 5/1/2024
  numeric_dash,   // 01-05-2024 or 05-01-2024
  dotted,         // 05.01.2024, always day first
  excel_serial,   // 45296
  day_month_name, // 5 Jan 2024, 05-Jan-2024 (Xero, Excel's d-mmm-yyyy)
  month_name_day, // Jan 5 2024, January 5, 2024 (QuickBooks, FreshBooks, Wave)
  count
};
enum class TimePart : uint8_t { none, hm, hms };

struct DateAllowances {
  bool compact = false;       // yyyymmdd integers, also as 20200210.0 (date-suggesting column or headerless file)
  bool excel_serial = false;  // Excel serial numbers from kExcelSerialMin to kExcelSerialMax (date-suggesting column)
};

// The Excel serials parse_date reads as dates: 1990-01-01 to 2099-12-31. Smaller integers in a
// date-named column are counts of days ("Day_due": 13, 45), not days of 1900.
constexpr int64_t kExcelSerialMin = 32874;
constexpr int64_t kExcelSerialMax = 73050;

struct ParsedDate {
  enum class Status : uint8_t { ok, not_a_date, invalid_date };
  Status status = Status::not_a_date;
  DatePattern pattern = DatePattern::iso_dash;
  TimePart time = TimePart::none;
  char time_separator = ' ';           // ' ' or 'T'
  int32_t days = kMissingDays;         // unambiguous patterns
  // numeric_slash / numeric_dash: the value read both ways (kMissingDays where invalid).
  int32_t days_month_first = kMissingDays;
  int32_t days_day_first = kMissingDays;
  bool ok() const { return status == Status::ok; }
  bool order_matters() const {
    return pattern == DatePattern::numeric_slash || pattern == DatePattern::numeric_dash;
  }
};

// A trimmed cell as a date, in any of the DatePattern forms, optionally followed by a time of day
// (" 13:45", " 13:45:00.718", "T11:04:09") and a time zone ("Z", "+00:00", " UTC"); the time and
// the zone are checked and dropped: the date is the one written.
ParsedDate parse_date(std::string_view cell, DateAllowances allow) noexcept;

// Excel's 1900 date system: serial 1 = 1900-01-01; Excel also counts the non-existent
// 1900-02-29 as serial 60 (Lotus 1-2-3 compatibility), so serials from 61 on are one day ahead
// of a plain count. Returns kMissingDays for 60 and for serials outside 1..2958465 (9999-12-31).
int32_t excel_serial_to_days(int64_t serial) noexcept;

// strftime-like name of a pattern: "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%m/%d/%Y", "excel-serial", …
// day_first picks the order of numeric_slash / numeric_dash.
std::string date_format_name(DatePattern pattern, TimePart time, char time_separator,
                             bool day_first);

}  // namespace overdue
