// monitor(): the receivables position at an as-of date (DESIGN.md §2, issue #3) — open items with
// days past due, aging buckets, per-customer status (the overdue list), the sales-rep summary,
// portfolio metrics and the replay trend. Rules for "open" are in monitor_internal.hpp.
//
// Credit notes (negative invoices) that are still open are open items with a negative amount:
// they reduce the total open and the bucket of their own DPD, so the buckets still add up to the
// total open exactly. They never make a customer "overdue" on their own: a customer is overdue
// when its overdue amount (open with DPD > threshold, credit notes included) is > 0.
//
// The work is a MonitorJob: a list of stages over invoices, allocations, payments and customers
// (StagedWork) that the page runs a slice per frame (issue #7) and monitor() runs in one go.
#include <algorithm>
#include <map>

#include "monitor/internal.hpp"

namespace overdue {
namespace {

using namespace monitor_detail;

constexpr int kRevenueWindowDays = 365;  // "revenue share over the trailing 12 months"

// FIFO's notion of "oldest" (issue #3): earliest due date, then invoice date, then invoice id.
bool older(const TextPool& text, const Invoice& a, const Invoice& b) {
  const int32_t da = effective_due_date(a), db = effective_due_date(b);
  if (da != db) return da < db;
  if (a.invoice_date != b.invoice_date) return a.invoice_date < b.invoice_date;
  return text.view(a.id) < text.view(b.id);
}

std::vector<SalesRepStatus> sales_rep_summary(const Ledger& ledger, const std::vector<CustomerStatus>& customers) {
  // Grouped by the customer's sales rep (Customer::sales_rep: the customers table's, else the one
  // on the customer's latest invoice), so a customer counts under one rep only.
  std::map<std::string, SalesRepStatus> by_rep;
  for (const CustomerStatus& c : customers) {
    if (c.open_cents == 0 && c.overdue_cents == 0) continue;
    const std::string& rep = ledger.customers[c.customer].sales_rep;
    SalesRepStatus& s = by_rep[rep];
    s.sales_rep = rep;
    s.open_cents += c.open_cents;
    s.overdue_cents += c.overdue_cents;
    if (c.overdue) ++s.overdue_customers;
  }
  std::vector<SalesRepStatus> reps;
  for (auto& [name, s] : by_rep) reps.push_back(std::move(s));
  // Most overdue first; ties by open, then name (a total order: same output everywhere).
  std::sort(reps.begin(), reps.end(), [](const SalesRepStatus& a, const SalesRepStatus& b) {
    if (a.overdue_cents != b.overdue_cents) return a.overdue_cents > b.overdue_cents;
    if (a.open_cents != b.open_cents) return a.open_cents > b.open_cents;
    return a.sales_rep < b.sales_rep;
  });
  return reps;
}

}  // namespace

struct MonitorJob::State {
  const Ledger& ledger;
  MonitorResult r;
  StagedWork work;
  // Open items, buckets, totals and the per-customer sums.
  // Weighted DPD sums over past-due invoices with a positive open amount (an open credit note in
  // the denominator could push the average beyond the customer's max DPD).
  std::vector<int64_t> open, weighted_sum, weighted_open;
  std::vector<int64_t> previous_open, previous_overdue;  // at the previous periodic check
  std::vector<int64_t> billed;                          // revenue window, per customer
  int64_t billed_all = 0;
  std::unique_ptr<PatternScan> patterns;
  MetricSums sums;
  std::vector<int64_t> begin_open;  // open at the metrics window's start
  std::shared_ptr<ReplayRun> replay;

  State(const Ledger& l, const MonitorOptions& options) : ledger(l) {
    r.options = options;
    r.as_of = options.as_of != kMissingDays ? options.as_of : ledger.last_date;
    r.aging = make_aging_buckets(options.bucket_edges);
    const size_t n_customers = ledger.customers.size();
    r.customers.resize(n_customers);
    for (size_t c = 0; c < n_customers; ++c) r.customers[c].customer = static_cast<uint32_t>(c);
    if (r.as_of == kMissingDays) return;  // no dated data at all: nothing is open
    plan();
  }

  void open_item(size_t i);
  void finish_customer(size_t c);
  void plan();
};

void MonitorJob::State::open_item(size_t i) {
  if (open[i] == 0) return;
  const int32_t as_of = r.as_of;
  const int threshold = r.options.threshold_days;
  const Invoice& inv = ledger.invoices[i];
  const int32_t dpd = as_of - effective_due_date(inv);
  const bool disputed = invoice_disputed(inv, as_of);
  r.open_items.push_back(OpenItem{static_cast<uint32_t>(i), open[i], dpd, disputed});
  AgingBucket& bucket = r.aging[bucket_index(r.aging, dpd)];
  bucket.open_cents += open[i];
  ++bucket.invoices;
  r.open_cents += open[i];
  ++r.invoices_open;
  if (dpd >= 1) r.past_due_cents += open[i];
  if (dpd > threshold) r.overdue_cents += open[i];
  if (disputed) {
    r.disputed_cents += open[i];
    ++r.disputed_invoices;
    if (dpd > threshold) r.disputed_overdue_cents += open[i];
  }

  if (inv.customer >= r.customers.size()) return;
  CustomerStatus& c = r.customers[inv.customer];
  if (disputed) {
    c.disputed_cents += open[i];
    if (dpd > threshold) c.disputed_overdue_cents += open[i];
  }
  c.open_cents += open[i];
  if (dpd >= 1) c.past_due_cents += open[i];
  if (dpd >= 1 && open[i] > 0) {
    weighted_sum[inv.customer] += open[i] * dpd;
    weighted_open[inv.customer] += open[i];
  }
  if (dpd > threshold) c.overdue_cents += open[i];
  if (open[i] > 0) {  // credit notes have no "days past due" of the customer's debt
    c.max_dpd = std::max(c.max_dpd, dpd);
    if (c.oldest_open_invoice < 0 ||
        older(ledger.text, inv, ledger.invoices[static_cast<size_t>(c.oldest_open_invoice)]))
      c.oldest_open_invoice = static_cast<int32_t>(i);
  }
}

void MonitorJob::State::finish_customer(size_t c) {
  CustomerStatus& s = r.customers[c];
  // weighted DPD = Σ open × DPD / Σ open over the customer's past-due invoices
  if (weighted_open[c] > 0)
    s.weighted_dpd = static_cast<double>(weighted_sum[c]) / static_cast<double>(weighted_open[c]);
  s.overdue = s.overdue_cents > 0;
  s.newly_overdue = s.overdue && previous_overdue[c] <= 0;
}

// The stages in the order monitor() always ran them; each keeps its results here.
void MonitorJob::State::plan() {
  const size_t invoices = ledger.invoices.size(), allocations = ledger.allocations.size();
  const size_t payments = ledger.payments.size(), customers = r.customers.size();
  auto n_invoices = [invoices] { return invoices; };
  auto n_allocations = [allocations] { return allocations; };
  auto n_customers = [customers] { return customers; };
  const int32_t as_of = r.as_of;
  const int threshold = r.options.threshold_days;

  work.add_once(invoices / 8 + customers / 8 + 1, [this, invoices, customers] {
    open.assign(invoices, 0);
    weighted_sum.assign(customers, 0);
    weighted_open.assign(customers, 0);
  });
  work.add(n_invoices, invoices, 1, [this, as_of](size_t b, size_t e) {
    add_issued_invoices(ledger, as_of, open, b, e);
  });
  work.add(n_allocations, allocations, 1, [this, as_of](size_t b, size_t e) {
    subtract_allocations(ledger, as_of, open, b, e);
  });
  work.add(n_invoices, invoices, 2, [this](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) open_item(i);
  });

  // Newly overdue: overdue now and not at the previous periodic check (as-of − one step),
  // computed from the data itself — there are no stored snapshots.
  const int32_t previous = step_back(as_of, r.options.step);
  work.add_once(invoices / 8 + customers / 8 + 1, [this, invoices, customers] {
    std::vector<int64_t>().swap(open);
    previous_open.assign(invoices, 0);
    previous_overdue.assign(customers, 0);
  });
  work.add(n_invoices, invoices, 1, [this, previous](size_t b, size_t e) {
    add_issued_invoices(ledger, previous, previous_open, b, e);
  });
  work.add(n_allocations, allocations, 1, [this, previous](size_t b, size_t e) {
    subtract_allocations(ledger, previous, previous_open, b, e);
  });
  work.add(n_invoices, invoices, 1, [this, previous, threshold](size_t b, size_t e) {
    add_customer_overdue(ledger, previous_open, previous, threshold, previous_overdue, b, e);
  });
  work.add(n_customers, customers, 1, [this](size_t b, size_t e) {
    for (size_t c = b; c < e; ++c) finish_customer(c);
  });
  // Last payment = the latest payment date on or before the as-of date; its amount = all the
  // customer's payments on that date. Undated payments have no date to report.
  work.add([payments] { return payments; }, payments, 1, [this, as_of](size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      const Payment& p = ledger.payments[k];
      if (p.date == kMissingDays || p.date > as_of || p.customer >= r.customers.size()) continue;
      CustomerStatus& c = r.customers[p.customer];
      if (c.last_payment_date == kMissingDays || p.date > c.last_payment_date) {
        c.last_payment_date = p.date;
        c.last_payment_cents = p.amount_cents;
      } else if (p.date == c.last_payment_date) {
        c.last_payment_cents += p.amount_cents;
      }
    }
  });
  // Share of what was billed in the 365 days ending at the as-of date, (as_of − 365, as_of].
  work.add_once(customers / 8 + 1, [this, customers] {
    std::vector<int64_t>().swap(previous_open);
    billed.assign(customers, 0);
  });
  work.add(n_invoices, invoices, 1, [this, as_of](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const Invoice& inv = ledger.invoices[i];
      if (inv.invoice_date == kMissingDays || inv.invoice_date > as_of ||
          inv.invoice_date <= as_of - kRevenueWindowDays || inv.customer >= r.customers.size())
        continue;
      billed[inv.customer] += inv.amount_cents;
      billed_all += inv.amount_cents;
    }
  });
  work.add(n_customers, customers, 1, [this](size_t b, size_t e) {
    if (billed_all <= 0) return;
    for (size_t c = b; c < e; ++c)
      r.customers[c].revenue_share =
          static_cast<double>(billed[c]) / static_cast<double>(billed_all);
  });
  // All customers' facts in one pass over the ledger (detect_pattern_change alone scans it per
  // customer), then each customer's evaluation a slice at a time (it sorts the customer's
  // payments: the costlier part).
  work.add_once(customers / 8 + 1, [this, as_of] {
    std::vector<int64_t>().swap(billed);
    patterns = std::make_unique<PatternScan>(ledger, as_of);
  });
  const uint64_t collect_weight[PatternScan::kCollectSteps] = {allocations, allocations, invoices, payments + customers};
  for (int step = 0; step < PatternScan::kCollectSteps; ++step)
    work.add_once(collect_weight[step] + 1, [this, step] { patterns->collect_step(step); });
  // Each customer's evaluation sorts its payments and invoices: its cost follows its facts, not
  // one per customer (the largest customer of a Pareto ledger holds a sixth of the invoices), so
  // the slices are counted in facts.
  work.add([this] { return patterns->facts(); }, invoices + payments + customers, 2, [this](size_t b, size_t e) {
    const size_t last = std::min(patterns->first_customer_at(e), r.customers.size());
    for (size_t c = patterns->first_customer_at(b); c < last; ++c) r.customers[c].pattern = patterns->evaluate(c);
  });
  work.add_once(customers + 1, [this] {
    patterns.reset();
    r.sales_reps = sales_rep_summary(ledger, r.customers);
  });

  // Portfolio metrics: the window's sales, the current open, the open at the window's start.
  const int32_t window_begin = metrics_window_begin(r);
  work.add(n_invoices, invoices, 1,
           [this](size_t b, size_t e) { add_window_sales(ledger, r, sums, b, e); });
  work.add([this] { return r.open_items.size(); }, invoices, 1,
           [this](size_t b, size_t e) { add_current(r, sums, b, e); });
  work.add_once(invoices / 8 + 1, [this, invoices] { begin_open.assign(invoices, 0); });
  work.add(n_invoices, invoices, 1, [this, window_begin](size_t b, size_t e) {
    add_issued_invoices(ledger, window_begin, begin_open, b, e);
  });
  work.add(n_allocations, allocations, 1, [this, window_begin](size_t b, size_t e) {
    subtract_allocations(ledger, window_begin, begin_open, b, e);
  });
  work.add(n_invoices, invoices, 1, [this](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) sums.ar_begin += begin_open[i];
  });
  work.add_once(customers + 1, [this] {
    std::vector<int64_t>().swap(begin_open);
    r.metrics = finish_metrics(r, sums);
  });

  const int32_t trend_from =
      ledger.first_date == kMissingDays
          ? ledger.first_date
          : static_cast<int32_t>(std::max<int64_t>(ledger.first_date, int64_t{as_of} - kMaxTrendSpanDays));
  replay = add_replay_stages(work, ledger, trend_from, as_of, r.options.step, threshold);
  work.add_once(1, [this] { r.trend = take_trend(*replay); });
}

MonitorJob::MonitorJob(const Ledger& ledger, const MonitorOptions& options)
    : s_(std::make_unique<State>(ledger, options)) {}
MonitorJob::~MonitorJob() = default;
MonitorJob::MonitorJob(MonitorJob&&) noexcept = default;
MonitorJob& MonitorJob::operator=(MonitorJob&&) noexcept = default;

Step MonitorJob::step(Budget& budget) { return s_->work.step(budget); }
double MonitorJob::progress() const { return s_->work.progress(); }
MonitorResult MonitorJob::take() { return std::move(s_->r); }

MonitorResult monitor(const Ledger& ledger, const MonitorOptions& options) {
  MonitorJob job(ledger, options);
  return run_to_end(job);
}

}  // namespace overdue
