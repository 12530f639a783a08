// The settings file (issue #4): everything the user can set — monitoring options, classification
// thresholds, score weights, allowance method and bands, action parameters, language, column-role
// overrides — and no data. One format shared by the CLI (`analyze --settings FILE`,
// `--save-settings FILE`, `--set KEY=VALUE`) and the page (save/load, localStorage).
//
// Document (keys always written in this order, pretty-printed with two spaces — number lists and
// each band or mapping on one line — ends with "\n"):
//   {"format":"overdue-lens-settings","version":1,"language":"zh",
//    "analysis":{"as_of":null|"YYYY-MM-DD","threshold_days":30,"bucket_edges":[30,60,90,180],
//                "step":"week","dso_window_days":90,"top_n":10},
//    "classify":{every ClassifySettings field by its C++ name},
//    "scores":{"ability":{AbilityWeights by name},"impact":{ImpactWeights by name},
//              "recency_horizon_days":..,"share_cap":..,"severity_dpd_cap":..,"high_ability":..,"high_impact":..},
//    "allowance":{"method":"dpd_bucket"|"invoice_age_years",
//                 "dpd_bands":[{"label":"not_due","from":null,"rate_bp":100},{"label":"1-30","from":1,..},..],
//                 "age_bands":[{"label":"<1y","from":0,"rate_bp":500},..]},
//    "actions":{every ActionSettings field by its C++ name},
//    "mappings":[{"file":"","role":"customer_id","column":"客户编号"}],  (+ "signature":"…" for a
//               mapping remembered by the page for files with that header, role_overrides.hpp)
//    "letters":{"temporary":"…","structural":"…","stubborn":"…","company":"…","contact":"…"},
//    "credit":{"warning_share":0.9}}   (written only when not the default 0.9, like "import")
// "letters" (issue #6, letters.hpp) is written only when one of its texts is set, so a settings
// file without edited templates is the same bytes as before it existed; "" = the default.
// A band "from" of null means "no lower bound" (INT32_MIN); only the first band may have it.
//
// Loading starts from the caller's settings: a key missing from the file keeps its value, so an
// old file stays valid when a setting is added. Unknown keys are warnings (a newer file read by an
// older build); a wrong type or a value out of range is an error naming the key path
// ("classify.chronic_late_share: expected a number in [0, 1], got 1.5") and changes nothing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/report/letters.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {

constexpr const char* kSettingsFormat = "overdue-lens-settings";
constexpr int kSettingsVersion = 1;

struct AnalysisSettings {               // everything the user can set, no data
  MonitorOptions monitor;               // as_of (kMissingDays = latest date), threshold, buckets, step, DSO window, top N
  OverdueSettings overdue;              // classify thresholds, score weights, allowance method + bands, actions
  Lang language = Lang::zh;             // written "zh" | "en" (lang_name)
  std::vector<RoleOverride> mappings;   // --map overrides
  LetterTemplates letters;              // reminder-letter templates (empty = the defaults)
  // What the ledger is built with (issue #17): import.keep_drafts, import.receivables_account,
  // currency.reporting, currency.rates. terms_days_default is not a setting (yet).
  LedgerOptions ledger;
  // How files are read (issue #18): import.excel_date_swap = swap (default) | keep.
  struct Import {
    bool keep_swapped_dates = false;
  } import;
  // Credit limits (issue #20 §4, classify/credit.hpp): credit.warning_share in [0, 1] — a customer
  // whose open amount reaches this share of its credit limit is listed as near it.
  struct Credit {
    double warning_share = 0.9;
  } credit;
  // The page's text size (issue #22): ui.text_size = "s" (default, the original size) | "m" | "l".
  // The CLI has no text to size; it reads and keeps the key so one settings file serves both.
  struct Ui {
    int text_size = 0;  // 0 = s, 1 = m, 2 = l
  } ui;
};

bool operator==(const AnalysisSettings& a, const AnalysisSettings& b);  // every field (for round-trip tests)
inline bool operator!=(const AnalysisSettings& a, const AnalysisSettings& b) { return !(a == b); }

// The settings document, pretty-printed, stable key order, ends with "\n". Locale-free: the same
// bytes natively and in wasm. Doubles are written with the shortest text that reads back equal.
std::string settings_json(const AnalysisSettings& s);
// The same document compact (one line, no trailing newline), for embedding in the analysis JSON.
std::string settings_json_compact(const AnalysisSettings& s);

struct SettingsLoadResult {
  std::string error;                    // empty: loaded; else what is wrong, naming the key path
  std::vector<std::string> warnings;    // unknown keys ("unknown key 'classify.foo' ignored")
};

// Reads a settings document over `out` (see the header comment). On error `out` is unchanged.
SettingsLoadResult load_settings_json(std::string_view text, AnalysisSettings& out);

// Sets one value by key path: set_setting(s, "classify.stubborn_no_payment_days", "120").
// Scalars take their text ("0.8", "120", "week", "2024-06-30", "null" for as_of); lists take
// comma-separated numbers ("30,60,90,180", "1,3,7,14"); allowance bands take
// "label:from:rate_bp,…" ("not_due::100,1-30:1:300,…", empty from = no lower bound). The whole
// settings are validated after the change. Returns "" on success, else the error (and `s` unchanged).
std::string set_setting(AnalysisSettings& s, std::string_view key, std::string_view value);

// Every key set_setting accepts, in document order ("language", "analysis.as_of", …,
// "classify.on_time_tolerance_days", …, "scores.ability.paid_ratio", …, "allowance.method", …).
std::vector<std::string> setting_keys();

// Checks every range (shares in [0, 1], days ≥ 0, weights ≥ 0 with a positive sum per score,
// band "from" strictly increasing, rate_bp in [0, 10000], ladder days > 0 strictly increasing,
// installment min ≤ default ≤ max, …). Returns "" or the first problem, naming the key path.
std::string validate_settings(const AnalysisSettings& s);

}  // namespace overdue
