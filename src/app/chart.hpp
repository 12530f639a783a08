// Small chart helpers drawn with ImDrawList (DESIGN.md §7: no ImPlot): a plot frame with nice
// axis ticks, gridlines and labels (chart_axes.cpp), vertical bars (chart_bars.cpp) and line
// series with a hover cursor (chart_lines.cpp). Values are doubles for drawing only; the exact
// numbers shown in tooltips come from the caller (e.g. money from int64 cents).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

namespace app::chart {

// [SECTION] axes (chart_axes.cpp) -----------------------------------------------------------------
// Round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for
// graph labels", Graphics Gems, 1990).
struct Ticks {
  double lo = 0, hi = 1, step = 1;
  std::vector<double> values;
};
Ticks nice_ticks(double lo, double hi, int target_count);

struct XTick {
  double x = 0;
  std::string label;
};

using Formatter = std::function<std::string(double)>;

// The plot area of one chart, after margins for the axis labels; maps data to screen.
struct Plot {
  ImRect outer;            // the whole reserved rectangle
  ImRect area;             // inside the axes
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  bool hovered = false;    // the mouse is over the reserved rectangle
  bool clicked = false;    // pressed and released over it (on release: a finger's drag or long press is no click)
  ImVec2 at(double x, double y) const;
  double x_at(float screen_x) const;
};

// Reserves `size` (device px) in the window, draws the y gridlines with labels from `y_label`
// and the x labels (skipping those that would overlap), and returns the plot area.
Plot begin_plot(const char* id, ImVec2 size, double x_min, double x_max, const Ticks& y_ticks,
                const Formatter& y_label, const std::vector<XTick>& x_ticks);

struct LegendItem {
  std::string label;
  ImU32 color = 0;
};
// One line of coloured swatches + labels at the cursor.
void legend(const std::vector<LegendItem>& items);

// Colours for charts that read on both themes.
ImU32 grid_color();
ImU32 axis_text_color();

// [SECTION] bars (chart_bars.cpp) -------------------------------------------------------------------
struct Bar {
  std::string label;              // under the bar
  double value = 0;
  ImU32 color = 0;
  std::string value_label;        // above the bar
  std::vector<std::string> tooltip;  // lines shown on hover
};
// Vertical bars, one per category, y from 0. Returns the hovered bar or -1.
int bar_chart(const char* id, const std::vector<Bar>& bars, ImVec2 size, const Formatter& y_label);

// [SECTION] lines (chart_lines.cpp) ----------------------------------------------------------------
struct Series {
  std::string label;
  std::vector<double> y;          // one per x
  ImU32 color = 0;
};
// Line series over shared xs (ascending). Hover shows a cursor at the nearest x and a tooltip:
// `hover_title(i)` then, per series, its label and `hover_value(series, i)`. Returns the hovered
// index or -1.
int line_chart(const char* id, const std::vector<double>& xs, const std::vector<Series>& series, ImVec2 size,
               const Formatter& y_label, const std::vector<XTick>& x_ticks,
               const std::function<std::string(size_t)>& hover_title,
               const std::function<std::string(size_t, size_t)>& hover_value);

}  // namespace app::chart

namespace app::chart {

// [SECTION] scatter (chart_scatter.cpp) ---------------------------------------------------------------
struct ScatterPoint {
  double x = 0, y = 0;
  ImU32 color = 0;
};
struct ScatterSplit {             // quadrant split lines and the four quadrant labels
  double x = 50, y = 50;
  std::string top_left, top_right, bottom_left, bottom_right;
};
struct ScatterResult {
  Plot plot;
  int hovered = -1;               // index of the point under the mouse (nearest within a few px)
  int clicked = -1;               // the hovered point, when the mouse was clicked on it this frame
};
// Points over fixed [x_min, x_max] × [y_min, y_max] (scores: 0–100) with split lines, shaded
// quadrant labels and axis titles. Later points draw on top and win hover ties.
ScatterResult scatter_chart(const char* id, const std::vector<ScatterPoint>& points, ImVec2 size, double x_min,
                            double x_max, double y_min, double y_max, const ScatterSplit& split,
                            const std::string& x_title, const std::string& y_title);

}  // namespace app::chart

namespace app::chart {

// [SECTION] model lab charts (issue #5) ------------------------------------------------------------
// Horizontal bars, one row per item, x from 0 (chart_bars.cpp): names on the left, values at the
// bar ends. Returns the hovered row or -1; `clicked` (optional) receives a clicked row.
int hbar_chart(const char* id, const std::vector<Bar>& bars, ImVec2 size, int* clicked = nullptr);

// Curves with their own x values over fixed ranges (chart_curves.cpp): ROC, KS, cutoff curves.
struct Curve {
  std::string label;
  std::vector<double> x, y;       // x ascending
  ImU32 color = 0;
  bool dashed = false;
};
struct CurveMarker {              // a vertical line at x (the threshold, the cutoff), optional
  bool shown = false;
  double x = 0;
  std::string label;
};
struct CurveAxes {
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  Formatter x_label, y_label;
  std::string x_title, y_title;
};
// Draws the curves; hover shows, per curve, the y at the mouse's x (linear interpolation).
// Returns the x under the mouse when hovered, NaN otherwise.
double curve_chart(const char* id, const std::vector<Curve>& curves, ImVec2 size, const CurveAxes& axes,
                   const CurveMarker& marker = {});

// A square matrix of values in [-1, 1] as coloured cells (chart_heatmap.cpp): the correlation
// matrix. Hover shows both names and the value. Returns the hovered cell (row·n + col) or -1.
int heatmap_chart(const char* id, const std::vector<std::string>& names,
                  const std::vector<std::vector<double>>& values, float size);

}  // namespace app::chart
