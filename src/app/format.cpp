// Display formatting of numbers, money and dates. Integers and money come from exact int64 values;
// only non-money decimals with more than two fraction digits go through a double.
#include "format.hpp"

#include <cmath>
#include <cstdio>

#include "overdue/roles/roles.hpp"
#include "overdue/text/format.hpp"
#include "overdue/text/value_parsers.hpp"

namespace app {
namespace {

// Inserts ',' every three digits into the integer part of a plain decimal string
// ("-1234567.89" → "-1,234,567.89"): for doubles printed with printf (format_decimal).
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

}  // namespace

std::string format_count(int64_t value) { return overdue::count_display(value); }

namespace {
std::string& symbol_storage() {
  static std::string symbol = "\xC2\xA5";   // ¥
  return symbol;
}
bool& cell_symbol() {
  static bool on = true;
  return on;
}
}  // namespace

void set_money_symbol(const std::string& symbol, bool cells) {
  symbol_storage() = symbol.empty() ? "\xC2\xA5" : symbol;
  cell_symbol() = cells;
}
const std::string& money_symbol() { return symbol_storage(); }

std::string format_cents(int64_t cents, int decimals, bool money) {
  std::string text = overdue::cents_display(cents, decimals);
  if (money) text.insert(cents < 0 ? 1 : 0, money_symbol());   // "-¥1,234.50"
  return text;
}

std::string format_decimal(double value, int decimals) {
  if (std::isnan(value)) return {};
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return group_digits(buf);
}

std::string format_iso_date(int32_t days) { return overdue::iso_date_text(days); }

int fraction_digits(std::string_view text) {
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
  return n;
}

void format_cell(const overdue::Column& column, size_t row, CellText& out) {
  const std::string_view raw = row < column.text.size() ? column.text.at(row) : std::string_view();
  out.align = CellAlign::left;
  out.unparsed = false;
  // Customer and invoice numbers, names and accounts are shown as written: 0200706844, not
  // 200,706,844 (issue #17 item 2).
  if (overdue::role_is_identifier(column.role)) {
    out.text.assign(raw.data(), raw.size());
    return;
  }
  switch (column.type) {
    case overdue::ColumnType::integer:
    case overdue::ColumnType::decimal: {
      out.align = CellAlign::right;
      const bool money = column.money;   // the importer keeps it in step with the role
      const int64_t cents = row < column.cents.size() ? column.cents[row] : overdue::kMissingCents;
      const double number = row < column.number.size() ? column.number[row] : std::nan("");
      const int digits = fraction_digits(raw);
      if (cents != overdue::kMissingCents && (money || digits <= 2)) {
        const int decimals = money ? 2 : (column.type == overdue::ColumnType::integer ? 0 : digits);
        out.text = format_cents(cents, decimals, money && cell_symbol());
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
  out.unparsed = !overdue::is_missing_marker(overdue::trim_cell(raw), true);
}

}  // namespace app

namespace app {

bool parse_iso_date(std::string_view text, int32_t& days) {
  const int32_t parsed = overdue::iso_date_days(text);
  if (parsed == overdue::kMissingDays) return false;
  days = parsed;
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
    return std::string(sign) + money_symbol() + t + suffix;
  };
  if (chinese) {
    if (a >= 1e8) return short_number(a / 1e8, "亿");
    if (a >= 1e4) return short_number(a / 1e4, "万");
  } else {
    if (a >= 1e9) return short_number(a / 1e9, "B");
    if (a >= 1e6) return short_number(a / 1e6, "M");
    if (a >= 1e4) return short_number(a / 1e3, "K");
  }
  return std::string(sign) + money_symbol() + format_decimal(a, a < 10 && a != std::floor(a) ? 1 : 0);
}

std::string format_percent(double ratio, int decimals) {
  return format_decimal(ratio * 100.0, decimals) + "%";
}

}  // namespace app
