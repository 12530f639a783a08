// overdue-lens inspect FILE...: what the importer makes of each file, as one JSON document
// (issue #2) on stdout. Exit 1 when any file could not be read (its entry carries "error").
#include <cstdio>

#include "cli_commands.hpp"
#include "overdue/report/inspect_json.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {

int run_inspect(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  bool options_done = false;
  for (const std::string& a : args) {
    if (!options_done && a == "--") {
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
  int status = kExitOk;
  for (const std::string& path : paths) {
    files.push_back(import_file_at(path));
    if (!files.back().error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", path.c_str(), files.back().error.c_str());
      status = kExitBadInput;
    }
  }
  const std::string json = inspect_json(files) + "\n";
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fflush(stdout);
  return status;
}

}  // namespace overdue::cli
