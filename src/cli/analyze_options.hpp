// The `analyze` command line (issue #3, #4): files, output flags, and the flags that make up the
// settings in effect — `--settings FILE` first, then every other settings flag over it, in the
// order given (`--as-of`, `--threshold`, `--buckets`, `--step`, `--map`, `--set KEY=VALUE`,
// `--allowance`, `--lang`).
#pragma once
#include <string>
#include <vector>

#include "overdue/settings_json.hpp"

namespace overdue::cli {

struct AnalyzeArgs {
  std::vector<std::string> paths;
  std::string settings_in;    // --settings FILE
  std::string settings_out;   // --save-settings FILE
  std::string json_out;       // --json OUT; empty: stdout
  std::string csv_dir;        // --csv-dir DIR: the six tables as CSV files (csv_export.hpp)
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

// The --help lines listing every --set key, wrapped.
std::string setting_keys_help();

}  // namespace overdue::cli
