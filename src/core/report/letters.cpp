// Letter templates: the defaults (string table), the placeholders, and the template parser that
// turns the template text into paragraphs, titles, inline values and tables (letters.hpp).
#include "overdue/report/letters.hpp"

#include <algorithm>

#include "report/letters_internal.hpp"
#include "overdue/report/html_report.hpp"

namespace overdue {

const char* default_letter_template(OverdueType type, Lang lang) {
  switch (type) {
    case OverdueType::temporary:
      return text(S::letter_tpl_temporary, lang);
    case OverdueType::structural:
      return text(S::letter_tpl_structural, lang);
    case OverdueType::stubborn:
      break;
  }
  return text(S::letter_tpl_stubborn, lang);
}

std::string_view letter_template(const LetterTemplates& t, OverdueType type, Lang lang) {
  const std::string& own = type == OverdueType::temporary    ? t.temporary
                           : type == OverdueType::structural ? t.structural
                                                             : t.stubborn;
  return own.empty() ? std::string_view(default_letter_template(type, lang))
                     : std::string_view(own);
}

const std::vector<LetterPlaceholder>& letter_placeholders() {
  static const std::vector<LetterPlaceholder> kPlaceholders = {
      {"customer", S::ph_customer},
      {"customer_id", S::ph_customer_id},
      {"customer_contact", S::ph_customer_contact},
      {"as_of", S::ph_as_of},
      {"overdue_amount", S::ph_overdue_amount},
      {"open_amount", S::ph_open_amount},
      {"days_overdue", S::ph_days_overdue},
      {"deadline", S::ph_deadline},
      {"invoice_table", S::ph_invoice_table},
      {"installment_table", S::ph_installment_table},
      {"installment_count", S::ph_installment_count},
      {"company", S::ph_company},
      {"contact", S::ph_contact},
  };
  return kPlaceholders;
}

namespace letters_detail {

bool is_known_placeholder(std::string_view name) {
  for (const LetterPlaceholder& p : letter_placeholders())
    if (name == p.name) return true;
  return false;
}

// A placeholder is "{" + 1–40 bytes without braces or line breaks + "}"; anything else is text.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::string literal;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '{') {
      size_t j = i + 1;
      while (j < s.size() && j - i <= 41 && s[j] != '}' && s[j] != '{' && s[j] != '\n' &&
             s[j] != '\r')
        ++j;
      if (j < s.size() && s[j] == '}' && j > i + 1 && j - i <= 41) {
        if (!literal.empty()) out.push_back({Token::literal, std::move(literal)});
        literal.clear();
        out.push_back({Token::placeholder, std::string(s.substr(i + 1, j - i - 1))});
        i = j + 1;
        continue;
      }
    }
    literal += s[i++];
  }
  if (!literal.empty()) out.push_back({Token::literal, std::move(literal)});
  return out;
}

std::string render_template(std::string_view tpl, const Values& values,
                            std::vector<std::string>& unknown) {
  // Lines, without CR; paragraphs are runs of non-blank lines.
  std::vector<std::string> lines;
  size_t b = 0;
  while (b <= tpl.size()) {
    size_t e = tpl.find('\n', b);
    if (e == std::string_view::npos) e = tpl.size();
    std::string line(tpl.substr(b, e - b));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    b = e + 1;
  }
  auto blank = [](const std::string& l) { return l.find_first_not_of(" \t") == std::string::npos; };
  std::string out;
  std::string para;  // the open paragraph's markup
  auto flush = [&]() {
    // Drop line breaks at the ends (left when a table split a paragraph).
    while (para.size() >= 5 && para.compare(0, 5, "<br>\n") == 0) para.erase(0, 5);
    while (para.size() >= 5 && para.compare(para.size() - 5, 5, "<br>\n") == 0)
      para.erase(para.size() - 5);
    if (para.find_first_not_of(" \t\n") != std::string::npos) out += "<p>" + para + "</p>\n";
    para.clear();
  };
  auto inline_text = [&](std::string_view text) {
    for (const Token& t : tokenize(text)) {
      if (t.kind == Token::literal) {
        para += html_escape(t.text);
        continue;
      }
      const std::string* block = t.text == "invoice_table"       ? &values.invoice_table
                                 : t.text == "installment_table" ? &values.installment_table
                                                                 : nullptr;
      if (block) {
        flush();
        out += *block;
        continue;
      }
      auto v = values.inline_values.find(t.text);
      if (v != values.inline_values.end()) {
        para += html_escape(v->second);
      } else {
        const std::string written = "{" + t.text + "}";
        para += "<span class=\"unknown-placeholder\">" + html_escape(written) + "</span>";
        if (std::find(unknown.begin(), unknown.end(), written) == unknown.end())
          unknown.push_back(written);
      }
    }
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (blank(line)) {
      flush();
      continue;
    }
    if (line.compare(0, 2, "# ") == 0) {
      flush();
      std::string saved_out;
      saved_out.swap(out);
      inline_text(std::string_view(line).substr(2));
      const std::string title = para;
      para.clear();
      out.swap(saved_out);
      out += "<h2>" + title + "</h2>\n";
      continue;
    }
    if (!para.empty()) para += "<br>\n";
    inline_text(line);
  }
  flush();
  std::sort(unknown.begin(), unknown.end());
  return out;
}

}  // namespace letters_detail

std::vector<std::string> unknown_letter_placeholders(std::string_view template_text) {
  std::vector<std::string> unknown;
  for (const letters_detail::Token& t : letters_detail::tokenize(template_text)) {
    if (t.kind != letters_detail::Token::placeholder ||
        letters_detail::is_known_placeholder(t.text))
      continue;
    const std::string written = "{" + t.text + "}";
    if (std::find(unknown.begin(), unknown.end(), written) == unknown.end())
      unknown.push_back(written);
  }
  std::sort(unknown.begin(), unknown.end());
  return unknown;
}

}  // namespace overdue
