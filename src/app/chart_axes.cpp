#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "imgui_internal.h"
#include "theme.hpp"

namespace app::chart {
namespace {

// The nice number near x: 1, 2, 5 or 10 × 10^k; rounded, or the next one up (Heckbert 1990).
double nice_number(double x, bool round) {
  const double exponent = std::floor(std::log10(x));
  const double fraction = x / std::pow(10.0, exponent);
  double nice;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * std::pow(10.0, exponent);
}

}  // namespace

Ticks nice_ticks(double lo, double hi, int target_count) {
  Ticks t;
  if (!(hi > lo)) hi = lo + 1;  // a flat series still gets an axis
  const int count = std::max(2, target_count);
  const double range = nice_number(hi - lo, false);
  t.step = nice_number(range / (count - 1), true);
  t.lo = std::floor(lo / t.step) * t.step;
  t.hi = std::ceil(hi / t.step) * t.step;
  for (double v = t.lo; v <= t.hi + t.step * 0.5; v += t.step) t.values.push_back(std::abs(v) < t.step * 1e-9 ? 0 : v);
  return t;
}

ImVec2 Plot::at(double x, double y) const {
  const double fx = x_max > x_min ? (x - x_min) / (x_max - x_min) : 0.5;
  const double fy = y_max > y_min ? (y - y_min) / (y_max - y_min) : 0.0;
  return ImVec2(area.Min.x + static_cast<float>(fx) * area.GetWidth(),
                area.Max.y - static_cast<float>(fy) * area.GetHeight());
}

double Plot::x_at(float screen_x) const {
  const double f = area.GetWidth() > 0 ? (screen_x - area.Min.x) / area.GetWidth() : 0;
  return x_min + std::clamp(f, 0.0, 1.0) * (x_max - x_min);
}

ImU32 grid_color() { return ImGui::GetColorU32(ImGuiCol_Border); }
ImU32 axis_text_color() { return ImGui::ColorConvertFloat4ToU32(palette().text_muted); }

Plot begin_plot(const char* id, ImVec2 size, double x_min, double x_max, const Ticks& y_ticks,
                const Formatter& y_label, const std::vector<XTick>& x_ticks) {
  Plot p;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  p.outer = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  p.clicked = ImGui::InvisibleButton(id, size);
  p.hovered = ImGui::IsItemHovered();
  p.x_min = x_min;
  p.x_max = x_max;
  p.y_min = y_ticks.lo;
  p.y_max = y_ticks.hi;

  // Left margin: the widest y label; bottom margin: one line of x labels.
  std::vector<std::string> y_texts;
  float label_w = 0;
  for (double v : y_ticks.values) {
    y_texts.push_back(y_label(v));
    label_w = std::max(label_w, ImGui::CalcTextSize(y_texts.back().c_str()).x);
  }
  const float line_h = ImGui::GetTextLineHeight();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  p.area = ImRect(ImVec2(pos.x + label_w + gap * 1.5f, pos.y + line_h * 0.6f),
                  ImVec2(pos.x + size.x - gap, pos.y + size.y - line_h - gap * 0.6f));

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 grid = grid_color();
  const ImU32 text = axis_text_color();
  for (size_t i = 0; i < y_ticks.values.size(); ++i) {
    const float y = p.at(x_min, y_ticks.values[i]).y;
    dl->AddLine(ImVec2(p.area.Min.x, y), ImVec2(p.area.Max.x, y), grid, 1.0f);
    const ImVec2 ts = ImGui::CalcTextSize(y_texts[i].c_str());
    dl->AddText(ImVec2(p.area.Min.x - gap * 0.75f - ts.x, y - ts.y * 0.5f), text, y_texts[i].c_str());
  }
  dl->AddLine(ImVec2(p.area.Min.x, p.area.Max.y), ImVec2(p.area.Max.x, p.area.Max.y), text, 1.0f);

  // X labels centred on their tick, skipped when they would touch the previous one.
  float last_right = -1e30f;
  for (const XTick& t : x_ticks) {
    const float x = p.at(t.x, p.y_min).x;
    const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
    float left = std::clamp(x - ts.x * 0.5f, p.outer.Min.x, p.outer.Max.x - ts.x);
    if (left < last_right + gap) continue;
    dl->AddLine(ImVec2(x, p.area.Max.y), ImVec2(x, p.area.Max.y + gap * 0.4f), text, 1.0f);
    dl->AddText(ImVec2(left, p.area.Max.y + gap * 0.5f), text, t.label.c_str());
    last_right = left + ts.x;
  }
  return p;
}

void legend(const std::vector<LegendItem>& items) {
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, h);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(pos.x, pos.y + h * 0.3f), ImVec2(pos.x + h * 0.9f, pos.y + h * 0.7f), items[i].color,
                      h * 0.1f);
    ImGui::Dummy(ImVec2(h * 1.1f, h));
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(items[i].label.c_str());
  }
}

}  // namespace app::chart
