// The report layout on the mapping screen (issue #9): what the importer decided about an
// accounting export around its table — title rows (greyed), the header row, group rows, total /
// subtotal / label rows and the totals check — and the two corrections: move the header row one
// line up or down (or detect it again), and keep a row the detector took for a total or label as
// data. Each correction reads the file again from its kept bytes (AppState::reimport); the
// analysis follows through the file's revision.
#include <algorithm>
#include <string>

#include "format.hpp"
#include "imgui.h"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

bool has_layout(const overdue::ImportedFile& d) {
  const overdue::ExportLayout& l = d.layout;
  return l.skipped_title_lines > 0 || l.header_rows > 1 || l.group_rows > 0 || !l.summary_rows.empty() ||
         l.as_of != overdue::kMissingDays || !l.amount_basis.empty();
}

// By kind, not by the English reason: the label is translated (the string table's row_kind_*).
const char* row_kind_label(const overdue::SummaryRow& r) {
  switch (r.kind) {
    case overdue::ProblemKind::total_row: return tr(S::row_kind_total);
    case overdue::ProblemKind::subtotal_row: return tr(S::row_kind_subtotal);
    case overdue::ProblemKind::label_row: return tr(S::row_kind_label);
    default: return r.reason.c_str();
  }
}

std::string joined_cells(const overdue::SummaryRow& r) {
  std::string out;
  for (const std::string& c : r.cells) {
    if (c.empty()) continue;
    if (!out.empty()) out += "  ";
    out += c;
    if (out.size() > 120) break;
  }
  return out;
}

void draw_header_controls(AppState& state, LoadedFile& file) {
  const overdue::ExportLayout& l = file.data.layout;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(trf(S::layout_header_fmt, format_count(static_cast<int64_t>(l.header_line)).c_str()).c_str());
  if (l.header_rows > 1) {
    ImGui::SameLine();
    text_muted(trf(S::layout_header_spans_fmt, format_count(l.header_rows).c_str()).c_str());
  }
  if (!file.bytes_kept) {
    text_muted(tr(S::layout_bytes_not_kept));
    return;
  }
  auto move_to = [&](uint64_t line) {
    file.options.header_line = line;
    file.options.header_rows = 0;
    state.reimport(file);
  };
  ImGui::SameLine();
  ImGui::BeginDisabled(l.header_line <= 1);
  if (ImGui::SmallButton(tr(S::layout_header_up))) move_to(l.header_line - 1);
  ImGui::EndDisabled();
  record_item_rect(state, "layout.header_up");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::layout_header_down))) move_to(l.header_line + 1);
  record_item_rect(state, "layout.header_down");
  ImGui::SameLine();
  ImGui::BeginDisabled(file.options.header_line == 0);
  if (ImGui::SmallButton(tr(S::layout_header_detect))) move_to(0);
  ImGui::EndDisabled();
  record_item_rect(state, "layout.header_detect");
}

void draw_summary_rows(AppState& state, LoadedFile& file) {
  const overdue::ExportLayout& l = file.data.layout;
  if (l.summary_rows.empty()) return;
  text_muted(tr(S::layout_summary_rows));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##summary_rows", 4, flags)) return;
  ImGui::TableSetupColumn(tr(S::layout_line), ImGuiTableColumnFlags_WidthStretch, 0.4f);
  ImGui::TableSetupColumn(tr(S::layout_row_kind), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn(tr(S::layout_row_text), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.9f);
  ImGui::TableHeadersRow();
  uint64_t keep = 0;  // applied after the loop: reimport replaces the rows being drawn
  for (const overdue::SummaryRow& r : l.summary_rows) {
    ImGui::PushID(static_cast<int>(r.line));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(format_count(static_cast<int64_t>(r.line)).c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row_kind_label(r));
    ImGui::TableSetColumnIndex(2);
    ImGui::AlignTextToFramePadding();
    text_muted(joined_cells(r).c_str());
    ImGui::TableSetColumnIndex(3);
    if (file.bytes_kept && ImGui::SmallButton(tr(S::layout_keep_as_data))) keep = r.line;
    record_item_rect(state, "layout.keep." + std::to_string(r.line));
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (keep != 0) {
    file.options.data_lines.push_back(keep);
    state.reimport(file);
  }
}

void draw_total_checks(const overdue::ExportLayout& l) {
  if (l.total_checks.empty()) return;
  text_muted(tr(S::layout_total_checks));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##total_checks", 5, flags)) return;
  ImGui::TableSetupColumn(tr(S::layout_line), ImGuiTableColumnFlags_WidthStretch, 0.4f);
  ImGui::TableSetupColumn(tr(S::layout_column), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr(S::layout_stated), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr(S::layout_sum), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableHeadersRow();
  for (const overdue::TotalCheck& c : l.total_checks) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(format_count(static_cast<int64_t>(c.line)).c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(c.column.c_str());
    ImGui::TableSetColumnIndex(2);
    text_right_aligned(format_cents(c.stated_cents, 2, true).c_str());
    ImGui::TableSetColumnIndex(3);
    text_right_aligned(format_cents(c.sum_cents, 2, true).c_str());
    ImGui::TableSetColumnIndex(4);
    ImGui::PushStyleColor(ImGuiCol_Text, c.ok() ? palette().success : palette().error);
    ImGui::TextUnformatted(tr(c.ok() ? S::layout_check_ok : S::layout_check_mismatch));
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_export_layout(AppState& state, LoadedFile& file) {
  const overdue::ImportedFile& d = file.data;
  if (!has_layout(d) && file.options.header_line == 0 && file.options.data_lines.empty()) return;
  if (!ImGui::CollapsingHeader(tr(S::layout_title), ImGuiTreeNodeFlags_DefaultOpen)) return;
  record_item_rect(state, "layout");
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextWrapped("%s", tr(S::layout_intro));
  ImGui::PopStyleColor();
  const overdue::ExportLayout& l = d.layout;
  if (!l.title_lines.empty()) {
    text_muted(trf(S::layout_title_rows_fmt, format_count(static_cast<int64_t>(l.skipped_title_lines)).c_str()).c_str());
    ImGui::Indent();
    for (const std::string& t : l.title_lines) text_muted(t.c_str());  // greyed: not data
    ImGui::Unindent();
  }
  draw_header_controls(state, file);
  if (l.group_rows > 0)
    ImGui::TextUnformatted(trf(S::layout_group_rows_fmt, format_count(static_cast<int64_t>(l.group_rows)).c_str()).c_str());
  if (l.as_of != overdue::kMissingDays)
    ImGui::TextUnformatted(trf(S::layout_as_of_fmt, format_iso_date(l.as_of).c_str()).c_str());
  if (!l.amount_basis.empty()) ImGui::TextUnformatted(tr(l.amount_basis == "original" ? S::layout_amount_original : S::layout_amount_home));
  if (!l.currencies.empty()) {
    std::string list;
    for (const std::string& c : l.currencies) list += (list.empty() ? "" : ", ") + c;
    ImGui::TextUnformatted(trf(S::layout_currencies_fmt, list.c_str()).c_str());
  }
  // After a header move file.data is the file as read again: `l` refers to it still.
  draw_summary_rows(state, file);
  draw_total_checks(file.data.layout);
  ImGui::Separator();
}

}  // namespace app
