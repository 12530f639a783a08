// Screen readers (issue #22 §6). To assistive technology a canvas is a blank box, so the page says
// what happens in words: once per frame this keeps <html lang> and the canvas's aria-label in the
// UI language, and announces through the live region #ol-status (aria-live="polite",
// web/index.html) each file read or refused, each finished analysis and each toolbar notice, in
// the UI language with numbers as the page shows them. The last five messages are kept here too,
// for ui().live.
#pragma once
#include <deque>
#include <string>

#include "app_state.hpp"

namespace app {

// How many messages the live region keeps (glue.js keeps as many children).
constexpr size_t kLiveMessageCount = 5;

// Once per frame, after the panels (the money sign of the frame is set by then).
void update_screen_reader(AppState& state);
// Adds a message, worded in the current language, to the live region.
void announce(const std::string& text);
// The live region's messages, oldest first (at most kLiveMessageCount).
const std::deque<std::string>& live_messages();

}  // namespace app
