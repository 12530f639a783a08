// The walkthrough's steps: the tab each opens, the widget it outlines and its text.
#include "walkthrough.hpp"

#include <cmath>

#include "app_state.hpp"
#include "imgui.h"
#include "nav.hpp"
#include "panels.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

struct StepInfo {
  Tab tab;
  const char* target;  // widget_rects name to outline
  S title, body;
};

const StepInfo kSteps[kWalkthroughSteps] = {
    {Tab::dashboard, "chart.aging", S::guide_aging_title, S::guide_aging_body},
    {Tab::overdue, "overdue.row", S::guide_overdue_title, S::guide_overdue_body},
    {Tab::customer, "customer.rules", S::guide_rules_title, S::guide_rules_body},
    {Tab::types, "types.table", S::guide_strategy_title, S::guide_strategy_body},
    {Tab::lab, "lab.roc", S::guide_lab_title, S::guide_lab_body},
};

void enter_step(AppState& state) {
  Walkthrough& w = state.walkthrough;
  const StepInfo& info = kSteps[w.step];
  state.tab = info.tab;
  state.switch_tab = true;
  // The rule trace is on a customer's card: open the first customer to act on.
  if (info.tab == Tab::customer && state.analysis.available() && !state.analysis.overdue().customers.empty())
    open_customer_card(state, state.analysis.overdue().customers.front().customer);
  if (info.tab == Tab::lab) {
    state.lab.view = LabView::evaluation;
    state.lab.switch_view = true;
  }
}

void outline_target(const AppState& state, const char* name) {
  const auto it = state.widget_rects.find(name);
  if (it == state.widget_rects.end()) return;
  const float s = state.dpr;
  const auto& r = it->second;
  // A soft pulse so the eye finds it; the rectangle never covers the widget itself.
  const float t = static_cast<float>(ImGui::GetTime());
  const float alpha = 0.55f + 0.35f * std::sin(t * 4.0f);
  ImVec4 c = palette().accent;
  c.w = alpha;
  const float pad = 4 * s;
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(r[0] * s - pad, r[1] * s - pad),
                                          ImVec2((r[0] + r[2]) * s + pad, (r[1] + r[3]) * s + pad),
                                          ImGui::ColorConvertFloat4ToU32(c), 6 * s, 0, 3 * s);
}

}  // namespace

void open_walkthrough(AppState& state, int step) {
  state.walkthrough.step = step;
  state.walkthrough.entering = true;
}

void draw_walkthrough(AppState& state) {
  Walkthrough& w = state.walkthrough;
  if (w.step < 0 || w.step >= kWalkthroughSteps) return;
  const bool entered = w.entering;
  if (w.entering) {
    w.entering = false;
    enter_step(state);
  }
  const StepInfo& info = kSteps[w.step];
  outline_target(state, info.target);

  const float s = state.dpr;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Beside the view on a wide page; across the bottom on a narrow one (a phone).
  const float width = width_class(state) == WidthClass::narrow ? vp->Size.x - 32 * s : std::min(440 * s, vp->Size.x * 0.4f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 16 * s, vp->Pos.y + vp->Size.y - 16 * s), ImGuiCond_Always,
                          ImVec2(1, 1));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  const std::string title = trf(S::guide_title_fmt, w.step + 1, kWalkthroughSteps) + "###guide";
  bool open = true;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
  // Brought to the front when a step opens, never every frame: that would close the user's popups
  // (the Export menu) and take the keyboard from text fields.
  if (entered) ImGui::SetNextWindowFocus();
  if (ImGui::Begin(title.c_str(), &open, flags)) {
    if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) open = false;  // keyboard (issue #22 §5)
    record_item_rect(state, "guide");
    heading(tr(info.title));
    // Where the step is in the page's places (issue #22 §3): "In Receivables › Overdue customers".
    const ViewInfo& where = view_info(info.tab);
    text_muted(trf(S::nav_where_fmt, group_label(where.group), tr(where.label)).c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24 * s);
    ImGui::TextUnformatted(tr(info.body));
    if (info.tab == Tab::lab && !(state.lab.run && state.lab.show_results)) {
      ImGui::Spacing();
      ImGui::TextUnformatted(tr(S::guide_lab_needs_demo));
      if (ImGui::Button((std::string(tr(S::lab_demo_load)) + "###guide-credit").c_str())) {
        state.lab.auto_start = true;
        platform::load_demo("credit");
      }
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(w.step == 0);
    if (ImGui::Button((std::string(tr(S::guide_back)) + "###guide-back").c_str())) {
      --w.step;
      w.entering = true;
    }
    ImGui::EndDisabled();
    record_item_rect(state, "guide.back");
    ImGui::SameLine();
    const bool last = w.step + 1 == kWalkthroughSteps;
    if (ImGui::Button((std::string(tr(last ? S::guide_done : S::guide_next)) + "###guide-next").c_str())) {
      if (last) {
        w.step = -1;
        w.dismissed = true;
      } else {
        ++w.step;
        w.entering = true;
      }
    }
    record_item_rect(state, "guide.next");
  }
  ImGui::End();
  if (!open) {
    w.step = -1;
    w.dismissed = true;
  }
}

}  // namespace app
