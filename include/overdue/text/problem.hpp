// The typed vocabulary of row and cell problems (issue #16): every rejected row, cell error and
// layout row the core reports carries a ProblemKind plus the variable part (ProblemDetail), so a
// consumer can test, count and translate by kind. The English sentence is built from kind + detail
// by problem_text(); it is the `reason` text of the JSON, the CSV and the report, byte for byte what
// the producers wrote before the kinds existed (the golden outputs pin it).
//
// It lives in `text` because that is the lowest module every producer (import, ledger, contact log,
// model lab) links. A translation maps a kind to a string-table id and fills in the same detail.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace overdue {

enum class ProblemKind : uint8_t {
  // import: records that cannot be a row of their table
  field_count_mismatch,       // "expected 5 fields, found 7"
  unterminated_quote,
  text_after_quote,           // "text after closing quote"
  undecodable_bytes,
  // import: rows of a report that are not data (export layout, issue #9)
  total_row,
  subtotal_row,
  label_row,
  // import: cells that do not parse in their column's type
  not_a_number,
  amount_out_of_range,
  not_a_date,
  invalid_date,               // looks like a date, no such day (2024-02-30)
  not_day_month_date,         // "not a valid day/month date (column is day first)"
  not_month_day_date,
  // import: workbook cells read as missing (issue #18)
  excel_cell_error,           // detail.value: the error as Excel shows it ("#N/A", "#DIV/0!")
  formula_without_value,      // "formula without a cached value"
  // ledger
  amount_too_large,           // beyond kMaxLedgerAmountCents
  summary_row_not_invoice,    // "subtotal or total row: not an invoice"
  summary_row_not_payment,
  summary_row_not_entry,
  opening_balance_not_invoice,
  opening_balance_not_payment,
  opening_balance_without_balance,
  opening_balance_without_date,
  no_customer,
  no_customer_id_nor_name,    // customers table: "no customer (neither customer id nor name)"
  no_customer_invoice_ambiguous,  // detail.value: the invoice id
  no_amount,
  no_invoice_or_due_date,
  payment_amount_zero,
  payment_amount_negative,
  no_debit_or_credit,
  no_entry_date,
  // ledger: rows set aside (not rejected: counted in RowCounts::set_aside, listed in set_aside)
  draft_invoice,              // status Draft/草稿: not a receivable yet (detail.value: the status)
  void_invoice,               // status Void/Cancelled/作废…: not a receivable (detail.value: the status)
  not_receivables_account,    // a general ledger's row of another account (detail.value: the account)
  // contact log
  no_customer_id_or_name,     // "no customer id or name"
  customer_not_in_ledger,     // detail.value: the id (or name) given
  no_contact_date,
  outcome_not_recognised,     // detail.value: the outcome cell
  disputed_invoice_not_in_ledger,  // a `dispute` row naming an invoice its customer does not have (detail.value: the id)
  // model lab
  target_missing,
  target_not_bad_or_good,     // detail.value: the target; bad_value, good_value
};
inline constexpr size_t kProblemKindCount = static_cast<size_t>(ProblemKind::target_not_bad_or_good) + 1;

// The variable part of a problem; only the fields its kind names are set.
struct ProblemDetail {
  uint64_t expected = 0, found = 0;  // field_count_mismatch: fields in the header, in the record
  std::string value;                 // the offending text: invoice id, customer, outcome, target
  std::string bad_value, good_value; // target_not_bad_or_good
};

// A stable snake_case key ("field_count_mismatch", …) for tests, JSON consumers and translation.
std::string_view problem_kind_name(ProblemKind kind);
// The English sentence, as the reports print it.
std::string problem_text(ProblemKind kind, const ProblemDetail& detail = {});

}  // namespace overdue
