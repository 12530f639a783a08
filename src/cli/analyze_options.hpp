// The `analyze` command line (issue #3, #4): files, output flags, and the flags that make up the
// settings in effect — `--settings FILE` first, then every other settings flag over it, in the
// order given (`--as-of`, `--threshold`, `--buckets`, `--step`, `--map`, `--set KEY=VALUE`,
// `--allowance`, `--lang`), and the outputs (`--json`, `--csv-dir`, `--report`, `--letters`, with
// `--model FILE --target COLUMN [--bad VALUE]` for the report's model section).
#pragma once
#include <string>
#include <vector>

#include "overdue/report/settings_json.hpp"
#include "sheet_choice.hpp"

namespace overdue::cli {

struct AnalyzeArgs {
  std::vector<std::string> paths;
  std::vector<SheetChoice> sheets;  // --sheet [FILE:]NAME, in order
  std::string settings_in;    // --settings FILE
  std::string settings_out;   // --save-settings FILE
  std::string json_out;       // --json OUT; empty: stdout
  std::string csv_dir;        // --csv-dir DIR: the six tables as CSV files (csv_export.hpp)
  std::string report_out;     // --report FILE: the HTML report (report_html.hpp), in the --lang language
  std::string letters_dir;    // --letters DIR: one reminder letter per overdue customer + letters.html
  std::string model_file;     // --model FILE: also run the model lab on FILE for the report's model section
  std::string model_target;   // --target COLUMN (with --model)
  std::string model_bad;      // --bad VALUE (with --model; default 1 for 0/1 targets)
  std::string model_monitor, model_monitor_by;  // --monitor FILE, --monitor-by COLUMN (with --model): stability
  bool timings = false;       // --timings: stage times on stderr (for measurements, not for tests)
  struct SettingFlag {
    std::string flag, value;  // "--threshold", "45"
  };
  std::vector<SettingFlag> setting_flags;  // command-line order
};

// Parses the arguments after `analyze`. Returns kExitOk, or kExitUsage after reporting the
// error (unknown option, malformed value, unknown --set key, no files).
int parse_analyze_args(const std::vector<std::string>& args, AnalyzeArgs& a, bool& help);

// The settings in effect: the --settings file (kExitBadInput, message naming the key, when it
// cannot be read or is invalid; its warnings go to stderr), then the settings flags in order
// (kExitUsage when a --set value is out of range or inconsistent).
int resolve_settings(const AnalyzeArgs& a, AnalysisSettings& out);

// The --help lines of --report, --letters and --model (printed after the usage text).
const char* report_options_help();

// The --help lines listing every --set key, wrapped.
std::string setting_keys_help();

}  // namespace overdue::cli
