// Ability-to-pay and impact scores (DESIGN.md §3, issue #4). Formulas in scores.hpp and
// docs/method.md. Only +, −, ×, ÷ and sqrt: IEEE-exact, identical natively and in wasm.
#include "overdue/classify/scores.hpp"

#include <algorithm>
#include <cmath>

namespace overdue {
namespace {

double clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

Score weigh(std::vector<ScoreTerm> inputs) {
  double total_weight = 0;
  for (const ScoreTerm& i : inputs) total_weight += std::max(0.0, i.weight);
  Score s;
  for (ScoreTerm& i : inputs) {
    i.points = total_weight > 0 ? 100.0 * std::max(0.0, i.weight) * i.component / total_weight : 0;
    s.value += i.points;
  }
  s.inputs = std::move(inputs);
  return s;
}

}  // namespace

const char* risk_quadrant_name(RiskQuadrant q) {
  switch (q) {
    case RiskQuadrant::act_now: return "act_now";
    case RiskQuadrant::negotiate: return "negotiate";
    case RiskQuadrant::monitor_closely: return "monitor_closely";
    case RiskQuadrant::routine: break;
  }
  return "routine";
}

RiskQuadrant risk_quadrant(double ability, double impact, const ScoreSettings& s) {
  const bool able = ability >= s.high_ability, big = impact >= s.high_impact;
  if (big) return able ? RiskQuadrant::negotiate : RiskQuadrant::act_now;
  return able ? RiskQuadrant::routine : RiskQuadrant::monitor_closely;
}

std::string_view score_input_name(ScoreInput input) {
  switch (input) {
    case ScoreInput::paid_ratio: return "paid_ratio";
    case ScoreInput::recency: return "recency";
    case ScoreInput::partial_trend: return "partial_trend";
    case ScoreInput::on_time_share: return "on_time_share";
    case ScoreInput::overdue_amount: return "overdue_amount";
    case ScoreInput::overdue_share: return "overdue_share";
    case ScoreInput::dpd_severity: return "dpd_severity";
    case ScoreInput::revenue_share: break;
  }
  return "revenue_share";
}

Score ability_score(const AbilityFacts& f, const ScoreSettings& s) {
  const double horizon = std::max(1, s.recency_horizon_days);
  const double recency = f.days_since_payment < 0 ? 0 : clamp01(1.0 - f.days_since_payment / horizon);
  return weigh({
      {ScoreInput::paid_ratio, f.paid_ratio, clamp01(f.paid_ratio), s.ability.paid_ratio, 0},
      {ScoreInput::recency, static_cast<double>(f.days_since_payment), recency, s.ability.recency, 0},
      {ScoreInput::partial_trend, f.partial_share, f.partial_known ? clamp01(1.0 - f.partial_share) : 0.5,
       s.ability.partial_trend, 0},
      {ScoreInput::on_time_share, f.on_time_share, f.on_time_known ? clamp01(f.on_time_share) : 0.5, s.ability.on_time_share,
       0},
  });
}

Score impact_score(const ImpactFacts& f, const ScoreSettings& s) {
  const double amount = f.largest_overdue_cents > 0
                            ? std::sqrt(clamp01(static_cast<double>(f.overdue_cents) / f.largest_overdue_cents))
                            : 0;
  const double share = f.all_overdue_cents > 0 ? static_cast<double>(f.overdue_cents) / f.all_overdue_cents : 0;
  const double cap = s.share_cap > 0 ? s.share_cap : 1;
  const double dpd_cap = std::max(1, s.severity_dpd_cap);
  return weigh({
      {ScoreInput::overdue_amount, static_cast<double>(f.overdue_cents) / 100.0, amount, s.impact.overdue_amount, 0},
      {ScoreInput::overdue_share, share, clamp01(share / cap), s.impact.overdue_share, 0},
      {ScoreInput::dpd_severity, f.weighted_dpd, clamp01(f.weighted_dpd / dpd_cap), s.impact.dpd_severity, 0},
      {ScoreInput::revenue_share, f.revenue_share, clamp01(f.revenue_share / cap), s.impact.revenue_share, 0},
  });
}

}  // namespace overdue
