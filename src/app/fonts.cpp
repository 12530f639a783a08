// Loading the page's fonts at start-up and merging the rare parts later (fonts.hpp).
//
// Why merging after start-up is safe with Dear ImGui 1.92.2b (build/_deps/imgui/imgui_draw.cpp):
// ImFontAtlas::AddFont with MergeMode appends the source to the last font's Sources (glyphs are
// looked up source by source, first hit wins) and is allowed whenever the atlas is not Locked —
// it is locked only inside a frame, and only for backends without ImGuiBackendFlags_
// RendererHasTextures (the OpenGL3 backend has it). But every ImFontBaked already made caches
// "not found" for the characters it could not draw (IndexLookup = IM_FONTGLYPH_INDEX_NOT_FOUND)
// and holds per-source loader data sized for the sources it was made with, so the font's bakes
// are discarded first (ImFontAtlasFontDiscardBakes): the next frame rasterises again, with the
// new source. glue.js calls in from a promise callback, never while a frame is being built.
#include "fonts.hpp"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "theme.hpp"

namespace app {
namespace {

enum class Script { latin, cjk };

struct FontFile {
  const char* path;  // in the wasm file system (web/glue.js writes /fonts/<name>)
  Script script;
  bool rare;         // fetched after start-up
};

// In merge order, which is lookup order: a character in two parts is drawn from the first.
constexpr FontFile kFontFiles[] = {
    {"/fonts/latin.ttf", Script::latin, false},
    {"/fonts/cjk.ttf", Script::cjk, false},
    {"/fonts/latin-rare.ttf", Script::latin, true},
    {"/fonts/cjk-rare.ttf", Script::cjk, true},
};
constexpr int kFontCount = sizeof(kFontFiles) / sizeof(kFontFiles[0]);

ImFont* g_body = nullptr;
bool g_merged[kFontCount] = {};

ImFontConfig config_for(Script script, bool merge) {
  ImFontConfig cfg;
  cfg.MergeMode = merge;
  cfg.OversampleH = 1;  // crisp at dpr scale; no horizontal oversampling needed
  cfg.SizePixels = kBodyFontPx;
  if (script == Script::cjk) {
    // Droid's ideographs are drawn small for their em size next to DejaVu's tall Latin letters:
    // a merged source's SizePixels scales it relative to the main font (ImGui 1.92).
    cfg.SizePixels = kBodyFontPx * 1.12f;
    cfg.GlyphOffset.y = 1.0f;
  }
  return cfg;
}

// The atlas keeps its own copy of the bytes: the file system's copy is dropped.
ImFont* add_file(const FontFile& file, bool merge) {
  // ImGui asserts on a missing file (in builds with asserts): look first.
  std::FILE* probe = std::fopen(file.path, "rb");
  if (probe == nullptr) return nullptr;
  std::fclose(probe);
  ImFontConfig cfg = config_for(file.script, merge);
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(file.path, cfg.SizePixels, &cfg);
  if (font != nullptr) std::remove(file.path);
  return font;
}

}  // namespace

void load_startup_fonts() {
  g_body = add_file(kFontFiles[0], false);
  if (g_body == nullptr) {
    std::fprintf(stderr, "overdue-lens: fonts missing, using ImGui's default font\n");
    return;
  }
  if (add_file(kFontFiles[1], true) == nullptr) std::fprintf(stderr, "overdue-lens: %s missing\n", kFontFiles[1].path);
}

bool add_rare_font(const char* path) {
  if (g_body == nullptr || path == nullptr) return false;
  for (int i = 0; i < kFontCount; ++i) {
    const FontFile& file = kFontFiles[i];
    if (!file.rare || std::strcmp(file.path, path) != 0) continue;
    if (g_merged[i]) return true;  // a second call must not add the source twice
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    // MergeMode merges into the atlas's last font: the body font is the only one.
    if (atlas->Fonts.empty() || atlas->Fonts.back() != g_body) return false;
    ImFontAtlasFontDiscardBakes(atlas, g_body, 0);
    if (add_file(file, true) == nullptr) return false;
    g_merged[i] = true;
    return true;
  }
  return false;
}

FontStatus font_status() {
  FontStatus s;
  if (g_body == nullptr) return s;
  s.rare_loaded = true;
  for (int i = 0; i < kFontCount; ++i)
    if (kFontFiles[i].rare && !g_merged[i]) s.rare_loaded = false;
  s.has_glyph_4DAE = g_body->IsGlyphInFont(static_cast<ImWchar>(0x4DAE));
  s.has_glyph_4E2D = g_body->IsGlyphInFont(static_cast<ImWchar>(0x4E2D));
  return s;
}

}  // namespace app

// Called by web/glue.js once a rare part is in the file system: 1 merged, 0 not.
extern "C" EMSCRIPTEN_KEEPALIVE int ol_font_add_rare(const char* path) { return app::add_rare_font(path) ? 1 : 0; }
