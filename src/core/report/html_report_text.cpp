// Numbers, escaping and attribute helpers of the HTML report and the letters. Locale-free (no
// printf %f, no iostream locale) so the native CLI and the page print the same bytes.
#include <cmath>

#include "analysis_json_internal.hpp"
#include "report_html_internal.hpp"

namespace overdue {
namespace {

// "1234567" → "1,234,567" (digits only; the sign is added by the caller).
std::string group_thousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

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

std::string money_display(int64_t cents) {
  // money_text gives "-12345.05" exactly from the cents; only the grouping is added here.
  const std::string plain = money_text(cents);
  const bool negative = !plain.empty() && plain[0] == '-';
  const size_t dot = plain.find('.');
  const std::string whole = plain.substr(negative ? 1 : 0, dot - (negative ? 1 : 0));
  return (negative ? "-" : "") + group_thousands(whole) + plain.substr(dot);
}

std::string count_display(int64_t n) {
  const bool negative = n < 0;
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  return (negative ? "-" : "") + group_thousands(std::to_string(magnitude));
}

std::string percent_display(double ratio, int decimals, Lang lang) {
  return fixed_text(ratio * 100.0, decimals) + (lang == Lang::zh ? "%" : " %");
}

std::string days_display(int64_t days, Lang lang) {
  return textf(lang, S::days_short_fmt, count_display(days).c_str());
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
