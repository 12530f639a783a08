// Inline SVG charts of the report: aging bars, the trend lines, ROC and KS curves. Plain <svg>
// elements with a viewBox (they scale to the page and print sharp), no xmlns URL, no script, no
// external reference; coordinates written with fixed decimals so every build prints the same bytes.
#include <algorithm>
#include <cmath>

#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string num(double v) { return fixed_text(v, 1); }

// A "nice" axis maximum ≥ v: 1, 2 or 5 × 10^k.
double nice_ceiling(double v) {
  if (!(v > 0)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= v * (1 - 1e-12)) return m * p;
  return 10 * p;
}

// Money units on an axis: whole units with thousands separators.
std::string axis_money(double units) {
  const std::string m = money_display(std::llround(units) * 100);
  return m.substr(0, m.size() - 3);
}

// Keeps at most `limit` points of a polyline (every k-th, the last always kept): a ROC curve of
// 9,000 distinct scores draws the same at this size and keeps the file small.
std::vector<size_t> thin(size_t n, size_t limit) {
  std::vector<size_t> keep;
  if (n == 0) return keep;
  const size_t step = n <= limit ? 1 : (n + limit - 1) / limit;
  for (size_t i = 0; i < n; i += step) keep.push_back(i);
  if (keep.back() != n - 1) keep.push_back(n - 1);
  return keep;
}

}  // namespace

std::string svg_bar_chart(const std::vector<BarDatum>& bars, std::string_view title) {
  const double width = 640, height = 260, left = 80, right = 10, top = 28, bottom = 40;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  int64_t max_cents = 0;
  for (const BarDatum& b : bars) max_cents = std::max(max_cents, b.cents);
  const double y_max = nice_ceiling(static_cast<double>(max_cents) / 100.0);
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 640 260\" role=\"img\" aria-label=\"" +
                  std::string(title) + "\">";
  s += "<text x=\"" + num(left) + "\" y=\"16\" class=\"chart-title\">" + std::string(title) +
       "</text>";
  for (int i = 0; i <= 4; ++i) {  // grid lines and y labels
    const double y = top + plot_h * (1 - i / 4.0);
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(width - right) +
         "\" y2=\"" + num(y) + "\" class=\"grid\"/>";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
         "\" class=\"axis\" text-anchor=\"end\">" + axis_money(y_max * i / 4.0) + "</text>";
  }
  const double slot = bars.empty() ? plot_w : plot_w / static_cast<double>(bars.size());
  for (size_t i = 0; i < bars.size(); ++i) {
    const double h =
        y_max > 0
            ? plot_h * (static_cast<double>(std::max<int64_t>(bars[i].cents, 0)) / 100.0) / y_max
            : 0;
    const double x = left + slot * static_cast<double>(i) + slot * 0.15;
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(top + plot_h - h) + "\" width=\"" +
         num(slot * 0.7) + "\" height=\"" + num(h) + "\" class=\"bar" +
         (i == 0 ? " bar-current" : "") + "\"/>";
    s += "<text x=\"" + num(x + slot * 0.35) + "\" y=\"" + num(height - bottom + 16) +
         "\" class=\"axis\" text-anchor=\"middle\">" + bars[i].label + "</text>";
  }
  s += "</svg>";
  return s;
}

std::string svg_line_chart(const std::vector<LineSeries>& series, std::string_view title,
                           bool x_is_date, bool unit_square, std::string_view x_label,
                           std::string_view y_label) {
  const double width = unit_square ? 360 : 640, height = unit_square ? 360 : 260;
  const double left = unit_square ? 48 : 80, right = 12, top = 28, bottom = unit_square ? 64 : 56;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double x_min = 0, x_max = 1, y_max = 1;
  if (!unit_square) {
    bool first = true;
    double y_top = 0;
    for (const LineSeries& l : series)
      for (size_t i = 0; i < l.x.size(); ++i) {
        if (first || l.x[i] < x_min) x_min = l.x[i];
        if (first || l.x[i] > x_max) x_max = l.x[i];
        first = false;
        y_top = std::max(y_top, l.y[i]);
      }
    if (x_max <= x_min) x_max = x_min + 1;
    y_max = nice_ceiling(y_top);
  }
  auto px = [&](double x) { return left + plot_w * (x - x_min) / (x_max - x_min); };
  auto py = [&](double y) { return top + plot_h * (1 - y / y_max); };
  std::string s = "<svg class=\"chart" + std::string(unit_square ? " chart-square" : "") +
                  "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                  "\" role=\"img\" aria-label=\"" + std::string(title) + "\">";
  s += "<text x=\"" + num(left) + "\" y=\"16\" class=\"chart-title\">" + std::string(title) +
       "</text>";
  for (int i = 0; i <= 4; ++i) {
    const double v = y_max * i / 4.0;
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(py(v)) + "\" x2=\"" + num(width - right) +
         "\" y2=\"" + num(py(v)) + "\" class=\"grid\"/>";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(py(v) + 4) +
         "\" class=\"axis\" text-anchor=\"end\">" +
         (unit_square ? fixed_text(v, 2) : axis_money(v)) + "</text>";
  }
  for (int i = 0; i <= (unit_square ? 4 : 2); ++i) {  // x labels
    const double f = i / (unit_square ? 4.0 : 2.0);
    const double v = x_min + (x_max - x_min) * f;
    const std::string label =
        x_is_date ? iso_date_text(static_cast<int32_t>(std::llround(v))) : fixed_text(v, 2);
    const char* anchor = i == 0 ? "start" : (f >= 1 ? "end" : "middle");
    s += "<text x=\"" + num(px(v)) + "\" y=\"" + num(top + plot_h + 16) +
         "\" class=\"axis\" text-anchor=\"" + anchor + "\">" + label + "</text>";
  }
  if (unit_square)  // the chance line
    s += "<line x1=\"" + num(px(0)) + "\" y1=\"" + num(py(0)) + "\" x2=\"" + num(px(1)) +
         "\" y2=\"" + num(py(1)) + "\" class=\"diagonal\"/>";
  if (!x_label.empty())
    s += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(top + plot_h + 32) +
         "\" class=\"axis\" text-anchor=\"middle\">" + std::string(x_label) + "</text>";
  if (!y_label.empty())
    s += "<text x=\"12\" y=\"" + num(top + plot_h / 2) +
         "\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 12 " +
         num(top + plot_h / 2) + ")\">" + std::string(y_label) + "</text>";
  double legend_x = left;
  const double legend_y = height - 8;
  for (const LineSeries& l : series) {
    std::string points;
    for (size_t i : thin(l.x.size(), 600)) {
      if (!points.empty()) points += ' ';
      points += num(px(l.x[i])) + "," + num(py(l.y[i]));
    }
    s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + l.colour +
         "\" stroke-width=\"1.6\"/>";
    s += "<rect x=\"" + num(legend_x) + "\" y=\"" + num(legend_y - 8) +
         "\" width=\"10\" height=\"10\" fill=\"" + l.colour + "\"/>";
    s += "<text x=\"" + num(legend_x + 14) + "\" y=\"" + num(legend_y + 1) + "\" class=\"axis\">" +
         l.name + "</text>";
    legend_x += 24 + 7.0 * static_cast<double>(l.name.size() > 40 ? 40 : l.name.size());
  }
  s += "</svg>";
  return s;
}

}  // namespace overdue::report_detail
