// What the page holds: the files being loaded or loaded, the user's choices (language, theme,
// selected file, tab, filter, sort) and the few caches the panels draw from. Receives the files
// chunk by chunk from the platform layer and feeds them to overdue::FileImporter.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "lab_state.hpp"
#include "load_pacing.hpp"
#include "walkthrough.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/import/table.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "table_view.hpp"
#include "theme.hpp"

namespace app {

// The wasm heap's ceiling (-sMAXIMUM_MEMORY in app.cmake) and the largest file the page reads.
// Measured (tests/browser/huge_file_check.mjs): a 102 MB ledger peaks at 922 MB of heap through
// import and analysis (the text of every cell, its typed value, the ledger, the analysis), and a
// 591 MB one ran out of memory in the analysis. 200 MB stays clear of the ceiling; bigger files
// are refused before a byte is read and pointed to the CLI (issue #7 is to shrink this factor).
constexpr double kPageHeapLimitBytes = 2048.0 * 1048576.0;
constexpr double kMaxPageFileBytes = 200.0 * 1048576.0;

constexpr size_t kKeepBytesForRelayout = 32u << 20;

// The ids of a workbook's further sheets (made by the page, not by the JS): far above the JS's
// file ids, which count drops from 1.
constexpr int kFirstSheetTableId = 1 << 30;

enum class LoadStatus { queued, reading, typing, done, failed };

struct LoadedFile {
  int id = 0;                 // given by the page's JS, increasing in drop order (kFirstSheetTableId… for sheets)
  // The JS id of the dropped file this table comes from: its own id, or, for a further sheet of a
  // workbook (issue #18), the workbook's. Files are kept in drop order by it, sheets beside their workbook.
  int drop_id = 0;
  std::string name;           // the file's name; label() adds the sheet
  double size_bytes = 0;
  LoadStatus status = LoadStatus::queued;
  std::unique_ptr<overdue::FileImporter> importer;  // while reading; released after finish()
  int frames_since_end = 0;   // typing starts one frame after the last chunk, so its status shows
  double begin_ms = 0, end_ms = 0, typed_ms = 0;  // when the first byte came, the last byte, finish() returned
  // After finish() (or name + error when the file failed). Held through a shared pointer so the
  // analysis keeps the files it was built from without copying them (a copy doubled the page's
  // heap at 1 M rows) and a removed file outlives the analysis that still shows it; `data` is
  // that same object, for everything else.
  std::shared_ptr<overdue::ImportedFile> shared_data = std::make_shared<overdue::ImportedFile>();
  overdue::ImportedFile& data = *shared_data;

  uint64_t revision = 0;      // bumped whenever `data` changes (role, date order, kind)
  // The mapping screen's "line items: N rows → M invoices" (issue #17), judged once per revision
  // (a pass over the rows); invoices 0: not a line-item layout.
  uint64_t line_items_revision = UINT64_MAX;
  bool line_items_keep_drafts = false;
  uint64_t line_items_rows = 0, line_items_invoices = 0;
  uint64_t set_aside_rows = 0;   // rows the ledger sets aside by status (drafts, void invoices)
  // The file's bytes, kept for small files so the user can move the header row or unmark a row
  // (issue #9) and the file is read again with those choices; big files are not doubled in memory.
  // A workbook's bytes are always kept (the importer holds them whole anyway until the zip's
  // directory at the end is in; they are a few times smaller than the table they hold): picking
  // another sheet or keeping Excel's swapped dates reads them again. Every sheet of one workbook
  // shares this one buffer.
  std::shared_ptr<std::string> bytes = std::make_shared<std::string>();
  bool bytes_kept = true;     // false once a CSV grew past kKeepBytesForRelayout
  bool workbook = false;      // the first bytes are a zip or an OLE2 compound file (sniff_container)
  overdue::ImportOptions options;  // the user's layout choices (header line, rows kept as data, sheet)
  bool kind_set_by_user = false;
  std::string filter;         // the data table's filter text
  SortKey sort;               // applied sort
  int sort_delay = 0;         // frames before a requested sort runs, so "Sorting…" is drawn first
  TableView view;

  LoadedFile() = default;
  LoadedFile(const LoadedFile&) = delete;   // `data` refers to this file's own shared_data
  LoadedFile& operator=(const LoadedFile&) = delete;

  bool finished() const { return status == LoadStatus::done || status == LoadStatus::failed; }
  double progress() const;    // 0…1 of the bytes read
  // The sheet this table is ("" for a CSV): the one read, or the one asked for while it loads.
  const std::string& sheet() const { return data.sheet.empty() ? options.sheet : data.sheet; }
  // How the page names this table: "book.xlsx: Payments" for a sheet, the file name for a CSV.
  std::string label() const;
};

// How the page names an imported table: "book.xlsx: Payments" for a workbook's sheet (issue #18),
// the file name for a CSV.
std::string table_label(const std::string& file_name, const std::string& sheet);
inline std::string table_label(const overdue::ImportedFile& d) { return table_label(d.name, d.sheet); }

// A sheet ticked or unticked in the mapping screen's sheet picker: done between frames (advance),
// since adding or removing a table while a panel draws would pull the file from under it.
struct SheetRequest {
  int from_id = 0;            // a table of the workbook
  std::string sheet;
  bool add = true;            // false: remove that sheet's table
};

// What the open customer card shows of the classification, recorded while drawing (test hook).
struct CardRuleRow {
  std::string id, value_text, threshold_text, state, note;
  double value = 0, threshold = 0;
};
struct CardShown {
  std::string customer;        // customer id, "" when no classified card is open
  std::string type;            // "temporary" | "structural" | "stubborn" | ""
  bool low_confidence = false;
  std::vector<CardRuleRow> rules;
  int64_t installments_sum_cents = 0, overdue_cents = 0;
  size_t actions = 0;
  // The what-if sandbox (panel_what_if.cpp).
  bool whatif_open = false, whatif_edited = false, whatif_overdue = false;
  std::string whatif_type;     // scenario type, "" when not overdue in the scenario
  size_t whatif_payments = 0;
  std::vector<CardRuleRow> whatif_rules;
};

enum class Tab { data, mapping, summary, dashboard, overdue, customer, types, teaching, lab, worklist };

class AppState : public platform::FileEvents {
 public:
  // platform::FileEvents
  bool file_begin(int id, std::string name, double size_bytes) override;
  void file_chunk(int id, const uint8_t* bytes, size_t length) override;
  void file_end(int id) override;
  void file_failed(int id, std::string message) override;

  // Once per frame before drawing: finishes at most one file whose bytes are all in.
  void advance();
  bool busy() const;

  LoadedFile* find(int id);
  LoadedFile* selected();
  void remove(int id);

  // Mapping screen edits (they keep the file consistent and invalidate the views).
  void set_role(LoadedFile& file, size_t column, overdue::Role role);
  // Reads the file again from its kept bytes with file.options (header row moved, rows kept as
  // data); roles and the table kind are detected afresh. False when the bytes were not kept.
  bool reimport(LoadedFile& file);
  void set_date_order(LoadedFile& file, size_t column, overdue::DateOrder order);
  void set_table_kind(LoadedFile& file, overdue::TableKind kind);
  // Workbooks (issue #18). The tables read from the same dropped workbook as `file` (itself too).
  std::vector<LoadedFile*> sheet_tables(const LoadedFile& file);
  // Reads another sheet of `file`'s workbook as a table of its own, from the kept bytes, placed
  // beside the workbook's other tables (in sheet order); typed across frames like a dropped file.
  // False when the bytes were not kept or the sheet is read already.
  bool add_sheet(const LoadedFile& file, const std::string& sheet);
  // import.excel_date_swap: keep Excel's swapped day/month cells as stored (true) or swap them
  // back (false). Files read later follow it; files already read with a swap are read again.
  void set_keep_swapped_dates(bool keep);
  bool keep_swapped_dates() const { return analysis.keep_swapped_dates; }

  std::vector<std::unique_ptr<LoadedFile>> files;
  int selected_id = 0;
  Tab tab = Tab::data;
  bool switch_tab = false;    // select `tab` in the tab bar on the next frame
  bool demo_requested = false;  // "Load the demo ledger" clicked: show the dashboard once analysed
  Theme theme = Theme::light;
  float dpr = 1.0f;
  double now_ms = 0;
  double last_frame_ms = 0;   // time spent in the previous frame: everything, for measurements
  double last_ui_ms = 0;      // … of which building the UI (NewFrame … Render), without GL calls

  std::string notice;         // a short message under the toolbar (e.g. "Copied 30,000 rows")
  double notice_until_ms = 0;

  Analysis analysis;          // ledger + monitor result of the loaded files (dashboard tabs)
  LoadPacing load_pacing;     // frames drawn while new data loads, and where a load's time went
  // New data is loading: a file is read or typed, or new files are analysed (paced frames).
  bool loading_new_data() const;
  // Work the next advance() / analysis.update() would do now: a file to type or an analysis
  // of new files under way (not a file still being read: the browser feeds it between frames).
  bool load_work_waiting() const;
  LabState lab;               // the model lab (issue #5)
  Walkthrough walkthrough;    // the guided tour of the demo (issue #6)
  std::vector<overdue::RoleOverride> remembered_mappings;  // roles chosen per header signature (remembered_mappings.hpp)
  std::string customer_search;  // the overdue list's search text (name or id)
  bool overdue_only = true;     // the overdue list shows only overdue customers
  std::string as_of_text;       // the as-of field as typed (synced from the result when valid)
  std::string buckets_text = "30,60,90,180";
  int customer_sort_column = 14; // overdue list sort (column id; 14 = priority), ascending by default
  bool customer_sort_descending = false;
  int customer_type_filter = -1; // overdue list: -1 every type, else an OverdueType

  CardShown card;              // the customer card's classification as last drawn
  std::string matrix_hovered;  // customer id under the mouse in the risk matrix ("" none)

  // Screen rectangles of named widgets in CSS pixels, for the browser test (ui()).
  std::map<std::string, std::array<float, 4>> widget_rects;

  std::vector<SheetRequest> sheet_requests;   // applied by advance()

  // Issue #22: the layout follows the width (nav.hpp); text size and touch (touch.hpp).
  int text_size = 0;            // ui.text_size: 0 = S (the original size), 1 = M, 2 = L
  bool touch = false;           // a touch screen was used: bigger frames and grabs for a finger
  bool files_open = false;      // below 1200 CSS px the files panel is a drawer: open or not
  std::map<int, Tab> group_view;  // per view group, the view last shown in it (nav.cpp)
  std::vector<std::string> cut_labels;  // widgets whose label did not fit this frame (ui().cut)
  float view_overflow_x = 0;    // sideways scroll of the view when it shows a horizontal scrollbar (CSS px; ui().view_overflow_x)

 private:
  void apply_sheet_requests();
  int next_sheet_table_id_ = kFirstSheetTableId;
  std::map<int, std::pair<std::string, std::string>> settings_files_;  // id → (name, bytes) of .json files being read
};

AppState& app_state();

}  // namespace app
