// OverdueLens page: GLFW window on the page's canvas, Dear ImGui with the OpenGL3 (WebGL2)
// backend, and the frame loop (fonts: fonts.cpp). Reads top to bottom like ImGui's examples.
//
// [SECTION] input and clipboard
// [SECTION] frame
// [SECTION] main
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cstdio>
#include <utility>

#include "app_state.hpp"
#include "fonts.hpp"
#include "walkthrough.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the input queue: draw at once when input waits
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "keyboard_nav.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "screen_reader.hpp"
#include "settings_io.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"
#include "touch.hpp"

namespace {

struct Runtime {
  GLFWwindow* window = nullptr;
  app::Theme applied_theme = app::Theme::light;
  float applied_dpr = 0.0f;  // 0 = style not applied yet
  int applied_text_size = 0;
  bool applied_touch = false;
  int frames_since_remember = 0;
  bool took_input = false;   // the last frame was drawn for waiting input (load_pacing.hpp)
};


// [SECTION] input and clipboard -----------------------------------------------------------------
bool g_touch_seen = false;   // a touch since the last drawn frame (touch.cpp queues it when drawing)
void on_wheel(float dx, float dy) { ImGui::GetIO().AddMouseWheelEvent(dx, dy); }
void on_touch(int phase, float x, float y) {
  g_touch_seen = true;
  app::touch_event(app::app_state(), phase, x, y);
}

// Input ImGui has not taken yet: mouse, keys, wheel and text arrive in its queue from the GLFW
// backend's callbacks between frames (and a release stays there for the frame after its press).
bool input_waiting() {
  return g_touch_seen || ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
}

// Clipboard through the browser (GLFW's clipboard is a stub in Emscripten 3.1.6).
void set_clipboard(ImGuiContext*, const char* text) { platform::set_clipboard_text(text); }
const char* get_clipboard(ImGuiContext*) { return platform::clipboard_text(); }

std::string summary_source() { return app::summary_json(app::app_state()); }
std::string ui_source() { return app::ui_json(app::app_state()); }
bool busy_source() { return app::app_state().busy(); }
void analysis_controls_sink(const std::string& json) { app::apply_analysis_controls_json(app::app_state(), json); }

// Which work the load is doing: the files still typing and the analysis's phase.
std::pair<size_t, overdue::SessionPhase> load_stage(const app::AppState& state) {
  size_t typing = 0;
  for (const auto& f : state.files) typing += f->status == app::LoadStatus::typing;
  return {typing, state.analysis.phase()};
}

// [SECTION] frame -----------------------------------------------------------------------------------
void frame(void* arg) {
  Runtime& rt = *static_cast<Runtime*>(arg);
  app::AppState& state = app::app_state();
  const double frame_start = platform::now_ms();
  glfwPollEvents();

  const platform::Display display = platform::fit_canvas();
  const float dpr = static_cast<float>(display.dpr);
  if (dpr != rt.applied_dpr || state.theme != rt.applied_theme || state.text_size != rt.applied_text_size ||
      state.touch != rt.applied_touch) {
    app::apply_theme(state.theme, dpr, state.text_size, state.touch);
    rt.applied_dpr = dpr;
    rt.applied_theme = state.theme;
    rt.applied_text_size = state.text_size;
    rt.applied_touch = state.touch;
  }
  state.dpr = dpr;
  state.now_ms = platform::now_ms();
  // The demo ledger opens on the dashboard once analysed (advance()); the walkthrough starts then.
  const bool demo_pending = state.demo_requested;
  const bool loading = state.loading_new_data();
  const double work_start = platform::now_ms();
  // While new data loads, a frame is drawn only every ~200 ms or when input waits (load_pacing.hpp).
  // And the frame after one that took input: ImGui shows some reactions a frame late (a tab
  // chosen on the press opens in the next frame).
  const bool input = input_waiting();
  bool draw = state.load_pacing.draw_due(loading, input || rt.took_input, work_start);
  rt.took_input = input;
  const auto first_stage = load_stage(state);
  state.advance();
  if (demo_pending && !state.demo_requested && !state.walkthrough.dismissed) app::open_walkthrough(state);
  app::advance_lab(state);
  state.analysis.update(state.files);
  // A frame not drawn runs more rounds while the next, if it takes as long as the last, still
  // ends within kPacedWorkMs: short slices (a phase starting, a small file) fill the frame, and a
  // frame is not made longer than one slice would make it. A new stage of the load (a file typed,
  // the analysis in another phase) starts in a frame of its own: the cost of its first slice is
  // not known (the ledger's first step is one call of ~300 ms at 1 M rows).
  for (double round_start = work_start; !draw && load_stage(state) == first_stage && state.load_work_waiting();) {
    const double now = platform::now_ms();
    if (now - work_start + (now - round_start) > app::LoadPacing::kPacedWorkMs) break;
    round_start = now;
    state.advance();
    state.analysis.update(state.files);
  }
  const double work_end = platform::now_ms();
  state.load_pacing.add_work(work_end - work_start, loading);
  draw = draw || !state.loading_new_data();   // the load is over: its result at once
  // Settings only, never data; twice a second is often enough to survive a crash or a reload.
  if (++rt.frames_since_remember >= 30) {
    rt.frames_since_remember = 0;
    app::remember_settings(state);
  }
  state.load_pacing.frame_end(draw, loading, work_end);
  if (!draw) return;
  g_touch_seen = false;
  state.widget_rects.clear();
  state.cut_labels.clear();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  app::touch_frame(state);   // after the GLFW backend, which queues the last mouse position
  // We own the canvas size (device pixels); GLFW's idea of the window size is not used.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(display.width_px), static_cast<float>(display.height_px));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  const double ui_start = platform::now_ms();
  ImGui::NewFrame();
  app::draw_main_window(state);
  app::draw_walkthrough(state);
  app::keep_keyboard_focus_reachable();  // Tab goes on when the focused control is gone (issue #22 §5)
  app::text_field_end_frame(dpr, state.theme == app::Theme::dark);
  app::update_screen_reader(state);  // the live region and <html lang> (issue #22 §6)
  ImGui::Render();
  state.last_ui_ms = platform::now_ms() - ui_start;

  glViewport(0, 0, display.width_px, display.height_px);
  const ImVec4 clear = app::palette().canvas_clear;
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const double frame_end = platform::now_ms();
  state.last_frame_ms = frame_end - frame_start;
  state.load_pacing.add_draw(frame_end - work_end, loading);
}

}  // namespace

// [SECTION] main --------------------------------------------------------------------------------------
int main() {
  app::set_language(app::language_for_locale(platform::preferred_language()));
  app::restore_remembered_settings(app::app_state());  // may switch the language the user chose
  if (!glfwInit()) {
    platform::show_fatal_error(app::tr(app::S::cannot_start_webgl2));
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  const platform::Display display = platform::fit_canvas();
  static Runtime rt;
  rt.window = glfwCreateWindow(display.width_px, display.height_px, "OverdueLens", nullptr, nullptr);
  if (rt.window == nullptr) {
    platform::show_fatal_error(app::tr(app::S::cannot_start_webgl2));
    return 1;
  }
  glfwMakeContextCurrent(rt.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored in the browser
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  app::load_startup_fonts();  // fonts.cpp: the rare parts are merged later, on glue.js's call
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();

  // Not ImGui_ImplGlfw_InstallEmscriptenCallbacks: it resizes the window to the CSS size (blurry
  // at dpr 2, and the fullscreen trap); fit_canvas() sizes the canvas every frame instead.
  ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  pio.Platform_SetClipboardTextFn = set_clipboard;
  pio.Platform_GetClipboardTextFn = get_clipboard;
  platform::set_wheel_handler(on_wheel);
  platform::set_touch_handler(on_touch);

  platform::set_file_events(&app::app_state());
  platform::set_state_json_sources(summary_source, ui_source, busy_source);
  platform::set_analysis_controls_handler(analysis_controls_sink);
  platform::notify_started();  // only now can dropped files be received
  platform::run_main_loop(frame, &rt);
  return 0;
}
