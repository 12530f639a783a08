// The ledger's date conventions, stated once for the monitor, the pattern scan, the classification
// and the what-if sandbox.
#pragma once
#include <cstdint>

#include "overdue/ledger/ledger.hpp"

namespace overdue {

// An invoice without a due date (possible only in a what-if row) is due on its invoice date.
int32_t effective_due_date(const Invoice& inv);

// The date an allocation counts from: an undated payment counts from the invoice date (the ledger
// records the assumption), and money never reaches an invoice before the invoice exists.
// kMissingDays when the invoice is unknown or undated.
int32_t allocation_effective_date(const Ledger& ledger, const Allocation& a);

// Due date from the invoice date and the payment terms in days.
constexpr int32_t due_date_from_terms(int32_t invoice_date, int terms_days) { return invoice_date + terms_days; }

}  // namespace overdue
