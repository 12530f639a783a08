// Borderline histories end to end (issue #4): the same small history on both sides of a threshold
// lands in different types. As of 2024-06-30, threshold 30, default settings.
#include "test_classify_support.hpp"

using namespace classify_test;

namespace {

// 12 monthly invoices of 1,000.00; invoice k is paid `late[k]` days after its due date by name,
// or never when late[k] < 0. Invoice 9 (due as-of − 60) is the unpaid one of the current episode
// unless the caller says otherwise; invoice 11 is due on the as-of date.
Book history(const std::string& id, const std::vector<int>& late) {
  Book b;
  const auto due = b.monthly(id, 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (late[k] >= 0) b.pay(id, due[k] + late[k], 100000, id + "-" + std::to_string(k));
  return b;
}

}  // namespace

TEST_CASE("borderline S1: last payment 90 days ago is temporary, 91 days ago is stubborn") {
  // Paid on time up to invoice 8 (due as-of − 90), nothing since; invoice 9 opened the episode.
  const Run at90 = run(history("A", {0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1}));
  CHECK(at90.of("A").history.days_without_payment == 90);
  CHECK(rule_of(at90.of("A").classification, "S1_no_payment").state == RuleState::missed);
  CHECK(at90.of("A").classification.type == OverdueType::temporary);
  // The same, but invoice 8 paid one day before its due date.
  Book early = history("E", {0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1});
  early.pay("E", kAsOf - 91, 100000, "E-8");
  const Run r91 = run(early);
  CHECK(r91.of("E").history.days_without_payment == 91);
  CHECK(rule_of(r91.of("E").classification, "S1_no_payment").state == RuleState::held);
  CHECK(r91.of("E").classification.type == OverdueType::stubborn);
}

TEST_CASE("borderline tolerance: paid 5 days late is on time (temporary), 6 days late is late (structural)") {
  const Run five = run(history("F", {5, 5, 5, 5, 5, 5, 5, 5, 5, -1, 0, -1}));
  CHECK(rule_of(five.of("F").classification, "T1_good_record").value == doctest::Approx(1.0));
  CHECK(five.of("F").classification.type == OverdueType::temporary);
  const Run six = run(history("F", {6, 6, 6, 6, 6, 6, 6, 6, 6, -1, 0, -1}));
  CHECK(rule_of(six.of("F").classification, "R2_chronic_lateness").state == RuleState::held);
  CHECK(six.of("F").classification.type == OverdueType::structural);
}

TEST_CASE("borderline T1: 80 % of the record on time is temporary, 70 % is structural (not a one-off)") {
  // Record: invoices 0..8 and 10 settled before the episode = 10 invoices.
  const Run eighty = run(history("G", {20, 20, 0, 0, 0, 0, 0, 0, 0, -1, 0, -1}));
  CHECK(rule_of(eighty.of("G").classification, "T1_good_record").value == doctest::Approx(0.8));
  CHECK(eighty.of("G").classification.type == OverdueType::temporary);
  const Run seventy = run(history("G", {20, 20, 20, 0, 0, 0, 0, 0, 0, -1, 0, -1}));
  CHECK(rule_of(seventy.of("G").classification, "T1_good_record").state == RuleState::missed);
  CHECK(rule_of(seventy.of("G").classification, "R2_chronic_lateness").state == RuleState::missed);
  CHECK(seventy.of("G").classification.type == OverdueType::structural);
}

TEST_CASE("borderline overdue threshold: DPD 30 is not overdue; DPD 31 starts an episode on the as-of date") {
  Book at30;
  at30.invoice("H", "H-1", kAsOf - 60, kAsOf - 30, 10000);
  CHECK_FALSE(run(at30).overdue("H"));
  Book at31;
  at31.invoice("H", "H-1", kAsOf - 61, kAsOf - 31, 10000);
  const Run r = run(at31);
  REQUIRE(r.overdue("H"));
  CHECK(r.of("H").history.episode_start == kAsOf);
  CHECK(rule_of(r.of("H").classification, "T3_recent_or_paying").value == 1);
}

TEST_CASE("episodes: touching overdue stretches merge into one; a gap of a day makes two") {
  Book touching;
  const int32_t due1 = kAsOf - 200, due2 = kAsOf - 150;
  touching.invoice("M", "M-1", due1 - 30, due1, 10000);
  touching.invoice("M", "M-2", due2 - 30, due2, 10000);
  touching.invoice("M", "M-3", kAsOf - 70, kAsOf - 40, 10000);  // the current episode
  // M-1 overdue due1+31 … paid at due2+31 → overdue until due2+30; M-2 overdue from due2+31: touching.
  touching.pay("M", due2 + 31, 10000, "M-1");
  touching.pay("M", due2 + 60, 10000, "M-2");
  const Run r = run(touching);
  const auto& eps = r.of("M").history.episodes;
  REQUIRE(eps.size() == 2);
  CHECK(eps[0].start == due1 + 31);
  CHECK(eps[0].end == due2 + 59);
  CHECK(eps[0].max_dpd == 80);  // M-1: last overdue day due2 + 30 = due1 + 80; M-2 reached 59
  CHECK(eps[1].start == kAsOf - 40 + 31);
}

TEST_CASE("priority ties: identical customers are ordered by customer id") {
  Book b;
  for (const char* id : {"Z", "A", "M"}) b.invoice(id, std::string(id) + "-1", kAsOf - 100, kAsOf - 70, 50000);
  const Run r = run(b);
  REQUIRE(r.analysis.customers.size() == 3);
  CHECK(r.ledger.customers[r.analysis.customers[0].customer].id == "A");
  CHECK(r.ledger.customers[r.analysis.customers[1].customer].id == "M");
  CHECK(r.ledger.customers[r.analysis.customers[2].customer].id == "Z");
}
