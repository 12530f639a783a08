// Line-item exports and invoice statuses (include/overdue/ledger/line_items.hpp; issue #17,
// items 3 and 5). The ledger (tables.cpp) and `inspect` (report/inspect_json.cpp) both call these,
// so what the mapping screen and `inspect` say is what the ledger does.
#include "overdue/ledger/line_items.hpp"

#include <algorithm>

#include "ledger/internal.hpp"

namespace overdue {

using namespace ledger_detail;

namespace {

bool is_invoice_table(const ImportedFile& file) {
  return file.error.empty() && (file.table_kind == TableKind::ledger || file.table_kind == TableKind::invoices);
}

// The longest status word known (bytes); a longer cell is some other word.
constexpr size_t kMaxStatusBytes = 16;

// ASCII lower case into a caller's buffer (no allocation: called once per invoice); other bytes
// (Chinese words) kept as they are.
std::string_view ascii_lower(std::string_view s, char (&buffer)[kMaxStatusBytes]) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    buffer[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return std::string_view(buffer, s.size());
}

}  // namespace

LineItemLayout detect_line_items(const ImportedFile& file) {
  RowMarks marks;   // not reset: row_mark itself (inspect asks once per row)
  return ledger_detail::detect_line_items(file, marks);
}

LineItemLayout ledger_detail::detect_line_items(const ImportedFile& file, RowMarks& marks) {
  LineItemLayout out;
  if (!is_invoice_table(file)) return out;
  const int id_column = find_role(file, Role::invoice_id);
  if (id_column < 0) return out;
  const size_t n = file.row_count();

  // 1. Rows grouped by invoice number, groups numbered in file order. Totals and opening rows are
  //    not invoices (the ledger rejects them), so they are in no group.
  std::vector<uint32_t> group_of(n, kNoRow), group_size, group_first;
  //    While the numbers rise down the file (an export sorted by invoice number) each is new: no
  //    hashing. From the first that does not, the ledger's flat (id → group) index, every id under
  //    customer 0, filled with the groups so far (a node-based map made a million allocations).
  InvoiceGroupIndex by_id;
  bool hashing = false;
  std::string_view last_id;
  for (size_t row = 0; row < n; ++row) {
    const std::string_view id = cell_text(file, id_column, row);
    if (id.empty() || marks.get(file, row) != RowMark::entry) continue;
    bool added = true;
    uint32_t g = static_cast<uint32_t>(group_size.size());
    if (!hashing && (group_size.empty() || last_id < id)) {
      last_id = id;
    } else {
      if (!hashing) {
        hashing = true;
        by_id.reset(n);
        for (const uint32_t first : group_first) by_id.find_or_add(InvoiceKey{0, cell_text(file, id_column, first)}, added);
      }
      g = by_id.find_or_add(InvoiceKey{0, id}, added);
    }
    if (added) {
      group_size.push_back(0);
      group_first.push_back(static_cast<uint32_t>(row));
    }
    group_of[row] = g;
    ++group_size[g];
    ++out.rows;
  }
  const size_t groups = group_size.size();

  // 2. Compares a column's non-blank cells within each multi-row group that is still judged
  //    (`judged`), with the first non-blank cell of the group; calls conflict(group) on a mismatch
  //    and stops when it returns false.
  std::vector<uint8_t> judged(groups, 0);
  bool any_multi = false;
  for (size_t g = 0; g < groups; ++g) {
    judged[g] = group_size[g] >= 2 ? 1 : 0;
    any_multi = any_multi || judged[g];
  }
  if (!any_multi) {
    out.invoices = groups;
    return out;
  }
  std::vector<uint32_t> first_filled(groups);
  auto compare = [&](int column, auto&& conflict) {
    std::fill(first_filled.begin(), first_filled.end(), kNoRow);
    for (size_t row = 0; row < n; ++row) {
      const uint32_t g = group_of[row];
      if (g == kNoRow || !judged[g]) continue;
      const std::string_view cell = cell_text(file, column, row);
      if (cell.empty()) continue;   // a blank cell on a continuation row counts as the same
      if (first_filled[g] == kNoRow) first_filled[g] = static_cast<uint32_t>(row);
      else if (cell != cell_text(file, column, first_filled[g]) && !conflict(g)) return;
    }
  };
  // One number used by different customers is not one invoice: those groups stay separate rows.
  for (const Role r : {Role::customer_id, Role::customer_name}) {
    const int column = find_role(file, r);
    if (column >= 0) compare(column, [&](uint32_t g) {
        judged[g] = 0;
        return true;
      });
  }
  size_t multi = 0;
  for (size_t g = 0; g < groups; ++g) multi += judged[g];
  // Only the columns whose level is used are judged in full (amounts: taken once or summed;
  // dates: part of the decision); the others only until one is found to vary per line. A pass
  // per column over a million rows is the cost, so it is paid where it matters.
  out.invoice_level.assign(file.columns.size(), true);
  auto judge = [&](size_t c) {
    bool level = true;
    compare(static_cast<int>(c), [&](uint32_t) { return level = false; });
    return out.invoice_level[c] = level;
  };
  bool any_varies = false;
  std::vector<bool> judged_column(file.columns.size(), false);
  for (const Role r : {Role::line_amount, Role::amount, Role::open_amount, Role::paid_amount, Role::invoice_date,
                       Role::due_date}) {
    const int column = find_role(file, r);
    if (column < 0 || multi == 0) continue;
    judged_column[static_cast<size_t>(column)] = true;
    any_varies = !judge(static_cast<size_t>(column)) || any_varies;
  }
  for (size_t c = 0; c < file.columns.size() && multi > 0 && !any_varies; ++c)
    if (!judged_column[c]) any_varies = !judge(c);

  // 3. A line-item layout: something varies per line (else the rows are copies of one another,
  //    noted as duplicates as before), the dates are the invoice's, and an amount says so.
  auto level = [&](Role r) {
    const int column = find_role(file, r);
    return column >= 0 && out.invoice_level[static_cast<size_t>(column)];
  };
  auto level_or_absent = [&](Role r) { return find_role(file, r) < 0 || level(r); };
  const bool marked = find_role(file, Role::line_amount) >= 0 || level(Role::amount) || level(Role::open_amount);
  out.line_items = multi > 0 && any_varies && marked && level_or_absent(Role::invoice_date) &&
                   level_or_absent(Role::due_date);
  if (!out.line_items) {
    out.invoice_level.clear();
    out.invoices = groups;
    return out;
  }
  // Each split group's rows are invoices of their own.
  out.invoices = 0;
  for (size_t g = 0; g < groups; ++g) out.invoices += judged[g] || group_size[g] < 2 ? 1 : group_size[g];
  out.head.resize(n);
  out.next.assign(n, kNoRow);
  std::vector<uint32_t> last(groups, kNoRow);
  for (size_t row = 0; row < n; ++row) {
    out.head[row] = static_cast<uint32_t>(row);
    const uint32_t g = group_of[row];
    if (g == kNoRow || !judged[g]) continue;
    out.head[row] = group_first[g];
    if (last[g] != kNoRow) out.next[last[g]] = static_cast<uint32_t>(row);
    last[g] = static_cast<uint32_t>(row);
  }
  return out;
}

InvoiceStatus classify_status(std::string_view cell) {
  cell = trim_cell(cell);
  if (cell.empty()) return InvoiceStatus::none;
  if (cell.size() > kMaxStatusBytes) return InvoiceStatus::other;
  char buffer[kMaxStatusBytes];
  const std::string_view s = ascii_lower(cell, buffer);
  auto any = [&](std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), s) != words.end();
  };
  if (any({"draft", "草稿"})) return InvoiceStatus::draft;
  if (any({"void", "voided", "cancelled", "canceled", "deleted", "作废", "已作废", "已取消"})) return InvoiceStatus::void_;
  if (any({"paid", "已结清", "已收款"})) return InvoiceStatus::paid;
  if (any({"sent", "unsent", "viewed", "due", "overdue", "partial", "partially paid", "open", "unpaid"}))
    return InvoiceStatus::open;
  return InvoiceStatus::other;
}

namespace ledger_detail {

size_t invoice_row_count(const LineItemLayout& layout, size_t row) {
  if (!layout.line_items) return 1;
  size_t count = 0;
  for (size_t r = row; r != kNoRow; r = layout.next[r]) ++count;
  return count;
}

size_t first_filled_row(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row) {
  if (!layout.line_items || column < 0) return row;
  for (size_t r = row; r != kNoRow; r = layout.next[r])
    if (!cell_text(file, column, r).empty()) return r;
  return row;
}

std::string_view invoice_text(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row) {
  return cell_text(file, column, first_filled_row(file, layout, column, row));
}

int32_t invoice_days(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row) {
  return cell_days(file, column, first_filled_row(file, layout, column, row));
}

int64_t invoice_cents(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row) {
  if (!layout.line_items || column < 0 || layout.invoice_level[static_cast<size_t>(column)])
    return cell_cents(file, column, first_filled_row(file, layout, column, row));
  // A column that varies per line (line amounts) is summed over the invoice's rows.
  int64_t sum = kMissingCents;
  for (size_t r = row; r != kNoRow; r = layout.next[r]) {
    const int64_t v = cell_cents(file, column, r);
    if (v != kMissingCents) sum = (sum == kMissingCents ? 0 : sum) + v;
  }
  return sum;
}

bool invoice_has_oversized_amount(const ImportedFile& file, const LineItemLayout& layout, size_t row) {
  if (!layout.line_items) return has_oversized_amount(file, row);
  for (size_t r = row; r != kNoRow; r = layout.next[r])
    if (has_oversized_amount(file, r)) return true;
  return false;
}

}  // namespace ledger_detail

StatusDecision status_of_invoice(const ImportedFile& file, const LineItemLayout& layout, int status_column,
                                 size_t row, bool keep_drafts) {
  StatusDecision d;
  if (status_column < 0) return d;
  d.text = invoice_text(file, layout, status_column, row);
  d.status = classify_status(d.text);
  if (d.status == InvoiceStatus::draft && !keep_drafts) d.set_aside = ProblemKind::draft_invoice;
  if (d.status == InvoiceStatus::void_) d.set_aside = ProblemKind::void_invoice;
  return d;
}

std::vector<SetAsideRow> status_set_aside(const ImportedFile& file, const LineItemLayout& layout, bool keep_drafts,
                                          uint32_t file_index) {
  std::vector<SetAsideRow> out;
  if (!is_invoice_table(file)) return out;
  const int status_column = find_role(file, Role::status);
  if (status_column < 0) return out;
  for (size_t row = 0; row < file.row_count(); ++row) {
    if (layout.is_continuation(row)) continue;
    const StatusDecision d = status_of_invoice(file, layout, status_column, row, keep_drafts);
    // The ledger rejects totals and opening rows before it looks at a status.
    if (!d.set_aside || row_mark(file, row) != RowMark::entry || invoice_has_oversized_amount(file, layout, row))
      continue;
    SetAsideRow s;
    s.file = file_index;
    s.line = file.row_line[row];
    s.kind = *d.set_aside;
    s.detail.value = std::string(d.text);
    s.reason = problem_text(s.kind, s.detail);
    s.rows = invoice_row_count(layout, row);
    out.push_back(std::move(s));
  }
  return out;
}

std::string_view set_aside_reason_name(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::draft_invoice: return "draft";
    case ProblemKind::void_invoice: return "void";
    default: return problem_kind_name(kind);   // not_receivables_account
  }
}

}  // namespace overdue
