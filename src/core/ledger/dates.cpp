// The ledger's date conventions (include/overdue/ledger/dates.hpp).
#include "overdue/ledger/dates.hpp"

#include <algorithm>

namespace overdue {

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

}  // namespace overdue
