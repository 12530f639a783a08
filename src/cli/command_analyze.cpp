// overdue-lens analyze FILES... [--as-of YYYY-MM-DD] [--threshold N] [--buckets 30,60,90,180]
//   [--step day|week|month] [--map [FILE:]ROLE=COLUMN ...] [--json OUT]
// Receivables at an as-of date (issue #3): imports the files, applies the role overrides, builds
// the ledger, runs the monitor and writes the analysis JSON (analysis_json.hpp) to OUT or stdout.
// Exit status (DESIGN.md §8): 0 success; 1 bad input (a file cannot be read, a --map column exists
// in no file, no invoices in any file, OUT cannot be written); 2 wrong usage.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli_commands.hpp"
#include "overdue/analysis_json.hpp"
#include "overdue/ledger.hpp"
#include "overdue/monitor.hpp"
#include "overdue/role_overrides.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> paths;
  MonitorOptions monitor;
  std::vector<RoleOverride> overrides;
  std::string json_out;  // empty: stdout
  bool timings = false;  // --timings: stage times on stderr (for measurements, not for tests)
};

using Clock = std::chrono::steady_clock;
long long ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

// Digits only, within [lo, hi]; no locale, no sign, no spaces.
bool parse_int(const std::string& s, int lo, int hi, int& out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return false;
  out = v;
  return true;
}

// "30,60,90,180": positive, strictly increasing.
bool parse_buckets(const std::string& s, std::vector<int>& out) {
  out.clear();
  size_t start = 0;
  while (start <= s.size()) {
    const size_t comma = s.find(',', start);
    const std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int v = 0;
    if (!parse_int(part, 1, 100000, v) || (!out.empty() && v <= out.back())) return false;
    out.push_back(v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return !out.empty();
}

// Returns kExitOk, or the status of a usage error already reported.
int parse_args(const std::vector<std::string>& args, AnalyzeArgs& a, bool& help) {
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      a.paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      help = true;
      return kExitOk;
    }
    if (arg == "--timings") {
      a.timings = true;
      continue;
    }
    // --name value or --name=value
    std::string value;
    bool has_value = false;
    const size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_value = true;
    }
    const bool known = arg == "--as-of" || arg == "--threshold" || arg == "--buckets" || arg == "--step" ||
                       arg == "--map" || arg == "--json";
    if (!known) return usage_error("analyze: unknown option '" + args[i] + "'");
    if (!has_value) {
      if (i + 1 >= args.size()) return usage_error("analyze: " + arg + " needs a value");
      value = args[++i];
    }
    if (arg == "--as-of") {
      a.monitor.as_of = iso_date_days(value);
      if (a.monitor.as_of == kMissingDays)
        return usage_error("analyze: --as-of expects a date YYYY-MM-DD, got '" + value + "'");
    } else if (arg == "--threshold") {
      if (!parse_int(value, 0, 100000, a.monitor.threshold_days))
        return usage_error("analyze: --threshold expects a whole number of days, got '" + value + "'");
    } else if (arg == "--buckets") {
      if (!parse_buckets(value, a.monitor.bucket_edges))
        return usage_error("analyze: --buckets expects increasing positive days such as 30,60,90,180, got '" +
                           value + "'");
    } else if (arg == "--step") {
      if (value == "day") a.monitor.step = ReplayStep::day;
      else if (value == "week") a.monitor.step = ReplayStep::week;
      else if (value == "month") a.monitor.step = ReplayStep::month;
      else return usage_error("analyze: --step expects day, week or month, got '" + value + "'");
    } else if (arg == "--map") {
      RoleOverride o;
      const std::string error = parse_role_override(value, o);
      if (!error.empty()) return usage_error("analyze: --map: " + error);
      a.overrides.push_back(o);
    } else if (arg == "--json") {
      if (value.empty()) return usage_error("analyze: --json needs a file name");
      a.json_out = value;
    }
  }
  if (a.paths.empty()) return usage_error("analyze: no files given");
  return kExitOk;
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

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  AnalyzeArgs a;
  bool help = false;
  if (const int status = parse_args(args, a, help); status != kExitOk) return status;
  if (help) {
    print_usage(false);
    return kExitOk;
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
  for (const std::string& message : apply_role_overrides(files, a.overrides)) {
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
  const MonitorResult result = monitor(ledger, a.monitor);
  lap("monitor");
  const std::string json = analysis_json(ledger, files, result) + "\n";
  lap("json");
  if (!write_output(a.json_out, json)) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.json_out.c_str());
    return kExitBadInput;
  }
  lap("write");
  return kExitOk;
}

}  // namespace overdue::cli
