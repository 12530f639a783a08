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
// text_size (ui.text_size): 0 = S, the original size; 1 = M and 2 = L scale text and spacing.
// touch: a finger is in use — taller frames, wider grabs and scrollbars (issue #22 §2).
void apply_theme(Theme theme, float dpr, int text_size = 0, bool touch = false);
constexpr float kTextSizeScale[3] = {1.0f, 1.15f, 1.3f};

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
