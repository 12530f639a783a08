// Mapping screen of one file: what was detected (encoding, delimiter, header, table kind) and, per
// column, its type, day/month order, role, missing count and sample values. Role, day/month order
// and table kind can be corrected; the column is then re-typed by the core (retype_column) and
// the table kind re-decided from the roles (decide_table_kind) unless the user chose it. Under a
// guessed role: its confidence and the header words that decided it (issue #17).
#include <cmath>
#include <string>

#include "format.hpp"
#include "imgui.h"
#include "overdue/import/role_assignment.hpp"
#include "overdue/ledger/line_items.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

const char* delimiter_label(char d) {
  switch (d) {
    case ',': return tr(S::delimiter_comma);
    case ';': return tr(S::delimiter_semicolon);
    case '\t': return tr(S::delimiter_tab);
    case '|': return tr(S::delimiter_pipe);
    default: return tr(S::delimiter_spaces);
  }
}

std::string role_display(overdue::Role role) {
  if (role == overdue::Role::none) return tr(S::role_none);
  const std::string name(overdue::role_name(role));
  const char* label = role_label(name);
  return label ? std::string(label) + "  (" + name + ")" : name;
}

std::string kind_display(overdue::TableKind kind) {
  if (kind == overdue::TableKind::none) return tr(overdue::S::kind_not_recognised);
  const std::string name(overdue::table_kind_name(kind));
  const char* label = table_kind_label(name);
  return label ? std::string(label) + "  (" + name + ")" : name;
}

// Up to three non-empty values from the first rows (bounded scan: columns may be mostly empty).
std::string sample_values(const overdue::Column& c) {
  std::string out;
  int found = 0;
  for (size_t r = 0; r < c.text.size() && r < 1000 && found < 3; ++r) {
    const std::string_view v = c.text.at(r);
    if (v.empty()) continue;
    if (found++ > 0) out += "  ·  ";
    out.append(v.substr(0, 40));
  }
  return out;
}

void draw_detected(AppState& state, LoadedFile& file) {
  const overdue::ImportedFile& d = file.data;
  if (ImGui::BeginTable("##detected", 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (d.sheets.empty()) {
      text_muted(tr(overdue::S::encoding));
      ImGui::TextUnformatted(overdue::encoding_name(d.encoding));
      ImGui::TableSetColumnIndex(1);
      text_muted(tr(S::delimiter));
      ImGui::TextUnformatted(delimiter_label(d.delimiter));
    } else {   // a workbook (issue #18) has cells, not an encoding and a delimiter
      text_muted(tr(S::detected_format));
      ImGui::TextUnformatted(tr(S::detected_workbook));
      ImGui::TableSetColumnIndex(1);
      text_muted(tr(S::detected_sheet));
      ImGui::TextUnformatted(d.sheet.c_str());
    }
    ImGui::TableSetColumnIndex(2);
    text_muted(tr(S::header_row));
    ImGui::TextUnformatted(tr(d.header ? S::yes : S::no));
    ImGui::TableSetColumnIndex(3);
    text_muted(tr(overdue::S::table_kind));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##kind", kind_display(d.table_kind).c_str());
    record_item_rect(state, "mapping.kind");
    if (open) {
      if (ImGui::Selectable(tr(overdue::S::kind_not_recognised), d.table_kind == overdue::TableKind::none)) state.set_table_kind(file, overdue::TableKind::none);
      for (const overdue::TableKind k : overdue::all_table_kinds()) {
        if (ImGui::Selectable(kind_display(k).c_str(), d.table_kind == k)) state.set_table_kind(file, k);
        record_item_rect(state, "option.kind." + std::string(overdue::table_kind_name(k)));
      }
      ImGui::EndCombo();
    }
    if (file.kind_set_by_user) text_muted(tr(S::kind_set_by_you));
    ImGui::EndTable();
  }
  // A line-item export: what the ledger will make of it (the core's detect_line_items, as inspect).
  judge_invoices(file, state.analysis.keep_drafts);
  if (file.line_items_invoices > 0) {
    const std::string rows = format_count(static_cast<int64_t>(file.line_items_rows));
    const std::string invoices = format_count(static_cast<int64_t>(file.line_items_invoices));
    text_muted(trf(S::line_items_fmt, rows.c_str(), invoices.c_str()).c_str());
    record_item_rect(state, "mapping.line_items");
  }
}

void draw_date_order(AppState& state, LoadedFile& file, size_t i) {
  const overdue::Column& c = file.data.columns[i];
  const bool numeric_order = c.date_order_ambiguous || c.date_order != overdue::DateOrder::automatic;
  if (c.type != overdue::ColumnType::date || !numeric_order) {
    text_muted(tr(S::date_order_not_applicable));
    return;
  }
  const S current = c.date_order == overdue::DateOrder::month_first ? S::date_order_month_first
                    : c.date_order == overdue::DateOrder::day_first ? S::date_order_day_first
                                                                      : S::date_order_automatic;
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool open = ImGui::BeginCombo("##order", tr(current));
  record_item_rect(state, "mapping.order." + std::to_string(i));
  if (open) {
    const std::pair<overdue::DateOrder, S> options[] = {
        {overdue::DateOrder::automatic, S::date_order_automatic},
        {overdue::DateOrder::month_first, S::date_order_month_first},
        {overdue::DateOrder::day_first, S::date_order_day_first}};
    for (const auto& [order, text] : options) {
      if (ImGui::Selectable(tr(text), c.date_order == order) && c.date_order != order) state.set_date_order(file, i, order);
      record_item_rect(state, std::string("option.order.") + (order == overdue::DateOrder::automatic     ? "automatic"
                                                              : order == overdue::DateOrder::month_first ? "month_first"
                                                                                                         : "day_first"));
    }
    ImGui::EndCombo();
  }
  if (c.date_order_ambiguous && c.date_order == overdue::DateOrder::automatic) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    ImGui::TextUnformatted(tr(S::date_order_ambiguous));
    ImGui::PopStyleColor();
  }
}

void draw_role(AppState& state, LoadedFile& file, size_t i) {
  const overdue::Column& c = file.data.columns[i];
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool open = ImGui::BeginCombo("##role", role_display(c.role).c_str(), ImGuiComboFlags_HeightLarge);
  record_item_rect(state, "mapping.role." + std::to_string(i));
  if (open) {
    if (ImGui::Selectable(tr(S::role_none), c.role == overdue::Role::none) && c.role != overdue::Role::none) state.set_role(file, i, overdue::Role::none);
    record_item_rect(state, "option.role.none");
    for (const overdue::Role r : overdue::all_roles()) {
      if (ImGui::Selectable(role_display(r).c_str(), c.role == r) && c.role != r) state.set_role(file, i, r);
      record_item_rect(state, "option.role." + std::string(overdue::role_name(r)));
    }
    ImGui::EndCombo();
  }
  if (c.role_set_by_user) {
    text_muted(tr(S::role_set_by_you));
    return;
  }
  // Issue #17: how sure the guess is and the header words that decided it.
  if (c.role == overdue::Role::none) return;
  const int percent = static_cast<int>(std::lround(c.role_confidence * 100.0));
  std::string why = trf(S::role_confidence_fmt, percent);
  if (!c.matched_words.empty()) {
    std::string words;
    for (const std::string& w : c.matched_words) words += (words.empty() ? "" : ", ") + w;
    why += " · " + trf(S::role_words_fmt, words.c_str());
  }
  // Wrapped inside the role column: the words are often longer than the column is wide.
  text_colored_wrapped(palette().text_muted, why.c_str());
}

}  // namespace

void judge_invoices(LoadedFile& file, bool keep_drafts) {
  if (file.status != LoadStatus::done) return;
  if (file.line_items_revision == file.revision && file.line_items_keep_drafts == keep_drafts) return;
  const overdue::LineItemLayout layout = overdue::detect_line_items(file.data);
  file.line_items_revision = file.revision;
  file.line_items_keep_drafts = keep_drafts;
  file.line_items_rows = layout.line_items ? layout.rows : 0;
  file.line_items_invoices = layout.line_items ? layout.invoices : 0;
  file.set_aside_rows = 0;
  for (const overdue::SetAsideRow& r : overdue::status_set_aside(file.data, layout, keep_drafts)) file.set_aside_rows += r.rows;
}

void draw_mapping_panel(AppState& state, LoadedFile& file) {
  if (file.status == LoadStatus::failed) {
    heading(file.label().c_str());
    text_colored_wrapped(palette().error, tr(S::file_unreadable));
    text_colored_wrapped(palette().error, file_error_text(file.data.error_kind, file.data.error).c_str());
    return;
  }
  if (file.status != LoadStatus::done) {
    text_muted(tr(S::file_still_loading));
    return;
  }
  heading(file.label().c_str());
  draw_sheet_picker(state, file);
  draw_detected(state, file);
  draw_date_swaps(state, file);
  draw_export_layout(state, file);
  draw_gl_account_picker(state, file);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextWrapped("%s", tr(S::mapping_intro));
  ImGui::PopStyleColor();
  ImGui::Spacing();

  // Stretch columns: the whole mapping fits the width at 1280 px and grows with the window.
  // Narrower than 900 px (a phone, a tablet) it keeps that width and scrolls sideways, the
  // column's number and name kept in view.
  const float min_w = 900.0f * state.dpr;
  const bool sideways = ImGui::GetContentRegionAvail().x < min_w;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp |
                                (sideways ? ImGuiTableFlags_ScrollX : 0);
  if (!ImGui::BeginTable("##columns", 7, flags, ImVec2(0, 0), sideways ? min_w : 0.0f)) return;
  ImGui::TableSetupScrollFreeze(sideways ? 2 : 0, 1);
  ImGui::TableSetupColumn(tr(S::column_index), ImGuiTableColumnFlags_WidthStretch, 0.35f);
  ImGui::TableSetupColumn(tr(S::column_name), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(tr(S::column_type), ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn(tr(S::column_date_order), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(tr(S::column_role), ImGuiTableColumnFlags_WidthStretch, 2.3f);
  ImGui::TableSetupColumn(tr(S::column_missing), ImGuiTableColumnFlags_WidthStretch, 0.7f);
  ImGui::TableSetupColumn(tr(S::column_samples), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableHeadersRow();

  const auto& columns = file.data.columns;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(columns.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const size_t i = static_cast<size_t>(row);
      const overdue::Column& c = columns[i];
      ImGui::PushID(row);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      text_muted(std::to_string(i + 1).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(c.name.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::AlignTextToFramePadding();
      std::string type = column_type_label(c.type);
      if (c.money && c.type != overdue::ColumnType::text && c.type != overdue::ColumnType::date) {
        type += " · " + std::string(tr(S::type_money_suffix));
      }
      ImGui::TextUnformatted(type.c_str());
      if (c.type == overdue::ColumnType::date && !c.date_format.empty()) text_muted(c.date_format.c_str());
      if (const overdue::DateSwap* swap = date_swap_of(file, i)) {   // Excel's day/month swap (issue #18)
        const std::string cells = format_count(static_cast<int64_t>(swap->cells));
        text_colored_wrapped(palette().warning,
                             trf(swap->swapped ? S::date_swap_column_fmt : S::date_swap_column_kept_fmt, cells.c_str()).c_str());
      }
      ImGui::TableSetColumnIndex(3);
      draw_date_order(state, file, i);
      ImGui::TableSetColumnIndex(4);
      draw_role(state, file, i);
      ImGui::TableSetColumnIndex(5);
      ImGui::AlignTextToFramePadding();
      const std::string missing = format_count(static_cast<int64_t>(c.missing));
      text_right_aligned(missing.c_str());
      ImGui::TableSetColumnIndex(6);
      ImGui::AlignTextToFramePadding();
      text_muted(sample_values(c).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace app
