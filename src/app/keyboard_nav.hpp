// Keyboard navigation across child windows (issue #22 §5). Dear ImGui's Tab and arrow keys stay in
// the window they are in: a child window is one stop that Enter goes into. A child drawn with
// ImGuiChildFlags_NavFlattened lends its items to its parent's order instead, so Tab reaches every
// control of the page in reading order. A table with a scrolling region draws such a child itself;
// this makes the next one flattened too.
#pragma once
#include "imgui.h"
#include "imgui_internal.h"  // the next window's child flags (BeginTable has no parameter for them)

namespace app {

// Call right before ImGui::BeginTable of a table with ScrollX / ScrollY.
inline void flatten_next_table_for_keyboard() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g.NextWindowData.HasFlags |= ImGuiNextWindowDataFlags_HasChildFlags;
  g.NextWindowData.ChildFlags |= ImGuiChildFlags_NavFlattened;
}

}  // namespace app
