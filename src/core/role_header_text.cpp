// Header normalisation for role matching (DESIGN.md §1: "Header matching ignores case, spaces,
// underscores, punctuation and camelCase boundaries"), the derived-column test and word split.
// Everything here is byte-level and locale-free, so native and wasm agree.
#include "role_header_text.hpp"

#include <cstdint>

#include "overdue/roles.hpp"

namespace overdue {
namespace {

constexpr uint32_t kInvalid = 0xFFFFFFFFu;

struct CodePoint {
  uint32_t cp;            // kInvalid for a byte that is not valid UTF-8
  std::string_view bytes; // its bytes in the header
};

// Strict UTF-8 decoding; an invalid byte becomes one kInvalid code point (kept verbatim).
std::vector<CodePoint> decode_utf8(std::string_view s) {
  std::vector<CodePoint> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    uint32_t cp = 0;
    if (b0 < 0x80) { len = 1; cp = b0; }
    else if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1Fu; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0Fu; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07u; }
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    // Reject overlong 3/4-byte forms, surrogates and values beyond U+10FFFF.
    if (ok && ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
               (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
      ok = false;
    if (!ok) { len = 1; cp = kInvalid; }
    out.push_back({cp, s.substr(i, len)});
    i += len;
  }
  return out;
}

// Full-width ASCII forms (U+FF01–U+FF5E) are the ASCII characters typed with a Chinese IME.
uint32_t fold_full_width(uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000) return ' ';  // ideographic space
  return cp;
}

// Non-ASCII code points that are punctuation, symbols or spaces, never part of a name:
// Latin-1 symbols (incl. NBSP and ¥), general punctuation (dashes, quotes), arrows and math
// operators (≤ ≥), CJK symbols and punctuation (、。【】「」《》), CJK compatibility and small
// forms, full-width currency signs (￥ ￡).
bool is_non_ascii_punctuation(uint32_t cp) {
  return (cp >= 0x00A0 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2190 && cp <= 0x22FF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFFE0 && cp <= 0xFFEE);
}

bool is_open_bracket(uint32_t cp) { return cp == '(' || cp == '[' || cp == 0x3010 /*【*/; }
bool is_close_bracket(uint32_t cp) { return cp == ')' || cp == ']' || cp == 0x3011 /*】*/; }

// Appends one code point's normalised form: ASCII letters lower-cased, digits kept, every other
// ASCII character and all punctuation dropped, other text (Chinese) kept byte for byte.
void append_normalized(std::string& out, const CodePoint& c) {
  const uint32_t cp = fold_full_width(c.cp);
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') out += static_cast<char>(cp - 'A' + 'a');
    else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) out += static_cast<char>(cp);
    return;
  }
  if (cp != kInvalid && is_non_ascii_punctuation(cp)) return;
  out.append(c.bytes.data(), c.bytes.size());
}

// Bracketed qualifiers that name a unit or currency, not the column: "金额(元)", "尚未收款金额
// (本位币)", "Amount (USD)", "账期（天）". They are dropped with their brackets so the header
// matches its synonym; other bracketed text is kept (only the brackets go).
bool is_unit_qualifier(const std::string& normalized_inside) {
  static const char* const units[] = {
      "",     "元",   "万元", "千元", "人民币", "rmb",  "cny", "usd",  "eur", "hkd", "原币",
      "本位币", "本币", "外币", "天",  "日",     "day",  "days", "d",    "%",   "percent", "yuan"};
  for (const char* u : units)
    if (normalized_inside == u) return true;
  return false;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// Consumes the first of `options` that `s` starts with; true when one matched.
bool eat_one(std::string_view& s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options)
    if (starts_with(s, o)) {
      s.remove_prefix(o.size());
      return true;
    }
  return false;
}

bool eat_number(std::string_view& s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  s.remove_prefix(n);
  return n > 0;
}

// An aging-bucket label: [comparator] N [unit] [separator N|above] [unit] [suffix], with at least
// a comparator, a range, a unit or a suffix around the number ("1-30", "> 90", "90+", "0-30天",
// "365以上", "1年以内", "< 1 Month", "121-Above", "91 or more days past due").
bool is_bucket_label(std::string_view header) {
  std::string key;  // lower-case, spaces removed, full-width folded, dashes unified to '-'
  for (const CodePoint& c : decode_utf8(header)) {
    uint32_t cp = fold_full_width(c.cp);
    if (cp == ' ' || cp == '\t') continue;
    if (cp == 0x2013 || cp == 0x2014 || cp == '~' || cp == 0xFF5E) cp = '-';
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (cp < 0x80) key += static_cast<char>(cp);
    else if (cp == 0x2264) key += "<=";
    else if (cp == 0x2265) key += ">=";
    else key.append(c.bytes.data(), c.bytes.size());
  }
  std::string_view s = key;
  const std::initializer_list<std::string_view> units = {
      "days", "day", "d", "天", "日", "months", "month", "mos", "个月", "月", "years", "year",
      "yrs", "yr", "年"};
  bool decorated = eat_one(s, {"<=", ">=", "<", ">", "over", "above", "under", "morethan",
                               "lessthan", "大于", "超过", "小于"});
  if (!eat_number(s)) return false;
  if (eat_one(s, units)) decorated = true;
  if (eat_one(s, {"-", "to", "至", "到"})) {
    decorated = true;
    if (!eat_number(s) && !eat_one(s, {"above", "over", "plus", "以上"})) return false;
    eat_one(s, units);
  }
  if (eat_one(s, {"+", "以上", "以内", "以下", "andabove", "andover", "ormoredayspastdue",
                  "ormore", "above", "plus", "dayspastdue", "pastdue", "overdue"}))
    decorated = true;
  return decorated && s.empty();
}

}  // namespace

std::string normalize_header(std::string_view header) {
  const std::vector<CodePoint> cps = decode_utf8(header);
  std::string out;
  out.reserve(header.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    const uint32_t cp = fold_full_width(cps[i].cp);
    if (is_open_bracket(cp) || cp == 0xFF08 /*（*/) {
      // Find the matching close bracket; drop the whole group when it only names a unit.
      size_t j = i + 1;
      std::string inside;
      while (j < cps.size()) {
        const uint32_t cj = fold_full_width(cps[j].cp);
        if (is_close_bracket(cj)) break;
        append_normalized(inside, cps[j]);
        ++j;
      }
      if (j < cps.size() && is_unit_qualifier(inside)) {
        i = j;  // skip through the close bracket
        continue;
      }
    }
    append_normalized(out, cps[i]);
  }
  return out;
}

bool is_derived_header(std::string_view header) {
  const std::string n = normalize_header(header);
  static const char* const exact[] = {
      "age",      "agedays",   "ageindays", "days",      "current", "notdue",   "notyetdue",
      "older",    "dpd",       "maxdpd",    "未到期",    "账龄",    "帐龄",     "账龄天数",
      "逾期天数", "超期天数",  "过期天数",  "未过期天数", "最长逾期天数"};
  for (const char* e : exact)
    if (n == e) return true;
  // Words that only ever describe a computed lateness or age.
  static const char* const parts[] = {"dayslate",  "dayspastdue", "daysoverdue", "daystosettle",
                                      "daystopay", "pastdue",     "overdue",     "aging",
                                      "ageing",    "逾期",        "账龄",        "帐龄",
                                      "超期",      "过期"};
  for (const char* p : parts)
    if (contains(n, p)) return true;
  return is_bucket_label(header);
}

std::vector<std::string> header_words(std::string_view header) {
  std::vector<std::string> words;
  std::string cur;
  char prev = 0;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (char ch : header) {
    const bool upper = ch >= 'A' && ch <= 'Z', lower = ch >= 'a' && ch <= 'z',
               digit = ch >= '0' && ch <= '9';
    if (!upper && !lower && !digit) {
      flush();
      prev = 0;
      continue;
    }
    const bool prev_lower = prev >= 'a' && prev <= 'z', prev_digit = prev >= '0' && prev <= '9',
               prev_alpha = prev_lower || (prev >= 'A' && prev <= 'Z');
    // camelCase ("dueDate"), and letter/digit changes ("BILL_AMT1" → bill, amt, 1).
    if ((upper && prev_lower) || (digit && prev_alpha) || (!digit && prev_digit)) flush();
    cur += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
    prev = ch;
  }
  flush();
  return words;
}

}  // namespace overdue
