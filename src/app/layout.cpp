// The page's layout: one full-window ImGui window with the toolbar on top, the files column on
// the left (about a fifth of the width, clamped) and the tabs (data, mapping, import summary;
// dashboard, types & risk, overdue customers, customer card, how the classification works; the model lab) on the right. Sizes follow the window, so it adapts from 1280×720 to 2560×1440.
#include <algorithm>

#include "imgui.h"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "walkthrough.hpp"

namespace app {
namespace {

// "Label###stable-id": the tab keeps its identity when the language changes.
std::string tab_label(S text, const char* id) { return std::string(tr(text)) + "###" + id; }

void draw_tab(AppState& state, Tab tab, S text, const char* id) {
  ImGuiTabItemFlags flags = 0;
  if (state.switch_tab && state.tab == tab) flags |= ImGuiTabItemFlags_SetSelected;
  const bool open = ImGui::BeginTabItem(tab_label(text, id).c_str(), nullptr, flags);
  record_item_rect(state, std::string("tab.") + id);
  if (!open) return;
  if (!state.switch_tab) state.tab = tab;
  LoadedFile* file = state.selected();
  ImGui::Spacing();
  if (tab == Tab::summary) {
    draw_import_summary(state);
  } else if (tab == Tab::dashboard) {
    draw_dashboard(state);
  } else if (tab == Tab::overdue) {
    draw_overdue_list(state);
  } else if (tab == Tab::customer) {
    draw_customer_detail(state);
  } else if (tab == Tab::types) {
    draw_types_view(state);
  } else if (tab == Tab::teaching) {
    draw_teaching(state);
  } else if (tab == Tab::lab) {
    draw_lab(state);
  } else if (tab == Tab::worklist) {
    draw_worklist(state);
  } else if (file == nullptr) {
    text_muted(tr(S::no_file_selected));
  } else if (tab == Tab::data) {
    draw_data_panel(state, *file);
  } else {
    draw_mapping_panel(state, *file);
  }
  ImGui::EndTabItem();
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
  const float avail = ImGui::GetContentRegionAvail().x;
  const float side = std::clamp(avail * 0.22f, 260.0f * s, 420.0f * s);
  ImGui::BeginChild("##files", ImVec2(side, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);  // Tab goes through
  draw_files_panel(state);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##work", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);  // (issue #22 §5)
  // A switch requested while drawing a tab that comes after the target one (e.g. "Back to the
  // overdue list" on the customer tab) is applied on the next frame, so only clear what was seen.
  const bool switching = state.switch_tab;
  if (ImGui::BeginTabBar("##tabs")) {
    draw_tab(state, Tab::data, S::tab_data, "data");
    draw_tab(state, Tab::mapping, S::tab_mapping, "mapping");
    draw_tab(state, Tab::summary, S::tab_summary, "summary");
    draw_tab(state, Tab::dashboard, S::tab_dashboard, "dashboard");
    draw_tab(state, Tab::types, S::tab_types, "types");
    draw_tab(state, Tab::overdue, S::tab_overdue, "overdue");
    draw_tab(state, Tab::worklist, S::tab_worklist, "worklist");
    draw_tab(state, Tab::customer, S::tab_customer, "customer");
    draw_tab(state, Tab::teaching, S::tab_teaching, "teaching");
    draw_tab(state, Tab::lab, S::tab_lab, "lab");
    // The walkthrough, reopened at any time from the end of the tab bar.
    if (ImGui::TabItemButton((std::string(tr(S::guide_open)) + "###guide-open").c_str(), ImGuiTabItemFlags_Trailing))
      open_walkthrough(state);
    record_item_rect(state, "guide.open");
    ImGui::EndTabBar();
  }
  if (switching) state.switch_tab = false;
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace app
