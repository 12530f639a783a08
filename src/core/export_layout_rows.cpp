// Rows of a report that are not data (see export_layout.hpp; issue #9):
//  * total rows    合计, 总计, TOTAL, Grand Total                         → rejected "total row"
//  * subtotal rows Total for …, Total <name> (Xero), 小计, 本月合计, 本年累计 → rejected "subtotal row"
//  * label rows    aging-bucket labels (CURRENT, 91 or more days past due) and report footers
//                  (QuickBooks' timestamp, Accrual Basis, 制表人 …)         → rejected "label row"
//  * group rows    a row holding only a customer's name above its invoices (QuickBooks Open
//                  Invoices, Xero), or a line naming the customer (科目：1122 应收账款-XX公司,
//                  辅助项目：XX): carried down into a customer_name column; not counted as read.
// A total's label must fill a whole cell (a memo such as "销售合计单据" is data). A plain name row
// is a group row only in a file that is plainly a report — title rows above the header or a
// total row somewhere — and has no customer column of its own.
#include <algorithm>

#include "export_layout.hpp"
#include "overdue/roles.hpp"
#include "role_header_text.hpp"
#include "role_synonyms.hpp"
#include "value_parsers.hpp"

namespace overdue {
namespace {

enum class RowKind { data, total, subtotal, label, group };

struct RowClass {
  RowKind kind = RowKind::data;
  bool checkable = false;   // totals: the rows it adds up are all in the file
  std::string customer;     // group rows
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string_view without_colon(std::string_view s) {
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBC\x9A") s.remove_suffix(3);  // ：
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
  for (std::string_view t : {"小计", "小計", "本月合计", "本期合计", "本日合计", "本季合计", "本月合計", "本期合計"})
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
  if (lower == "subtotal" || lower == "sub-total" || lower == "sub total" || starts_with(lower, "total for ") ||
      starts_with(lower, "subtotal for ")) {
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

RowClass classify_row(const std::vector<std::string_view>& cells, bool plain_groups) {
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
    auto dated = [&] { return std::any_of(cells.begin(), cells.end(), [](std::string_view c) { return is_date(c); }); };
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
      if (cand.role == "customer_name" || cand.role == "customer_id") return true;
  return false;
}

const char* reason_of(RowKind kind) {
  switch (kind) {
    case RowKind::total: return "total row";
    case RowKind::subtotal: return "subtotal row";
    default: return "label row";
  }
}

}  // namespace

void apply_export_layout(ImportedFile& file, const std::vector<PaddedRow>& padded,
                         const std::vector<uint64_t>& data_lines) {
  std::vector<uint64_t> unmarked = data_lines;
  std::sort(unmarked.begin(), unmarked.end());
  auto is_unmarked = [&](size_t r) {
    return !unmarked.empty() && std::binary_search(unmarked.begin(), unmarked.end(), file.row_line[r]);
  };
  ExportLayout& layout = file.layout;
  for (const std::string& line : layout.title_lines)
    if (layout.as_of == kMissingDays) layout.as_of = as_of_from_title_line(line);
  std::string customer;  // a customer named in the title rows (Kingdee 科目 line): the last one
  for (const std::string& line : layout.title_lines) {
    std::string c = customer_from_title_line(line);
    if (!c.empty()) customer = std::move(c);
  }
  const std::string title_customer = customer;
  if (!file.header || file.columns.empty()) return;

  const size_t rows = file.row_count(), ncol = file.columns.size();
  std::vector<std::string_view> cells(ncol);
  auto row_cells = [&](size_t r) -> const std::vector<std::string_view>& {
    for (size_t c = 0; c < ncol; ++c) cells[c] = file.columns[c].text.at(r);
    return cells;
  };
  // Pass 1 without plain group rows: a report shows itself by its title rows or a total row.
  // Only rows that are not data are kept (sparse: files have millions of data rows).
  std::vector<std::pair<size_t, RowClass>> marked;
  bool report = layout.skipped_title_lines > 0;
  for (size_t r = 0; r < rows; ++r) {
    if (is_unmarked(r)) continue;
    RowClass k = classify_row(row_cells(r), false);
    if (k.kind == RowKind::data) continue;
    report = report || k.kind == RowKind::total || k.kind == RowKind::subtotal;
    marked.emplace_back(r, std::move(k));
  }
  const bool carry = !has_customer_column(file);
  if (report && carry) {
    std::vector<std::pair<size_t, RowClass>> all;
    size_t m = 0;
    for (size_t r = 0; r < rows; ++r) {
      if (m < marked.size() && marked[m].first == r) {
        all.push_back(std::move(marked[m++]));
        continue;
      }
      if (is_unmarked(r)) continue;
      RowClass k = classify_row(row_cells(r), true);
      if (k.kind != RowKind::data) all.emplace_back(r, std::move(k));
    }
    marked = std::move(all);
  }
  if (marked.empty() && padded.empty() && (customer.empty() || !carry)) return;

  std::vector<const PaddedRow*> padded_at(padded.empty() ? 0 : rows, nullptr);
  for (const PaddedRow& p : padded)
    if (p.row < rows) padded_at[p.row] = &p;
  auto padded_row = [&](size_t r) -> const PaddedRow* { return padded_at.empty() ? nullptr : padded_at[r]; };
  const RowClass data_row;

  std::vector<bool> keep(rows, false);
  std::vector<std::string> carried;  // customer of each kept row
  size_t kept = 0, block_sub = 0, block_total = 0, m = 0;
  for (size_t r = 0; r < rows; ++r) {
    const bool is_marked = m < marked.size() && marked[m].first == r;
    const RowClass& k = is_marked ? marked[m++].second : data_row;
    const uint64_t line = file.row_line[r];
    if (k.kind == RowKind::data) {
      if (padded_row(r) && !is_unmarked(r)) {  // a short record that is no layout row: rejected as before
        --file.rows.accepted;
        ++file.rows.rejected;
        file.rejected.push_back({line, padded_row(r)->reason, padded_row(r)->text});
        continue;
      }
      keep[r] = true;
      if (carry) carried.push_back(customer);
      ++kept;
      continue;
    }
    if (k.kind == RowKind::group) {
      customer = k.customer;
      ++layout.group_rows;
      --file.rows.read;
      --file.rows.accepted;
      block_sub = kept;
      continue;
    }
    --file.rows.accepted;
    ++file.rows.rejected;
    const std::vector<std::string_view>& rc = row_cells(r);
    SummaryRow s;
    s.line = line;
    s.reason = reason_of(k.kind);
    s.rows_before = kept;
    s.block_begin = k.kind == RowKind::total ? block_total : block_sub;
    s.checkable = k.checkable && !padded_row(r);  // a short row's cells are not under their columns
    for (std::string_view c : rc) s.cells.emplace_back(trim_cell(c));
    const std::string text = padded_row(r) ? padded_row(r)->text : joined_cells(rc);
    file.rejected.push_back({line, s.reason, text});
    layout.summary_rows.push_back(std::move(s));
    block_sub = kept;  // a subtotal, a total or a bucket label starts the next block
    if (k.kind == RowKind::total) block_total = kept;
  }

  for (Column& col : file.columns) {
    TextColumn text;
    text.end.reserve(kept);
    for (size_t r = 0; r < rows; ++r)
      if (keep[r]) text.push(col.text.at(r));
    col.text = std::move(text);
  }
  std::vector<uint64_t> lines;
  lines.reserve(kept);
  for (size_t r = 0; r < rows; ++r)
    if (keep[r]) lines.push_back(file.row_line[r]);
  file.row_line = std::move(lines);

  const bool named = std::any_of(carried.begin(), carried.end(), [](const std::string& c) { return !c.empty(); });
  if (carry && named) {
    // The role's own name: the role tables give it customer_name whatever the language.
    Column col;
    col.name = "customer_name";
    for (const std::string& c : carried) col.text.push(c);
    file.columns.push_back(std::move(col));
    std::string from = layout.group_rows > 0 ? "group rows (" + std::to_string(layout.group_rows) + ")" : "";
    if (!title_customer.empty()) from = "the title rows" + (from.empty() ? "" : " and " + from);
    file.notes.push_back("customer_name: the customer named in " + from + ", carried down into the rows below");
  }
  std::stable_sort(file.rejected.begin(), file.rejected.end(),
                   [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
}

}  // namespace overdue
