// Rows of a report that are not data (see export_layout.hpp; issue #9):
//  * total rows    合计, 总计, TOTAL, Grand Total                         → rejected "total row"
//  * subtotal rows Total for …, Total <name> (Xero), 小计, 本月合计, 本年累计 → rejected "subtotal
//  row"
//  * label rows    aging-bucket labels (CURRENT, 91 or more days past due) and report footers
//                  (QuickBooks' timestamp, Accrual Basis, 制表人 …)         → rejected "label row"
//  * group rows    a row holding only a customer's name above its invoices (QuickBooks Open
//                  Invoices, Xero), or a line naming the customer (科目：1122 应收账款-XX公司,
//                  辅助项目：XX): carried down into a customer_name column; not counted as read.
// A total's label must fill a whole cell (a memo such as "销售合计单据" is data). A plain name row
// is a group row only in a file that is plainly a report — title rows above the header or a
// total row somewhere — and has no customer column of its own.
// This file says what one row is; export_layout_pass.cpp walks the rows (in slices).
#include <algorithm>

#include "import/export_layout.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/roles/header_text.hpp"
#include "overdue/roles/synonyms.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

using RowKind = LayoutRowKind;
using RowClass = LayoutRow;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string_view without_colon(std::string_view s) {
  if (!s.empty() && s.back() == ':')
    s.remove_suffix(1);
  else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBC\x9A")
    s.remove_suffix(3);  // ：
  return trim_cell(s);
}

bool is_date(std::string_view cell) { return parse_date(trim_cell(cell), DateAllowances{}).ok(); }
bool is_value(std::string_view cell) {
  const std::string_view c = trim_cell(cell);
  return parse_number(c, DecimalMark::point, true).ok() || parse_date(c, DateAllowances{}).ok();
}

// A summary label filling a whole cell. `first`: the row's first non-empty cell; `dated`: the row
// has a date (a data row whose customer is called "Total Plumbing" has one, Xero's
// "Total Bayside Club" has none).
template <class Dated>
bool summary_label(std::string_view cell, bool first, const Dated& dated, RowClass& out) {
  const std::string_view c = without_colon(cell);
  if (c.empty() || c.size() > 80) return false;
  for (std::string_view t : {"合计", "总计", "合計", "總計", "全部合计", "总合计"})
    if (c == t) {
      out = {RowKind::total, true, {}};
      return true;
    }
  for (std::string_view t :
       {"小计", "小計", "本月合计", "本期合计", "本日合计", "本季合计", "本月合計", "本期合計"})
    if (c == t) {
      out = {RowKind::subtotal, true, {}};
      return true;
    }
  // 本年累计 also holds the months before the ones printed: it is not checked.
  for (std::string_view t : {"本年累计", "累计", "本年累計", "累計", "本期累计"})
    if (c == t) {
      out = {RowKind::subtotal, false, {}};
      return true;
    }
  const std::string lower = ascii_lower(c);
  if (lower == "total" || lower == "totals" || lower == "grand total" || lower == "report total") {
    out = {RowKind::total, true, {}};
    return true;
  }
  if (lower == "subtotal" || lower == "sub-total" || lower == "sub total" ||
      starts_with(lower, "total for ") || starts_with(lower, "subtotal for ")) {
    out = {RowKind::subtotal, true, {}};
    return true;
  }
  if (first && starts_with(lower, "total ") && !dated()) {  // Xero: "Total Bayside Club"
    out = {RowKind::subtotal, true, {}};
    return true;
  }
  return false;
}

// A report footer: QuickBooks' "Saturday, Jul 25, 2026 09:41:12 AM GMT-7", "Accrual Basis …",
// 制表人 / 打印时间 lines.
bool is_footer(std::string_view cell) {
  const std::string lower = ascii_lower(trim_cell(cell));
  if (starts_with(lower, "accrual basis") || starts_with(lower, "cash basis")) return true;
  for (std::string_view zh : {"制表", "打印", "制单", "审核人", "製表"})
    if (starts_with(lower, zh)) return true;
  const bool clock = [&] {
    for (size_t i = 1; i + 2 < lower.size(); ++i)
      if (lower[i] == ':' && lower[i - 1] >= '0' && lower[i - 1] <= '9' && lower[i + 1] >= '0' &&
          lower[i + 1] <= '9' && lower[i + 2] >= '0' && lower[i + 2] <= '9')
        return true;
    return false;
  }();
  return clock && (contains(lower, "gmt") || contains(lower, "utc") || contains(lower, " am") ||
                   contains(lower, " pm"));
}

// Cheap test run on every cell first (the pass sees every row of every file): every summary
// label is short and starts with t/s/g/r (total, subtotal, grand total, report total) or holds
// 计/計 (合计, 小计, 累计), or begins 本 (本月合计 …: holds 计 too).
bool might_be_summary(std::string_view c) {
  if (c.empty() || c.size() > 80) return false;
  const char first = static_cast<char>(c[0] | 0x20);
  if (first == 't' || first == 's' || first == 'g' || first == 'r') return true;
  return static_cast<unsigned char>(c[0]) >= 0x80 && (contains(c, "计") || contains(c, "計"));
}

}  // namespace

LayoutRow classify_layout_row(const std::vector<std::string_view>& cells, bool plain_groups) {
  RowClass out;
  size_t named = 0;
  std::string_view only;
  bool maybe_summary = false;
  for (std::string_view cell : cells) {
    const std::string_view c = trim_cell(cell);
    if (c.empty()) continue;
    if (named++ == 0) only = c;
    maybe_summary = maybe_summary || might_be_summary(c);
  }
  if (named == 0) return out;
  if (maybe_summary) {
    // Only "Total <name>" needs to know whether the row has a date.
    auto dated = [&] {
      return std::any_of(cells.begin(), cells.end(), [](std::string_view c) { return is_date(c); });
    };
    bool first = true;
    for (std::string_view cell : cells) {
      const std::string_view c = trim_cell(cell);
      if (c.empty()) continue;
      if (might_be_summary(c) && summary_label(c, first, dated, out)) return out;
      first = false;
    }
  }
  if (named != 1) return out;
  std::string customer = customer_from_title_line(only);
  if (!customer.empty()) return {RowKind::group, false, std::move(customer)};
  if (is_derived_header(only) || is_footer(only)) return {RowKind::label, false, {}};
  if (plain_groups && !is_value(only)) return {RowKind::group, false, std::string(only)};
  return out;
}

bool has_customer_column(const ImportedFile& file) {
  if (!file.header) return false;
  for (const Column& c : file.columns)
    for (const RoleCandidate& cand : synonym_candidates(normalize_header(c.name)))
      if (cand.role == Role::customer_name || cand.role == Role::customer_id) return true;
  return false;
}

ProblemKind layout_problem_kind(LayoutRowKind kind) {
  switch (kind) {
    case RowKind::total:
      return ProblemKind::total_row;
    case RowKind::subtotal:
      return ProblemKind::subtotal_row;
    default:
      return ProblemKind::label_row;
  }
}

}  // namespace overdue
