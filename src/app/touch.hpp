// Touch input (issue #22 §2): a tap clicks, a drag scrolls the list, table or view under the
// finger (or moves the slider it started on), a long press shows what hovering shows and does
// not click. Fed by platform::set_touch_handler; ImGui sees the finger as a touch-screen mouse.
#pragma once

#include "app_state.hpp"

namespace app {

// phase 0 start, 1 move, 2 end, 3 cancel; x, y in CSS px.
void touch_event(AppState& state, int phase, float x, float y);
// Once a frame, after the platform backend and before NewFrame: keeps the pointer at the finger
// and recognises the long press by its time.
void touch_frame(AppState& state);
// What the last drag scrolled, for the test hook: {"drags":n,"window":"…","scroll_x":…,"scroll_y":…}.
std::string touch_json(float dpr);

}  // namespace app
