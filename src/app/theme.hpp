// The page's look: a calm light theme (dark switchable), sizes in CSS pixels scaled to the
// device pixel ratio so text is crisp on high-DPI screens (TOOLCHAIN.md "High-DPI", fix A).
#pragma once
#include "imgui.h"

namespace app {

enum class Theme { light, dark };

// Body text size in CSS pixels (DESIGN.md §7: at least 15).
constexpr float kBodyFontPx = 16.0f;

// Rebuilds ImGui's style from scratch for `theme` at `dpr` (ScaleAllSizes cannot be undone, so the
// style is never scaled twice). Call between frames.
void apply_theme(Theme theme, float dpr);

// Colours the panels use beyond ImGui's own, for the active theme.
struct Palette {
  ImVec4 text_muted;
  ImVec4 error;
  ImVec4 warning;
  ImVec4 success;
  ImVec4 accent;
  ImVec4 drop_zone;
  ImVec4 canvas_clear;
};
const Palette& palette();

}  // namespace app
