// Helpers shared by the libFuzzer targets in this folder: a check that aborts (so libFuzzer
// records the input as a crash, in every build type), chunk sizes derived from the input itself
// (so a corpus file alone reproduces a run), and an exact comparison of two imported files.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/table.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n%s\n", file, line, what, detail.c_str());
  std::abort();
}

}  // namespace fuzz

// Unlike assert(), active in Release builds too.
#define FUZZ_CHECK(cond, detail)                              \
  do {                                                        \
    if (!(cond)) ::fuzz::fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (0)

namespace fuzz {

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// FNV-1a of the input: the seed of everything a target decides "at random", so that a crash
// file replays the same way.
inline uint64_t hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct Rng {
  uint64_t state;
  uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  }
};

// Piece lengths that cover the input: mostly tiny (borders inside quotes, CRLFs and multi-byte
// characters), some medium, occasionally large.
inline std::vector<size_t> chunk_sizes(size_t total, uint64_t seed) {
  Rng rng{seed | 1};
  std::vector<size_t> sizes;
  size_t covered = 0;
  while (covered < total) {
    const uint32_t r = rng.next();
    size_t len;
    switch (r % 4) {
      case 0: len = 1; break;
      case 1: len = 1 + (r >> 8) % 7; break;
      case 2: len = 1 + (r >> 8) % 64; break;
      default: len = 1 + (r >> 8) % 4096; break;
    }
    if (rng.next() % 16 == 0) sizes.push_back(0);  // empty pieces are legal too
    len = len < total - covered ? len : total - covered;
    sizes.push_back(len);
    covered += len;
  }
  return sizes;
}

// True when bytes are valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
inline bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    const unsigned c = p[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len;
  }
  return true;
}

// The first difference between two imported files, or "" when they are identical in every field.
inline std::string first_difference(const overdue::ImportedFile& a, const overdue::ImportedFile& b) {
  using namespace overdue;
  auto n = [](uint64_t v) { return std::to_string(v); };
  if (a.error != b.error) return "error: '" + a.error + "' vs '" + b.error + "'";
  if (a.encoding != b.encoding)
    return std::string("encoding: ") + encoding_name(a.encoding) + " vs " + encoding_name(b.encoding);
  if (a.delimiter != b.delimiter) return "delimiter";
  if (a.header != b.header) return "header";
  if (a.table_kind != b.table_kind)
    return "table_kind: " + std::string(table_kind_name(a.table_kind)) + " vs " +
           std::string(table_kind_name(b.table_kind));
  if (a.rows.read != b.rows.read || a.rows.accepted != b.rows.accepted || a.rows.rejected != b.rows.rejected)
    return "rows: " + n(a.rows.read) + "/" + n(a.rows.accepted) + "/" + n(a.rows.rejected) + " vs " +
           n(b.rows.read) + "/" + n(b.rows.accepted) + "/" + n(b.rows.rejected);
  if (a.columns.size() != b.columns.size()) return "column count";
  for (size_t i = 0; i < a.columns.size(); ++i) {
    const Column& x = a.columns[i];
    const Column& y = b.columns[i];
    const std::string at = "column " + n(i) + " ";
    if (x.name != y.name) return at + "name";
    if (x.type != y.type || x.date_format != y.date_format || x.date_order_ambiguous != y.date_order_ambiguous)
      return at + "type";
    if (x.role != y.role || x.money != y.money || x.missing != y.missing) return at + "role/money/missing";
    if (x.text.bytes != y.text.bytes || x.text.end != y.text.end) return at + "text";
    if (x.cents != y.cents || x.days != y.days) return at + "typed values";
    if (x.number.size() != y.number.size() ||
        (!x.number.empty() && std::memcmp(x.number.data(), y.number.data(), 8 * x.number.size()) != 0))
      return at + "numbers";
  }
  if (a.row_line != b.row_line) return "row_line";
  if (a.rejected.size() != b.rejected.size()) return "rejected count";
  for (size_t i = 0; i < a.rejected.size(); ++i)
    if (a.rejected[i].line != b.rejected[i].line || a.rejected[i].reason != b.rejected[i].reason ||
        a.rejected[i].text != b.rejected[i].text)
      return "rejected " + n(i) + ": line " + n(a.rejected[i].line) + " '" + a.rejected[i].reason +
             "' vs line " + n(b.rejected[i].line) + " '" + b.rejected[i].reason + "'";
  if (a.cell_errors_total != b.cell_errors_total || a.cell_errors.size() != b.cell_errors.size())
    return "cell error count";
  for (size_t i = 0; i < a.cell_errors.size(); ++i)
    if (a.cell_errors[i].line != b.cell_errors[i].line || a.cell_errors[i].column != b.cell_errors[i].column ||
        a.cell_errors[i].text != b.cell_errors[i].text || a.cell_errors[i].reason != b.cell_errors[i].reason)
      return "cell error " + n(i);
  if (a.notes != b.notes) return "notes";
  return "";
}

// The invariants every imported file keeps, whatever its bytes; "" when they hold.
inline std::string broken_invariant(const overdue::ImportedFile& f) {
  using namespace overdue;
  if (!f.error.empty()) return "";
  if (f.rows.read != f.rows.accepted + f.rows.rejected) return "read != accepted + rejected";
  if (f.rejected.size() != f.rows.rejected) return "rejected list size != rows.rejected";
  if (f.row_line.size() != f.rows.accepted) return "row_line size != rows.accepted";
  if (f.cell_errors.size() > kMaxCellErrorsListed || f.cell_errors.size() > f.cell_errors_total)
    return "cell error counts";
  for (size_t i = 1; i < f.row_line.size(); ++i)
    if (f.row_line[i] <= f.row_line[i - 1]) return "row lines not increasing";
  for (const Column& c : f.columns) {
    if (c.text.size() != f.row_count()) return "column " + c.name + ": text size";
    if (!c.text.end.empty() && c.text.end.back() != c.text.bytes.size()) return "column " + c.name + ": text end";
    const bool numeric = c.type == ColumnType::integer || c.type == ColumnType::decimal;
    if (numeric && (c.cents.size() != f.row_count() || c.number.size() != f.row_count()))
      return "column " + c.name + ": numeric values";
    if (c.type == ColumnType::date && c.days.size() != f.row_count()) return "column " + c.name + ": days";
    if (c.missing > f.row_count()) return "column " + c.name + ": missing > rows";
  }
  for (const CellError& e : f.cell_errors)
    if (e.column >= f.columns.size()) return "cell error column out of range";
  return "";
}

}  // namespace fuzz
