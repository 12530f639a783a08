#include <algorithm>

#include "chart.hpp"

namespace app::chart {

int line_chart(const char* id, const std::vector<double>& xs, const std::vector<Series>& series, ImVec2 size,
               const Formatter& y_label, const std::vector<XTick>& x_ticks,
               const std::function<std::string(size_t)>& hover_title,
               const std::function<std::string(size_t, size_t)>& hover_value) {
  double top = 0;
  for (const Series& s : series)
    for (double v : s.y) top = std::max(top, v);
  const Ticks ticks = nice_ticks(0, top > 0 ? top : 1, 5);
  const double x0 = xs.empty() ? 0 : xs.front();
  const double x1 = xs.size() > 1 ? xs.back() : x0 + 1;
  const Plot p = begin_plot(id, size, x0, x1, ticks, y_label, x_ticks);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p.outer.Min, p.outer.Max, true);
  const float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.13f);
  std::vector<ImVec2> points;
  for (const Series& s : series) {
    points.clear();
    for (size_t i = 0; i < xs.size() && i < s.y.size(); ++i) points.push_back(p.at(xs[i], s.y[i]));
    if (points.size() == 1) dl->AddCircleFilled(points[0], thickness * 1.5f, s.color);
    else dl->AddPolyline(points.data(), static_cast<int>(points.size()), s.color, ImDrawFlags_None, thickness);
  }

  int hovered = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (p.hovered && !xs.empty() && mouse.x >= p.area.Min.x - 4 && mouse.x <= p.area.Max.x + 4) {
    // Nearest x (xs ascending): binary search, then the closer neighbour.
    const double x = p.x_at(mouse.x);
    size_t i = static_cast<size_t>(std::lower_bound(xs.begin(), xs.end(), x) - xs.begin());
    if (i == xs.size()) i = xs.size() - 1;
    else if (i > 0 && x - xs[i - 1] < xs[i] - x) --i;
    hovered = static_cast<int>(i);
    const float cx = p.at(xs[i], 0).x;
    dl->AddLine(ImVec2(cx, p.area.Min.y), ImVec2(cx, p.area.Max.y), axis_text_color(), 1.0f);
    for (const Series& s : series)
      if (i < s.y.size()) dl->AddCircleFilled(p.at(xs[i], s.y[i]), thickness * 2.2f, s.color);
  }
  dl->PopClipRect();

  if (hovered >= 0) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(hover_title(static_cast<size_t>(hovered)).c_str());
    for (size_t k = 0; k < series.size(); ++k) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(series[k].color));
      ImGui::TextUnformatted("\xE2\x96\xA0");  // ■ swatch
      ImGui::PopStyleColor();
      ImGui::SameLine();
      const std::string value = hover_value(k, static_cast<size_t>(hovered));
      ImGui::Text("%s: %s", series[k].label.c_str(), value.c_str());
    }
    ImGui::EndTooltip();
  }
  return hovered;
}

}  // namespace app::chart
