// Cell value parsers: missing markers, money/numbers as exact cents, dates in every accepted form.
#include <doctest/doctest.h>

#include <cmath>

#include "overdue/text/civil_date.hpp"
#include "overdue/text/value_parsers.hpp"

using namespace overdue;

namespace {

ParsedNumber num(std::string_view s, bool money = false, DecimalMark mark = DecimalMark::point) {
  return parse_number(s, mark, money);
}
int64_t cents(std::string_view s, bool money = false) {
  const ParsedNumber n = num(s, money);
  REQUIRE_MESSAGE(n.ok(), s);
  return n.cents;
}
int32_t ymd(int y, int m, int d) { return days_from_civil(y, m, d); }
ParsedDate date(std::string_view s, bool compact = false, bool serial = false) {
  DateAllowances a;
  a.compact = compact;
  a.excel_serial = serial;
  return parse_date(s, a);
}

}  // namespace

TEST_CASE("trim_cell removes ASCII, no-break and ideographic spaces") {
  CHECK(trim_cell("  12 \t") == "12");
  CHECK(trim_cell("\xC2\xA0" "12" "\xC2\xA0") == "12");
  CHECK(trim_cell("\xE3\x80\x80" "张三" "\xE3\x80\x80") == "张三");
  CHECK(trim_cell("a b") == "a b");
  CHECK(trim_cell("   ").empty());
}

TEST_CASE("missing markers: empty, NA, N/A, null in any case, '-' outside money") {
  for (const char* s : {"", "NA", "na", "Na", "N/A", "n/a", "null", "NULL", "Null"})
    CHECK_MESSAGE(is_missing_marker(s, true), s);
  CHECK(is_missing_marker("-", true));
  CHECK_FALSE(is_missing_marker("-", false));  // in a money column "-" is zero
  for (const char* s : {"N", "nan", "none", "0", "--", "NA1", "nulls"})
    CHECK_FALSE_MESSAGE(is_missing_marker(s, true), s);
}

TEST_CASE("money forms become exact cents") {
  CHECK(cents("1,234.50") == 123450);
  CHECK(cents("\xC2\xA5" "1,234.50") == 123450);       // ¥
  CHECK(cents("\xEF\xBF\xA5" "1,234.50") == 123450);   // ￥ (full width)
  CHECK(cents("1234.5\xE5\x85\x83") == 123450);        // 元
  CHECK(cents("1234.5 \xE5\x85\x83") == 123450);
  CHECK(cents("(300.00)") == -30000);
  CHECK(cents("(\xC2\xA5" "300)") == -30000);
  CHECK(cents("-300") == -30000);
  CHECK(cents("+300") == 30000);
  CHECK(cents("$1,234.50") == 123450);
  CHECK(cents("-$200.00") == -20000);
  CHECK(cents("$-200.00") == -20000);
  CHECK(cents("\xE2\x82\xAC" "12") == 1200);           // €
  CHECK(cents("0.1") == 10);
  CHECK(cents(".5") == 50);
  CHECK(cents("12,345,678.91") == 1234567891);
  CHECK(cents("0") == 0);
  CHECK(cents("-0") == 0);
}

TEST_CASE("a lone '-' is zero only in a money column") {
  const ParsedNumber zero = num("-", true);
  REQUIRE(zero.ok());
  CHECK(zero.cents == 0);
  CHECK(zero.integer_form);
  CHECK_FALSE(num("-", false).ok());
}

TEST_CASE("cents beyond two decimals round half away from zero") {
  CHECK(cents("0.125") == 13);
  CHECK(cents("-0.125") == -13);
  CHECK(cents("0.124999") == 12);
  CHECK(cents("2.675") == 268);    // exact decimal digits, not the double 2.67499999…
  CHECK(cents("-2.675") == -268);
  CHECK(cents("0.005") == 1);
  CHECK(cents("0.0049") == 0);
  CHECK(cents("1.999") == 200);
}

TEST_CASE("exponents: exact cents, decimal type") {
  const ParsedNumber n = num("5.00E+05");
  REQUIRE(n.ok());
  CHECK(n.cents == 50000000);
  CHECK(n.value == 500000.0);
  CHECK_FALSE(n.integer_form);  // written with an exponent: decimal
  CHECK(cents("1e+05") == 10000000);
  CHECK(cents("1.5e-1") == 15);
  CHECK(cents("125e-5") == 0);    // 0.00125 → 0 cents
  CHECK(cents("125e-4") == 1);    // 0.0125 → 1 cent (half away from zero)
  CHECK(cents("1e-400") == 0);
  CHECK_FALSE(num("1e").ok());
  CHECK_FALSE(num("e5").ok());
}

TEST_CASE("integer form: whole numbers without decimal mark or exponent") {
  CHECK(num("1234").integer_form);
  CHECK(num("-1,234").integer_form);
  CHECK(num("\xC2\xA5" "1,200").integer_form);
  CHECK_FALSE(num("1234.0").integer_form);
  CHECK_FALSE(num("5.").integer_form);
  CHECK(num("1234").value == 1234.0);
}

TEST_CASE("amounts out of int64 cents are out of range, not silently wrong") {
  CHECK(cents("92233720368547758.07") == INT64_MAX);
  CHECK(num("92233720368547758.08").status == ParsedNumber::Status::out_of_range);
  CHECK(num("-92233720368547758.08").status == ParsedNumber::Status::out_of_range);
  CHECK(num("1e30").status == ParsedNumber::Status::out_of_range);
  CHECK(num("123456789012345678901234567890").status == ParsedNumber::Status::out_of_range);
}

TEST_CASE("doubles come from fast_float") {
  CHECK(num("0.766126609").value == 0.766126609);
  CHECK(num("1,234.5").value == 1234.5);
  CHECK(num("(2.5)").value == -2.5);
  CHECK(num("1.234,5", false, DecimalMark::comma).value == 1234.5);
  CHECK_FALSE(std::signbit(num("-0.0").value));
}

TEST_CASE("text is not a number") {
  for (const char* s : {"abc", "12a", "1,23", "1,2345", "12,34.5", "--5", "+-5", "(-5)", "(5",
                        "$", "\xE5\x85\x83", "1.2.3", "1 234", "0x10", "inf", "nan", "5%", "()",
                        "1..2", "1,,234"})
    CHECK_FALSE_MESSAGE(num(s).ok(), s);
}

TEST_CASE("decimal comma numbers (European files)") {
  const DecimalMark comma = DecimalMark::comma;
  CHECK(num("1.234,50", false, comma).cents == 123450);
  CHECK(num("300,00", false, comma).cents == 30000);
  CHECK(num("1.234", false, comma).cents == 123400);   // '.' groups thousands here
  CHECK(num("1.234", false, comma).integer_form);
  CHECK_FALSE(num("1.5", false, comma).ok());
  CHECK_FALSE(num("300,00").ok());                      // not with a decimal point
}

TEST_CASE("dates: year-first forms with and without time") {
  const int32_t jan5 = ymd(2024, 1, 5);
  struct Case { const char* text; DatePattern pattern; TimePart time; };
  const Case cases[] = {
      {"2024-01-05", DatePattern::iso_dash, TimePart::none},
      {"2024-1-5", DatePattern::iso_dash, TimePart::none},
      {"2024/1/5", DatePattern::iso_slash, TimePart::none},
      {"2024/01/05", DatePattern::iso_slash, TimePart::none},
      {"2024/1/5 0:00:00", DatePattern::iso_slash, TimePart::hms},
      {"2024-01-05 13:45", DatePattern::iso_dash, TimePart::hm},
      {"2024-01-05 13:45:59.123", DatePattern::iso_dash, TimePart::hms},
      {"2024-01-05T13:45:00", DatePattern::iso_dash, TimePart::hms},
      {"2024.1.5", DatePattern::iso_dot, TimePart::none},
      {"2024\xE5\xB9\xB4" "1\xE6\x9C\x88" "5\xE6\x97\xA5", DatePattern::chinese, TimePart::none},
      {"2024\xE5\xB9\xB4" "01\xE6\x9C\x88" "05\xE6\x97\xA5", DatePattern::chinese, TimePart::none},
  };
  for (const Case& c : cases) {
    const ParsedDate d = date(c.text);
    REQUIRE_MESSAGE(d.ok(), c.text);
    CHECK_MESSAGE(d.days == jan5, c.text);
    CHECK_MESSAGE(d.pattern == c.pattern, c.text);
    CHECK_MESSAGE(d.time == c.time, c.text);
  }
}

TEST_CASE("dates: calendar validation and year range") {
  CHECK(date("2024-02-29").ok());
  CHECK(date("2024-02-30").status == ParsedDate::Status::invalid_date);
  CHECK(date("2023-02-29").status == ParsedDate::Status::invalid_date);
  CHECK(date("1900-02-29").status == ParsedDate::Status::invalid_date);
  CHECK(date("2000-02-29").ok());
  CHECK(date("0000-01-01").status == ParsedDate::Status::invalid_date);
  CHECK(date("2024-13-01").status == ParsedDate::Status::invalid_date);
  CHECK(date("2024-04-31").status == ParsedDate::Status::invalid_date);
  CHECK(date("9999-12-31").ok());
  CHECK_FALSE(date("2024-01-05 24:00").ok());
  CHECK_FALSE(date("2024-01-05 12:60").ok());
  CHECK_FALSE(date("2024-01-05 12:5").ok());
  CHECK_FALSE(date("2024/1/5T10:00").ok());
  for (const char* s : {"2024-01", "2024-01-05x", "2024-01/05", "24-01-05", "2024年1月5", "Jan 5",
                        "abc", "", "2024"})
    CHECK_FALSE_MESSAGE(date(s).ok(), s);
}

TEST_CASE("dates: numeric day/month forms carry both readings") {
  const ParsedDate both = date("1/5/2024");
  REQUIRE(both.ok());
  CHECK(both.pattern == DatePattern::numeric_slash);
  CHECK(both.days_month_first == ymd(2024, 1, 5));
  CHECK(both.days_day_first == ymd(2024, 5, 1));
  const ParsedDate day_first = date("25/01/2024");
  REQUIRE(day_first.ok());
  CHECK(day_first.days_month_first == kMissingDays);
  CHECK(day_first.days_day_first == ymd(2024, 1, 25));
  const ParsedDate month_first = date("01/25/2024 10:30");
  REQUIRE(month_first.ok());
  CHECK(month_first.days_month_first == ymd(2024, 1, 25));
  CHECK(month_first.days_day_first == kMissingDays);
  CHECK(date("05-01-2024").pattern == DatePattern::numeric_dash);
  CHECK(date("13/13/2024").status == ParsedDate::Status::invalid_date);
  const ParsedDate dotted = date("05.01.2024");  // always day first
  REQUIRE(dotted.ok());
  CHECK(dotted.pattern == DatePattern::dotted);
  CHECK(dotted.days == ymd(2024, 1, 5));
  CHECK(date("31.12.2024").days == ymd(2024, 12, 31));
  CHECK(date("12.31.2024").status == ParsedDate::Status::invalid_date);
}

TEST_CASE("dates: yyyymmdd only when allowed") {
  CHECK_FALSE(date("20240105").ok());
  const ParsedDate d = date("20240105", true);
  REQUIRE(d.ok());
  CHECK(d.pattern == DatePattern::compact);
  CHECK(d.days == ymd(2024, 1, 5));
  CHECK(date("20240230", true).status == ParsedDate::Status::invalid_date);
  CHECK(date("12345678", true).status == ParsedDate::Status::invalid_date);
}

TEST_CASE("Excel serials: 1900 system with the leap-year bug") {
  CHECK(excel_serial_to_days(1) == ymd(1900, 1, 1));
  CHECK(excel_serial_to_days(59) == ymd(1900, 2, 28));
  CHECK(excel_serial_to_days(60) == kMissingDays);  // Excel's fictitious 1900-02-29
  CHECK(excel_serial_to_days(61) == ymd(1900, 3, 1));
  CHECK(excel_serial_to_days(25569) == 0);          // 1970-01-01
  CHECK(excel_serial_to_days(45296) == ymd(2024, 1, 5));
  CHECK(excel_serial_to_days(2958465) == ymd(9999, 12, 31));
  CHECK(excel_serial_to_days(0) == kMissingDays);
  CHECK(excel_serial_to_days(2958466) == kMissingDays);
  CHECK_FALSE(date("45296").ok());                  // not allowed: just a number
  const ParsedDate d = date("45296", false, true);
  REQUIRE(d.ok());
  CHECK(d.pattern == DatePattern::excel_serial);
  CHECK(d.days == ymd(2024, 1, 5));
  // Serials are read from 1990 to 2099 only (issue #17): 60, Excel's fictitious 1900-02-29, and
  // other small numbers are not dates at all.
  CHECK(date("60", false, true).status == ParsedDate::Status::not_a_date);
}

TEST_CASE("date format names are strftime-like") {
  CHECK(date_format_name(DatePattern::iso_dash, TimePart::none, ' ', false) == "%Y-%m-%d");
  CHECK(date_format_name(DatePattern::iso_slash, TimePart::hms, ' ', false) == "%Y/%m/%d %H:%M:%S");
  CHECK(date_format_name(DatePattern::iso_dash, TimePart::hm, ' ', false) == "%Y-%m-%d %H:%M");
  CHECK(date_format_name(DatePattern::chinese, TimePart::none, ' ', false) ==
        "%Y\xE5\xB9\xB4%m\xE6\x9C\x88%d\xE6\x97\xA5");
  CHECK(date_format_name(DatePattern::compact, TimePart::none, ' ', false) == "%Y%m%d");
  CHECK(date_format_name(DatePattern::numeric_slash, TimePart::none, ' ', false) == "%m/%d/%Y");
  CHECK(date_format_name(DatePattern::numeric_slash, TimePart::none, ' ', true) == "%d/%m/%Y");
  CHECK(date_format_name(DatePattern::dotted, TimePart::none, ' ', true) == "%d.%m.%Y");
  CHECK(date_format_name(DatePattern::excel_serial, TimePart::none, ' ', false) == "excel-serial");
}

TEST_CASE("civil date arithmetic round-trips") {
  for (int32_t z = ymd(1900, 1, 1); z <= ymd(2100, 12, 31); z += 17) {
    const CivilDate c = civil_from_days(z);
    REQUIRE(days_from_civil(c.year, c.month, c.day) == z);
  }
  CHECK(ymd(1970, 1, 1) == 0);
  CHECK(ymd(2000, 3, 1) - ymd(2000, 2, 28) == 2);
  CHECK(ymd(1900, 3, 1) - ymd(1900, 2, 28) == 1);
}

TEST_CASE("plain numbers (fast path) agree with the general parser") {
  // "+x" and "x元" take the general path; "x" and "-x" the fast one.
  uint32_t state = 99;
  auto next = [&] { return state = state * 1664525u + 1013904223u; };
  for (int i = 0; i < 20000; ++i) {
    std::string s = std::to_string(next() % 100000000u);
    const int decimals = static_cast<int>(next() % 9);
    if (decimals > 0) {
      std::string frac = std::to_string(next() % 1000000000u);
      frac = std::string(9 - frac.size(), '0') + frac;
      s += "." + frac.substr(0, static_cast<size_t>(decimals));
    }
    const ParsedNumber fast = num(s);
    const ParsedNumber general = num("+" + s);
    const ParsedNumber yuan = num(s + "\xE5\x85\x83");
    REQUIRE_MESSAGE(fast.ok(), s);
    REQUIRE(general.ok());
    REQUIRE_MESSAGE(fast.cents == general.cents, s);
    REQUIRE_MESSAGE(fast.value == general.value, s);
    REQUIRE(fast.integer_form == general.integer_form);
    REQUIRE(yuan.cents == fast.cents);
    const ParsedNumber negative = num("-" + s);
    REQUIRE(negative.cents == -fast.cents);
    REQUIRE(negative.value == -fast.value);
  }
}
