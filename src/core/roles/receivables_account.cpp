// The receivables account of a general ledger, by name or code (issue #17 item 4).
//
// An account as written is "[code] [name]": a code is a leading run of digits and dots
// ("1122.01"); the name follows after spaces or a dash. It is the receivables account when
//   * its name starts with a receivables name (Accounts Receivable, Debtors, Trade receivables,
//     Trade debtors, A/R, AR, 应收账款, 应收帐款) followed by nothing, a parenthesis ("Accounts
//     Receivable (A/R)", QuickBooks), "control" ("Debtors Control Account", Sage) or a separator
//     and a sub-account ("应收账款-华东公司", "Accounts Receivable:Acme Ltd" → the customer); a
//     Chinese name may run straight into its sub-account ("应收账款华东公司"); or
//   * its code starts with 1122 (应收账款 in the 2006 and the small-enterprise charts of accounts)
//     or 1131 (应收账款 in the charts before 2007); a name that is not a receivables name is then
//     the sub-account's customer ("112201 华东公司").
// "其他应收款" (other receivables) and "应收票据" (notes) are not trade receivables and do not match.
#include "overdue/roles/receivables_account.hpp"

#include <cstring>

#include "overdue/roles/header_text.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Separators between an account and its sub-account, ASCII and full-width.
constexpr const char* kSeparators[] = {":", "：", "-", "－", "—", "–", "/", "／", "_", "\\", "|", "·", "."};

// Removes leading spaces (ASCII and U+3000) and, when `separators`, separator marks too.
std::string_view skip_spaces(std::string_view s, bool separators) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    if (s[0] == ' ' || s[0] == '\t') {
      s.remove_prefix(1);
      again = true;
    } else if (starts_with(s, "　")) {
      s.remove_prefix(std::strlen("　"));
      again = true;
    } else if (separators) {
      for (const char* sep : kSeparators)
        if (starts_with(s, sep)) {
          s.remove_prefix(std::strlen(sep));
          again = true;
          break;
        }
    }
  }
  return s;
}

bool starts_with_separator(std::string_view s) {
  for (const char* sep : kSeparators)
    if (starts_with(s, sep)) return true;
  return false;
}

struct AccountParts {
  std::string_view code;   // "1122.01", empty when the account has none
  std::string_view name;   // the rest, trimmed
};

AccountParts split_account(std::string_view account) {
  account = trim_cell(account);
  size_t n = 0;
  while (n < account.size() && (is_digit(account[n]) || account[n] == '.')) ++n;
  // A code is digits first, followed by a space, a separator or the (non-ASCII) name: "1122应收账款";
  // "1200A" is a name.
  if (n == 0 || !is_digit(account[0]) || (n < account.size() && account[n] != ' ' && !starts_with_separator(account.substr(n)) &&
                                          static_cast<unsigned char>(account[n]) < 0x80))
    return {{}, account};
  std::string_view code = account.substr(0, n);
  while (!code.empty() && code.back() == '.') code.remove_suffix(1);
  return {code, trim_cell(skip_spaces(account.substr(n), true))};
}

// Receivables names, lower case. Longer spellings are tried too ("accounts receivables").
constexpr const char* kEnglishNames[] = {"accounts receivables", "accounts receivable", "account receivable",
                                         "trade receivables", "trade receivable", "trade debtors", "debtors",
                                         "a/r", "ar"};
constexpr const char* kChineseNames[] = {"应收账款", "应收帐款", "應收賬款", "應收帳款"};

// The receivables name the account's name starts with: true, and the sub-account's customer
// (empty when none); false when the name is not a receivables name.
bool match_name(std::string_view name, std::string& customer) {
  const std::string lower = lower_ascii(name);
  for (const char* chinese : kChineseNames)
    if (starts_with(name, chinese)) {
      customer = std::string(trim_cell(skip_spaces(name.substr(std::strlen(chinese)), true)));
      return true;
    }
  for (const char* english : kEnglishNames) {
    if (!starts_with(lower, english)) continue;
    std::string_view rest = name.substr(std::strlen(english));
    std::string_view rest_lower = std::string_view(lower).substr(std::strlen(english));
    if (rest.empty()) return customer.clear(), true;
    const bool spaced = rest[0] == ' ';
    rest = skip_spaces(rest, false);
    rest_lower.remove_prefix(rest_lower.size() - rest.size());
    if (starts_with(rest, "(")) {   // "Accounts Receivable (A/R)"
      const size_t close = rest.find(')');
      if (close == std::string_view::npos) return customer.clear(), true;
      rest = skip_spaces(rest.substr(close + 1), false);
      rest_lower.remove_prefix(rest_lower.size() - rest.size());
    } else if (!spaced && !starts_with_separator(rest)) {
      continue;   // "Arrears", "Debtorsxyz": another word
    }
    if (rest.empty() || starts_with(rest_lower, "control")) return customer.clear(), true;
    if (!starts_with_separator(rest)) continue;   // "AR adjustments", "Debtors ledger notes"
    customer = std::string(trim_cell(skip_spaces(rest, true)));
    return true;
  }
  return false;
}

bool receivables_code(std::string_view code) { return starts_with(code, "1122") || starts_with(code, "1131"); }

ReceivablesMatch match_usual(std::string_view account) {
  ReceivablesMatch m;
  const AccountParts parts = split_account(account);
  if (match_name(parts.name, m.customer)) {
    m.receivables = true;
  } else if (receivables_code(parts.code)) {
    m.receivables = true;
    m.customer = std::string(parts.name);   // "112201 华东公司": the sub-account's name
  }
  return m;
}

bool same_text(std::string_view a, std::string_view b) { return !a.empty() && lower_ascii(a) == lower_ascii(b); }

// A picked account's sub-account: the part of the name after its first separator ("客户往来-甲公司"
// → 甲公司), empty when there is none. (A separator's first byte is never a UTF-8 continuation byte,
// so the byte scan cannot match inside a character.)
std::string after_first_separator(std::string_view name) {
  for (size_t i = 1; i < name.size(); ++i)
    if (starts_with_separator(name.substr(i))) return std::string(trim_cell(skip_spaces(name.substr(i), true)));
  return {};
}

}  // namespace

ReceivablesMatch match_receivables_account(std::string_view account, std::string_view picked) {
  picked = trim_cell(picked);
  if (picked.empty()) return match_usual(account);
  account = trim_cell(account);
  ReceivablesMatch m;
  const AccountParts parts = split_account(account);
  const ReceivablesMatch usual = match_usual(account);
  // The picked account itself: its whole text, its code or its name.
  if (same_text(account, picked) || same_text(parts.code, picked) || same_text(parts.name, picked)) {
    m.receivables = true;
    m.customer = usual.receivables && !usual.customer.empty() ? usual.customer : after_first_separator(parts.name);
    return m;
  }
  // A sub-account of it: the picked text followed by a separator (or a longer code).
  const std::string lower = lower_ascii(account), lower_name = lower_ascii(parts.name), lower_pick = lower_ascii(picked);
  const bool code_pick = is_digit(picked[0]) && picked.find_first_not_of("0123456789.") == std::string_view::npos;
  std::string_view rest;
  bool sub = false;
  if (code_pick && starts_with(parts.code, picked) && parts.code.size() > picked.size()) {
    sub = true;
    rest = parts.name;
  } else {
    for (const auto& [text, original] : {std::pair<std::string_view, std::string_view>{lower, account},
                                          std::pair<std::string_view, std::string_view>{lower_name, parts.name}}) {
      if (!starts_with(text, lower_pick)) continue;
      const std::string_view after = original.substr(lower_pick.size());
      const std::string_view skipped = skip_spaces(after, false);
      if (!starts_with_separator(skipped)) continue;
      sub = true;
      rest = skip_spaces(skipped, true);
      break;
    }
  }
  if (!sub) return m;
  m.receivables = true;
  if (usual.receivables && !usual.customer.empty()) m.customer = usual.customer;
  else if (code_pick) m.customer = after_first_separator(rest).empty() ? std::string(trim_cell(rest)) : after_first_separator(rest);
  else m.customer = std::string(trim_cell(rest));
  return m;
}

bool header_names_account(std::string_view header) {
  if (header.find("对方科目") != std::string_view::npos || header.find("對方科目") != std::string_view::npos) return false;
  if (header.find("科目") != std::string_view::npos) return true;
  bool account = false;
  for (const std::string& w : header_words(header)) {
    if (w == "account" || w == "accounts" || w == "acct") account = true;
    // An account manager, an account's type or class, a bank account, an A/R amount: not the account.
    if (w == "manager" || w == "type" || w == "class" || w == "category" || w == "group" || w == "bank" ||
        w == "receivable" || w == "receivables" || w == "payable" || w == "balance" || w == "contra" || w == "offset")
      return false;
  }
  return account;
}

}  // namespace overdue
