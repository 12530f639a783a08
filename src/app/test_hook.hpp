// What window.overdueLens.summary() and .ui() return (issue #2 item 5): tests assert the page's
// state through these, and click the real widgets at the rectangles ui() reports.
#pragma once
#include <string>

#include "app_state.hpp"

namespace app {

// {"files":[ inspect JSON of every finished file, in drop order ],"analysis":null,"model":null}
std::string summary_json(const AppState& state);
// Language, theme, tab, selected file, the data table's filter/rows, widget rectangles (CSS px).
std::string ui_json(const AppState& state);

// Remembers the last ImGui item's rectangle under `name` (call right after the widget).
void record_item_rect(AppState& state, const std::string& name);

}  // namespace app
