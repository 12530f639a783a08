// Open amount of each invoice at a date: invoice amount minus the allocations that reached it by
// the end of that date (paid on the as-of date = paid). Rules in monitor_internal.hpp.
#include <algorithm>

#include "monitor/internal.hpp"

namespace overdue::monitor_detail {

void add_issued_invoices(const Ledger& ledger, int32_t as_of, std::vector<int64_t>& open,
                         size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.invoice_date != kMissingDays && inv.invoice_date <= as_of) open[i] = inv.amount_cents;
  }
}

void subtract_allocations(const Ledger& ledger, int32_t as_of, std::vector<int64_t>& open,
                          size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    const Allocation& a = ledger.allocations[k];
    const int32_t from = allocation_effective_date(ledger, a);
    if (from != kMissingDays && from <= as_of) open[a.invoice] -= a.cents;
  }
}

std::vector<int64_t> open_amounts_at(const Ledger& ledger, int32_t as_of) {
  std::vector<int64_t> open(ledger.invoices.size(), 0);
  add_issued_invoices(ledger, as_of, open, 0, ledger.invoices.size());
  subtract_allocations(ledger, as_of, open, 0, ledger.allocations.size());
  return open;
}

void add_customer_overdue(const Ledger& ledger, const std::vector<int64_t>& open, int32_t as_of,
                          int threshold_days, std::vector<int64_t>& overdue, size_t begin,
                          size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (open[i] == 0) continue;
    const Invoice& inv = ledger.invoices[i];
    const int64_t dpd = int64_t{as_of} - effective_due_date(inv);
    if (dpd > threshold_days && inv.customer < overdue.size()) overdue[inv.customer] += open[i];
  }
}

std::vector<int64_t> customer_overdue_at(const Ledger& ledger, int32_t as_of, int threshold_days) {
  const std::vector<int64_t> open = open_amounts_at(ledger, as_of);
  std::vector<int64_t> overdue(ledger.customers.size(), 0);
  add_customer_overdue(ledger, open, as_of, threshold_days, overdue, 0, open.size());
  return overdue;
}

}  // namespace overdue::monitor_detail
