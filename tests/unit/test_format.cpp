// The one formatter of money, counts and dates (overdue/text/format.hpp), shared by the JSON, the
// CSV tables, the report, the letters and the page, and the one trim (overdue/text/value_parsers.hpp).
#include <cstdint>
#include <limits>

#include "doctest/doctest.h"
#include "overdue/text/format.hpp"
#include "overdue/text/value_parsers.hpp"

using namespace overdue;

TEST_CASE("cents_display: grouped, 0 to 2 decimals cut, the sign first") {
  CHECK(cents_display(123456789, 2) == "1,234,567.89");
  CHECK(cents_display(123456789, 1) == "1,234,567.8");   // cut, not rounded: the table shows what was typed
  CHECK(cents_display(123456789, 0) == "1,234,567");
  CHECK(cents_display(-5, 2) == "-0.05");
  CHECK(cents_display(0, 0) == "0");
  CHECK(cents_display(99, 5) == "0.99");                   // more than 2 decimals: clamped
  CHECK(cents_display(std::numeric_limits<int64_t>::min(), 2) == "-92,233,720,368,547,758.08");
  CHECK(money_display(-123456750) == "-1,234,567.50");
  CHECK(money_display(-123456750) == cents_display(-123456750, 2));
}

TEST_CASE("count, percent and date text") {
  CHECK(count_display(-1234567) == "-1,234,567");
  CHECK(percent_display(0.1234, 1, Lang::en) == "12.3 %");
  CHECK(percent_display(0.1234, 1, Lang::zh) == "12.3%");
  CHECK(iso_date_text(19727) == "2024-01-05");
  CHECK(iso_date_days("2024-01-05") == 19727);
  CHECK(iso_date_days("2023-02-29") == kMissingDays);
  CHECK(iso_date_text(kMissingDays).empty());
}

TEST_CASE("trim_cell: one set of spaces for every reader") {
  CHECK(trim_cell(" \t a b \r\n") == "a b");
  CHECK(trim_cell("\xC2\xA0" "x" "\xE3\x80\x80") == "x");
  CHECK(trim_cell("\r\n").empty());
  CHECK(trim_cell("x") == "x");
  CHECK(is_missing_marker(trim_cell(" N/A\r"), true));
  CHECK(is_missing_marker(trim_cell("-"), true));
  CHECK_FALSE(is_missing_marker(trim_cell("-"), false));   // in a money column "-" is zero
}
