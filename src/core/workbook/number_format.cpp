// Number formats and number texts (number_format.hpp).
//
// [SECTION] format codes: built-in ids and custom codes
// [SECTION] numbers: shortest round-trip decimal text
// [SECTION] dates: Excel serials in the 1900 and 1904 systems
#include "workbook/number_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "overdue/text/civil_date.hpp"

namespace overdue {

// [SECTION] format codes: built-in ids and custom codes -------------------------------------------

NumberFormat builtin_number_format(uint32_t id) {
  NumberFormat f;
  switch (id) {
    case 14: case 15: case 16: case 17: case 22:          // m/d/yyyy d-mmm-yy d-mmm mmm-yy m/d/yy h:mm
    case 27: case 28: case 29: case 30: case 31: case 36:  // zh-CN yyyy"年"m"月" m"月"d"日" m-d-yy …
    case 50: case 51: case 52: case 53: case 54: case 57: case 58:
      f.kind = NumberFormatKind::date;
      break;
    case 18: case 19: case 20: case 21: case 45: case 47:  // h:mm AM/PM … mm:ss mmss.0
    case 32: case 33: case 34: case 35: case 55: case 56:  // zh-CN h"时"mm"分" 上午/下午h"时"mm"分" …
      f.kind = NumberFormatKind::time;
      break;
    default:  // 46 is [h]:mm:ss, a duration: a number
      break;
  }
  return f;
}

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != word[k]) return false;
  return true;
}

// Characters Excel shows as themselves without quotes (ECMA-376 §18.8.31).
bool is_plain_literal(char c) {
  return c == '$' || c == '-' || c == '+' || c == '(' || c == ')' || c == ':' || c == ' ' ||
         c == '!' || c == '^' || c == '&' || c == '\'' || c == '~' || c == '{' || c == '}' ||
         c == '<' || c == '>' || c == '=' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

NumberFormat parse_number_format(std::string_view code) {
  bool year_or_day = false, month_or_minute = false, hour_or_second = false, elapsed = false;
  bool other_placeholder = false;  // # ? . , % E / digits other than the one 0-run
  int zero_runs = 0;
  size_t zero_run = 0;
  std::string prefix, suffix;
  std::string* literal = &prefix;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // the first section decides
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      const size_t stop = close == std::string_view::npos ? code.size() : close;
      literal->append(code.substr(i + 1, stop - i - 1));
      i = stop;
      continue;
    }
    if (c == '\\') {
      if (i + 1 < code.size()) literal->push_back(code[++i]);
      continue;
    }
    if (c == '_' || c == '*') {  // padding to a character's width, or a fill: no text of ours
      ++i;
      continue;
    }
    if (c == '[') {
      const size_t close = code.find(']', i + 1);
      const size_t stop = close == std::string_view::npos ? code.size() : close;
      const std::string_view inside = code.substr(i + 1, stop - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
        elapsed = true;
      i = stop;
      continue;
    }
    if (starts_with_nocase(code, i, "general")) {
      i += 6;
      continue;
    }
    if (starts_with_nocase(code, i, "am/pm")) {
      hour_or_second = true;
      i += 4;
      continue;
    }
    if (starts_with_nocase(code, i, "a/p")) {
      hour_or_second = true;
      i += 2;
      continue;
    }
    switch (lower(c)) {
      case 'y': case 'd': year_or_day = true; continue;  // not e: "0.00E+00"
      case 'm': month_or_minute = true; continue;
      case 'h': case 's': hour_or_second = true; continue;
      case 'b':  // B1/B2: Gregorian/Hijri calendar switch
        if (i + 1 < code.size() && (code[i + 1] == '1' || code[i + 1] == '2')) ++i;
        continue;
      default: break;
    }
    if (c == '0') {
      size_t run = 0;
      while (i < code.size() && code[i] == '0') ++run, ++i;
      --i;
      ++zero_runs;
      zero_run = run;
      literal = &suffix;
      continue;
    }
    if (c == '@') continue;
    if (is_plain_literal(c)) {
      literal->push_back(c);
      continue;
    }
    other_placeholder = true;
  }
  NumberFormat f;
  if (elapsed) return f;
  if (year_or_day || (month_or_minute && !hour_or_second)) {
    f.kind = NumberFormatKind::date;
  } else if (hour_or_second) {
    f.kind = NumberFormatKind::time;
  } else if (zero_runs == 1 && zero_run >= 2 && zero_run <= 30 && !other_placeholder) {
    f.kind = NumberFormatKind::zero_padded;
    f.digits = static_cast<uint8_t>(zero_run);
    f.prefix = std::move(prefix);
    f.suffix = std::move(suffix);
  }
  return f;
}

// [SECTION] numbers: shortest round-trip decimal text ---------------------------------------------

namespace {

// Digits d1 d2 … × 10^exponent (d1 before the point), no trailing zeros, laid out as a decimal.
void append_decimal(std::string& out, bool negative, std::string_view digits, int exponent) {
  if (negative) out.push_back('-');
  if (exponent >= -6 && exponent < 21) {
    if (exponent < 0) {
      out.append("0.");
      out.append(static_cast<size_t>(-exponent - 1), '0');
      out.append(digits);
      return;
    }
    const size_t int_digits = static_cast<size_t>(exponent) + 1;
    if (digits.size() <= int_digits) {
      out.append(digits);
      out.append(int_digits - digits.size(), '0');
    } else {
      out.append(digits.substr(0, int_digits));
      out.push_back('.');
      out.append(digits.substr(int_digits));
    }
    return;
  }
  out.push_back(digits[0]);
  if (digits.size() > 1) {
    out.push_back('.');
    out.append(digits.substr(1));
  }
  char e[16];
  std::snprintf(e, sizeof e, "e%c%d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  out.append(e);
}

}  // namespace

void append_number_text(std::string& out, double value) {
  if (value == 0 || !std::isfinite(value)) {
    out.push_back('0');
    return;
  }
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  // buf is "-d.ddddde-XX": collect the digits and the exponent.
  const char* p = buf;
  const bool negative = *p == '-';
  if (negative) ++p;
  char digits[24];
  size_t n = 0;
  for (; *p != 'e'; ++p)
    if (*p != '.') digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0') --n;
  const int exponent = std::atoi(p + 1);
  append_decimal(out, negative, std::string_view(digits, n), exponent);
}

bool append_number_text(std::string& out, std::string_view v) {
  // Fast path: -?digits(.digits)? with at most 15 significant digits is already its own shortest
  // round-trip text once normalised (DBL_DIG = 15: such a decimal survives double and back).
  size_t i = 0;
  const bool negative = !v.empty() && v[0] == '-';
  if (negative) ++i;
  const size_t int_begin = i;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  std::string_view int_part = v.substr(int_begin, i - int_begin);
  std::string_view frac_part;
  bool plain = i > int_begin || (i < v.size() && v[i] == '.');
  if (plain && i < v.size() && v[i] == '.') {
    const size_t frac_begin = ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    frac_part = v.substr(frac_begin, i - frac_begin);
  }
  if (plain && i == v.size() && !(int_part.empty() && frac_part.empty())) {
    while (!int_part.empty() && int_part[0] == '0') int_part.remove_prefix(1);
    while (!frac_part.empty() && frac_part.back() == '0') frac_part.remove_suffix(1);
    size_t significant;
    bool in_range;
    if (!int_part.empty()) {
      significant = frac_part.empty()
                        ? int_part.find_last_not_of('0') + 1
                        : int_part.size() + frac_part.size();
      in_range = int_part.size() <= 21;
    } else {
      const size_t zeros = frac_part.find_first_not_of('0');
      significant = zeros == std::string_view::npos ? 0 : frac_part.size() - zeros;
      in_range = zeros == std::string_view::npos || zeros <= 5;
    }
    if (significant == 0) {
      out.push_back('0');
      return true;
    }
    if (significant <= 15 && in_range) {
      if (negative) out.push_back('-');
      if (int_part.empty()) out.push_back('0'); else out.append(int_part);
      if (!frac_part.empty()) {
        out.push_back('.');
        out.append(frac_part);
      }
      return true;
    }
  }
  // Anything else: exponents ("1.5E-3"), 16–17 digits ("0.30000000000000004").
  if (v.empty() || v.size() > 64) return false;
  const char first = v[0];
  if (!((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.')) return false;
  char buf[72];
  v.copy(buf, v.size());
  buf[v.size()] = '\0';
  char* end = nullptr;
  const double value = std::strtod(buf, &end);
  if (end != buf + v.size() || !std::isfinite(value)) return false;
  append_number_text(out, value);
  return true;
}

// [SECTION] dates: Excel serials in the 1900 and 1904 systems -------------------------------------

namespace {

void append_two(std::string& out, int n) {
  out.push_back(static_cast<char>('0' + n / 10));
  out.push_back(static_cast<char>('0' + n % 10));
}

void append_time(std::string& out, int64_t seconds) {
  append_two(out, static_cast<int>(seconds / 3600));
  out.push_back(':');
  append_two(out, static_cast<int>(seconds / 60 % 60));
  out.push_back(':');
  append_two(out, static_cast<int>(seconds % 60));
}

bool parse_double(std::string_view v, double& value) {
  if (v.empty() || v.size() > 64) return false;
  char buf[72];
  v.copy(buf, v.size());
  buf[v.size()] = '\0';
  char* end = nullptr;
  value = std::strtod(buf, &end);
  return end == buf + v.size() && std::isfinite(value);
}

}  // namespace

// Returns true when a date (not only a time, not a plain number) was written.
static bool write_serial(std::string& out, double serial, bool date1904, bool time_only) {
  if (!(serial >= 0) || serial >= 2958466) {  // negative, NaN, after 9999-12-31: Excel shows ####
    append_number_text(out, serial);
    return false;
  }
  int64_t days = static_cast<int64_t>(std::floor(serial));
  int64_t seconds = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) ++days, seconds -= 86400;
  // Below one day there is no date: 1900's serial 0 is "1900-01-00". A time format shows the time.
  if ((time_only || !date1904) && days == 0) {
    if (seconds == 0 && !time_only) {
      out.push_back('0');
      return false;
    }
    append_time(out, seconds);
    return false;
  }
  CivilDate civil;
  if (date1904) {
    civil = civil_from_days(days_from_civil(1904, 1, 1) + static_cast<int32_t>(days));
  } else if (days == 60) {
    civil = CivilDate{1900, 2, 29};  // Lotus 1-2-3's leap day, kept as Excel shows it
  } else {
    // Serial 1 is 1900-01-01; from 61 on, one day is lost to the fictitious 1900-02-29.
    civil = civil_from_days(days_from_civil(1899, 12, days < 60 ? 31 : 30) + static_cast<int32_t>(days));
  }
  if (civil.year > 9999) {
    append_number_text(out, serial);
    return false;
  }
  out.push_back(static_cast<char>('0' + civil.year / 1000));
  out.push_back(static_cast<char>('0' + civil.year / 100 % 10));
  append_two(out, civil.year % 100);
  out.push_back('-');
  append_two(out, civil.month);
  out.push_back('-');
  append_two(out, civil.day);
  if (seconds != 0) {
    out.push_back(' ');
    append_time(out, seconds);
  }
  return true;
}

void append_serial_text(std::string& out, double serial, bool date1904, bool time_only) {
  write_serial(out, serial, date1904, time_only);
}

bool append_formatted_number(std::string& out, std::string_view v, const NumberFormat& format,
                             bool date1904) {
  double value = 0;
  switch (format.kind) {
    case NumberFormatKind::general:
      break;
    case NumberFormatKind::date:
    case NumberFormatKind::time:
      if (!parse_double(v, value)) break;
      return write_serial(out, value, date1904, format.kind == NumberFormatKind::time);
    case NumberFormatKind::zero_padded: {
      if (!parse_double(v, value) || value != std::floor(value) || std::fabs(value) >= 1e15) break;
      const std::string digits = std::to_string(static_cast<long long>(std::fabs(value)));
      out.append(format.prefix);
      if (value < 0) out.push_back('-');
      if (digits.size() < format.digits) out.append(format.digits - digits.size(), '0');
      out.append(digits);
      out.append(format.suffix);
      return false;
    }
  }
  if (!append_number_text(out, v)) out.append(v);  // not a number: kept as stored
  return false;
}

}  // namespace overdue
