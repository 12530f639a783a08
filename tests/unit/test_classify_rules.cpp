// classify_customer() on hand-built histories (issue #4): each threshold from both sides, the
// precedence, all/any per type, and the fallback. As of 2024-06-30.
#include "test_classify_support.hpp"

using namespace classify_test;

namespace {

// A good payer in its first, fresh episode: 10 invoices settled on time, episode began 10 days
// ago, paid 10 days ago. Every test changes one thing.
CustomerHistory good_payer() {
  CustomerHistory h;
  h.overdue = true;
  h.episode_start = kAsOf - 9;
  h.episodes = {{kAsOf - 9, kAsOf, 40}};
  h.max_dpd = 40;
  h.settled_before_episode = 10;
  h.on_time_before_episode = 10;
  h.settled_all = 10;
  h.on_time_all = 10;
  h.first_invoice_date = kAsOf - 400;
  h.last_payment_date = kAsOf - 10;
  h.days_without_payment = 10;
  h.payments_last_180 = 5;
  h.partial_payments_last_180 = 0;
  h.balance_ratio_then = 0.1;
  h.balance_ratio_mid = 0.1;
  h.balance_ratio_now = 0.12;
  return h;
}

OverdueType type_of(const CustomerHistory& h, const ContactSummary& contacts = {}) {
  return classify_customer(h, contacts, kAsOf, ClassifySettings{}).type;
}

RuleState state_of(const CustomerHistory& h, const char* id, const ContactSummary& contacts = {}) {
  const Classification c = classify_customer(h, contacts, kAsOf, ClassifySettings{});
  return rule_of(c, id).state;
}

}  // namespace

TEST_CASE("rules: the good payer baseline is temporary with every temporary rule held") {
  const Classification c = classify_customer(good_payer(), {}, kAsOf, ClassifySettings{});
  CHECK(c.type == OverdueType::temporary);
  CHECK_FALSE(c.low_confidence);
  for (const RuleCheck& r : c.rules) {
    if (r.type() == OverdueType::temporary) CHECK(r.state == RuleState::held);
    if (r.type() != OverdueType::temporary) CHECK(r.state != RuleState::held);
  }
  // The trace lists stubborn, structural and temporary rules, 4 + 4 + 3, in the table's order.
  REQUIRE(c.rules.size() == kRuleCount);
  for (size_t k = 0; k < c.rules.size(); ++k) CHECK(static_cast<size_t>(c.rules[k].id) == k);
}

TEST_CASE("rules: one table names each rule once, and its names parse back") {
  for (size_t k = 0; k < kRuleCount; ++k) {
    const RuleSpec& spec = rule_spec(static_cast<RuleId>(k));
    CHECK(static_cast<size_t>(spec.id) == k);
    CHECK(spec.name.substr(0, 1) == (spec.type == OverdueType::stubborn     ? "S"
                                     : spec.type == OverdueType::structural ? "R"
                                                                            : "T"));
    RuleId back = RuleId::T3_recent_or_paying;
    REQUIRE(parse_rule_id(spec.name, back));
    CHECK(back == spec.id);
    CHECK_FALSE(spec.label.empty());
    CHECK(std::string(text(spec.label_text, Lang::en)) != std::string(text(spec.label_text, Lang::zh)));
  }
  RuleId r = RuleId::S1_no_payment;
  CHECK_FALSE(parse_rule_id("S9_nothing", r));
}

TEST_CASE("S1 no payment: 90 days is not > 90, 91 is — stubborn") {
  CustomerHistory h = good_payer();
  h.days_without_payment = 90;
  h.last_payment_date = kAsOf - 90;
  CHECK(state_of(h, "S1_no_payment") == RuleState::missed);
  h.days_without_payment = 91;
  h.last_payment_date = kAsOf - 91;
  CHECK(state_of(h, "S1_no_payment") == RuleState::held);
  CHECK(type_of(h) == OverdueType::stubborn);
}

TEST_CASE("S2 deep DPD counts only while not paying: DPD 181 and no payment for 31 days") {
  CustomerHistory h = good_payer();
  h.max_dpd = 180;
  h.last_payment_date = kAsOf - 31;
  h.days_without_payment = 31;
  CHECK(state_of(h, "S2_deep_dpd_not_paying") == RuleState::missed);
  h.max_dpd = 181;
  CHECK(state_of(h, "S2_deep_dpd_not_paying") == RuleState::held);
  h.last_payment_date = kAsOf - 30;  // paid within the last 30 days: still paying
  h.days_without_payment = 30;
  CHECK(state_of(h, "S2_deep_dpd_not_paying") == RuleState::missed);
}

TEST_CASE("S3/S4 need the contact log: not evaluated without it, held at 1, missed at 0") {
  const CustomerHistory h = good_payer();
  CHECK(state_of(h, "S3_broken_promises") == RuleState::not_evaluated);
  CHECK(state_of(h, "S4_refusals") == RuleState::not_evaluated);
  ContactSummary log;
  log.evaluated = true;
  CHECK(state_of(h, "S3_broken_promises", log) == RuleState::missed);
  CHECK(state_of(h, "S4_refusals", log) == RuleState::missed);
  CHECK(type_of(h, log) == OverdueType::temporary);
  log.broken_promises = 1;
  CHECK(type_of(h, log) == OverdueType::stubborn);
  log.broken_promises = 0;
  log.refusals = 1;
  CHECK(type_of(h, log) == OverdueType::stubborn);
  log.refusals = 0;
  log.unreachable = 5;  // unreachable attempts alone are not a stubborn rule
  CHECK(type_of(h, log) == OverdueType::temporary);
}

TEST_CASE("R1 repeated episodes: an earlier episode in the last 365 days counts, an older one does not") {
  CustomerHistory h = good_payer();
  h.episodes.insert(h.episodes.begin(), {kAsOf - 200, kAsOf - 190, 41});
  CHECK(state_of(h, "R1_repeated_episodes") == RuleState::held);
  CHECK(type_of(h) == OverdueType::structural);
  h.episodes.front() = {kAsOf - 380, kAsOf - 365, 41};  // ended exactly 365 days ago: outside (as-of − 365, as-of]
  CHECK(state_of(h, "R1_repeated_episodes") == RuleState::missed);
  CHECK(type_of(h) == OverdueType::temporary);
  h.episodes.front() = {kAsOf - 380, kAsOf - 364, 41};
  CHECK(state_of(h, "R1_repeated_episodes") == RuleState::held);
}

TEST_CASE("R2 chronic lateness: 50 % late holds, 40 % does not; T1 80 % on time holds, 70 % does not") {
  CustomerHistory h = good_payer();
  h.on_time_all = 5;  // 5 of 10 settled invoices late (R2 reads the whole history)
  CHECK(state_of(h, "R2_chronic_lateness") == RuleState::held);
  CHECK(type_of(h) == OverdueType::structural);
  h.on_time_all = 6;
  CHECK(state_of(h, "R2_chronic_lateness") == RuleState::missed);
  h.on_time_all = 10;
  h.on_time_before_episode = 8;  // T1 reads the record before this episode only
  CHECK(state_of(h, "T1_good_record") == RuleState::held);
  CHECK(type_of(h) == OverdueType::temporary);
  h.on_time_before_episode = 7;
  h.on_time_all = 7;
  CHECK(state_of(h, "T1_good_record") == RuleState::missed);
  // 70 % on time, 30 % late: neither chronic nor a good record → structural, and the reason says why.
  const Classification c = classify_customer(h, {}, kAsOf, ClassifySettings{});
  CHECK(c.type == OverdueType::structural);
  CHECK(has_reason(c, "structural: no stubborn or structural rule held, but a temporary rule missed"));
}

TEST_CASE("R3 rising balance: ×1.5 rising at both steps holds; ×1.49 or a dip at the midpoint does not") {
  CustomerHistory h = good_payer();
  h.balance_ratio_then = 0.2;
  h.balance_ratio_mid = 0.25;
  h.balance_ratio_now = 0.31;  // ×1.55
  CHECK(state_of(h, "R3_rising_balance") == RuleState::held);
  h.balance_ratio_now = 0.298;
  CHECK(state_of(h, "R3_rising_balance") == RuleState::missed);
  h.balance_ratio_now = 0.4;
  h.balance_ratio_mid = 0.2;  // flat, then a jump: a one-off, not a trend
  CHECK(state_of(h, "R3_rising_balance") == RuleState::missed);
  // Gradual = at least a third of the rise by the midpoint: 1 → 2 → 4 is exactly a third.
  h.balance_ratio_then = 1.0;
  h.balance_ratio_mid = 2.0;
  h.balance_ratio_now = 4.0;
  CHECK(state_of(h, "R3_rising_balance") == RuleState::held);
  h.balance_ratio_mid = 1.99;
  CHECK(state_of(h, "R3_rising_balance") == RuleState::missed);
  CHECK(rule_of(classify_customer(h, {}, kAsOf, ClassifySettings{}), "R3_rising_balance").note ==
        "33 % of the rise by the midpoint (a gradual rise needs ≥ 33 % and still rising)");
  h.balance_ratio_then.reset();
  CHECK(state_of(h, "R3_rising_balance") == RuleState::not_evaluated);
}

TEST_CASE("R1 repeated episodes: episodes less than 30 days apart are one lapse") {
  CustomerHistory h = good_payer();
  // An earlier episode ending 30 days before the current one began (29 clear days between): one lapse.
  h.episodes.insert(h.episodes.begin(), {kAsOf - 60, kAsOf - 39, 45});
  CHECK(state_of(h, "R1_repeated_episodes") == RuleState::missed);
  CHECK(type_of(h) == OverdueType::temporary);
  h.episodes.front() = {kAsOf - 60, kAsOf - 40, 45};  // 30 clear days: a separate lapse
  CHECK(state_of(h, "R1_repeated_episodes") == RuleState::held);
  CHECK(type_of(h) == OverdueType::structural);
  ClassifySettings s;
  s.repeated_episode_gap_days = 31;
  CHECK(rule_of(classify_customer(h, {}, kAsOf, s), "R1_repeated_episodes").state == RuleState::missed);
}

TEST_CASE("R4 keeps paying partially: 2 of 4 holds, 1 of 4 does not, fewer than 3 payments not evaluated") {
  CustomerHistory h = good_payer();
  h.payments_last_180 = 4;
  h.partial_payments_last_180 = 2;
  CHECK(state_of(h, "R4_keeps_paying_partially") == RuleState::held);
  h.partial_payments_last_180 = 1;
  CHECK(state_of(h, "R4_keeps_paying_partially") == RuleState::missed);
  h.payments_last_180 = 2;
  h.partial_payments_last_180 = 2;
  CHECK(state_of(h, "R4_keeps_paying_partially") == RuleState::not_evaluated);
}

TEST_CASE("T3 recent or paying: 60 days long holds, 61 holds only with a payment in the last 30 days") {
  CustomerHistory h = good_payer();
  h.episode_start = kAsOf - 59;  // 60 days including both ends
  h.episodes.back().start = h.episode_start;
  h.last_payment_date = kAsOf - 45;
  h.days_without_payment = 45;
  CHECK(state_of(h, "T3_recent_or_paying") == RuleState::held);
  h.episode_start = kAsOf - 60;
  h.episodes.back().start = h.episode_start;
  CHECK(state_of(h, "T3_recent_or_paying") == RuleState::missed);
  h.last_payment_date = kAsOf - 30;
  h.days_without_payment = 30;
  CHECK(state_of(h, "T3_recent_or_paying") == RuleState::held);
}

TEST_CASE("T2: an earlier serious episode (DPD > 60) misses; the customer is structural by R1 anyway") {
  CustomerHistory h = good_payer();
  h.episodes.insert(h.episodes.begin(), {kAsOf - 300, kAsOf - 230, 61});
  CHECK(state_of(h, "T2_no_earlier_serious_episode") == RuleState::missed);
  CHECK(type_of(h) == OverdueType::structural);
  h.episodes.front().max_dpd = 60;
  CHECK(state_of(h, "T2_no_earlier_serious_episode") == RuleState::held);
}

TEST_CASE("precedence: stubborn over structural over temporary") {
  CustomerHistory h = good_payer();
  h.on_time_all = 2;  // chronic lateness: structural …
  CHECK(type_of(h) == OverdueType::structural);
  h.days_without_payment = 100;  // … and no payment for 100 days: stubborn wins
  h.last_payment_date = kAsOf - 100;
  const Classification c = classify_customer(h, {}, kAsOf, ClassifySettings{});
  CHECK(c.type == OverdueType::stubborn);
  CHECK(rule_of(c, "R2_chronic_lateness").state == RuleState::held);  // still shown in the trace
}

TEST_CASE("too little history: rules that need a record are not evaluated and the reason says so") {
  CustomerHistory h = good_payer();
  h.settled_before_episode = 2;
  h.on_time_before_episode = 2;
  h.settled_all = 2;
  h.on_time_all = 2;
  const Classification c = classify_customer(h, {}, kAsOf, ClassifySettings{});
  CHECK(c.type == OverdueType::temporary);
  CHECK(c.low_confidence);
  CHECK(rule_of(c, "T1_good_record").state == RuleState::not_evaluated);
  CHECK(rule_of(c, "R2_chronic_lateness").state == RuleState::not_evaluated);
  CHECK(has_reason(c, "low confidence: too little history"));
  // A long current episode is not "little history": 2 settled before it, 10 in all → T1 cannot
  // judge, but the classification is not low confidence.
  CustomerHistory long_episode = good_payer();
  long_episode.settled_before_episode = 2;
  long_episode.on_time_before_episode = 2;
  const Classification le = classify_customer(long_episode, {}, kAsOf, ClassifySettings{});
  CHECK(rule_of(le, "T1_good_record").state == RuleState::not_evaluated);
  CHECK_FALSE(le.low_confidence);
  // Enough invoices, but the first one only 179 days ago: still low confidence.
  CustomerHistory young = good_payer();
  young.first_invoice_date = kAsOf - 179;
  CHECK(classify_customer(young, {}, kAsOf, ClassifySettings{}).low_confidence);
  young.first_invoice_date = kAsOf - 180;
  CHECK_FALSE(classify_customer(young, {}, kAsOf, ClassifySettings{}).low_confidence);
}

TEST_CASE("thresholds are settings: raising the no-payment threshold turns a stubborn customer temporary") {
  CustomerHistory h = good_payer();
  h.days_without_payment = 100;
  h.last_payment_date = kAsOf - 100;
  h.episode_start = kAsOf - 20;
  ClassifySettings s;
  CHECK(classify_customer(h, {}, kAsOf, s).type == OverdueType::stubborn);
  s.stubborn_no_payment_days = 120;
  const Classification c = classify_customer(h, {}, kAsOf, s);
  CHECK(rule_of(c, "S1_no_payment").threshold == 120);
  CHECK(c.type == OverdueType::temporary);
}
