// A free-text field that accepts Chinese typed through an IME (DESIGN.md §7). IME composition
// never reaches a WebGL canvas, so while the field is edited a DOM <input> sits exactly over it
// (platform text overlay) and its value is mirrored into `value` on every input event.
#pragma once
#include <string>

namespace app {

// Draws the field (width in device pixels; <= 0 fills the line). Returns true when `value`
// changed this frame.
bool text_field(const char* id, const char* hint, std::string& value, float width);

// Call once per frame after all panels: hides the overlay if its field was not drawn this frame
// (its panel closed or was switched away).
void text_field_end_frame(float dpr, bool dark);

}  // namespace app
