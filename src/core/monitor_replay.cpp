// Periodic replay (issue #3, DESIGN.md §2 每日/每周/每月): the as-of date stepped from `from` to
// `to`; at each step date the totals of open, overdue and overdue customers, counting only what
// was known on that date (payments after it not yet applied).
//
// A sweep, not a recomputation per step (issue #7: two years weekly over 1M invoices ≤ 0.5 s).
// Every contribution to the totals is an event with a date from which it counts:
//   open:    +amount at the invoice date; −allocation at the allocation's effective date;
//   overdue: +amount at max(invoice date, due + threshold + 1) — the first day its DPD exceeds the
//            threshold — and −allocation at max(effective date, due + threshold + 1).
// Events are grouped by the first step date on or after their date (a counting sort over steps,
// O(invoices + allocations + steps)); per-customer overdue sums are kept so the count of customers
// with overdue > 0 follows each change. The state after applying a step's events equals
// monitor() at that date (tested at sampled dates).
#include <algorithm>

#include "civil_date.hpp"
#include "monitor_internal.hpp"

namespace overdue {
namespace monitor_detail {

int32_t add_months(int32_t date, int months) {
  const CivilDate c = civil_from_days(date);
  const int total = c.year * 12 + (c.month - 1) + months;
  const int y = total / 12;
  const int m = total % 12 + 1;
  return days_from_civil(y, m, std::min(c.day, days_in_month(y, m)));
}

int32_t step_back(int32_t date, ReplayStep step) {
  switch (step) {
    case ReplayStep::day: return date - 1;
    case ReplayStep::week: return date - 7;
    case ReplayStep::month: return add_months(date, -1);
  }
  return date - 1;
}

}  // namespace monitor_detail

namespace {

using namespace monitor_detail;

// from, from + 1 step, … while ≤ to, and `to` itself last (so the trend ends at the as-of date).
// Months are counted from `from` (not chained), so Jan 31 → Feb 29 → Mar 31.
std::vector<int32_t> step_dates(int32_t from, int32_t to, ReplayStep step) {
  std::vector<int32_t> dates;
  for (int k = 0;; ++k) {
    int32_t d = from;
    if (step == ReplayStep::day) d = from + k;
    else if (step == ReplayStep::week) d = from + 7 * k;
    else d = add_months(from, k);
    if (d > to) break;
    dates.push_back(d);
  }
  if (dates.empty() || dates.back() != to) dates.push_back(to);
  return dates;
}

struct OverdueEvent {
  uint32_t customer;
  int64_t cents;
};

}  // namespace

std::vector<TrendPoint> replay_trend(const Ledger& ledger, int32_t from, int32_t to, ReplayStep step,
                                     int threshold_days) {
  std::vector<TrendPoint> trend;
  if (from == kMissingDays || to == kMissingDays || from > to) return trend;
  const std::vector<int32_t> dates = step_dates(from, to, step);
  const size_t steps = dates.size();

  // Day → index of the first step date on or after it; days before `from` go to step 0.
  std::vector<uint32_t> step_of_day(static_cast<size_t>(to - from) + 1);
  for (size_t k = 0, day = 0; day < step_of_day.size(); ++day) {
    while (dates[k] < from + static_cast<int32_t>(day)) ++k;
    step_of_day[day] = static_cast<uint32_t>(k);
  }
  // Step index of an event date, or `steps` when it falls after `to` (ignored).
  auto step_index = [&](int64_t date) -> size_t {
    if (date > to) return steps;
    if (date < from) return 0;
    return step_of_day[static_cast<size_t>(date - from)];
  };
  auto overdue_from = [&](const Invoice& inv, int64_t known) {
    return std::max<int64_t>(known, int64_t{effective_due_date(inv)} + threshold_days + 1);
  };

  std::vector<int64_t> open_delta(steps, 0), overdue_delta(steps, 0);
  std::vector<uint32_t> first(steps + 1, 0);  // overdue events per step, then prefix offsets
  // Pass 1: open deltas per step and the number of overdue events per step.
  for (const Invoice& inv : ledger.invoices) {
    if (inv.invoice_date == kMissingDays) continue;
    const size_t s = step_index(inv.invoice_date);
    if (s < steps) open_delta[s] += inv.amount_cents;
    const size_t o = step_index(overdue_from(inv, inv.invoice_date));
    if (o < steps) ++first[o + 1];
  }
  for (const Allocation& a : ledger.allocations) {
    const int32_t e = allocation_effective_date(ledger, a);
    if (e == kMissingDays) continue;
    const size_t s = step_index(e);
    if (s < steps) open_delta[s] -= a.cents;
    const size_t o = step_index(overdue_from(ledger.invoices[a.invoice], e));
    if (o < steps) ++first[o + 1];
  }
  for (size_t k = 0; k < steps; ++k) first[k + 1] += first[k];
  // Pass 2: place the overdue events by step (counting sort).
  std::vector<OverdueEvent> events(first[steps]);
  std::vector<uint32_t> fill(first.begin(), first.end() - 1);
  for (const Invoice& inv : ledger.invoices) {
    if (inv.invoice_date == kMissingDays) continue;
    const size_t o = step_index(overdue_from(inv, inv.invoice_date));
    if (o < steps) events[fill[o]++] = {inv.customer, inv.amount_cents};
  }
  for (const Allocation& a : ledger.allocations) {
    const int32_t e = allocation_effective_date(ledger, a);
    if (e == kMissingDays) continue;
    const Invoice& inv = ledger.invoices[a.invoice];
    const size_t o = step_index(overdue_from(inv, e));
    if (o < steps) events[fill[o]++] = {inv.customer, -a.cents};
  }

  // Sweep: apply each step's events, then read the totals.
  std::vector<int64_t> customer_overdue(ledger.customers.size(), 0);
  uint32_t overdue_customers = 0;
  int64_t open = 0, overdue = 0;
  trend.reserve(steps);
  for (size_t k = 0; k < steps; ++k) {
    open += open_delta[k];
    for (uint32_t e = first[k]; e < first[k + 1]; ++e) {
      const OverdueEvent& ev = events[e];
      overdue += ev.cents;
      if (ev.customer >= customer_overdue.size()) continue;
      int64_t& c = customer_overdue[ev.customer];
      const bool was = c > 0;
      c += ev.cents;
      const bool is = c > 0;
      if (is && !was) ++overdue_customers;
      if (was && !is) --overdue_customers;
    }
    trend.push_back(TrendPoint{dates[k], open, overdue, overdue_customers});
  }
  return trend;
}

}  // namespace overdue
