#include <algorithm>

#include "chart.hpp"

namespace app::chart {

int bar_chart(const char* id, const std::vector<Bar>& bars, ImVec2 size, const Formatter& y_label) {
  double top = 0;
  for (const Bar& b : bars) top = std::max(top, b.value);
  // Head room above the tallest bar for its value label.
  const Ticks ticks = nice_ticks(0, top > 0 ? top * 1.12 : 1, 5);
  // Category labels are drawn below, one per slot (never skipped like date ticks).
  const Plot p = begin_plot(id, size, 0, static_cast<double>(bars.size()), ticks, y_label, {});

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float slot = bars.empty() ? 0 : p.area.GetWidth() / static_cast<float>(bars.size());
  int hovered = -1;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const float x0 = p.area.Min.x + slot * static_cast<float>(i);
    const ImVec2 lo(x0 + slot * 0.18f, p.at(0, b.value).y);
    const ImVec2 hi(x0 + slot * 0.82f, p.area.Max.y);
    const bool over = p.hovered && mouse.x >= x0 && mouse.x < x0 + slot && mouse.y >= p.area.Min.y &&
                      mouse.y <= p.area.Max.y;
    if (over) {
      hovered = static_cast<int>(i);
      dl->AddRectFilled(ImVec2(x0, p.area.Min.y), ImVec2(x0 + slot, p.area.Max.y),
                        ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    }
    // The category label, centred under its slot; a label wider than the slot is drawn smaller.
    const float label_w = ImGui::CalcTextSize(b.label.c_str()).x;
    const float scale = label_w > slot * 0.95f ? std::max(0.7f, slot * 0.95f / label_w) : 1.0f;
    const float font_px = ImGui::GetFontSize() * scale;
    dl->AddText(nullptr, font_px, ImVec2(x0 + (slot - label_w * scale) * 0.5f, p.area.Max.y + ImGui::GetStyle().ItemSpacing.x * 0.5f),
                axis_text_color(), b.label.c_str());
    if (b.value > 0) dl->AddRectFilled(ImVec2(lo.x, std::min(lo.y, hi.y - 1.0f)), hi, b.color, 2.0f);
    if (!b.value_label.empty()) {
      const ImVec2 ts = ImGui::CalcTextSize(b.value_label.c_str());
      if (ts.x <= slot) {
        dl->AddText(ImVec2(x0 + (slot - ts.x) * 0.5f, lo.y - ts.y - 2.0f), ImGui::GetColorU32(ImGuiCol_Text),
                    b.value_label.c_str());
      }
    }
  }
  if (hovered >= 0 && !bars[hovered].tooltip.empty()) {
    ImGui::BeginTooltip();
    for (const std::string& line : bars[hovered].tooltip) ImGui::TextUnformatted(line.c_str());
    ImGui::EndTooltip();
  }
  return hovered;
}

}  // namespace app::chart

namespace app::chart {

int hbar_chart(const char* id, const std::vector<Bar>& bars, ImVec2 size, int* clicked) {
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = line_h * static_cast<float>(bars.size()) + line_h * 0.5f;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  // Clicked on release, not on press: a finger's drag or long press over the bars clicks nothing.
  const bool pressed = ImGui::InvisibleButton(id, size);
  const bool hovered_item = ImGui::IsItemHovered();

  float name_w = 0, value_w = 0;
  double top = 0;
  for (const Bar& b : bars) {
    name_w = std::max(name_w, ImGui::CalcTextSize(b.label.c_str()).x);
    value_w = std::max(value_w, ImGui::CalcTextSize(b.value_label.c_str()).x);
    top = std::max(top, b.value);
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  name_w = std::min(name_w, size.x * 0.45f);  // very long names are clipped, the tooltip has them
  const float x0 = pos.x + name_w + gap;
  const float width = std::max(10.0f, size.x - name_w - value_w - gap * 3);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered = -1;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const float y = pos.y + line_h * static_cast<float>(i);
    if (hovered_item && mouse.y >= y && mouse.y < y + line_h) {
      hovered = static_cast<int>(i);
      dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + size.x, y + line_h), ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    }
    dl->PushClipRect(ImVec2(pos.x, y), ImVec2(pos.x + name_w, y + line_h), true);
    dl->AddText(ImVec2(pos.x, y + (line_h - ImGui::GetTextLineHeight()) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                b.label.c_str());
    dl->PopClipRect();
    const float w = top > 0 && b.value > 0 ? static_cast<float>(b.value / top) * width : 0.0f;
    if (w > 0) dl->AddRectFilled(ImVec2(x0, y + line_h * 0.18f), ImVec2(x0 + std::max(w, 1.0f), y + line_h * 0.82f), b.color, 2.0f);
    dl->AddText(ImVec2(x0 + w + gap * 0.5f, y + (line_h - ImGui::GetTextLineHeight()) * 0.5f), axis_text_color(),
                b.value_label.c_str());
  }
  if (hovered >= 0 && !bars[hovered].tooltip.empty()) {
    ImGui::BeginTooltip();
    for (const std::string& line : bars[hovered].tooltip) ImGui::TextUnformatted(line.c_str());
    ImGui::EndTooltip();
  }
  if (clicked != nullptr && pressed && hovered >= 0) *clicked = hovered;
  return hovered;
}

}  // namespace app::chart
