// Internal pieces of the monitor (issue #3) shared by monitor.cpp, monitor_aging.cpp,
// monitor_metrics.cpp and monitor_replay.cpp. Not a public header.
//
// One definition of "open" everywhere (monitor, metrics, replay), so they agree by construction:
//  * an invoice counts from its invoice date on; an invoice without an invoice date is never open
//    (it cannot be placed in time — the ledger normally rejects such rows);
//  * an allocation reduces the invoice from its date on; an allocation without a date (a paid
//    amount with no paid date) counts from the invoice date on, i.e. it is paid by any as-of date
//    the invoice exists at — the documented assumption;
//  * DPD = as-of − due date; an invoice without a due date is due on its invoice date.
#pragma once
#include <cstdint>
#include <vector>

#include "overdue/monitor.hpp"

namespace overdue::monitor_detail {

// Date from which an allocation counts as paid, or kMissingDays when it never does.
int32_t allocation_effective_date(const Ledger& ledger, const Allocation& a);
int32_t effective_due_date(const Invoice& inv);

// Open amount of every invoice at `as_of` (0 for invoices not yet issued or fully paid).
std::vector<int64_t> open_amounts_at(const Ledger& ledger, int32_t as_of);

// Index of the bucket a DPD falls in (buckets from make_aging_buckets).
size_t bucket_index(const std::vector<AgingBucket>& buckets, int32_t dpd);

// The as-of date one step earlier (the previous periodic check) / later (the next replay point).
// Months keep the day of month, clamped to the month's last day.
int32_t step_back(int32_t date, ReplayStep step);
int32_t add_months(int32_t date, int months);

// Per-customer overdue amounts (open with DPD > threshold) at a date.
std::vector<int64_t> customer_overdue_at(const Ledger& ledger, int32_t as_of, int threshold_days);

PortfolioMetrics compute_metrics(const Ledger& ledger, const MonitorResult& result);

}  // namespace overdue::monitor_detail
