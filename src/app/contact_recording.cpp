// Recording a call in the page (contact_recording.hpp, issue #20 §3).
#include "contact_recording.hpp"

#include <vector>

#include "strings.hpp"

namespace app {
namespace {

// Ids of the logs the page starts: above the JS's drop ids, below the workbook sheets' ids.
constexpr int kFirstStartedLogId = 1 << 29;
int g_next_log_id = kFirstStartedLogId;

bool ends_with_csv(const std::string& name) {
  if (name.size() < 4) return false;
  std::string tail = name.substr(name.size() - 4);
  for (char& ch : tail)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return tail == ".csv";
}

}  // namespace

const LoadedFile* contact_log_table(const AppState& state) {
  for (const auto& f : state.files)
    if (f->status == LoadStatus::done && f->data.table_kind == overdue::TableKind::contacts) return f.get();
  return nullptr;
}

LoadedFile* contact_log_table(AppState& state) {
  return const_cast<LoadedFile*>(contact_log_table(static_cast<const AppState&>(state)));
}

bool record_contact(AppState& state, const overdue::RecordedContact& row) {
  for (const auto& f : state.files)
    if (f->id >= kFirstStartedLogId && f->id < kFirstSheetTableId && !f->finished()) return false;
  const std::string bytes = overdue::contact_log_csv(nullptr, {row}, language());
  LoadedFile* table = contact_log_table(state);
  if (table == nullptr) {
    // A new log with the standard columns, read like a dropped file (the analysis then follows).
    const int id = g_next_log_id++;
    const std::string name = tr(S::wl_new_log_name);
    if (!state.file_begin(id, name, static_cast<double>(bytes.size()))) return false;
    state.file_chunk(id, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    state.file_end(id);
    return true;
  }
  // The held log with the row appended, read again in place: same position among the files, the
  // roles and the kind kept as they were (the user may have set them on the mapping screen).
  std::vector<overdue::Role> roles;
  for (const overdue::Column& c : table->data.columns) roles.push_back(c.role);
  const std::string updated = overdue::contact_log_csv(&table->data, {row}, language());
  if (!table->sheet().empty() || !ends_with_csv(table->name)) table->name = contact_log_download_name(state);
  table->bytes = std::make_shared<std::string>(updated);   // a workbook's buffer stays with its other sheets
  table->bytes_kept = true;
  table->workbook = false;
  const bool keep_swapped = table->options.keep_swapped_dates;
  table->options = overdue::ImportOptions{};
  table->options.keep_swapped_dates = keep_swapped;
  table->data.sheet.clear();
  if (!state.reimport(*table)) return false;
  for (size_t i = 0; i < roles.size() && i < table->data.columns.size(); ++i)
    if (table->data.columns[i].role != roles[i]) state.set_role(*table, i, roles[i]);
  if (table->data.table_kind != overdue::TableKind::contacts) state.set_table_kind(*table, overdue::TableKind::contacts);
  return true;
}

std::string contact_log_download_bytes(const AppState& state) {
  const LoadedFile* table = contact_log_table(state);
  return table ? overdue::contact_log_csv(&table->data, {}, language()) : std::string();
}

std::string contact_log_download_name(const AppState& state) {
  const LoadedFile* table = contact_log_table(state);
  if (table && table->sheet().empty() && ends_with_csv(table->name)) return table->name;
  return tr(S::wl_new_log_name);
}

}  // namespace app
