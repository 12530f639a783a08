// Payment-pattern change (付款模式变化, DESIGN.md §2, issue #3): does a customer's recent payment
// behaviour depart from its own baseline? Only facts known at the as-of date count: payments dated
// on or before it, allocations that reached an invoice on or before it.
//
// The rule (also in docs/generator.md, "Method: payment-pattern change"):
//  * Windows. Recent = the 90 days ending at the as-of date, [as_of − 89, as_of]; baseline = all
//    the customer's history before that.
//  * Facts per window.
//    - Payment intervals: gaps between consecutive distinct payment dates (positive payments;
//      several payments on one day are one payment day). A gap belongs to the window of its later
//      payment, so the first recent gap reaches back to the last baseline payment. Small payment
//      days — under 25 % of the baseline's median payment day, e.g. a disputed invoice settled on
//      its own — neither start nor end a gap, so they cannot hide a monthly rhythm behind many
//      short gaps (they still count as payments everywhere else).
//    - Days late: settled date − due date of each invoice, at least 0 (early counts as on time),
//      where the settled date is the date of the allocation that completed the invoice. An invoice
//      belongs to the window of its settled date. Invoices still open and past due at the as-of
//      date join the recent window with their days past due so far — a lower bound of their days
//      late (otherwise a customer who stops settling would look punctual).
//    - Paid/billed: payments received in the window ÷ invoice amounts expected in the window, an
//      invoice being expected on its due date + the customer's usual lateness (baseline median
//      days late, whole days; 0 without 3 baseline observations). Due dates, not invoice dates: a
//      big invoice issued yesterday is not yet expected.
//  * Enough history: ≥ 4 payment days in the baseline, and in the recent window either ≥ 2
//    payment days or something owed (an amount fell due in it, or an invoice is past due at the
//    as-of date — silence only means something when money was owed). Otherwise enough_history =
//    false, flagged = false and the summary says "too little history".
//  * Rules (flagged when any holds; each holding rule adds one evidence line):
//    1. interval: recent median interval ≥ 2 × baseline median AND ≥ baseline + 7 d
//       (needs ≥ 2 recent intervals); e.g. weekly → monthly, 7 d → 30 d.
//    2. days late: recent median ≥ 2 × baseline median AND ≥ baseline + 14 d (needs ≥ 3 baseline
//       and ≥ 2 recent observations); e.g. 3 d → 25 d.
//    3. paid/billed: recent ratio < ½ × baseline ratio (needs amounts due in both windows and a
//       positive baseline ratio); e.g. payments shrinking to 40 % of billing.
//    4. silence: no payment for ≥ 3 × the baseline median interval AND ≥ baseline + 30 d while an
//       invoice is past due (a customer who stopped paying has no recent intervals to compare).
//  Medians of integer days are whole or half days; ratios are rounded to 4 decimals so native and
//  wasm print the same bytes. Text is built with integer formatting only (no locale, no printf of
//  doubles).
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "overdue/monitor/monitor.hpp"
#include "monitor/internal.hpp"

namespace overdue {
namespace {

constexpr int32_t kRecentWindowDays = 90;
constexpr size_t kMinBaselinePaymentDays = 4;
constexpr size_t kMinRecentPaymentDays = 2;
constexpr size_t kMinBaselineLate = 3;
constexpr size_t kMinRecentLate = 2;
constexpr double kSmallPaymentShare = 0.25;
constexpr double kIntervalFactor = 2.0, kIntervalGrowthDays = 7.0;
constexpr double kLateFactor = 2.0, kLateGrowthDays = 14.0;
constexpr double kPaidRatioFactor = 0.5;
constexpr double kSilenceFactor = 3.0, kSilenceGrowthDays = 30.0;

struct InvoiceFacts {
  int32_t due = 0;
  int64_t amount_cents = 0;
  int32_t settled = kMissingDays;  // kMissingDays: still open at the as-of date
};

struct PaymentFacts {
  int32_t date = 0;
  int64_t cents = 0;
};

struct CustomerHistory {
  std::vector<InvoiceFacts> invoices;
  std::vector<PaymentFacts> payments;
};

constexpr uint32_t kAllCustomers = UINT32_MAX;

// Histories of every customer (only == kAllCustomers) or of one (then the result has one entry),
// gathered in four passes so the page can draw between them (MonitorJob runs each as a stage of
// its own; at 1 M rows the four took one 225 ms step natively, ~450 ms in the page).
class HistoryCollector {
 public:
  HistoryCollector(const Ledger& ledger, int32_t as_of, uint32_t only)
      : ledger_(ledger), as_of_(as_of), only_(only),
        histories_(only == kAllCustomers ? ledger.customers.size() : 1) {}

  // (effective date, allocation index) of the allocations on or before the as-of date, the date
  // computed once (it reads the allocation's invoice).
  void dated_allocations() {
    for (uint32_t i = 0; i < ledger_.allocations.size(); ++i) {
      const Allocation& a = ledger_.allocations[i];
      if (a.invoice >= ledger_.invoices.size() || slot(ledger_.invoices[a.invoice].customer) < 0)
        continue;
      const int32_t d = allocation_effective_date(ledger_, a);
      if (d != kMissingDays && d <= as_of_) order_.emplace_back(d, i);
    }
  }
  // Settled date of each invoice: walk its allocations in date order (ties in ledger order) and
  // note the date the running total reached the invoice amount.
  void settled_dates() {
    auto by_date = [](const std::pair<int32_t, uint32_t>& x, const std::pair<int32_t, uint32_t>& y) {
      return x.first < y.first;
    };
    // The ledger keeps allocations sorted by date; hand-built ledgers need not.
    if (!std::is_sorted(order_.begin(), order_.end(), by_date)) std::stable_sort(order_.begin(), order_.end(), by_date);
    std::vector<int64_t> allocated(ledger_.invoices.size(), 0);
    settled_.assign(ledger_.invoices.size(), kMissingDays);
    for (const auto& [date, i] : order_) {
      const Allocation& a = ledger_.allocations[i];
      allocated[a.invoice] += a.cents;
      if (settled_[a.invoice] == kMissingDays &&
          allocated[a.invoice] >= ledger_.invoices[a.invoice].amount_cents)
        settled_[a.invoice] = date;
    }
    std::vector<std::pair<int32_t, uint32_t>>().swap(order_);
  }
  void invoices() {
    for (size_t i = 0; i < ledger_.invoices.size(); ++i) {
      const Invoice& inv = ledger_.invoices[i];
      const long s = slot(inv.customer);
      // Credit notes and empty invoices are not bills a customer can be late with.
      if (s < 0 || inv.invoice_date == kMissingDays || inv.invoice_date > as_of_ ||
          inv.amount_cents <= 0)
        continue;
      histories_[s].invoices.push_back({effective_due_date(inv), inv.amount_cents, settled_[i]});
    }
    std::vector<int32_t>().swap(settled_);
  }
  void payments() {
    for (const Payment& p : ledger_.payments) {
      const long s = slot(p.customer);
      if (s < 0 || p.date == kMissingDays || p.date > as_of_) continue;
      histories_[s].payments.push_back({p.date, p.amount_cents});
    }
  }
  std::vector<CustomerHistory> take() { return std::move(histories_); }

 private:
  long slot(uint32_t customer) const {
    if (only_ == kAllCustomers) return customer < ledger_.customers.size() ? static_cast<long>(customer) : -1;
    return customer == only_ ? 0 : -1;
  }

  const Ledger& ledger_;
  int32_t as_of_;
  uint32_t only_;
  std::vector<CustomerHistory> histories_;
  std::vector<std::pair<int32_t, uint32_t>> order_;
  std::vector<int32_t> settled_;
};

std::vector<CustomerHistory> collect_histories(const Ledger& ledger, int32_t as_of, uint32_t only) {
  HistoryCollector collector(ledger, as_of, only);
  collector.dated_allocations();
  collector.settled_dates();
  collector.invoices();
  collector.payments();
  return collector.take();
}

double median(std::vector<int32_t> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (static_cast<double>(v[n / 2 - 1]) + v[n / 2]) / 2.0;
}

// Median of amounts (lower middle for an even count: whole cents, no rounding); 0 when empty.
int64_t median_cents(std::vector<int64_t> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[(v.size() - 1) / 2];
}

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

// Whole or half days ("7", "7.5", "-0.5"): medians of integers never need more.
std::string format_days(double d) {
  const long long halves = std::llround(d * 2.0);
  const long long whole = halves / 2;
  std::string s = (halves < 0 && whole == 0) ? "-0" : std::to_string(whole);
  if (halves % 2 != 0) s += ".5";
  return s;
}

std::string format_percent(double ratio) {
  return std::to_string(std::llround(ratio * 100.0)) + "%";
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
  return s;
}

PatternChange evaluate(const CustomerHistory& h, int32_t as_of) {
  PatternChange pc;
  const int32_t recent_from = as_of - (kRecentWindowDays - 1);
  pc.recent_from = recent_from;

  // Payment days and the intervals between them.
  std::vector<PaymentFacts> days;  // one per payment day: date, cents received that day
  int64_t paid_baseline = 0, paid_recent = 0;
  for (const PaymentFacts& p : h.payments) {
    (p.date < recent_from ? paid_baseline : paid_recent) += p.cents;
    if (p.cents > 0) days.push_back(p);
  }
  std::sort(days.begin(), days.end(), [](const PaymentFacts& a, const PaymentFacts& b) {
    return a.date != b.date ? a.date < b.date : a.cents < b.cents;
  });
  size_t kept = 0;
  for (size_t k = 0; k < days.size(); ++k) {
    if (kept > 0 && days[kept - 1].date == days[k].date)
      days[kept - 1].cents += days[k].cents;
    else
      days[kept++] = days[k];
  }
  days.resize(kept);
  // Small payment days (< 25 % of the baseline's median payment day) do not start or end a gap.
  std::vector<int64_t> baseline_amounts;
  for (const PaymentFacts& d : days) {
    const bool recent = d.date >= recent_from;
    (recent ? pc.recent_payment_days : pc.baseline_payment_days) += 1;
    if (!recent) baseline_amounts.push_back(d.cents);
  }
  const int64_t small_below =
      static_cast<int64_t>(median_cents(baseline_amounts) * kSmallPaymentShare);
  std::vector<int32_t> intervals_baseline, intervals_recent;
  int32_t previous = kMissingDays;
  for (const PaymentFacts& d : days) {
    if (d.cents < small_below) continue;
    if (previous != kMissingDays)
      (d.date < recent_from ? intervals_baseline : intervals_recent).push_back(d.date - previous);
    previous = d.date;
  }
  if (!days.empty()) pc.days_since_last_payment = as_of - days.back().date;

  // Days late, amounts falling due, and whether anything is past due now.
  std::vector<int32_t> late_baseline, late_recent;
  int64_t due_baseline = 0, due_recent = 0;
  bool past_due_open = false, fell_due_recently = false;
  for (const InvoiceFacts& inv : h.invoices) {
    if (inv.settled != kMissingDays) {
      const int32_t late = std::max(0, inv.settled - inv.due);
      (inv.settled < recent_from ? late_baseline : late_recent).push_back(late);
    } else if (as_of > inv.due) {
      late_recent.push_back(as_of - inv.due);  // still open: late by at least this much
      past_due_open = true;
    }
    if (inv.due >= recent_from && inv.due <= as_of) fell_due_recently = true;
  }
  // Billed per window = amounts expected in it: due date + the customer's usual lateness (the
  // baseline median days late, whole days). A monthly payer 15 days late pays in this window what
  // fell due half a month before it; without the shift its ratio swings with the window's edges.
  const int32_t usual_lateness =
      late_baseline.size() >= kMinBaselineLate ? static_cast<int32_t>(median(late_baseline)) : 0;
  for (const InvoiceFacts& inv : h.invoices) {
    const int32_t expected = inv.due + usual_lateness;
    if (expected < recent_from)
      due_baseline += inv.amount_cents;
    else if (expected <= as_of)
      due_recent += inv.amount_cents;
  }
  pc.baseline_late_invoices = static_cast<uint32_t>(late_baseline.size());
  pc.recent_late_invoices = static_cast<uint32_t>(late_recent.size());

  const bool baseline_ok = pc.baseline_payment_days >= kMinBaselinePaymentDays;
  const bool owed_recently = fell_due_recently || past_due_open;
  const bool recent_ok = pc.recent_payment_days >= kMinRecentPaymentDays || owed_recently;

  // Values of every rule that can be evaluated (shown even when nothing is flagged).
  const bool interval_known = baseline_ok && intervals_recent.size() >= kMinRecentPaymentDays;
  if (!intervals_baseline.empty()) pc.baseline_interval_days = median(intervals_baseline);
  if (!intervals_recent.empty()) pc.recent_interval_days = median(intervals_recent);
  const bool late_known =
      late_baseline.size() >= kMinBaselineLate && late_recent.size() >= kMinRecentLate;
  if (!late_baseline.empty()) pc.baseline_days_late = median(late_baseline);
  if (!late_recent.empty()) pc.recent_days_late = median(late_recent);
  if (due_baseline > 0)
    pc.baseline_paid_ratio = round4(static_cast<double>(paid_baseline) / due_baseline);
  if (due_recent > 0) pc.recent_paid_ratio = round4(static_cast<double>(paid_recent) / due_recent);
  const bool ratio_known = due_baseline > 0 && due_recent > 0 && pc.baseline_paid_ratio > 0;

  if (!baseline_ok || !recent_ok) {
    pc.summary = "too little history: " + std::to_string(pc.baseline_payment_days) +
                 " payment days before the last 90 days (4 needed)";
    if (baseline_ok)
      pc.summary = "too little history: " + std::to_string(pc.recent_payment_days) +
                   " payment day(s) in the last 90 days (2 needed) and nothing owed";
    return pc;
  }
  pc.enough_history = true;

  std::vector<std::string> summary;
  const double bi = pc.baseline_interval_days, ri = pc.recent_interval_days;
  if (interval_known && ri >= kIntervalFactor * bi && ri - bi >= kIntervalGrowthDays) {
    summary.push_back("median interval " + format_days(bi) + " d → " + format_days(ri) + " d");
    pc.evidence.push_back("median interval between payments " + format_days(bi) + " d (baseline, " +
                          std::to_string(intervals_baseline.size()) + " intervals) → " +
                          format_days(ri) + " d (last 90 days, " +
                          std::to_string(intervals_recent.size()) +
                          " intervals): at least 2x and +7 d");
  }
  const double bl = pc.baseline_days_late, rl = pc.recent_days_late;
  if (late_known && rl >= kLateFactor * bl && rl - bl >= kLateGrowthDays) {
    summary.push_back("median days late " + format_days(bl) + " → " + format_days(rl));
    pc.evidence.push_back(
        "median days late " + format_days(bl) + " d (baseline, " +
        std::to_string(late_baseline.size()) + " invoices) → " + format_days(rl) +
        " d (last 90 days, " + std::to_string(late_recent.size()) +
        " invoices, open ones counted with their days past due): at least 2x and +14 d");
  }
  const double br = pc.baseline_paid_ratio, rr = pc.recent_paid_ratio;
  if (ratio_known && rr < kPaidRatioFactor * br) {
    summary.push_back("paid/billed " + format_percent(br) + " → " + format_percent(rr));
    pc.evidence.push_back("paid/billed " + format_percent(br) + " (baseline) → " +
                          format_percent(rr) +
                          " (last 90 days; billed = amounts expected: due date + usual lateness): "
                          "below half the baseline");
  }
  const double silence = pc.days_since_last_payment;
  if (past_due_open && silence >= kSilenceFactor * bi && silence - bi >= kSilenceGrowthDays) {
    summary.push_back("no payment for " + std::to_string(pc.days_since_last_payment) + " d");
    pc.evidence.push_back("no payment for " + std::to_string(pc.days_since_last_payment) +
                          " d while invoices are past due; baseline median interval " +
                          format_days(bi) + " d: at least 3x and +30 d");
  }

  pc.flagged = !pc.evidence.empty();
  if (pc.flagged) {
    pc.summary = join(summary, "; ");
  } else {
    std::vector<std::string> seen;
    if (interval_known)
      seen.push_back("median interval " + format_days(bi) + " d → " + format_days(ri) + " d");
    if (late_known) seen.push_back("median days late " + format_days(bl) + " → " + format_days(rl));
    if (ratio_known)
      seen.push_back("paid/billed " + format_percent(br) + " → " + format_percent(rr));
    pc.summary = seen.empty() ? "no change" : "no change: " + join(seen, ", ");
  }
  return pc;
}

}  // namespace

PatternChange detect_pattern_change(const Ledger& ledger, uint32_t customer, int32_t as_of) {
  if (as_of == kMissingDays) as_of = ledger.last_date;  // the monitor's default as-of date
  if (as_of == kMissingDays) return evaluate(CustomerHistory{}, 0);  // no dated facts at all
  return evaluate(collect_histories(ledger, as_of, customer).front(), as_of);
}

namespace monitor_detail {

struct PatternScan::Data {
  const Ledger& ledger;
  int32_t as_of;
  HistoryCollector collector;
  std::vector<CustomerHistory> histories;
  std::vector<size_t> facts_before;   // per customer: the facts of the customers before it
};

PatternScan::PatternScan(const Ledger& ledger, int32_t as_of) {
  const int32_t at = as_of == kMissingDays ? ledger.last_date : as_of;
  data_ = std::make_unique<Data>(Data{ledger, at, HistoryCollector(ledger, at, kAllCustomers), {}, {}});
}

PatternScan::~PatternScan() = default;

// No dated facts at all: every customer evaluates an empty history (as of day 0).
void PatternScan::collect_step(int step) {
  if (data_->as_of == kMissingDays) return;
  HistoryCollector& c = data_->collector;
  switch (step) {
    case 0: c.dated_allocations(); break;
    case 1: c.settled_dates(); break;
    case 2: c.invoices(); break;
    default: {
      c.payments();
      data_->histories = c.take();
      data_->facts_before.assign(data_->histories.size() + 1, 0);
      for (size_t k = 0; k < data_->histories.size(); ++k)
        data_->facts_before[k + 1] = data_->facts_before[k] + 1 + data_->histories[k].invoices.size() +
                                     data_->histories[k].payments.size();
    }
  }
}

void PatternScan::collect() {
  for (int step = 0; step < kCollectSteps; ++step) collect_step(step);
}

size_t PatternScan::facts() const {
  return data_->facts_before.empty() ? data_->ledger.customers.size() : data_->facts_before.back();
}

size_t PatternScan::first_customer_at(size_t fact) const {
  const std::vector<size_t>& f = data_->facts_before;
  if (f.empty()) return std::min(fact, data_->ledger.customers.size());
  // The first customer whose facts start at or after `fact`.
  return static_cast<size_t>(std::lower_bound(f.begin(), f.end() - 1, fact) - f.begin());
}

PatternChange PatternScan::evaluate(size_t customer) {
  if (data_->as_of == kMissingDays || customer >= data_->histories.size()) return overdue::evaluate(CustomerHistory{}, 0);
  PatternChange change = overdue::evaluate(data_->histories[customer], data_->as_of);
  data_->histories[customer] = CustomerHistory{};   // its facts are not needed again
  return change;
}

}  // namespace monitor_detail

std::vector<PatternChange> detect_pattern_changes(const Ledger& ledger, int32_t as_of) {
  monitor_detail::PatternScan scan(ledger, as_of);
  scan.collect();
  std::vector<PatternChange> result;
  result.reserve(ledger.customers.size());
  for (size_t c = 0; c < ledger.customers.size(); ++c) result.push_back(scan.evaluate(c));
  return result;
}

}  // namespace overdue
