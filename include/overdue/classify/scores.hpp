// Ability-to-pay and business-impact scores, 0–100, and the risk matrix (DESIGN.md §3, issue #4).
// Each score = Σ weight_i × component_i / Σ weight_i × 100, every component in [0, 1]; the
// per-input points are returned so the customer card can show the breakdown.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

struct AbilityWeights {  // defaults: the two direct measures of paying weigh most
  double paid_ratio = 30;       // paid ÷ billed over the trailing 365 days (capped at 1)
  double recency = 20;          // 1 − days since last payment ÷ recency_horizon_days (0 when none)
  double partial_trend = 20;    // 1 − share of partial payments in the last 180 days
  double on_time_share = 30;    // share of settled invoices paid on time (0.5 when none settled)
};

struct ImpactWeights {
  double overdue_amount = 30;   // sqrt(overdue ÷ the largest customer overdue): big debts stand out
  double overdue_share = 20;    // overdue ÷ all overdue, ÷ share_cap (capped at 1)
  double dpd_severity = 30;     // amount-weighted DPD ÷ severity_dpd_cap (capped at 1)
  double revenue_share = 20;    // trailing-12-month revenue share ÷ share_cap (capped at 1)
};

struct ScoreSettings {
  AbilityWeights ability;
  ImpactWeights impact;
  int recency_horizon_days = 180;   // a payment 180+ days ago counts as no recent payment
  double share_cap = 0.20;          // 20 % of all overdue (or revenue) already is a key account
  int severity_dpd_cap = 180;       // 180 days past due = fully severe (the usual write-off horizon)
  double high_ability = 50;         // risk-matrix split lines (scores ≥ split are "high")
  double high_impact = 50;
};

// The inputs of the two scores: ability (paid_ratio … on_time_share), then impact.
enum class ScoreInput : uint8_t {
  paid_ratio, recency, partial_trend, on_time_share,
  overdue_amount, overdue_share, dpd_severity, revenue_share,
};
std::string_view score_input_name(ScoreInput input);   // "paid_ratio", … (the JSON's "input")

struct ScoreTerm {  // one input of a score: its raw value, 0–1 component, weight and points
  ScoreInput input = ScoreInput::paid_ratio;
  double value = 0;                 // raw value (ratio, days, …)
  double component = 0;             // in [0, 1]
  double weight = 0;
  double points = 0;                // 100 × weight × component ÷ Σ weights
};

struct Score {
  double value = 0;                 // Σ points, 0–100
  std::vector<ScoreTerm> inputs;
};

// Quadrants, in priority order: low ability & high impact first (they hurt most and will not
// pay by themselves), then high & high, low & low, high ability & low impact last.
enum class RiskQuadrant { act_now, negotiate, monitor_closely, routine };
const char* risk_quadrant_name(RiskQuadrant q);  // "act_now", "negotiate", "monitor_closely", "routine"
RiskQuadrant risk_quadrant(double ability, double impact, const ScoreSettings& s);

// Raw facts the scores read (computed by classify.cpp from the ledger and the monitor).
struct AbilityFacts {
  double paid_ratio = 0;            // already capped to [0, 1]
  int32_t days_since_payment = -1;  // -1: never paid
  double partial_share = 0;         // partial payments ÷ payments in the last 180 days
  bool partial_known = false;       // false: no payment in the window (component 0.5, neutral)
  double on_time_share = 0;
  bool on_time_known = false;       // false: nothing settled yet (component 0.5, neutral)
};
struct ImpactFacts {
  int64_t overdue_cents = 0, largest_overdue_cents = 0, all_overdue_cents = 0;
  double weighted_dpd = 0;
  double revenue_share = 0;
};

Score ability_score(const AbilityFacts& f, const ScoreSettings& s);
Score impact_score(const ImpactFacts& f, const ScoreSettings& s);

}  // namespace overdue
