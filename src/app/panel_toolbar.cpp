// Toolbar: the product's name, "Open files…", the export menu, the language, theme and text-size
// switches, and a short notice line (e.g. after copying a table); compact on a narrow page.
#include <algorithm>
#include <string>
#include <vector>

#include "imgui.h"
#include "nav.hpp"
#include "overdue/text/lang.hpp"
#include "panel_letters.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "settings_io.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

// The export menu: every item is a browser download made from bytes the core produced (the same
// bytes as the CLI's files). Items record their rectangles ("export.<name>") for the tests.
void draw_export_items(AppState& state) {
  const bool have_analysis = state.analysis.available();
  if (ImGui::MenuItem(tr(S::export_json), nullptr, false, have_analysis)) {
    const char* name = "overdue-lens-analysis.json";
    platform::download_file(name, "application/json", state.analysis.json());
    show_notice(state, trf(S::export_saved_fmt, name));
  }
  record_item_rect(state, "export.analysis_json");
  // The CSV tables, one download each (a browser asks once before several downloads from a page).
  // Made only on click: for a big ledger the tables are large.
  struct CsvItem {
    S label;
    const char* file;  // as analysis_csv_files names it
  };
  constexpr CsvItem kCsvItems[] = {{S::csv_overdue, "overdue.csv"},   {S::csv_customers, "customers.csv"},
                                   {S::csv_aging, "aging.csv"},       {S::csv_trend, "trend.csv"},
                                   {S::csv_installments, "installments.csv"}, {S::csv_rejected, "rejected.csv"},
                                   {S::csv_forecast, "forecast.csv"}};
  if (ImGui::BeginMenu(tr(S::export_csv), have_analysis)) {
    for (const CsvItem& item : kCsvItems) {
      const std::string label = std::string(tr(item.label)) + "  (" + item.file + ")";
      if (ImGui::MenuItem(label.c_str())) {
        for (const overdue::CsvFile& f : state.analysis.csv_files(language())) {
          if (f.name != item.file) continue;
          platform::download_file(f.name, "text/csv;charset=utf-8", f.bytes);
          show_notice(state, trf(S::export_saved_fmt, f.name.c_str()));
        }
      }
      record_item_rect(state, std::string("export.csv.") + item.file);
    }
    ImGui::EndMenu();
  }
  record_item_rect(state, "export.csv");
  // The report and the letters (issue #6): made on click, by the core, in the UI language.
  if (ImGui::MenuItem(tr(S::export_report), nullptr, false, have_analysis)) download_report(state);
  record_item_rect(state, "export.report");
  draw_accessible_report_item(state);  // the report in a new tab, for screen readers (issue #22 §6)
  if (ImGui::MenuItem(tr(S::export_letters), nullptr, false, have_analysis)) download_letters(state);
  record_item_rect(state, "export.letters");
  if (ImGui::MenuItem(tr(S::export_letters_edit))) open_letters_window();
  record_item_rect(state, "export.letters_edit");
  if (ImGui::MenuItem(tr(S::export_settings))) download_settings(state);
  record_item_rect(state, "export.settings");
  ImGui::Separator();
  text_muted(tr(S::settings_remembered));
}

void draw_export_menu(AppState& state) {
  if (!ImGui::BeginPopup("export-menu")) return;
  draw_export_items(state);
  ImGui::EndPopup();
}

const char* text_size_name(int size) {
  return tr(size == 2 ? S::text_size_l : size == 1 ? S::text_size_m : S::text_size_s);
}

void toggle_language() { set_language(language() == Lang::zh ? Lang::en : Lang::zh); }
void toggle_theme(AppState& state) {
  state.theme = state.theme == Theme::light ? Theme::dark : Theme::light;  // applied before the next frame
}

// The compact toolbar's menu (narrow pages): export, language, theme and text size in one place.
void draw_compact_menu(AppState& state) {
  if (!ImGui::BeginPopup("toolbar-menu")) return;
  if (ImGui::BeginMenu(tr(S::export_menu))) {
    draw_export_items(state);
    ImGui::EndMenu();
  }
  record_item_rect(state, "toolbar.menu.export");
  if (ImGui::MenuItem(tr(S::language_other))) toggle_language();
  record_item_rect(state, "toolbar.language");
  if (ImGui::MenuItem(tr(state.theme == Theme::light ? S::theme_dark : S::theme_light))) toggle_theme(state);
  record_item_rect(state, "toolbar.theme");
  ImGui::SeparatorText(tr(S::text_size_label));
  static const char* const kIds[] = {"s", "m", "l"};
  for (int i = 0; i < 3; ++i) {
    if (ImGui::MenuItem(text_size_name(i), nullptr, state.text_size == i)) state.text_size = i;
    record_item_rect(state, std::string("toolbar.text_size.") + kIds[i]);
  }
  ImGui::EndPopup();
}

void draw_notice(AppState& state) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().success);
  ImGui::TextUnformatted(state.notice.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

// One line: the title, the tagline when there is room, the notice, and the buttons at the right
// edge. When the buttons and the title do not fit side by side (a phone), the compact form:
// the title, "Open files…" and a menu holding export, language, theme and text size.
void draw_toolbar(AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float pad = style.FramePadding.x * 2;
  const char* title = tr(S::app_title);
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.35f);
  const float title_w = ImGui::CalcTextSize(title).x;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  record_item_rect(state, "toolbar.title");

  const char* export_label = tr(S::export_menu);
  const char* open_label = tr(S::open_files);
  const char* lang_label = tr(S::language_other);
  const char* theme_label = tr(state.theme == Theme::light ? S::theme_dark : S::theme_light);
  const std::string size_label = trf(S::text_size_fmt, text_size_name(state.text_size));
  const char* menu_label = tr(S::toolbar_menu);
  auto button_width = [&](const char* label) { return ImGui::CalcTextSize(label).x + pad; };
  const float gap = style.ItemSpacing.x;
  const float full = button_width(export_label) + button_width(open_label) + button_width(lang_label) +
                     button_width(theme_label) + button_width(size_label.c_str()) + gap * 4;
  const float compact = button_width(open_label) + button_width(menu_label) + gap;
  const float right = ImGui::GetWindowContentRegionMax().x;
  const float left = ImGui::GetWindowContentRegionMin().x;
  const bool wide = left + title_w + gap * 2 + full <= right;
  const float buttons = wide ? full : compact;

  // The tagline and the notice only where they fit before the buttons (else the notice gets a line).
  float x = left + title_w + gap;
  const char* tagline = tr(S::app_tagline);
  const float tagline_w = ImGui::CalcTextSize(tagline).x;
  if (x + tagline_w + gap * 2 + buttons <= right) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted(tagline);
    record_item_rect(state, "toolbar.tagline");
    x += tagline_w + gap;
  }
  const bool notice_shown = !state.notice.empty() && state.now_ms < state.notice_until_ms;
  const bool notice_inline = notice_shown && x + gap * 3 + ImGui::CalcTextSize(state.notice.c_str()).x + gap + buttons <= right;
  if (notice_inline) {
    ImGui::SameLine(0, gap * 3);
    draw_notice(state);
  }
  // The buttons at the right edge of the title's line; under the title when even the compact
  // ones do not fit beside it (a 360 px phone with text size L).
  if (left + title_w + gap + buttons <= right) ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - buttons));
  else ImGui::SetCursorPosX(std::max(left, right - buttons));

  if (wide) {
    if (ImGui::Button((std::string(export_label) + "###export").c_str())) ImGui::OpenPopup("export-menu");
    record_label_rect(state, "toolbar.export", export_label, pad);
    draw_export_menu(state);
    ImGui::SameLine();
  }
  draw_letters_window(state);  // a window of its own, opened from the menu

  ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(palette().accent.x, palette().accent.y, palette().accent.z, 0.85f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button((std::string(open_label) + "###open").c_str())) platform::open_file_picker();
  ImGui::PopStyleColor(3);
  record_label_rect(state, "toolbar.open_files", open_label, pad);

  ImGui::SameLine();
  if (!wide) {
    if (ImGui::Button((std::string(menu_label) + "###menu").c_str())) ImGui::OpenPopup("toolbar-menu");
    record_label_rect(state, "toolbar.menu", menu_label, pad);
    draw_compact_menu(state);
  } else {
    if (ImGui::Button((std::string(lang_label) + "###language").c_str())) toggle_language();
    record_label_rect(state, "toolbar.language", lang_label, pad);
    ImGui::SameLine();
    if (ImGui::Button((std::string(theme_label) + "###theme").c_str())) toggle_theme(state);
    record_label_rect(state, "toolbar.theme", theme_label, pad);
    ImGui::SameLine();
    // S → M → L → S: one button, the size it shows is the one in use.
    if (ImGui::Button((size_label + "###text-size").c_str())) state.text_size = (state.text_size + 1) % 3;
    record_label_rect(state, "toolbar.text_size", size_label.c_str(), pad);
  }
  if (notice_shown && !notice_inline) draw_notice(state);
}

}  // namespace app
