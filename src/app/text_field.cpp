#include "text_field.hpp"

#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: the DOM input, not ImGui, edits the text
#include "platform.hpp"

namespace app {
namespace {

ImGuiID g_owner = 0;         // the field the overlay belongs to, 0 = none
bool g_owner_drawn = false;  // that field was drawn this frame
float g_dpr = 1.0f;
bool g_dark = false;

platform::OverlayBox overlay_box_for_last_item() {
  const ImVec2 mn = ImGui::GetItemRectMin();
  const ImVec2 mx = ImGui::GetItemRectMax();
  platform::OverlayBox b;
  b.x = mn.x / g_dpr;
  b.y = mn.y / g_dpr;
  b.width = (mx.x - mn.x) / g_dpr;
  b.height = (mx.y - mn.y) / g_dpr;
  b.font_px = ImGui::GetFontSize() / g_dpr;
  b.padding_x = ImGui::GetStyle().FramePadding.x / g_dpr;
  b.dark = g_dark;
  return b;
}

// After the read-only ImGui field is drawn: opens the overlay over it when it is activated (a
// click, or Enter / Space from the keyboard), and takes what was typed there.
bool edit_through_overlay(ImGuiID gid, std::string& value, bool multiline) {
  platform::OverlayBox box = overlay_box_for_last_item();
  box.multiline = multiline;
  if (ImGui::IsItemActivated()) {
    ImGui::ClearActiveID();
    platform::text_overlay_show(box, value);
    g_owner = gid;
  }
  bool changed = false;
  if (g_owner == gid) {
    g_owner_drawn = true;
    std::string typed;
    if (platform::text_overlay_take_value(typed) && typed != value) {
      value = std::move(typed);
      changed = true;
    }
    if (platform::text_overlay_open()) platform::text_overlay_move(box);  // follows layout changes
    else g_owner = 0;  // closed by blur, Enter or Escape
  }
  return changed;
}

}  // namespace

bool text_field(const char* id, const char* hint, std::string& value, float width) {
  const ImGuiID gid = ImGui::GetID(id);
  char buffer[1024];
  const size_t n = value.size() < sizeof buffer - 1 ? value.size() : sizeof buffer - 1;
  std::memcpy(buffer, value.data(), n);
  buffer[n] = '\0';

  ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
  // Read-only: ImGui shows the text and the hint; typing goes to the DOM overlay.
  ImGui::InputTextWithHint(id, hint, buffer, sizeof buffer, ImGuiInputTextFlags_ReadOnly);
  return edit_through_overlay(gid, value, false);
}

bool text_area(const char* id, std::string& value, float width, float height) {
  const ImGuiID gid = ImGui::GetID(id);
  // Read-only, so ImGui never writes into the string (a std::string's data() ends with a '\0').
  ImGui::InputTextMultiline(id, value.data(), value.size() + 1, ImVec2(width > 0 ? width : -FLT_MIN, height),
                            ImGuiInputTextFlags_ReadOnly);
  return edit_through_overlay(gid, value, true);
}

void text_field_end_frame(float dpr, bool dark) {
  if (g_owner != 0 && !g_owner_drawn) {
    platform::text_overlay_hide();
    g_owner = 0;
  }
  g_owner_drawn = false;
  g_dpr = dpr > 0 ? dpr : 1.0f;
  g_dark = dark;
}

}  // namespace app
