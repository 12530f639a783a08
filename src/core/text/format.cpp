// Numbers, money and dates as text (include/overdue/text/format.hpp): locale-free (no printf %f,
// no iostream locale), so the native CLI, the wasm CLI and the page print the same bytes. Money
// comes from int64 cents with exactly two decimals; doubles are rounded half away from zero.
#include "overdue/text/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "overdue/text/civil_date.hpp"

namespace overdue {

void append_unsigned_text(std::string& out, uint64_t v) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  out.append(buffer, static_cast<size_t>(end - buffer));
}

namespace {

// `digits` decimal digits of v (v < 10^digits), zero-padded on the left.
void append_padded(std::string& out, uint64_t v, int digits) {
  char buffer[24];
  for (int i = digits - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buffer, static_cast<size_t>(digits));
}

// "1234567" → "1,234,567" (digits only; the sign is added by the caller).
std::string group_thousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

void append_money_text(std::string& out, int64_t cents) {
  // Through uint64 so INT64_MIN has a magnitude too.
  const bool negative = cents < 0;
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  if (negative) out += '-';
  append_unsigned_text(out, magnitude / 100);
  out += '.';
  append_padded(out, magnitude % 100, 2);
}

void append_fixed_text(std::string& out, double value, int decimals) {
  decimals = std::clamp(decimals, 0, 9);
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double scaled = value * static_cast<double>(scale);
  // Beyond ±9e15 doubles are not exact integers anyway; such values are not meaningful here.
  if (!std::isfinite(scaled) || std::fabs(scaled) > 9.0e15) {
    out += '0';
    return;
  }
  const int64_t units = std::llround(scaled);  // half away from zero, the same everywhere
  const bool negative = units < 0;
  const uint64_t magnitude = static_cast<uint64_t>(negative ? -units : units);
  if (negative) out += '-';
  append_unsigned_text(out, magnitude / static_cast<uint64_t>(scale));
  if (decimals == 0) return;
  out += '.';
  append_padded(out, magnitude % static_cast<uint64_t>(scale), decimals);
}

void append_iso_date_text(std::string& out, int32_t days) {
  if (days == kMissingDays) return;
  const CivilDate c = civil_from_days(days);
  if (c.year < 0 || c.year > 9999) {  // as printf's %04d would print them
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
    out.append(buffer, static_cast<size_t>(n));
    return;
  }
  append_padded(out, static_cast<uint64_t>(c.year), 4);
  out += '-';
  append_padded(out, static_cast<uint64_t>(c.month), 2);
  out += '-';
  append_padded(out, static_cast<uint64_t>(c.day), 2);
}

std::string money_text(int64_t cents) {
  std::string s;
  append_money_text(s, cents);
  return s;
}

std::string fixed_text(double value, int decimals) {
  std::string s;
  append_fixed_text(s, value, decimals);
  return s;
}

std::string iso_date_text(int32_t days) {
  std::string s;
  append_iso_date_text(s, days);
  return s;
}

int32_t iso_date_days(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return kMissingDays;
  int parts[3] = {0, 0, 0};
  const size_t begin[3] = {0, 5, 8}, length[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (size_t i = begin[p]; i < begin[p] + length[p]; ++i) {
      if (s[i] < '0' || s[i] > '9') return kMissingDays;
      parts[p] = parts[p] * 10 + (s[i] - '0');
    }
  if (!is_valid_civil(parts[0], parts[1], parts[2])) return kMissingDays;
  return days_from_civil(parts[0], parts[1], parts[2]);
}

std::string money_display(int64_t cents) { return cents_display(cents, 2); }

std::string cents_display(int64_t cents, int decimals) {
  decimals = decimals < 0 ? 0 : decimals > 2 ? 2 : decimals;
  // Through uint64 so INT64_MIN has a magnitude too.
  const bool negative = cents < 0;
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  std::string out = negative ? "-" : "";
  out += group_thousands(std::to_string(magnitude / 100));
  if (decimals > 0) {
    std::string fraction;
    append_padded(fraction, magnitude % 100, 2);
    out += '.';
    out.append(fraction, 0, static_cast<size_t>(decimals));
  }
  return out;
}

std::string count_display(int64_t n) {
  const bool negative = n < 0;
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  return (negative ? "-" : "") + group_thousands(std::to_string(magnitude));
}

std::string percent_display(double ratio, int decimals, Lang lang) {
  return fixed_text(ratio * 100.0, decimals) + (lang == Lang::zh ? "%" : " %");
}

std::string days_display(int64_t days, Lang lang) {
  return textf(lang, S::days_short_fmt, count_display(days).c_str());
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace overdue
