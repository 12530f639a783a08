// The classification's rules as one table (DESIGN.md §4): each rule's stable id, the type it
// belongs to, its comparison, the kind of value it measures, its English label (the JSON's) and
// the string-table id of its label in the user's language. classify_customer() evaluates them,
// words.cpp says them, the JSON and the report print them — all from this table.
#pragma once
#include <cstdint>
#include <string_view>

#include "overdue/classify/actions.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {

// In trace order: stubborn (any holds), structural (any holds), temporary (all that could be
// evaluated hold).
enum class RuleId : uint8_t {
  S1_no_payment, S2_deep_dpd_not_paying, S3_broken_promises, S4_refusals,
  R1_repeated_episodes, R2_chronic_lateness, R3_rising_balance, R4_keeps_paying_partially,
  T1_good_record, T2_no_earlier_serious_episode, T3_recent_or_paying,
};
constexpr size_t kRuleCount = static_cast<size_t>(RuleId::T3_recent_or_paying) + 1;

// What a rule's value and threshold measure, which decides how they are shown.
enum class RuleValueKind : uint8_t { share, days, count, factor };

struct RuleSpec {
  RuleId id;
  std::string_view name;     // stable id in the JSON, the CSV and the page: "S1_no_payment", …
  OverdueType type;
  std::string_view op;       // ">", "≥", "≤", "="
  RuleValueKind value_kind;
  std::string_view label;    // English, as the JSON's "label"
  S label_text;              // the label in the string table
};

const RuleSpec& rule_spec(RuleId id);
inline std::string_view rule_name(RuleId id) { return rule_spec(id).name; }
bool parse_rule_id(std::string_view name, RuleId& out);   // exact names only

}  // namespace overdue
