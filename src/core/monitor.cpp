// monitor(): the receivables position at an as-of date (DESIGN.md §2, issue #3) — open items with
// days past due, aging buckets, per-customer status (the overdue list), the sales-rep summary,
// portfolio metrics and the replay trend. Rules for "open" are in monitor_internal.hpp.
//
// Credit notes (negative invoices) that are still open are open items with a negative amount:
// they reduce the total open and the bucket of their own DPD, so the buckets still add up to the
// total open exactly. They never make a customer "overdue" on their own: a customer is overdue
// when its overdue amount (open with DPD > threshold, credit notes included) is > 0.
#include <algorithm>
#include <map>

#include "monitor_internal.hpp"

namespace overdue {
namespace {

using namespace monitor_detail;

constexpr int kRevenueWindowDays = 365;  // "revenue share over the trailing 12 months"

// FIFO's notion of "oldest" (issue #3): earliest due date, then invoice date, then invoice id.
bool older(const Invoice& a, const Invoice& b) {
  const int32_t da = effective_due_date(a), db = effective_due_date(b);
  if (da != db) return da < db;
  if (a.invoice_date != b.invoice_date) return a.invoice_date < b.invoice_date;
  return a.id < b.id;
}

void add_last_payments(const Ledger& ledger, int32_t as_of, std::vector<CustomerStatus>& customers) {
  // Last payment = the latest payment date on or before the as-of date; its amount = all the
  // customer's payments on that date. Undated payments have no date to report.
  for (const Payment& p : ledger.payments) {
    if (p.date == kMissingDays || p.date > as_of || p.customer >= customers.size()) continue;
    CustomerStatus& c = customers[p.customer];
    if (c.last_payment_date == kMissingDays || p.date > c.last_payment_date) {
      c.last_payment_date = p.date;
      c.last_payment_cents = p.amount_cents;
    } else if (p.date == c.last_payment_date) {
      c.last_payment_cents += p.amount_cents;
    }
  }
}

void add_revenue_shares(const Ledger& ledger, int32_t as_of, std::vector<CustomerStatus>& customers) {
  // Share of what was billed in the 365 days ending at the as-of date, (as_of − 365, as_of].
  std::vector<int64_t> billed(customers.size(), 0);
  int64_t all = 0;
  for (const Invoice& inv : ledger.invoices) {
    if (inv.invoice_date == kMissingDays || inv.invoice_date > as_of ||
        inv.invoice_date <= as_of - kRevenueWindowDays || inv.customer >= customers.size())
      continue;
    billed[inv.customer] += inv.amount_cents;
    all += inv.amount_cents;
  }
  if (all <= 0) return;
  for (size_t c = 0; c < customers.size(); ++c)
    customers[c].revenue_share = static_cast<double>(billed[c]) / static_cast<double>(all);
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

MonitorResult monitor(const Ledger& ledger, const MonitorOptions& options) {
  MonitorResult r;
  r.options = options;
  r.as_of = options.as_of != kMissingDays ? options.as_of : ledger.last_date;
  r.aging = make_aging_buckets(options.bucket_edges);
  const size_t n_customers = ledger.customers.size();
  r.customers.resize(n_customers);
  for (size_t c = 0; c < n_customers; ++c) r.customers[c].customer = static_cast<uint32_t>(c);
  if (r.as_of == kMissingDays) return r;  // no dated data at all: nothing is open
  const int32_t as_of = r.as_of;
  const int threshold = options.threshold_days;

  // Open items, buckets, totals and the per-customer sums.
  // Weighted DPD sums over past-due invoices with a positive open amount (an open credit note in
  // the denominator could push the average beyond the customer's max DPD).
  std::vector<int64_t> weighted_sum(n_customers, 0), weighted_open(n_customers, 0);
  const std::vector<int64_t> open = open_amounts_at(ledger, as_of);
  for (size_t i = 0; i < open.size(); ++i) {
    if (open[i] == 0) continue;
    const Invoice& inv = ledger.invoices[i];
    const int32_t dpd = as_of - effective_due_date(inv);
    r.open_items.push_back(OpenItem{static_cast<uint32_t>(i), open[i], dpd});
    AgingBucket& bucket = r.aging[bucket_index(r.aging, dpd)];
    bucket.open_cents += open[i];
    ++bucket.invoices;
    r.open_cents += open[i];
    ++r.invoices_open;
    if (dpd >= 1) r.past_due_cents += open[i];
    if (dpd > threshold) r.overdue_cents += open[i];

    if (inv.customer >= n_customers) continue;
    CustomerStatus& c = r.customers[inv.customer];
    c.open_cents += open[i];
    if (dpd >= 1) c.past_due_cents += open[i];
    if (dpd >= 1 && open[i] > 0) {
      weighted_sum[inv.customer] += open[i] * dpd;
      weighted_open[inv.customer] += open[i];
    }
    if (dpd > threshold) c.overdue_cents += open[i];
    if (open[i] > 0) {  // credit notes have no "days past due" of the customer's debt
      c.max_dpd = std::max(c.max_dpd, dpd);
      if (c.oldest_open_invoice < 0 || older(inv, ledger.invoices[static_cast<size_t>(c.oldest_open_invoice)]))
        c.oldest_open_invoice = static_cast<int32_t>(i);
    }
  }

  // Newly overdue: overdue now and not at the previous periodic check (as-of − one step),
  // computed from the data itself — there are no stored snapshots.
  const std::vector<int64_t> previous_overdue =
      customer_overdue_at(ledger, step_back(as_of, options.step), threshold);
  for (size_t c = 0; c < n_customers; ++c) {
    CustomerStatus& s = r.customers[c];
    // weighted DPD = Σ open × DPD / Σ open over the customer's past-due invoices
    if (weighted_open[c] > 0)
      s.weighted_dpd = static_cast<double>(weighted_sum[c]) / static_cast<double>(weighted_open[c]);
    s.overdue = s.overdue_cents > 0;
    s.newly_overdue = s.overdue && previous_overdue[c] <= 0;
  }
  add_last_payments(ledger, as_of, r.customers);
  add_revenue_shares(ledger, as_of, r.customers);
  // All customers in one pass over the ledger (detect_pattern_change alone scans it per customer).
  std::vector<PatternChange> patterns = detect_pattern_changes(ledger, as_of);
  for (size_t c = 0; c < n_customers && c < patterns.size(); ++c) r.customers[c].pattern = std::move(patterns[c]);

  r.sales_reps = sales_rep_summary(ledger, r.customers);
  r.metrics = compute_metrics(ledger, r);
  const int32_t trend_from = ledger.first_date == kMissingDays || as_of == kMissingDays
                                 ? ledger.first_date
                                 : static_cast<int32_t>(std::max<int64_t>(ledger.first_date, int64_t{as_of} - kMaxTrendSpanDays));
  r.trend = replay_trend(ledger, trend_from, as_of, options.step, threshold);
  return r;
}

}  // namespace overdue
