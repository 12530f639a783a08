// Line-item exports and invoice statuses (issue #17, items 3 and 5): the two questions about an
// invoices table that both the ledger and `inspect` ask, answered in one place so they agree.
//
// Line items: an export with one row per item line repeats the invoice number on each of its rows,
// and the invoice's Total, Balance, Due Date and Status with it. A column whose non-blank cells are
// the same on every row of every invoice with two rows or more is invoice-level and is taken once
// (a blank cell on a continuation row counts as the same); when the invoice has no invoice-level
// total, its line amounts (role line_amount, else a varying amount column) are summed.
// Statuses: Draft/草稿 is not a receivable yet, Void/Cancelled/作废… not at all; both are set aside.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue {

constexpr uint32_t kNoRow = 0xFFFFFFFFu;

struct LineItemLayout {
  bool line_items = false;   // the table is a line-item layout (then head/next are filled)
  uint64_t rows = 0;         // rows with an invoice number (totals and opening rows excluded)
  uint64_t invoices = 0;     // the invoices they make
  // Per row: the first row of its invoice (the row itself for a one-row invoice), and the next
  // row of the same invoice (kNoRow after the last). Empty unless line_items.
  std::vector<uint32_t> head, next;
  // Per column: its non-blank cells are the same on every row of each multi-row invoice (judged
  // for the amount and date roles; other columns may be left true: only those roles use it).
  std::vector<bool> invoice_level;

  bool is_continuation(size_t row) const { return line_items && head[row] != row; }
};

// Judges a table of kind ledger or invoices (any other kind, or no invoice_id column: not line
// items). Repeated invoice numbers are a line-item layout only when something marks them so: a
// line_amount column, or an invoice-level amount or open amount beside a column that varies per
// line. Rows of one number with different customers are not one invoice; they stay separate rows.
// Reads every row once (a hash of the invoice numbers): the ledger calls it once per table.
LineItemLayout detect_line_items(const ImportedFile& file);

// How the ledger reads a status cell (role `status`), compared without case or surrounding space.
enum class InvoiceStatus {
  none,     // blank, or no status column
  open,     // Sent, Unsent, Viewed, Due, Overdue, Partial, Open, Unpaid … : a real invoice
  other,    // a word not known here (AUTHORISED, 未审核 …): a real invoice, listed in a note
  draft,    // Draft, 草稿: not a receivable yet (kept with LedgerOptions::keep_drafts)
  void_,    // Void, Voided, Cancelled, Canceled, Deleted, 作废, 已作废, 已取消: not a receivable
  paid,     // Paid, 已结清, 已收款: paid by the as-of date when no paid date or balance says otherwise
};
InvoiceStatus classify_status(std::string_view cell);

// The status of the invoice starting at `row` (its first non-blank status cell), and whether it
// is set aside. `row` is a head row of `layout` (any row when the table is not line items).
struct StatusDecision {
  InvoiceStatus status = InvoiceStatus::none;
  std::string_view text;                 // the status as written (trimmed)
  std::optional<ProblemKind> set_aside;  // draft_invoice or void_invoice
};
StatusDecision status_of_invoice(const ImportedFile& file, const LineItemLayout& layout, int status_column,
                                 size_t row, bool keep_drafts);

// The rows of a table the ledger sets aside by status (one entry per invoice, `rows` = its rows),
// for `inspect`, which does not build a ledger. `file` is the SetAsideRow::file written.
std::vector<SetAsideRow> status_set_aside(const ImportedFile& file, const LineItemLayout& layout,
                                          bool keep_drafts, uint32_t file_index = 0);

// "draft", "void", "not_receivables_account": the reason written in the JSON's set_aside lists.
std::string_view set_aside_reason_name(ProblemKind kind);

}  // namespace overdue
