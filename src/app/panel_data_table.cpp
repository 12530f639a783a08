// Data table of one file: every accepted row through ImGuiListClipper (only the visible rows are
// formatted, so a million rows scroll smoothly), sortable by any column (typed compare, ties by
// row), filtered by free text (IME-capable field), numbers right-aligned with thousands
// separators, money as ¥1,234.50, dates ISO, zebra rows; "Copy as TSV" for Excel/WPS.
#include <algorithm>
#include <string>

#include "format.hpp"
#include "imgui.h"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {
namespace {

// ImGui tables hold at most 512 columns (IMGUI_TABLE_MAX_COLUMNS); one is the line number.
constexpr size_t kMaxDataColumns = 511;
// Rows copied at most: a million-row TSV would be hundreds of MB in the clipboard.
constexpr size_t kMaxCopiedRows = 100000;
// Filtering work per frame, so the page stays responsive while it runs.
constexpr double kFilterBudgetMs = 8.0;

void append_tsv_cell(std::string& out, std::string_view cell) {
  for (char ch : cell) out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
}

void copy_as_tsv(AppState& state, const LoadedFile& file) {
  const overdue::ImportedFile& d = file.data;
  const auto& rows = file.view.rows();
  const size_t n = std::min(rows.size(), kMaxCopiedRows);
  std::string tsv;
  for (size_t c = 0; c < d.columns.size(); ++c) {
    if (c > 0) tsv += '\t';
    append_tsv_cell(tsv, d.columns[c].name);
  }
  tsv += '\n';
  for (size_t i = 0; i < n; ++i) {
    for (size_t c = 0; c < d.columns.size(); ++c) {
      if (c > 0) tsv += '\t';
      if (rows[i] < d.columns[c].text.size()) append_tsv_cell(tsv, d.columns[c].text.at(rows[i]));
    }
    tsv += '\n';
  }
  platform::set_clipboard_text(tsv.c_str());
  const std::string copied = format_count(static_cast<int64_t>(n));
  show_notice(state, n < rows.size()
                         ? trf(S::copied_rows_capped_fmt, copied.c_str(), format_count(static_cast<int64_t>(rows.size())).c_str())
                         : trf(S::copied_rows_fmt, copied.c_str()));
}

void draw_filter_bar(AppState& state, LoadedFile& file) {
  const float width = std::min(ImGui::GetContentRegionAvail().x * 0.45f, 520.0f * state.dpr);
  text_field("##filter", tr(S::filter_hint), file.filter, width);
  record_item_rect(state, "filter");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  if (file.sort_delay > 0) {
    text_muted(tr(S::sorting));
  } else if (file.view.filtering()) {
    text_muted(trf(S::filtering_fmt, static_cast<int>(file.view.filter_progress() * 100)).c_str());
  } else {
    const std::string shown = format_count(static_cast<int64_t>(file.view.rows().size()));
    const std::string total = format_count(static_cast<int64_t>(file.view.total_rows()));
    text_muted(trf(S::rows_shown_fmt, shown.c_str(), total.c_str()).c_str());
  }
  const char* copy_label = tr(S::copy_tsv);
  const float bw = ImGui::CalcTextSize(copy_label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - bw));
  if (ImGui::Button((std::string(copy_label) + "###copy").c_str())) copy_as_tsv(state, file);
  record_item_rect(state, "copy_tsv");
}

void draw_header_row(AppState& state, const overdue::ImportedFile& d, int ncols) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < ncols; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::PushID(c);
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    record_item_rect(state, c == 0 ? std::string("header.line") : "header." + std::to_string(c - 1));
    if (c > 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
      const overdue::Column& col = d.columns[static_cast<size_t>(c - 1)];
      const char* role = role_label(overdue::role_name(col.role));
      ImGui::SetTooltip("%s\n%s: %s\n%s: %s", col.name.c_str(), tr(S::column_type), column_type_label(col.type),
                        tr(S::column_role), col.role == overdue::Role::none ? tr(S::role_none) : (role ? role : std::string(overdue::role_name(col.role)).c_str()));
    }
    ImGui::PopID();
  }
}

// Columns, sort, the visible rows: inside BeginTable/EndTable.
void draw_table_contents(AppState& state, LoadedFile& file, size_t data_columns) {
  const overdue::ImportedFile& d = file.data;
  const int ncols = static_cast<int>(data_columns) + 1;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr(S::line_number), ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide);
  for (size_t c = 0; c < data_columns; ++c) ImGui::TableSetupColumn(d.columns[c].name.c_str());

  // Sorting a million rows takes a moment: a new sort key is applied one frame after it was
  // requested, so "Sorting…" is on screen while it runs.
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    SortKey requested;
    if (specs->SpecsCount > 0) {
      requested.column = specs->Specs[0].ColumnIndex - 1;  // column 0 is the line number
      requested.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    if (requested == file.sort) {
      specs->SpecsDirty = false;
      file.sort_delay = 0;
    } else if (file.sort_delay == 0) {
      file.sort_delay = 2;  // keep SpecsDirty; the next frame draws "Sorting…", the one after sorts
    } else if (--file.sort_delay == 0) {
      file.sort = requested;
      specs->SpecsDirty = false;
    }
  }
  const double deadline = platform::now_ms() + kFilterBudgetMs;
  file.view.update(d, file.revision, file.sort, file.filter, platform::now_ms, deadline);

  draw_header_row(state, d, ncols);

  const auto& rows = file.view.rows();
  CellText cell;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const uint32_t r = rows[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      if (ImGui::TableSetColumnIndex(0)) {
        const std::string line = std::to_string(r < d.row_line.size() ? d.row_line[r] : 0);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        text_right_aligned(line.c_str());
        ImGui::PopStyleColor();
      }
      for (size_t c = 0; c < data_columns; ++c) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(c) + 1)) continue;
        format_cell(d.columns[c], r, cell);
        if (cell.unparsed) ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        if (cell.align == CellAlign::right) text_right_aligned(cell.text.data(), cell.text.data() + cell.text.size());
        else ImGui::TextUnformatted(cell.text.data(), cell.text.data() + cell.text.size());
        if (cell.unparsed) {
          ImGui::PopStyleColor();
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::cell_not_parsed));
        }
      }
    }
  }
}

}  // namespace

void draw_data_panel(AppState& state, LoadedFile& file) {
  if (file.status == LoadStatus::failed) {
    text_colored_wrapped(palette().error, tr(S::file_unreadable));
    text_colored_wrapped(palette().error, file_error_text(file.data.error_kind, file.data.error).c_str());
    return;
  }
  if (file.status != LoadStatus::done) {
    text_muted(tr(S::file_still_loading));
    ImGui::ProgressBar(static_cast<float>(file.progress()), ImVec2(-FLT_MIN, 0));
    return;
  }
  const overdue::ImportedFile& d = file.data;
  draw_filter_bar(state, file);

  const size_t data_columns = std::min(d.columns.size(), kMaxDataColumns);
  const int ncols = static_cast<int>(data_columns) + 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_SizingFixedFit;
  // One ImGui table per file (its own sort specs and column widths), so switching files neither
  // shows another file's sort arrow nor resets this file's sort.
  ImGui::PushID(file.id);
  if (ImGui::BeginTable("##data", ncols, flags)) {
    draw_table_contents(state, file, data_columns);
    ImGui::EndTable();
  }
  ImGui::PopID();
}

}  // namespace app
