// FileImporter: bytes in chunks → (sniff) → TextDecoder → RecordScanner → TableBuilder →
// column typing → roles. Also import_bytes and retype_column (include/overdue/import/importer.hpp).
//
// The first kSniffBytes are held until encoding and dialect are known (a first chunk that is
// already that long is read where it lies); the sniffers always see exactly those bytes (or the
// whole file when it is shorter), whatever the chunk sizes were, so the result never depends on
// how the input was cut.
#include <algorithm>
#include <memory>

#include "import/column_typing.hpp"
#include "import/dialect_sniffer.hpp"
#include "overdue/text/encoding.hpp"
#include "import/export_layout.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/import/general_ledger_kind.hpp"
#include "overdue/import/role_assignment.hpp"
#include "import/record_scanner.hpp"
#include "import/table_builder.hpp"
#include "import/workbook_table.hpp"
#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

struct FileImporter::State {
  ImportOptions options;
  ImportedFile file;
  std::string held;  // raw bytes until the sniffers have run
  bool started = false;
  bool stopped = false;  // an error ended the import early
  uint64_t fed = 0;
  uint64_t total_hint = 0;  // expect_total_bytes
  TextDecoder decoder;
  std::string decoded;  // converted text when the input is not valid UTF-8 as it is
  std::unique_ptr<RecordScanner> scanner;
  std::unique_ptr<TableBuilder> builder;
  std::vector<PaddedRow> padded;  // short records the builder kept for the layout pass
  // step(): the input is over (ended), the layout pass run in slices (layout, until done),
  // the columns typed one after the other (typer on column typing_column), the cell errors
  // gathered.
  bool ended = false;
  std::unique_ptr<ExportLayoutPass> layout;
  bool typed = false;
  size_t typing_column = 0;
  std::unique_ptr<ColumnTyper> typer;
  std::vector<CellError> typing_errors;
  // A workbook (issue #18): its bytes are held whole (a zip's directory is at its end), then read
  // by the WorkbookReader job before the layout pass; the cells it read as missing are listed
  // once typing is done.
  bool workbook = false;
  std::string workbook_bytes;
  std::unique_ptr<WorkbookReader> reader;
  std::vector<WorkbookCellProblem> workbook_problems;

  // Sniffs from the start of input (held bytes, or the first chunk when nothing is held) and
  // scans input.
  void start(std::string_view input, bool whole_file);
  void pass_on(std::string_view bytes);
  void end_input();
  void type_columns(Budget& budget);
  void start_workbook(std::string_view input);
  void finish_workbook();
};

namespace {

// A column whose role is an identifier (roles.hpp role_is_identifier) but that was typed as numbers
// with a cell error or a decimal form: typed again with its role, it keeps its text as written.
bool numeric_identifier(const ImportedFile& file, size_t i) {
  const Column& col = file.columns[i];
  if (!role_is_identifier(col.role) || col.type == ColumnType::text || col.type == ColumnType::date) return false;
  if (col.type == ColumnType::decimal) return true;
  return std::any_of(file.cell_errors.begin(), file.cell_errors.end(),
                     [&](const CellError& e) { return e.column == i; });
}

// A money column (a lone "-" is zero) by its role, or by its header while it has no role.
bool column_is_money(const Column& col) {
  return col.role == Role::none ? header_suggests_money(col.name) : role_is_money(col.role);
}

void sort_and_cap(std::vector<CellError>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const CellError& a, const CellError& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  if (errors.size() > kMaxCellErrorsListed) errors.resize(kMaxCellErrorsListed);
}

ColumnTypingContext typing_context(const ImportedFile& file, size_t column_index) {
  ColumnTypingContext ctx;
  ctx.column_index = static_cast<uint32_t>(column_index);
  ctx.headerless = !file.header;
  ctx.delimiter = file.delimiter;
  ctx.row_line = &file.row_line;
  return ctx;
}

void note_ambiguous_dates(ImportedFile& file) {
  for (const Column& col : file.columns)
    if (col.type == ColumnType::date && col.date_order_ambiguous)
      file.notes.push_back("column " + col.name +
                           ": every date fits both day/month orders; month first assumed");
}

}  // namespace

// [SECTION] streaming ----------------------------------------------------------------------------

void FileImporter::State::start(std::string_view input, bool whole_file) {
  started = true;
  if (sniff_container(input) != ContainerKind::text) {
    start_workbook(input);
    return;
  }
  const std::string_view sample = input.substr(0, kSniffBytes);
  const bool sample_is_file = whole_file && input.size() <= kSniffBytes;
  const EncodingGuess guess = detect_encoding(sample, sample_is_file);
  if (!guess.error.empty()) {
    file.error = guess.error;
    file.error_kind = guess.error_kind;
    stopped = true;
    return;
  }
  // The dialect sniffer reads the sample as text.
  TextDecoder sample_decoder(guess);
  std::string text;
  std::vector<uint64_t> ignored;
  sample_decoder.decode(sample, text, ignored);
  if (sample_is_file) sample_decoder.finish(text, ignored);
  const Dialect dialect = sniff_dialect(text, sample_is_file);

  file.encoding = guess.encoding;
  file.delimiter = dialect.delimiter;
  file.header = dialect.header;
  decoder = TextDecoder(guess);
  scanner = std::make_unique<RecordScanner>(dialect.delimiter);
  const bool forced = options.header_line > 0;
  if (forced) file.header = true;
  builder = std::make_unique<TableBuilder>(file, dialect.header || forced, *scanner);
  if (forced) {
    builder->force_header_line(options.header_line, options.header_rows > 0 ? options.header_rows : 1);
  } else {
    builder->set_header_position(dialect.header_index,
                                 options.header_rows > 0 ? options.header_rows : dialect.header_rows);
  }
  builder->set_size_estimate(dialect.record_bytes, dialect.field_bytes);
  if (total_hint > input.size()) builder->expect_text(static_cast<size_t>(total_hint - input.size()));
  pass_on(input);
}

void FileImporter::State::start_workbook(std::string_view input) {
  workbook = true;
  if (total_hint > input.size()) workbook_bytes.reserve(static_cast<size_t>(total_hint));
  workbook_bytes.append(input.data(), input.size());
}

// The reader is done: its sheet becomes the table's rows, as a CSV's records would.
void FileImporter::State::finish_workbook() {
  SheetCells cells = reader->take();
  reader.reset();
  std::string().swap(workbook_bytes);
  workbook_problems = std::move(cells.problems);
  build_table_from_sheet(file, cells, options, padded);
  if (!file.error.empty()) {
    typed = true;
    return;
  }
  layout = std::make_unique<ExportLayoutPass>(file, std::move(padded), options.data_lines);
  padded.clear();
}

void FileImporter::State::pass_on(std::string_view bytes) {
  if (workbook) {
    workbook_bytes.append(bytes.data(), bytes.size());
    return;
  }
  if (stopped) return;
  std::string_view text;
  if (!decoder.pass_through(bytes, text)) {
    decoded.clear();
    decoder.decode(bytes, decoded, scanner->undecodable_offsets());
    text = decoded;
  }
  builder->expect_text(text.size());
  if (!scanner->feed(text, *builder)) stopped = true;
}

FileImporter::FileImporter(std::string file_name, ImportOptions options)
    : state_(std::make_unique<State>()) {
  state_->options = options;
  state_->file.name = std::move(file_name);
  state_->file.prefer_original_currency = options.prefer_original_currency;
}

FileImporter::~FileImporter() = default;
FileImporter::FileImporter(FileImporter&&) noexcept = default;
FileImporter& FileImporter::operator=(FileImporter&&) noexcept = default;

uint64_t FileImporter::bytes_fed() const { return state_->fed; }

void FileImporter::expect_total_bytes(uint64_t bytes) { state_->total_hint = bytes; }

void FileImporter::feed(std::string_view bytes) {
  State& s = *state_;
  s.fed += bytes.size();
  if (s.stopped) return;
  if (!s.started) {
    if (s.held.empty() && bytes.size() >= kSniffBytes) {  // no need to hold a large first chunk
      s.start(bytes, false);
      return;
    }
    s.held.append(bytes.data(), bytes.size());
    if (s.held.size() >= kSniffBytes) {
      std::string held;
      held.swap(s.held);
      s.start(held, false);
    }
    return;
  }
  s.pass_on(bytes);
}

// The last bytes scanned and the builder done: what is left is the layout pass and typing.
void FileImporter::State::end_input() {
  ended = true;
  if (!started) {
    std::string whole;
    whole.swap(held);
    start(whole, true);
  }
  if (workbook) {
    WorkbookOptions wo;
    wo.sheet = options.sheet;
    wo.keep_swapped_dates = options.keep_swapped_dates;
    reader = std::make_unique<WorkbookReader>(file.name, workbook_bytes, wo);
    return;
  }
  if (!stopped) {
    decoded.clear();
    decoder.finish(decoded, scanner->undecodable_offsets());
    if (scanner->feed(decoded, *builder)) scanner->finish(*builder);
    file.encoding = decoder.encoding();
  }
  if (builder && file.error.empty()) {
    builder->finish();
    padded = builder->padded();
  }
  builder.reset();
  scanner.reset();
  stopped = true;
  if (!file.error.empty()) {
    typed = true;
    return;
  }
  layout = std::make_unique<ExportLayoutPass>(file, std::move(padded), options.data_lines);
  padded.clear();
}

void FileImporter::State::type_columns(Budget& budget) {
  while (!typed && !budget.spent()) {
    if (typing_column >= file.columns.size()) {
      sort_and_cap(typing_errors);
      file.cell_errors = std::move(typing_errors);
      typing_errors.clear();
      add_workbook_cell_problems(file, workbook_problems);
      workbook_problems.clear();
      typed = true;
      return;
    }
    if (!typer) {
      Column& col = file.columns[typing_column];
      col.money = column_is_money(col);
      typer = std::make_unique<ColumnTyper>(col, typing_context(file, typing_column));
    }
    if (typer->step(budget) == Step::more) return;
    ColumnTypingResult& r = typer->result();
    file.cell_errors_total += r.error_total;
    typing_errors.insert(typing_errors.end(), std::make_move_iterator(r.errors.begin()),
                         std::make_move_iterator(r.errors.end()));
    typer.reset();
    ++typing_column;
  }
}

Step FileImporter::step(Budget& budget) {
  State& s = *state_;
  if (!s.ended) {  // the last bytes scanned, the builder finished: quick, so the budget goes on
    s.end_input();  // to the layout pass (a step doing no budgeted work would make the page's
    if (s.typed) return Step::done;  // slice sizing think the budget was cheap: a 458 ms next step)
  }
  if (s.reader) {  // a workbook: its sheet is read first, in slices of the same budget
    if (s.reader->step(budget) == Step::more) return Step::more;
    s.finish_workbook();
    if (s.typed) return Step::done;
  }
  // The layout pass reads every row once (293 ms for a million rows in the page as one piece):
  // it takes its share of the same budget, then typing goes on with what is left.
  if (s.layout) {
    if (s.layout->step(budget) == Step::more) return Step::more;
    s.layout.reset();
  }
  s.type_columns(budget);
  return s.typed ? Step::done : Step::more;
}

double FileImporter::progress() const {
  const State& s = *state_;
  if (s.typed) return 1.0;
  if (!s.ended) return 0.0;
  // A workbook: reading the sheet is most of the work.
  if (s.reader) return 0.6 * s.reader->progress();
  const double before = s.workbook ? 0.6 : 0.0, share = 1.0 - before;
  // The layout pass a fifth, typing the rest column by column.
  if (s.layout) return before + share * 0.2 * s.layout->progress();
  const size_t columns = s.file.columns.size();
  return columns == 0 ? 1.0
                      : before + share * (0.2 + 0.8 * static_cast<double>(s.typing_column) / static_cast<double>(columns));
}

ImportedFile FileImporter::finish() { return run_to_end(*this); }

ImportedFile FileImporter::take() {
  State& s = *state_;
  ImportedFile file = std::move(s.file);
  s.file = ImportedFile();
  if (!file.error.empty()) return file;

  assign_roles(file);
  recognise_general_ledger(file);   // a GL with a Name column is no running ledger (issue #17)
  // A role can make a column money (a lone "-" is then zero, not missing): type it again. So can
  // an identifier role (issue #17): a customer column of numbers with a CCCA02 among them is text.
  for (size_t i = 0; i < file.columns.size(); ++i)
    if (column_is_money(file.columns[i]) != file.columns[i].money || numeric_identifier(file, i)) retype_column(file, i);
  note_ambiguous_dates(file);
  check_export_layout(file);
  return file;
}

ImportedFile import_bytes(std::string file_name, std::string_view bytes, ImportOptions options) {
  FileImporter importer(std::move(file_name), options);
  importer.feed(bytes);
  return importer.finish();
}

// [SECTION] re-typing ----------------------------------------------------------------------------

void retype_column(ImportedFile& file, size_t column_index) {
  if (column_index >= file.columns.size()) return;
  Column& col = file.columns[column_index];
  const uint64_t old_errors = count_cell_errors(col);
  col.money = column_is_money(col);
  ColumnTypingResult r = type_column(col, typing_context(file, column_index));
  const uint32_t index = static_cast<uint32_t>(column_index);
  auto& listed = file.cell_errors;
  // A workbook's error cells and formulas without a value (issue #18) are no typing errors: kept.
  listed.erase(std::remove_if(listed.begin(), listed.end(),
                              [&](const CellError& e) {
                                return e.column == index && e.kind != ProblemKind::excel_cell_error &&
                                       e.kind != ProblemKind::formula_without_value;
                              }),
               listed.end());
  listed.insert(listed.end(), std::make_move_iterator(r.errors.begin()),
                std::make_move_iterator(r.errors.end()));
  sort_and_cap(listed);
  file.cell_errors_total = file.cell_errors_total - std::min(old_errors, file.cell_errors_total) +
                           r.error_total;
}

}  // namespace overdue
