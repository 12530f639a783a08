// customer_history(): the facts the classification rules and the scores read, from the ledger at
// an as-of date (issue #4). Definitions (episode, settled, paid on time, days without payment,
// partial payment) are stated once in include/overdue/classify/classify.hpp.
#include <algorithm>

#include "classify/internal.hpp"
#include "overdue/ledger/dates.hpp"

namespace overdue {
namespace {


constexpr int kRecentPaymentWindowDays = 180;  // "last 180 days" for partial payments and capacity
constexpr int kBillingWindowDays = 365;        // the 12-month billing the balance is compared with

struct InvoiceFacts {
  uint32_t invoice = 0;
  int32_t due = 0;
  int32_t settled = kMissingDays;  // kMissingDays: not settled by the as-of date
  bool disputed = false;           // disputed at the as-of date: left out of the lateness facts
};

constexpr int kBalanceAverageDays = 30;        // the balance is averaged over the 30 days ending at d

// Average open balance over the 30 days ending at d ÷ billed in (d − 365, d], for the customer's
// invoices; nullopt when nothing was billed. Averaged because the balance of a customer billed a few
// times a month jumps with every invoice: a point value would see "rises" that are only noise.
// Each event (invoice +amount, allocation −cents) on day e ≤ d counts for the days of the window on
// or after e, so the average is exact without walking the days.
// The customer's dated allocations grouped by invoice slot, each slot's parts by date (ties in
// ledger order): slot k is parts[begin[k] .. begin[k + 1]). One flat array rather than a vector per
// invoice: this runs for every overdue customer (a million invoices at 1 M rows).
struct Part {
  uint32_t slot;
  int32_t date;
  int64_t cents;
  uint32_t payment;
};
struct PartsBySlot {
  std::vector<Part> parts;
  std::vector<uint32_t> begin;   // size slots + 1
};

std::optional<double> balance_ratio(const Ledger& ledger, const std::vector<uint32_t>& invoices,
                                    const PartsBySlot& paid, int32_t d) {
  const int32_t window_start = d - kBalanceAverageDays + 1;
  auto days_counted = [&](int32_t e) -> int64_t { return d - std::max(e, window_start) + 1; };
  int64_t open_days = 0, billed = 0;  // open_days: Σ over the window's days of the open balance
  for (size_t k = 0; k < invoices.size(); ++k) {
    const Invoice& inv = ledger.invoices[invoices[k]];
    if (inv.invoice_date > d) continue;
    open_days += inv.amount_cents * days_counted(inv.invoice_date);
    for (uint32_t j = paid.begin[k]; j < paid.begin[k + 1]; ++j)
      if (paid.parts[j].date <= d) open_days -= paid.parts[j].cents * days_counted(paid.parts[j].date);
    if (inv.invoice_date > d - kBillingWindowDays) billed += inv.amount_cents;
  }
  if (billed <= 0) return std::nullopt;
  return static_cast<double>(open_days) / kBalanceAverageDays / static_cast<double>(billed);
}

}  // namespace

namespace classify_detail {

CustomerIndex index_by_customer(const Ledger& ledger) {
  CustomerIndex x;
  const size_t n = ledger.customers.size();
  x.invoices.resize(n);
  x.allocations.resize(n);
  x.payments.resize(n);
  for (uint32_t i = 0; i < ledger.invoices.size(); ++i)
    if (ledger.invoices[i].customer < n) x.invoices[ledger.invoices[i].customer].push_back(i);
  for (uint32_t a = 0; a < ledger.allocations.size(); ++a) {
    const uint32_t inv = ledger.allocations[a].invoice;
    if (inv < ledger.invoices.size() && ledger.invoices[inv].customer < n)
      x.allocations[ledger.invoices[inv].customer].push_back(a);
  }
  for (uint32_t p = 0; p < ledger.payments.size(); ++p)
    if (ledger.payments[p].customer < n) x.payments[ledger.payments[p].customer].push_back(p);
  return x;
}

CustomerHistory history_of(const Ledger& ledger, const CustomerRows& rows, int32_t as_of, int threshold_days,
                           const ClassifySettings& s) {
  CustomerHistory h;
  // The customer's invoices issued by the as-of date (positive amounts: credit notes are never
  // overdue themselves), with their dated allocations.
  std::vector<uint32_t> invoices;
  for (uint32_t i : rows.invoices) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.amount_cents <= 0 || inv.invoice_date == kMissingDays || inv.invoice_date > as_of) continue;
    invoices.push_back(i);  // ascending, as rows.invoices is
    if (h.first_invoice_date == kMissingDays || inv.invoice_date < h.first_invoice_date)
      h.first_invoice_date = inv.invoice_date;
    if (inv.invoice_date > as_of - kBillingWindowDays) h.billed_365_cents += inv.amount_cents;
  }
  auto slot_of = [&](uint32_t invoice) -> int64_t {
    const auto it = std::lower_bound(invoices.begin(), invoices.end(), invoice);
    return it != invoices.end() && *it == invoice ? it - invoices.begin() : -1;
  };
  PartsBySlot paid;
  paid.parts.reserve(rows.allocations.size());
  for (uint32_t ai : rows.allocations) {
    const Allocation& a = ledger.allocations[ai];
    const int64_t slot = slot_of(a.invoice);
    if (slot < 0) continue;
    const int32_t from = allocation_effective_date(ledger, a);
    if (from == kMissingDays || from > as_of) continue;
    paid.parts.push_back({static_cast<uint32_t>(slot), from, a.cents, a.payment});
  }
  // By slot, then date; stable, so parts of one date keep the ledger's allocation order.
  std::stable_sort(paid.parts.begin(), paid.parts.end(), [](const Part& a, const Part& b) {
    return a.slot != b.slot ? a.slot < b.slot : a.date < b.date;
  });
  paid.begin.assign(invoices.size() + 1, 0);
  for (const Part& p : paid.parts) ++paid.begin[p.slot + 1];
  for (size_t k = 0; k < invoices.size(); ++k) paid.begin[k + 1] += paid.begin[k];
  // Payments of this customer that settle an invoice, by position in rows.payments.
  std::vector<char> payment_settles(rows.payments.size(), 0);
  auto mark_settling = [&](uint32_t payment) {
    const auto it = std::lower_bound(rows.payments.begin(), rows.payments.end(), payment);
    if (it != rows.payments.end() && *it == payment) payment_settles[it - rows.payments.begin()] = 1;
  };

  // Settled dates, overdue intervals and the payments that settled something.
  std::vector<InvoiceFacts> facts;
  facts.reserve(invoices.size());
  struct Interval { int32_t start, end, max_dpd; };
  std::vector<Interval> intervals;
  intervals.reserve(invoices.size());
  for (size_t k = 0; k < invoices.size(); ++k) {
    const Invoice& inv = ledger.invoices[invoices[k]];
    InvoiceFacts f{invoices[k], effective_due_date(inv), kMissingDays, invoice_disputed(inv, as_of)};
    int64_t paid_so_far = 0;
    for (uint32_t j = paid.begin[k]; j < paid.begin[k + 1]; ++j) {
      paid_so_far += paid.parts[j].cents;
      if (paid_so_far >= inv.amount_cents) {
        f.settled = paid.parts[j].date;
        mark_settling(paid.parts[j].payment);
        break;
      }
    }
    // Overdue on days due + threshold + 1 … day before settlement (or the as-of date).
    const int32_t start = f.due + threshold_days + 1;
    const int32_t end = f.settled == kMissingDays ? as_of : std::min(as_of, f.settled - 1);
    if (f.disputed) {   // the customer contests it: its lateness says nothing of its willingness
      ++h.disputed_invoices;
      if (f.settled == kMissingDays && start <= end) ++h.disputed_overdue_invoices;
    } else if (start <= end) {
      intervals.push_back({start, end, end - f.due});
    }
    facts.push_back(f);
  }

  // Episodes: merge intervals that overlap or touch.
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  for (const Interval& iv : intervals) {
    if (!h.episodes.empty() && iv.start <= h.episodes.back().end + 1) {
      CustomerHistory::Episode& e = h.episodes.back();
      e.end = std::max(e.end, iv.end);
      e.max_dpd = std::max(e.max_dpd, iv.max_dpd);
    } else {
      h.episodes.push_back({iv.start, iv.end, iv.max_dpd});
    }
    if (iv.end == as_of) h.max_dpd = std::max(h.max_dpd, iv.max_dpd);
  }
  h.overdue = !h.episodes.empty() && h.episodes.back().end == as_of;
  if (h.overdue) h.episode_start = h.episodes.back().start;

  // The record: invoices settled before the current episode began (all settled ones when not overdue).
  for (const InvoiceFacts& f : facts) {
    if (f.settled == kMissingDays || f.disputed) continue;
    const bool on_time = f.settled <= f.due + s.on_time_tolerance_days;
    ++h.settled_all;
    h.on_time_all += on_time;
    if (!h.overdue || f.settled < h.episode_start) {
      ++h.settled_before_episode;
      h.on_time_before_episode += on_time;
    }
  }

  // Payments: last one, the 180-day and 365-day windows, partial ones.
  for (size_t k = 0; k < rows.payments.size(); ++k) {
    const Payment& pay = ledger.payments[rows.payments[k]];
    if (pay.date == kMissingDays || pay.date > as_of) continue;
    if (h.last_payment_date == kMissingDays || pay.date > h.last_payment_date) h.last_payment_date = pay.date;
    if (pay.date > as_of - kBillingWindowDays) h.paid_365_cents += pay.amount_cents;
    if (pay.date > as_of - kRecentPaymentWindowDays) {
      ++h.payments_last_180;
      h.paid_last_180_cents += pay.amount_cents;
      h.partial_payments_last_180 += payment_settles[k] ? 0 : 1;
    }
  }
  if (!h.overdue && h.disputed_overdue_invoices > 0) {
    // Overdue only through disputed invoices: not paying them is the dispute, not unwillingness.
  } else if (h.last_payment_date != kMissingDays) {
    h.days_without_payment = as_of - h.last_payment_date;
  } else if (h.overdue) {
    int32_t first_due = as_of;
    for (const InvoiceFacts& f : facts)
      if (f.settled == kMissingDays && !f.disputed && as_of - f.due > threshold_days) first_due = std::min(first_due, f.due);
    h.days_without_payment = as_of - first_due;
  }

  // Balance relative to billing now, half-way and at the start of the look-back.
  const int lookback = std::max(2, s.rising_balance_lookback_days);
  if (h.first_invoice_date != kMissingDays && h.first_invoice_date <= as_of - lookback) {
    h.balance_ratio_now = balance_ratio(ledger, invoices, paid, as_of);
    h.balance_ratio_mid = balance_ratio(ledger, invoices, paid, as_of - lookback / 2);
    h.balance_ratio_then = balance_ratio(ledger, invoices, paid, as_of - lookback);
  }
  return h;
}

}  // namespace classify_detail

CustomerHistory customer_history(const Ledger& ledger, uint32_t customer, int32_t as_of, int threshold_days,
                                 const ClassifySettings& s) {
  // One customer: pick its rows out directly (analyze_overdue indexes every customer at once).
  std::vector<uint32_t> invoices, allocations, payments;
  for (uint32_t i = 0; i < ledger.invoices.size(); ++i)
    if (ledger.invoices[i].customer == customer) invoices.push_back(i);
  for (uint32_t a = 0; a < ledger.allocations.size(); ++a) {
    const uint32_t inv = ledger.allocations[a].invoice;
    if (inv < ledger.invoices.size() && ledger.invoices[inv].customer == customer) allocations.push_back(a);
  }
  for (uint32_t p = 0; p < ledger.payments.size(); ++p)
    if (ledger.payments[p].customer == customer) payments.push_back(p);
  return classify_detail::history_of(ledger, {invoices, allocations, payments}, as_of, threshold_days, s);
}

}  // namespace overdue
