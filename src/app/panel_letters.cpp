// Export → report and letters downloads, and the letter template editor (panel_letters.hpp).
// Both documents are made by the core (report_html.hpp, letters.hpp) from the analysis the page
// shows, with the settings built as Analysis::json() builds them, so the bytes equal the CLI's.
#include "panel_letters.hpp"

#include <string>
#include <vector>

#include "analysis.hpp"
#include "app_state.hpp"
#include "imgui.h"
#include "overdue/report/html_report.hpp"
#include "overdue/report/settings_json.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {
namespace {

using overdue::LetterTemplates;
using overdue::OverdueType;

struct LettersPanel {
  bool open = false;
  LetterTemplates templates;
  // What each multiline field holds: the user's text, or the default shown for editing.
  std::string buffer[3];
  bool buffer_valid[3] = {false, false, false};
  Lang buffer_lang = Lang::zh;
};

LettersPanel& panel() {
  static LettersPanel p;
  return p;
}

constexpr OverdueType kTypes[3] = {OverdueType::temporary, OverdueType::structural,
                                   OverdueType::stubborn};

std::string& own_template(LetterTemplates& t, int i) {
  return i == 0 ? t.temporary : i == 1 ? t.structural : t.stubborn;
}

// The first overdue customer (priority order) of a type, nullptr when there is none.
const overdue::ClassifiedCustomer* first_of(const Analysis& a, OverdueType t) {
  for (const overdue::ClassifiedCustomer& c : a.overdue().customers)
    if (c.classification.type == t) return &c;
  return nullptr;
}

const char* type_long(OverdueType t) {
  return tr(t == OverdueType::temporary    ? overdue::S::type_temporary_long
            : t == OverdueType::structural ? overdue::S::type_structural_long
                                           : overdue::S::type_stubborn_long);
}

}  // namespace

const LetterTemplates& letter_templates() { return panel().templates; }

void set_letter_templates(const LetterTemplates& templates) {
  LettersPanel& p = panel();
  p.templates = templates;
  for (bool& v : p.buffer_valid) v = false;
}

void open_letters_window() { panel().open = true; }

std::string report_html(AppState& state) {
  const Analysis& a = state.analysis;
  // The model lab's last finished run goes in the report's model section.
  const LabState& lab = state.lab;
  const LoadedFile* lab_file = lab.run && lab.show_results && lab.run->error.empty() ? state.find(lab.run_file_id) : nullptr;
  // The report reads the classification settings the analysis used (the result's), not the
  // letter templates or the language, so it is the CLI's bytes for the same analysis.
  return overdue::analysis_report_html(a.analysis(), language(), lab_file ? lab.run.get() : nullptr,
                                       lab_file ? std::string_view(lab_file->name) : std::string_view());
}

void download_report(AppState& state) {
  if (!state.analysis.available()) return;
  const char* name = "overdue-lens-report.html";
  platform::download_file(name, "text/html;charset=utf-8", report_html(state));
  show_notice(state, trf(S::export_saved_fmt, name));
}

void download_letters(AppState& state) {
  const Analysis& a = state.analysis;
  if (!a.available()) return;
  const overdue::RenderedLetters letters =
      overdue::render_letters(a.analysis(), panel().templates, language());
  const char* name = "overdue-lens-letters.html";
  platform::download_file(name, "text/html;charset=utf-8", letters.html);
  std::string notice = trf(S::export_saved_fmt, name);
  if (!letters.unknown_placeholders.empty()) {
    std::string list;
    for (const std::string& u : letters.unknown_placeholders)
      list += (list.empty() ? "" : ", ") + u;
    notice += " " + trf(S::letter_unknown_fmt, list.c_str());
  }
  show_notice(state, notice);
}

void draw_letters_window(AppState& state) {
  LettersPanel& p = panel();
  if (!p.open) return;
  const Lang lang = language();
  if (p.buffer_lang != lang) {  // defaults follow the UI language
    for (bool& v : p.buffer_valid) v = false;
    p.buffer_lang = lang;
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(em * 46, em * 40), ImGuiCond_FirstUseEver);
  const std::string title = std::string(tr(S::letters_editor_title)) + "###letters-editor";
  if (!ImGui::Begin(title.c_str(), &p.open)) {
    ImGui::End();
    return;
  }
  record_item_rect(state, "letters.window");
  // Escape closes the window, as it closes a popup (issue #22 §5); not while the overlay edits a
  // field: glue.js keeps that Escape from the app.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    p.open = false;
  ImGui::TextWrapped("%s", tr(S::letters_editor_intro));
  text_muted(tr(S::letters_saved_note));
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::letters_company));
  ImGui::SameLine(em * 10);
  text_field("##letters-company", tr(overdue::S::letter_default_company), p.templates.company, -1);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::letters_contact));
  ImGui::SameLine(em * 10);
  text_field("##letters-contact", tr(overdue::S::letter_default_contact), p.templates.contact, -1);

  if (ImGui::BeginTabBar("letters-types")) {
    for (int i = 0; i < 3; ++i) {
      const OverdueType t = kTypes[i];
      const std::string tab =
          std::string(type_long(t)) + "###letters-tab-" + overdue::overdue_type_name(t);
      if (!ImGui::BeginTabItem(tab.c_str())) continue;
      std::string& own = own_template(p.templates, i);
      if (!p.buffer_valid[i]) {
        p.buffer[i] = std::string(overdue::letter_template(p.templates, t, lang));
        p.buffer_valid[i] = true;
      }
      const std::string id = std::string("##letters-template-") + overdue::overdue_type_name(t);
      // Typed through the DOM overlay (a <textarea>), so an IME composes Chinese into it (issue #22 §4).
      if (text_area(id.c_str(), p.buffer[i], -1, em * 16)) own = p.buffer[i];
      record_item_rect(state, std::string("letters.template.") + overdue::overdue_type_name(t));
      const std::vector<std::string> unknown = overdue::unknown_letter_placeholders(p.buffer[i]);
      if (!unknown.empty()) {
        std::string list;
        for (const std::string& u : unknown) list += (list.empty() ? "" : ", ") + u;
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("%s", trf(S::letter_unknown_fmt, list.c_str()).c_str());
        ImGui::PopStyleColor();
      }
      if (ImGui::Button(tr(S::letters_reset))) {
        own.clear();  // empty = the default, in whichever language the UI is in
        p.buffer_valid[i] = false;
      }
      record_item_rect(state, std::string("letters.reset.") + overdue::overdue_type_name(t));
      const Analysis& a = state.analysis;
      if (a.available()) {
        if (const overdue::ClassifiedCustomer* c = first_of(a, t)) {
          ImGui::SameLine();
          const std::string& name = a.ledger().customers[c->customer].name;
          const std::string label =
              trf(S::letters_preview_fmt, name.c_str(), type_long(t)) + "###letters-preview";
          if (ImGui::Button(label.c_str())) {
            const overdue::RenderedLetter l =
                overdue::render_letter(a.ledger(), a.result(), *c, p.templates, lang);
            platform::download_file(l.file_name, "text/html;charset=utf-8", l.html);
            show_notice(state, trf(S::export_saved_fmt, l.file_name.c_str()));
          }
          record_item_rect(state, "letters.preview");
        }
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::BeginDisabled(!state.analysis.available());
  if (ImGui::Button(tr(S::letters_download))) download_letters(state);
  ImGui::EndDisabled();
  record_item_rect(state, "letters.download");

  ImGui::SeparatorText(tr(S::letters_placeholders));
  if (ImGui::BeginTable("letters-placeholders", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const overdue::LetterPlaceholder& ph : overdue::letter_placeholders()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("{%s}", ph.name);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", tr(ph.description));
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace app
