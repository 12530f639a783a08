// What a first-time visitor sees before any file: a drop zone that says what to do and what the
// page accepts, with the "Open files…" button in the middle.
#include "imgui.h"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

void centered_text(const char* text, const ImVec4* color = nullptr) {
  const float width = ImGui::CalcTextSize(text).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
  ImGui::TextUnformatted(text);
  if (color) ImGui::PopStyleColor();
}

}  // namespace

void draw_empty_state(AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float margin = 24.0f * state.dpr;
  const ImVec2 zone_min(origin.x + margin, origin.y + margin);
  const ImVec2 zone_max(origin.x + avail.x - margin, origin.y + avail.y - margin);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(zone_min, zone_max, ImGui::GetColorU32(palette().drop_zone), 12.0f * state.dpr);
  dl->AddRect(zone_min, zone_max, ImGui::GetColorU32(palette().accent), 12.0f * state.dpr, 0, 2.0f * state.dpr);

  // Block of text centred vertically in the zone.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float block = line * 1.8f + ImGui::GetFrameHeightWithSpacing() * 2.0f + line * 6.5f;
  ImGui::SetCursorScreenPos(ImVec2(zone_min.x, origin.y + (avail.y - block) * 0.5f));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(zone_max.x - zone_min.x);
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.6f);
  centered_text(tr(S::drop_title), &palette().accent);
  ImGui::PopFont();
  ImGui::Spacing();
  centered_text(tr(S::drop_hint));
  ImGui::Spacing();
  const char* open_label = tr(S::open_files);
  const float bw = ImGui::CalcTextSize(open_label).x + style.FramePadding.x * 4;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (zone_max.x - zone_min.x - bw) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button((std::string(open_label) + "###open-empty").c_str(), ImVec2(bw, 0))) platform::open_file_picker();
  ImGui::PopStyleColor(2);
  record_item_rect(state, "open_files_center");
  // The demo: fetched from the page's own origin only now (not part of the start-up download).
  ImGui::Spacing();
  const char* demo_label = tr(S::demo_load);
  const float dw = ImGui::CalcTextSize(demo_label).x + style.FramePadding.x * 4;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (zone_max.x - zone_min.x - dw) * 0.5f);
  if (ImGui::Button((std::string(demo_label) + "###demo").c_str(), ImVec2(dw, 0))) {
    state.demo_requested = true;
    platform::load_demo();
  }
  record_item_rect(state, "load_demo");
  centered_text(tr(S::demo_hint), &palette().text_muted);
  ImGui::Spacing();
  const char* credit_label = tr(S::lab_demo_load);
  const float cw = ImGui::CalcTextSize(credit_label).x + style.FramePadding.x * 4;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (zone_max.x - zone_min.x - cw) * 0.5f);
  if (ImGui::Button((std::string(credit_label) + "###credit-demo").c_str(), ImVec2(cw, 0))) {
    state.lab.auto_start = true;
    platform::load_demo("credit");
  }
  record_item_rect(state, "load_credit_demo");
  centered_text(tr(S::lab_demo_hint), &palette().text_muted);
  ImGui::Spacing();
  ImGui::Spacing();
  centered_text(tr(S::drop_formats), &palette().text_muted);
  centered_text(tr(S::drop_workbooks), &palette().text_muted);
  centered_text(tr(S::drop_privacy), &palette().text_muted);
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

}  // namespace app
