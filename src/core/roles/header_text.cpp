// Header normalisation for role matching (DESIGN.md §1: "Header matching ignores case, spaces,
// underscores, punctuation and camelCase boundaries"), the derived-column test and word split.
// Everything here is byte-level and locale-free, so native and wasm agree.
#include "overdue/roles/header_text.hpp"

#include <cstdint>

#include "overdue/roles/roles.hpp"
#include "overdue/text/utf8.hpp"

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

// Traditional characters of accounting headers folded to simplified ones, so a 台帳 template in
// traditional characters (客戶名稱, 應收金額, 期末未收帳款) meets the same synonyms. Sorted by the
// traditional code point (binary search).
uint32_t fold_traditional(uint32_t cp) {
  struct Pair {
    uint32_t traditional, simplified;
  };
  static const Pair pairs[] = {
      {0x5099, 0x5907} /* 備→备 */,
      {0x50F9, 0x4EF7} /* 價→价 */,
      {0x511F, 0x507F} /* 償→偿 */,
      {0x5132, 0x50A8} /* 儲→储 */,
      {0x5167, 0x5185} /* 內→内 */,
      {0x5225, 0x522B} /* 別→别 */,
      {0x52D9, 0x52A1} /* 務→务 */,
      {0x532F, 0x6C47} /* 匯→汇 */,
      {0x5340, 0x533A} /* 區→区 */,
      {0x54E1, 0x5458} /* 員→员 */,
      {0x55AE, 0x5355} /* 單→单 */,
      {0x570D, 0x56F4} /* 圍→围 */,
      {0x58DE, 0x574F} /* 壞→坏 */,
      {0x5BE6, 0x5B9E} /* 實→实 */,
      {0x5C0D, 0x5BF9} /* 對→对 */,
      {0x5E33, 0x8D26} /* 帳→账 */,
      {0x5E63, 0x5E01} /* 幣→币 */,
      {0x5EE0, 0x5382} /* 廠→厂 */,
      {0x5F59, 0x6C47} /* 彙→汇 */,
      {0x614B, 0x6001} /* 態→态 */,
      {0x6191, 0x51ED} /* 憑→凭 */,
      {0x61C9, 0x5E94} /* 應→应 */,
      {0x6236, 0x6237} /* 戶→户 */,
      {0x640D, 0x635F} /* 損→损 */,
      {0x64DA, 0x636E} /* 據→据 */,
      {0x6578, 0x6570} /* 數→数 */,
      {0x6703, 0x4F1A} /* 會→会 */,
      {0x689D, 0x6761} /* 條→条 */,
      {0x696D, 0x4E1A} /* 業→业 */,
      {0x6B78, 0x5F52} /* 歸→归 */,
      {0x72C0, 0x72B6} /* 狀→状 */,
      {0x767C, 0x53D1} /* 發→发 */,
      {0x78BC, 0x7801} /* 碼→码 */,
      {0x7A05, 0x7A0E} /* 稅→税 */,
      {0x7A2E, 0x79CD} /* 種→种 */,
      {0x7A31, 0x79F0} /* 稱→称 */,
      {0x7C21, 0x7B80} /* 簡→简 */,
      {0x7D00, 0x7EAA} /* 紀→纪 */,
      {0x7D04, 0x7EA6} /* 約→约 */,
      {0x7D50, 0x7ED3} /* 結→结 */,
      {0x7D61, 0x7EDC} /* 絡→络 */,
      {0x7D71, 0x7EDF} /* 統→统 */,
      {0x7DE8, 0x7F16} /* 編→编 */,
      {0x7E3D, 0x603B} /* 總→总 */,
      {0x806F, 0x8054} /* 聯→联 */,
      {0x8655, 0x5904} /* 處→处 */,
      {0x865F, 0x53F7} /* 號→号 */,
      {0x8A08, 0x8BA1} /* 計→计 */,
      {0x8A3B, 0x6CE8} /* 註→注 */,
      {0x8A71, 0x8BDD} /* 話→话 */,
      {0x8B49, 0x8BC1} /* 證→证 */,
      {0x8CA0, 0x8D1F} /* 負→负 */,
      {0x8CA8, 0x8D27} /* 貨→货 */,
      {0x8CAC, 0x8D23} /* 責→责 */,
      {0x8CB7, 0x4E70} /* 買→买 */,
      {0x8CE3, 0x5356} /* 賣→卖 */,
      {0x8CEC, 0x8D26} /* 賬→账 */,
      {0x8CFC, 0x8D2D} /* 購→购 */,
      {0x8F49, 0x8F6C} /* 轉→转 */,
      {0x904E, 0x8FC7} /* 過→过 */,
      {0x9084, 0x8FD8} /* 還→还 */,
      {0x90F5, 0x90AE} /* 郵→邮 */,
      {0x9280, 0x94F6} /* 銀→银 */,
      {0x92B7, 0x9500} /* 銷→销 */,
      {0x9304, 0x5F55} /* 錄→录 */,
      {0x9322, 0x94B1} /* 錢→钱 */,
      {0x9580, 0x95E8} /* 門→门 */,
      {0x958B, 0x5F00} /* 開→开 */,
      {0x9593, 0x95F4} /* 間→间 */,
      {0x969B, 0x9645} /* 際→际 */,
      {0x96FB, 0x7535} /* 電→电 */,
      {0x9805, 0x9879} /* 項→项 */,
      {0x9810, 0x9884} /* 預→预 */,
      {0x984D, 0x989D} /* 額→额 */,
      {0x985E, 0x7C7B} /* 類→类 */,
      {0x9918, 0x4F59} /* 餘→余 */,
      {0x9F61, 0x9F84} /* 齡→龄 */};
  size_t lo = 0, hi = sizeof pairs / sizeof pairs[0];
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (pairs[mid].traditional < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < sizeof pairs / sizeof pairs[0] && pairs[lo].traditional == cp ? pairs[lo].simplified : cp;
}


// Appends one code point's normalised form: ASCII letters lower-cased, digits kept, every other
// ASCII character and all punctuation dropped, other text (Chinese) kept byte for byte except
// traditional characters, which become simplified.
void append_normalized(std::string& out, const CodePoint& c) {
  const uint32_t cp = fold_full_width(c.cp);
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') out += static_cast<char>(cp - 'A' + 'a');
    else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) out += static_cast<char>(cp);
    return;
  }
  if (cp != kInvalid && is_non_ascii_punctuation(cp)) return;
  const uint32_t simplified = cp == kInvalid ? cp : fold_traditional(cp);
  if (simplified != cp) utf8::append_code_point(out, simplified);
  else out.append(c.bytes.data(), c.bytes.size());
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
  // Index of the next close bracket at or after each position (cps.size() when none), from one
  // backward pass: a header of unmatched open brackets stays linear (fuzz_csv_import timeout
  // c1b8a086: a 64 KiB UTF-16 cell took minutes when every "(" scanned to the end).
  std::vector<size_t> next_close(cps.size() + 1, cps.size());
  for (size_t k = cps.size(); k-- > 0;)
    next_close[k] = is_close_bracket(fold_full_width(cps[k].cp)) ? k : next_close[k + 1];
  // A unit qualifier is a few code points ("人民币", "percent", " USD "): longer groups are kept.
  constexpr size_t kMaxQualifierCodePoints = 16;
  std::string out;
  out.reserve(header.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    const uint32_t cp = fold_full_width(cps[i].cp);
    if (is_open_bracket(cp) || cp == 0xFF08 /*（*/) {
      // Drop the whole group up to the matching close bracket when it only names a unit.
      const size_t j = next_close[i + 1];
      if (j < cps.size() && j - i - 1 <= kMaxQualifierCodePoints) {
        std::string inside;
        for (size_t k = i + 1; k < j; ++k) append_normalized(inside, cps[k]);
        if (is_unit_qualifier(inside)) {
          i = j;  // skip through the close bracket
          continue;
        }
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
                                      "超期",      "过期",       "arrear"};
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
