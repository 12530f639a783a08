// Curves over fixed axes (ROC, KS, cutoff), each with its own x values; hover reads every curve
// at the mouse's x.
#include <algorithm>
#include <cmath>

#include "chart.hpp"

namespace app::chart {
namespace {

double y_at(const Curve& c, double x) {
  if (c.x.empty()) return NAN;
  const auto it = std::lower_bound(c.x.begin(), c.x.end(), x);
  if (it == c.x.begin()) return c.y.front();
  if (it == c.x.end()) return c.y.back();
  const size_t i = static_cast<size_t>(it - c.x.begin());
  const double span = c.x[i] - c.x[i - 1];
  const double t = span > 0 ? (x - c.x[i - 1]) / span : 1.0;
  return c.y[i - 1] + (c.y[i] - c.y[i - 1]) * t;
}

void text_muted_line(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(axis_text_color()));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

void dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float thickness) {
  const float dash = thickness * 4;
  for (size_t i = 1; i < pts.size(); ++i) {
    const ImVec2 a = pts[i - 1], b = pts[i];
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    for (float s = 0; s < len; s += dash * 2) {
      const float e = std::min(len, s + dash);
      dl->AddLine(ImVec2(a.x + (b.x - a.x) * s / len, a.y + (b.y - a.y) * s / len),
                  ImVec2(a.x + (b.x - a.x) * e / len, a.y + (b.y - a.y) * e / len), color, thickness);
    }
  }
}

}  // namespace

double curve_chart(const char* id, const std::vector<Curve>& curves, ImVec2 size, const CurveAxes& axes,
                   const CurveMarker& marker) {
  // Fixed ends (0–100 % for ROC): the nice ticks inside them only.
  Ticks y_ticks = nice_ticks(axes.y_min, axes.y_max, 5);
  y_ticks.lo = axes.y_min;
  y_ticks.hi = axes.y_max;
  y_ticks.values.erase(std::remove_if(y_ticks.values.begin(), y_ticks.values.end(),
                                      [&](double v) { return v < axes.y_min - 1e-12 || v > axes.y_max + 1e-12; }),
                       y_ticks.values.end());
  std::vector<XTick> x_ticks;
  for (double v : nice_ticks(axes.x_min, axes.x_max, 5).values)
    if (v >= axes.x_min - 1e-12 && v <= axes.x_max + 1e-12) x_ticks.push_back({v, axes.x_label(v)});
  if (!axes.y_title.empty()) text_muted_line(axes.y_title);
  const Plot p = begin_plot(id, size, axes.x_min, axes.x_max, y_ticks, axes.y_label, x_ticks);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p.area.Min, ImVec2(p.area.Max.x + 1, p.area.Max.y + 1), true);
  const float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.12f);
  std::vector<ImVec2> pts;
  for (const Curve& c : curves) {
    pts.clear();
    for (size_t i = 0; i < c.x.size() && i < c.y.size(); ++i) pts.push_back(p.at(c.x[i], c.y[i]));
    if (c.dashed) dashed_polyline(dl, pts, c.color, thickness * 0.7f);
    else if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c.color, ImDrawFlags_None, thickness);
  }
  if (marker.shown) {
    const float x = p.at(marker.x, 0).x;
    dl->AddLine(ImVec2(x, p.area.Min.y), ImVec2(x, p.area.Max.y), ImGui::GetColorU32(ImGuiCol_Text), 1.0f);
    if (!marker.label.empty()) {
      const ImVec2 ts = ImGui::CalcTextSize(marker.label.c_str());
      const float left = x + 4 + ts.x > p.area.Max.x ? x - 4 - ts.x : x + 4;
      dl->AddText(ImVec2(left, p.area.Min.y + 2), ImGui::GetColorU32(ImGuiCol_Text), marker.label.c_str());
    }
  }
  double hovered_x = NAN;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (p.hovered && mouse.x >= p.area.Min.x && mouse.x <= p.area.Max.x) {
    hovered_x = p.x_at(mouse.x);
    dl->AddLine(ImVec2(mouse.x, p.area.Min.y), ImVec2(mouse.x, p.area.Max.y), axis_text_color(), 1.0f);
    for (const Curve& c : curves) {
      const double y = y_at(c, hovered_x);
      if (!std::isnan(y)) dl->AddCircleFilled(p.at(hovered_x, y), thickness * 2, c.color);
    }
  }
  dl->PopClipRect();
  if (!axes.x_title.empty()) {
    const ImVec2 ts = ImGui::CalcTextSize(axes.x_title.c_str());
    ImGui::SetCursorScreenPos(ImVec2(p.area.Max.x - ts.x, ImGui::GetCursorScreenPos().y));
    text_muted_line(axes.x_title);
  }
  if (!std::isnan(hovered_x)) {
    ImGui::BeginTooltip();
    ImGui::Text("%s: %s", axes.x_title.c_str(), axes.x_label(hovered_x).c_str());
    for (const Curve& c : curves) {
      const double y = y_at(c, hovered_x);
      if (std::isnan(y) || c.label.empty()) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.color));
      ImGui::TextUnformatted("\xE2\x96\xA0");  // ■ swatch
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::Text("%s: %s", c.label.c_str(), axes.y_label(y).c_str());
    }
    ImGui::EndTooltip();
  }
  return hovered_x;
}

}  // namespace app::chart
