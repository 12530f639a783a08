// The page's layout (issue #22 §1): one full-window ImGui window with the toolbar on top, then by
// the width in CSS px (nav.hpp width_class):
//   ≥ 1200  the files column on the left (about a fifth of the width, clamped), the navigation
//           and the view on the right — as before;
//   700–1200 the files panel is a drawer: a toggle in front of the group tabs opens it as a
//           narrow column beside the view;
//   < 700   one column: the toggle and a list of the views; the open drawer replaces the view.
// The navigation stays put while the view scrolls (each view scrolls on its own).
#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"  // the view window's scroll range
#include "nav.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "walkthrough.hpp"

namespace app {
namespace {

void draw_files_column(AppState& state, float width) {
  ImGui::BeginChild("##files", ImVec2(width, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);  // Tab goes through (§5)
  draw_files_panel(state);
  ImGui::EndChild();
}

void draw_view(AppState& state) {
  const ViewInfo& v = view_info(state.tab);
  // One child per view: each keeps its own scroll position.
  ImGui::BeginChild((std::string("##view.") + v.id).c_str(), ImVec2(0, 0), ImGuiChildFlags_NavFlattened,
                    // On a phone the view never scrolls sideways (tables scroll inside themselves):
                    // a few pixels of spacing past the edge are clipped, not given a scrollbar.
                    width_class(state) == WidthClass::narrow ? ImGuiWindowFlags_None : ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::Spacing();
  v.draw(state);
  // A horizontal scrollbar under the whole view: tables scroll inside themselves instead, so
  // none is shown (the responsive suite checks it).
  const ImGuiWindow* view = ImGui::GetCurrentWindow();
  state.view_overflow_x = view->ScrollbarX ? view->ScrollMax.x / state.dpr : 0.0f;
  ImGui::EndChild();
}

}  // namespace

void draw_main_window(AppState& state) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##overdue-lens", nullptr, flags);
  sync_money_symbol(state);   // amounts in the reporting currency's sign (panel_currency.cpp)
  draw_toolbar(state);
  ImGui::Separator();
  ImGui::Spacing();

  if (state.files.empty()) {
    draw_empty_state(state);
    ImGui::End();
    return;
  }

  const float s = state.dpr;
  const WidthClass wc = width_class(state);
  if (wc == WidthClass::wide) {
    const float avail = ImGui::GetContentRegionAvail().x;
    draw_files_column(state, std::clamp(avail * 0.22f, 260.0f * s, 420.0f * s));
    ImGui::SameLine();
    ImGui::BeginChild("##work", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
    draw_navigation(state, false);
    draw_view(state);
    ImGui::EndChild();
  } else if (wc == WidthClass::medium) {
    draw_navigation(state, true);
    if (state.files_open) {
      draw_files_column(state, 280.0f * s);
      ImGui::SameLine();
    }
    draw_view(state);
  } else {
    draw_navigation(state, true);
    if (state.files_open) draw_files_column(state, 0);
    else draw_view(state);
  }
  ImGui::End();
}

}  // namespace app
