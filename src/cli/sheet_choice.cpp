// --sheet choices and importing the files they apply to (sheet_choice.hpp).
#include "sheet_choice.hpp"

#include <cstdio>

#include "cli_commands.hpp"
#include "overdue/import/importer.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {
namespace {

bool names_path(const SheetChoice& c, const std::string& path) {
  return c.file == path || c.file == file_name_of(path);
}

int fail(const std::string& path, const std::string& message) {
  std::fprintf(stderr, "overdue-lens: %s: %s\n", path.c_str(), message.c_str());
  return kExitBadInput;
}

}  // namespace

std::string parse_sheet_choice(const std::string& value, SheetChoice& out) {
  out = SheetChoice{};
  const size_t colon = value.rfind(':');
  if (colon != std::string::npos) {
    out.file = value.substr(0, colon);
    if (out.file.empty()) return "--sheet: empty file name in '" + value + "'";
  }
  out.sheet = colon == std::string::npos ? value : value.substr(colon + 1);
  if (out.sheet.empty()) return "--sheet expects [FILE:]NAME, got '" + value + "'";
  return "";
}

int import_files(const std::vector<std::string>& paths, const std::vector<SheetChoice>& sheets,
                 bool keep_swapped_dates, bool stop_at_error, std::vector<ImportedFile>& out) {
  int status = kExitOk;
  for (const SheetChoice& c : sheets) {
    if (c.file.empty()) continue;
    bool found = false;
    for (const std::string& p : paths) found = found || names_path(c, p);
    if (!found) {
      status = fail(c.file, "--sheet names a file that is not among the files given");
      if (stop_at_error) return status;
    }
  }
  bool any_workbook = false;
  for (const std::string& path : paths) {
    ImportOptions options;
    options.keep_swapped_dates = keep_swapped_dates;
    std::vector<const SheetChoice*> mine;
    bool named = false;  // a choice names this file (not one for every workbook)
    for (const SheetChoice& c : sheets) {
      if (!c.file.empty() && !names_path(c, path)) continue;
      bool repeated = false;
      for (const SheetChoice* m : mine) repeated = repeated || m->sheet == c.sheet;
      if (repeated) continue;
      mine.push_back(&c);
      named = named || !c.file.empty();
    }
    if (mine.empty()) mine.push_back(nullptr);
    for (const SheetChoice* c : mine) {
      options.sheet = c ? c->sheet : std::string();
      out.push_back(import_file_at(path, options));
      const ImportedFile& f = out.back();
      if (!f.error.empty()) {
        status = fail(path, f.error);
        if (stop_at_error) return status;
        break;
      }
      if (f.sheets.empty()) {  // not a workbook: read once, whatever the choices
        if (named) {
          status = fail(path, "not a workbook: --sheet does not apply to it");
          if (stop_at_error) return status;
        }
        break;
      }
      any_workbook = true;
    }
  }
  if (!any_workbook && status == kExitOk)
    for (const SheetChoice& c : sheets)
      if (c.file.empty()) return fail(c.sheet, "--sheet: none of the files is a workbook");
  return status;
}

const char* sheet_option_help() {
  return "  --sheet [FILE:]NAME      read sheet NAME of the workbook FILE (.xlsx/.xlsm); without FILE,\n"
         "                           of every workbook; repeatable: each sheet is its own table\n"
         "                           (default: the first visible sheet holding a value)\n";
}

}  // namespace overdue::cli
