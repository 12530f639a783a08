// The correlation matrix as a heat map: blue for negative, red for positive, white (or the window
// background in the dark theme) at zero. Names along the left; the top is left to the tooltip,
// because twenty rotated names do not fit and ImGui draws no rotated text.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart.hpp"

namespace app::chart {
namespace {

ImU32 diverging_color(double r) {
  const float t = static_cast<float>(std::clamp(std::fabs(r), 0.0, 1.0));
  const ImVec4 base = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const ImVec4 hot = r >= 0 ? ImVec4(0.80f, 0.20f, 0.17f, 1) : ImVec4(0.17f, 0.40f, 0.80f, 1);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(base.x + (hot.x - base.x) * t, base.y + (hot.y - base.y) * t,
                                               base.z + (hot.z - base.z) * t, 1));
}

}  // namespace

int heatmap_chart(const char* id, const std::vector<std::string>& names,
                  const std::vector<std::vector<double>>& values, float size) {
  const size_t n = names.size();
  float name_w = 0;
  for (const std::string& s : names) name_w = std::max(name_w, ImGui::CalcTextSize(s.c_str()).x);
  name_w = std::min(name_w, size * 0.35f);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float cell = n == 0 ? 0 : std::max(4.0f, (size - name_w - gap) / static_cast<float>(n));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 total(name_w + gap + cell * static_cast<float>(n), cell * static_cast<float>(n));
  ImGui::InvisibleButton(id, ImVec2(std::max(total.x, 1.0f), std::max(total.y, 1.0f)));
  const bool hovered_item = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin(pos.x + name_w + gap, pos.y);
  const bool show_values = cell >= ImGui::CalcTextSize("-0.00").x + 4;
  for (size_t i = 0; i < n; ++i) {
    const float y = origin.y + cell * static_cast<float>(i);
    if (cell >= ImGui::GetTextLineHeight() * 0.8f) {
      dl->PushClipRect(ImVec2(pos.x, y), ImVec2(pos.x + name_w, y + cell), true);
      dl->AddText(ImVec2(pos.x, y + (cell - ImGui::GetTextLineHeight()) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                  names[i].c_str());
      dl->PopClipRect();
    }
    for (size_t j = 0; j < n; ++j) {
      const double r = i < values.size() && j < values[i].size() ? values[i][j] : 0;
      const ImVec2 a(origin.x + cell * static_cast<float>(j), y);
      dl->AddRectFilled(a, ImVec2(a.x + cell - 1, a.y + cell - 1), diverging_color(r));
      if (show_values) {
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", r);
        const ImVec2 ts = ImGui::CalcTextSize(text);
        dl->AddText(ImVec2(a.x + (cell - ts.x) * 0.5f, a.y + (cell - ts.y) * 0.5f),
                    std::fabs(r) > 0.6 ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text), text);
      }
    }
  }
  int hovered = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered_item && n > 0 && mouse.x >= origin.x && mouse.y >= origin.y) {
    const size_t j = static_cast<size_t>((mouse.x - origin.x) / cell);
    const size_t i = static_cast<size_t>((mouse.y - origin.y) / cell);
    if (i < n && j < n) {
      hovered = static_cast<int>(i * n + j);
      const ImVec2 a(origin.x + cell * static_cast<float>(j), origin.y + cell * static_cast<float>(i));
      dl->AddRect(a, ImVec2(a.x + cell, a.y + cell), ImGui::GetColorU32(ImGuiCol_Text), 0, 0, 2.0f);
      ImGui::BeginTooltip();
      ImGui::Text("%s × %s", names[i].c_str(), names[j].c_str());
      ImGui::Text("r = %.3f", values[i][j]);
      ImGui::EndTooltip();
    }
  }
  return hovered;
}

}  // namespace app::chart
