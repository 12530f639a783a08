// Browser implementation of platform.hpp. The DOM work lives in web/glue.js
// (window.overdueLensGlue); the EM_JS functions here are thin, named bridges to it, and the
// EMSCRIPTEN_KEEPALIVE functions are the callbacks glue.js calls (ImHex's pattern, STYLE.md).
//
// [SECTION] display and main loop
// [SECTION] files: callbacks from glue.js
// [SECTION] clipboard
// [SECTION] text overlay
// [SECTION] accessibility
// [SECTION] test hook
#include "platform.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>

namespace {

platform::FileEvents* g_file_events = nullptr;
void (*g_on_wheel)(float, float) = nullptr;
std::string (*g_summary_json)() = nullptr;
std::string (*g_ui_json)() = nullptr;
bool (*g_busy)() = nullptr;
void (*g_analysis_controls)(const std::string&) = nullptr;

// Takes ownership of a string malloc'd by JS (stringToUTF8 into _malloc), or "" for null.
std::string take_js_string(char* p) {
  if (p == nullptr) return {};
  std::string s(p);
  std::free(p);
  return s;
}

}  // namespace

// [SECTION] display and main loop -----------------------------------------------------------------

EM_JS(void, js_fit_canvas, (int* out_size, double* out_dpr), {
  var canvas = Module['canvas'];
  var dpr = window.devicePixelRatio || 1;
  var r = canvas.getBoundingClientRect();
  var w = Math.max(1, Math.round(r.width * dpr));
  var h = Math.max(1, Math.round(r.height * dpr));
  // Setting width/height clears the canvas: only when it changed.
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  HEAP32[out_size >> 2] = w;
  HEAP32[(out_size >> 2) + 1] = h;
  HEAPF64[out_dpr >> 3] = dpr;
});

EM_JS(char*, js_preferred_language, (), {
  var s = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

EM_JS(void, js_show_fatal_error, (const char* message), { window.overdueLensGlue.showFatalError(UTF8ToString(message)); });

EM_JS(void, js_notify_started, (), { window.overdueLensGlue.appStarted(); });

namespace platform {

void notify_started() { js_notify_started(); }

void show_fatal_error(const std::string& message) { js_show_fatal_error(message.c_str()); }

Display fit_canvas() {
  int size[2] = {1, 1};
  double dpr = 1.0;
  js_fit_canvas(size, &dpr);
  Display d;
  d.width_px = size[0];
  d.height_px = size[1];
  d.dpr = dpr > 0 ? dpr : 1.0;
  return d;
}

std::string preferred_language() { return take_js_string(js_preferred_language()); }

double now_ms() { return emscripten_get_now(); }

}  // namespace platform

namespace {

void (*g_frame)(void*) = nullptr;
bool g_crash_requested = false;  // the error-panel test (ol_test_crash_next_frame)

EM_JS(void, js_show_crash, (const char* message), { window.overdueLensGlue.showCrash(UTF8ToString(message)); });

// An exception nobody caught in a frame: the loop stops and the error panel says what happened
// (otherwise it would reach JS as a bare pointer value and leave a frozen canvas).
void stop_with_error(const char* message) {
  emscripten_cancel_main_loop();
  js_show_crash(message);
}

void frame_trampoline(void* arg) {
  try {
    if (g_crash_requested) {
      g_crash_requested = false;
      throw std::runtime_error("test crash: an uncaught C++ exception in the frame loop");
    }
    g_frame(arg);
  } catch (const std::bad_alloc&) {
    stop_with_error("out of memory (std::bad_alloc)");
  } catch (const std::exception& e) {
    stop_with_error(e.what());
  } catch (...) {
    stop_with_error("an unknown C++ exception");
  }
}

}  // namespace

extern "C" {
// For the browser test of the error panel: the next frame throws, as a bug in a panel would.
EMSCRIPTEN_KEEPALIVE void ol_test_crash_next_frame() { g_crash_requested = true; }
}

namespace platform {

void run_main_loop(void (*frame)(void*), void* arg) {
  g_frame = frame;
  // fps 0 = requestAnimationFrame; simulate_infinite_loop so main() never returns.
  emscripten_set_main_loop_arg(frame_trampoline, arg, 0, true);
}

static EM_BOOL on_wheel_event(int, const EmscriptenWheelEvent* ev, void*) {
  if (g_on_wheel == nullptr) return EM_FALSE;
  // As SDL's Emscripten_HandleWheel and ImGui's ImGui_ImplEmscripten_WheelCallback: 100 px or
  // 3 lines are one wheel step; the browser's positive delta scrolls down, ImGui's scrolls up.
  float multiplier = 0.0f;
  if (ev->deltaMode == DOM_DELTA_PIXEL) multiplier = 1.0f / 100.0f;
  else if (ev->deltaMode == DOM_DELTA_LINE) multiplier = 1.0f / 3.0f;
  else if (ev->deltaMode == DOM_DELTA_PAGE) multiplier = 80.0f;
  g_on_wheel(static_cast<float>(ev->deltaX) * -multiplier, static_cast<float>(ev->deltaY) * -multiplier);
  return EM_TRUE;  // preventDefault: the page itself never scrolls
}

void set_wheel_handler(void (*on_wheel)(float, float)) {
  g_on_wheel = on_wheel;
  emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel_event);
}

// Touch: listeners on window in the capture phase run before GLFW's on the canvas (which would
// turn a touch into a mouse press at once, so a drag could never scroll) and stop the event there.
void (*g_on_touch)(int, float, float) = nullptr;

EM_JS(void, js_install_touch, (), {
  var canvas = Module['canvas'];
  var finger = null;
  function send(phase, t) {
    var r = canvas.getBoundingClientRect();
    Module['_ol_touch'](phase, t.clientX - r.left, t.clientY - r.top);
  }
  function handler(phase) {
    return function(e) {
      if (e.target !== canvas) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      var t = null;
      for (var i = 0; i < e.changedTouches.length; i++)
        if (finger === null ? phase === 0 : e.changedTouches[i].identifier === finger) t = e.changedTouches[i];
      if (t === null) return;
      if (phase === 0) { finger = t.identifier; canvas.focus(); }
      if (phase >= 2) finger = null;
      send(phase, t);
      // Ended on the text overlay the press opened: focus it inside this touch (phone keyboards).
      if (phase === 2) window.overdueLensGlue.overlayFocusInGesture(t.clientX, t.clientY);
    };
  }
  var opts = { capture: true, passive: false };
  window.addEventListener('touchstart', handler(0), opts);
  window.addEventListener('touchmove', handler(1), opts);
  window.addEventListener('touchend', handler(2), opts);
  window.addEventListener('touchcancel', handler(3), opts);
});

void set_touch_handler(void (*on_touch)(int, float, float)) {
  g_on_touch = on_touch;
  js_install_touch();
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void ol_touch(int phase, float x, float y) {
  if (platform::g_on_touch != nullptr) platform::g_on_touch(phase, x, y);
}

// [SECTION] files: callbacks from glue.js ----------------------------------------------------------

EM_JS(void, js_open_file_picker, (), { window.overdueLensGlue.openFilePicker(); });
EM_JS(void, js_load_demo, (const char* which), { window.overdueLensGlue.loadDemo(UTF8ToString(which)); });

extern "C" {

// Returns 0 when the app refuses the file (glue.js then does not read it).
EMSCRIPTEN_KEEPALIVE int ol_file_begin(int id, const char* name, double size_bytes) {
  if (g_file_events == nullptr) return 1;
  return g_file_events->file_begin(id, name ? name : "", size_bytes) ? 1 : 0;
}

// `bytes` is a buffer glue.js owns; it is only read during this call.
EMSCRIPTEN_KEEPALIVE void ol_file_chunk(int id, const uint8_t* bytes, int length) {
  if (g_file_events && length > 0) g_file_events->file_chunk(id, bytes, static_cast<size_t>(length));
}

EMSCRIPTEN_KEEPALIVE void ol_file_end(int id) {
  if (g_file_events) g_file_events->file_end(id);
}

EMSCRIPTEN_KEEPALIVE void ol_file_failed(int id, const char* message) {
  if (g_file_events) g_file_events->file_failed(id, message ? message : "");
}

}  // extern "C"

namespace platform {
void set_file_events(FileEvents* events) { g_file_events = events; }
void open_file_picker() { js_open_file_picker(); }
void load_demo(const char* which) { js_load_demo(which); }
}  // namespace platform

// [SECTION] downloads and settings storage ---------------------------------------------------------

EM_JS(void, js_download, (const char* name, const char* mime, const uint8_t* bytes, size_t length), {
  // slice() copies out of the wasm heap, which may be replaced when memory grows.
  window.overdueLensGlue.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(bytes, bytes + length));
});

EM_JS(char*, js_storage_get, (const char* key), {
  var s = window.overdueLensGlue.storageGet(UTF8ToString(key));
  if (s === null) return 0;
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

EM_JS(int, js_storage_set, (const char* key, const char* value), {
  return window.overdueLensGlue.storageSet(UTF8ToString(key), UTF8ToString(value)) ? 1 : 0;
});

namespace platform {

void download_file(const std::string& name, const std::string& mime, const std::string& bytes) {
  js_download(name.c_str(), mime.c_str(), reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string storage_get(const std::string& key) { return take_js_string(js_storage_get(key.c_str())); }

bool storage_set(const std::string& key, const std::string& value) {
  return js_storage_set(key.c_str(), value.c_str()) != 0;
}

}  // namespace platform

// [SECTION] clipboard ------------------------------------------------------------------------------

EM_JS(void, js_copy_text, (const char* text), { window.overdueLensGlue.copyText(UTF8ToString(text)); });

EM_JS(char*, js_pasted_text, (), {
  var s = window.overdueLensGlue.pastedText();
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

namespace platform {

void set_clipboard_text(const char* text) { js_copy_text(text ? text : ""); }

const char* clipboard_text() {
  static std::string last;
  last = take_js_string(js_pasted_text());
  return last.c_str();
}

}  // namespace platform

// [SECTION] text overlay ----------------------------------------------------------------------------

EM_JS(void, js_overlay_show, (float x, float y, float w, float h, float font_px, float pad_x, int dark,
                              const char* value, int multiline), {
  window.overdueLensGlue.overlayShow({x: x, y: y, width: w, height: h, fontPx: font_px, padX: pad_x,
                                      dark: !!dark, multiline: !!multiline}, UTF8ToString(value));
});

EM_JS(void, js_overlay_move, (float x, float y, float w, float h, float font_px, float pad_x, int dark), {
  window.overdueLensGlue.overlayMove({x: x, y: y, width: w, height: h, fontPx: font_px, padX: pad_x,
                                      dark: !!dark});
});

EM_JS(void, js_overlay_hide, (), { window.overdueLensGlue.overlayHide(); });
EM_JS(int, js_overlay_open, (), { return window.overdueLensGlue.overlayOpen() ? 1 : 0; });

EM_JS(char*, js_overlay_take_value, (), {
  var s = window.overdueLensGlue.overlayTakeValue();
  if (s === null) return 0;
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

namespace platform {

void text_overlay_show(const OverlayBox& b, const std::string& value) {
  js_overlay_show(b.x, b.y, b.width, b.height, b.font_px, b.padding_x, b.dark ? 1 : 0, value.c_str(),
                  b.multiline ? 1 : 0);
}

void text_overlay_move(const OverlayBox& b) {
  js_overlay_move(b.x, b.y, b.width, b.height, b.font_px, b.padding_x, b.dark ? 1 : 0);
}

void text_overlay_hide() { js_overlay_hide(); }
bool text_overlay_open() { return js_overlay_open() != 0; }

bool text_overlay_take_value(std::string& value) {
  char* p = js_overlay_take_value();
  if (p == nullptr) return false;
  value = take_js_string(p);
  return true;
}

}  // namespace platform

// [SECTION] accessibility ---------------------------------------------------------------------------

EM_JS(void, js_set_page_language, (const char* lang_tag, const char* canvas_label), {
  window.overdueLensGlue.setPageLanguage(UTF8ToString(lang_tag), UTF8ToString(canvas_label));
});

EM_JS(void, js_announce, (const char* text, const char* lang_tag), {
  window.overdueLensGlue.announce(UTF8ToString(text), UTF8ToString(lang_tag));
});

EM_JS(int, js_open_html_in_new_tab, (const uint8_t* bytes, size_t length), {
  // slice() copies out of the wasm heap, which may be replaced when memory grows.
  return window.overdueLensGlue.openHtmlInNewTab(HEAPU8.slice(bytes, bytes + length)) ? 1 : 0;
});

namespace {
void (*g_announce_handler)(const std::string&) = nullptr;
}  // namespace

extern "C" {
// glue.js hands over a message it worded itself (the error panel's): the app's list keeps it too.
EMSCRIPTEN_KEEPALIVE void ol_announce(const char* text) {
  if (g_announce_handler && text) g_announce_handler(text);
}
}  // extern "C"

namespace platform {

void set_page_language(const std::string& lang_tag, const std::string& canvas_label) {
  js_set_page_language(lang_tag.c_str(), canvas_label.c_str());
}

void announce(const std::string& text, const std::string& lang_tag) { js_announce(text.c_str(), lang_tag.c_str()); }

void set_announce_handler(void (*handler)(const std::string& text)) { g_announce_handler = handler; }

bool open_html_in_new_tab(const std::string& html) {
  return js_open_html_in_new_tab(reinterpret_cast<const uint8_t*>(html.data()), html.size()) != 0;
}

}  // namespace platform

// [SECTION] test hook -------------------------------------------------------------------------------

extern "C" {

// The returned text stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* ol_summary_json() {
  static std::string text;
  text = g_summary_json ? g_summary_json() : std::string("{\"files\":[],\"analysis\":null,\"model\":null}");
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ol_ui_json() {
  static std::string text;
  text = g_ui_json ? g_ui_json() : std::string("{}");
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE int ol_busy() { return g_busy && g_busy() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void ol_set_analysis(const char* json) {
  if (g_analysis_controls && json) g_analysis_controls(json);
}

}  // extern "C"

namespace platform {
void set_state_json_sources(std::string (*summary_json)(), std::string (*ui_json)(), bool (*busy)()) {
  g_summary_json = summary_json;
  g_ui_json = ui_json;
  g_busy = busy;
}

void set_analysis_controls_handler(void (*handler)(const std::string& json)) { g_analysis_controls = handler; }

}  // namespace platform
