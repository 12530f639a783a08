// overdue-lens inspect FILE...: what the importer makes of each file, as one JSON document
// (issue #2) on stdout. Exit 1 when any file could not be read (its entry carries "error").
#include <cstdio>

#include "cli_commands.hpp"
#include "overdue/report/inspect_json.hpp"
#include "read_input_file.hpp"
#include "sheet_choice.hpp"

namespace overdue::cli {

int run_inspect(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::vector<SheetChoice> sheets;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!options_done && (a == "--sheet" || a.rfind("--sheet=", 0) == 0)) {
      if (a == "--sheet" && i + 1 >= args.size()) return usage_error("inspect: --sheet needs a value");
      const std::string value = a == "--sheet" ? args[++i] : a.substr(8);
      SheetChoice choice;
      if (std::string e = parse_sheet_choice(value, choice); !e.empty()) return usage_error("inspect: " + e);
      sheets.push_back(choice);
    } else if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "-h" || a == "--help")) {
      print_usage(false);
      return kExitOk;
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return usage_error("inspect: unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) return usage_error("inspect: no files given");

  std::vector<ImportedFile> files;
  const int status = import_files(paths, sheets, false, false, files);
  const std::string json = inspect_json(files) + "\n";
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fflush(stdout);
  return status;
}

}  // namespace overdue::cli
