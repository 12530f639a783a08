// The expected payment date of each open invoice and the cash-in forecast (issue #20 §1,
// overdue/forecast/forecast.hpp): each basis on hand-built customers (history, promise, segment,
// book, disputed), the condition that an invoice still unpaid at the as-of date is never expected
// on or before it, the weekly cash and its ranges, the replay dates, the job cut into slices, and
// the backtest against the two simple methods on a customer who slowed down.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "forecast/internal.hpp"
#include "overdue/forecast/forecast.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/text/civil_date.hpp"

using namespace overdue;

namespace {

constexpr int32_t kDay0 = days_from_civil(2025, 1, 1);

// A ledger by hand: each paid invoice gets a payment of its amount and one allocation on its paid date.
struct Book {
  Ledger ledger;
  uint32_t customer(const std::string& name, const std::string& segment = "") {
    Customer c;
    c.id = c.name = name;
    c.segment = segment;
    ledger.customers.push_back(c);
    return static_cast<uint32_t>(ledger.customers.size() - 1);
  }
  // paid: kMissingDays for an invoice still open.
  uint32_t invoice(uint32_t c, int32_t issued, int32_t due, int32_t paid, int64_t cents = 100000) {
    Invoice inv;
    inv.customer = c;
    inv.id = ledger.text.add("INV" + std::to_string(ledger.invoices.size() + 1));
    inv.invoice_date = issued;
    inv.due_date = due;
    inv.amount_cents = cents;
    ledger.invoices.push_back(inv);
    const uint32_t i = static_cast<uint32_t>(ledger.invoices.size() - 1);
    if (paid != kMissingDays) {
      Payment p;
      p.customer = c;
      p.date = paid;
      p.amount_cents = cents;
      ledger.payments.push_back(p);
      Allocation a;
      a.invoice = i;
      a.payment = static_cast<uint32_t>(ledger.payments.size() - 1);
      a.date = paid;
      a.cents = cents;
      ledger.allocations.push_back(a);
    }
    update_dates(issued);
    if (paid != kMissingDays) update_dates(paid);
    return i;
  }
  // `n` monthly invoices from `from`, each due 30 days after issue and paid `delay` days after due.
  void history(uint32_t c, int32_t from, int n, int delay) {
    for (int k = 0; k < n; ++k) invoice(c, from + 30 * k, from + 30 * k + 30, from + 30 * k + 30 + delay);
  }
  void update_dates(int32_t d) {
    if (ledger.first_date == kMissingDays || d < ledger.first_date) ledger.first_date = d;
    if (ledger.last_date == kMissingDays || d > ledger.last_date) ledger.last_date = d;
  }
  void sort_allocations() {
    std::stable_sort(ledger.allocations.begin(), ledger.allocations.end(),
                     [](const Allocation& a, const Allocation& b) { return a.date < b.date; });
  }
  // `disputed`: when each invoice was marked disputed (Invoice::disputed_from), or empty.
  CashForecast forecast(int32_t as_of, const ContactLog* contacts = nullptr, const std::vector<int32_t>* disputed = nullptr) {
    sort_allocations();
    for (size_t i = 0; i < ledger.invoices.size(); ++i)
      ledger.invoices[i].disputed_from = disputed ? (*disputed)[i] : kMissingDays;
    MonitorOptions o;
    o.as_of = as_of;
    const MonitorResult m = monitor(ledger, o);
    return forecast_cash(ledger, m, contacts);
  }
};

const InvoiceForecast* find(const CashForecast& f, uint32_t invoice) {
  for (const InvoiceForecast& x : f.invoices)
    if (x.invoice == invoice) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("forecast: history — a customer that always pays 10 days late is expected 10 days after the due date") {
  Book b;
  const uint32_t c = b.customer("steady");
  b.history(c, kDay0, 8, 10);
  const int32_t as_of = kDay0 + 300;
  const uint32_t open = b.invoice(c, as_of - 5, as_of + 25, kMissingDays);
  const CashForecast f = b.forecast(as_of);
  const InvoiceForecast* x = find(f, open);
  REQUIRE(x != nullptr);
  CHECK(x->basis == ForecastBasis::history);
  CHECK(x->expected == as_of + 35);
  CHECK(x->low == as_of + 35);
  CHECK(x->high == as_of + 35);
  CHECK(x->open_cents == 100000);
  CHECK(std::string(forecast_basis_name(x->basis)) == "history");
}

TEST_CASE("forecast: history is conditioned on the invoice being unpaid at the as-of date") {
  Book b;
  const uint32_t c = b.customer("mixed");
  // Delays 0, 0, 0, 0, 40, 45: mostly on time, sometimes very late.
  for (int delay : {0, 0, 0, 0, 40, 45}) b.history(c, kDay0 + 7 * static_cast<int>(b.ledger.invoices.size()), 1, delay);
  const int32_t as_of = kDay0 + 400;
  const uint32_t not_due = b.invoice(c, as_of - 10, as_of + 20, kMissingDays);
  const uint32_t late = b.invoice(c, as_of - 50, as_of - 20, kMissingDays);  // 20 days past due
  const CashForecast f = b.forecast(as_of);
  const InvoiceForecast* a = find(f, not_due);
  const InvoiceForecast* l = find(f, late);
  REQUIRE(a != nullptr);
  REQUIRE(l != nullptr);
  // Not yet due: the whole history, whose median is on time.
  CHECK(a->expected == as_of + 20);
  // 20 days past due: only the delays longer than 20 count (40, 45), never on or before the as-of date.
  CHECK(l->basis == ForecastBasis::history);
  CHECK(l->expected >= as_of - 20 + 40);
  CHECK(l->expected <= as_of - 20 + 45);
  CHECK(l->low > as_of);
}

TEST_CASE("forecast: an invoice later than anything the book has seen is still expected after the as-of date") {
  Book b;
  const uint32_t c = b.customer("c");
  b.history(c, kDay0, 5, 5);
  const int32_t as_of = kDay0 + 400;
  const uint32_t stuck = b.invoice(c, as_of - 200, as_of - 170, kMissingDays);
  const CashForecast f = b.forecast(as_of);
  const InvoiceForecast* x = find(f, stuck);
  REQUIRE(x != nullptr);
  CHECK(x->basis == ForecastBasis::book);
  CHECK(x->expected == as_of + forecast_detail::kOutlivedDays);
  CHECK(x->low == as_of + 1);
  CHECK(x->high == as_of + forecast_detail::kOutlivedHighDays);
}

TEST_CASE("forecast: promise — a pending promise dates the past-due invoices it covers") {
  Book b;
  const uint32_t c = b.customer("promiser");
  b.history(c, kDay0, 6, 3);
  const int32_t as_of = kDay0 + 300;
  const uint32_t old1 = b.invoice(c, as_of - 70, as_of - 40, kMissingDays, 50000);
  const uint32_t old2 = b.invoice(c, as_of - 60, as_of - 30, kMissingDays, 50000);
  const uint32_t fresh = b.invoice(c, as_of - 2, as_of + 28, kMissingDays, 50000);
  ContactLog log;
  log.present = true;
  Contact k;
  k.customer = c;
  k.date = as_of - 3;
  k.outcome = ContactOutcome::promise;
  k.promised_date = as_of + 9;
  k.promised_cents = 50000;  // covers the oldest invoice only
  log.contacts.push_back(k);
  const CashForecast f = b.forecast(as_of, &log);
  REQUIRE(find(f, old1) != nullptr);
  CHECK(find(f, old1)->basis == ForecastBasis::promise);
  CHECK(find(f, old1)->expected == as_of + 9);
  CHECK(find(f, old1)->high == as_of + 9 + forecast_detail::kPromiseSlackDays);
  CHECK(find(f, old2)->basis != ForecastBasis::promise);
  CHECK(find(f, fresh)->basis == ForecastBasis::history);
  // A promise whose date has passed is not pending.
  log.contacts[0].promised_date = as_of - 1;
  const CashForecast g = b.forecast(as_of, &log);
  CHECK(find(g, old1)->basis != ForecastBasis::promise);
  // Nor one made after the as-of date (not yet known).
  log.contacts[0].promised_date = as_of + 9;
  log.contacts[0].date = as_of + 1;
  const CashForecast h = b.forecast(as_of, &log);
  CHECK(find(h, old1)->basis != ForecastBasis::promise);
}

TEST_CASE("forecast: segment, then book, for a customer with little history") {
  Book b;
  // Twelve retail customers that pay 20 days late, a wholesale one that pays on time.
  for (int k = 0; k < 12; ++k) b.history(b.customer("r" + std::to_string(k), "retail"), kDay0 + k, 2, 20);
  b.history(b.customer("w", "wholesale"), kDay0, 30, 0);
  const uint32_t newcomer = b.customer("new retail", "retail");
  const uint32_t stranger = b.customer("no segment");
  const int32_t as_of = kDay0 + 1000;
  const uint32_t a = b.invoice(newcomer, as_of - 5, as_of + 25, kMissingDays);
  const uint32_t s = b.invoice(stranger, as_of - 5, as_of + 25, kMissingDays);
  const CashForecast f = b.forecast(as_of);
  REQUIRE(find(f, a) != nullptr);
  CHECK(find(f, a)->basis == ForecastBasis::segment);
  CHECK(find(f, a)->expected == as_of + 45);
  CHECK(find(f, s)->basis == ForecastBasis::book);
  // The book: 24 delays of 20 and 30 of 0 → median 0.
  CHECK(find(f, s)->expected == as_of + 25);
}

TEST_CASE("forecast: disputed — after the time settled disputes took, else the book's slowest quartile") {
  Book b;
  const uint32_t c = b.customer("c");
  b.history(c, kDay0, 10, 0);
  const uint32_t settled_dispute = b.invoice(c, kDay0 + 10, kDay0 + 40, kDay0 + 40 + 60);
  const int32_t as_of = kDay0 + 500;
  const uint32_t open = b.invoice(c, as_of - 20, as_of + 10, kMissingDays);
  std::vector<int32_t> flags(b.ledger.invoices.size(), kMissingDays);
  flags[settled_dispute] = kDay0 + 50;
  flags[open] = as_of - 3;
  const CashForecast f = b.forecast(as_of, nullptr, &flags);
  REQUIRE(find(f, open) != nullptr);
  CHECK(find(f, open)->basis == ForecastBasis::disputed);
  CHECK(find(f, open)->expected == as_of + 10 + 60);
  // The settled dispute did not enter the customer's history: an undisputed twin is on time.
  flags[open] = kMissingDays;
  CHECK(find(b.forecast(as_of, nullptr, &flags), open)->expected == as_of + 10);
  // Nor is an invoice disputed only after the as-of date (not yet known).
  flags[open] = as_of + 1;
  CHECK(find(b.forecast(as_of, nullptr, &flags), open)->basis == ForecastBasis::history);
  // No settled dispute: the book's slowest quartile (its delays: ten of 0, one of 60 → 0),
  // with the range reaching to its 95th percentile.
  std::vector<int32_t> only_open(b.ledger.invoices.size(), kMissingDays);
  only_open[open] = as_of - 3;
  const CashForecast g = b.forecast(as_of, nullptr, &only_open);
  CHECK(find(g, open)->basis == ForecastBasis::disputed);
  CHECK(find(g, open)->expected == as_of + 10);
  CHECK(find(g, open)->high == as_of + 10 + 60);
}

TEST_CASE("forecast: weeks, 7 and 30 days — low ≤ expected ≤ high, and week 1 starts the day after the as-of date") {
  Book b;
  const uint32_t c = b.customer("c");
  for (int delay : {0, 5, 10, 15, 20}) b.history(c, kDay0 + delay, 1, delay);
  const int32_t as_of = kDay0 + 300;
  for (int k = 0; k < 20; ++k) b.invoice(c, as_of - 80 + 4 * k, as_of + 4 * k, kMissingDays, 1000 * (k + 1));
  const CashForecast f = b.forecast(as_of);
  REQUIRE(f.weeks.size() == kForecastWeeks);
  CHECK(f.weeks[0].from == as_of + 1);
  CHECK(f.weeks[0].to == as_of + 7);
  CHECK(f.weeks[12].to == as_of + 91);
  int64_t weekly = 0;
  for (const ForecastWeek& w : f.weeks) {
    CHECK(w.cash.low_cents <= w.cash.expected_cents);
    CHECK(w.cash.expected_cents <= w.cash.high_cents);
    weekly += w.cash.expected_cents;
  }
  CHECK(f.next_7_days.expected_cents == f.weeks[0].cash.expected_cents);
  CHECK(f.next_30_days.low_cents <= f.next_30_days.expected_cents);
  CHECK(f.next_30_days.expected_cents <= f.next_30_days.high_cents);
  int64_t open = 0;
  for (const InvoiceForecast& x : f.invoices) {
    open += x.open_cents;
    CHECK(x.low > as_of);
    CHECK(x.low <= x.expected);
    CHECK(x.expected <= x.high);
  }
  CHECK(weekly <= open);
  CHECK(f.invoices.size() == 20);
  for (size_t k = 1; k < f.invoices.size(); ++k) CHECK(f.invoices[k - 1].expected <= f.invoices[k].expected);
}

TEST_CASE("forecast: replay dates are the month ends from the first date + 180 to the last − 30") {
  const int32_t first = days_from_civil(2024, 1, 15);
  const std::vector<int32_t> d = forecast_replay_dates(first, days_from_civil(2024, 12, 31));
  // first + 180 = 2024-07-13; last − 30 = 2024-12-01.
  REQUIRE(d.size() == 5);
  CHECK(d.front() == days_from_civil(2024, 7, 31));
  CHECK(d.back() == days_from_civil(2024, 11, 30));
  CHECK(forecast_replay_dates(first, first + 200).empty());
  CHECK(forecast_replay_dates(kMissingDays, first).empty());
  // A mistyped year: the latest 60 month ends only.
  const std::vector<int32_t> far = forecast_replay_dates(first, days_from_civil(8186, 3, 1));
  REQUIRE(far.size() == kMaxReplayDates);
  CHECK(far.back() == days_from_civil(8185, 12, 31));  // 8186-03-01 − 30 = 8186-01-30
  CHECK(far.front() == days_from_civil(8181, 1, 31));
}

TEST_CASE("forecast: the backtest beats the due date and the average delay on a customer who slowed down") {
  Book b;
  const uint32_t c = b.customer("slower");
  // Two years monthly: 2 days late for the first year, then 35 days late.
  for (int k = 0; k < 24; ++k) {
    const int32_t issued = kDay0 + 30 * k;
    b.invoice(c, issued, issued + 30, issued + 30 + (k < 12 ? 2 : 35));
  }
  const CashForecast f = b.forecast(kDay0 + 30 * 24 + 60);
  const ForecastBacktest& t = f.backtest;
  CHECK(t.dates > 5);
  CHECK(t.invoices > 0);
  CHECK(t.never_paid == 0);
  MESSAGE("MAE days: method " << t.mae_days.method << ", due date " << t.mae_days.due_date
                              << ", due + average delay " << t.mae_days.due_plus_average_delay);
  CHECK(t.mae_days.method < t.mae_days.due_date);
  CHECK(t.mae_days.method < t.mae_days.due_plus_average_delay);
}

// The replay dates list only the invoices open then and paid later and count the never-paid ones;
// a promise pending at a replay date still covers the oldest past-due invoices first, never-paid
// ones included, so it must not reach an invoice behind one (forecast.cpp, customer_at_replay).
TEST_CASE("forecast: at a replay date a never-paid invoice is counted and takes its share of a promise") {
  Book b;
  const uint32_t c = b.customer("promiser");
  b.history(c, kDay0, 4, 3);  // settled by day 123: none open at the replay dates (days 180 … 364)
  b.invoice(c, kDay0 + 200, kDay0 + 230, kMissingDays);            // never paid: open at 6 replay dates
  b.invoice(c, kDay0 + 240, kDay0 + 250, kDay0 + 340);             // open at days 242, 272, 303, 333
  b.invoice(c, kDay0 + 390, kDay0 + 420, kMissingDays);            // issued after the last replay date
  ContactLog log;
  log.present = true;
  Contact k;
  k.customer = c;
  k.date = kDay0 + 300;
  k.outcome = ContactOutcome::promise;
  k.promised_date = kDay0 + 320;  // pending at the replay date of day 303 only
  k.promised_cents = 100000;      // one invoice's amount: the never-paid one, the oldest
  log.contacts.push_back(k);
  const CashForecast f = b.forecast(kDay0 + 400, &log);
  CHECK(f.backtest.never_paid == 6);
  CHECK(f.backtest.invoices == 4);
  CHECK(f.backtest.dates == 4);
  // The paid invoice's expected dates: day 253 (history, 3 days late), then past anything seen
  // (t + 30): 302, 333 (the promise went to the never-paid invoice), 363; paid on day 340:
  // (87 + 38 + 7 + 23) / 4.
  CHECK(f.backtest.mae_days.method == doctest::Approx(38.75));
  // A promise of both invoices' amount covers the paid one too at day 303: expected on day 320.
  log.contacts[0].promised_cents = 200000;
  const CashForecast g = b.forecast(kDay0 + 400, &log);
  CHECK(g.backtest.never_paid == 6);
  CHECK(g.backtest.mae_days.method == doctest::Approx(42.0));  // (87 + 38 + 20 + 23) / 4
}

TEST_CASE("forecast: the job cut into slices of 1, 3, 7 and 64 units gives the result of one step") {
  Book b;
  for (int k = 0; k < 6; ++k) {
    const uint32_t c = b.customer("c" + std::to_string(k), k % 2 ? "a" : "");
    for (int j = 0; j < 20; ++j) {
      const int32_t issued = kDay0 + 17 * j + k;
      b.invoice(c, issued, issued + 30, j > 16 ? kMissingDays : issued + 30 + (j * k) % 23);
    }
  }
  const int32_t as_of = kDay0 + 17 * 20 + 10;
  b.sort_allocations();
  MonitorOptions o;
  o.as_of = as_of;
  const MonitorResult m = monitor(b.ledger, o);
  const CashForecast whole = forecast_cash(b.ledger, m);
  REQUIRE(!whole.invoices.empty());
  for (uint64_t units : {1u, 3u, 7u, 64u}) {
    ForecastJob job(b.ledger, m, nullptr);
    double last = 0;
    for (;;) {
      Budget budget{units};
      const Step s = job.step(budget);
      CHECK(job.progress() >= last);
      last = job.progress();
      if (s == Step::done) break;
    }
    const CashForecast sliced = job.take();
    REQUIRE(sliced.invoices.size() == whole.invoices.size());
    for (size_t k = 0; k < whole.invoices.size(); ++k) {
      CHECK(sliced.invoices[k].invoice == whole.invoices[k].invoice);
      CHECK(sliced.invoices[k].expected == whole.invoices[k].expected);
      CHECK(sliced.invoices[k].basis == whole.invoices[k].basis);
    }
    CHECK(sliced.backtest.invoices == whole.backtest.invoices);
    CHECK(sliced.backtest.mae_days.method == whole.backtest.mae_days.method);
    CHECK(sliced.next_30_days.expected_cents == whole.next_30_days.expected_cents);
  }
}

TEST_CASE("forecast: an empty ledger gives no invoices and 13 empty weeks or none") {
  Ledger empty;
  MonitorResult m;
  const CashForecast f = forecast_cash(empty, m);
  CHECK(f.invoices.empty());
  CHECK(f.backtest.dates == 0);
}
