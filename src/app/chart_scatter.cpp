// Scatter chart with quadrant split lines (the risk matrix, issue #4), drawn with ImDrawList.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "theme.hpp"

namespace app::chart {

ScatterResult scatter_chart(const char* id, const std::vector<ScatterPoint>& points, ImVec2 size, double x_min,
                            double x_max, double y_min, double y_max, const ScatterSplit& split,
                            const std::string& x_title, const std::string& y_title) {
  ScatterResult out;
  // The y title on its own line above the plot, the x title under it, right-aligned.
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(y_title.c_str());
  ImGui::PopStyleColor();
  size.y -= ImGui::GetTextLineHeightWithSpacing();
  Ticks y = nice_ticks(y_min, y_max, 6);
  y.lo = y_min;
  y.hi = y_max;
  std::vector<XTick> x_ticks;
  for (const double v : nice_ticks(x_min, x_max, 6).values) x_ticks.push_back({v, std::to_string(static_cast<int>(std::lround(v)))});
  // Room under the x labels for the axis title.
  size.y -= ImGui::GetTextLineHeightWithSpacing();
  out.plot = begin_plot(id, size, x_min, x_max, y, [](double v) { return std::to_string(static_cast<int>(std::lround(v))); },
                        x_ticks);
  const bool clicked = out.plot.clicked;
  const Plot& p = out.plot;
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Quadrant labels, muted, in each quadrant's outer corner; split lines.
  const ImVec2 c = p.at(split.x, split.y);
  const ImU32 label_color = axis_text_color();
  const float pad = ImGui::GetFontSize() * 0.4f;
  const auto label = [&](const std::string& text, bool left, bool top) {
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float x = left ? p.area.Min.x + pad : p.area.Max.x - ts.x - pad;
    const float yy = top ? p.area.Min.y + pad : p.area.Max.y - ts.y - pad;
    dl->AddText(ImVec2(x, yy), label_color, text.c_str());
  };
  label(split.top_left, true, true);
  label(split.top_right, false, true);
  label(split.bottom_left, true, false);
  label(split.bottom_right, false, false);
  const ImU32 split_color = ImGui::ColorConvertFloat4ToU32(ImVec4(palette().text_muted.x, palette().text_muted.y,
                                                                  palette().text_muted.z, 0.8f));
  dl->AddLine(ImVec2(c.x, p.area.Min.y), ImVec2(c.x, p.area.Max.y), split_color, 1.5f);
  dl->AddLine(ImVec2(p.area.Min.x, c.y), ImVec2(p.area.Max.x, c.y), split_color, 1.5f);

  const ImVec2 xs = ImGui::CalcTextSize(x_title.c_str());
  dl->AddText(ImVec2(p.area.Max.x - xs.x, p.outer.Max.y), label_color, x_title.c_str());

  const float r = std::max(3.0f, ImGui::GetFontSize() * 0.28f);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  float best = (r * 2.2f) * (r * 2.2f);
  dl->PushClipRect(ImVec2(p.area.Min.x - r, p.area.Min.y - r), ImVec2(p.area.Max.x + r, p.area.Max.y + r), true);
  for (size_t i = 0; i < points.size(); ++i) {
    const ImVec2 q = p.at(points[i].x, points[i].y);
    dl->AddCircleFilled(q, r, points[i].color);
    dl->AddCircle(q, r, IM_COL32(255, 255, 255, 160), 0, 1.0f);
    if (p.hovered) {
      const float d = (q.x - mouse.x) * (q.x - mouse.x) + (q.y - mouse.y) * (q.y - mouse.y);
      if (d <= best) {
        best = d;
        out.hovered = static_cast<int>(i);
      }
    }
  }
  if (out.hovered >= 0) {
    const ImVec2 q = p.at(points[out.hovered].x, points[out.hovered].y);
    dl->AddCircle(q, r * 1.8f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
    if (clicked) out.clicked = out.hovered;
  }
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(1.0f, ImGui::GetTextLineHeight()));  // the x title's line
  return out;
}

}  // namespace app::chart
