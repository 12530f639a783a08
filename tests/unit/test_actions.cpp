// Action plans (issue #4): installments add up to the cent, escalation dates in order and after the
// as-of date, grace period and reminders, credit-limit suggestions.
#include "test_classify_support.hpp"

using namespace classify_test;

TEST_CASE("installments add up exactly; the remainder goes on the first; monthly dates clamp to month ends") {
  const int32_t as_of = day(2024, 1, 31);
  const auto s = installment_schedule(100001, 3, as_of);  // 333.33 × 3 = 999.99, 2 cents left
  REQUIRE(s.size() == 3);
  CHECK(s[0].cents == 33335);
  CHECK(s[1].cents == 33333);
  CHECK(s[2].cents == 33333);
  CHECK(s[0].date == day(2024, 2, 29));
  CHECK(s[1].date == day(2024, 3, 31));
  CHECK(s[2].date == day(2024, 4, 30));
  for (int64_t total : {1LL, 7LL, 99999LL, 123456789LL})
    for (int months = 1; months <= 12; ++months) {
      int64_t sum = 0;
      for (const Installment& i : installment_schedule(total, months, as_of)) sum += i.cents;
      CHECK(sum == total);
    }
  CHECK(installment_schedule(0, 3, as_of).empty());
}

TEST_CASE("structural plan: months from what the customer paid per month, between 3 and 12") {
  ActionInput in;
  in.type = OverdueType::structural;
  in.as_of = kAsOf;
  in.overdue_cents = 600000;
  in.paid_last_180_days_cents = 600000;  // 1,000.00 a month → 6 months
  CHECK(plan_actions(in, {}).installments.size() == 6);
  in.paid_last_180_days_cents = 6000000;  // 10,000 a month → 1 month, raised to the minimum 3
  CHECK(plan_actions(in, {}).installments.size() == 3);
  in.paid_last_180_days_cents = 60000;  // 100 a month → 60 months, capped at 12
  CHECK(plan_actions(in, {}).installments.size() == 12);
  in.paid_last_180_days_cents = 0;  // nothing paid: the default 6
  const ActionPlan p = plan_actions(in, {});
  CHECK(p.installments.size() == 6);
  CHECK(p.actions.front().action == "installment_agreement");
  CHECK(p.actions.front().date == kAsOf + 1);
}

TEST_CASE("stubborn ladder: call, SMS, visit, formal demand, credit hold, lawyer; strictly after the as-of date") {
  ActionInput in;
  in.type = OverdueType::stubborn;
  in.as_of = kAsOf;
  in.overdue_cents = 5000;
  in.credit_limit_cents = 1000000;
  ActionSettings s;
  const ActionPlan p = plan_actions(in, s);
  const char* expected[] = {"call", "sms", "visit", "formal_demand", "credit_hold", "lawyer"};
  REQUIRE(p.actions.size() == 6);
  for (size_t k = 0; k < 6; ++k) {
    CHECK(p.actions[k].action == expected[k]);
    CHECK(p.actions[k].date == kAsOf + s.ladder_days[k]);
  }
  CHECK(p.suggested_credit_limit_cents == 0);
  // Settings out of order or not after the as-of date still give a strictly increasing ladder.
  s.ladder_days = {0, 0, 5, 2, 2, 1};
  const ActionPlan q = plan_actions(in, s);
  int32_t previous = kAsOf;
  for (const PlannedAction& a : q.actions) {
    CHECK(a.date > previous);
    previous = a.date;
  }
}

TEST_CASE("temporary plan: grace period, reminders before its end and before upcoming due dates") {
  ActionInput in;
  in.type = OverdueType::temporary;
  in.as_of = kAsOf;
  in.overdue_cents = 100000;
  in.upcoming_due_dates = {kAsOf + 10, kAsOf + 40};  // the second falls after the grace period
  in.credit_limit_cents = 500000;
  const ActionPlan p = plan_actions(in, {});
  CHECK(p.grace_end == kAsOf + 30);
  REQUIRE(p.actions.size() == 5);
  CHECK(p.actions[0].action == "contact_understanding");
  CHECK(p.actions[1].action == "due_reminder");
  CHECK(p.actions[1].date == kAsOf + 7);
  CHECK(p.actions[2].action == "grace_reminder");
  CHECK(p.actions[2].date == kAsOf + 23);
  CHECK(p.actions[3].date == kAsOf + 29);
  CHECK(p.actions[4].action == "grace_end");
  for (size_t k = 1; k < p.actions.size(); ++k) CHECK(p.actions[k].date >= p.actions[k - 1].date);
  CHECK(p.suggested_credit_limit_cents == 500000);
  in.type = OverdueType::structural;
  CHECK(plan_actions(in, {}).suggested_credit_limit_cents == 250000);
}
