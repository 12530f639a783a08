// The settings file of the page (settings_json.hpp, the format `overdue-lens analyze --settings /
// --save-settings` reads and writes): the page's settings as a document, and a dropped or opened
// settings .json file applied to the page. No ImGui here.
#pragma once
#include <string>
#include <string_view>

namespace app {

class AppState;

// The settings in effect (monitor controls, classification settings, language) as the document.
std::string page_settings_json(const AppState& state);
// Reads a settings document over the page's settings; "" on success, else the core's error
// (naming the key path), and nothing changes.
std::string apply_settings_json(AppState& state, std::string_view text);
// A file the page should read as settings rather than as a table: a .json name.
bool is_settings_file_name(std::string_view name);

// Between visits the settings (never data) live in the browser's localStorage under this key.
inline constexpr const char* kRememberedSettingsKey = "overdue-lens.settings";
// At start-up: applies the remembered settings, if any and still valid (an invalid document is
// ignored: the defaults are better than a start-up error about an old version's keys).
void restore_remembered_settings(AppState& state);
// Once in a while (each call is cheap when nothing changed): stores the settings if they changed.
void remember_settings(AppState& state);
// "Save settings…": offers the settings document as a download, with a notice.
void download_settings(AppState& state);

}  // namespace app
