// The table of the classification's rules (include/overdue/classify/rules.hpp).
#include "overdue/classify/rules.hpp"

namespace overdue {
namespace {

using K = RuleValueKind;
constexpr OverdueType kS = OverdueType::stubborn, kR = OverdueType::structural, kT = OverdueType::temporary;

// clang-format off
constexpr RuleSpec kRules[kRuleCount] = {
  {RuleId::S1_no_payment, "S1_no_payment", kS, ">", K::days,
   "days without payment", S::rule_S1_no_payment},
  {RuleId::S2_deep_dpd_not_paying, "S2_deep_dpd_not_paying", kS, ">", K::days,
   "max days past due while not paying", S::rule_S2_deep_dpd_not_paying},
  {RuleId::S3_broken_promises, "S3_broken_promises", kS, "≥", K::count,
   "broken promises to pay", S::rule_S3_broken_promises},
  {RuleId::S4_refusals, "S4_refusals", kS, "≥", K::count,
   "refusals to pay", S::rule_S4_refusals},
  {RuleId::R1_repeated_episodes, "R1_repeated_episodes", kR, "≥", K::count,
   "recent overdue episodes, the current one included", S::rule_R1_repeated_episodes},
  {RuleId::R2_chronic_lateness, "R2_chronic_lateness", kR, "≥", K::share,
   "share of settled invoices paid late", S::rule_R2_chronic_lateness},
  {RuleId::R3_rising_balance, "R3_rising_balance", kR, "≥", K::factor,
   "rise of open balance ÷ 12-month billing over the look-back", S::rule_R3_rising_balance},
  {RuleId::R4_keeps_paying_partially, "R4_keeps_paying_partially", kR, "≥", K::share,
   "share of partial payments in the last 180 days", S::rule_R4_keeps_paying_partially},
  {RuleId::T1_good_record, "T1_good_record", kT, "≥", K::share,
   "paid on time before this episode", S::rule_T1_good_record},
  {RuleId::T2_no_earlier_serious_episode, "T2_no_earlier_serious_episode", kT, "=", K::count,
   "earlier episodes that reached a serious DPD", S::rule_T2_no_earlier_serious_episode},
  {RuleId::T3_recent_or_paying, "T3_recent_or_paying", kT, "≤", K::days,
   "episode length in days, or a recent payment", S::rule_T3_recent_or_paying},
};
// clang-format on

constexpr bool table_in_enum_order() {
  for (size_t i = 0; i < kRuleCount; ++i)
    if (static_cast<size_t>(kRules[i].id) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "kRules is indexed by RuleId");

}  // namespace

const RuleSpec& rule_spec(RuleId id) { return kRules[static_cast<size_t>(id)]; }

bool parse_rule_id(std::string_view name, RuleId& out) {
  for (const RuleSpec& r : kRules)
    if (r.name == name) {
      out = r.id;
      return true;
    }
  return false;
}

}  // namespace overdue
