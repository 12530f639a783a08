// The customer card's classification (issue #4): the type with a one-sentence decision and the
// low-confidence reason, then the rule trace grouped by type (stubborn, structural, temporary), each
// rule in plain words with the value seen, the threshold and ✓ / ✗ / "not evaluated" with its note.
// Everything is built from the core's structured fields (classify_text.hpp), so the zh UI has no
// English in it. The rows shown are recorded in AppState::card for the test hook.
#include "classify_text.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

ImVec4 state_color(overdue::RuleState s) {
  switch (s) {
    case overdue::RuleState::held: return palette().success;
    case overdue::RuleState::missed: return palette().error;
    case overdue::RuleState::not_evaluated: break;
  }
  return palette().text_muted;
}

}  // namespace

void draw_type_and_decision(AppState& state, const overdue::ClassifiedCustomer& c) {
  const overdue::Classification& k = c.classification;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
  type_badge(k.type, false, true);
  ImGui::PopFont();
  record_item_rect(state, "customer.type");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", decision_text(k).c_str());
  const std::string low = low_confidence_text(c, state.analysis.result().as_of);
  if (!low.empty()) text_colored_wrapped(palette().warning, low.c_str());
  state.card.type = overdue::overdue_type_name(k.type);
  state.card.low_confidence = k.low_confidence;
}

void draw_rule_trace(AppState& state, const overdue::ClassifiedCustomer& c) {
  const Analysis& a = state.analysis;
  const int32_t as_of = a.result().as_of;
  const overdue::ClassifySettings& settings = a.applied_settings().classify;
  heading(tr(S::card_rules_heading));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##rule_trace", 5, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn(tr(overdue::S::col_rule), ImGuiTableColumnFlags_WidthFixed, em * 21.0f);
  ImGui::TableSetupColumn(tr(overdue::S::col_value_seen), ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
  ImGui::TableSetupColumn(tr(overdue::S::col_threshold), ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
  ImGui::TableSetupColumn(tr(overdue::S::col_result), ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
  ImGui::TableSetupColumn(tr(overdue::S::col_note), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  state.card.rules.clear();
  // Groups in precedence order; the core lists rules stubborn, structural, temporary already.
  const struct { overdue::OverdueType type; S heading; } groups[] = {
      {overdue::OverdueType::stubborn, S::rules_stubborn_any},
      {overdue::OverdueType::structural, S::rules_structural_any},
      {overdue::OverdueType::temporary, S::rules_temporary_all}};
  for (const auto& g : groups) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool decided = c.classification.type == g.type;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::ColorConvertFloat4ToU32(ImVec4(
        type_color(g.type).x, type_color(g.type).y, type_color(g.type).z, decided ? 0.22f : 0.08f)));
    ImGui::TextUnformatted(tr(g.heading));
    for (const overdue::RuleCheck& r : c.classification.rules) {
      if (r.type() != g.type) continue;
      const std::string value = r.state == overdue::RuleState::not_evaluated ? "—" : rule_value_text(r.id, r.value);
      const std::string threshold = rule_threshold_text(r);
      const std::string note = rule_note(r, c, as_of, settings);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", rule_label(r.id));
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", std::string(overdue::rule_name(r.id)).c_str());
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(value.c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(threshold.c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextColored(state_color(r.state), "%s", rule_state_label(r.state));
      ImGui::TableSetColumnIndex(4);
      if (!note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopStyleColor();
      }
      state.card.rules.push_back({std::string(overdue::rule_name(r.id)), value, threshold, overdue::rule_state_name(r.state), note, r.value, r.threshold});
    }
  }
  ImGui::EndTable();
  record_item_rect(state, "customer.rules");
}

}  // namespace app
