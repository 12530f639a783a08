// Identifier hints (issue #17 item 2): customer, invoice, document and account numbers are text.
// Column typing asks header_suggests_identifier before roles exist, so that `0000001`, `CCCA02`
// and `1930571429.0` in a "Customer No" column stay exactly as written; the page asks
// role_is_identifier so that an id column is never shown with thousands separators.
// Self-contained (its own word split), so it does not depend on how the role tables match words.
#include <string>
#include <vector>

#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Lower-case ASCII words: split at anything not a letter or digit, at camelCase boundaries
// ("customerID" → customer, id; "DocNo" → doc, no) and between letters and digits.
std::vector<std::string> ascii_words(std::string_view header) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    if (!is_lower(c) && !is_upper(c) && !is_digit(c)) {
      flush();
      continue;
    }
    if (!word.empty()) {
      const char prev = header[i - 1];
      const bool lower_to_upper = is_upper(c) && is_lower(prev);
      // "IDNumber": an upper-case run ends before the last upper letter followed by a lower one.
      const bool acronym_end = is_upper(c) && is_upper(prev) && i + 1 < header.size() && is_lower(header[i + 1]);
      const bool digit_change = is_digit(c) != is_digit(prev);
      if (lower_to_upper || acronym_end || digit_change) flush();
    }
    word += is_upper(c) ? static_cast<char>(c + 32) : c;
  }
  flush();
  return words;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

bool header_suggests_identifier(std::string_view header) {
  // A money or date header is never an id, whatever else it says ("Invoice Date", "Doc Amount").
  if (header_suggests_money(header) || header_suggests_date(header)) return false;
  for (std::string_view zh : {"编号", "编码", "代码", "单号", "号码", "账号", "帐号", "代号", "識別碼", "编碼", "編號"})
    if (contains(header, zh)) return true;
  // 发票号, 凭证号, 订单号, 合同号, also with a unit or note in brackets: 单据号(ERP)
  if (ends_with(header, "号") || contains(header, "号(") || contains(header, "号（")) return true;
  if (contains(header, "#")) return true;     // "Invoice #", "#"
  const std::vector<std::string> words = ascii_words(header);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool counted = i + 1 < words.size() && words[i + 1] == "of";  // "Number of Times…"
    if (w == "id" || w == "ids" || w == "code" || w == "ref" || w == "reference" || w == "nbr" || w == "guid" ||
        w == "uuid" || w == "key")
      return true;
    if ((w == "no" || w == "num" || w == "number" || w == "nr") && !counted) return true;
  }
  return false;
}

bool role_is_identifier(Role role) {
  return role == Role::customer_id || role == Role::customer_name || role == Role::invoice_id || role == Role::account;
}

}  // namespace overdue
