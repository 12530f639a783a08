// The analysis JSON's writer and its value formats (analysis_json_internal.hpp, analysis_json.hpp):
// money from int64 cents with exactly two decimals, doubles as fixed decimals rounded half away
// from zero, dates as YYYY-MM-DD — locale-free, so the native and the wasm CLI print the same
// bytes. Formatted straight into the output: at 1 M rows the document has millions of values.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/analysis_json_internal.hpp"
#include "overdue/text/civil_date.hpp"

namespace overdue {
namespace {

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

namespace analysis_detail {

void JsonWriter::integer(int64_t v) {
  separate();
  if (v < 0) {
    out_ += '-';
    append_unsigned_text(out_, uint64_t{0} - static_cast<uint64_t>(v));
  } else {
    append_unsigned_text(out_, static_cast<uint64_t>(v));
  }
}

void JsonWriter::unsigned_integer(uint64_t v) {
  separate();
  append_unsigned_text(out_, v);
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
