// monitor() at an as-of date (issue #3): open items, DPD, aging buckets, per-customer status,
// sales reps, metrics. Every expected figure is computed by hand from the worked example in
// test_monitor_ledgers.hpp (as of 2024-03-31, threshold 30).
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

#include "overdue/monitor/monitor.hpp"
#include "test_monitor_ledgers.hpp"

using namespace overdue;
using overdue::test::day;

namespace {

MonitorOptions at(const char* iso) {
  MonitorOptions o;
  o.as_of = day(iso);
  return o;
}

const OpenItem* item_of(const MonitorResult& r, uint32_t invoice) {
  for (const OpenItem& i : r.open_items)
    if (i.invoice == invoice) return &i;
  return nullptr;
}

int64_t bucket_sum(const MonitorResult& r) {
  int64_t s = 0;
  for (const AgingBucket& b : r.aging) s += b.open_cents;
  return s;
}

}  // namespace

TEST_CASE("aging bucket labels: default edges and custom edges, inclusive upper bounds") {
  const auto d = make_aging_buckets({30, 60, 90, 180});
  REQUIRE(d.size() == 6);
  CHECK(d[0].label == "not_due");
  CHECK(d[1].label == "1-30");
  CHECK(d[2].label == "31-60");
  CHECK(d[3].label == "61-90");
  CHECK(d[4].label == "91-180");
  CHECK(d[5].label == ">180");
  CHECK(d[1].min_dpd == 1);
  CHECK(d[1].max_dpd == 30);
  CHECK(d[2].min_dpd == 31);
  CHECK(d[5].min_dpd == 181);
  CHECK(d[5].max_dpd == std::numeric_limits<int32_t>::max());

  const auto c = make_aging_buckets({15, 45});
  REQUIRE(c.size() == 4);
  CHECK(c[1].label == "1-15");
  CHECK(c[2].label == "16-45");
  CHECK(c[3].label == ">45");
  // Unsorted, repeated and non-positive edges are cleaned rather than making overlapping buckets.
  const auto u = make_aging_buckets({60, 0, 30, 30});
  REQUIRE(u.size() == 4);
  CHECK(u[1].label == "1-30");
  CHECK(u[2].label == "31-60");
  CHECK(make_aging_buckets({}).back().label == ">0");
}

TEST_CASE("bucket edges: DPD 0 is not due, 30 in 1-30, 31 in 31-60, 180 in 91-180, 181 in >180") {
  test::LedgerBuilder b;
  const uint32_t c = b.customer("X", "");
  const int32_t as_of = day("2024-06-30");
  const int dpds[] = {0, 1, 30, 31, 60, 61, 90, 91, 180, 181};
  for (int k = 0; k < 10; ++k) {
    const int32_t due = as_of - dpds[k];
    b.invoice(c, "I" + std::to_string(k), due - 30, due, 100 * (k + 1));
  }
  MonitorOptions o;
  o.as_of = as_of;
  const MonitorResult r = monitor(b.ledger(), o);
  REQUIRE(r.aging.size() == 6);
  // cents: k+1 hundreds; not_due {0}, 1-30 {1,2}, 31-60 {3,4}, 61-90 {5,6}, 91-180 {7,8}, >180 {9}
  CHECK(r.aging[0].open_cents == 100);
  CHECK(r.aging[1].open_cents == 200 + 300);
  CHECK(r.aging[2].open_cents == 400 + 500);
  CHECK(r.aging[3].open_cents == 600 + 700);
  CHECK(r.aging[4].open_cents == 800 + 900);
  CHECK(r.aging[5].open_cents == 1000);
  CHECK(r.aging[5].invoices == 1);
  CHECK(bucket_sum(r) == r.open_cents);
  // Threshold 30: DPD 30 is past due but not overdue; DPD 31 is overdue.
  CHECK(r.past_due_cents == 5500 - 100);
  CHECK(r.overdue_cents == 5500 - 100 - 200 - 300);
}

TEST_CASE("worked example: open items and their DPD") {
  const Ledger l = test::worked_example();
  const MonitorResult r = monitor(l, at("2024-03-31"));
  CHECK(r.as_of == day("2024-03-31"));
  CHECK(r.invoices_open == 7);
  CHECK(r.open_items.size() == 7);
  REQUIRE(item_of(r, 0) != nullptr);
  CHECK(item_of(r, 0)->open_cents == 70000);  // partial payment before the as-of date
  CHECK(item_of(r, 0)->days_past_due == 60);
  CHECK(item_of(r, 1)->days_past_due == 0);   // due on the as-of date: not due
  CHECK(item_of(r, 2) == nullptr);            // paid on the as-of date = paid
  REQUIRE(item_of(r, 3) != nullptr);          // paid the day after: still open
  CHECK(item_of(r, 3)->open_cents == 40000);
  CHECK(item_of(r, 4) == nullptr);            // issued after the as-of date
  CHECK(item_of(r, 5)->open_cents == 20000);  // undated payment counts as paid
  CHECK(item_of(r, 5)->days_past_due == 182);
  CHECK(item_of(r, 6)->open_cents == -10000); // open credit note
  CHECK(item_of(r, 6)->days_past_due == 11);
}

TEST_CASE("worked example: totals and buckets add up exactly to total open") {
  const MonitorResult r = monitor(test::worked_example(), at("2024-03-31"));
  // 700 + 500 + 400 + 200 − 100 + 100 + 50
  CHECK(r.open_cents == 185000);
  // past due (DPD ≥ 1): 700 + 400 + 200 − 100 + 100 + 50
  CHECK(r.past_due_cents == 135000);
  // overdue (DPD > 30): 700 (60) + 200 (182) + 100 (41) + 50 (35)
  CHECK(r.overdue_cents == 105000);
  REQUIRE(r.aging.size() == 6);
  CHECK(r.aging[0].open_cents == 50000);   // not_due: inv1
  CHECK(r.aging[0].invoices == 1);
  CHECK(r.aging[1].open_cents == 30000);   // 1-30: inv3 400 − credit note 100
  CHECK(r.aging[1].invoices == 2);
  CHECK(r.aging[2].open_cents == 85000);   // 31-60: 700 + 100 + 50
  CHECK(r.aging[2].invoices == 3);
  CHECK(r.aging[3].open_cents == 0);
  CHECK(r.aging[4].open_cents == 0);
  CHECK(r.aging[5].open_cents == 20000);   // >180: inv5
  CHECK(bucket_sum(r) == r.open_cents);
}

TEST_CASE("worked example: customer status") {
  const Ledger l = test::worked_example();
  const MonitorResult r = monitor(l, at("2024-03-31"));
  REQUIRE(r.customers.size() == 3);
  const CustomerStatus& a = r.customers[0];
  CHECK(a.open_cents == 130000);
  CHECK(a.past_due_cents == 80000);
  CHECK(a.overdue_cents == 80000);
  CHECK(a.max_dpd == 60);
  CHECK(a.weighted_dpd == doctest::Approx((70000.0 * 60 + 10000.0 * 41) / 80000.0));  // 57.625
  CHECK(a.weighted_dpd == doctest::Approx(57.625));
  CHECK(a.oldest_open_invoice == 0);  // due 01-31 before inv7's 02-19
  CHECK(a.last_payment_date == day("2024-03-10"));
  CHECK(a.last_payment_cents == 30000);
  CHECK(a.overdue);
  CHECK_FALSE(a.newly_overdue);  // already overdue on 03-24 (weekly step)
  // Revenue over (2023-03-31, 2024-03-31]: 1000+500+200+400+250−100+100+50 = 2400; A billed 1600.
  CHECK(a.revenue_share == doctest::Approx(1600.0 / 2400.0));

  const CustomerStatus& b = r.customers[1];
  CHECK(b.open_cents == 45000);
  CHECK(b.overdue_cents == 5000);
  CHECK(b.max_dpd == 35);
  CHECK(b.weighted_dpd == doctest::Approx((40000.0 * 30 + 5000.0 * 35) / 45000.0));
  CHECK(b.last_payment_date == day("2024-03-31"));  // the 04-01 payment is after the as-of date
  CHECK(b.last_payment_cents == 20000);
  CHECK(b.overdue);
  CHECK(b.newly_overdue);  // inv8 had DPD 28 on 03-24
  CHECK(b.revenue_share == doctest::Approx(650.0 / 2400.0));

  const CustomerStatus& c = r.customers[2];
  CHECK(c.open_cents == 10000);          // 200 − credit note 100
  CHECK(c.overdue_cents == 20000);
  CHECK(c.max_dpd == 182);               // the credit note's DPD does not count
  CHECK(c.weighted_dpd == doctest::Approx(182.0));
  CHECK(c.last_payment_date == kMissingDays);  // its only payment has no date
  CHECK(c.oldest_open_invoice == 5);
  CHECK(c.revenue_share == doctest::Approx(150.0 / 2400.0));
}

TEST_CASE("newly overdue depends on the step: a day earlier, a week earlier, a month earlier") {
  const Ledger l = test::worked_example();
  MonitorOptions o = at("2024-03-31");
  o.step = ReplayStep::day;  // previous check 03-30: inv8 DPD 34, already overdue
  CHECK_FALSE(monitor(l, o).customers[1].newly_overdue);
  o.step = ReplayStep::month;  // previous check 02-29: B had nothing overdue
  CHECK(monitor(l, o).customers[1].newly_overdue);
  CHECK_FALSE(monitor(l, o).customers[2].newly_overdue);  // inv5 overdue since November
}

TEST_CASE("threshold changes overdue, not past due") {
  const Ledger l = test::worked_example();
  MonitorOptions o = at("2024-03-31");
  o.threshold_days = 60;  // only inv5 (182) is > 60; inv0 at exactly 60 is not
  const MonitorResult r = monitor(l, o);
  CHECK(r.overdue_cents == 20000);
  CHECK(r.past_due_cents == 135000);
  CHECK_FALSE(r.customers[0].overdue);
  CHECK(r.customers[2].overdue);
}

TEST_CASE("default as-of date is the ledger's last date") {
  const Ledger l = test::worked_example();
  const MonitorResult r = monitor(l, MonitorOptions{});
  CHECK(r.as_of == l.last_date);
  CHECK(r.as_of == day("2024-04-05"));
  CHECK(item_of(r, 4) != nullptr);  // issued on the last date
  CHECK(item_of(r, 3) == nullptr);  // paid on 04-01
}

TEST_CASE("sales-rep summary groups customers by their rep, most overdue first") {
  const MonitorResult r = monitor(test::worked_example(), at("2024-03-31"));
  REQUIRE(r.sales_reps.size() == 2);
  CHECK(r.sales_reps[0].sales_rep == "Li");
  CHECK(r.sales_reps[0].open_cents == 130000 + 10000);
  CHECK(r.sales_reps[0].overdue_cents == 80000 + 20000);
  CHECK(r.sales_reps[0].overdue_customers == 2);
  CHECK(r.sales_reps[1].sales_rep == "Wang");
  CHECK(r.sales_reps[1].overdue_cents == 5000);
  CHECK(r.sales_reps[1].overdue_customers == 1);
}

TEST_CASE("metrics: DSO, BPDSO, ADD, CEI, overdue ratio, top-N share over a 90-day window") {
  const Ledger l = test::worked_example();
  MonitorOptions o = at("2024-03-31");
  o.top_n = 2;
  const MonitorResult r = monitor(l, o);
  // Window (2024-01-01, 2024-03-31]: sales = 500+200+400−100+100+50 = 1150 (inv0 dated 01-01 is
  // outside). AR_end = 1850, current = 500, AR_begin (end of 01-01) = inv0 1000 + inv5 200 = 1200.
  CHECK(r.metrics.dso == doctest::Approx(1850.0 / 1150.0 * 90));
  CHECK(r.metrics.bpdso == doctest::Approx(500.0 / 1150.0 * 90));
  CHECK(r.metrics.add == doctest::Approx((1850.0 - 500.0) / 1150.0 * 90));
  CHECK(r.metrics.cei == doctest::Approx((1200.0 + 1150 - 1850) / (1200.0 + 1150 - 500) * 100));
  CHECK(r.metrics.overdue_ratio == doctest::Approx(1050.0 / 1850.0));
  // Customers' overdue: A 800, C 200, B 50 → top 2 = 1000 / 1050.
  CHECK(r.metrics.top_n_share == doctest::Approx(1000.0 / 1050.0));
  o.top_n = 10;
  CHECK(monitor(l, o).metrics.top_n_share == doctest::Approx(1.0));
}

TEST_CASE("an empty ledger gives zero totals and no crash") {
  const MonitorResult r = monitor(Ledger{}, MonitorOptions{});
  CHECK(r.as_of == kMissingDays);
  CHECK(r.open_cents == 0);
  CHECK(r.aging.size() == 6);
  CHECK(r.trend.empty());
  CHECK(r.metrics.dso == 0.0);
}

TEST_CASE("the trend ends at the as-of date with the same totals") {
  const MonitorResult r = monitor(test::worked_example(), at("2024-03-31"));
  REQUIRE_FALSE(r.trend.empty());
  CHECK(r.trend.front().date == day("2023-09-01"));  // the ledger's first date
  CHECK(r.trend.back().date == day("2024-03-31"));
  CHECK(r.trend.back().open_cents == r.open_cents);
  CHECK(r.trend.back().overdue_cents == r.overdue_cents);
  CHECK(r.trend.back().overdue_customers == 3);
}
