// The mapping screen's workbook part (issue #18): which sheet this table is, the sheet picker
// (every sheet of the workbook with its rows and whether it is hidden; each ticked sheet is a
// table of its own, read again from the workbook's kept bytes), and Excel's day/month swap — the
// cells swapped back (or kept as stored) per column, with the switch that is the setting
// import.excel_date_swap.
#include <string>

#include "format.hpp"
#include "imgui.h"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

bool sheet_is_read(const std::vector<LoadedFile*>& tables, const std::string& sheet) {
  for (const LoadedFile* t : tables)
    if (t->sheet() == sheet) return true;
  return false;
}

}  // namespace

void draw_sheet_picker(AppState& state, LoadedFile& file) {
  const std::vector<overdue::SheetInfo>& sheets = file.data.sheets;
  if (sheets.empty()) return;   // a CSV
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(trf(S::sheet_reading_fmt, file.data.sheet.c_str()).c_str());
  record_item_rect(state, "mapping.sheet");
  if (!file.bytes_kept) return;   // cannot happen for a workbook (its bytes are always kept)
  if (!ImGui::TreeNodeEx(tr(S::sheet_heading), ImGuiTreeNodeFlags_DefaultOpen)) return;
  text_muted(tr(S::sheet_pick_hint));
  const std::vector<LoadedFile*> tables = state.sheet_tables(file);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##sheets", 3, flags)) {
    const float s = state.dpr;
    ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthFixed, 260 * s);
    ImGui::TableSetupColumn("##rows", ImGuiTableColumnFlags_WidthFixed, 110 * s);
    ImGui::TableSetupColumn("##hidden", ImGuiTableColumnFlags_WidthFixed, 90 * s);
    for (size_t i = 0; i < sheets.size(); ++i) {
      const overdue::SheetInfo& sheet = sheets[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const bool read = sheet_is_read(tables, sheet.name);
      // The workbook keeps one table: its last sheet is unticked by removing the file.
      const bool last = read && tables.size() < 2;
      bool ticked = read;
      ImGui::BeginDisabled(last || (sheet.rows == 0 && !read));
      if (ImGui::Checkbox(sheet.name.c_str(), &ticked)) state.sheet_requests.push_back({file.id, sheet.name, ticked});
      ImGui::EndDisabled();
      record_item_rect(state, "sheet." + std::to_string(i));
      if (last) ImGui::SetItemTooltip("%s", tr(S::sheet_last_table_tip));
      ImGui::TableSetColumnIndex(1);
      ImGui::AlignTextToFramePadding();
      if (sheet.rows == 0) {
        text_muted(tr(S::sheet_empty));
      } else if (sheet.rows == 1) {
        text_right_aligned(tr(S::sheet_one_row));
      } else {
        text_right_aligned(trf(S::sheet_rows_fmt, format_count(static_cast<int64_t>(sheet.rows)).c_str()).c_str());
      }
      ImGui::TableSetColumnIndex(2);
      ImGui::AlignTextToFramePadding();
      if (sheet.hidden) text_muted(tr(S::sheet_hidden));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::TreePop();
}

const overdue::DateSwap* date_swap_of(const LoadedFile& file, size_t column) {
  for (const overdue::DateSwap& d : file.data.date_swaps)
    if (d.column == column) return &d;
  return nullptr;
}

void draw_date_swaps(AppState& state, LoadedFile& file) {
  const overdue::ImportedFile& d = file.data;
  if (d.date_swaps.empty()) return;
  for (const overdue::DateSwap& swap : d.date_swaps) {
    const std::string cells = format_count(static_cast<int64_t>(swap.cells));
    const char* column = swap.column < d.columns.size() ? d.columns[swap.column].name.c_str() : "?";
    // The CSV Excel opened was in the text dates' order; its settings read the other one.
    const char* csv_order = tr(swap.text_month_first ? S::date_swap_month_first : S::date_swap_day_first);
    const char* settings_order = tr(swap.text_month_first ? S::date_swap_day_first : S::date_swap_month_first);
    const std::string text = trf(swap.swapped ? S::date_swap_swapped_fmt : S::date_swap_kept_fmt, cells.c_str(), column,
                                 csv_order, settings_order);
    text_colored_wrapped(palette().warning, text.c_str());
    record_item_rect(state, "mapping.date_swap." + std::to_string(swap.column));
  }
  bool keep = file.options.keep_swapped_dates;
  const bool changed = ImGui::Checkbox(tr(S::date_swap_keep), &keep);
  record_item_rect(state, "mapping.date_swap_keep");
  ImGui::SetItemTooltip("%s", tr(S::date_swap_keep_tip));
  // Last: the files are read again, `d` is replaced.
  if (changed) state.set_keep_swapped_dates(keep);
}

}  // namespace app
