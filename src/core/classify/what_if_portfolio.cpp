// Portfolio facts the sandbox needs from the real ledger. (The per-customer classification itself
// is classify_detail::classify_one, shared with analyze_overdue.)
#include <algorithm>

#include "classify/what_if_internal.hpp"

namespace overdue::what_if_detail {

int64_t billed_365_cents(const Ledger& ledger, uint32_t customer, int32_t as_of) {
  constexpr int kRevenueWindowDays = 365;  // monitor.cpp's "trailing 12 months"
  int64_t billed = 0;
  for (const Invoice& inv : ledger.invoices)
    if (inv.customer == customer && inv.invoice_date != kMissingDays && inv.invoice_date <= as_of &&
        inv.invoice_date > as_of - kRevenueWindowDays)
      billed += inv.amount_cents;
  return billed;
}

}  // namespace overdue::what_if_detail
