// How a finger becomes ImGui input. On touch start the pointer moves there and presses (so the
// item under the finger reacts as to a mouse). Then:
//   - released before moving ~10 CSS px and before the long-press time: a click (a tap);
//   - moved further while a slider, drag or scrollbar took the press: the finger drags it;
//   - moved further otherwise: the press is withdrawn (ClearActiveID: nothing is clicked) and the
//     window under the finger — the nearest one that can scroll — follows the finger;
//   - held still for the long-press time: the press is withdrawn too and the pointer stays, so
//     tooltips and chart values show as on hover while the finger stays. A held finger that then
//     moves scrolls like any other: the long-press time is measured in frames' clocks, and a
//     slow frame (software WebGL at dpr 3 takes ~0.5 s) must not turn a quick drag into a hold.
// After a tap or a drag the pointer leaves the canvas, so no hover lingers on a touch screen.
#include "touch.hpp"

#include <cfloat>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace app {
namespace {

constexpr float kDragStartCss = 10.0f;
constexpr double kLongPressMs = 500.0;

enum class Mode { none, pending, scroll, widget, held };
const char* const kModeNames[] = {"none", "pending", "scroll", "widget", "held"};

struct Finger {
  Mode mode = Mode::none;
  float x0 = 0, y0 = 0;        // where it went down (CSS px)
  float x = 0, y = 0;          // where it is
  double t0 = 0;
  double t_seen = -1;          // when ImGui had taken the press (the long press counts from there)
  ImGuiWindow* target = nullptr;
  float scroll_x = 0, scroll_y = 0;  // the target's scroll as the finger has set it (device px)
};

Finger g_finger;
// For the test hook: drags that scrolled, and what the last one scrolled.
int g_drags = 0;
std::string g_last_window;
float g_last_scroll_x = 0, g_last_scroll_y = 0;
int g_events[4] = {0, 0, 0, 0};   // touch events seen, by phase (start, move, end, cancel)
const char* g_last_start = "";     // what the last move past the slop became: "scroll", "widget", "none"

// The item the press went to moves with the finger: sliders, drags (ImGui asks for the arrow
// keys while they are active) and scrollbars.
bool active_item_wants_drag() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.ActiveId == 0) return false;
  ImGuiWindow* w = g.ActiveIdWindow;
  // A press on a window's empty area (a KPI tile, a panel) takes the window's move id: no widget.
  if ((w != nullptr && g.ActiveId == w->MoveId) || (g.MovingWindow != nullptr && g.ActiveId == g.MovingWindow->MoveId))
    return false;
  if (g.ActiveIdUsingNavDirMask != 0) return true;
  return w != nullptr && (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
                          g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y));
}

// The window under the point (device px), or the nearest parent that can scroll with the wheel.
// Hit-tested here rather than taken from last frame's HoveredWindow, which ImGui leaves empty
// for a touch press it has not yet seen as hovering.
ImGuiWindow* scroll_target(float x, float y) {
  ImGuiWindow* w = nullptr;
  ImGui::FindHoveredWindowEx(ImVec2(x, y), true, &w, nullptr);
  while (w != nullptr) {
    const bool can = (w->ScrollMax.y > 0 || w->ScrollMax.x > 0) && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    if (can || !(w->Flags & ImGuiWindowFlags_ChildWindow)) return w;
    w = w->ParentWindow;
  }
  return nullptr;
}

void leave(ImGuiIO& io) { io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); }

}  // namespace

void touch_event(AppState& state, int phase, float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  const float s = state.dpr > 0 ? state.dpr : 1.0f;
  Finger& f = g_finger;
  if (phase >= 0 && phase < 4) ++g_events[phase];
  if (!state.touch) state.touch = true;  // bigger frames and grabs from the next frame (main.cpp)
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  if (phase == 0) {
    f = Finger{Mode::pending, x, y, x, y, state.now_ms, -1, nullptr, 0, 0};
    io.AddMousePosEvent(x * s, y * s);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    return;
  }
  if (f.mode == Mode::none) return;
  const float dx = (x - f.x) * s, dy = (y - f.y) * s;
  f.x = x;
  f.y = y;
  if (phase == 1) {
    if ((f.mode == Mode::pending || f.mode == Mode::held) && std::hypot(x - f.x0, y - f.y0) >= kDragStartCss) {
      if (f.mode == Mode::pending && active_item_wants_drag()) {
        f.mode = Mode::widget;
        g_last_start = "widget";
      } else {
        f.mode = Mode::scroll;
        ImGui::ClearActiveID();
        f.target = scroll_target(f.x0 * s, f.y0 * s);
        if (f.target != nullptr) {
          f.scroll_x = f.target->Scroll.x;
          f.scroll_y = f.target->Scroll.y;
          ++g_drags;
          g_last_window = f.target->Name;
        }
        g_last_start = f.target != nullptr ? "scroll" : "none";
        // The whole way from the start point, not only this event's step.
        const float sx = (x - f.x0) * s, sy = (y - f.y0) * s;
        if (f.target != nullptr) {
          f.scroll_x -= sx - dx;
          f.scroll_y -= sy - dy;
        }
      }
    }
    if (f.mode == Mode::widget) io.AddMousePosEvent(x * s, y * s);
    if (f.mode == Mode::scroll && f.target != nullptr) {
      ImGuiWindow* w = f.target;
      if (w->ScrollMax.x > 0) f.scroll_x = std::fmax(0.0f, std::fmin(w->ScrollMax.x, f.scroll_x - dx));
      if (w->ScrollMax.y > 0) f.scroll_y = std::fmax(0.0f, std::fmin(w->ScrollMax.y, f.scroll_y - dy));
      ImGui::SetScrollX(w, f.scroll_x);
      ImGui::SetScrollY(w, f.scroll_y);
      g_last_scroll_x = f.scroll_x / s;
      g_last_scroll_y = f.scroll_y / s;
    }
    return;
  }
  // End or cancel. A cancelled touch clicks nothing either. After a scroll the pointer leaves
  // before the release (ImGui takes them a frame apart), so nothing that acts on a release under
  // the pointer (a file card) takes the drag for a click.
  if (phase == 3 && (f.mode == Mode::pending || f.mode == Mode::widget)) ImGui::ClearActiveID();
  if (f.mode == Mode::scroll || phase == 3) leave(io);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  if (f.mode == Mode::pending || f.mode == Mode::widget) leave(io);  // no hover lingers after a tap
  f.mode = Mode::none;
}

void touch_frame(AppState& state) {
  Finger& f = g_finger;
  // GLFW's backend queues its last known mouse position every frame while the canvas has focus
  // and no mouse is over it; queued after it, the finger's position is the one ImGui uses.
  if (f.mode != Mode::none) {
    const float s = state.dpr > 0 ? state.dpr : 1.0f;
    ImGui::GetIO().AddMousePosEvent(f.x * s, f.y * s);
  }
  if (f.mode != Mode::pending) return;
  // Counted from the first frame after ImGui processed the press: with slow frames (software
  // WebGL at dpr 3) the press may be taken a frame late, and a hold decided before it would let
  // the release that follows click what is under the finger.
  if (f.t_seen < 0) {
    if (ImGui::GetIO().MouseDown[ImGuiMouseButton_Left]) f.t_seen = state.now_ms;
    return;
  }
  if (state.now_ms - f.t_seen < kLongPressMs) return;
  // Held still: a slider keeps the finger; anything else shows its hover and is not clicked.
  if (active_item_wants_drag()) {
    f.mode = Mode::widget;
    return;
  }
  f.mode = Mode::held;
  ImGui::ClearActiveID();
  // The button goes up now, with the pointer kept: ImGui then hovers as under a resting mouse
  // (a press it took for one outside its windows would hide every hover until released).
  ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
}

std::string touch_json(float dpr) {
  // Where the last dragged window is scrolled now (CSS px): the finger's scroll took effect.
  ImGuiWindow* w = g_last_window.empty() ? nullptr : ImGui::FindWindowByName(g_last_window.c_str());
  const float window_scroll_y = w != nullptr && dpr > 0 ? w->Scroll.y / dpr : 0;
  return nlohmann::json{{"drags", g_drags}, {"window", g_last_window}, {"window_scroll_y", window_scroll_y},
                        {"scroll_x", g_last_scroll_x},
                        {"scroll_y", g_last_scroll_y},
                        {"events", {g_events[0], g_events[1], g_events[2], g_events[3]}}, {"last_start", g_last_start},
                        {"finger", kModeNames[static_cast<int>(g_finger.mode)]}, {"press_seen", g_finger.t_seen >= 0}}
      .dump();
}

}  // namespace app
