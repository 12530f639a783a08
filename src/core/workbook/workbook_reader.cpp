// The workbook reader job (overdue/workbook/workbook_reader.hpp): container checks and part
// locations (workbook_container.hpp), then the shared strings and the sheets streamed a chunk at a
// time — inflate (ZipEntryReader), parse (expat, XmlStream) — so that a step does about its
// budget's worth of cells and the page can draw between steps.
//
// Which sheets are parsed: the chosen one fully (SheetParser::Mode::collect), every other one
// counting its rows only (SheetInfo::rows). With no sheet named, visible sheets are collected in
// workbook order until one holds a value; the rest are then counted.
//
// [SECTION] sniffing
// [SECTION] the job's state
// [SECTION] opening: container, parts, styles
// [SECTION] streaming an entry
// [SECTION] choosing and finishing sheets
// [SECTION] the job
#include "overdue/workbook/workbook_reader.hpp"

#include <algorithm>
#include <optional>

#include "workbook/date_swap.hpp"
#include "workbook/sheet_parser.hpp"
#include "workbook/shared_strings.hpp"
#include "workbook/styles.hpp"
#include "workbook/workbook_container.hpp"
#include "workbook/zip_archive.hpp"

namespace overdue {

// [SECTION] sniffing -------------------------------------------------------------------------------

ContainerKind sniff_container(std::string_view b) {
  if (b.size() >= 4 && b.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return ContainerKind::zip;
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return ContainerKind::compound_file;
  return ContainerKind::text;
}

// [SECTION] the job's state ------------------------------------------------------------------------

namespace {

enum class Phase { open, shared_strings, sheets, done };

// Bytes of sheet XML inflated and parsed per budget unit (a cell is some 30–60 bytes of XML), and
// the bounds of one piece: large pieces keep expat fast, small budgets still end a step soon.
constexpr uint64_t kBytesPerUnit = 48;
constexpr uint64_t kMinPiece = 4 * 1024;
constexpr uint64_t kMaxPiece = 1024 * 1024;

size_t piece_size(const Budget& budget) {
  const uint64_t want = budget.units > kMaxPiece / kBytesPerUnit ? kMaxPiece : budget.units * kBytesPerUnit;
  return static_cast<size_t>(std::max(want, kMinPiece));
}

}  // namespace

struct WorkbookReader::State {
  std::string file_name;
  std::string_view bytes;
  WorkbookOptions options;
  SheetCells out;
  Phase phase = Phase::open;

  std::optional<ZipArchive> zip;
  WorkbookLocation location;
  CellStyles styles;
  StringPool strings;

  // Progress: compressed bytes of the entries to stream, and of those finished.
  uint64_t total_compressed = 0;
  uint64_t finished_compressed = 0;

  // The entry being streamed, and its parser (one of the two).
  std::optional<ZipEntryReader> entry;
  std::string entry_name;
  std::optional<SharedStringsParser> strings_parser;
  std::optional<SheetParser> sheet_parser;
  size_t sheet_index = 0;  // the sheet being parsed
  SheetParser::Mode sheet_mode = SheetParser::Mode::count;

  int chosen = -1;                  // the sheet read, once known
  size_t next_candidate = 0;        // no sheet named: the next sheet to try
  std::vector<bool> parsed;         // sheets whose rows are known
  std::string unknown_sheet;        // the sheet asked for is not there: the message, given at the end

  // No table is read from a damaged workbook, even when the damage is in a sheet only counted.
  void fail(FileErrorKind kind, std::string message) {
    SheetCells failed;
    failed.error = std::move(message);
    failed.error_kind = kind;
    failed.sheets = std::move(out.sheets);
    failed.date1904 = out.date1904;
    out = std::move(failed);
    phase = Phase::done;
    entry.reset();
    strings_parser.reset();
    sheet_parser.reset();
  }

  void fail(const FileError& error) { fail(error.kind, error.text); }

  void open();
  bool start_next_sheet();
  void finish_sheet();
  void finish();
  // Streams the current entry for about `budget` units; true when the entry is done.
  template <class Parser, class Work>
  bool stream(Parser& parser, Budget& budget, Work work);
};

// [SECTION] opening: container, parts, styles ------------------------------------------------------

void WorkbookReader::State::open() {
  switch (sniff_container(bytes)) {
    case ContainerKind::text: return fail(FileErrorKind::not_a_workbook, "not a workbook");
    case ContainerKind::compound_file: return fail(compound_file_message(bytes, file_name));
    case ContainerKind::zip: break;
  }
  zip.emplace(bytes);
  if (!zip->error().empty()) return fail(zip->error_kind(), zip->error());
  if (FileError error = locate_workbook(*zip, location); !error.empty()) return fail(error);
  out.date1904 = location.date1904;
  for (const SheetPartLocation& s : location.sheets) out.sheets.push_back(SheetInfo{s.name, s.hidden, 0});
  parsed.assign(location.sheets.size(), false);

  if (location.styles) {
    FileError error;
    const std::string xml = read_zip_entry(*zip, *location.styles, error);
    if (!error.empty()) return fail(error);
    StylesParser parser;
    if (!parser.feed(xml, true))
      return fail(FileErrorKind::damaged_workbook, "damaged workbook: " + location.styles->name + " " + parser.error());
    styles = parser.take();
  }

  if (!options.sheet.empty()) {
    // Exactly as named, else ignoring case.
    for (size_t i = 0; i < location.sheets.size() && chosen < 0; ++i)
      if (location.sheets[i].name == options.sheet) chosen = static_cast<int>(i);
    for (size_t i = 0; i < location.sheets.size() && chosen < 0; ++i)
      if (equal_ignoring_ascii_case(location.sheets[i].name, options.sheet)) chosen = static_cast<int>(i);
    if (chosen < 0) {
      std::string list;
      for (const SheetPartLocation& s : location.sheets) {
        if (!list.empty()) list += ", ";
        list += s.name + (s.hidden ? " (hidden)" : "");
      }
      // Still counted, so that the sheets listed beside the message have their rows.
      unknown_sheet = "no sheet named '" + options.sheet + "' in " + file_name +
                      "; its sheets are: " + (list.empty() ? "(none)" : list);
    }
  }
  if (location.sheets.empty()) return fail(FileErrorKind::workbook_empty, "the workbook is empty");

  if (location.shared_strings) total_compressed += location.shared_strings->compressed;
  for (const SheetPartLocation& s : location.sheets)
    if (s.entry) total_compressed += s.entry->compressed;

  if (location.shared_strings) {
    entry.emplace(*zip, *location.shared_strings);
    entry_name = location.shared_strings->name;
    strings_parser.emplace();
    phase = Phase::shared_strings;
  } else {
    phase = Phase::sheets;
    if (!start_next_sheet() && phase != Phase::done) finish();
  }
}

// [SECTION] streaming an entry ---------------------------------------------------------------------

template <class Parser, class Work>
bool WorkbookReader::State::stream(Parser& parser, Budget& budget, Work work) {
  while (!budget.spent()) {
    const std::string_view piece = entry->next(piece_size(budget));
    if (!entry->error().empty()) {
      fail(entry->error_kind(), entry->error());
      return false;
    }
    const uint64_t before = work();
    if (!piece.empty() && !parser.feed(piece, false)) {
      fail(FileErrorKind::damaged_workbook, "damaged workbook: " + entry_name + " " + parser.error());
      return false;
    }
    budget.spend(std::max<uint64_t>(1, work() - before));
    if (entry->done()) {
      if (!parser.feed({}, true)) {
        fail(FileErrorKind::damaged_workbook, "damaged workbook: " + entry_name + " " + parser.error());
        return false;
      }
      finished_compressed += entry->consumed();
      entry.reset();
      return true;
    }
    if (piece.empty()) {  // no data and not at the end: never loop on it
      fail(FileErrorKind::damaged_workbook, "damaged workbook: " + entry_name + " could not be read");
      return false;
    }
  }
  return false;
}

// [SECTION] choosing and finishing sheets ----------------------------------------------------------

// Starts the next sheet to parse; false when there is none left.
bool WorkbookReader::State::start_next_sheet() {
  const size_t n = location.sheets.size();
  size_t index = n;
  SheetParser::Mode mode = SheetParser::Mode::count;
  if (chosen >= 0 && !parsed[static_cast<size_t>(chosen)]) {
    index = static_cast<size_t>(chosen);
    mode = SheetParser::Mode::collect;
  } else if (chosen < 0 && unknown_sheet.empty()) {
    // No sheet named and none found yet: the next visible one, collected in case it holds values.
    while (next_candidate < n && location.sheets[next_candidate].hidden) ++next_candidate;
    if (next_candidate < n) {
      index = next_candidate++;
      mode = SheetParser::Mode::collect;
    }
  }
  if (index == n) {  // the rest are counted
    for (size_t i = 0; i < n && index == n; ++i)
      if (!parsed[i]) index = i;
    if (index == n) return false;
  }
  const SheetPartLocation& sheet = location.sheets[index];
  if (!sheet.entry) {
    if (mode == SheetParser::Mode::collect) {
      // The sheet is named in the workbook but its part is not in the zip.
      fail(FileErrorKind::damaged_workbook, "damaged workbook: the part of sheet '" + sheet.name + "' (" +
           (sheet.part.empty() ? std::string("no relationship") : sheet.part) + ") is missing");
      return false;
    }
    parsed[index] = true;
    return start_next_sheet();
  }
  sheet_index = index;
  sheet_mode = mode;
  entry.emplace(*zip, *sheet.entry);
  entry_name = sheet.entry->name;
  sheet_parser.emplace(mode, strings, styles, location.date1904);
  sheet_parser->expect_bytes(sheet.entry->uncompressed);
  return true;
}

void WorkbookReader::State::finish_sheet() {
  const uint64_t rows = sheet_parser->rows_with_value();
  out.sheets[sheet_index].rows = rows;
  parsed[sheet_index] = true;
  if (sheet_mode == SheetParser::Mode::collect && (rows > 0 || chosen >= 0)) {
    chosen = static_cast<int>(sheet_index);
    out.sheet = location.sheets[sheet_index].name;
    std::vector<uint64_t> date_cells;
    if (!lay_out_sheet(sheet_parser->take(), out, date_cells)) {
      sheet_parser.reset();
      return fail(FileErrorKind::too_large, out.error);
    }
    find_date_swaps(out, date_cells, options.keep_swapped_dates);
  }
  sheet_parser.reset();
}

void WorkbookReader::State::finish() {
  phase = Phase::done;
  strings = StringPool{};
  if (!unknown_sheet.empty()) {
    out.error = std::move(unknown_sheet);
    out.error_kind = FileErrorKind::sheet_not_found;
    return;
  }
  if (chosen >= 0 && out.sheets[static_cast<size_t>(chosen)].rows > 0) return;
  if (chosen >= 0) {
    out.error_kind = FileErrorKind::workbook_empty;
    out.error = "the sheet '" + location.sheets[static_cast<size_t>(chosen)].name + "' in " +
                file_name + " holds no value";
    return;
  }
  // No visible sheet holds a value.
  std::string hidden;
  for (const SheetInfo& s : out.sheets)
    if (s.hidden && s.rows > 0) hidden += (hidden.empty() ? "" : ", ") + s.name;
  out.error_kind = FileErrorKind::workbook_empty;
  out.error = hidden.empty() ? "the workbook is empty"
                             : "no visible sheet holds a value; hidden sheets do: " + hidden;
}

// [SECTION] the job --------------------------------------------------------------------------------

WorkbookReader::WorkbookReader(std::string file_name, std::string_view bytes, WorkbookOptions options)
    : state_(std::make_unique<State>()) {
  state_->file_name = std::move(file_name);
  state_->bytes = bytes;
  state_->options = std::move(options);
}
WorkbookReader::~WorkbookReader() = default;
WorkbookReader::WorkbookReader(WorkbookReader&&) noexcept = default;
WorkbookReader& WorkbookReader::operator=(WorkbookReader&&) noexcept = default;

Step WorkbookReader::step(Budget& budget) {
  State& s = *state_;
  do {
    switch (s.phase) {
      case Phase::open:
        s.open();
        budget.spend(1);
        break;
      case Phase::shared_strings:
        if (s.stream(*s.strings_parser, budget, [&s] { return uint64_t(s.strings_parser->strings()); })) {
          s.strings = s.strings_parser->take();
          s.strings_parser.reset();
          s.phase = Phase::sheets;
          if (!s.start_next_sheet() && s.phase != Phase::done) s.finish();
        }
        break;
      case Phase::sheets:
        if (s.stream(*s.sheet_parser, budget, [&s] { return s.sheet_parser->work_done(); })) {
          s.finish_sheet();
          if (s.phase != Phase::done && !s.start_next_sheet() && s.phase != Phase::done) s.finish();
        }
        break;
      case Phase::done:
        break;
    }
  } while (s.phase != Phase::done && !budget.spent());
  return s.phase == Phase::done ? Step::done : Step::more;
}

double WorkbookReader::progress() const {
  const State& s = *state_;
  if (s.phase == Phase::done) return 1.0;
  if (s.total_compressed == 0) return 0.0;
  const uint64_t now = s.finished_compressed + (s.entry ? s.entry->consumed() : 0);
  return std::min(0.99, static_cast<double>(now) / static_cast<double>(s.total_compressed));
}

SheetCells WorkbookReader::take() { return std::move(state_->out); }

SheetCells read_workbook(std::string file_name, std::string_view bytes, WorkbookOptions options) {
  WorkbookReader reader(std::move(file_name), bytes, std::move(options));
  return run_to_end(reader);
}

}  // namespace overdue
