// Portfolio metrics (DESIGN.md §2, issue #3). W = MonitorOptions::dso_window_days, the window is
// the W days ending at the as-of date: (as_of − W, as_of]. Sums are in int64 cents; only the final
// ratios are doubles (IEEE division is the same natively and in wasm).
//
//  credit sales S = Σ amount of invoices dated in the window (credit notes net them down)
//  DSO   = AR_end / S × W               — the "average" (simple) method over the window, not the
//                                         countback method; AR_end = total open at the as-of date
//  BPDSO = current_end / S × W          — best possible DSO; current = open with DPD ≤ 0
//  ADD   = DSO − BPDSO                  — average days delinquent
//  CEI   = (AR_begin + S − AR_end) / (AR_begin + S − current_end) × 100
//                                       — collection effectiveness index over the window;
//                                         AR_begin = total open at as_of − W (the day before it)
//  overdue ratio = overdue / open       — overdue = open with DPD > threshold
//  top-N share   = Σ overdue of the N customers with most overdue / Σ overdue of all customers
//                  with overdue > 0
// A ratio whose denominator is ≤ 0 is reported as 0 (no sales in the window, nothing open, …).
#include <algorithm>
#include <functional>

#include "monitor/internal.hpp"

namespace overdue::monitor_detail {
namespace {

double ratio(int64_t numerator, int64_t denominator) {
  return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0.0;
}

}  // namespace

int32_t metrics_window_begin(const MonitorResult& r) {
  // The window's receivables start from the end of this day.
  return r.as_of - std::max(1, r.options.dso_window_days);
}

void add_window_sales(const Ledger& ledger, const MonitorResult& r, MetricSums& sums, size_t begin,
                      size_t end) {
  const int32_t from = metrics_window_begin(r);
  for (size_t i = begin; i < end; ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.invoice_date != kMissingDays && inv.invoice_date > from && inv.invoice_date <= r.as_of)
      sums.sales += inv.amount_cents;
  }
}

void add_current(const MonitorResult& r, MetricSums& sums, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)  // not past due: DPD ≤ 0
    if (r.open_items[i].days_past_due <= 0) sums.current_end += r.open_items[i].open_cents;
}

PortfolioMetrics finish_metrics(const MonitorResult& r, const MetricSums& sums) {
  PortfolioMetrics m;
  const int window = std::max(1, r.options.dso_window_days);
  const int64_t sales = sums.sales, current_end = sums.current_end, ar_begin = sums.ar_begin;
  const int64_t ar_end = r.open_cents;

  m.dso = ratio(ar_end, sales) * window;
  m.bpdso = ratio(current_end, sales) * window;
  m.add = m.dso - m.bpdso;
  m.cei = ratio(ar_begin + sales - ar_end, ar_begin + sales - current_end) * 100.0;
  m.overdue_ratio = ratio(r.overdue_cents, r.open_cents);

  std::vector<int64_t> overdue;
  int64_t overdue_all = 0;
  for (const CustomerStatus& c : r.customers)
    if (c.overdue_cents > 0) {
      overdue.push_back(c.overdue_cents);
      overdue_all += c.overdue_cents;
    }
  std::sort(overdue.begin(), overdue.end(), std::greater<int64_t>());
  int64_t top = 0;
  for (size_t i = 0; i < overdue.size() && i < static_cast<size_t>(std::max(0, r.options.top_n)); ++i)
    top += overdue[i];
  m.top_n_share = ratio(top, overdue_all);
  return m;
}

PortfolioMetrics compute_metrics(const Ledger& ledger, const MonitorResult& r) {
  MetricSums sums;
  add_window_sales(ledger, r, sums, 0, ledger.invoices.size());
  add_current(r, sums, 0, r.open_items.size());
  for (int64_t open : open_amounts_at(ledger, metrics_window_begin(r))) sums.ar_begin += open;
  return finish_metrics(r, sums);
}

}  // namespace overdue::monitor_detail
