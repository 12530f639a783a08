// Internal to the core: the letter template parser and the values it fills in (letters*.cpp).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/report/letters.hpp"

namespace overdue::letters_detail {

struct Token {
  enum Kind { literal, placeholder } kind;
  std::string text;  // literal text, or the placeholder's name without braces
};
std::vector<Token> tokenize(std::string_view s);
bool is_known_placeholder(std::string_view name);

struct Values {
  std::map<std::string, std::string> inline_values;  // name → plain text (escaped when written)
  std::string invoice_table, installment_table;      // markup
};

// The letter's body markup (title, paragraphs, tables); unknown placeholders are appended to
// `unknown` ("{name}" as written) and the list is sorted.
std::string render_template(std::string_view tpl, const Values& values,
                            std::vector<std::string>& unknown);

}  // namespace overdue::letters_detail
