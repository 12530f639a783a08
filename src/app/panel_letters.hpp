// The reminder-letter template editor (issue #6): a window opened from Export → "Edit letter
// templates…", with one multiline template per overdue type, the sender's name and contact, the
// placeholders listed, unknown placeholders flagged as typed, "reset to default", and downloads of
// a preview letter and of all letters. The templates live here (not in AppState); the settings
// file carries them as its "letters" object (settings_json.hpp).
#pragma once
#include <string>

#include "overdue/report/letters.hpp"

namespace app {

class AppState;

void open_letters_window();
// Once per frame (the toolbar calls it): draws the window when it is open.
void draw_letters_window(AppState& state);

// The templates in effect (empty strings = the defaults of the UI language).
const overdue::LetterTemplates& letter_templates();
void set_letter_templates(const overdue::LetterTemplates& templates);

// Downloads: the report and the letters of the current analysis in the UI language, the same
// bytes as `overdue-lens analyze --report / --letters` for the same files and settings.
void download_report(AppState& state);
// The report of the current analysis in the UI language (call when the analysis is available).
std::string report_html(AppState& state);
void download_letters(AppState& state);

}  // namespace app
