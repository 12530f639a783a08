// Ability and impact scores, risk quadrants (issue #4): figures computed by hand from the
// formulas in scores.hpp.
#include <doctest/doctest.h>

#include "overdue/classify/scores.hpp"

using namespace overdue;

TEST_CASE("ability score: weighted components, each input's points add up to the score") {
  AbilityFacts f;
  f.paid_ratio = 0.9;            // 0.9 × 30 = 27
  f.days_since_payment = 45;     // 1 − 45/180 = 0.75 → × 20 = 15
  f.partial_known = true;
  f.partial_share = 0.25;        // 0.75 × 20 = 15
  f.on_time_known = true;
  f.on_time_share = 0.8;         // 0.8 × 30 = 24
  const Score s = ability_score(f, ScoreSettings{});
  CHECK(s.value == doctest::Approx(81.0));
  REQUIRE(s.inputs.size() == 4);
  CHECK(s.inputs[0].input == ScoreInput::paid_ratio);
  CHECK(score_input_name(s.inputs[0].input) == "paid_ratio");
  CHECK(s.inputs[0].points == doctest::Approx(27.0));
  CHECK(s.inputs[1].points == doctest::Approx(15.0));
  CHECK(s.inputs[1].value == 45);
  CHECK(s.inputs[2].points == doctest::Approx(15.0));
  CHECK(s.inputs[3].points == doctest::Approx(24.0));
}

TEST_CASE("ability score: never paid scores 0 on recency; unknown shares are neutral 0.5; weights are editable") {
  AbilityFacts f;  // nothing paid, nothing known
  Score s = ability_score(f, ScoreSettings{});
  CHECK(s.value == doctest::Approx(0.5 * 20 + 0.5 * 30));
  ScoreSettings only_recency;
  only_recency.ability = {0, 1, 0, 0};
  f.days_since_payment = 200;  // beyond the 180-day horizon
  CHECK(ability_score(f, only_recency).value == doctest::Approx(0.0));
  f.days_since_payment = 0;
  CHECK(ability_score(f, only_recency).value == doctest::Approx(100.0));
}

TEST_CASE("impact score: sqrt of relative amount, capped shares and DPD severity") {
  ImpactFacts f;
  f.overdue_cents = 25000;
  f.largest_overdue_cents = 100000;   // sqrt(0.25) = 0.5 → × 30 = 15
  f.all_overdue_cents = 250000;       // share 0.1 ÷ 0.2 = 0.5 → × 20 = 10
  f.weighted_dpd = 90;                // 90 ÷ 180 = 0.5 → × 30 = 15
  f.revenue_share = 0.3;              // 0.3 ÷ 0.2 capped at 1 → × 20 = 20
  const Score s = impact_score(f, ScoreSettings{});
  CHECK(s.value == doctest::Approx(60.0));
  CHECK(s.inputs[0].points == doctest::Approx(15.0));
  CHECK(s.inputs[3].component == doctest::Approx(1.0));
}

TEST_CASE("risk quadrants: the split lines belong to the high side") {
  const ScoreSettings s;
  CHECK(risk_quadrant(49.99, 50, s) == RiskQuadrant::act_now);
  CHECK(risk_quadrant(50, 50, s) == RiskQuadrant::negotiate);
  CHECK(risk_quadrant(10, 49.99, s) == RiskQuadrant::monitor_closely);
  CHECK(risk_quadrant(80, 10, s) == RiskQuadrant::routine);
  CHECK(std::string(risk_quadrant_name(RiskQuadrant::act_now)) == "act_now");
}
