// Header rows below title rows, headers spanning rows, and what the title rows say (see
// export_layout.hpp; issue #9).
#include <algorithm>
#include <cctype>

#include "overdue/text/civil_date.hpp"
#include "import/export_layout.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

bool is_value(std::string_view cell) {
  const std::string_view c = trim_cell(cell);
  if (is_missing_marker(c, true)) return false;
  if (parse_number(c, DecimalMark::point, false).ok()) return true;
  return parse_date(c, DateAllowances{}).ok();
}

bool is_known_header(std::string_view cell) {
  const std::string_view c = trim_cell(cell);
  if (c.empty()) return false;
  return header_is_known(c) || header_suggests_date(c) || header_suggests_money(c);
}

size_t non_empty(const std::vector<std::string>& record) {
  return static_cast<size_t>(std::count_if(
      record.begin(), record.end(), [](const std::string& c) { return !trim_cell(c).empty(); }));
}

bool has_value(const std::vector<std::string>& record) {
  return std::any_of(record.begin(), record.end(),
                     [](const std::string& c) { return is_value(c); });
}

// A company name, report name, "As of …" line or a blank row of delimiters.
bool is_title_like(const std::vector<std::string>& record) { return non_empty(record) <= 2; }

bool is_header_row(const std::vector<std::string>& record, size_t fields, size_t known_needed) {
  if (record.size() != fields || has_value(record)) return false;
  const size_t named = non_empty(record);
  if (named < 2 || named * 2 < fields) return false;
  if (known_needed == 0) return true;
  size_t known = 0;
  for (const std::string& cell : record) known += is_known_header(cell);
  return known >= known_needed;
}

// `lower` continues the header rows above it: no values, at least two names but fewer than the
// columns, and one of them under an empty cell of the row just above (a spanned group name).
bool continues_header(const std::vector<std::string>& above, const std::vector<std::string>& lower,
                      size_t fields) {
  if (lower.size() != fields || has_value(lower)) return false;
  const size_t named = non_empty(lower);
  if (named < 2 || named >= fields) return false;
  bool under_span = false, under_name = false;
  for (size_t c = 0; c < fields; ++c) {
    if (trim_cell(lower[c]).empty()) continue;
    if (trim_cell(above[c]).empty())
      under_span = true;
    else
      under_name = true;
  }
  // The first name of a span sits under the group name itself ("借方" over "发生").
  return under_span && under_name;
}

}  // namespace

HeaderPosition find_header_position(const std::vector<std::vector<std::string>>& records,
                                    size_t fields) {
  HeaderPosition pos;
  if (fields < 3 || records.size() < 2) return pos;
  if (!is_title_like(records[0])) {
    pos.index = 0;
  } else {
    // Names the role tables know make a header; when the title rows are written short (fewer
    // fields than the table), the first full-width row of names is the header even without them.
    const size_t known_needed = records[0].size() < fields ? 0 : 2;
    bool found = false;
    for (size_t i = 1; i < records.size() && i <= kMaxTitleRecords; ++i) {
      if (is_header_row(records[i], fields, 2) ||
          (known_needed == 0 && is_header_row(records[i], fields, 0))) {
        pos.index = i;
        found = true;
        break;
      }
      if (!is_title_like(records[i])) break;
    }
    if (!found) return HeaderPosition{};
  }
  if (!is_header_row(records[pos.index], fields, 0)) return pos;  // the old single-row rules decide
  while (pos.rows < 3 && pos.index + pos.rows < records.size() &&
         continues_header(records[pos.index + pos.rows - 1], records[pos.index + pos.rows], fields))
    ++pos.rows;
  return pos;
}

std::vector<std::string> flatten_header_rows(const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return {};
  const size_t fields = rows[0].size();
  std::vector<std::vector<std::string>> parts(fields);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string_view carried;  // the name spanning rightwards in this row
    for (size_t c = 0; c < fields; ++c) {
      const std::string_view cell = c < rows[r].size() ? trim_cell(rows[r][c]) : std::string_view();
      bool named_below = false;
      for (size_t k = r + 1; k < rows.size(); ++k)
        if (c < rows[k].size() && !trim_cell(rows[k][c]).empty()) named_below = true;
      if (!cell.empty()) {
        carried = named_below ? cell : std::string_view();
        parts[c].emplace_back(cell);
      } else if (named_below && !carried.empty()) {
        parts[c].emplace_back(carried);
      } else {
        carried = {};
      }
    }
  }
  std::vector<std::string> names(fields);
  for (size_t c = 0; c < fields; ++c)
    for (const std::string& p : parts[c]) names[c] += (names[c].empty() ? "" : "-") + p;
  return names;
}

std::string joined_cells(const std::vector<std::string_view>& cells) {
  std::string out;
  for (std::string_view cell : cells) {
    const std::string_view c = trim_cell(cell);
    if (c.empty()) continue;
    if (!out.empty()) out += ' ';
    out.append(c.data(), c.size());
  }
  return out;
}

// [SECTION] title lines
// ----------------------------------------------------------------------------

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// Drops spaces and the separators that follow a label: ":" "：" and spaces.
std::string_view skip_separators(std::string_view s) {
  for (;;) {
    s = trim_cell(s);
    if (starts_with(s, ":"))
      s.remove_prefix(1);
    else if (starts_with(s, "\xEF\xBC\x9A"))
      s.remove_prefix(3);  // ：
    else
      return s;
  }
}

int month_of(std::string_view word) {
  static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m)
    if (word.substr(0, 3) == names[m]) return m + 1;
  return 0;
}

// "Jul 25, 2026", "July 25 2026", "31 March 2026", "31 Mar 2026": a month name, a day and a year.
int32_t month_name_date(std::string_view text) {
  const std::string lower = ascii_lower(text);
  std::vector<std::string> words;
  std::string cur;
  for (char ch : lower) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      cur += ch;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  int month = 0, day = 0, year = 0;
  for (const std::string& w : words) {
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      if (w.size() > 4 ||
          !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return kMissingDays;
      const int v = std::stoi(w);
      if (w.size() == 4)
        year = v;
      else if (day == 0)
        day = v;
      else
        return kMissingDays;
    } else if (month == 0 && month_of(w) != 0) {
      month = month_of(w);
    } else {
      return kMissingDays;  // other words: not a plain date
    }
  }
  if (month == 0 || year == 0 || !is_valid_civil(year, month, day)) return kMissingDays;
  return days_from_civil(year, month, day);
}

int32_t date_in_text(std::string_view text) {
  text = skip_separators(text);
  if (text.empty()) return kMissingDays;
  const ParsedDate d = parse_date(text, DateAllowances{});
  if (d.ok()) {
    if (!d.order_matters()) return d.days;
    // 07/25/2026 (US) or 25/07/2026: only an unambiguous reading is taken.
    if (d.days_month_first == kMissingDays) return d.days_day_first;
    if (d.days_day_first == kMissingDays) return d.days_month_first;
    return d.days_month_first == d.days_day_first ? d.days_month_first : kMissingDays;
  }
  return month_name_date(text);
}

}  // namespace

int32_t as_of_from_title_line(std::string_view line) {
  const std::string_view t = trim_cell(line);
  const std::string lower = ascii_lower(t);
  for (std::string_view key : {"as of", "as at"}) {
    const size_t at = lower.find(key);
    if (at != std::string::npos) return date_in_text(t.substr(at + key.size()));
  }
  for (std::string_view key :
       {"截止日期", "截至日期", "截止日", "截止", "截至", "对账日期", "報表日期", "截止日期"}) {
    const size_t at = t.find(key);
    if (at != std::string_view::npos) return date_in_text(t.substr(at + key.size()));
  }
  return kMissingDays;
}

std::string customer_from_title_line(std::string_view line) {
  std::string_view t = trim_cell(line);
  // 科目：1122 应收账款-XX公司 (Kingdee 明细账): the customer follows the account's name.
  if (starts_with(t, "科目")) {
    t = skip_separators(t.substr(std::string_view("科目").size()));
    for (std::string_view account : {"应收账款", "應收帳款", "应收帐款"}) {
      const size_t at = t.find(account);
      if (at == std::string_view::npos) continue;
      std::string_view rest = t.substr(at + account.size());
      rest = trim_cell(rest);
      for (std::string_view dash : {"-", "_", "/", "\xE2\x80\x94" /* — */, "\xEF\xBC\x8D" /* － */})
        if (starts_with(rest, dash)) return std::string(trim_cell(rest.substr(dash.size())));
      return {};
    }
    return {};
  }
  // 辅助项目：客户：XX / 辅助项目：XX, 客户：XX, 往来单位：XX.
  for (std::string_view label :
       {"辅助项目", "輔助項目", "往来单位", "往來單位", "客户名称", "客户", "客戶"}) {
    if (!starts_with(t, label)) continue;
    std::string_view rest = skip_separators(t.substr(label.size()));
    for (std::string_view inner : {"客户", "客戶"})
      if (starts_with(rest, inner)) {
        const std::string_view after = skip_separators(rest.substr(inner.size()));
        if (after.size() < rest.size() - inner.size()) rest = after;  // "客户：" had a separator
      }
    if (rest.size() == t.size() - label.size())
      return {};  // no separator: a name that starts with 客户
    return std::string(trim_cell(rest));
  }
  return {};
}

}  // namespace overdue
