// Payment-pattern change (DESIGN.md §2, pattern_change.cpp): hand-built ledgers for the cases the
// design text names — weekly → monthly payer, days late 3 → 25, payments shrinking to partial
// amounts, a steady payer, too little history, facts after the as-of date — plus a stopper, and
// the batch/single and allocation-order invariants. Ledgers are built by hand (no importer, no
// build_ledger): a small FIFO here turns payments into allocations.
//
// [SECTION] helpers: a ledger by hand, a small FIFO, weekly invoices
// [SECTION] the cases of the design text
// [SECTION] stoppers and the as-of date
// [SECTION] invariants and edge cases
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/monitor/monitor.hpp"

using namespace overdue;

// [SECTION] helpers: a ledger by hand, a small FIFO, weekly invoices -----------------------------

namespace {

constexpr int32_t kDay0 = days_from_civil(2024, 1, 1);

struct LedgerBuilder {
  Ledger ledger;
  std::vector<bool> settled_by_payer;  // the payer's own bookkeeping: which invoices it has paid

  uint32_t customer(const std::string& name) {
    Customer c;
    c.id = c.name = name;
    ledger.customers.push_back(c);
    return static_cast<uint32_t>(ledger.customers.size() - 1);
  }
  uint32_t invoice(uint32_t c, int32_t issued, int32_t due, int64_t cents) {
    Invoice inv;
    inv.customer = c;
    inv.id = ledger.text.add("INV" + std::to_string(ledger.invoices.size() + 1));
    inv.invoice_date = issued;
    inv.due_date = due;
    inv.amount_cents = cents;
    ledger.invoices.push_back(inv);
    settled_by_payer.push_back(false);
    return static_cast<uint32_t>(ledger.invoices.size() - 1);
  }
  void pay(uint32_t c, int32_t date, int64_t cents) {
    Payment p;
    p.customer = c;
    p.date = date;
    p.amount_cents = cents;
    ledger.payments.push_back(p);
  }
  // The customer's amount that has reached "due + lateness" by day t and that it has not paid yet;
  // marks those invoices as paid in the payer's own books.
  int64_t take_matured(uint32_t c, int32_t t, int lateness) {
    int64_t sum = 0;
    for (size_t i = 0; i < ledger.invoices.size(); ++i) {
      const Invoice& inv = ledger.invoices[i];
      if (inv.customer != c || settled_by_payer[i] || inv.due_date + lateness > t) continue;
      settled_by_payer[i] = true;
      sum += inv.amount_cents;
    }
    return sum;
  }
  // Open-item FIFO: each payment, in date order, goes to the customer's oldest open invoices
  // (earliest due date, then invoice date, then index) issued by the payment date.
  void allocate_fifo() {
    ledger.allocations.clear();
    std::vector<int64_t> open(ledger.invoices.size());
    for (size_t i = 0; i < open.size(); ++i) open[i] = ledger.invoices[i].amount_cents;
    std::vector<uint32_t> pays(ledger.payments.size());
    for (uint32_t i = 0; i < pays.size(); ++i) pays[i] = i;
    std::stable_sort(pays.begin(), pays.end(), [&](uint32_t a, uint32_t b) {
      return ledger.payments[a].date < ledger.payments[b].date;
    });
    std::vector<uint32_t> by_age(ledger.invoices.size());
    for (uint32_t i = 0; i < by_age.size(); ++i) by_age[i] = i;
    std::stable_sort(by_age.begin(), by_age.end(), [&](uint32_t a, uint32_t b) {
      const Invoice &x = ledger.invoices[a], &y = ledger.invoices[b];
      if (x.due_date != y.due_date) return x.due_date < y.due_date;
      return x.invoice_date < y.invoice_date;
    });
    for (uint32_t p : pays) {
      int64_t left = ledger.payments[p].amount_cents;
      for (uint32_t i : by_age) {
        const Invoice& inv = ledger.invoices[i];
        if (left <= 0) break;
        if (inv.customer != ledger.payments[p].customer || open[i] <= 0 ||
            inv.invoice_date > ledger.payments[p].date)
          continue;
        const int64_t take = std::min(left, open[i]);
        ledger.allocations.push_back({i, p, take, ledger.payments[p].date});
        open[i] -= take;
        left -= take;
      }
    }
    std::stable_sort(ledger.allocations.begin(), ledger.allocations.end(),
                     [](const Allocation& a, const Allocation& b) { return a.date < b.date; });
  }
};

constexpr int kTerms = 14;
constexpr int64_t kBill = 100000;  // 1,000.00

// Weekly invoices from day 0 to `last_invoice_day`, each due 14 days later.
void weekly_invoices(LedgerBuilder& b, uint32_t c, int last_invoice_day, int64_t cents = kBill) {
  for (int d = 0; d <= last_invoice_day; d += 7) b.invoice(c, kDay0 + d, kDay0 + d + kTerms, cents);
}

// Pays everything matured (due + lateness ≤ t) on each of the given days.
void pay_on_days(LedgerBuilder& b, uint32_t c, const std::vector<int>& days, int lateness,
                 int percent = 100) {
  for (int d : days) {
    const int64_t due = b.take_matured(c, kDay0 + d, lateness);
    if (due > 0) b.pay(c, kDay0 + d, due * percent / 100);
  }
}

std::vector<int> every(int from, int to, int step) {
  std::vector<int> v;
  for (int d = from; d <= to; d += step) v.push_back(d);
  return v;
}

bool has_evidence(const PatternChange& pc, const std::string& start) {
  for (const std::string& e : pc.evidence)
    if (e.rfind(start, 0) == 0) return true;
  return false;
}

constexpr int kAsOfDay = 420;  // recent window: days 331..420

}  // namespace

// [SECTION] the cases of the design text ---------------------------------------------------------

TEST_CASE(
    "pattern: weekly payer turning monthly (7 d → 30 d) is flagged with the interval evidence") {
  LedgerBuilder b;
  const uint32_t c = b.customer("周记贸易");
  weekly_invoices(b, c, kAsOfDay);
  // Weekly until day 296, then every 30 days: days 326, 356, 386, 416.
  std::vector<int> days = every(16, 296, 7);
  for (int d : every(326, kAsOfDay, 30)) days.push_back(d);
  pay_on_days(b, c, days, 2);
  b.allocate_fifo();

  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.enough_history);
  CHECK(pc.flagged);
  CHECK(pc.baseline_interval_days == 7);
  CHECK(pc.recent_interval_days == 30);
  CHECK(pc.summary.rfind("median interval 7 d → 30 d", 0) == 0);
  CHECK(has_evidence(pc,
                     "median interval between payments 7 d (baseline, 41 intervals) → 30 d (last "
                     "90 days, 3 intervals)"));
  CHECK(pc.recent_payment_days == 3);
  CHECK(pc.recent_from == kDay0 + kAsOfDay - 89);
}

TEST_CASE("pattern: days late 3 → 25 is flagged, the unchanged weekly rhythm is not") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Slowmore Ltd");
  weekly_invoices(b, c, kAsOfDay);
  // Each invoice paid on its own: 3 days late for invoices issued before day 280, then 25.
  for (const Invoice& inv : std::vector<Invoice>(b.ledger.invoices)) {
    const int late = inv.invoice_date < kDay0 + 280 ? 3 : 25;
    if (inv.due_date + late <= kDay0 + kAsOfDay) b.pay(c, inv.due_date + late, inv.amount_cents);
  }
  b.allocate_fifo();

  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.enough_history);
  CHECK(pc.flagged);
  CHECK(pc.baseline_days_late == 3);
  CHECK(pc.recent_days_late == 25);
  CHECK(pc.baseline_interval_days == 7);
  CHECK(pc.recent_interval_days == 7);
  REQUIRE(pc.evidence.size() == 1);
  CHECK(has_evidence(pc, "median days late 3 d (baseline"));
  CHECK(pc.summary == "median days late 3 → 25");
}

TEST_CASE("pattern: payments shrinking to 40 % of billing are flagged by paid/billed") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Partial & Co");
  weekly_invoices(b, c, kAsOfDay);
  pay_on_days(b, c, every(16, 300, 7), 0);
  pay_on_days(b, c, every(307, kAsOfDay, 7), 0, 40);
  b.allocate_fifo();

  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.enough_history);
  CHECK(pc.flagged);
  // The baseline holds the first partial weeks (days 307–328) too: 95 %, not 100 %. (Usual
  // lateness 2 d: invoices are expected 2 days after their due date.)
  CHECK(pc.baseline_paid_ratio == doctest::Approx(0.95).epsilon(0.01));
  CHECK(pc.recent_paid_ratio == doctest::Approx(0.4).epsilon(0.01));
  CHECK(has_evidence(pc, "paid/billed 95% (baseline) → 40% (last 90 days"));
  // The weekly rhythm itself did not change.
  CHECK_FALSE(has_evidence(pc, "median interval"));
}

TEST_CASE("pattern: a steady payer with jittered days and amounts is not flagged") {
  LedgerBuilder b;
  const uint32_t weekly = b.customer("稳定客户");
  const uint32_t monthly = b.customer("Steady Monthly Inc");
  for (int i = 0, d = 0; d <= kAsOfDay; ++i, d += 7)
    b.invoice(weekly, kDay0 + d, kDay0 + d + kTerms, 60000 + (i * 3701) % 80000);
  for (int i = 0, d = 0; d <= kAsOfDay; ++i, d += 30)
    b.invoice(monthly, kDay0 + d, kDay0 + d + 30, 200000 + (i * 7919) % 150000);
  const int jitter[] = {0, 1, -1, 2, 0, -2, 1};
  std::vector<int> weekly_days, monthly_days;
  for (int k = 0, d = 17; d <= kAsOfDay - 2; ++k, d += 7) weekly_days.push_back(d + jitter[k % 7]);
  for (int k = 0, d = 33; d <= kAsOfDay - 3; ++k, d += 30)
    monthly_days.push_back(d + 2 * jitter[k % 7]);
  pay_on_days(b, weekly, weekly_days, 2);
  pay_on_days(b, monthly, monthly_days, 1);
  b.allocate_fifo();

  for (uint32_t c : {weekly, monthly}) {
    CAPTURE(c);
    const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
    CHECK(pc.enough_history);
    CHECK_FALSE(pc.flagged);
    CHECK(pc.evidence.empty());
    CHECK(pc.summary.rfind("no change: median interval ", 0) == 0);
  }
  const PatternChange w = detect_pattern_change(b.ledger, weekly, kDay0 + kAsOfDay);
  CHECK(w.baseline_interval_days >= 6);  // weighted by amount: jittered gaps of 5..9 days
  CHECK(w.baseline_interval_days <= 8);
  CHECK(w.recent_interval_days >= 6);
  CHECK(w.recent_interval_days <= 8);
}

TEST_CASE("pattern: a customer with 2 payments has too little history and is never flagged") {
  LedgerBuilder b;
  const uint32_t c = b.customer("New Customer");
  b.invoice(c, kDay0 + 300, kDay0 + 330, kBill);
  b.invoice(c, kDay0 + 310, kDay0 + 340, kBill);
  b.invoice(c, kDay0 + 320, kDay0 + 350, kBill);
  b.pay(c, kDay0 + 332, kBill);
  b.pay(c, kDay0 + 400, kBill);  // 68 days later, while an invoice is past due
  b.allocate_fifo();

  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK_FALSE(pc.enough_history);
  CHECK_FALSE(pc.flagged);
  CHECK(pc.evidence.empty());
  CHECK(pc.summary.rfind("too little history", 0) == 0);
  CHECK(pc.baseline_payment_days == 0);
  CHECK(pc.recent_payment_days == 2);
}

TEST_CASE(
    "pattern: baseline history but no recent payment and nothing owed is too little history") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Gone Quiet, Owes Nothing");
  weekly_invoices(b, c, 250);
  pay_on_days(b, c, every(16, 280, 7), 2);
  b.allocate_fifo();
  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK_FALSE(pc.enough_history);
  CHECK_FALSE(pc.flagged);
  CHECK(pc.summary.rfind("too little history", 0) == 0);
}

// [SECTION] stoppers and the as-of date ----------------------------------------------------------

TEST_CASE("pattern: a customer who stops paying while billed is flagged (silence, paid/billed)") {
  LedgerBuilder b;
  const uint32_t c = b.customer("停付公司");
  weekly_invoices(b, c, kAsOfDay);
  pay_on_days(b, c, every(16, 310, 7), 2);  // last payment day 310: 110 days before the as-of date
  b.allocate_fifo();

  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.enough_history);
  CHECK(pc.flagged);
  CHECK(pc.days_since_last_payment == kAsOfDay - 310);
  CHECK(has_evidence(pc, "no payment for 110 d while invoices are past due"));
  // Baseline: invoices expected up to day 330, payments only up to day 310.
  CHECK(has_evidence(pc, "paid/billed 96% (baseline) → 0%"));
  CHECK(pc.summary.find("no payment for 110 d") != std::string::npos);
}

TEST_CASE("pattern: payments, allocations and invoices after the as-of date are ignored") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Switcher Later");
  weekly_invoices(b, c, 560);
  // Weekly up to day 440, then monthly: seen at day 420 the change has not happened yet.
  std::vector<int> days = every(16, 440, 7);
  for (int d : every(470, 560, 30)) days.push_back(d);
  pay_on_days(b, c, days, 2);
  b.allocate_fifo();
  const PatternChange later = detect_pattern_change(b.ledger, c, kDay0 + 560);
  CHECK(later.flagged);

  const PatternChange before = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(before.enough_history);
  CHECK_FALSE(before.flagged);

  // Same ledger cut at the as-of date by hand: identical result.
  LedgerBuilder cut;
  const uint32_t c2 = cut.customer("Switcher Later");
  weekly_invoices(cut, c2, kAsOfDay);
  pay_on_days(cut, c2, every(16, kAsOfDay, 7), 2);
  cut.allocate_fifo();
  const PatternChange cut_pc = detect_pattern_change(cut.ledger, c2, kDay0 + kAsOfDay);
  CHECK(cut_pc.summary == before.summary);
  CHECK(cut_pc.baseline_interval_days == before.baseline_interval_days);
  CHECK(cut_pc.recent_interval_days == before.recent_interval_days);
  CHECK(cut_pc.baseline_days_late == before.baseline_days_late);
  CHECK(cut_pc.recent_days_late == before.recent_days_late);
  CHECK(cut_pc.baseline_paid_ratio == before.baseline_paid_ratio);
  CHECK(cut_pc.recent_paid_ratio == before.recent_paid_ratio);
  CHECK(cut_pc.recent_payment_days == before.recent_payment_days);
}

TEST_CASE("pattern: a single payment dated after the as-of date changes nothing") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Steady");
  weekly_invoices(b, c, kAsOfDay);
  pay_on_days(b, c, every(16, kAsOfDay, 7), 2);
  b.allocate_fifo();
  const PatternChange a = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  b.pay(c, kDay0 + kAsOfDay + 1, 5 * kBill);
  b.allocate_fifo();
  const PatternChange p = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(p.summary == a.summary);
  CHECK(p.recent_paid_ratio == a.recent_paid_ratio);
  CHECK(p.recent_days_late == a.recent_days_late);
  CHECK(p.days_since_last_payment == a.days_since_last_payment);
}

// [SECTION] invariants and edge cases ------------------------------------------------------------

TEST_CASE("pattern: early payers count as 0 days late; lateness from 0 to 20 days is flagged") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Early Bird");
  weekly_invoices(b, c, kAsOfDay);
  for (const Invoice& inv : std::vector<Invoice>(b.ledger.invoices)) {
    const int late = inv.invoice_date < kDay0 + 280 ? -5 : 20;
    if (inv.due_date + late <= kDay0 + kAsOfDay) b.pay(c, inv.due_date + late, inv.amount_cents);
  }
  b.allocate_fifo();
  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.baseline_days_late == 0);
  CHECK(pc.recent_days_late == 20);
  CHECK(pc.flagged);
}

TEST_CASE("pattern: several payments on one day are one payment day") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Split Transfers");
  weekly_invoices(b, c, kAsOfDay);
  for (int d : every(16, kAsOfDay, 7)) {
    const int64_t due = b.take_matured(c, kDay0 + d, 2);
    if (due <= 0) continue;
    b.pay(c, kDay0 + d, due / 2);
    b.pay(c, kDay0 + d, due - due / 2);
  }
  b.allocate_fifo();
  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.baseline_interval_days == 7);
  CHECK(pc.recent_interval_days == 7);
  CHECK(pc.recent_payment_days == 13);
  CHECK_FALSE(pc.flagged);
}

TEST_CASE("pattern: the batch equals the single-customer call; allocation order does not matter") {
  LedgerBuilder b;
  const uint32_t steady = b.customer("A");
  const uint32_t switcher = b.customer("B");
  const uint32_t partial = b.customer("C");
  weekly_invoices(b, steady, kAsOfDay);
  weekly_invoices(b, switcher, kAsOfDay);
  weekly_invoices(b, partial, kAsOfDay, 50000);
  pay_on_days(b, steady, every(16, kAsOfDay, 7), 1);
  std::vector<int> days = every(16, 296, 7);
  for (int d : every(326, kAsOfDay, 30)) days.push_back(d);
  pay_on_days(b, switcher, days, 1);
  pay_on_days(b, partial, every(16, 300, 7), 0);
  pay_on_days(b, partial, every(307, kAsOfDay, 7), 0, 30);
  b.allocate_fifo();

  const std::vector<PatternChange> all = detect_pattern_changes(b.ledger, kDay0 + kAsOfDay);
  REQUIRE(all.size() == 3);
  CHECK_FALSE(all[steady].flagged);
  CHECK(all[switcher].flagged);
  CHECK(all[partial].flagged);

  Ledger reversed = b.ledger;
  std::reverse(reversed.allocations.begin(), reversed.allocations.end());
  for (uint32_t c = 0; c < 3; ++c) {
    CAPTURE(c);
    const PatternChange one = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
    const PatternChange rev = detect_pattern_change(reversed, c, kDay0 + kAsOfDay);
    CHECK(one.summary == all[c].summary);
    CHECK(one.evidence == all[c].evidence);
    CHECK(rev.summary == one.summary);
    CHECK(rev.evidence == one.evidence);
    CHECK(rev.recent_days_late == one.recent_days_late);
  }
}

TEST_CASE("pattern: small separate payments do not hide a monthly rhythm") {
  LedgerBuilder b;
  const uint32_t c = b.customer("Monthly With Disputes");
  weekly_invoices(b, c, kAsOfDay);
  std::vector<int> days = every(16, 296, 7);
  for (int d : every(326, kAsOfDay, 30)) days.push_back(d);
  pay_on_days(b, c, days, 2);
  // A few small payments (a disputed invoice each, settled on its own) between the monthly ones.
  for (int d : {333, 340, 371, 378, 400, 405}) b.pay(c, kDay0 + d, 5000);
  b.allocate_fifo();
  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.recent_payment_days == 9);
  // With the small days the 9 recent gaps would have a median of 8; without them it is 30.
  CHECK(pc.recent_interval_days == 30);
  CHECK(pc.flagged);
  CHECK(has_evidence(pc, "median interval between payments 7 d (baseline"));
}

TEST_CASE(
    "pattern: no as-of date means the ledger's last date; an empty ledger is too little history") {
  LedgerBuilder b;
  const uint32_t c = b.customer("周记贸易");
  weekly_invoices(b, c, kAsOfDay);
  std::vector<int> days = every(16, 296, 7);
  for (int d : every(326, kAsOfDay, 30)) days.push_back(d);
  pay_on_days(b, c, days, 2);
  b.allocate_fifo();
  b.ledger.last_date = kDay0 + kAsOfDay;
  const PatternChange by_default = detect_pattern_change(b.ledger, c, kMissingDays);
  const PatternChange explicit_date = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(by_default.flagged);
  CHECK(by_default.summary == explicit_date.summary);
  CHECK(detect_pattern_changes(b.ledger, kMissingDays)[c].evidence == explicit_date.evidence);

  Ledger empty;
  empty.customers.push_back(Customer{});
  const std::vector<PatternChange> none = detect_pattern_changes(empty, kMissingDays);
  REQUIRE(none.size() == 1);
  CHECK_FALSE(none[0].enough_history);
  CHECK_FALSE(none[0].flagged);
  CHECK(none[0].summary.rfind("too little history", 0) == 0);
}

TEST_CASE(
    "pattern: an invoice without a due date is due on its invoice date; undated allocations count "
    "from it") {
  LedgerBuilder b;
  const uint32_t c = b.customer("No Due Dates");
  // Weekly invoices without due dates, each paid 3 days after its invoice date, then 25 days.
  for (int d = 0; d <= kAsOfDay; d += 7) {
    const uint32_t i = b.invoice(c, kDay0 + d, kMissingDays, kBill);
    const int late = d < 280 ? 3 : 25;
    if (d + late <= kAsOfDay) {
      b.pay(c, kDay0 + d + late, kBill);
      b.ledger.allocations.push_back(
          {i, static_cast<uint32_t>(b.ledger.payments.size() - 1), kBill, kDay0 + d + late});
    }
  }
  const PatternChange pc = detect_pattern_change(b.ledger, c, kDay0 + kAsOfDay);
  CHECK(pc.baseline_days_late == 3);
  CHECK(pc.recent_days_late == 25);
  CHECK(pc.flagged);

  // An allocation without a date counts from the invoice date: settled on time (0 days late).
  LedgerBuilder u;
  const uint32_t cu = u.customer("Undated");
  for (int d = 0; d <= kAsOfDay; d += 7) {
    const uint32_t i = u.invoice(cu, kDay0 + d, kDay0 + d + kTerms, kBill);
    u.pay(cu, kDay0 + d + kTerms, kBill);
    u.ledger.allocations.push_back(
        {i, static_cast<uint32_t>(u.ledger.payments.size() - 1), kBill, kMissingDays});
  }
  const PatternChange pu = detect_pattern_change(u.ledger, cu, kDay0 + kAsOfDay);
  CHECK(pu.baseline_days_late == 0);
  CHECK(pu.recent_days_late == 0);
  CHECK_FALSE(pu.flagged);
}
