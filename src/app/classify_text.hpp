// Words and numbers of the classification (issue #4) in the page's language: the core's
// classify_words.hpp (the report's and letters' words too), built from the structured fields (rule ids, values, states, history) — never from its English sentences — so
// the Chinese UI has no English in it. Shared by the overdue list, the customer card, the types
// view, the teaching panel and the test hook.
#pragma once
#include <string>

#include "imgui.h"
#include "overdue/classify/classify.hpp"

namespace app {

const char* type_label(overdue::OverdueType t);       // "Temporary" / "临时性"
const char* type_long_label(overdue::OverdueType t);  // "Temporary overdue" / "临时性逾期"
ImVec4 type_color(overdue::OverdueType t);            // one colour per type, readable on both themes
const char* quadrant_label(overdue::RiskQuadrant q);

// How a rule's value and threshold read: a share "92 %" (zh "92%"), days "134 d", a count "2", a
// factor "×1.80" — the core's classify_words.hpp in the page's language, as the report says them.
std::string rule_value_text(overdue::RuleId id, double value);
// "≥ 80 %" (op + threshold in the rule's kind).
std::string rule_threshold_text(const overdue::RuleCheck& r);
const char* rule_label(overdue::RuleId id);   // translated plain words
const char* rule_state_label(overdue::RuleState s);   // "✓ held", "✗ missed", "not evaluated"
// The rule's note in the page's language, rebuilt from the customer's history and the settings
// the analysis used (the same cases as classify_rules.cpp).
std::string rule_note(const overdue::RuleCheck& r, const overdue::ClassifiedCustomer& c, int32_t as_of,
                      const overdue::ClassifySettings& s);

// The one-sentence decision: which branch of the precedence decided the type.
std::string decision_text(const overdue::Classification& c);
// "Low confidence: too little history (…)" or "" when the history is long enough.
std::string low_confidence_text(const overdue::ClassifiedCustomer& c, int32_t as_of);

const char* score_input_label(overdue::ScoreInput input);
// A score input's raw value as it reads: ratio → "85 %", days → "12 d" (never → "never"), money, DPD.
std::string score_input_value_text(const overdue::ScoreTerm& in);
const char* action_label(const std::string& action_id);

// A coloured badge with the type's name (white text on the type colour); low confidence adds a
// muted "?" with a tooltip. Occupies one text line at the cursor.
void type_badge(overdue::OverdueType t, bool low_confidence, bool long_label = false);

}  // namespace app
