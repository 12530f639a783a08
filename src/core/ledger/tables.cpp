// Invoice tables (kinds `ledger` and `invoices`) and payments tables (issue #3, inputs (a), (b)).
//
// Invoice rows:
//  * customer: customer_id, else customer_name (ledger_customers.cpp); neither → rejected.
//  * amount required; a negative amount is a credit note (applied like a payment on its date to
//    the customer's oldest open invoices, ledger_fifo.cpp).
//  * due date: the due_date column; else invoice date + terms (terms_days column: days, or text
//    such as "Net 30"/"月结30天"); else invoice date + LedgerOptions::terms_days_default (an
//    assumption, recorded). No invoice date but a due date: issued at due − terms (recorded).
//    Neither date → rejected. A due date before the invoice date is kept and noted.
//  * id: invoice_id, else "<file name>:<line>".
// Settlement columns of a one-table ledger (kind `ledger`), per row, for invoices with amount > 0:
//  * paid_amount with a paid_date: a payment of that amount on that date naming this invoice
//    (what exceeds the invoice goes FIFO to the customer's other invoices, then to credit);
//  * paid_amount without a date (no column, or an empty cell): a payment dated kMissingDays,
//    with the assumption "paid amounts without a date are assumed paid by the as-of date";
//  * open_amount (an export carrying the remaining balance) and no paid amount: paid = amount −
//    open, dated by paid_date when there is one, else undated with the same assumption; when both
//    paid and open amounts are given and disagree, the paid amount is used and a note says so;
//  * a paid_date with no paid amount (no column, or an empty cell): paid in full on that date.
// Payment rows (kind `payments`): customer (or, when the row has none, the only customer holding
// the invoice id it names), payment_date, payment_amount > 0, optional invoice_id. A payment for a
// customer with no invoices creates that customer and becomes its credit (an over-payment, kept
// and reported, never a negative invoice). Zero and negative payment amounts (refunds, reversals)
// are rejected with that reason. A payment without a date takes the undated assumption.
// Subtotal/total and opening-balance rows are rejected in every table kind (DESIGN.md §1).
// Line-item exports and statuses (issue #17; line_items.hpp): an invoice of several item rows is
// read once, at its first row, with its invoice-level cells taken once and its line amounts summed;
// a row rejected or set aside takes its continuation rows with it. A Draft or Void status sets the
// invoice aside (Ledger::set_aside); Paid with no paid date, paid amount or balance is paid in full,
// undated (by the as-of date) — a balance column, when there is one, wins over the word.
// A `disputed` column (issue #20 §2, ledger/disputes.hpp) marks the invoice disputed from its
// invoice date when it says yes; a word that is neither yes nor no is noted and read as no.
#include <algorithm>

#include "ledger/internal.hpp"
#include "overdue/ledger/dates.hpp"
#include "overdue/ledger/disputes.hpp"

namespace overdue::ledger_detail {

namespace {
const char* const kUndatedPaidAssumption = "paid amounts without a date are assumed paid by the as-of date";
const char* const kPaidStatusAssumption =
    "invoices with status Paid and no paid date, paid amount or balance are assumed paid in full by the as-of date";

// Rejects every row of the invoice starting at `row` (a line-item invoice is one fact).
void reject_invoice(Draft& draft, const ImportedFile& file, const LineItemLayout& layout, uint32_t file_index,
                    size_t row, ProblemKind kind) {
  if (!layout.line_items) return draft.reject(file_index, file.row_line[row], kind);
  for (size_t r = row; r != kNoRow; r = layout.next[r]) draft.reject(file_index, file.row_line[r], kind);
}

void set_aside_invoice(Draft& draft, const ImportedFile& file, const LineItemLayout& layout, uint32_t file_index,
                       size_t row, ProblemKind kind, std::string_view status) {
  SetAsideRow s;
  s.file = file_index;
  s.line = file.row_line[row];
  s.kind = kind;
  s.detail.value = std::string(status);
  s.reason = problem_text(kind, s.detail);
  s.rows = invoice_row_count(layout, row);
  draft.ledger.set_aside.push_back(std::move(s));
}

void note_status_word(Draft& draft, std::string_view word) {
  constexpr size_t kMaxWords = 20;   // a free-text column must not make a note of a million words
  std::vector<std::string>& seen = draft.other_statuses;
  if (seen.size() < kMaxWords && std::find(seen.begin(), seen.end(), word) == seen.end()) seen.emplace_back(word);
}

// The invoice row's `disputed` cell (issue #20 §2): a yes marks the invoice disputed from its
// invoice date; a word that is neither yes nor no is listed in a note and read as no.
void read_disputed_cell(Draft& draft, const ImportedFile& file, const LineItemLayout& layout, int column,
                        size_t row, uint32_t invoice) {
  if (column < 0) return;
  const std::string_view text = invoice_text(file, layout, column, row);
  const std::optional<bool> flag = parse_disputed_flag(text);
  if (flag && *flag) {
    Invoice& inv = draft.ledger.invoices[invoice];
    inv.disputed_from = inv.invoice_date != kMissingDays ? inv.invoice_date : inv.due_date;
  }
  constexpr size_t kMaxWords = 20;
  std::vector<std::string>& seen = draft.other_disputed;
  if (!flag && seen.size() < kMaxWords && std::find(seen.begin(), seen.end(), text) == seen.end())
    seen.emplace_back(text);
}
}  // namespace

uint32_t add_invoice_row(Draft& draft, const ImportedFile& file, uint32_t file_index, size_t row,
                         uint32_t customer, int64_t amount, int32_t invoice_date, int32_t due_date,
                         int terms_column, int invoice_id_column, int sales_rep_column,
                         const LedgerOptions& options) {
  const uint64_t line = file.row_line[row];
  const int terms = terms_days_of_cell(file, terms_column, row);
  if (terms < 0 && !cell_text(file, terms_column, row).empty())
    draft.log.note("unreadable payment terms", where(file, line) + ": payment terms \"" +
                                                   std::string(cell_text(file, terms_column, row)) +
                                                   "\" not understood; default terms used");
  const int days = terms >= 0 ? terms : options.terms_days_default;
  if (due_date == kMissingDays) {
    due_date = due_date_from_terms(invoice_date, days);
    if (terms < 0)
      draft.log.assume("invoices without a due date or payment terms are due " +
                       std::to_string(options.terms_days_default) +
                       " days after the invoice date (default terms)");
  }
  if (invoice_date == kMissingDays) {
    invoice_date = due_date - days;
    draft.log.assume("invoices without an invoice date are taken as issued at their due date minus the "
                     "payment terms (default " + std::to_string(options.terms_days_default) + " days)");
  }
  if (due_date < invoice_date)
    draft.log.note("due date before invoice date", where(file, line) + ": due date " + date_text(due_date) +
                                                       " is before the invoice date " + date_text(invoice_date) +
                                                       " (kept as given)");
  Invoice inv;
  inv.customer = customer;
  inv.currency = row_currency(draft, file, row, true);   // the row's 币别 (currency_resolve.cpp)
  const std::string_view id = cell_text(file, invoice_id_column, row);
  inv.id = id.empty() ? draft.ledger.text.add(generated_invoice_id(file, line)) : draft.ledger.text.add(id);
  inv.invoice_date = invoice_date;
  inv.due_date = due_date;
  inv.amount_cents = amount;
  draft.ledger.invoices.push_back(inv);
  draft.ledger.invoice_sources.resize(draft.ledger.invoices.size() - 1);   // (a no-op when read in order)
  draft.ledger.invoice_sources.push_back({file_index, line});
  const std::string_view rep = cell_text(file, sales_rep_column, row);
  uint32_t rep_index = Draft::kNoSalesRep;
  if (!rep.empty()) {
    rep_index = draft.sales_rep_index.find(rep);
    if (rep_index == StringIndexMap::kAbsent) {
      rep_index = static_cast<uint32_t>(draft.sales_reps.size());
      draft.sales_reps.emplace_back(rep);
      draft.sales_rep_index.emplace(rep, rep_index);
    }
  }
  draft.invoice_sales_rep.push_back(rep_index);
  return static_cast<uint32_t>(draft.ledger.invoices.size() - 1);
}

uint32_t add_payment(Draft& draft, uint32_t customer, int32_t date, int64_t cents, TextRef invoice_id,
                     SourceRef source, int64_t own_invoice) {
  if (date == kMissingDays) draft.log.assume(kUndatedPaidAssumption);
  Payment p;
  p.customer = customer;
  p.date = date;
  p.amount_cents = cents;
  p.invoice_id = invoice_id;
  p.source = source;
  draft.ledger.payments.push_back(p);
  PaymentTarget target;
  target.invoice = own_invoice;
  draft.targets.push_back(target);
  return static_cast<uint32_t>(draft.ledger.payments.size() - 1);
}

InvoiceColumns bind_invoice_columns(const ImportedFile& file) {
  InvoiceColumns c;
  c.customer_id = find_role(file, Role::customer_id), c.customer_name = find_role(file, Role::customer_name);
  c.invoice_id = find_role(file, Role::invoice_id), c.invoice_date = find_role(file, Role::invoice_date);
  c.due_date = find_role(file, Role::due_date), c.terms = find_role(file, Role::terms_days);
  c.amount = find_role(file, Role::amount), c.sales_rep = find_role(file, Role::sales_rep);
  if (file.table_kind == TableKind::ledger) {   // only a ledger settles its invoices in the table
    c.paid_amount = find_role(file, Role::paid_amount);
    c.paid_date = find_role(file, Role::paid_date);
    c.open_amount = find_role(file, Role::open_amount);
  }
  c.status = find_role(file, Role::status), c.line_amount = find_role(file, Role::line_amount);
  c.disputed = find_role(file, Role::disputed);
  return c;
}

PaymentColumns bind_payment_columns(const ImportedFile& file) {
  PaymentColumns c;
  c.customer_id = find_role(file, Role::customer_id), c.customer_name = find_role(file, Role::customer_name);
  c.invoice_id = find_role(file, Role::invoice_id);
  c.date = find_role(file, Role::payment_date);
  if (c.date < 0) c.date = find_role(file, Role::paid_date);
  c.amount = find_role(file, Role::payment_amount);
  if (c.amount < 0) c.amount = find_role(file, Role::paid_amount);
  if (c.amount < 0) c.amount = find_role(file, Role::amount);
  return c;
}

void read_invoice_table(Draft& draft, const ImportedFile& file, const InvoiceColumns& columns,
                        const LineItemLayout& layout, uint32_t file_index, const LedgerOptions& options,
                        size_t row_begin, size_t row_end) {
  const int customer_id = columns.customer_id, customer_name = columns.customer_name;
  const int invoice_id = columns.invoice_id, invoice_date = columns.invoice_date;
  const int due_date = columns.due_date, terms = columns.terms;
  const int amount = columns.amount, sales_rep = columns.sales_rep;
  const int paid_amount = columns.paid_amount, paid_date = columns.paid_date, open_amount = columns.open_amount;
  // An export with only an open amount still has its invoice amount in `amount`; without it the
  // open amount is all we know and is read as the amount (nothing paid). Line amounts stand for
  // the amount when there is no invoice-level total.
  int amount_column = amount;
  if (columns.line_amount >= 0 &&
      (amount < 0 || (layout.line_items && !layout.invoice_level[static_cast<size_t>(amount)])))
    amount_column = columns.line_amount;
  if (amount_column < 0) amount_column = open_amount;

  row_end = std::min(row_end, file.row_count());
  for (size_t row = row_begin; row < row_end; ++row) {
    if (layout.is_continuation(row)) continue;   // read with its invoice's first row
    const uint64_t line = file.row_line[row];
    const RowMark mark = draft.row_marks.get(file, row);
    if (mark == RowMark::subtotal) {
      draft.reject(file_index, line, ProblemKind::summary_row_not_invoice);
      continue;
    }
    if (invoice_has_oversized_amount(file, layout, row)) {
      reject_invoice(draft, file, layout, file_index, row, ProblemKind::amount_too_large);
      continue;
    }
    if (mark == RowMark::opening) {
      draft.reject(file_index, line, ProblemKind::opening_balance_not_invoice);
      continue;
    }
    const StatusDecision status = status_of_invoice(file, layout, columns.status, row, options.keep_drafts);
    if (status.set_aside) {
      set_aside_invoice(draft, file, layout, file_index, row, *status.set_aside, status.text);
      continue;
    }
    if (status.status == InvoiceStatus::other) note_status_word(draft, status.text);
    const int64_t customer = draft.customers.find_or_add(invoice_text(file, layout, customer_id, row),
                                                         invoice_text(file, layout, customer_name, row));
    if (customer < 0) {
      reject_invoice(draft, file, layout, file_index, row, ProblemKind::no_customer);
      continue;
    }
    // An unreadable amount or date is the row's reason, not a guess (issue #17 item 8).
    if (ProblemKind problem; row_cell_problem(file, {amount_column, invoice_date, due_date, paid_amount, paid_date,
                                                     open_amount}, row, problem)) {
      reject_invoice(draft, file, layout, file_index, row, problem);
      continue;
    }
    const int64_t cents = invoice_cents(file, layout, amount_column, row);
    if (cents == kMissingCents) {
      reject_invoice(draft, file, layout, file_index, row, ProblemKind::no_amount);
      continue;
    }
    const int32_t issued = invoice_days(file, layout, invoice_date, row), due = invoice_days(file, layout, due_date, row);
    if (issued == kMissingDays && due == kMissingDays) {
      reject_invoice(draft, file, layout, file_index, row, ProblemKind::no_invoice_or_due_date);
      continue;
    }
    const uint32_t inv = add_invoice_row(draft, file, file_index, row, static_cast<uint32_t>(customer), cents,
                                         issued, due, terms, invoice_id, sales_rep, options);
    read_disputed_cell(draft, file, layout, columns.disputed, row, inv);
    const bool paid_status = status.status == InvoiceStatus::paid;
    const bool settles = file.table_kind == TableKind::ledger || paid_status;
    if (!settles || cents <= 0 || amount_column == open_amount) continue;

    // Settlement of this invoice (rules in the header comment).
    const int64_t paid_cell = invoice_cents(file, layout, paid_amount, row);
    const int64_t open_cell = invoice_cents(file, layout, open_amount, row);
    // An export stating its date ("As of Jul 25, 2026", 截止日期) settled what it shows as paid
    // by that date: undated paid amounts are dated there (issue #9).
    int32_t paid_on = invoice_days(file, layout, paid_date, row);
    const bool by_status = paid_status && paid_on == kMissingDays && paid_cell == kMissingCents && open_cell == kMissingCents;
    if (by_status) draft.log.assume(kPaidStatusAssumption);
    if (paid_status && open_cell != kMissingCents && open_cell > 0)
      draft.log.note("status Paid with a balance", where(file, line) + ": status " + std::string(status.text) +
                                                       " but balance " + cents_text(open_cell) +
                                                       " open (the balance is used)");
    const bool undated_settlement =
        paid_on == kMissingDays && (paid_cell != kMissingCents || open_cell != kMissingCents || by_status);
    if (undated_settlement && file.layout.as_of != kMissingDays) paid_on = file.layout.as_of;
    int64_t paid = 0;
    if (paid_cell != kMissingCents) {
      paid = paid_cell;
      if (open_cell != kMissingCents && cents - paid_cell != open_cell)
        draft.log.note("paid and open amounts disagree",
                       where(file, line) + ": amount " + cents_text(cents) + " − paid " + cents_text(paid_cell) +
                           " ≠ open " + cents_text(open_cell) + " (the paid amount is used)");
    } else if (open_cell != kMissingCents) {
      paid = cents - open_cell;
      if (paid < 0) {
        draft.log.note("open amount above the invoice amount",
                       where(file, line) + ": open " + cents_text(open_cell) + " is more than the amount " +
                           cents_text(cents) + " (nothing taken as paid)");
        paid = 0;
      }
    } else if (paid_on != kMissingDays || by_status) {
      paid = cents;   // a paid date (or the word Paid) and no paid amount: paid in full
    }
    if (paid < 0) {
      draft.log.note("negative paid amount", where(file, line) + ": negative paid amount " + cents_text(paid) +
                                                 " ignored");
      continue;
    }
    if (paid == 0) continue;
    add_payment(draft, static_cast<uint32_t>(customer), paid_on, paid, draft.ledger.invoices[inv].id,
                {file_index, line}, inv);
  }
}

void read_payments_table(Draft& draft, const ImportedFile& file, const PaymentColumns& columns, uint32_t file_index,
                         size_t row_begin, size_t row_end) {
  const int customer_id = columns.customer_id, customer_name = columns.customer_name;
  const int invoice_id = columns.invoice_id, date = columns.date, amount = columns.amount;

  row_end = std::min(row_end, file.row_count());
  for (size_t row = row_begin; row < row_end; ++row) {
    const uint64_t line = file.row_line[row];
    const RowMark mark = row_mark(file, row);
    if (mark == RowMark::subtotal) {
      draft.reject(file_index, line, ProblemKind::summary_row_not_payment);
      continue;
    }
    if (has_oversized_amount(file, row)) {
      draft.reject(file_index, line, ProblemKind::amount_too_large);
      continue;
    }
    if (mark == RowMark::opening) {
      draft.reject(file_index, line, ProblemKind::opening_balance_not_payment);
      continue;
    }
    if (ProblemKind problem; row_cell_problem(file, {amount, date}, row, problem)) {
      draft.reject(file_index, line, problem);
      continue;
    }
    const int64_t cents = cell_cents(file, amount, row);
    if (cents == kMissingCents) {
      draft.reject(file_index, line, ProblemKind::no_amount);
      continue;
    }
    if (cents == 0) {
      draft.reject(file_index, line, ProblemKind::payment_amount_zero);
      continue;
    }
    if (cents < 0) {
      draft.reject(file_index, line, ProblemKind::payment_amount_negative);
      continue;
    }
    const std::string_view named = cell_text(file, invoice_id, row);
    int64_t customer = draft.customers.find_or_add(cell_text(file, customer_id, row),
                                                   cell_text(file, customer_name, row));
    if (customer < 0 && !named.empty()) customer = customer_of_invoice_id(draft, named);
    if (customer < 0) {
      if (named.empty()) {
        draft.reject(file_index, line, ProblemKind::no_customer);
      } else {
        ProblemDetail invoice;
        invoice.value = std::string(named);
        draft.reject(file_index, line, ProblemKind::no_customer_invoice_ambiguous, std::move(invoice));
      }
      continue;
    }
    const uint32_t p = add_payment(draft, static_cast<uint32_t>(customer), cell_days(file, date, row), cents,
                                   draft.ledger.text.add(named), {file_index, line}, -1);
    set_payment_currency(draft, file, row, p);   // the row's currency, if the table has a column
    if (!named.empty()) bind_named_payment(draft, p);
  }
}

}  // namespace overdue::ledger_detail
