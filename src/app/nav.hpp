// The page's places (issue #22 §3): the views, each in one of five groups — Data, Receivables,
// Types & risk, Model lab, Method — as one table (nav.cpp kViews), and the widths the layout
// changes at. A new view is one line of that table.
#pragma once
#include <string>
#include <vector>

#include "app_state.hpp"
#include "strings.hpp"

namespace app {

enum class Group { data, receivables, types, lab, method };
constexpr int kGroupCount = 5;

struct ViewInfo {
  Tab tab;
  const char* id;      // ui().tab and the rectangle nav.view.<id>; tests use these names
  S label;
  Group group;
  void (*draw)(AppState&);
};

const std::vector<ViewInfo>& views();
const ViewInfo& view_info(Tab tab);
const char* group_id(Group g);     // "data", "receivables", "types", "lab", "method"
const char* group_label(Group g);  // in the page's language

// The width classes, in CSS px: ≥ 1200 wide (files column beside the views), 700–1200 medium
// (files in a drawer), < 700 narrow (one column, compact toolbar, views from a list).
enum class WidthClass { wide, medium, narrow };
WidthClass width_class(const AppState& state);

// The navigation: group tabs and the group's view tabs (wide and medium), or one list (narrow).
// `drawer_button`: the files drawer's toggle is drawn in front of it (medium and narrow).
void draw_navigation(AppState& state, bool drawer_button);

// Records the last item's rectangle and whether `label` was cut (its text wider than the item).
void record_label_rect(AppState& state, const std::string& name, const char* label, float padding_x);

}  // namespace app
