// Files column: one card per dropped file with its state — a progress bar while it loads, its
// row counts and table kind when read, or the core's error message when it could not be read.
#include "format.hpp"
#include "imgui.h"
#include "keyboard_nav.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

void draw_file_status(const LoadedFile& f) {
  switch (f.status) {
    case LoadStatus::queued:
    case LoadStatus::reading:
    case LoadStatus::typing: {
      const S label = f.status == LoadStatus::queued  ? S::status_queued
                      : f.status == LoadStatus::reading ? S::status_reading
                                                        : S::status_typing;
      text_muted(tr(label));
      ImGui::ProgressBar(static_cast<float>(f.progress()), ImVec2(-FLT_MIN, 0));
      return;
    }
    case LoadStatus::failed:
      text_colored_wrapped(palette().error, tr(S::status_failed));
      text_colored_wrapped(palette().error, file_error_short(f.data.error_kind, f.data.error).c_str());
      return;
    case LoadStatus::done:
      break;
  }
  const overdue::ImportedFile& d = f.data;
  std::string line = trf(S::rows_count_fmt, format_count(static_cast<int64_t>(d.rows.accepted)).c_str());
  if (d.rows.rejected > 0) line += "  ·  " + trf(S::rejected_count_fmt, format_count(static_cast<int64_t>(d.rows.rejected)).c_str());
  ImGui::TextUnformatted(line.c_str());
  if (d.rows.rejected > 0) {
    ImGui::SameLine();
    ImGui::TextColored(palette().warning, "●");
  }
  const char* kind = table_kind_label(overdue::table_kind_name(d.table_kind));
  text_muted(kind ? kind : tr(overdue::S::kind_not_recognised));
}

}  // namespace

void draw_files_panel(AppState& state) {
  heading(tr(S::files_heading));
  ImGui::Spacing();
  int remove_id = 0;
  for (size_t i = 0; i < state.files.size(); ++i) {
    LoadedFile& f = *state.files[i];
    ImGui::PushID(f.id);
    const bool selected = f.id == state.selected_id;
    if (selected) ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    ImGui::BeginChild("##card", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette().accent : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextWrapped("%s", f.label().c_str());
    ImGui::PopStyleColor();
    draw_file_status(f);
    if (f.finished() && ImGui::SmallButton(tr(S::remove_file))) remove_id = f.id;
    const bool clicked = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseReleased(0) &&
                         !ImGui::IsAnyItemHovered();
    ImGui::EndChild();
    if (selected) ImGui::PopStyleColor();
    record_item_rect(state, "file." + std::to_string(i));
    if (clicked || child_activated_by_keyboard()) state.selected_id = f.id;  // Enter on a card (issue #22 §5)
    ImGui::PopID();
  }
  if (remove_id != 0) state.remove(remove_id);
}

}  // namespace app
