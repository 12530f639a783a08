// The page's fonts (issue #7, start-up payload): DejaVuSans for Latin with DroidSansFallbackFull
// merged for CJK, each cut in two by scripts/subset_fonts.py. The start-up parts (latin.ttf,
// cjk.ttf) are in the wasm file system before main(); the rare parts (latin-rare.ttf,
// cjk-rare.ttf: CJK Extension A, compatibility ideographs, Arabic, Hebrew, …) are fetched by
// web/glue.js once the start screen is up and merged into the body font between frames.
#pragma once

namespace app {

// Adds the body font (latin.ttf, then cjk.ttf merged) to the atlas; ImGui's own font if missing.
void load_startup_fonts();

// Merges one rare part (by its path in the wasm file system) into the body font. Call between
// frames (never inside NewFrame/Render). False if the path is not a rare part or cannot be read.
bool add_rare_font(const char* path);

// For the test hook (ui().fonts): whether both rare parts are merged, and whether the body font
// now maps U+4DAE (CJK Extension A, only in cjk-rare.ttf) and U+4E2D 中 (in cjk.ttf).
struct FontStatus {
  bool rare_loaded = false;
  bool has_glyph_4DAE = false;
  bool has_glyph_4E2D = false;
};
FontStatus font_status();

}  // namespace app
