// Classification end to end (issue #4): small hand-made histories as CSV text, each of which must
// land in its type, written from DESIGN.md §4's wording. As of 2024-06-30, threshold 30.
#include "test_classify_support.hpp"

using namespace classify_test;

namespace {

// "A good record before this episode, the episode is recent or short, and/or payments continue":
// 12 monthly invoices of 1,000.00 all paid on their due dates except the one due 60 days ago;
// the invoice due 30 days ago was paid by name on its due date.
Book one_off_shock(const std::string& id) {
  Book b;
  const auto due = b.monthly(id, 12, 100000);
  for (int k = 0; k < 12; ++k) {
    if (k == 9 || k == 11) continue;  // k = 9 due as-of − 60: the shock; k = 11 due on the as-of date
    b.pay(id, due[k], 100000, id + "-" + std::to_string(k));
  }
  return b;
}

}  // namespace

TEST_CASE("temporary: a good payer hit by a one-off shock, still paying") {
  const Run r = run(one_off_shock("T"));
  const ClassifiedCustomer& c = r.of("T");
  CHECK(c.overdue_cents == 100000);
  CHECK(c.classification.type == OverdueType::temporary);
  CHECK_FALSE(c.classification.low_confidence);
  CHECK(c.history.episodes.size() == 1);
  CHECK(c.history.episode_start == kAsOf - 29);  // due + 31 = (as-of − 60) + 31
  CHECK(c.history.settled_before_episode == 10);  // k = 0..8 and k = 10 (paid the day before the episode began)
  CHECK(c.history.on_time_before_episode == 10);
  CHECK(c.history.days_without_payment == 30);
  CHECK(rule_of(c.classification, "T1_good_record").state == RuleState::held);
  CHECK(rule_of(c.classification, "T1_good_record").value == doctest::Approx(1.0));
  CHECK(rule_of(c.classification, "T3_recent_or_paying").value == 30);
  CHECK(rule_of(c.classification, "S1_no_payment").state == RuleState::missed);
  CHECK(rule_of(c.classification, "S3_broken_promises").state == RuleState::not_evaluated);
  CHECK(rule_of(c.classification, "R2_chronic_lateness").state == RuleState::missed);
  CHECK(rule_of(c.classification, "R4_keeps_paying_partially").state == RuleState::missed);
  CHECK(has_reason(c.classification, "temporary:"));
  // Actions: a grace period of 30 days with reminders before it ends and before the next due date.
  CHECK(c.plan.grace_end == kAsOf + 30);
  REQUIRE_FALSE(c.plan.actions.empty());
  CHECK(c.plan.actions.front().action == "contact_understanding");
  CHECK(c.plan.actions.back().action == "grace_end");
  CHECK(c.plan.installments.empty());
}

TEST_CASE("structural: a chronically late payer who always pays in the end") {
  Book b;
  const auto due = b.monthly("L", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", due[k] + 20, 100000, "L-" + std::to_string(k));  // 20 days late, DPD ≤ 30
  const Run r = run(b);
  const ClassifiedCustomer& c = r.of("L");
  CHECK(c.classification.type == OverdueType::structural);
  const RuleCheck& late = rule_of(c.classification, "R2_chronic_lateness");
  CHECK(late.state == RuleState::held);
  CHECK(late.value == doctest::Approx(1.0));
  CHECK(rule_of(c.classification, "T1_good_record").state == RuleState::missed);
  // Installments add up exactly to the overdue amount.
  REQUIRE_FALSE(c.plan.installments.empty());
  int64_t sum = 0;
  for (const Installment& i : c.plan.installments) sum += i.cents;
  CHECK(sum == c.overdue_cents);
  CHECK(c.plan.credit_limit_change_pct == -50);
}

TEST_CASE("structural: keeps paying partially, willing but unable") {
  Book b;
  const auto due = b.monthly("P", 24, 100000);
  for (int k = 0; k < 24; ++k) b.pay("P", due[k], 40000);  // 400.00 on every due date, FIFO
  const Run r = run(b);
  const ClassifiedCustomer& c = r.of("P");
  CHECK(c.classification.type == OverdueType::structural);
  CHECK(rule_of(c.classification, "R4_keeps_paying_partially").state == RuleState::held);
  CHECK(rule_of(c.classification, "R4_keeps_paying_partially").value >= 0.5);
  // Deep DPD, but it keeps paying: not stubborn.
  CHECK(c.history.max_dpd > 180);
  CHECK(rule_of(c.classification, "S2_deep_dpd_not_paying").state == RuleState::missed);
  CHECK(rule_of(c.classification, "S1_no_payment").state == RuleState::missed);
}

TEST_CASE("structural: repeated episodes") {
  Book b;
  const auto due = b.monthly("E", 12, 100000);
  for (int k = 0; k < 12; ++k) {
    if (k == 9 || k == 11) continue;
    const int late = k == 4 ? 45 : 0;  // one earlier episode: DPD 45 (> 30, not serious > 60)
    b.pay("E", due[k] + late, 100000, "E-" + std::to_string(k));
  }
  const Run r = run(b);
  const ClassifiedCustomer& c = r.of("E");
  CHECK(c.history.episodes.size() == 2);
  CHECK(c.history.episodes[0].max_dpd == 44);  // overdue until the day before it was paid
  CHECK(rule_of(c.classification, "R1_repeated_episodes").state == RuleState::held);
  CHECK(rule_of(c.classification, "T2_no_earlier_serious_episode").state == RuleState::held);
  CHECK(c.classification.type == OverdueType::structural);
}

TEST_CASE("stubborn: stopped paying more than 90 days ago, no contact log") {
  Book b;
  const auto due = b.monthly("S", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (due[k] <= kAsOf - 120) b.pay("S", due[k], 100000, "S-" + std::to_string(k));
  const Run r = run(b);
  const ClassifiedCustomer& c = r.of("S");
  CHECK(c.history.days_without_payment == 120);
  CHECK(c.classification.type == OverdueType::stubborn);
  CHECK(rule_of(c.classification, "S1_no_payment").state == RuleState::held);
  CHECK(rule_of(c.classification, "S3_broken_promises").state == RuleState::not_evaluated);
  CHECK(rule_of(c.classification, "S4_refusals").state == RuleState::not_evaluated);
  // Escalation ladder: six steps, strictly after the as-of date and in order.
  REQUIRE(c.plan.actions.size() == 6);
  CHECK(c.plan.actions.front().action == "call");
  CHECK(c.plan.actions.back().action == "lawyer");
  int32_t previous = kAsOf;
  for (const PlannedAction& a : c.plan.actions) {
    CHECK(a.date > previous);
    previous = a.date;
  }
  CHECK(c.plan.credit_limit_change_pct == -100);
}

TEST_CASE("stubborn: a broken promise in the contact log turns a one-off shock stubborn; a kept one does not") {
  Book broken = one_off_shock("B");
  broken.contact("B", kAsOf - 20, "phone", "Promise to pay", kAsOf - 10, 100000);
  const Run rb = run(broken);
  const ClassifiedCustomer& b = rb.of("B");
  CHECK(b.contacts.evaluated);
  CHECK(b.contacts.promises == 1);
  CHECK(b.contacts.broken_promises == 1);
  CHECK(b.classification.type == OverdueType::stubborn);
  CHECK(rule_of(b.classification, "S3_broken_promises").state == RuleState::held);

  Book kept = one_off_shock("K");
  kept.contact("K", kAsOf - 20, "电话", "承诺还款", kAsOf - 10, 100000);
  kept.pay("K", kAsOf - 12, 100000, "K-9");
  const Run rk = run(kept);
  CHECK_FALSE(rk.overdue("K"));  // the promise was kept: it paid the overdue invoice

  // Promised date still ahead: not broken yet.
  Book pending = one_off_shock("N");
  pending.contact("N", kAsOf - 5, "phone", "promised", kAsOf + 10, 100000);
  const Run rn = run(pending);
  CHECK(rn.of("N").contacts.broken_promises == 0);
  CHECK(rn.of("N").classification.type == OverdueType::temporary);
}

TEST_CASE("stubborn: a refusal in the contact log") {
  Book b = one_off_shock("R");
  b.contact("R", kAsOf - 3, "visit", "拒付");
  const Run r = run(b);
  CHECK(r.of("R").contacts.refusals == 1);
  CHECK(r.of("R").classification.type == OverdueType::stubborn);
  CHECK(rule_of(r.of("R").classification, "S4_refusals").state == RuleState::held);
}

TEST_CASE("too little history: a new customer's first invoice overdue is classified, with low confidence") {
  Book b;
  b.invoice("NEW", "NEW-1", kAsOf - 70, kAsOf - 40, 50000);
  const Run r = run(b);
  const ClassifiedCustomer& c = r.of("NEW");
  CHECK(c.classification.type == OverdueType::temporary);
  CHECK(c.classification.low_confidence);
  CHECK(has_reason(c.classification, "low confidence: too little history"));
  CHECK(rule_of(c.classification, "T1_good_record").state == RuleState::not_evaluated);
  CHECK(rule_of(c.classification, "R2_chronic_lateness").state == RuleState::not_evaluated);
  CHECK(c.history.days_without_payment == 40);  // never paid: from the first overdue due date
}

TEST_CASE("every overdue customer gets exactly one type; others are not in the analysis; priority is 1..n") {
  Book b = one_off_shock("T");
  const auto due = b.monthly("S", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (due[k] <= kAsOf - 120) b.pay("S", due[k], 100000, "S-" + std::to_string(k));
  const auto good = b.monthly("G", 6, 100000);
  for (int k = 0; k < 6; ++k) b.pay("G", good[k], 100000, "G-" + std::to_string(k));
  const Run r = run(b);
  CHECK_FALSE(r.overdue("G"));
  REQUIRE(r.analysis.customers.size() == 2);
  uint32_t counted = 0;
  int64_t amount = 0;
  for (const auto& t : r.analysis.by_type) counted += t.customers, amount += t.overdue_cents;
  CHECK(counted == 2);
  CHECK(amount == r.monitor.overdue_cents);
  CHECK(r.analysis.customers[0].priority == 1);
  CHECK(r.analysis.customers[1].priority == 2);
  // The stubborn customer owes far more (4 invoices overdue vs 1): it comes first.
  CHECK(r.ledger.customers[r.analysis.customers[0].customer].id == "S");
}

TEST_CASE("cross-check: a hand-built ledger of the same histories gives the same types, traces and plans") {
  Book b = one_off_shock("T");
  const auto late = b.monthly("L", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", late[k] + 20, 100000, "L-" + std::to_string(k));
  const auto partial = b.monthly("P", 24, 100000);
  for (int k = 0; k < 24; ++k) b.pay("P", partial[k], 40000);
  b.contact("T", kAsOf - 20, "phone", "promise", kAsOf - 10, 100000);
  const Run csv = run(b, {}, kAsOf, LedgerSource::csv);
  const Run hand = run(b, {}, kAsOf, LedgerSource::hand);
  REQUIRE(csv.analysis.customers.size() == 3);
  REQUIRE(hand.analysis.customers.size() == 3);
  for (size_t k = 0; k < 3; ++k) {
    const ClassifiedCustomer &x = csv.analysis.customers[k], &y = hand.analysis.customers[k];
    CHECK(csv.ledger.customers[x.customer].id == hand.ledger.customers[y.customer].id);
    CHECK(x.overdue_cents == y.overdue_cents);
    CHECK(x.classification.type == y.classification.type);
    REQUIRE(x.classification.rules.size() == y.classification.rules.size());
    for (size_t r = 0; r < x.classification.rules.size(); ++r) {
      CHECK(x.classification.rules[r].state == y.classification.rules[r].state);
      CHECK(x.classification.rules[r].value == y.classification.rules[r].value);
    }
    CHECK(x.plan.actions.size() == y.plan.actions.size());
    CHECK(x.ability.value == y.ability.value);
  }
  CHECK(csv.of("T").classification.type == OverdueType::stubborn);  // its promise was broken
  CHECK(csv.of("L").classification.type == OverdueType::structural);
  CHECK(csv.of("P").classification.type == OverdueType::structural);
}

TEST_CASE("customer_history for one customer equals what analyze_overdue computed from its index") {
  Book b = one_off_shock("T");
  const auto partial = b.monthly("P", 24, 100000);
  for (int k = 0; k < 24; ++k) b.pay("P", partial[k], 40000);
  const Run r = run(b);
  for (const ClassifiedCustomer& c : r.analysis.customers) {
    const CustomerHistory h = customer_history(r.ledger, c.customer, kAsOf, 30, ClassifySettings{});
    CHECK(h.episodes.size() == c.history.episodes.size());
    CHECK(h.episode_start == c.history.episode_start);
    CHECK(h.settled_before_episode == c.history.settled_before_episode);
    CHECK(h.partial_payments_last_180 == c.history.partial_payments_last_180);
    CHECK(h.days_without_payment == c.history.days_without_payment);
    CHECK(h.balance_ratio_now == c.history.balance_ratio_now);
  }
}
