// Parsing the `analyze` flags and turning them into the settings in effect (analyze_options.hpp).
// Flag values are checked while parsing so a typo is a usage error (exit 2) before any file is
// read; the settings file is read afterwards, and the flags are applied over it in order.
#include "analyze_options.hpp"

#include <algorithm>
#include <cstdio>

#include "cli_commands.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/ledger/currency.hpp"
#include "overdue/text/lang.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {
namespace {

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

bool parse_step(const std::string& s, ReplayStep& out) {
  if (s == "day") out = ReplayStep::day;
  else if (s == "week") out = ReplayStep::week;
  else if (s == "month") out = ReplayStep::month;
  else return false;
  return true;
}

// Checks one settings flag's value; returns "" or the usage error text.
std::string check_flag(const std::string& flag, const std::string& value) {
  int n = 0;
  std::vector<int> edges;
  ReplayStep step{};
  RoleOverride o;
  if (flag == "--as-of") {
    if (iso_date_days(value) == kMissingDays) return "--as-of expects a date YYYY-MM-DD, got '" + value + "'";
  } else if (flag == "--threshold") {
    if (!parse_int(value, 0, 100000, n)) return "--threshold expects a whole number of days, got '" + value + "'";
  } else if (flag == "--buckets") {
    if (!parse_buckets(value, edges))
      return "--buckets expects increasing positive days such as 30,60,90,180, got '" + value + "'";
  } else if (flag == "--step") {
    if (!parse_step(value, step)) return "--step expects day, week or month, got '" + value + "'";
  } else if (flag == "--map") {
    if (std::string e = parse_role_override(value, o); !e.empty()) return "--map: " + e;
  } else if (flag == "--allowance") {
    if (value != "dpd_bucket" && value != "invoice_age_years")
      return "--allowance expects dpd_bucket or invoice_age_years, got '" + value + "'";
  } else if (flag == "--lang") {
    if (Lang lang; !parse_lang(value, lang)) return "--lang expects zh or en, got '" + value + "'";
  } else if (flag == "--currency") {
    if (value.empty()) return "--currency expects a currency code such as CNY or USD";
  } else if (flag == "--rate") {
    if (CurrencyRate rate; !parse_rate_entry(value, '=', rate).empty())
      return "--rate: " + parse_rate_entry(value, '=', rate);
  } else if (flag == "--set") {
    const size_t eq = value.find('=');
    if (eq == std::string::npos) return "--set expects KEY=VALUE, got '" + value + "'";
    const std::vector<std::string> keys = setting_keys();
    if (std::find(keys.begin(), keys.end(), value.substr(0, eq)) == keys.end())
      return "--set: unknown key '" + value.substr(0, eq) + "' (see --help for the keys)";
  }
  return "";
}

// Applies one checked flag; returns "" or what is wrong (only --set can still fail here).
std::string apply_flag(const AnalyzeArgs::SettingFlag& f, AnalysisSettings& s) {
  if (f.flag == "--as-of") s.monitor.as_of = iso_date_days(f.value);
  else if (f.flag == "--threshold") parse_int(f.value, 0, 100000, s.monitor.threshold_days);
  else if (f.flag == "--buckets") parse_buckets(f.value, s.monitor.bucket_edges);
  else if (f.flag == "--step") parse_step(f.value, s.monitor.step);
  else if (f.flag == "--map") {
    RoleOverride o;
    parse_role_override(f.value, o);
    s.mappings.push_back(o);
  } else if (f.flag == "--allowance") {
    s.overdue.allowance.method =
        f.value == "dpd_bucket" ? AllowanceMethod::dpd_bucket : AllowanceMethod::invoice_age_years;
  } else if (f.flag == "--lang") {
    parse_lang(f.value, s.language);  // check_flag accepted only zh or en
  } else if (f.flag == "--currency") {
    set_setting(s, "currency.reporting", f.value);
  } else if (f.flag == "--rate") {   // repeatable: each sets (or replaces) one currency's rate
    CurrencyRate rate;
    parse_rate_entry(f.value, '=', rate);
    set_rate(s.ledger.currency.rates, rate);
  } else if (f.flag == "--set") {
    const size_t eq = f.value.find('=');
    if (std::string e = set_setting(s, f.value.substr(0, eq), f.value.substr(eq + 1)); !e.empty())
      return "--set " + e;
  }
  return "";
}

bool is_setting_flag(const std::string& arg) {
  return arg == "--as-of" || arg == "--threshold" || arg == "--buckets" || arg == "--step" || arg == "--map" ||
         arg == "--allowance" || arg == "--lang" || arg == "--set" || arg == "--currency" || arg == "--rate";
}

}  // namespace

int parse_analyze_args(const std::vector<std::string>& args, AnalyzeArgs& a, bool& help) {
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
    if (arg == "--keep-drafts") {   // the same as --set import.keep_drafts=true, in flag order
      a.setting_flags.push_back({"--set", "import.keep_drafts=true"});
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
    const bool known = is_setting_flag(arg) || arg == "--json" || arg == "--settings" || arg == "--save-settings" ||
                       arg == "--csv-dir" || arg == "--report" || arg == "--letters" || arg == "--model" ||
                       arg == "--target" || arg == "--bad" || arg == "--sheet" || arg == "--monitor" ||
                       arg == "--monitor-by";
    if (!known) return usage_error("analyze: unknown option '" + args[i] + "'");
    if (!has_value) {
      if (i + 1 >= args.size()) return usage_error("analyze: " + arg + " needs a value");
      value = args[++i];
    }
    if (arg == "--sheet") {
      SheetChoice choice;
      if (std::string e = parse_sheet_choice(value, choice); !e.empty()) return usage_error("analyze: " + e);
      a.sheets.push_back(choice);
    } else if (is_setting_flag(arg)) {
      if (std::string e = check_flag(arg, value); !e.empty()) return usage_error("analyze: " + e);
      a.setting_flags.push_back({arg, value});
    } else {
      if (value.empty()) return usage_error("analyze: " + arg + " needs a file name");
      (arg == "--json"       ? a.json_out
       : arg == "--settings" ? a.settings_in
       : arg == "--csv-dir"  ? a.csv_dir
       : arg == "--report"   ? a.report_out
       : arg == "--letters"  ? a.letters_dir
       : arg == "--model"    ? a.model_file
       : arg == "--target"   ? a.model_target
       : arg == "--bad"      ? a.model_bad
       : arg == "--monitor"  ? a.model_monitor
       : arg == "--monitor-by" ? a.model_monitor_by
                             : a.settings_out) = value;
    }
  }
  if (a.paths.empty()) return usage_error("analyze: no files given");
  // The model lab runs only for the report's model section.
  if (!a.model_file.empty() && a.model_target.empty()) return usage_error("analyze: --model needs --target COLUMN");
  if (a.model_file.empty() && (!a.model_target.empty() || !a.model_bad.empty()))
    return usage_error("analyze: --target and --bad go with --model FILE");
  if (a.model_file.empty() && (!a.model_monitor.empty() || !a.model_monitor_by.empty()))
    return usage_error("analyze: --monitor and --monitor-by go with --model FILE");
  if (!a.model_file.empty() && a.report_out.empty()) return usage_error("analyze: --model is for the report: add --report FILE");
  return kExitOk;
}

const char* report_options_help() {
  return "report and letters (analyze):\n"
         "  --report FILE            write the HTML report (one file, no external reference, prints\n"
         "                           to A4) in the --lang language\n"
         "  --letters DIR            write one reminder letter (催款函) per overdue customer to DIR\n"
         "                           (NNN-ID.html, NNN = priority) and all of them in letters.html;\n"
         "                           templates from the settings file's \"letters\" object\n"
         "  --model FILE --target COLUMN [--bad VALUE]\n"
         "                           also run the model lab on FILE (as `model` does, default seed)\n"
         "                           and add its section to the --report\n"
         "  --monitor NEW, --monitor-by COLUMN\n"
         "                           with --model: add the stability of the file NEW (or of each\n"
         "                           month of the date COLUMN) to the model section, as `model` does\n";
}

int resolve_settings(const AnalyzeArgs& a, AnalysisSettings& out) {
  AnalysisSettings s;
  if (!a.settings_in.empty()) {
    std::string text;
    if (std::string e = read_text_file(a.settings_in, text); !e.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", a.settings_in.c_str(), e.c_str());
      return kExitBadInput;
    }
    const SettingsLoadResult r = load_settings_json(text, s);
    for (const std::string& w : r.warnings)
      std::fprintf(stderr, "overdue-lens: %s: warning: %s\n", a.settings_in.c_str(), w.c_str());
    if (!r.error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", a.settings_in.c_str(), r.error.c_str());
      return kExitBadInput;
    }
  }
  for (const AnalyzeArgs::SettingFlag& f : a.setting_flags)
    if (std::string e = apply_flag(f, s); !e.empty()) return usage_error("analyze: " + e);
  // The flags are checked one by one; this catches what only the whole can show (a --map column
  // that is not UTF-8, …).
  if (std::string e = validate_settings(s); !e.empty()) return usage_error("analyze: " + e);
  out = std::move(s);
  return kExitOk;
}

std::string setting_keys_help() {
  std::string text, line = "   ";
  for (const std::string& key : setting_keys()) {
    if (line.size() + key.size() + 1 > 94) {
      text += line + "\n";
      line = "   ";
    }
    line += " " + key;
  }
  return text + line + "\n";
}

}  // namespace overdue::cli
