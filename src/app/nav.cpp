// The views grouped into five places (issue #22 §3) and the navigation between them: on a wide or
// medium page a row of group tabs with the group's views under it; on a narrow one (a phone) one
// list of every view under its group's heading. `state.tab` stays the view; the group follows it.
#include "nav.hpp"

#include <cfloat>

#include "imgui.h"
#include "panels.hpp"
#include "test_hook.hpp"
#include "walkthrough.hpp"

namespace app {
namespace {

void draw_data_view(AppState& state) {
  LoadedFile* file = state.selected();
  if (file == nullptr) text_muted(tr(S::no_file_selected));
  else draw_data_panel(state, *file);
}

void draw_mapping_view(AppState& state) {
  LoadedFile* file = state.selected();
  if (file == nullptr) text_muted(tr(S::no_file_selected));
  else draw_mapping_panel(state, *file);
}

// Every view, in the order shown. A new view is one line here.
const std::vector<ViewInfo> kViews = {
    {Tab::data, "data", S::tab_data, Group::data, draw_data_view},
    {Tab::mapping, "mapping", S::tab_mapping, Group::data, draw_mapping_view},
    {Tab::summary, "summary", S::tab_summary, Group::data, draw_import_summary},
    {Tab::dashboard, "dashboard", S::tab_dashboard, Group::receivables, draw_dashboard},
    {Tab::overdue, "overdue", S::tab_overdue, Group::receivables, draw_overdue_list},
    {Tab::customer, "customer", S::tab_customer, Group::receivables, draw_customer_detail},
    {Tab::worklist, "worklist", S::tab_worklist, Group::receivables, draw_worklist},
    {Tab::types, "types", S::tab_types, Group::types, draw_types_view},
    {Tab::lab, "lab", S::tab_lab, Group::lab, draw_lab},
    {Tab::teaching, "teaching", S::tab_teaching, Group::method, draw_teaching},
};

constexpr Group kGroups[kGroupCount] = {Group::data, Group::receivables, Group::types, Group::lab, Group::method};

// The method group also holds the guide (the walkthrough), reopened from there at any time.
bool has_guide(Group g) { return g == Group::method; }

int views_in(Group g) {
  int n = 0;
  for (const ViewInfo& v : kViews) n += v.group == g ? 1 : 0;
  return n;
}

// The view a group opens on: the one last shown in it, else its first.
Tab group_entry(const AppState& state, Group g) {
  const auto it = state.group_view.find(static_cast<int>(g));
  if (it != state.group_view.end()) return it->second;
  for (const ViewInfo& v : kViews)
    if (v.group == g) return v.tab;
  return Tab::data;
}

std::string files_label(const AppState& state) {
  return trf(S::nav_files_fmt, std::to_string(state.files.size()).c_str());
}

// The files drawer's toggle (medium and narrow widths).
void drawer_toggle(AppState& state, bool as_tab) {
  const std::string label = files_label(state);
  const std::string text = (state.files_open ? "◂ " : "▸ ") + label;
  const bool pressed = as_tab ? ImGui::TabItemButton((text + "###nav-files").c_str(), ImGuiTabItemFlags_Leading)
                              : ImGui::Button((text + "###nav-files").c_str());
  record_label_rect(state, "nav.files", text.c_str(), ImGui::GetStyle().FramePadding.x * 2);
  if (pressed) state.files_open = !state.files_open;
}

void guide_button_tab(AppState& state) {
  const char* label = tr(S::guide_open);
  if (ImGui::TabItemButton((std::string(label) + "###guide-open").c_str(), ImGuiTabItemFlags_Trailing))
    open_walkthrough(state);
  record_label_rect(state, "nav.guide", label, ImGui::GetStyle().FramePadding.x * 2);
}

void draw_tabs(AppState& state, bool drawer_button) {
  const float pad = ImGui::GetStyle().FramePadding.x * 2;
  const Group current = view_info(state.tab).group;
  if (ImGui::BeginTabBar("##groups", ImGuiTabBarFlags_NoTooltip)) {
    if (drawer_button) drawer_toggle(state, true);
    for (Group g : kGroups) {
      const ImGuiTabItemFlags flags = state.switch_tab && g == current ? ImGuiTabItemFlags_SetSelected : 0;
      const char* label = group_label(g);
      const bool open = ImGui::BeginTabItem((std::string(label) + "###group." + group_id(g)).c_str(), nullptr, flags);
      record_label_rect(state, std::string("nav.group.") + group_id(g), label, pad);
      if (!open) continue;
      // A click on another group opens the view last shown in it.
      if (!state.switch_tab && g != current) {
        state.tab = group_entry(state, g);
        state.switch_tab = true;
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  const Group shown = view_info(state.tab).group;
  if (views_in(shown) < 2 && !has_guide(shown)) return;
  ImGui::PushID(group_id(shown));
  if (ImGui::BeginTabBar("##views", ImGuiTabBarFlags_NoTooltip)) {
    for (const ViewInfo& v : kViews) {
      if (v.group != shown) continue;
      const ImGuiTabItemFlags flags = state.switch_tab && state.tab == v.tab ? ImGuiTabItemFlags_SetSelected : 0;
      const char* label = tr(v.label);
      const bool open = ImGui::BeginTabItem((std::string(label) + "###view." + v.id).c_str(), nullptr, flags);
      record_label_rect(state, std::string("nav.view.") + v.id, label, pad);
      if (!open) continue;
      if (!state.switch_tab) state.tab = v.tab;
      ImGui::EndTabItem();
    }
    if (has_guide(shown)) guide_button_tab(state);
    ImGui::EndTabBar();
  }
  ImGui::PopID();
}

// Narrow: one list, every view under its group's heading; the guide under Method.
void draw_list(AppState& state, bool drawer_button) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (drawer_button) {
    drawer_toggle(state, false);
    ImGui::SameLine();
  }
  const ViewInfo& cur = view_info(state.tab);
  // "Group › View" when it fits, else the view alone (its group is the heading in the list).
  std::string preview = std::string(group_label(cur.group)) + " › " + tr(cur.label);
  const float room = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2 - ImGui::GetFrameHeight();
  if (ImGui::CalcTextSize(preview.c_str()).x > room) preview = tr(cur.label);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool open = ImGui::BeginCombo("##view-list", preview.c_str(), ImGuiComboFlags_HeightLargest);
  record_label_rect(state, "nav.list", preview.c_str(), style.FramePadding.x * 2 + ImGui::GetFrameHeight());
  if (!open) return;
  for (Group g : kGroups) {
    ImGui::SeparatorText(group_label(g));
    for (const ViewInfo& v : kViews) {
      if (v.group != g) continue;
      if (ImGui::Selectable((std::string(tr(v.label)) + "###view." + v.id).c_str(), state.tab == v.tab)) {
        state.tab = v.tab;
        state.files_open = false;  // one column: the chosen view replaces the files panel
      }
      record_item_rect(state, std::string("nav.view.") + v.id);
    }
    if (has_guide(g)) {
      if (ImGui::Selectable((std::string(tr(S::guide_open)) + "###guide-open").c_str())) open_walkthrough(state);
      record_item_rect(state, "nav.guide");
    }
  }
  ImGui::EndCombo();
}

}  // namespace

const std::vector<ViewInfo>& views() { return kViews; }

const ViewInfo& view_info(Tab tab) {
  for (const ViewInfo& v : kViews)
    if (v.tab == tab) return v;
  return kViews.front();
}

const char* group_id(Group g) {
  static const char* const kIds[kGroupCount] = {"data", "receivables", "types", "lab", "method"};
  return kIds[static_cast<int>(g)];
}

const char* group_label(Group g) {
  static const S kLabels[kGroupCount] = {S::nav_group_data, S::nav_group_receivables, S::nav_group_types,
                                         S::nav_group_lab, S::nav_group_method};
  return tr(kLabels[static_cast<int>(g)]);
}

WidthClass width_class(const AppState& state) {
  const float css = ImGui::GetMainViewport()->Size.x / (state.dpr > 0 ? state.dpr : 1.0f);
  if (css >= 1200) return WidthClass::wide;
  if (css >= 700) return WidthClass::medium;
  return WidthClass::narrow;
}

void draw_navigation(AppState& state, bool drawer_button) {
  // A switch asked for while drawing a view (e.g. "Back to the overdue list") comes after the
  // navigation: it is applied on the next frame, so only what was seen here is cleared.
  const bool switching = state.switch_tab;
  if (width_class(state) == WidthClass::narrow) draw_list(state, drawer_button);
  else draw_tabs(state, drawer_button);
  if (switching) state.switch_tab = false;
  state.group_view[static_cast<int>(view_info(state.tab).group)] = state.tab;
}

void record_label_rect(AppState& state, const std::string& name, const char* label, float padding_x) {
  record_item_rect(state, name);
  const float need = ImGui::CalcTextSize(label, nullptr, true).x + padding_x;
  if (need > ImGui::GetItemRectSize().x + 1.0f) state.cut_labels.push_back(name);
}

}  // namespace app
