// The classification in words, in a given language (issue #4, #6): built from the structured
// fields (rule ids, values, states, history), never from the core's English sentences. Shared by
// the page's customer card and types view (in the page's language), the report and the letters.
#pragma once
#include <cstdint>
#include <string>

#include "overdue/classify/classify.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {

const char* type_text(OverdueType t, Lang lang);        // 临时性 / temporary
const char* type_long_text(OverdueType t, Lang lang);   // with what the type means
const char* quadrant_text(RiskQuadrant q, Lang lang);
const char* rule_text(RuleId id, Lang lang);
const char* rule_state_text(RuleState s, Lang lang);
// A rule's value or threshold as shown: a share in %, days, a factor ×1.50 or a count.
std::string rule_value_text(RuleId id, double value, Lang lang);
// Why a rule was not evaluated, or the evidence behind it (the cases of classify_rules.cpp).
std::string rule_note_text(const RuleCheck& r, const ClassifiedCustomer& c, int32_t as_of,
                           const ClassifySettings& s, Lang lang);
std::string decision_text(const Classification& c, Lang lang);   // the decision and its rule counts
std::string low_confidence_text(const ClassifiedCustomer& c, int32_t as_of, Lang lang);   // "" if confident
const char* action_text(const std::string& action_id, Lang lang);
const char* score_input_text(ScoreInput input, Lang lang);

}  // namespace overdue
