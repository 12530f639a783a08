// The page's view of the browser: canvas size, files arriving in chunks, clipboard, the DOM text
// overlay used for IME input, and the test hook. One header, one implementation per platform
// (platform_web.cpp with EM_JS glue; chosen by CMake). No ImGui types here, no Emscripten types
// in this header.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace platform {

// [SECTION] display -------------------------------------------------------------------------------
struct Display {
  int width_px = 0;   // canvas backing store, device pixels (= CSS size × devicePixelRatio)
  int height_px = 0;
  double dpr = 1.0;   // devicePixelRatio
};
// Sizes the canvas backing store to its CSS box × devicePixelRatio (TOOLCHAIN.md "High-DPI"
// fix A, without glfwSetWindowSize so the fullscreen trap cannot trigger) and reports it.
Display fit_canvas();
// "zh-CN", "en-US", … (navigator.language).
std::string preferred_language();
double now_ms();
// Runs `frame` once per animation frame, forever.
void run_main_loop(void (*frame)(void*), void* arg);
// Tells the page the app is set up: files dropped before this moment are handed over now, and
// window.overdueLens.ready turns true.
void notify_started();
// Replaces the page with a message when the app cannot run (e.g. no WebGL 2).
void show_fatal_error(const std::string& message);
// Mouse wheel in ImGui's units (one step = one notch); GLFW's emulation quantises it badly.
void set_wheel_handler(void (*on_wheel)(float dx, float dy));
// One-finger touch on the canvas (issue #22 §2), in CSS px from the canvas's corner: phase 0 start,
// 1 move, 2 end, 3 cancel. The browser's own handling (compatibility mouse events, page scroll and
// zoom) is prevented; a second finger is ignored.
void set_touch_handler(void (*on_touch)(int phase, float x, float y));

// [SECTION] files -----------------------------------------------------------------------------------
// The page's JS reads each dropped or picked File in slices and calls these in order:
// begin once, chunk any number of times, then end (or failed if the browser could not read it).
class FileEvents {
 public:
  virtual ~FileEvents() = default;
  // False refuses the file (e.g. too large for the page's memory): it is then not read at all.
  virtual bool file_begin(int id, std::string name, double size_bytes) = 0;
  virtual void file_chunk(int id, const uint8_t* bytes, size_t length) = 0;
  virtual void file_end(int id) = 0;
  virtual void file_failed(int id, std::string message) = 0;
};
void set_file_events(FileEvents* events);
void open_file_picker();
// Fetches a demo from the page's own origin (or the single file's embedded copy) and hands it
// over through FileEvents like dropped files. Nothing is fetched until this is called.
// "ledger": the generated receivables (invoices, payments, contacts); "credit": the UCI
// credit-card accounts for the model lab.
void load_demo(const char* which = "ledger");

// [SECTION] downloads and settings storage ---------------------------------------------------------
// Offers `bytes` as a download named `name` (Blob + link): how every export leaves the page.
void download_file(const std::string& name, const std::string& mime, const std::string& bytes);
// localStorage, for the settings only (never data). Get returns "" when absent or unavailable.
std::string storage_get(const std::string& key);
bool storage_set(const std::string& key, const std::string& value);

// [SECTION] clipboard ------------------------------------------------------------------------------
void set_clipboard_text(const char* text);
// Text of the last paste event seen by the page (browsers only hand it out on paste).
const char* clipboard_text();

// [SECTION] text overlay (IME) ---------------------------------------------------------------------
// A DOM <input> placed over an ImGui text field while it is edited, so an IME can compose into it
// (DESIGN.md §7). Coordinates in CSS pixels relative to the canvas.
struct OverlayBox {
  float x = 0, y = 0, width = 0, height = 0;
  float font_px = 16;
  float padding_x = 0;
  bool dark = false;
  bool multiline = false;  // a <textarea> (Enter starts a new line) instead of an <input>
};
void text_overlay_show(const OverlayBox& box, const std::string& value);
void text_overlay_move(const OverlayBox& box);
void text_overlay_hide();
// True while the overlay is shown (it hides itself on blur, Enter and Escape).
bool text_overlay_open();
// Takes the overlay's value if it changed since the last call.
bool text_overlay_take_value(std::string& value);

// [SECTION] accessibility (issue #22 §6) ------------------------------------------------------------
// The document's language (<html lang>, a BCP 47 tag such as "zh-CN") and the canvas's aria-label,
// set again whenever the UI language changes.
void set_page_language(const std::string& lang_tag, const std::string& canvas_label);
// Appends a message to the live region #ol-status (aria-live="polite"), which keeps the last five.
void announce(const std::string& text, const std::string& lang_tag);
// Messages the page's JS words itself (the error panel's, when the app stops) come to `handler`.
void set_announce_handler(void (*handler)(const std::string& text));
// Opens `html` in a new browser tab from a Blob URL. False when the browser blocked the tab.
bool open_html_in_new_tab(const std::string& html);

// [SECTION] test hook -------------------------------------------------------------------------------
// window.overdueLens.summary() and .ui() return what these produce (JSON text).
void set_state_json_sources(std::string (*summary_json)(), std::string (*ui_json)(), bool (*busy)());
// window.overdueLens.setAnalysis({as_of, threshold, buckets, step}) hands its JSON to `handler`.
void set_analysis_controls_handler(void (*handler)(const std::string& json));

}  // namespace platform
