// MonitorJob (issue #7): monitor() in slices of a budget of items. Stepped with any budget — one
// item at a time, a few, thousands — the result equals monitor()'s field by field (open items,
// buckets, customers with their patterns, sales reps, metrics, the replay trend), on the generated
// ledger and on random ledgers with credit notes, undated and future payments, at several as-of
// dates, thresholds, bucket edges and replay steps. Also: replay_trend in one go still equals
// monitor() at each step date (test_monitor_replay.cpp), and the job reports progress.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "overdue/monitor/monitor.hpp"
#include "test_ledger_support.hpp"
#include "test_monitor_ledgers.hpp"

using namespace overdue;

namespace {

// A small deterministic generator (no std:: distributions: the same numbers everywhere).
struct Lcg {
  uint64_t s;
  uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(s >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint32_t>(n)); }
};

// Invoices over two years with partial, full, late, undated and future payments and credit notes.
Ledger random_ledger(uint64_t seed, int customers, int invoices) {
  Lcg r{seed};
  test::LedgerBuilder b;
  for (int c = 0; c < customers; ++c) b.customer("C" + std::to_string(c), "R" + std::to_string(c % 5));
  const int32_t start = test::day("2023-01-01");
  for (int i = 0; i < invoices; ++i) {
    const uint32_t c = static_cast<uint32_t>(r.below(customers));
    const int32_t issued = start + r.below(730);
    const bool credit = r.below(25) == 0;
    const int64_t cents = (credit ? -1 : 1) * (100 + r.below(900000));
    const uint32_t inv =
        b.invoice(c, "I" + std::to_string(i), issued, issued + 15 * (1 + r.below(4)), cents);
    if (credit) continue;
    const int kind = r.below(10);
    if (kind < 4) {
      b.pay(inv, issued + r.below(150), cents);
    } else if (kind < 6) {
      const int64_t part = cents / (2 + r.below(3));
      b.pay(inv, issued + r.below(60), part);
      b.pay(inv, issued + 30 + r.below(200), cents - part);
    } else if (kind == 6) {
      b.pay(inv, kMissingDays, cents / 2);
    }
  }
  return b.ledger();
}

void check_pattern(const std::optional<PatternChange>& a, const std::optional<PatternChange>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  CHECK(a->flagged == b->flagged);
  CHECK(a->enough_history == b->enough_history);
  CHECK(a->summary == b->summary);
  CHECK(a->evidence == b->evidence);
  CHECK(a->baseline_interval_days == b->baseline_interval_days);
  CHECK(a->recent_interval_days == b->recent_interval_days);
  CHECK(a->baseline_days_late == b->baseline_days_late);
  CHECK(a->recent_days_late == b->recent_days_late);
  CHECK(a->baseline_paid_ratio == b->baseline_paid_ratio);
  CHECK(a->recent_paid_ratio == b->recent_paid_ratio);
  CHECK(a->recent_from == b->recent_from);
  CHECK(a->days_since_last_payment == b->days_since_last_payment);
}

// Field by field, doubles exactly: the same arithmetic in the same order gives the same bits.
void check_same(const MonitorResult& a, const MonitorResult& b) {
  CHECK(a.as_of == b.as_of);
  CHECK(a.open_cents == b.open_cents);
  CHECK(a.past_due_cents == b.past_due_cents);
  CHECK(a.overdue_cents == b.overdue_cents);
  CHECK(a.invoices_open == b.invoices_open);
  REQUIRE(a.aging.size() == b.aging.size());
  for (size_t i = 0; i < a.aging.size(); ++i) {
    CHECK(a.aging[i].label == b.aging[i].label);
    CHECK(a.aging[i].open_cents == b.aging[i].open_cents);
    CHECK(a.aging[i].invoices == b.aging[i].invoices);
  }
  REQUIRE(a.open_items.size() == b.open_items.size());
  for (size_t i = 0; i < a.open_items.size(); ++i) {
    CHECK(a.open_items[i].invoice == b.open_items[i].invoice);
    CHECK(a.open_items[i].open_cents == b.open_items[i].open_cents);
    CHECK(a.open_items[i].days_past_due == b.open_items[i].days_past_due);
  }
  REQUIRE(a.customers.size() == b.customers.size());
  for (size_t i = 0; i < a.customers.size(); ++i) {
    const CustomerStatus &x = a.customers[i], &y = b.customers[i];
    CAPTURE(i);
    CHECK(x.customer == y.customer);
    CHECK(x.open_cents == y.open_cents);
    CHECK(x.past_due_cents == y.past_due_cents);
    CHECK(x.overdue_cents == y.overdue_cents);
    CHECK(x.max_dpd == y.max_dpd);
    CHECK(x.weighted_dpd == y.weighted_dpd);
    CHECK(x.oldest_open_invoice == y.oldest_open_invoice);
    CHECK(x.last_payment_date == y.last_payment_date);
    CHECK(x.last_payment_cents == y.last_payment_cents);
    CHECK(x.revenue_share == y.revenue_share);
    CHECK(x.overdue == y.overdue);
    CHECK(x.newly_overdue == y.newly_overdue);
    check_pattern(x.pattern, y.pattern);
  }
  REQUIRE(a.sales_reps.size() == b.sales_reps.size());
  for (size_t i = 0; i < a.sales_reps.size(); ++i) {
    CHECK(a.sales_reps[i].sales_rep == b.sales_reps[i].sales_rep);
    CHECK(a.sales_reps[i].open_cents == b.sales_reps[i].open_cents);
    CHECK(a.sales_reps[i].overdue_cents == b.sales_reps[i].overdue_cents);
    CHECK(a.sales_reps[i].overdue_customers == b.sales_reps[i].overdue_customers);
  }
  CHECK(a.metrics.dso == b.metrics.dso);
  CHECK(a.metrics.bpdso == b.metrics.bpdso);
  CHECK(a.metrics.add == b.metrics.add);
  CHECK(a.metrics.cei == b.metrics.cei);
  CHECK(a.metrics.overdue_ratio == b.metrics.overdue_ratio);
  CHECK(a.metrics.top_n_share == b.metrics.top_n_share);
  REQUIRE(a.trend.size() == b.trend.size());
  for (size_t i = 0; i < a.trend.size(); ++i) {
    CHECK(a.trend[i].date == b.trend[i].date);
    CHECK(a.trend[i].open_cents == b.trend[i].open_cents);
    CHECK(a.trend[i].overdue_cents == b.trend[i].overdue_cents);
    CHECK(a.trend[i].overdue_customers == b.trend[i].overdue_customers);
  }
}

// Runs the job with a fixed budget per step; returns its result and counts the steps.
MonitorResult stepped(const Ledger& l, const MonitorOptions& o, uint64_t budget, int& steps) {
  MonitorJob job(l, o);
  steps = 0;
  double last = -1;
  for (Budget b{budget}; job.step(b) == Step::more; b = Budget{budget}) {
    ++steps;
    const double p = job.progress();
    CHECK(p >= last);  // never goes back
    CHECK(p <= 1.0);
    last = p;
  }
  ++steps;
  CHECK(job.progress() == 1.0);
  return job.take();
}

}  // namespace

TEST_CASE("monitor job: stepped with any budget, the same result as monitor() (random ledgers)") {
  for (uint64_t seed : {1ull, 7ull, 42ull}) {
    CAPTURE(seed);
    const Ledger l = random_ledger(seed, 40, 600);
    for (const ReplayStep step : {ReplayStep::day, ReplayStep::week, ReplayStep::month}) {
      MonitorOptions o;
      o.step = step;
      o.threshold_days = seed == 7 ? 0 : 30;
      if (seed == 42) o.bucket_edges = {15, 45};
      // The data's latest date, a date in the middle, one before any invoice.
      for (const int32_t as_of : {kMissingDays, test::day("2023-11-20"), test::day("2022-06-01")}) {
        o.as_of = as_of;
        CAPTURE(as_of);
        const MonitorResult whole = monitor(l, o);
        if (as_of == kMissingDays) {
          REQUIRE(whole.open_cents != 0);  // the comparison has something to compare
          REQUIRE(!whole.trend.empty());
        }
        for (uint64_t budget : {uint64_t{1}, uint64_t{3}, uint64_t{97}, uint64_t{5000}}) {
          CAPTURE(budget);
          int steps = 0;
          check_same(stepped(l, o, budget, steps), whole);
          if (budget <= 3) CHECK(steps > 600);  // really cut: every invoice is a step or less
        }
      }
    }
  }
}

TEST_CASE("monitor job: the generated ledger (1,000 invoices, CJK names), stepped, as monitor()") {
  const ImportedFile f = ledger_test::fixture("tests/data/ledger/generated_1000.csv", "ledger");
  const Ledger l = build_ledger({f});
  REQUIRE(l.invoices.size() == 1000);
  MonitorOptions o;
  const MonitorResult whole = monitor(l, o);
  CHECK(whole.invoices_open > 0);
  CHECK(whole.trend.size() > 10);
  uint32_t flagged = 0;
  for (const CustomerStatus& c : whole.customers) flagged += c.pattern && c.pattern->enough_history;
  CHECK(flagged > 0);
  for (uint64_t budget : {uint64_t{1}, uint64_t{2}, uint64_t{250}, uint64_t{1001}}) {
    CAPTURE(budget);
    int steps = 0;
    check_same(stepped(l, o, budget, steps), whole);
  }
  o.step = ReplayStep::day;
  o.as_of = whole.as_of - 200;
  int steps = 0;
  check_same(stepped(l, o, 13, steps), monitor(l, o));
}

TEST_CASE("monitor job: a ledger without a date, an empty one, a budget of zero") {
  Ledger empty;
  int steps = 0;
  const MonitorResult a = stepped(empty, MonitorOptions{}, 1, steps);
  CHECK(steps == 1);
  CHECK(a.as_of == kMissingDays);
  CHECK(a.open_items.empty());

  const Ledger l = random_ledger(3, 5, 30);
  // A budget of zero still moves on (at least one item per call): the loop ends.
  MonitorJob job(l, MonitorOptions{});
  int calls = 0;
  for (Budget b{0}; job.step(b) == Step::more; b = Budget{0}) ++calls;
  CHECK(calls > 30);
  check_same(job.take(), monitor(l, MonitorOptions{}));
}

TEST_CASE("monitor job: progress grows through the work, a moved job goes on") {
  const Ledger l = random_ledger(11, 20, 400);
  MonitorJob job(l, MonitorOptions{});
  CHECK(job.progress() == 0.0);
  bool middle = false;
  int calls = 0;
  for (Budget b{50}; job.step(b) == Step::more; b = Budget{50}) {
    ++calls;
    if (calls == 20) {
      MonitorJob moved = std::move(job);  // the state lives on the heap: nothing dangles
      job = std::move(moved);
    }
    const double p = job.progress();
    if (p > 0.3 && p < 0.7) middle = true;
  }
  CHECK(middle);
  check_same(job.take(), monitor(l, MonitorOptions{}));
}

// By hand, on a big file: monitor() in one go against the job in slices of OL_BENCH_ITEMS items.
//   OL_BENCH_CSV=build/bench/ledger_1000000_seed42.csv build/h8/overdue_tests -tc='bench: monitor job*' --no-skip
TEST_CASE("bench: monitor job slices" * doctest::skip()) {
  const char* path = std::getenv("OL_BENCH_CSV");
  if (path == nullptr) return;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const uint64_t budget = std::getenv("OL_BENCH_ITEMS") ? std::stoull(std::getenv("OL_BENCH_ITEMS")) : 200000;
  const Ledger l = build_ledger({import_bytes("bench.csv", bytes)});
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  auto t = now();
  const MonitorResult whole = monitor(l, MonitorOptions{});
  std::printf("monitor(): %.1f ms (%zu invoices, %zu allocations, %zu customers)\n", ms(t, now()),
              l.invoices.size(), l.allocations.size(), l.customers.size());
  t = now();
  const std::vector<PatternChange> patterns = detect_pattern_changes(l, whole.as_of);
  std::printf("detect_pattern_changes (one stage of the job, not sliced): %.1f ms\n", ms(t, now()));
  MonitorJob job(l, MonitorOptions{});
  double longest = 0, total = 0, at = 0;
  int steps = 0;
  for (bool done = false; !done; ++steps) {
    const double before = job.progress();
    t = now();
    Budget b{budget};
    done = job.step(b) == Step::done;
    const double d = ms(t, now());
    if (d > longest) longest = d, at = before;
    total += d;
  }
  std::printf("job: %d steps of %llu items, longest %.1f ms (at %.0f %%), total %.1f ms\n", steps,
              static_cast<unsigned long long>(budget), longest, at * 100, total);
  CHECK(job.take().open_cents == whole.open_cents);
}
