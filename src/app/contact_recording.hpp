// Recording a call in the page (issue #20 §3): the outcome is appended to the contact log the
// page holds (the loaded 催收记录, or one the page starts with the standard columns), that table
// is read again so the analysis follows through the usual jobs, and the log can be downloaded as
// CSV. Nothing is stored anywhere else: the user keeps the file. No ImGui here.
#pragma once
#include <string>

#include "app_state.hpp"
#include "overdue/report/contact_log_csv.hpp"

namespace app {

// The contact-log table the page holds: the first finished table of kind "contacts", or nullptr.
LoadedFile* contact_log_table(AppState& state);
const LoadedFile* contact_log_table(const AppState& state);

// Appends `row` to the held contact log and has it read again (or starts a new log file, typed
// over the next frames like a dropped file). False when a log the page started is still being
// read (record again once the page is not busy).
bool record_contact(AppState& state, const overdue::RecordedContact& row);

// The held log as CSV (UTF-8 BOM, CRLF; the loaded log's columns), and the name to save it
// under. Empty bytes when there is no log.
std::string contact_log_download_bytes(const AppState& state);
std::string contact_log_download_name(const AppState& state);

}  // namespace app
