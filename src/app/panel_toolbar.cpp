// Toolbar: the product's name, "Open files…", the language switch and the theme switch, and a
// short notice line (e.g. after copying a table).
#include <string>
#include <vector>

#include "imgui.h"
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
void draw_export_menu(AppState& state) {
  if (!ImGui::BeginPopup("export-menu")) return;
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
  ImGui::EndPopup();
}

}  // namespace

void draw_toolbar(AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.35f);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  ImGui::TextUnformatted(tr(S::app_title));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text_muted(tr(S::app_tagline));

  if (!state.notice.empty() && state.now_ms < state.notice_until_ms) {
    ImGui::SameLine(0, style.ItemSpacing.x * 3);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().success);
    ImGui::TextUnformatted(state.notice.c_str());
    ImGui::PopStyleColor();
  }

  // Right-aligned buttons: measure them first so they end at the window's right edge.
  const char* export_label = tr(S::export_menu);
  const char* open_label = tr(S::open_files);
  const char* lang_label = tr(S::language_other);
  const char* theme_label = tr(state.theme == Theme::light ? S::theme_dark : S::theme_light);
  auto button_width = [&](const char* label) { return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2; };
  const float total = button_width(export_label) + button_width(open_label) + button_width(lang_label) +
                      button_width(theme_label) + style.ItemSpacing.x * 3;
  const float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - total));

  if (ImGui::Button((std::string(export_label) + "###export").c_str())) ImGui::OpenPopup("export-menu");
  record_item_rect(state, "export");
  draw_export_menu(state);
  draw_letters_window(state);  // a window of its own, opened from the menu
  ImGui::SameLine();

  ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(palette().accent.x, palette().accent.y, palette().accent.z, 0.85f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button((std::string(open_label) + "###open").c_str())) platform::open_file_picker();
  ImGui::PopStyleColor(3);
  record_item_rect(state, "open_files");

  ImGui::SameLine();
  if (ImGui::Button((std::string(lang_label) + "###language").c_str())) {
    set_language(language() == Lang::zh ? Lang::en : Lang::zh);
  }
  record_item_rect(state, "language");

  ImGui::SameLine();
  if (ImGui::Button((std::string(theme_label) + "###theme").c_str())) {
    state.theme = state.theme == Theme::light ? Theme::dark : Theme::light;  // applied before the next frame
  }
  record_item_rect(state, "theme");
}

}  // namespace app
