// Header → canonical words (overdue/roles/header_words.hpp). Three steps:
//   1. split: ASCII runs at punctuation, snake_case, camelCase and letter/digit changes; `#` is
//      "number"; non-ASCII text is folded (full-width, traditional → simplified, punctuation
//      dropped) by normalize_header one code point at a time and cut greedily into the longest
//      known Chinese word (an unknown character is a word of its own);
//   2. canonical spelling: abbreviations and Chinese words to one English word (kSpellings);
//      English plurals lose their "s";
//   3. filler: words that never decide a role (the, of, to …) and units in brackets ("(元)",
//      "(USD)", "（本位币）") are dropped.
#include "overdue/roles/header_words.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

// clang-format off
// Spelling → canonical word(s); a value with a space stands for two words (单号 → document number).
const std::unordered_map<std::string, std::string>& spellings() {
  static const std::unordered_map<std::string, std::string> map = {
    // English abbreviations and inflections
    {"cust", "customer"}, {"cus", "customer"}, {"client", "customer"}, {"clients", "customer"},
    {"acct", "account"}, {"acc", "account"}, {"acount", "account"},
    {"inv", "invoice"}, {"invoiced", "invoice"}, {"doc", "document"},
    {"no", "number"}, {"num", "number"}, {"nbr", "number"}, {"nr", "number"}, {"numb", "number"},
    {"amt", "amount"}, {"amnt", "amount"}, {"bal", "balance"}, {"dt", "date"}, {"dte", "date"},
    {"dated", "date"}, {"curr", "currency"}, {"ccy", "currency"}, {"cur", "currency"},
    {"qty", "quantity"}, {"txn", "transaction"}, {"trans", "transaction"}, {"tran", "transaction"},
    {"trx", "transaction"}, {"desc", "description"}, {"descr", "description"}, {"ref", "reference"},
    {"pmt", "payment"}, {"pymt", "payment"}, {"pay", "payment"}, {"co", "company"},
    {"orig", "original"}, {"outstd", "outstanding"}, {"tot", "total"}, {"vat", "tax"}, {"gst", "tax"},
    {"disc", "discount"}, {"dr", "debit"}, {"cr", "credit"}, {"issued", "issue"}, {"ident", "id"},
    {"tel", "phone"}, {"telephone", "phone"}, {"mobile", "phone"}, {"mail", "email"},
    {"salesman", "salesperson"}, {"disputed", "dispute"}, {"ln", "line"}, {"posted", "posting"},
    {"post", "posting"}, {"vch", "voucher"}, {"residual", "remaining"}, {"remain", "remaining"},
    {"cleared", "clear"}, {"clearing", "clear"}, {"settled", "clear"}, {"settle", "clear"},
    {"settlement", "clear"}, {"gl", "ledger"}, {"creation", "create"}, {"created", "create"},
    {"receivables", "receivable"}, {"debtor", "customer"}, {"#", "number"}, {"%", "percent"},
    // Chinese accounting words (simplified; traditional ones are folded before this)
    {"客户", "customer"}, {"往来单位", "customer"}, {"对账对象", "customer"}, {"客商", "customer"},
    {"购货单位", "customer"}, {"购买方", "customer"}, {"购方", "customer"}, {"顾客", "customer"},
    {"单位", "customer"}, {"名称", "name"}, {"名", "name"}, {"全称", "name"}, {"简称", "name"},
    {"姓名", "name"}, {"编号", "number"}, {"号码", "number"}, {"号", "number"}, {"字号", "number"},
    {"编码", "code"}, {"代码", "code"}, {"代号", "code"}, {"单据", "document"}, {"单号", "document number"},
    {"票据", "document"}, {"发票", "invoice"}, {"开票", "invoice"}, {"日期", "date"}, {"日", "date"},
    {"时间", "date"}, {"到期", "due"}, {"金额", "amount"}, {"额", "amount"}, {"余额", "balance"},
    {"结余", "balance"}, {"应收", "receivable"}, {"应收款", "receivable"}, {"应收账款", "receivable"},
    {"已收", "received"}, {"实收", "received"}, {"已收款", "received"}, {"收款", "payment"},
    {"回款", "payment"}, {"付款", "payment"}, {"到账", "payment"}, {"核销", "clear"},
    {"结清", "clear"}, {"已结", "clear"}, {"未收", "outstanding"}, {"欠款", "outstanding"},
    {"未结", "outstanding"}, {"未核销", "outstanding"}, {"剩余", "remaining"}, {"合计", "total"},
    {"总额", "total"}, {"总计", "total"}, {"总", "total"}, {"价税合计", "total"}, {"币种", "currency"},
    {"币别", "currency"}, {"货币", "currency"}, {"币", "currency"}, {"状态", "status"},
    {"科目", "ledger"}, {"会计科目", "ledger"}, {"争议", "dispute"}, {"纠纷", "dispute"},
    {"借方", "debit"}, {"贷方", "credit"}, {"方向", "direction"}, {"业务员", "salesperson"},
    {"销售员", "salesperson"}, {"销售人员", "salesperson"}, {"经手人", "salesperson"},
    {"职员", "salesperson"}, {"账期", "term"}, {"信用期", "term"}, {"付款条件", "term"},
    {"收款条件", "term"}, {"期限", "term"}, {"备注", "note"}, {"摘要", "description"},
    {"说明", "description"}, {"凭证", "voucher"}, {"明细", "line"}, {"行", "line"},
    {"联系人", "contact"}, {"电话", "phone"}, {"手机", "phone"}, {"邮箱", "email"},
    {"公司", "company"}, {"企业", "company"}, {"额度", "limit"}, {"限额", "limit"}, {"信用", "credit"},
    {"承诺", "promise"}, {"结果", "result"}, {"方式", "channel"}, {"商品", "item"}, {"存货", "item"},
    {"数量", "quantity"}, {"单价", "price"}, {"折扣", "discount"}, {"税额", "tax"}, {"税", "tax"},
    {"业务", "business"}, {"类型", "type"}, {"类别", "type"}, {"本期", "period"}, {"期末", "closing"},
    {"期初", "opening"}, {"销售", "sales"}, {"销货", "sales"}, {"录单", "document"}, {"制单", "document"},
  };
  return map;
}
// clang-format on

// Words that never decide a role.
bool is_filler(const std::string& w) {
  static const char* const words[] = {"the", "of", "to", "a", "an", "in", "for", "at", "and", "or",
                                      "is", "on", "per", "by", "with", "from", "as", "的", "之"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* f) { return w == f; });
}

// Bracketed qualifiers naming a unit or a currency side, not the column (as in normalize_header).
bool is_unit_word(const std::string& w) {
  static const char* const words[] = {"元", "万元", "千元", "人民币", "rmb", "cny", "usd", "eur", "hkd",
                                      "原币", "本位币", "本币", "外币", "天", "day", "d", "percent",
                                      "yuan", "lcy", "fcy"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* f) { return w == f; });
}

// The longest Chinese dictionary word, in bytes, that `s` starts with (0 when none).
size_t longest_known_prefix(std::string_view s) {
  size_t best = 0;
  for (const auto& [spelling, canonical] : spellings()) {
    if (spelling.empty() || static_cast<unsigned char>(spelling[0]) < 0x80) continue;
    if (spelling.size() > best && s.substr(0, spelling.size()) == spelling) best = spelling.size();
  }
  return best;
}

size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The canonical spelling of one written word ("cust" → "customer", "payments" → "payment").
std::string canonical_of(const std::string& shown) {
  auto it = spellings().find(shown);
  if (it != spellings().end()) return it->second;
  // English plurals: "payments" → "payment", "terms" → "term" (not "status", "address").
  std::string key = shown;
  if (key.size() > 3 && key.back() == 's' && static_cast<unsigned char>(key[0]) < 0x80) {
    const char before = key[key.size() - 2];
    if (before != 's' && before != 'u' && before != 'i') {
      key.pop_back();
      it = spellings().find(key);
      return it == spellings().end() ? key : it->second;
    }
  }
  return shown;
}

bool is_single_letter(const std::string& w) { return w.size() == 1 && w[0] >= 'a' && w[0] <= 'z'; }

struct RawWord {
  std::string shown;
  bool in_brackets = false;
  bool single_run = false;  // made of single letters only ("po" from "P. O.")
};

struct Splitter {
  std::vector<RawWord> raw;
  int bracket_depth = 0;

  void emit(std::string shown) {
    if (!shown.empty()) raw.push_back({std::move(shown), bracket_depth > 0, false});
  }

  // Single letters in a row are one word ("P. O." → po, "A/R" → ar, "G/L" → gl); then canonical
  // spellings, filler and bracketed units dropped, multi-word spellings expanded.
  std::vector<HeaderWord> finish() {
    std::vector<RawWord> joined;
    for (RawWord& w : raw) {
      if (is_single_letter(w.shown) && !joined.empty() && joined.back().single_run && !joined.back().in_brackets) {
        joined.back().shown += w.shown;
        continue;
      }
      joined.push_back(std::move(w));
      joined.back().single_run = is_single_letter(joined.back().shown);
    }
    std::vector<HeaderWord> words;
    for (const RawWord& w : joined) {
      const std::string canonical = canonical_of(w.shown);
      if (is_filler(canonical) || is_filler(w.shown)) continue;
      if (w.in_brackets && (is_unit_word(w.shown) || is_unit_word(canonical))) continue;
      // A value with a space is several words (单号 → document, number), all shown as written.
      size_t start = 0;
      while (start <= canonical.size()) {
        const size_t space = canonical.find(' ', start);
        const std::string part = canonical.substr(start, space == std::string::npos ? std::string::npos : space - start);
        if (!part.empty()) words.push_back({part, w.shown});
        if (space == std::string::npos) break;
        start = space + 1;
      }
    }
    return words;
  }

  // An ASCII run: camelCase, letter/digit changes.
  void split_ascii(std::string_view run) {
    std::string cur;
    char prev = 0;
    for (size_t i = 0; i < run.size(); ++i) {
      const char ch = run[i];
      const bool upper = ch >= 'A' && ch <= 'Z', digit = ch >= '0' && ch <= '9';
      const bool prev_lower = prev >= 'a' && prev <= 'z', prev_upper = prev >= 'A' && prev <= 'Z',
                 prev_digit = prev >= '0' && prev <= '9';
      const bool next_lower = i + 1 < run.size() && run[i + 1] >= 'a' && run[i + 1] <= 'z';
      // "dueDate", "BILL_AMT1", and "POBox" → po, box (an upper letter before a lower one).
      if ((upper && prev_lower) || (digit && (prev_lower || prev_upper)) || (!digit && prev_digit) ||
          (upper && prev_upper && next_lower)) {
        emit(cur);
        cur.clear();
      }
      cur += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
      prev = ch;
    }
    emit(cur);
  }

  // Simplified Chinese without punctuation: longest known word first.
  void split_chinese(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      const auto lead = static_cast<unsigned char>(text[i]);
      if (lead < 0x80) {  // folded full-width letters and digits
        size_t j = i;
        while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
        split_ascii(text.substr(i, j - i));
        i = j;
        continue;
      }
      size_t n = longest_known_prefix(text.substr(i));
      if (n == 0) n = std::min(utf8_length(lead), text.size() - i);
      emit(std::string(text.substr(i, n)));
      i += n;
    }
  }
};

bool is_open_bracket(std::string_view cp) { return cp == "(" || cp == "[" || cp == "（" || cp == "【" || cp == "［"; }
bool is_close_bracket(std::string_view cp) { return cp == ")" || cp == "]" || cp == "）" || cp == "】" || cp == "］"; }

}  // namespace

std::vector<HeaderWord> header_role_words(std::string_view header) {
  Splitter s;
  std::string ascii;    // the current ASCII word run (letters and digits)
  std::string chinese;  // the current non-ASCII run, folded
  auto flush = [&] {
    s.split_ascii(ascii);
    ascii.clear();
    s.split_chinese(chinese);
    chinese.clear();
  };
  size_t i = 0;
  while (i < header.size()) {
    const auto lead = static_cast<unsigned char>(header[i]);
    const size_t n = std::min(utf8_length(lead), header.size() - i);
    const std::string_view cp = header.substr(i, n);
    i += n;
    if (is_open_bracket(cp) || is_close_bracket(cp)) {
      flush();
      s.bracket_depth = std::max(0, s.bracket_depth + (is_open_bracket(cp) ? 1 : -1));
      continue;
    }
    if (lead < 0x80) {
      const char ch = static_cast<char>(lead);
      const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
      if (alnum) {
        if (!chinese.empty()) flush();
        ascii += ch;
        continue;
      }
      flush();
      if (ch == '#' || ch == '%') s.emit(std::string(1, ch));
      continue;
    }
    // Non-ASCII: fold one code point (full-width, traditional, punctuation → nothing).
    const std::string folded = normalize_header(cp);
    if (folded.empty()) {
      flush();
      continue;
    }
    if (!ascii.empty()) {
      s.split_ascii(ascii);
      ascii.clear();
    }
    chinese += folded;
  }
  flush();
  return s.finish();
}

std::vector<std::string> canonical_words(std::string_view phrase) {
  std::vector<std::string> out;
  for (HeaderWord& w : header_role_words(phrase)) out.push_back(std::move(w.canonical));
  return out;
}

}  // namespace overdue
