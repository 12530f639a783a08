// Bad-debt allowance (坏账准备, issue #4): exact integer provision, half away from zero, DPD bands
// and 账龄分析法 years, per customer and in total.
#include "test_classify_support.hpp"

using namespace classify_test;

TEST_CASE("provision: open × bp ÷ 10 000 rounded half away from zero, exactly") {
  CHECK(provision_cents(12345, 300) == 370);    // 370.35 → 370
  CHECK(provision_cents(12350, 300) == 371);    // 370.5 → 371
  CHECK(provision_cents(50, 100) == 1);         // 0.5 → 1
  CHECK(provision_cents(49, 100) == 0);         // 0.49 → 0
  CHECK(provision_cents(-50, 100) == -1);       // away from zero
  CHECK(provision_cents(123456789, 10000) == 123456789);
  CHECK(provision_cents(1000000000000, 5000) == 500000000000);
}

TEST_CASE("invoice age in whole years: the anniversary starts a new year, leap days included") {
  CHECK(whole_years_between(day(2023, 6, 30), day(2024, 6, 29)) == 0);
  CHECK(whole_years_between(day(2023, 6, 30), day(2024, 6, 30)) == 1);
  CHECK(whole_years_between(day(2020, 2, 29), day(2021, 2, 28)) == 0);
  CHECK(whole_years_between(day(2020, 2, 29), day(2021, 3, 1)) == 1);
  CHECK(whole_years_between(day(2021, 7, 1), day(2024, 6, 30)) == 2);
  CHECK(whole_years_between(day(2021, 6, 30), day(2024, 6, 30)) == 3);
}

TEST_CASE("allowance by DPD band and by invoice age: lines, bands, customers and total agree") {
  Book b;
  b.invoice("A", "A1", kAsOf - 10, kAsOf + 20, 100000);          // not due: 1 % → 1,000
  b.invoice("A", "A2", kAsOf - 60, kAsOf - 30, 100050);          // DPD 30 → 3 % → 3001.5 → 3,002
  b.invoice("B", "B1", day(2022, 6, 30), day(2022, 7, 30), 200000);  // DPD > 180 → 100 %; age 2y → 30 %
  b.invoice("B", "B2", day(2021, 6, 30), day(2021, 7, 30), 10000);   // age 3y → 50 %
  const Run r = run(b);

  AllowanceSettings by_dpd;
  const AllowanceResult d = compute_allowance(r.ledger, r.monitor, by_dpd);
  CHECK(d.lines.size() == 4);
  CHECK(d.by_band[0].allowance_cents == 1000);
  CHECK(d.by_band[1].allowance_cents == 3002);
  CHECK(d.by_band[5].allowance_cents == 210000);
  CHECK(d.by_band[5].invoices == 2);
  CHECK(d.by_customer_cents[0] == 4002);
  CHECK(d.by_customer_cents[1] == 210000);
  CHECK(d.total_cents == 214002);

  AllowanceSettings by_age;
  by_age.method = AllowanceMethod::invoice_age_years;
  const AllowanceResult a = compute_allowance(r.ledger, r.monitor, by_age);
  CHECK(a.by_band[0].open_cents == 200050);
  CHECK(a.by_band[0].allowance_cents == 5000 + 5003);  // 5 % of 1,000.00 and of 1,000.50 (5002.5 → 5003)
  CHECK(a.by_band[2].allowance_cents == 60000);        // 2–3 years: 30 % of 2,000.00
  CHECK(a.by_band[3].allowance_cents == 5000);         // 3+ years: 50 % of 100.00
  CHECK(a.total_cents == 5000 + 5003 + 60000 + 5000);
  int64_t sum = 0;
  for (int64_t c : a.by_customer_cents) sum += c;
  CHECK(sum == a.total_cents);
  CHECK(std::string(allowance_method_name(a.method)) == "invoice_age_years");

  // The analysis carries the per-customer allowance of overdue customers.
  const ClassifiedCustomer& cb = r.of("B");
  CHECK(cb.allowance_cents == 210000);
}
