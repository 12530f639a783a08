// Open amount of each invoice at a date: invoice amount minus the allocations that reached it by
// the end of that date (paid on the as-of date = paid). Rules in monitor_internal.hpp.
#include <algorithm>

#include "monitor_internal.hpp"

namespace overdue::monitor_detail {

int32_t effective_due_date(const Invoice& inv) {
  return inv.due_date != kMissingDays ? inv.due_date : inv.invoice_date;
}

int32_t allocation_effective_date(const Ledger& ledger, const Allocation& a) {
  if (a.invoice >= ledger.invoices.size()) return kMissingDays;
  const int32_t issued = ledger.invoices[a.invoice].invoice_date;
  if (issued == kMissingDays) return kMissingDays;
  // Undated payment: assumed paid by any as-of date the invoice exists at (Ledger::assumptions).
  if (a.date == kMissingDays) return issued;
  // Money cannot reach an invoice before it exists; the ledger guarantees it, we do not rely on it.
  return std::max(a.date, issued);
}

std::vector<int64_t> open_amounts_at(const Ledger& ledger, int32_t as_of) {
  std::vector<int64_t> open(ledger.invoices.size(), 0);
  for (size_t i = 0; i < ledger.invoices.size(); ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.invoice_date != kMissingDays && inv.invoice_date <= as_of) open[i] = inv.amount_cents;
  }
  for (const Allocation& a : ledger.allocations) {
    const int32_t from = allocation_effective_date(ledger, a);
    if (from != kMissingDays && from <= as_of) open[a.invoice] -= a.cents;
  }
  return open;
}

std::vector<int64_t> customer_overdue_at(const Ledger& ledger, int32_t as_of, int threshold_days) {
  const std::vector<int64_t> open = open_amounts_at(ledger, as_of);
  std::vector<int64_t> overdue(ledger.customers.size(), 0);
  for (size_t i = 0; i < open.size(); ++i) {
    if (open[i] == 0) continue;
    const Invoice& inv = ledger.invoices[i];
    const int64_t dpd = int64_t{as_of} - effective_due_date(inv);
    if (dpd > threshold_days && inv.customer < overdue.size()) overdue[inv.customer] += open[i];
  }
  return overdue;
}

}  // namespace overdue::monitor_detail
