// Cell value parsers (see value_parsers.hpp). Every function reads bytes with explicit ASCII
// tests: no <cctype>, no locale, no strtod.
//
// [SECTION] cells
// [SECTION] numbers: structure check, exact cents, double
// [SECTION] dates: year-first, numeric d/m, compact, Excel serials, time of day
#include "overdue/text/value_parsers.hpp"

#include <cmath>
#include <cstring>

#include <fast_float/fast_float.h>

#include "overdue/text/civil_date.hpp"

namespace overdue {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with(const char* p, const char* e, std::string_view prefix) {
  return static_cast<size_t>(e - p) >= prefix.size() &&
         std::memcmp(p, prefix.data(), prefix.size()) == 0;
}

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

}  // namespace

// [SECTION] cells --------------------------------------------------------------------------------

std::string_view trim_cell(std::string_view cell) noexcept {
  if (cell.empty()) return cell;
  // Fast exit: nothing to trim unless an end byte can belong to a space (' ', '\t', '\r', '\n',
  // or the first/last byte of U+00A0 C2 A0 / U+3000 E3 80 80).
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  const auto front = static_cast<unsigned char>(cell.front());
  const auto back = static_cast<unsigned char>(cell.back());
  if (!ascii_space(cell.front()) && front != 0xC2 && front != 0xE3 && !ascii_space(cell.back()) &&
      back != 0xA0 && back != 0x80)
    return cell;
  const char* p = cell.data();
  const char* e = p + cell.size();
  for (;;) {
    if (p < e && ascii_space(*p)) ++p;
    else if (starts_with(p, e, kNoBreakSpace)) p += 2;
    else if (starts_with(p, e, kIdeographicSpace)) p += 3;
    else break;
  }
  for (;;) {
    if (e > p && ascii_space(e[-1])) --e;
    else if (e - p >= 2 && std::memcmp(e - 2, kNoBreakSpace.data(), 2) == 0) e -= 2;
    else if (e - p >= 3 && std::memcmp(e - 3, kIdeographicSpace.data(), 3) == 0) e -= 3;
    else break;
  }
  return std::string_view(p, static_cast<size_t>(e - p));
}

bool is_missing_marker(std::string_view c, bool dash_is_missing) noexcept {
  auto lower = [](char ch) { return static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch); };
  switch (c.size()) {
    case 0: return true;
    case 1: return dash_is_missing && c[0] == '-';
    case 2: return lower(c[0]) == 'n' && lower(c[1]) == 'a';
    case 3: return lower(c[0]) == 'n' && c[1] == '/' && lower(c[2]) == 'a';
    case 4:
      return lower(c[0]) == 'n' && lower(c[1]) == 'u' && lower(c[2]) == 'l' && lower(c[3]) == 'l';
    default: return false;
  }
}

// [SECTION] numbers ------------------------------------------------------------------------------

namespace {

// Length of a currency sign at p (¥ ￥ $ € £), 0 when none.
size_t currency_sign_length(const char* p, const char* e) {
  if (p < e && *p == '$') return 1;
  if (starts_with(p, e, "\xC2\xA5") || starts_with(p, e, "\xC2\xA3")) return 2;  // ¥ £
  if (starts_with(p, e, "\xEF\xBF\xA5") || starts_with(p, e, "\xE2\x82\xAC")) return 3;  // ￥ €
  return 0;
}

constexpr std::string_view kYuan = "\xE5\x85\x83";  // 元

// The digits part of a number, located by a structure check.
struct NumberBody {
  const char* int_begin = nullptr;   // integer digits, possibly with group separators
  const char* int_end = nullptr;
  const char* frac_begin = nullptr;  // decimal digits (after the decimal mark)
  const char* frac_end = nullptr;
  int int_digits = 0;
  int frac_digits = 0;
  bool has_mark = false;
  bool has_groups = false;
  bool has_exponent = false;
  int64_t exponent = 0;              // saturated to ±1,000,000
  const char* end = nullptr;         // end of the body (exponent included)
};

// Integer digits optionally grouped by threes ("1,234,567"; the first group has 1-3 digits),
// then an optional decimal mark and digits, then an optional exponent. Returns false unless the
// whole of [p, e) is such a body with at least one digit.
bool scan_body(const char* p, const char* e, char group, char mark, NumberBody& b) {
  b.int_begin = p;
  while (p < e && is_digit(*p)) ++p;
  b.int_digits = static_cast<int>(p - b.int_begin);
  if (p < e && *p == group && b.int_digits >= 1 && b.int_digits <= 3) {
    while (p < e && *p == group) {
      if (e - p < 4 || !is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3])) return false;
      p += 4;
      b.int_digits += 3;
      b.has_groups = true;
    }
    if (p < e && is_digit(*p)) return false;  // a group of more than three digits
  }
  b.int_end = p;
  b.frac_begin = b.frac_end = p;
  if (p < e && *p == mark) {
    b.has_mark = true;
    ++p;
    b.frac_begin = p;
    while (p < e && is_digit(*p)) ++p;
    b.frac_end = p;
    b.frac_digits = static_cast<int>(p - b.frac_begin);
  }
  if (b.int_digits + b.frac_digits == 0) return false;
  if (p < e && (*p == 'e' || *p == 'E')) {
    ++p;
    bool negative = false;
    if (p < e && (*p == '+' || *p == '-')) negative = *p++ == '-';
    if (p == e || !is_digit(*p)) return false;
    int64_t x = 0;
    while (p < e && is_digit(*p)) {
      if (x < 1000000) x = x * 10 + (*p - '0');
      ++p;
    }
    b.has_exponent = true;
    b.exponent = negative ? -x : x;
  }
  b.end = p;
  return p == e;
}

// value × 100 from the body's digits, exact; digits beyond the cents are rounded half away from
// zero (the first dropped digit decides). False on overflow of int64.
bool body_to_cents(const NumberBody& b, char group, int64_t& cents) {
  const int64_t shift = b.exponent + 2 - b.frac_digits;  // cents = digits × 10^shift
  const int64_t total = b.int_digits + b.frac_digits;
  const int64_t keep = shift < 0 ? total + shift : total;  // digits that stay left of the cents
  constexpr uint64_t kMax = static_cast<uint64_t>(INT64_MAX);
  uint64_t acc = 0;
  int64_t index = 0;
  bool round_up = false;
  auto take = [&](char c) -> bool {
    const unsigned d = static_cast<unsigned>(c - '0');
    if (index < keep) {
      if (acc > (kMax - d) / 10) return false;
      acc = acc * 10 + d;
    } else if (index == keep) {
      round_up = d >= 5;
    }
    ++index;
    return true;
  };
  for (const char* p = b.int_begin; p < b.int_end; ++p)
    if (*p != group && !take(*p)) return false;
  for (const char* p = b.frac_begin; p < b.frac_end; ++p)
    if (!take(*p)) return false;
  if (round_up) {
    if (acc == kMax) return false;
    ++acc;
  }
  if (shift > 0 && acc != 0) {
    for (int64_t i = 0; i < shift; ++i) {
      if (acc > kMax / 10) return false;
      acc *= 10;
    }
  }
  cents = static_cast<int64_t>(acc);
  return true;
}

// The nearest double of the body (fast_float is correctly rounded on every platform).
bool body_to_double(const NumberBody& b, char group, char mark, double& value) {
  const char* begin = b.int_begin;
  const size_t length = static_cast<size_t>(b.end - begin);
  if (!b.has_groups && mark == '.') {
    const auto r = fast_float::from_chars(begin, b.end, value);
    return r.ec == std::errc() && r.ptr == b.end;
  }
  char buffer[128];  // the body without group separators, with '.' as the decimal mark
  if (length >= sizeof(buffer)) return false;
  size_t n = 0;
  for (const char* p = begin; p < b.end; ++p) {
    if (p < b.int_end && *p == group) continue;
    buffer[n++] = *p == mark && p == b.int_end ? '.' : *p;
  }
  const auto r = fast_float::from_chars(buffer, buffer + n, value);
  return r.ec == std::errc() && r.ptr == buffer + n;
}

constexpr uint64_t kPow10[] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                               10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                               100000000000ull, 1000000000000ull, 10000000000000ull,
                               100000000000000ull, 1000000000000000ull};
constexpr double kPow10Double[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// The common case, "-12" or "0.766126609" with at most 15 digits, without the general
// machinery. Same results as the general path: cents exact (rounded half away from zero beyond
// two decimals), and the double correctly rounded because digits < 2^53 and 10^k (k <= 15) are
// exact doubles, so one IEEE division rounds correctly (Clinger's fast path, as in fast_float).
// Returns false for anything else.
bool parse_plain_number(const char* p, const char* e, ParsedNumber& out) {
  const bool negative = p < e && *p == '-';
  if (negative) ++p;
  const char* int_begin = p;
  uint64_t int_value = 0;
  while (p < e && is_digit(*p) && p - int_begin < 16) int_value = int_value * 10 + uint64_t(*p++ - '0');
  const int int_digits = static_cast<int>(p - int_begin);
  if (int_digits == 0 || int_digits > 15) return false;
  uint64_t frac_value = 0;
  int frac_digits = 0;
  const bool has_mark = p < e && *p == '.';
  if (has_mark) {
    const char* frac_begin = ++p;
    while (p < e && is_digit(*p) && int_digits + (p - frac_begin) < 16)
      frac_value = frac_value * 10 + uint64_t(*p++ - '0');
    frac_digits = static_cast<int>(p - frac_begin);
    if (frac_digits == 0 || int_digits + frac_digits > 15) return false;
  }
  if (p != e) return false;
  uint64_t cents = int_value * 100;
  if (frac_digits <= 2) {
    cents += frac_value * kPow10[2 - frac_digits];
  } else {
    const uint64_t scale = kPow10[frac_digits - 2];
    cents += frac_value / scale + (frac_value % scale * 2 >= scale ? 1 : 0);
  }
  const uint64_t digits = int_value * kPow10[frac_digits] + frac_value;
  double value = frac_digits == 0 ? static_cast<double>(digits)
                                  : static_cast<double>(digits) / kPow10Double[frac_digits];
  out.status = ParsedNumber::Status::ok;
  out.integer_form = !has_mark;
  out.cents = negative ? -static_cast<int64_t>(cents) : static_cast<int64_t>(cents);
  out.value = negative && value != 0 ? -value : value;
  return true;
}

}  // namespace

ParsedNumber parse_number(std::string_view cell, DecimalMark decimal_mark,
                          bool lone_dash_is_zero) noexcept {
  ParsedNumber out;
  const char* p = cell.data();
  const char* e = p + cell.size();
  if (decimal_mark == DecimalMark::point && parse_plain_number(p, e, out)) return out;
  if (cell.size() == 1 && *p == '-') {
    if (lone_dash_is_zero) {  // Excel's accounting format writes zero as "-"
      out.status = ParsedNumber::Status::ok;
      out.integer_form = true;
      out.cents = 0;
      out.value = 0;
    }
    return out;
  }
  bool negative = false, parentheses = false;
  if (p < e && *p == '(') {  // accounting negative: (300.00), (¥300.00)
    if (e[-1] != ')') return out;
    parentheses = true;
    ++p;
    --e;
  }
  bool sign_seen = false, currency_seen = false;
  for (int i = 0; i < 2; ++i) {  // sign and currency sign, in either order: -¥300, ¥-300
    if (!sign_seen && p < e && (*p == '-' || *p == '+')) {
      negative = *p == '-';
      sign_seen = true;
      ++p;
    } else if (size_t len = currency_seen ? 0 : currency_sign_length(p, e)) {
      currency_seen = true;
      p += len;
      while (p < e && *p == ' ') ++p;
    }
  }
  if (parentheses && sign_seen) return out;
  if (e - p >= 3 && std::memcmp(e - 3, kYuan.data(), 3) == 0) {  // 1234.5元
    e -= 3;
    while (e > p && e[-1] == ' ') --e;
  }
  const char group = decimal_mark == DecimalMark::point ? ',' : '.';
  const char mark = decimal_mark == DecimalMark::point ? '.' : ',';
  NumberBody body;
  if (p >= e || !scan_body(p, e, group, mark, body)) return out;
  int64_t cents = 0;
  double value = 0;
  if (!body_to_cents(body, group, cents) || !body_to_double(body, group, mark, value) ||
      !std::isfinite(value)) {
    out.status = ParsedNumber::Status::out_of_range;
    return out;
  }
  if (negative || parentheses) {
    cents = -cents;
    value = -value;
  }
  if (value == 0) value = 0;  // no negative zero: "-0" and "0" are the same amount
  out.status = ParsedNumber::Status::ok;
  out.integer_form = !body.has_mark && !body.has_exponent;
  out.cents = cents;
  out.value = value;
  return out;
}

// [SECTION] dates --------------------------------------------------------------------------------

namespace {

constexpr std::string_view kNian = "\xE5\xB9\xB4";  // 年
constexpr std::string_view kYue = "\xE6\x9C\x88";   // 月
constexpr std::string_view kRi = "\xE6\x97\xA5";    // 日

// Reads 1..max_digits digits into value; false when there is no digit or more than max_digits.
bool read_number(const char*& p, const char* e, int max_digits, int& value) {
  const char* start = p;
  value = 0;
  while (p < e && is_digit(*p)) {
    if (p - start == max_digits) return false;
    value = value * 10 + (*p - '0');
    ++p;
  }
  return p > start;
}

bool read_exact_digits(const char*& p, const char* e, int digits, int& value) {
  value = 0;
  for (int i = 0; i < digits; ++i, ++p) {
    if (p >= e || !is_digit(*p)) return false;
    value = value * 10 + (*p - '0');
  }
  return true;
}

bool read_literal(const char*& p, const char* e, std::string_view literal) {
  if (!starts_with(p, e, literal)) return false;
  p += literal.size();
  return true;
}

// A time zone after the time of day: "Z", "+00:00", "+0800", "-05", " UTC", " +08:00". Skipped:
// the date is the one written, whatever the zone (issue #17: an export's timestamp is the day
// the bookkeeper saw, not the same instant elsewhere).
bool skip_time_zone(const char*& p, const char* e) {
  if (p == e) return true;
  const char* q = p;
  if (*q == ' ') ++q;
  if (q < e && *q == 'Z' && q + 1 == e) {
    p = e;
    return true;
  }
  if (e - q == 3 && ((q[0] == 'U' && q[1] == 'T' && q[2] == 'C') || (q[0] == 'G' && q[1] == 'M' && q[2] == 'T'))) {
    p = e;
    return true;
  }
  if (q < e && (*q == '+' || *q == '-')) {
    ++q;
    int hours = 0, minutes = 0;
    if (!read_exact_digits(q, e, 2, hours) || hours > 14) return false;
    if (q < e && *q == ':') ++q;
    if (q < e && (!read_exact_digits(q, e, 2, minutes) || minutes > 59)) return false;
    p = q;
    return true;
  }
  return true;  // not a zone: the caller finds the text left over
}

// " 13:45", " 0:00:00", "T13:45:00.000" up to the end of the cell, with an optional time zone. The time of day is checked
// and then dropped: the importer keeps dates, not timestamps.
bool read_time(const char*& p, const char* e, ParsedDate& d) {
  if (p == e) {
    d.time = TimePart::none;
    return true;
  }
  if (*p != ' ' && *p != 'T') return false;
  d.time_separator = *p++;
  int hour = 0, minute = 0, second = 0;
  if (!read_number(p, e, 2, hour) || hour > 23) return false;
  if (!read_literal(p, e, ":") || !read_exact_digits(p, e, 2, minute) || minute > 59) return false;
  d.time = TimePart::hm;
  if (p < e && *p == ':') {
    ++p;
    if (!read_exact_digits(p, e, 2, second) || second > 59) return false;
    d.time = TimePart::hms;
    if (p < e && *p == '.') {  // fractions of a second
      ++p;
      const char* start = p;
      while (p < e && is_digit(*p)) ++p;
      if (p == start) return false;
    }
  }
  return skip_time_zone(p, e) && p == e;
}

ParsedDate make_date(ParsedDate d, int y, int m, int day) {
  if (!is_valid_civil(y, m, day)) {
    d.status = ParsedDate::Status::invalid_date;
    return d;
  }
  d.status = ParsedDate::Status::ok;
  d.days = days_from_civil(y, m, day);
  return d;
}

// 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, each with an optional time of day.
ParsedDate parse_year_first(const char* p, const char* e, int year) {
  ParsedDate d;
  int month = 0, day = 0;
  if (*p == '-' || *p == '/' || *p == '.') {
    const char sep = *p++;
    d.pattern = sep == '-' ? DatePattern::iso_dash
                : sep == '/' ? DatePattern::iso_slash : DatePattern::iso_dot;
    if (!read_number(p, e, 2, month) || p == e || *p++ != sep || !read_number(p, e, 2, day))
      return d;
  } else if (read_literal(p, e, kNian)) {
    d.pattern = DatePattern::chinese;
    if (!read_number(p, e, 2, month) || !read_literal(p, e, kYue) || !read_number(p, e, 2, day) ||
        !read_literal(p, e, kRi))
      return d;
  } else {
    return d;
  }
  if (!read_time(p, e, d)) return d;
  if (d.time_separator == 'T' && d.pattern != DatePattern::iso_dash) return d;
  return make_date(d, year, month, day);
}

// 1/5/2024 and 5/1/2024 (order decided by the column), 05-01-2024, 05.01.2024 (day first).
ParsedDate parse_day_month_year(const char* p, const char* e, int first) {
  ParsedDate d;
  const char sep = *p++;
  int second = 0, year = 0;
  if (!read_number(p, e, 2, second) || p == e || *p++ != sep || !read_exact_digits(p, e, 4, year))
    return d;
  if (!read_time(p, e, d) || d.time_separator == 'T') return d;
  if (sep == '.') {
    d.pattern = DatePattern::dotted;
    return make_date(d, year, second, first);
  }
  d.pattern = sep == '/' ? DatePattern::numeric_slash : DatePattern::numeric_dash;
  if (is_valid_civil(year, first, second)) d.days_month_first = days_from_civil(year, first, second);
  if (is_valid_civil(year, second, first)) d.days_day_first = days_from_civil(year, second, first);
  d.status = d.days_month_first != kMissingDays || d.days_day_first != kMissingDays
                 ? ParsedDate::Status::ok
                 : ParsedDate::Status::invalid_date;
  return d;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// An English month name at p, 3 letters or in full, any case ("Jan", "JANUARY", "Sept"); the
// month 1..12, or 0 (p not moved) when the letters there are no month.
int read_month_name(const char*& p, const char* e) {
  char word[10];
  size_t n = 0;
  const char* q = p;
  while (q < e && is_letter(*q)) {
    if (n == sizeof word) return 0;
    word[n++] = static_cast<char>(*q++ | 0x20);
  }
  static const char* const names[] = {"january", "february", "march",     "april",   "may",      "june",
                                      "july",    "august",   "september", "october", "november", "december"};
  const std::string_view w(word, n);
  for (int m = 0; m < 12; ++m) {
    const std::string_view full(names[m]);
    if (w == full || (n == 3 && w == full.substr(0, 3)) || (m == 8 && w == "sept")) {
      p = q;
      return m + 1;
    }
  }
  return 0;
}

// "Jan 28 2021", "January 28, 2021", "Jan-28-2021", "Jan. 28, 2021" (QuickBooks, FreshBooks,
// Wave, US exports): an English month name, a day of 1 or 2 digits, a 4-digit year.
ParsedDate parse_month_name_first(const char* p, const char* e) {
  ParsedDate d;
  const int month = read_month_name(p, e);
  if (month == 0 || p == e) return d;
  if (*p == '.') ++p;  // "Jan."
  if (p == e || (*p != ' ' && *p != '-')) return d;
  const char sep = *p++;
  int day = 0, year = 0;
  if (!read_number(p, e, 2, day)) return d;
  if (p < e && *p == ',') ++p;
  if (p == e || *p++ != sep || !read_exact_digits(p, e, 4, year)) return d;
  if (p < e && *p == ',') ++p;  // "January 28, 2021, 11:04"
  if (!read_time(p, e, d) || d.time_separator == 'T') return d;
  d.pattern = DatePattern::month_name_day;
  return make_date(d, year, month, day);
}

// "5 Jan 2024", "05-Jan-2024", "31 March 2026": a day, an English month name (3 letters or in
// full, any case) and a 4-digit year, separated by one space or one dash (Xero's reports, Excel's
// d-mmm-yyyy format).
ParsedDate parse_day_month_name(const char* p, const char* e, int day) {
  ParsedDate d;
  const char sep = *p++;
  const int month = read_month_name(p, e);
  int year = 0;
  if (month == 0 || p == e || *p++ != sep || !read_exact_digits(p, e, 4, year)) return d;
  if (!read_time(p, e, d) || d.time_separator == 'T') return d;
  d.pattern = DatePattern::day_month_name;
  return make_date(d, year, month, day);
}

}  // namespace

int32_t excel_serial_to_days(int64_t serial) noexcept {
  // 25569 is the serial of 1970-01-01; below 60 there is no fictitious leap day to skip.
  if (serial < 1 || serial > 2958465 || serial == 60) return kMissingDays;
  return static_cast<int32_t>(serial < 60 ? serial - 25568 : serial - 25569);
}

ParsedDate parse_date(std::string_view cell, DateAllowances allow) noexcept {
  ParsedDate d;
  const char* p = cell.data();
  const char* e = p + cell.size();
  const char* start = p;
  int first = 0;
  if (p < e && is_letter(*p)) return parse_month_name_first(p, e);
  while (p < e && is_digit(*p) && p - start < 9) first = first * 10 + (*p++ - '0');
  const long digits = p - start;
  if (digits == 0) return d;
  // "20200210.0": a yyyymmdd date that went through a spreadsheet's floating point (SAP extracts).
  const char* zeros = p;
  if (digits == 8 && allow.compact && p < e && *p == '.' && p + 1 < e) {
    ++zeros;
    while (zeros < e && *zeros == '0') ++zeros;
  }
  if (p == e || zeros == e) {  // digits only: yyyymmdd or an Excel serial
    if (digits == 8 && allow.compact) {
      d.pattern = DatePattern::compact;
      return make_date(d, first / 10000, first / 100 % 100, first % 100);
    }
    // Serials only from 1990 to 2099: a small number in a date-named column ("Day_due": 13, 45)
    // is a count of days, not a day in 1900.
    if (p == e && digits <= 7 && allow.excel_serial && first >= kExcelSerialMin && first <= kExcelSerialMax) {
      d.pattern = DatePattern::excel_serial;
      d.days = excel_serial_to_days(first);
      d.status = d.days != kMissingDays ? ParsedDate::Status::ok : ParsedDate::Status::invalid_date;
    }
    return d;
  }
  if (digits == 4) return parse_year_first(p, e, first);
  if (digits <= 2 && (*p == ' ' || *p == '-') && p + 1 < e && ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z'))
    return parse_day_month_name(p, e, first);
  if (digits <= 2 && (*p == '/' || *p == '-' || *p == '.')) return parse_day_month_year(p, e, first);
  return d;
}

std::string date_format_name(DatePattern pattern, TimePart time, char time_separator,
                             bool day_first) {
  std::string f;
  switch (pattern) {
    case DatePattern::iso_dash: f = "%Y-%m-%d"; break;
    case DatePattern::iso_slash: f = "%Y/%m/%d"; break;
    case DatePattern::iso_dot: f = "%Y.%m.%d"; break;
    case DatePattern::chinese: f = "%Y\xE5\xB9\xB4%m\xE6\x9C\x88%d\xE6\x97\xA5"; break;
    case DatePattern::compact: f = "%Y%m%d"; break;
    case DatePattern::numeric_slash: f = day_first ? "%d/%m/%Y" : "%m/%d/%Y"; break;
    case DatePattern::numeric_dash: f = day_first ? "%d-%m-%Y" : "%m-%d-%Y"; break;
    case DatePattern::dotted: f = "%d.%m.%Y"; break;
    case DatePattern::excel_serial: return "excel-serial";
    case DatePattern::day_month_name: f = "%d %b %Y"; break;
    case DatePattern::month_name_day: f = "%b %d %Y"; break;
    case DatePattern::count: break;
  }
  if (time != TimePart::none) {
    f += time_separator;
    f += time == TimePart::hm ? "%H:%M" : "%H:%M:%S";
  }
  return f;
}

}  // namespace overdue
