// The analysis JSON's writer and its value formats (analysis_json_internal.hpp, analysis_json.hpp):
// money from int64 cents with exactly two decimals, doubles as fixed decimals rounded half away
// from zero, dates as YYYY-MM-DD — locale-free, so the native and the wasm CLI print the same
// bytes. Formatted straight into the output: at 1 M rows the document has millions of values.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis_json_internal.hpp"
#include "civil_date.hpp"

namespace overdue {
namespace {

void append_unsigned(std::string& out, uint64_t v) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  out.append(buffer, static_cast<size_t>(end - buffer));
}

// `digits` decimal digits of v (v < 10^digits), zero-padded on the left.
void append_padded(std::string& out, uint64_t v, int digits) {
  char buffer[24];
  for (int i = digits - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buffer, static_cast<size_t>(digits));
}

// True when every byte is printable ASCII other than the quote and the backslash, or part of a
// well-formed UTF-8 sequence (no overlongs, no surrogates, ≤ U+10FFFF).
bool plain_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    i += len;
  }
  return true;
}

}  // namespace

void append_money_text(std::string& out, int64_t cents) {
  // Through uint64 so INT64_MIN has a magnitude too.
  const bool negative = cents < 0;
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  if (negative) out += '-';
  append_unsigned(out, magnitude / 100);
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
  append_unsigned(out, magnitude / static_cast<uint64_t>(scale));
  if (decimals == 0) return;
  out += '.';
  append_padded(out, magnitude % static_cast<uint64_t>(scale), decimals);
}

void append_iso_date_text(std::string& out, int32_t days) {
  if (days == kMissingDays) return;
  const CivilDate c = civil_from_days(days);
  if (c.year < 0 || c.year > 9999) {   // as printf's %04d would print them
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

namespace analysis_detail {

void JsonWriter::integer(int64_t v) {
  separate();
  if (v < 0) {
    out_ += '-';
    append_unsigned(out_, uint64_t{0} - static_cast<uint64_t>(v));
  } else {
    append_unsigned(out_, static_cast<uint64_t>(v));
  }
}

void JsonWriter::unsigned_integer(uint64_t v) {
  separate();
  append_unsigned(out_, v);
}

void JsonWriter::append_string(std::string_view s) {
  // Fast path (most names and ids): valid UTF-8 with nothing to escape goes out as it is — the
  // bytes nlohmann would write too. Anything else takes nlohmann's escaping and U+FFFD repair.
  if (plain_utf8(s)) {
    out_ += '"';
    out_.append(s.data(), s.size());
    out_ += '"';
    return;
  }
  out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace analysis_detail
}  // namespace overdue
