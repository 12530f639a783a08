// Fuzz target: the settings-file loader (load_settings_json) and set_setting.
//
// The input is a settings document, or "KEY=VALUE". Neither function may crash or let an
// exception out (libFuzzer reports an escaped exception as a crash: std::terminate aborts).
// Checks:
// - an error leaves the settings exactly as they were;
// - loaded settings pass validate_settings, and writing them and loading the text again gives the
//   same settings (the file format round-trips whatever was accepted);
// - set_setting, with the input split at the first '=' or with the whole input as the value of
//   one real key (picked from the input's hash), changes nothing on error and keeps the settings
//   valid on success.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "overdue/report/settings_json.hpp"

using namespace overdue;

namespace {

void check_round_trip(const AnalysisSettings& s) {
  const std::string problem = validate_settings(s);
  FUZZ_CHECK(problem.empty(), "accepted settings fail validation: " + problem);
  const std::string text = settings_json(s);
  AnalysisSettings again;
  const SettingsLoadResult r = load_settings_json(text, again);
  FUZZ_CHECK(r.error.empty(), "written settings do not load: " + r.error + "\n" + text);
  FUZZ_CHECK(r.warnings.empty(), "written settings warn: " + r.warnings.front());
  FUZZ_CHECK(again == s, "settings do not round-trip:\n" + text + "----\n" + settings_json(again));
  AnalysisSettings compact;
  FUZZ_CHECK(load_settings_json(settings_json_compact(s), compact).error.empty() && compact == s,
             "compact settings do not round-trip");
}

void check_set(std::string_view key, std::string_view value) {
  AnalysisSettings s;
  const AnalysisSettings before = s;
  const std::string error = set_setting(s, key, value);
  if (!error.empty()) {
    FUZZ_CHECK(s == before, "set_setting changed the settings on error: " + error);
    return;
  }
  check_round_trip(s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_view(data, size);

  AnalysisSettings s;
  const AnalysisSettings defaults = s;
  const SettingsLoadResult r = load_settings_json(text, s);
  if (!r.error.empty()) {
    FUZZ_CHECK(s == defaults, "load_settings_json changed the settings on error: " + r.error);
  } else {
    check_round_trip(s);
  }

  const size_t eq = text.find('=');
  if (eq != std::string_view::npos) check_set(text.substr(0, eq), text.substr(eq + 1));
  static const std::vector<std::string> keys = setting_keys();
  if (!keys.empty()) check_set(keys[fuzz::hash(text) % keys.size()], text);
  return 0;
}
