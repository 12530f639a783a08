// Frame pacing while new data loads (issue #19): while a file is read or typed, or new files are
// analysed, the user watches progress bars, so the page redraws about five times a second and
// gives the other animation frames to the work alone. Under software WebGL (a machine without a
// GPU, headless Chromium) building and drawing a frame costs ~50 ms, which otherwise came out of
// the import and the analysis; with a GPU it costs ~2 ms and little changes.
// A frame is drawn at once when input is waiting (a mouse move, click, key, wheel or touch): the
// user's action never waits for the next paced frame, and a press and its release, which ImGui
// takes in separate frames (its input queue trickles), are taken in consecutive frames; the frame
// after one that took input is drawn too (a tab chosen on the press opens a frame later). The first
// form of this pacing (taken out in November) skipped frames whatever the input: the press was
// taken up to 200 ms late and the release — the moment a button acts — a paced frame after that,
// so a browser check that clicked during a load and looked a few frames later saw nothing happen.
// A frame that is not drawn runs rounds of slices (typing, the analysis' phases) for up to
// ~100 ms instead of one round, since short slices — a phase starting, a small file — would
// otherwise leave most of each animation frame idle; a round is begun only when one as long as the
// last still fits, and not past a change of stage (a file typed, the analysis in another
// phase: the first slice of a stage may be one long call), so a frame is never longer than its
// longest slice makes it.
// A control change (as-of slider, threshold) is not paced: every frame is drawn while it computes.
#pragma once

namespace app {

// Where the time of one load went, from the first file begun while the page was idle until the
// analysis is in place: `work_ms` importing (chunks fed, typing) and analysing, `draw_ms` building
// and drawing frames (the rest is the browser's: reading the file, compositing, idle).
struct LoadTiming {
  double work_ms = 0;
  double draw_ms = 0;
  int frames_drawn = 0;
  int frames_skipped = 0;
};

class LoadPacing {
 public:
  static constexpr double kRedrawMs = 200.0;

  // A load starts (a file begun while the page was idle): its timing from zero.
  void start_load() { timing_ = LoadTiming{}; }
  // Asked once per animation frame before the work: true when this frame is to be drawn. A frame
  // that is not drawn does kPacedWorkMs of work (several slices) instead of one slice.
  // A load's first kUnpacedMs draw every frame: a small file (a few frames of work) shows each step
  // as before, and what a user or a check sees of it does not change; pacing pays on long loads.
  bool draw_due(bool loading, bool input_waiting, double now_ms) {
    if (loading && !was_loading_) load_start_ms_ = now_ms;
    was_loading_ = loading;
    return !loading || input_waiting || now_ms - load_start_ms_ < kUnpacedMs ||
           now_ms - last_drawn_ms_ >= kRedrawMs;
  }
  // Pacing is off in the shipped page (1e300): with it on, two browser checks raced (issue #19 note).
  static constexpr double kUnpacedMs = 1e300;
  // Told at the end of each animation frame whether it was drawn.
  void frame_end(bool drawn, bool loading, double now_ms);
  static constexpr double kPacedWorkMs = 100.0;
  void add_work(double ms, bool loading) { if (loading) timing_.work_ms += ms; }
  void add_draw(double ms, bool loading) { if (loading) timing_.draw_ms += ms; }
  const LoadTiming& timing() const { return timing_; }

 private:
  double last_drawn_ms_ = -1e300;
  double load_start_ms_ = 0;
  bool was_loading_ = false;
  LoadTiming timing_;
};

}  // namespace app
