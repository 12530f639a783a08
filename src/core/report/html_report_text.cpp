// Numbers, escaping and attribute helpers of the HTML report and the letters. Locale-free (no
// printf %f, no iostream locale) so the native CLI and the page print the same bytes.
#include <cmath>

#include "report/analysis_json_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue {
namespace {

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

namespace report_detail {

std::string fill_html(const char* pattern, std::initializer_list<std::string_view> html_args) {
  std::string out, literal;
  auto arg = html_args.begin();
  for (const char* p = pattern; *p; ++p) {
    if (p[0] == '%' && p[1] == '%') {
      literal += '%';
      ++p;
    } else if (p[0] == '%' && p[1] == 's') {
      out += html_escape(literal);
      literal.clear();
      if (arg != html_args.end()) out += *arg++;
      ++p;
    } else {
      literal += *p;
    }
  }
  return out + html_escape(literal);
}

std::string money_attr(std::string_view key, int64_t cents) {
  return " data-key=\"" + html_escape(key) + "\" data-value=\"" + std::to_string(cents) +
         "\" data-unit=\"cents\"";
}

std::string raw_attr(std::string_view key, std::string_view value) {
  return " data-key=\"" + html_escape(key) + "\" data-value=\"" + html_escape(value) + "\"";
}

std::string money_cell(std::string_view key, int64_t cents) {
  return "<td class=\"num\"" + (key.empty() ? std::string() : money_attr(key, cents)) + ">" +
         money_display(cents) + "</td>";
}

std::string text_cell(std::string_view escaped_html, bool number) {
  return std::string(number ? "<td class=\"num\">" : "<td>") + std::string(escaped_html) + "</td>";
}

std::string bucket_label(std::string_view label, Lang lang) {
  if (label == "not_due") return text(S::bucket_not_due, lang);
  return textf(lang, S::bucket_days_fmt, html_escape(label).c_str());
}

std::string allowance_band_label(std::string_view label, AllowanceMethod m, Lang lang) {
  if (m == AllowanceMethod::invoice_age_years) {
    if (label == "<1y") return text(S::band_age_lt1, lang);
    if (label == "1-2y") return text(S::band_age_1_2, lang);
    if (label == "2-3y") return text(S::band_age_2_3, lang);
    if (label == ">=3y") return text(S::band_age_ge3, lang);
    return html_escape(label);
  }
  if (label == "not_due") return text(S::bucket_not_due, lang);
  return textf(lang, S::band_dpd_fmt, html_escape(label).c_str());
}

}  // namespace report_detail
}  // namespace overdue
