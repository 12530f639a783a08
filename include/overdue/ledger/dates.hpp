// The ledger's date conventions, stated once for the monitor, the pattern scan, the classification
// and the what-if sandbox.
#pragma once
#include <algorithm>
#include <cstdint>

#include "overdue/ledger/ledger.hpp"

namespace overdue {

// Both inline: the monitor, the classification and the forecast call them once per invoice or
// allocation, a million times at 1 M rows; inlined, the loads of several iterations overlap.

// An invoice without a due date (possible only in a what-if row) is due on its invoice date.
inline int32_t effective_due_date(const Invoice& inv) {
  return inv.due_date != kMissingDays ? inv.due_date : inv.invoice_date;
}

// The date an allocation counts from, from its recorded date and its invoice's date: an undated
// payment counts from the invoice date (the ledger records the assumption), and money never reaches
// an invoice before the invoice exists. kMissingDays when the invoice is undated.
inline int32_t allocation_effective_date(int32_t recorded, int32_t issued) {
  if (issued == kMissingDays) return kMissingDays;
  // Undated payment: assumed paid by any as-of date the invoice exists at (Ledger::assumptions).
  if (recorded == kMissingDays) return issued;
  // Money cannot reach an invoice before it exists; the ledger guarantees it, we do not rely on it.
  return std::max(recorded, issued);
}
// The same for an allocation of the ledger; kMissingDays when its invoice is unknown too.
inline int32_t allocation_effective_date(const Ledger& ledger, const Allocation& a) {
  if (a.invoice >= ledger.invoices.size()) return kMissingDays;
  return allocation_effective_date(a.date, ledger.invoices[a.invoice].invoice_date);
}

// Due date from the invoice date and the payment terms in days.
constexpr int32_t due_date_from_terms(int32_t invoice_date, int terms_days) { return invoice_date + terms_days; }

}  // namespace overdue
