// The words of a column header, for scoring roles by word (issue #17: "roles from words, not
// whole headers"). A header is split at spaces, punctuation, snake_case and camelCase, `#` is the
// word "number", Chinese text is cut into the known accounting words (客户, 往来单位, 单据, 金额,
// 余额, 日期, 到期 …); every word is then brought to one canonical English spelling (cust → customer,
// amt → amount, 往来单位 → customer, 金额 → amount) and filler words (the, of, to, units in
// brackets such as "(元)" or "(USD)") are dropped. Byte-level and locale-free, like header_text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

struct HeaderWord {
  std::string canonical;  // "customer", "number", "amount", …
  std::string shown;      // as written, ASCII lower-cased: "cust", "#", "往来单位"
};

// The header's words in order, filler removed. "cust_number" → customer/cust, number/number;
// "Invoice #" → invoice, number/#; "往来单位名称" → customer/往来单位, name/名称.
std::vector<HeaderWord> header_role_words(std::string_view header);

// The canonical words of a phrase, for writing the role patterns in plain text.
std::vector<std::string> canonical_words(std::string_view phrase);

}  // namespace overdue
