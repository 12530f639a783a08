// overdue-lens analyze FILES... [--settings FILE] [--save-settings FILE] [--as-of YYYY-MM-DD]
//   [--threshold N] [--buckets 30,60,90,180] [--step day|week|month] [--map [FILE:]ROLE=COLUMN ...]
//   [--set KEY=VALUE ...] [--allowance dpd_bucket|invoice_age_years] [--lang zh|en] [--json OUT]
// Receivables at an as-of date and the classification of the overdue customers (issues #3, #4):
// imports the files (contact-log files are just more files), applies the role overrides, builds
// the ledger and the contact log, runs the monitor and the classification and writes the analysis
// JSON (analysis_json.hpp) to OUT or stdout.
// Exit status (DESIGN.md §8): 0 success; 1 bad input (a file cannot be read, a --map column exists
// in no file, no invoices in any file, a bad settings file, OUT cannot be written); 2 wrong usage.
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyze_options.hpp"
#include "cli_commands.hpp"
#include "overdue/analysis_json.hpp"
#include "overdue/classify.hpp"
#include "overdue/contact_log.hpp"
#include "overdue/csv_export.hpp"
#include "overdue/ledger.hpp"
#include "overdue/monitor.hpp"
#include "overdue/role_overrides.hpp"
#include "overdue/settings_json.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {
namespace {

using Clock = std::chrono::steady_clock;
long long ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(path.c_str(), "wb"));
  if (!out) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), out.get()) == text.size();
  return std::fclose(out.release()) == 0 && ok;
}

// Creates DIR if it is missing (one level, like `mkdir`); true when it exists afterwards.
bool ensure_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST) {
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  }
  return false;
}

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  AnalyzeArgs a;
  bool help = false;
  if (const int status = parse_analyze_args(args, a, help); status != kExitOk) return status;
  if (help) {
    print_usage(false);
    return kExitOk;
  }
  AnalysisSettings settings;
  if (const int status = resolve_settings(a, settings); status != kExitOk) return status;
  if (!a.settings_out.empty() && !write_output(a.settings_out, settings_json(settings))) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.settings_out.c_str());
    return kExitBadInput;
  }

  Clock::time_point t = Clock::now();
  auto lap = [&](const char* stage) {
    if (a.timings) std::fprintf(stderr, "overdue-lens: %s %lld ms\n", stage, ms_since(t));
    t = Clock::now();
  };
  std::vector<ImportedFile> files;
  for (const std::string& path : a.paths) {
    files.push_back(import_file_at(path));
    if (!files.back().error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", path.c_str(), files.back().error.c_str());
      return kExitBadInput;
    }
  }
  for (const std::string& message : apply_role_overrides(files, settings.mappings)) {
    std::fprintf(stderr, "overdue-lens: %s\n", message.c_str());
    return kExitBadInput;
  }

  lap("import");
  const Ledger ledger = build_ledger(files);
  lap("ledger");
  if (ledger.invoices.empty()) {
    std::fprintf(stderr,
                 "overdue-lens: no invoices found in any file (no table was recognised as a ledger, "
                 "invoices or running ledger; see `overdue-lens inspect` and --map ROLE=COLUMN)\n");
    return kExitBadInput;
  }
  const MonitorResult result = monitor(ledger, settings.monitor);
  lap("monitor");
  const ContactLog contacts = build_contact_log(files, ledger);
  const OverdueAnalysis overdue = analyze_overdue(ledger, result, &contacts, settings.overdue);
  lap("classify");
  std::string json = analysis_json(ledger, files, result, overdue, contacts, settings);
  json += '\n';  // appended in place: the document can be hundreds of MB (no second copy)
  lap("json");
  if (!write_output(a.json_out, json)) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.json_out.c_str());
    return kExitBadInput;
  }
  lap("write");
  if (!a.csv_dir.empty()) {
    if (!ensure_directory(a.csv_dir)) {
      std::fprintf(stderr, "overdue-lens: %s: cannot create the directory\n", a.csv_dir.c_str());
      return kExitBadInput;
    }
    for (const CsvFile& f : analysis_csv_files(ledger, files, result, overdue, settings.language)) {
      const std::string path = a.csv_dir + "/" + f.name;
      if (!write_output(path, f.bytes)) {
        std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", path.c_str());
        return kExitBadInput;
      }
    }
    lap("csv");
  }
  return kExitOk;
}

}  // namespace overdue::cli
