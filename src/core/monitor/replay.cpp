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
// monitor() at that date (tested at sampled dates). The passes are stages of a StagedWork, so
// MonitorJob runs them in slices; replay_trend runs them in one go.
#include <algorithm>

#include "overdue/text/civil_date.hpp"
#include "monitor/internal.hpp"

namespace overdue {
namespace monitor_detail {

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

// The replay's state between its stages (add_replay_stages below).
struct monitor_detail::ReplayRun {
  const Ledger& ledger;
  int32_t from, to;
  ReplayStep step;
  int threshold_days;
  std::vector<int32_t> dates;
  size_t steps = 0;
  std::vector<uint32_t> step_of_day;  // day − from → index of the first step date on or after it
  std::vector<int64_t> open_delta;
  std::vector<uint32_t> first, fill;  // overdue events per step, then prefix offsets; placing
  std::vector<OverdueEvent> events;
  std::vector<int64_t> customer_overdue;
  uint32_t overdue_customers = 0;
  int64_t open = 0, overdue = 0;
  size_t k = 0;  // the sweep's step
  std::vector<TrendPoint> trend;

  ReplayRun(const Ledger& l, int32_t f, int32_t t, ReplayStep s, int th)
      : ledger(l), from(f), to(t), step(s), threshold_days(th) {}

  // Step index of an event date, or `steps` when it falls after `to` (ignored).
  size_t step_index(int64_t date) const {
    if (date > to) return steps;
    if (date < from) return 0;
    return step_of_day[static_cast<size_t>(date - from)];
  }
  int64_t overdue_from(const Invoice& inv, int64_t known) const {
    return std::max<int64_t>(known, int64_t{effective_due_date(inv)} + threshold_days + 1);
  }
  void prepare() {
    dates = step_dates(from, to, step);
    steps = dates.size();
    step_of_day.resize(static_cast<size_t>(to - from) + 1);
    for (size_t s = 0, day = 0; day < step_of_day.size(); ++day) {
      while (dates[s] < from + static_cast<int32_t>(day)) ++s;
      step_of_day[day] = static_cast<uint32_t>(s);
    }
    open_delta.assign(steps, 0);
    first.assign(steps + 1, 0);
  }
  // Pass 1: open deltas per step and the number of overdue events per step.
  void count_invoices(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Invoice& inv = ledger.invoices[i];
      if (inv.invoice_date == kMissingDays) continue;
      const size_t s = step_index(inv.invoice_date);
      if (s < steps) open_delta[s] += inv.amount_cents;
      const size_t o = step_index(overdue_from(inv, inv.invoice_date));
      if (o < steps) ++first[o + 1];
    }
  }
  void count_allocations(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Allocation& a = ledger.allocations[i];
      const int32_t e = allocation_effective_date(ledger, a);
      if (e == kMissingDays) continue;
      const size_t s = step_index(e);
      if (s < steps) open_delta[s] -= a.cents;
      const size_t o = step_index(overdue_from(ledger.invoices[a.invoice], e));
      if (o < steps) ++first[o + 1];
    }
  }
  void offsets() {
    for (size_t s = 0; s < steps; ++s) first[s + 1] += first[s];
    events.resize(first[steps]);
    fill.assign(first.begin(), first.end() - 1);
  }
  // Pass 2: place the overdue events by step (counting sort).
  void place_invoices(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Invoice& inv = ledger.invoices[i];
      if (inv.invoice_date == kMissingDays) continue;
      const size_t o = step_index(overdue_from(inv, inv.invoice_date));
      if (o < steps) events[fill[o]++] = {inv.customer, inv.amount_cents};
    }
  }
  void place_allocations(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Allocation& a = ledger.allocations[i];
      const int32_t e = allocation_effective_date(ledger, a);
      if (e == kMissingDays) continue;
      const Invoice& inv = ledger.invoices[a.invoice];
      const size_t o = step_index(overdue_from(inv, e));
      if (o < steps) events[fill[o]++] = {inv.customer, -a.cents};
    }
  }
  // Sweep: each step's events applied, then its totals read. Cut by events: a step is entered
  // (its open delta added) when the sweep reaches it and closed (a trend point) when it passes.
  void begin_sweep() {
    std::vector<uint32_t>().swap(fill);
    customer_overdue.assign(ledger.customers.size(), 0);
    trend.reserve(steps);
    k = 0;
    if (steps > 0) open += open_delta[0];
  }
  void next_step() {
    trend.push_back(TrendPoint{dates[k], open, overdue, overdue_customers});
    if (++k < steps) open += open_delta[k];
  }
  void sweep(size_t begin, size_t end) {
    for (size_t e = begin; e < end; ++e) {
      while (e >= first[k + 1]) next_step();
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
  }
  void end_sweep() {
    while (k < steps) next_step();
  }
};

namespace monitor_detail {

std::shared_ptr<ReplayRun> add_replay_stages(StagedWork& work, const Ledger& ledger, int32_t from,
                                             int32_t to, ReplayStep step, int threshold_days) {
  auto run = std::make_shared<ReplayRun>(ledger, from, to, step, threshold_days);
  if (from == kMissingDays || to == kMissingDays || from > to) return run;
  ReplayRun* r = run.get();
  const size_t invoices = ledger.invoices.size(), allocations = ledger.allocations.size();
  const uint64_t days = static_cast<uint64_t>(int64_t{to} - from) + 1;
  work.add_once(days, [r] { r->prepare(); });
  auto all_invoices = [invoices] { return invoices; };
  auto all_allocations = [allocations] { return allocations; };
  work.add(all_invoices, invoices, 1, [r](size_t b, size_t e) { r->count_invoices(b, e); });
  work.add(all_allocations, allocations, 1, [r](size_t b, size_t e) { r->count_allocations(b, e); });
  work.add_once(days, [r] { r->offsets(); });
  work.add(all_invoices, invoices, 1, [r](size_t b, size_t e) { r->place_invoices(b, e); });
  work.add(all_allocations, allocations, 1, [r](size_t b, size_t e) { r->place_allocations(b, e); });
  work.add_once(ledger.customers.size() + 1, [r] { r->begin_sweep(); });
  work.add([r] { return r->events.size(); }, invoices + allocations, 1,
           [r](size_t b, size_t e) { r->sweep(b, e); });
  work.add_once(days, [r] { r->end_sweep(); });
  return run;
}

std::vector<TrendPoint> take_trend(ReplayRun& run) { return std::move(run.trend); }

}  // namespace monitor_detail

std::vector<TrendPoint> replay_trend(const Ledger& ledger, int32_t from, int32_t to, ReplayStep step,
                                     int threshold_days) {
  StagedWork work;
  std::shared_ptr<ReplayRun> run = add_replay_stages(work, ledger, from, to, step, threshold_days);
  for (Budget budget = Budget::unbounded(); work.step(budget) == Step::more;) budget = Budget::unbounded();
  return take_trend(*run);
}

}  // namespace overdue
