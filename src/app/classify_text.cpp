#include "classify_text.hpp"

#include <cmath>
#include <cstring>

#include "format.hpp"
#include "overdue/classify/words.hpp"
#include "overdue/report/html_report.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "theme.hpp"

namespace app {

// The words are the core's (classify_words.hpp, shared with the report and the letters), in the
// page's current language.
const char* type_label(overdue::OverdueType t) { return overdue::type_text(t, language()); }
const char* type_long_label(overdue::OverdueType t) { return overdue::type_long_text(t, language()); }

ImVec4 type_color(overdue::OverdueType t) {
  // Blue-green (calm: it will pass), amber (lasting: plan it), red (act): the traffic-light
  // order of the precedence, mid-saturation so white text on a badge and the dots read on both themes.
  switch (t) {
    case overdue::OverdueType::temporary: return ImVec4(0.16f, 0.56f, 0.62f, 1.0f);
    case overdue::OverdueType::structural: return ImVec4(0.85f, 0.55f, 0.08f, 1.0f);
    case overdue::OverdueType::stubborn: break;
  }
  return ImVec4(0.80f, 0.20f, 0.22f, 1.0f);
}

const char* quadrant_label(overdue::RiskQuadrant q) { return overdue::quadrant_text(q, language()); }

std::string rule_value_text(overdue::RuleId id, double value) {
  return overdue::rule_value_text(id, value, language());
}

std::string rule_threshold_text(const overdue::RuleCheck& r) {
  return std::string(r.spec().op) + " " + rule_value_text(r.id, r.threshold);
}

const char* rule_label(overdue::RuleId id) { return overdue::rule_text(id, language()); }

const char* rule_state_label(overdue::RuleState s) { return overdue::rule_state_text(s, language()); }

std::string rule_note(const overdue::RuleCheck& r, const overdue::ClassifiedCustomer& c, int32_t as_of,
                      const overdue::ClassifySettings& s) {
  return overdue::rule_note_text(r, c, as_of, s, language());
}

std::string decision_text(const overdue::Classification& c) { return overdue::decision_text(c, language()); }

std::string low_confidence_text(const overdue::ClassifiedCustomer& c, int32_t as_of) {
  return overdue::low_confidence_text(c, as_of, language());
}

const char* score_input_label(overdue::ScoreInput input) { return overdue::score_input_text(input, language()); }

std::string score_input_value_text(const overdue::ScoreTerm& in) {
  if (in.input == overdue::ScoreInput::recency)
    return in.value < 0 ? tr(S::never) : trf(overdue::S::days_short_fmt, format_count(std::llround(in.value)).c_str());
  if (in.input == overdue::ScoreInput::dpd_severity) return trf(overdue::S::days_short_fmt, format_decimal(in.value, 1).c_str());
  if (in.input == overdue::ScoreInput::overdue_amount) return format_cents(std::llround(in.value * 100.0), 2, true);
  return overdue::percent_display(in.value, 1, language());   // "75.9 %" / zh "75.9%", as the rule rows
}

const char* action_label(const std::string& id) { return overdue::action_text(id, language()); }

void type_badge(overdue::OverdueType t, bool low_confidence, bool long_label) {
  const char* text = long_label ? type_long_label(t) : type_label(t);
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float pad = ImGui::GetFontSize() * 0.35f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::Dummy(ImVec2(ts.x + pad * 2, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad * 2, p.y + h), ImGui::ColorConvertFloat4ToU32(type_color(t)), h * 0.3f);
  dl->AddText(ImVec2(p.x + pad, p.y), IM_COL32_WHITE, text);
  if (low_confidence) {
    ImGui::SameLine(0, pad);
    text_muted("?");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(overdue::S::low_confidence_mark));
  }
}

}  // namespace app
