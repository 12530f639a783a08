// Display formatting of numbers, money and dates. Integers and money come from exact int64 values;
// only non-money decimals with more than two fraction digits go through a double.
#include "format.hpp"

#include <cmath>
#include <cstdio>

#include "overdue/roles/roles.hpp"

namespace app {
namespace {

// Inserts ',' every three digits into the integer part of a plain decimal string
// ("-1234567.89" → "-1,234,567.89").
std::string group_digits(std::string_view plain) {
  size_t start = (!plain.empty() && (plain[0] == '-' || plain[0] == '+')) ? 1 : 0;
  size_t int_end = plain.find('.');
  if (int_end == std::string_view::npos) int_end = plain.size();
  const size_t int_digits = int_end - start;
  std::string out(plain.substr(0, start));
  out.reserve(plain.size() + int_digits / 3);
  for (size_t i = 0; i < int_digits; ++i) {
    if (i > 0 && (int_digits - i) % 3 == 0) out += ',';
    out += plain[start + i];
  }
  out.append(plain.substr(int_end));
  return out;
}

// |v| as decimal digits, safe for INT64_MIN.
std::string magnitude_digits(int64_t v) {
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + m % 10);
    m /= 10;
  } while (m != 0);
  std::string s;
  while (n > 0) s += buf[--n];
  return s;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The importer's missing-value tokens (issue #2): empty, NA, N/A, null, and a lone "-".
bool is_missing_token(std::string_view text) {
  text = trim_ascii(text);
  return text.empty() || ascii_iequals(text, "na") || ascii_iequals(text, "n/a") ||
         ascii_iequals(text, "null") || text == "-";
}

}  // namespace

std::string format_count(int64_t value) {
  std::string digits = magnitude_digits(value);
  return group_digits(value < 0 ? "-" + digits : digits);
}

std::string format_cents(int64_t cents, int decimals, bool money) {
  const bool negative = cents < 0;
  std::string digits = magnitude_digits(cents);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  std::string plain = digits.substr(0, digits.size() - 2);
  if (decimals > 0) plain += "." + digits.substr(digits.size() - 2, static_cast<size_t>(decimals > 2 ? 2 : decimals));
  std::string grouped = group_digits(plain);
  if (money) grouped.insert(0, "¥");
  if (negative) grouped.insert(0, "-");
  return grouped;
}

std::string format_decimal(double value, int decimals) {
  if (std::isnan(value)) return {};
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return group_digits(buf);
}

std::string format_iso_date(int32_t days) {
  // civil_from_days: http://howardhinnant.github.io/date_algorithms.html
  int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

int fraction_digits(std::string_view text) {
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
  return n;
}

bool column_is_money(const overdue::Column& column) {
  return column.money || overdue::role_is_money(column.role);
}

void format_cell(const overdue::Column& column, size_t row, CellText& out) {
  const std::string_view raw = row < column.text.size() ? column.text.at(row) : std::string_view();
  out.align = CellAlign::left;
  out.unparsed = false;
  switch (column.type) {
    case overdue::ColumnType::integer:
    case overdue::ColumnType::decimal: {
      out.align = CellAlign::right;
      const bool money = column_is_money(column);
      const int64_t cents = row < column.cents.size() ? column.cents[row] : overdue::kMissingCents;
      const double number = row < column.number.size() ? column.number[row] : std::nan("");
      const int digits = fraction_digits(raw);
      if (cents != overdue::kMissingCents && (money || digits <= 2)) {
        const int decimals = money ? 2 : (column.type == overdue::ColumnType::integer ? 0 : digits);
        out.text = format_cents(cents, decimals, money);
        return;
      }
      if (!std::isnan(number)) {
        out.text = format_decimal(number, column.type == overdue::ColumnType::integer ? 0 : digits);
        return;
      }
      break;
    }
    case overdue::ColumnType::date: {
      const int32_t days = row < column.days.size() ? column.days[row] : overdue::kMissingDays;
      if (days != overdue::kMissingDays) {
        out.text = format_iso_date(days);
        return;
      }
      break;
    }
    case overdue::ColumnType::text:
      out.text.assign(raw.data(), raw.size());
      return;
  }
  // No typed value: show what was written; flag it unless it is a missing-value token.
  out.text.assign(raw.data(), raw.size());
  out.unparsed = !is_missing_token(raw);
}

}  // namespace app

namespace app {

bool parse_iso_date(std::string_view text, int32_t& days) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int y = parts[0], m = parts[1], d = parts[2];
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  // days_from_civil: http://howardhinnant.github.io/date_algorithms.html
  const int yy = m <= 2 ? y - 1 : y;
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = era * 146097 + doe - 719468;
  return true;
}

}  // namespace app

namespace app {

std::string format_money_axis(double units, bool chinese) {
  const double a = std::fabs(units);
  const char* sign = units < 0 ? "-" : "";
  char buf[48];
  // Trims a trailing ".0" so round values read as "¥2万", not "¥2.0万".
  auto short_number = [&](double v, const char* suffix) {
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string t = buf;
    if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
    return std::string(sign) + "\xC2\xA5" + t + suffix;
  };
  if (chinese) {
    if (a >= 1e8) return short_number(a / 1e8, "亿");
    if (a >= 1e4) return short_number(a / 1e4, "万");
  } else {
    if (a >= 1e9) return short_number(a / 1e9, "B");
    if (a >= 1e6) return short_number(a / 1e6, "M");
    if (a >= 1e4) return short_number(a / 1e3, "K");
  }
  return std::string(sign) + "\xC2\xA5" + format_decimal(a, a < 10 && a != std::floor(a) ? 1 : 0);
}

std::string format_percent(double ratio, int decimals) {
  return format_decimal(ratio * 100.0, decimals) + "%";
}

}  // namespace app
