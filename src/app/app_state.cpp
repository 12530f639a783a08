#include "app_state.hpp"

#include "remembered_mappings.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <new>

#include "frame_pacer.hpp"
#include "overdue/import/general_ledger_kind.hpp"
#include "overdue/import/role_assignment.hpp"
#include "overdue/workbook/workbook_reader.hpp"
#include "panels.hpp"
#include "settings_io.hpp"

namespace app {

double LoadedFile::progress() const {
  if (finished() || status == LoadStatus::typing) return 1.0;
  if (!importer || size_bytes <= 0) return 0.0;
  return std::min(1.0, static_cast<double>(importer->bytes_fed()) / size_bytes);
}

std::string table_label(const std::string& file_name, const std::string& sheet) {
  return sheet.empty() ? file_name : trf(S::table_label_sheet_fmt, file_name.c_str(), sheet.c_str());
}

std::string LoadedFile::label() const { return table_label(name, sheet()); }

AppState& app_state() {
  static AppState state;
  return state;
}

LoadedFile* AppState::find(int id) {
  for (auto& f : files) {
    if (f->id == id) return f.get();
  }
  return nullptr;
}

LoadedFile* AppState::selected() { return find(selected_id); }

namespace {

// Cells typed per frame (the importer's job steps): paced so a slice takes about kTypingSliceMs,
// since a million rows take seconds to type and the page must keep drawing (issue #7: no task
// over 200 ms while a big file imports). One pacer for every file: the pace is the machine's.
constexpr double kTypingSliceMs = 60.0;
FramePacer g_typing_pacer(200000, 2e4, 2e7);

std::string megabytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", bytes / 1048576.0);
  return text;
}

// What a failed allocation while importing says: the file's size and the page's limit.
std::string out_of_memory_message(double size_bytes) {
  return trf(S::file_out_of_memory_fmt, megabytes(size_bytes).c_str(), megabytes(kPageHeapLimitBytes).c_str());
}

}  // namespace

bool AppState::file_begin(int id, std::string name, double size_bytes) {
  if (!busy()) load_pacing.start_load();
  // A settings document (.json) is read as settings, not as a table (settings_io.hpp).
  if (is_settings_file_name(name)) {
    settings_files_[id] = {std::move(name), std::string()};
    return true;
  }
  auto f = std::make_unique<LoadedFile>();
  f->id = id;
  f->drop_id = id;
  f->name = std::move(name);
  f->size_bytes = size_bytes;
  f->status = LoadStatus::queued;
  f->options.keep_swapped_dates = keep_swapped_dates();
  f->importer = std::make_unique<overdue::FileImporter>(f->name, f->options);
  if (size_bytes > 0) f->importer->expect_total_bytes(static_cast<uint64_t>(size_bytes));  // one reservation
  f->begin_ms = platform::now_ms();
  if (selected() == nullptr) selected_id = id;
  // Keep drop order whatever order the callbacks come in (ids increase in drop order).
  auto at = std::upper_bound(files.begin(), files.end(), id, [](int v, const auto& p) { return v < p->drop_id; });
  files.insert(at, std::move(f));
  // Refused before a byte is read, rather than running out of memory half-way (issue #8).
  if (size_bytes > kMaxPageFileBytes) {
    file_failed(id, trf(S::file_too_large_fmt, megabytes(size_bytes).c_str(), megabytes(kMaxPageFileBytes).c_str()));
    return false;
  }
  return true;
}

void AppState::file_chunk(int id, const uint8_t* bytes, size_t length) {
  if (auto it = settings_files_.find(id); it != settings_files_.end()) {
    it->second.second.append(reinterpret_cast<const char*>(bytes), length);
    return;
  }
  LoadedFile* f = find(id);
  if (f == nullptr || !f->importer) return;
  f->status = LoadStatus::reading;
  const std::string_view chunk(reinterpret_cast<const char*>(bytes), length);
  // A workbook is told by its first bytes, as the importer tells it (a zip or OLE2 signature).
  if (f->importer->bytes_fed() == 0) f->workbook = overdue::sniff_container(chunk) != overdue::ContainerKind::text;
  if (f->bytes_kept && (f->workbook || f->bytes->size() + length <= kKeepBytesForRelayout)) {
    f->bytes->append(chunk);
  } else if (f->bytes_kept) {
    f->bytes_kept = false;
    std::string().swap(*f->bytes);
  }
  const double t0 = platform::now_ms();
  try {
    f->importer->feed(chunk);
    load_pacing.add_work(platform::now_ms() - t0, true);
  } catch (const std::bad_alloc&) {
    file_failed(id, out_of_memory_message(f->size_bytes));
  } catch (const std::exception& e) {
    file_failed(id, e.what());
  }
}

void AppState::file_end(int id) {
  if (auto it = settings_files_.find(id); it != settings_files_.end()) {
    const std::string error = apply_settings_json(*this, it->second.second);
    show_notice(*this, error.empty() ? trf(S::settings_loaded_fmt, it->second.first.c_str())
                                     : trf(S::settings_error_fmt, it->second.first.c_str(), error.c_str()));
    settings_files_.erase(it);
    return;
  }
  LoadedFile* f = find(id);
  if (f == nullptr || !f->importer) return;
  f->status = LoadStatus::typing;
  f->frames_since_end = 0;
  f->end_ms = platform::now_ms();
}

void AppState::file_failed(int id, std::string message) {
  if (settings_files_.erase(id) > 0) return;
  LoadedFile* f = find(id);
  if (f == nullptr) return;
  f->importer.reset();
  f->data = overdue::ImportedFile{};
  f->data.name = f->name;
  f->data.error = message.empty() ? std::string("the file could not be read") : std::move(message);
  f->status = LoadStatus::failed;
  ++f->revision;
}

void AppState::advance() {
  apply_sheet_requests();
  // The demo opens on the dashboard, once its three files are in and analysed.
  if (demo_requested && !busy() && analysis.available()) {
    demo_requested = false;
    tab = Tab::dashboard;
    switch_tab = true;
  }
  for (auto& f : files) {
    if (f->status != LoadStatus::typing) continue;
    // Let one frame show "Detecting column types…" before the (blocking) finish().
    if (f->frames_since_end++ < 1) return;
    try {
      if (step_paced(*f->importer, g_typing_pacer, kTypingSliceMs) == overdue::Step::more) return;
      f->data = f->importer->take();
      f->status = f->data.error.empty() ? LoadStatus::done : LoadStatus::failed;
    } catch (const std::exception& e) {
      const bool oom = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
      f->importer.reset();  // frees what the failed finish() held before building the message
      f->data = overdue::ImportedFile{};
      f->data.name = f->name;
      f->data.error = oom ? out_of_memory_message(f->size_bytes) : e.what();
      f->status = LoadStatus::failed;
    }
    f->importer.reset();
    f->typed_ms = platform::now_ms();
    ++f->revision;
    apply_remembered_mappings(*this, *f);
    if (selected_id == f->id && f->status == LoadStatus::done && tab != Tab::data) {
      tab = Tab::data;
      switch_tab = true;
    }
    return;  // one file per frame keeps frames short
  }
}

bool AppState::loading_new_data() const {
  return analysis.rebuilding() ||
         std::any_of(files.begin(), files.end(), [](const auto& f) { return !f->finished(); });
}

bool AppState::load_work_waiting() const {
  return analysis.rebuilding() ||
         std::any_of(files.begin(), files.end(), [](const auto& f) { return f->status == LoadStatus::typing; });
}

bool AppState::busy() const {
  return analysis.pending() ||
         std::any_of(files.begin(), files.end(), [](const auto& f) { return !f->finished(); });
}

bool AppState::reimport(LoadedFile& file) {
  if (!file.bytes_kept || file.status != LoadStatus::done) return false;
  // A workbook's first table was read from its default sheet: it stays on that sheet.
  if (file.options.sheet.empty()) file.options.sheet = file.data.sheet;
  overdue::FileImporter importer(file.name, file.options);
  importer.feed(*file.bytes);
  file.data = importer.finish();
  if (!file.data.error.empty()) file.status = LoadStatus::failed;
  file.kind_set_by_user = false;
  file.sort = SortKey{};
  file.view = TableView{};
  ++file.revision;
  return true;
}

void AppState::remove(int id) {
  files.erase(std::remove_if(files.begin(), files.end(), [id](const auto& f) { return f->id == id; }), files.end());
  if (selected_id == id) selected_id = files.empty() ? 0 : files.front()->id;
}

// [SECTION] workbooks: one table per picked sheet, Excel's day/month swap (issue #18) ------------

std::vector<LoadedFile*> AppState::sheet_tables(const LoadedFile& file) {
  std::vector<LoadedFile*> out;
  for (auto& f : files)
    if (f->drop_id == file.drop_id) out.push_back(f.get());
  return out;
}

namespace {

// Where a sheet stands in its workbook (the sheet list of any table read from it); unknown last.
size_t sheet_position(const std::vector<overdue::SheetInfo>& sheets, const std::string& name) {
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].name == name) return i;
  return sheets.size();
}

}  // namespace

bool AppState::add_sheet(const LoadedFile& from, const std::string& sheet) {
  if (!from.bytes_kept || !from.workbook || from.status != LoadStatus::done) return false;
  for (const LoadedFile* t : sheet_tables(from))
    if (t->sheet() == sheet) return false;
  auto f = std::make_unique<LoadedFile>();
  f->id = next_sheet_table_id_++;
  f->drop_id = from.drop_id;
  f->name = from.name;
  f->size_bytes = from.size_bytes;
  f->bytes = from.bytes;   // shared: the workbook's bytes are not copied per sheet
  f->workbook = true;
  f->options.sheet = sheet;
  f->options.keep_swapped_dates = keep_swapped_dates();
  f->begin_ms = f->end_ms = platform::now_ms();
  try {
    f->importer = std::make_unique<overdue::FileImporter>(f->name, f->options);
    f->importer->expect_total_bytes(f->bytes->size());
    f->importer->feed(*f->bytes);
    f->status = LoadStatus::typing;   // advance() reads the sheet across frames, like a dropped file
  } catch (const std::exception& e) {
    f->importer.reset();
    f->data.name = f->name;
    f->data.sheet = sheet;
    f->data.error = dynamic_cast<const std::bad_alloc*>(&e) ? out_of_memory_message(f->size_bytes) : e.what();
    f->status = LoadStatus::failed;
  }
  // After the workbook's tables of earlier sheets, before those of later ones.
  const size_t position = sheet_position(from.data.sheets, sheet);
  auto at = std::find_if(files.begin(), files.end(), [&](const auto& p) {
    return p->drop_id > from.drop_id ||
           (p->drop_id == from.drop_id && sheet_position(from.data.sheets, p->sheet()) > position);
  });
  files.insert(at, std::move(f));
  return true;
}

void AppState::apply_sheet_requests() {
  std::vector<SheetRequest> requests;
  requests.swap(sheet_requests);
  for (const SheetRequest& r : requests) {
    LoadedFile* from = find(r.from_id);
    if (from == nullptr) continue;
    if (r.add) {
      add_sheet(*from, r.sheet);
      continue;
    }
    std::vector<LoadedFile*> tables = sheet_tables(*from);
    if (tables.size() < 2) continue;   // a workbook keeps one table: removing the file drops it
    for (LoadedFile* t : tables) {
      if (t->sheet() != r.sheet || !t->finished()) continue;
      const bool was_selected = selected_id == t->id;
      const int id = t->id;
      remove(id);
      // Stay on the workbook: the mapping screen shows one of its other sheets.
      if (was_selected)
        for (LoadedFile* other : tables)
          if (other->id != id) {
            selected_id = other->id;
            break;
          }
      break;
    }
  }
}

void AppState::set_keep_swapped_dates(bool keep) {
  if (analysis.keep_swapped_dates != keep) {
    analysis.keep_swapped_dates = keep;
    analysis.ledger_options_edited();   // the analysis echoes the setting: it starts again
  }
  for (auto& f : files) {
    if (f->status != LoadStatus::done || f->data.date_swaps.empty() || f->options.keep_swapped_dates == keep) continue;
    f->options.keep_swapped_dates = keep;
    if (reimport(*f)) apply_remembered_mappings(*this, *f);   // same header: the user's roles again
  }
}

void AppState::set_role(LoadedFile& file, size_t column, overdue::Role role) {
  if (column >= file.data.columns.size()) return;
  overdue::Column& c = file.data.columns[column];
  c.role = role;
  c.role_set_by_user = true;
  overdue::retype_column(file.data, column);
  if (!file.kind_set_by_user) file.data.table_kind = overdue::kind_by_content(file.data, overdue::decide_table_kind(file.data));
  ++file.revision;
  remember_mapping(*this, file, column, role);
}

void AppState::set_date_order(LoadedFile& file, size_t column, overdue::DateOrder order) {
  if (column >= file.data.columns.size()) return;
  file.data.columns[column].date_order = order;
  overdue::retype_column(file.data, column);
  ++file.revision;
}

void AppState::set_table_kind(LoadedFile& file, overdue::TableKind kind) {
  file.data.table_kind = kind;
  file.kind_set_by_user = true;
  ++file.revision;
}

}  // namespace app
