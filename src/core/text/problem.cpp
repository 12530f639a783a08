// Names and English sentences of the problem kinds (include/overdue/text/problem.hpp). The
// sentences are the reasons the producers wrote by hand before the kinds existed; the golden
// outputs (tests/golden) pin them byte for byte.
#include "overdue/text/problem.hpp"

#include <iterator>

namespace overdue {

namespace {

// In ProblemKind order.
constexpr std::string_view kProblemKindNames[] = {
    "field_count_mismatch",
    "unterminated_quote",
    "text_after_quote",
    "undecodable_bytes",
    "total_row",
    "subtotal_row",
    "label_row",
    "not_a_number",
    "amount_out_of_range",
    "not_a_date",
    "invalid_date",
    "not_day_month_date",
    "not_month_day_date",
    "excel_cell_error",
    "formula_without_value",
    "amount_too_large",
    "summary_row_not_invoice",
    "summary_row_not_payment",
    "summary_row_not_entry",
    "opening_balance_not_invoice",
    "opening_balance_not_payment",
    "opening_balance_without_balance",
    "opening_balance_without_date",
    "no_customer",
    "no_customer_id_nor_name",
    "no_customer_invoice_ambiguous",
    "no_amount",
    "no_invoice_or_due_date",
    "payment_amount_zero",
    "payment_amount_negative",
    "no_debit_or_credit",
    "no_entry_date",
    "draft_invoice",
    "void_invoice",
    "not_receivables_account",
    "no_customer_id_or_name",
    "customer_not_in_ledger",
    "no_contact_date",
    "outcome_not_recognised",
    "disputed_invoice_not_in_ledger",
    "target_missing",
    "target_not_bad_or_good",
};
static_assert(std::size(kProblemKindNames) == kProblemKindCount, "one name per ProblemKind");

}  // namespace

std::string_view problem_kind_name(ProblemKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < std::size(kProblemKindNames) ? kProblemKindNames[i] : std::string_view();
}

std::string problem_text(ProblemKind kind, const ProblemDetail& d) {
  switch (kind) {
    case ProblemKind::field_count_mismatch:
      return "expected " + std::to_string(d.expected) + " fields, found " + std::to_string(d.found);
    case ProblemKind::unterminated_quote: return "unterminated quote";
    case ProblemKind::text_after_quote: return "text after closing quote";
    case ProblemKind::undecodable_bytes: return "undecodable bytes";
    case ProblemKind::total_row: return "total row";
    case ProblemKind::subtotal_row: return "subtotal row";
    case ProblemKind::label_row: return "label row";
    case ProblemKind::not_a_number: return "not a number";
    case ProblemKind::amount_out_of_range: return "amount out of range";
    case ProblemKind::not_a_date: return "not a date";
    case ProblemKind::invalid_date: return "invalid date";
    case ProblemKind::not_day_month_date: return "not a valid day/month date (column is day first)";
    case ProblemKind::not_month_day_date: return "not a valid month/day date (column is month first)";
    case ProblemKind::excel_cell_error: return "cell error " + d.value;
    case ProblemKind::formula_without_value: return "formula without a cached value";
    case ProblemKind::amount_too_large:
      return "amount beyond ±100,000,000,000.00: too large to add up safely";
    case ProblemKind::summary_row_not_invoice: return "subtotal or total row: not an invoice";
    case ProblemKind::summary_row_not_payment: return "subtotal or total row: not a payment";
    case ProblemKind::summary_row_not_entry: return "subtotal or total row: not an entry";
    case ProblemKind::opening_balance_not_invoice: return "opening-balance row: not an invoice";
    case ProblemKind::opening_balance_not_payment: return "opening-balance row: not a payment";
    case ProblemKind::opening_balance_without_balance: return "opening-balance row without a balance";
    case ProblemKind::opening_balance_without_date: return "opening balance without a date";
    case ProblemKind::no_customer: return "no customer";
    case ProblemKind::no_customer_id_nor_name: return "no customer (neither customer id nor name)";
    case ProblemKind::no_customer_invoice_ambiguous:
      return "no customer, and invoice " + d.value + " is not the invoice of exactly one customer";
    case ProblemKind::no_amount: return "no amount";
    case ProblemKind::no_invoice_or_due_date: return "no invoice date and no due date";
    case ProblemKind::payment_amount_zero: return "payment amount is zero";
    case ProblemKind::payment_amount_negative:
      return "negative payment amount (refund or reversal): not applied";
    case ProblemKind::no_debit_or_credit: return "no debit or credit amount";
    case ProblemKind::no_entry_date: return "no entry date";
    case ProblemKind::draft_invoice: return "draft invoice (status " + d.value + "): not a receivable yet";
    case ProblemKind::void_invoice: return "void invoice (status " + d.value + "): not a receivable";
    case ProblemKind::not_receivables_account: return "not the receivables account (" + d.value + ")";
    case ProblemKind::no_customer_id_or_name: return "no customer id or name";
    case ProblemKind::customer_not_in_ledger: return "customer not in the ledger: " + d.value;
    case ProblemKind::no_contact_date: return "no contact date";
    case ProblemKind::outcome_not_recognised: return "outcome not recognised: '" + d.value + "'";
    case ProblemKind::disputed_invoice_not_in_ledger:
      return "disputed invoice not in the ledger for this customer: " + d.value;
    case ProblemKind::target_missing: return "target missing";
    case ProblemKind::target_not_bad_or_good:
      return "target '" + d.value + "' is neither the bad value '" + d.bad_value + "' nor the good value '" +
             d.good_value + "'";
  }
  return {};
}

}  // namespace overdue
