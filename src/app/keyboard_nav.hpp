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

// Right after EndChild: Enter (or Space) was pressed on this child window as a whole, e.g. a file
// card, which a mouse selects with a click anywhere on it.
inline bool child_activated_by_keyboard() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  return g.NavActivateId != 0 && g.NavActivateId == ImGui::GetItemID();
}

// Once per frame, after the last window: when the control with the keyboard focus is gone (the
// start screen's "Load the demo" once pressed, a closed view), Dear ImGui's Tab would find no
// place to go on from and do nothing while the focus outline is on. Hiding the outline then makes
// the next Tab start again at the first control, as it does after a mouse click.
inline void keep_keyboard_focus_reachable() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  static int frames_gone = 0;   // frames the focused control was not drawn (a clipped row is back next frame)
  frames_gone = g.NavId != 0 && !g.NavIdIsAlive ? frames_gone + 1 : 0;
  if (frames_gone >= 2) g.NavCursorVisible = false;
}

}  // namespace app
