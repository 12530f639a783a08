// A free-text field that accepts Chinese typed through an IME (DESIGN.md §7). IME composition
// never reaches a WebGL canvas, so while the field is edited a DOM <input> sits exactly over it
// (platform text overlay) and its value is mirrored into `value` on every input event.
#pragma once
#include <string>

namespace app {

// Draws the field (width in device pixels; <= 0 fills the line). Returns true when `value`
// changed this frame.
bool text_field(const char* id, const char* hint, std::string& value, float width);
// The multiline form (the letter templates, issue #22 §4): the overlay is a <textarea>, where Enter
// starts a new line and Escape, Tab or a click elsewhere ends the editing. Size in device pixels as
// ImGui::InputTextMultiline takes it (width <= 0 fills the line). Returns true when `value` changed.
bool text_area(const char* id, std::string& value, float width, float height);

// Call once per frame after all panels: hides the overlay if its field was not drawn this frame
// (its panel closed or was switched away).
void text_field_end_frame(float dpr, bool dark);

}  // namespace app
