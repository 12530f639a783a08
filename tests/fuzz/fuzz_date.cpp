// Fuzz target: the date parser (parse_date), Excel serials and date format names.
//
// The input is one cell's text (the first 8 bytes also serve as an Excel serial). Checks, beyond
// "no crash, no sanitizer report":
// - ok ⇒ every day number it gives is a real date from 1900-01-01 to 9999-12-31, and unambiguous
//   patterns give days, ambiguous ones (1/5/2024) at least one reading;
// - a date's ISO text ("2024-01-05") parses back to the same day;
// - allowing compact dates or Excel serials never changes the result of a cell that parsed
//   without them;
// - excel_serial_to_days is missing or in range for every int64.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "overdue/text/civil_date.hpp"
#include "fuzz_support.hpp"
#include "overdue/text/value_parsers.hpp"

using namespace overdue;

namespace {

const int32_t kFirstDay = days_from_civil(kMinDateYear, 1, 1);
const int32_t kLastDay = days_from_civil(kMaxDateYear, 12, 31);

void check_day(int32_t days, std::string_view cell) {
  FUZZ_CHECK(days >= kFirstDay && days <= kLastDay, std::string(cell) + " → day " + std::to_string(days));
  const CivilDate c = civil_from_days(days);
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", c.year, c.month, c.day);
  const ParsedDate back = parse_date(iso, DateAllowances{});
  FUZZ_CHECK(back.ok() && back.days == days, std::string(iso) + " does not read back");
}

ParsedDate check(std::string_view cell, DateAllowances allow) {
  const ParsedDate d = parse_date(cell, allow);
  FUZZ_CHECK(d.pattern < DatePattern::count, "pattern");
  if (!d.ok()) return d;
  if (d.order_matters()) {
    FUZZ_CHECK(d.days_month_first != kMissingDays || d.days_day_first != kMissingDays, "no reading");
    if (d.days_month_first != kMissingDays) check_day(d.days_month_first, cell);
    if (d.days_day_first != kMissingDays) check_day(d.days_day_first, cell);
  } else {
    check_day(d.days, cell);
  }
  for (bool day_first : {false, true})
    FUZZ_CHECK(!date_format_name(d.pattern, d.time, d.time_separator, day_first).empty(), "format name");
  return d;
}

bool same(const ParsedDate& a, const ParsedDate& b) {
  return a.status == b.status && a.pattern == b.pattern && a.time == b.time && a.days == b.days &&
         a.days_month_first == b.days_month_first && a.days_day_first == b.days_day_first;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view cell = fuzz::as_view(data, size);
  const ParsedDate plain = check(cell, DateAllowances{false, false});
  for (bool compact : {false, true})
    for (bool serial : {false, true}) {
      const ParsedDate d = check(cell, DateAllowances{compact, serial});
      if (plain.ok()) FUZZ_CHECK(same(d, plain), std::string(cell) + ": an allowance changed a parsed date");
    }
  check(trim_cell(cell), DateAllowances{true, true});

  int64_t serial = 0;
  std::memcpy(&serial, data, size < 8 ? size : 8);
  for (int64_t s : {serial, serial % 3000000, static_cast<int64_t>(size)}) {
    const int32_t days = excel_serial_to_days(s);
    if (days != kMissingDays) FUZZ_CHECK(days >= kFirstDay && days <= kLastDay, "serial " + std::to_string(s));
  }
  return 0;
}
