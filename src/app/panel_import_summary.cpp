// Import summary: rows read / accepted / rejected per file and in total (read = accepted +
// rejected, DESIGN.md §1 "Nothing is lost"), then every rejected row (file, line, reason, text)
// and every cell error (file, line, column, text, reason) in clipped tables, and the notes.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "format.hpp"
#include "imgui.h"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

// (file index, item index) of every rejected row / cell error over all finished files, rebuilt
// only when the set of files or one of their revisions changes.
struct Listing {
  std::vector<std::pair<int, uint64_t>> key;  // (id, revision) of the files it was built from
  std::vector<std::pair<uint32_t, uint32_t>> rejected;
  std::vector<std::pair<uint32_t, uint32_t>> cell_errors;
};

const Listing& listing(const AppState& state) {
  static Listing cache;
  std::vector<std::pair<int, uint64_t>> key;
  for (const auto& f : state.files) {
    if (f->finished()) key.emplace_back(f->id, f->revision);
  }
  if (key == cache.key && !key.empty()) return cache;
  cache.key = std::move(key);
  cache.rejected.clear();
  cache.cell_errors.clear();
  for (size_t fi = 0; fi < state.files.size(); ++fi) {
    const LoadedFile& f = *state.files[fi];
    if (!f.finished()) continue;
    for (size_t i = 0; i < f.data.rejected.size(); ++i) cache.rejected.emplace_back(fi, i);
    for (size_t i = 0; i < f.data.cell_errors.size(); ++i) cache.cell_errors.emplace_back(fi, i);
  }
  return cache;
}

void cell_count(uint64_t n) {
  const std::string s = format_count(static_cast<int64_t>(n));
  text_right_aligned(s.c_str());
}

void draw_counts(AppState& state) {
  // Rows set aside by status (drafts, void invoices: issue #17) get a column when there are any,
  // counted as `inspect` counts them: read = accepted + set aside + rejected.
  uint64_t any_set_aside = 0;
  for (const auto& f : state.files) {
    if (!f->finished() || !f->data.error.empty()) continue;
    judge_invoices(*f, state.analysis.keep_drafts);
    any_set_aside += f->set_aside_rows;
  }
  const bool set_aside_column = any_set_aside > 0;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##counts", set_aside_column ? 6 : 5, flags)) return;
  const float s = state.dpr;
  ImGui::TableSetupColumn(tr(overdue::S::summary_file), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(overdue::S::summary_read), ImGuiTableColumnFlags_WidthFixed, 110 * s);
  ImGui::TableSetupColumn(tr(overdue::S::summary_accepted), ImGuiTableColumnFlags_WidthFixed, 110 * s);
  ImGui::TableSetupColumn(tr(overdue::S::summary_rejected), ImGuiTableColumnFlags_WidthFixed, 110 * s);
  ImGui::TableSetupColumn(tr(S::summary_cell_errors), ImGuiTableColumnFlags_WidthFixed, 130 * s);
  if (set_aside_column) ImGui::TableSetupColumn(tr(overdue::S::summary_set_aside), ImGuiTableColumnFlags_WidthFixed, 110 * s);
  ImGui::TableHeadersRow();
  overdue::RowCounts total;
  uint64_t total_cell_errors = 0;
  for (const auto& f : state.files) {
    if (!f->finished()) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(f->label().c_str());
    if (!f->data.error.empty()) {
      ImGui::TableSetColumnIndex(1);
      ImGui::TextColored(palette().error, "%s", file_error_text(f->data.error_kind, f->data.error).c_str());
      continue;
    }
    overdue::RowCounts r = f->data.rows;
    r.set_aside = f->set_aside_rows;
    r.accepted -= r.set_aside;
    total.read += r.read;
    total.accepted += r.accepted;
    total.rejected += r.rejected;
    total.set_aside += r.set_aside;
    total_cell_errors += f->data.cell_errors_total;
    ImGui::TableSetColumnIndex(1);
    cell_count(r.read);
    ImGui::TableSetColumnIndex(2);
    cell_count(r.accepted);
    ImGui::TableSetColumnIndex(3);
    if (r.rejected > 0) ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    cell_count(r.rejected);
    if (r.rejected > 0) ImGui::PopStyleColor();
    ImGui::TableSetColumnIndex(4);
    cell_count(f->data.cell_errors_total);
    if (set_aside_column) {
      ImGui::TableSetColumnIndex(5);
      cell_count(r.set_aside);
    }
  }
  ImGui::TableNextRow(0);
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(tr(overdue::S::summary_total));
  ImGui::TableSetColumnIndex(1);
  cell_count(total.read);
  ImGui::TableSetColumnIndex(2);
  cell_count(total.accepted);
  ImGui::TableSetColumnIndex(3);
  cell_count(total.rejected);
  ImGui::TableSetColumnIndex(4);
  cell_count(total_cell_errors);
  if (set_aside_column) {
    ImGui::TableSetColumnIndex(5);
    cell_count(total.set_aside);
  }
  ImGui::EndTable();

  const bool reconciles = total.read == total.accepted + total.set_aside + total.rejected;
  ImGui::TextColored(reconciles ? palette().success : palette().error, "%s",
                     tr(!reconciles          ? overdue::S::summary_does_not_reconcile
                        : set_aside_column ? overdue::S::summary_reconciles_set_aside
                                           : overdue::S::summary_reconciles));
}

void draw_rejected(AppState& state, const Listing& list, float height) {
  heading(tr(overdue::S::rejected_heading));
  if (list.rejected.empty()) {
    text_muted(tr(overdue::S::rejected_none));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##rejected", 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(overdue::S::summary_file), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr(overdue::S::error_line), ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn(tr(overdue::S::error_reason), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr(S::error_text), ImGuiTableColumnFlags_WidthStretch, 4.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.rejected.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto [fi, ri] = list.rejected[static_cast<size_t>(i)];
      const LoadedFile& f = *state.files[fi];
      const overdue::RejectedRow& row = f.data.rejected[ri];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(f.label().c_str());
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(std::to_string(row.line).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextColored(palette().warning, "%s", row.reason.c_str());
      ImGui::TableSetColumnIndex(3);
      std::string text = row.text;
      std::replace(text.begin(), text.end(), '\n', ' ');
      std::replace(text.begin(), text.end(), '\r', ' ');
      ImGui::TextUnformatted(text.c_str());
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
  }
  ImGui::EndTable();
  record_item_rect(state, "summary.rejected");
}

void draw_cell_errors(AppState& state, const Listing& list, float height) {
  heading(tr(S::cell_errors_heading));
  if (list.cell_errors.empty()) {
    text_muted(tr(S::cell_errors_none));
    return;
  }
  uint64_t total = 0;
  for (const auto& f : state.files) {
    if (f->finished()) total += f->data.cell_errors_total;
  }
  if (total > list.cell_errors.size()) {
    text_muted(trf(S::cell_errors_listed_fmt, format_count(static_cast<int64_t>(list.cell_errors.size())).c_str(),
                   format_count(static_cast<int64_t>(total)).c_str())
                   .c_str());
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##cell-errors", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(overdue::S::summary_file), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr(overdue::S::error_line), ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn(tr(S::error_column), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr(S::error_text), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr(overdue::S::error_reason), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.cell_errors.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto [fi, ei] = list.cell_errors[static_cast<size_t>(i)];
      const LoadedFile& f = *state.files[fi];
      const overdue::CellError& e = f.data.cell_errors[ei];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(f.label().c_str());
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(std::to_string(e.line).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(e.column < f.data.columns.size() ? f.data.columns[e.column].name.c_str() : "");
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(e.text.c_str());
      ImGui::TableSetColumnIndex(4);
      ImGui::TextColored(palette().warning, "%s", e.reason.c_str());
    }
  }
  ImGui::EndTable();
  record_item_rect(state, "summary.cell_errors");
}

void draw_notes(const AppState& state) {
  bool any = false;
  for (const auto& f : state.files) any = any || (f->finished() && !f->data.notes.empty());
  if (!any) return;
  heading(tr(S::notes_heading));
  for (const auto& f : state.files) {
    if (!f->finished()) continue;
    for (const std::string& note : f->data.notes) ImGui::BulletText("%s: %s", f->label().c_str(), note.c_str());
  }
}

}  // namespace

void draw_import_summary(AppState& state) {
  const bool any_finished =
      std::any_of(state.files.begin(), state.files.end(), [](const auto& f) { return f->finished(); });
  if (!any_finished) {
    text_muted(tr(S::summary_no_files));
    return;
  }
  ImGui::BeginChild("##summary-scroll", ImVec2(0, 0));
  heading(tr(S::summary_rows_heading));
  draw_counts(state);
  ImGui::Spacing();
  const Listing& list = listing(state);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float avail = ImGui::GetContentRegionAvail().y;
  const float table_height = std::max(line * 6, avail * 0.38f);
  draw_rejected(state, list, table_height);
  ImGui::Spacing();
  draw_cell_errors(state, list, table_height);
  ImGui::Spacing();
  draw_notes(state);
  // The ledger stage, so "read = accepted + rejected" covers import and ledger (issue #3).
  draw_ledger_summary(state);
  ImGui::EndChild();
}

}  // namespace app
