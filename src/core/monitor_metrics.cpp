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

#include "monitor_internal.hpp"

namespace overdue::monitor_detail {
namespace {

double ratio(int64_t numerator, int64_t denominator) {
  return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0.0;
}

}  // namespace

PortfolioMetrics compute_metrics(const Ledger& ledger, const MonitorResult& r) {
  PortfolioMetrics m;
  const int window = std::max(1, r.options.dso_window_days);
  const int32_t as_of = r.as_of;
  const int32_t begin = as_of - window;  // the window's receivables start from the end of this day

  int64_t sales = 0;
  for (const Invoice& inv : ledger.invoices)
    if (inv.invoice_date != kMissingDays && inv.invoice_date > begin && inv.invoice_date <= as_of)
      sales += inv.amount_cents;

  int64_t current_end = 0;  // not past due: DPD ≤ 0
  for (const OpenItem& item : r.open_items)
    if (item.days_past_due <= 0) current_end += item.open_cents;

  int64_t ar_begin = 0;
  for (int64_t open : open_amounts_at(ledger, begin)) ar_begin += open;
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

}  // namespace overdue::monitor_detail
