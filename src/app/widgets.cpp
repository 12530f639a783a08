// Small widgets shared by the panels.
#include "imgui.h"
#include "panels.hpp"
#include "strings.hpp"
#include "theme.hpp"

namespace app {

void text_muted(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

void text_colored_wrapped(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void heading(const char* text) {
  // 1.25 × body size, rasterised at that size (ImGui 1.92 dynamic fonts), not scaled bitmaps.
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void text_right_aligned(const char* text_begin, const char* text_end) {
  const float width = ImGui::CalcTextSize(text_begin, text_end).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
  ImGui::TextUnformatted(text_begin, text_end);
}

void show_notice(AppState& state, std::string text) {
  state.notice = std::move(text);
  state.notice_until_ms = state.now_ms + 4000.0;
}

const char* column_type_label(overdue::ColumnType type) {
  switch (type) {
    case overdue::ColumnType::integer: return tr(S::type_integer);
    case overdue::ColumnType::decimal: return tr(S::type_decimal);
    case overdue::ColumnType::date: return tr(S::type_date);
    case overdue::ColumnType::text: break;
  }
  return tr(S::type_text);
}

void same_line_if_fits(float width, float spacing_factor) {
  // Decided before moving: a SameLine undone by NewLine would still count the spot after the
  // last item as content, and on a narrow page that makes the whole view scroll sideways.
  const float spacing = ImGui::GetStyle().ItemSpacing.x * spacing_factor;
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}

}  // namespace app
