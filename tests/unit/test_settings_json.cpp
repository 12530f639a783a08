// The settings file (issue #4): round trip, key order, missing keys keep values, unknown keys warn,
// every error path names its key and leaves the settings unchanged, --set by key.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>
#include <string>

#include "overdue/report/analysis_json.hpp"
#include "overdue/report/settings_json.hpp"

using namespace overdue;

namespace {

// Every kind of field changed from its default, so a round trip that dropped one would show.
AnalysisSettings changed_settings() {
  AnalysisSettings s;
  s.language = Lang::en;
  s.monitor.as_of = iso_date_days("2024-06-30");
  s.monitor.threshold_days = 45;
  s.monitor.bucket_edges = {15, 45, 120};
  s.monitor.step = ReplayStep::month;
  s.monitor.dso_window_days = 60;
  s.monitor.top_n = 5;
  s.overdue.classify.good_record_on_time_share = 0.75;
  s.overdue.classify.stubborn_no_payment_days = 120;
  s.overdue.classify.rising_balance_factor = 1.25;
  s.overdue.scores.ability.recency = 12.5;
  s.overdue.scores.impact.revenue_share = 0;
  s.overdue.scores.share_cap = 0.1;
  s.overdue.allowance.method = AllowanceMethod::invoice_age_years;
  s.overdue.allowance.dpd_bands = {{"current", INT32_MIN, 50}, {"late", 1, 2500}, {"bad", 91, 10000}};
  s.overdue.allowance.age_bands = {{"young", 0, 100}, {"old", 2, 9000}};
  s.overdue.actions.grace_reminder_days_before_end = {10, 3, 1};
  s.overdue.actions.ladder_days = {2, 4, 8, 16, 32, 64};
  s.overdue.actions.installment_max_months = 24;
  s.overdue.actions.stubborn_limit_change_pct = -80;
  s.mappings = {{"", Role::customer_id, "客户编号"}, {"ar.csv", Role::due_date, "Due \"Date\""}};
  return s;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("settings: save then load gives equal settings (defaults and every field changed)") {
  for (const AnalysisSettings& original : {AnalysisSettings{}, changed_settings()}) {
    const std::string text = settings_json(original);
    CHECK(text.back() == '\n');
    AnalysisSettings loaded;  // starts from defaults: every changed value must come from the file
    const SettingsLoadResult r = load_settings_json(text, loaded);
    CHECK(r.error == "");
    CHECK(r.warnings.empty());
    CHECK(loaded == original);
    CHECK(settings_json(loaded) == text);  // and the same bytes again
    AnalysisSettings compact;
    CHECK(load_settings_json(settings_json_compact(original), compact).error == "");
    CHECK(compact == original);
  }
  CHECK(changed_settings() != AnalysisSettings{});
}

TEST_CASE("settings: document shape and key order") {
  const std::string text = settings_json(AnalysisSettings{});
  const auto doc = nlohmann::ordered_json::parse(text);
  std::vector<std::string> top;
  for (const auto& item : doc.items()) top.push_back(item.key());
  CHECK(top == std::vector<std::string>{"format", "version", "language", "analysis", "classify", "scores",
                                        "allowance", "actions", "mappings"});
  CHECK(doc["format"] == "overdue-lens-settings");
  CHECK(doc["version"] == 1);
  CHECK(doc["analysis"]["as_of"].is_null());
  CHECK(doc["analysis"]["threshold_days"] == 30);
  CHECK(doc["analysis"]["bucket_edges"] == nlohmann::json::parse("[30,60,90,180]"));
  CHECK(doc["analysis"]["step"] == "week");
  CHECK(doc["classify"]["stubborn_no_payment_days"] == 90);
  CHECK(doc["classify"]["good_record_on_time_share"] == 0.8);
  CHECK(doc["scores"]["ability"]["paid_ratio"] == 30.0);
  CHECK(doc["allowance"]["method"] == "dpd_bucket");
  CHECK(doc["allowance"]["dpd_bands"][0]["from"].is_null());
  CHECK(doc["allowance"]["dpd_bands"][1]["from"] == 1);
  CHECK(doc["allowance"]["age_bands"][3]["rate_bp"] == 5000);
  CHECK(doc["actions"]["ladder_days"] == nlohmann::json::parse("[1,3,7,14,21,45]"));
  CHECK(doc["mappings"].is_array());
  CHECK(text.find("\n  \"language\": \"zh\",\n") != std::string::npos);  // two-space indent
  CHECK(text.find("\n    \"bucket_edges\": [30, 60, 90, 180],\n") != std::string::npos);  // lists on one line
  CHECK(text.find("\n      {\"label\": \"not_due\", \"from\": null, \"rate_bp\": 100},\n") != std::string::npos);
  // Every key of setting_keys() is in the document, in the same order — the import keys (issue
  // #17) only once they are set, so documents written before them are written the same.
  CHECK(text.find("import") == std::string::npos);
  AnalysisSettings with_import;
  with_import.ledger.keep_drafts = true;
  with_import.ledger.receivables_account = "1122";
  const std::string full = settings_json(with_import);
  CHECK(full.find("\n  \"import\": {\n    \"keep_drafts\": true,\n    \"receivables_account\": \"1122\"\n  }") !=
        std::string::npos);
  AnalysisSettings read_back;
  CHECK(load_settings_json(full, read_back).error == "");
  CHECK(read_back == with_import);
  size_t last = 0;
  for (const std::string& key : setting_keys()) {
    if (key.rfind("import.", 0) == 0) continue;
    if (key.rfind("currency.", 0) == 0) continue;   // written only when set (test_currency.cpp)
    if (key.rfind("credit.", 0) == 0) continue;     // written only when set (test_disputes_effects.cpp)
    if (key.rfind("ui.", 0) == 0) continue;         // written only when not "s" (the ui.text_size test)
    const std::string leaf = "\"" + key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1) + "\"";
    const size_t at = text.find(leaf, last);
    CHECK_MESSAGE(at != std::string::npos, key);
    if (at != std::string::npos) last = at;
  }
}

TEST_CASE("settings: missing keys keep the caller's values; unknown keys are warnings") {
  AnalysisSettings s = changed_settings();
  const SettingsLoadResult r = load_settings_json(
      R"({"format":"overdue-lens-settings","version":1,"classify":{"stubborn_dpd":200,"shiny":1},"extra":[1]})", s);
  CHECK(r.error == "");
  CHECK(s.overdue.classify.stubborn_dpd == 200);
  CHECK(s.overdue.classify.stubborn_no_payment_days == 120);  // kept from changed_settings()
  CHECK(s.language == Lang::en);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0] == "unknown key 'classify.shiny' ignored");
  CHECK(r.warnings[1] == "unknown key 'extra' ignored");
  // A newer version is read with a warning.
  CHECK(load_settings_json(R"({"version":2})", s).warnings.size() == 1);
}

TEST_CASE("settings: every error names the key and leaves the settings unchanged") {
  const AnalysisSettings before = changed_settings();
  const std::string good = settings_json(AnalysisSettings{});
  struct Case {
    std::string from, to, error_start;
  };
  const Case cases[] = {
      {"\"threshold_days\": 30", "\"threshold_days\": \"30\"", "analysis.threshold_days: expected a whole number"},
      {"\"threshold_days\": 30", "\"threshold_days\": -1", "analysis.threshold_days: expected a whole number in [0, 100000], got -1"},
      {"\"threshold_days\": 30", "\"threshold_days\": 30.5", "analysis.threshold_days: expected a whole number"},
      {"\"threshold_days\": 30", "\"threshold_days\": 99999999999999", "analysis.threshold_days: expected a whole number in"},
      {"\"as_of\": null", "\"as_of\": \"2024-02-30\"", "analysis.as_of: expected a date"},
      {"\"step\": \"week\"", "\"step\": \"year\"", "analysis.step: expected \"day\" or \"week\" or \"month\""},
      {"\"bucket_edges\": [", "\"bucket_edges\": [200,", "analysis.bucket_edges: edges must be strictly increasing"},
      {"\"language\": \"zh\"", "\"language\": \"fr\"", "language: expected \"zh\" or \"en\""},
      {"\"good_record_on_time_share\": 0.8", "\"good_record_on_time_share\": 1.5",
       "classify.good_record_on_time_share: expected a number in [0, 1], got 1.5"},
      {"\"stubborn_no_payment_days\": 90", "\"stubborn_no_payment_days\": -5", "classify.stubborn_no_payment_days"},
      {"\"paid_ratio\": 30.0", "\"paid_ratio\": -1", "scores.ability.paid_ratio: expected a number in [0, 1000000]"},
      {"\"recency\": 20.0", "\"recency\": true", "scores.ability.recency: expected a number, got true"},
      {"\"classify\": {", "\"classify\": 3, \"x\": {", "classify: expected an object"},
      {"\"method\": \"dpd_bucket\"", "\"method\": \"fifo\"", "allowance.method: expected"},
      {"\"rate_bp\": 300", "\"rate_bp\": 10001", "allowance.dpd_bands[1].rate_bp: expected a whole number in [0, 10000]"},
      {"\"from\": 31", "\"from\": 1", "allowance.dpd_bands[2].from: band lower bounds must be strictly increasing"},
      {"\"from\": 1,", "\"from\": null,", "allowance.dpd_bands[1].from: only the first band may have no lower bound"},
      {"\"label\": \"<1y\"", "\"label\": \"\"", "allowance.age_bands[0].label: must not be empty"},
      {"\"installment_default_months\": 6", "\"installment_default_months\": 13",
       "actions.installment_default_months: must be ≤ installment_max_months (12), got 13"},
      {"\"ladder_days\": [1,", "\"ladder_days\": [5,", "actions.ladder_days: days must be strictly increasing"},
      {"\"format\": \"overdue-lens-settings\"", "\"format\": \"something-else\"", "format: expected"},
      {"\"mappings\": []", "\"mappings\": [{\"role\":\"colour\",\"column\":\"x\"}]", "mappings[0].role: unknown role 'colour'"},
      {"\"mappings\": []", "\"mappings\": {}", "mappings: expected a list"},
  };
  for (const Case& c : cases) {
    AnalysisSettings s = before;
    const SettingsLoadResult r = load_settings_json(replace(good, c.from, c.to), s);
    CHECK_MESSAGE(r.error.rfind(c.error_start, 0) == 0, c.to, " → ", r.error);
    CHECK_MESSAGE(s == before, c.to);
  }
  // Zero weights everywhere: the score would divide by zero.
  std::string zero = good;
  for (const char* w : {"\"overdue_amount\": 30.0", "\"overdue_share\": 20.0", "\"dpd_severity\": 30.0",
                        "\"revenue_share\": 20.0"})
    zero = replace(zero, w, std::string(w).substr(0, std::string(w).find(':')) + ": 0");
  AnalysisSettings s = before;
  CHECK(load_settings_json(zero, s).error == "scores.impact: the weights must add up to more than 0");
  CHECK(s == before);
  CHECK(load_settings_json("{\"classify\":", s).error.rfind("not valid JSON", 0) == 0);
  CHECK(load_settings_json("[1,2]", s).error.rfind("expected a JSON object", 0) == 0);
  // A number too large for a double is an error, not an exception (found by fuzzing).
  CHECK(load_settings_json("{\"analysis\":{\"threshold_days\":1E99999}}", s).error.rfind("not valid JSON", 0) == 0);
  CHECK(set_setting(s, "analysis.threshold_days", "1E99999") == "analysis.threshold_days: expected a number, got '1E99999'");
  CHECK(s == before);
}

TEST_CASE("settings: set_setting by key path") {
  AnalysisSettings s;
  CHECK(set_setting(s, "classify.stubborn_no_payment_days", "120") == "");
  CHECK(s.overdue.classify.stubborn_no_payment_days == 120);
  CHECK(set_setting(s, "classify.chronic_late_share", "0.6") == "");
  CHECK(s.overdue.classify.chronic_late_share == 0.6);
  CHECK(set_setting(s, "scores.impact.dpd_severity", "45") == "");
  CHECK(s.overdue.scores.impact.dpd_severity == 45.0);
  CHECK(set_setting(s, "analysis.as_of", "2024-06-30") == "");
  CHECK(s.monitor.as_of == iso_date_days("2024-06-30"));
  CHECK(set_setting(s, "analysis.as_of", "null") == "");
  CHECK(s.monitor.as_of == kMissingDays);
  CHECK(set_setting(s, "analysis.step", "day") == "");
  CHECK(s.monitor.step == ReplayStep::day);
  CHECK(set_setting(s, "analysis.bucket_edges", "10,20") == "");
  CHECK(s.monitor.bucket_edges == std::vector<int>{10, 20});
  CHECK(set_setting(s, "allowance.method", "invoice_age_years") == "");
  CHECK(s.overdue.allowance.method == AllowanceMethod::invoice_age_years);
  CHECK(set_setting(s, "allowance.dpd_bands", "cur::0,a:b:1:500,bad:91:10000") == "");
  REQUIRE(s.overdue.allowance.dpd_bands.size() == 3);
  CHECK(s.overdue.allowance.dpd_bands[0].from == INT32_MIN);
  CHECK(s.overdue.allowance.dpd_bands[1].label == "a:b");
  CHECK(s.overdue.allowance.dpd_bands[1].rate_bp == 500);
  CHECK(set_setting(s, "language", "en") == "");
  CHECK(s.language == Lang::en);

  const AnalysisSettings before = s;
  CHECK(set_setting(s, "classify.nope", "1").rfind("unknown setting 'classify.nope'", 0) == 0);
  CHECK(set_setting(s, "classify.stubborn_no_payment_days", "abc") ==
        "classify.stubborn_no_payment_days: expected a number, got 'abc'");
  CHECK(set_setting(s, "classify.stubborn_no_payment_days", "1.5").rfind(
            "classify.stubborn_no_payment_days: expected a whole number", 0) == 0);
  CHECK(set_setting(s, "classify.chronic_late_share", "2") ==
        "classify.chronic_late_share: expected a number in [0, 1], got 2");
  CHECK(set_setting(s, "actions.installment_min_months", "7") ==
        "actions.installment_min_months: must be ≤ installment_default_months (6), got 7");
  CHECK(set_setting(s, "analysis.bucket_edges", "30,x").rfind("analysis.bucket_edges: expected", 0) == 0);
  CHECK(set_setting(s, "allowance.age_bands", "young0").rfind("allowance.age_bands: expected LABEL:FROM:RATE_BP", 0) == 0);
  CHECK(set_setting(s, "analysis.step", "year").rfind("analysis.step: expected", 0) == 0);
  // A band label that is not UTF-8 could not be written back as it is (found by fuzzing).
  CHECK(set_setting(s, "allowance.dpd_bands", "n\xb0ot_due::100,1-30:1:300") ==
        "allowance.dpd_bands[0].label: not valid UTF-8 text");
  CHECK(s == before);
  AnalysisSettings bad_mapping = before;
  bad_mapping.mappings.push_back({"", Role::customer_id, "\xff\xfe"});
  CHECK(validate_settings(bad_mapping) == "mappings[0]: file and column must be valid UTF-8 text");
  CHECK(set_setting(s, "import.receivables_account", "\xff") == "import.receivables_account: not valid UTF-8 text");
  CHECK(set_setting(s, "import.keep_drafts", "maybe") == "import.keep_drafts: expected true or false, got 'maybe'");
  AnalysisSettings drafts;
  CHECK(set_setting(drafts, "import.keep_drafts", "true") == "");
  CHECK(drafts.ledger.keep_drafts);

  // Every listed key can be set to the value it already has (the text --set would take).
  for (const std::string& key : setting_keys()) {
    AnalysisSettings d;
    const auto doc = nlohmann::json::parse(settings_json(d));
    nlohmann::json v = doc;
    std::string rest = key;
    for (size_t dot; (dot = rest.find('.')) != std::string::npos; rest = rest.substr(dot + 1)) v = v[rest.substr(0, dot)];
    v = v[rest];
    std::string text;
    if (key == "import.keep_drafts") text = "false";   // not written at its default
    else if (key == "import.receivables_account") text = "";
    else if (key == "import.excel_date_swap") text = "swap";
    else if (key == "credit.warning_share") text = "0.9";   // not written at its default
    else if (key == "ui.text_size") text = "s";
    else if (v.is_string()) text = v.get<std::string>();
    else if (v.is_null()) text = "null";
    else if (v.is_array() && key.find("bands") != std::string::npos)
      for (const auto& b : v)
        text += (text.empty() ? "" : ",") + b["label"].get<std::string>() + ":" +
                (b["from"].is_null() ? "" : b["from"].dump()) + ":" + b["rate_bp"].dump();
    else if (v.is_array())
      for (const auto& x : v) text += (text.empty() ? "" : ",") + x.dump();
    else text = v.dump();
    CHECK_MESSAGE(set_setting(d, key, text) == "", key, "=", text);
    CHECK_MESSAGE(d == AnalysisSettings{}, key);
  }
}

TEST_CASE("settings: import.excel_date_swap is swap or keep, written only when keep (issue #18)") {
  AnalysisSettings s;
  CHECK(settings_json(s).find("excel_date_swap") == std::string::npos);
  CHECK(set_setting(s, "import.excel_date_swap", "keep") == "");
  CHECK(s.import.keep_swapped_dates);
  const std::string doc = settings_json(s);
  CHECK(doc.find("\"excel_date_swap\": \"keep\"") != std::string::npos);
  AnalysisSettings back;
  CHECK(load_settings_json(doc, back).error == "");
  CHECK(back.import.keep_swapped_dates);
  CHECK(set_setting(s, "import.excel_date_swap", "maybe") != "");
  CHECK(s.import.keep_swapped_dates);  // unchanged on error
  CHECK(set_setting(s, "import.excel_date_swap", "swap") == "");
  CHECK_FALSE(s.import.keep_swapped_dates);
}

TEST_CASE("settings: ui.text_size is s, m or l, written only when not s, kept by the loader (issue #22)") {
  AnalysisSettings s;
  CHECK(settings_json(s).find("text_size") == std::string::npos);   // default: the same bytes as before
  CHECK(set_setting(s, "ui.text_size", "l") == "");
  CHECK(s.ui.text_size == 2);
  const std::string doc = settings_json(s);
  CHECK(doc.find("\"ui\": {\n    \"text_size\": \"l\"\n  }") != std::string::npos);
  AnalysisSettings back;
  const SettingsLoadResult r = load_settings_json(doc, back);
  CHECK(r.error == "");
  CHECK(r.warnings.empty());
  CHECK(back.ui.text_size == 2);
  CHECK(back == s);
  CHECK(settings_json(back) == doc);   // round trip: the CLI keeps what the page wrote
  // A bad value is refused, naming the key and the choices; nothing changes.
  const std::string e = set_setting(s, "ui.text_size", "xl");
  CHECK(e.find("ui.text_size") != std::string::npos);
  CHECK(e.find("\"s\" or \"m\" or \"l\"") != std::string::npos);
  CHECK(s.ui.text_size == 2);
  AnalysisSettings bad;
  const SettingsLoadResult rb =
      load_settings_json(R"({"format":"overdue-lens-settings","version":1,"ui":{"text_size":3}})", bad);
  CHECK(rb.error.find("ui.text_size") != std::string::npos);
  CHECK(bad.ui.text_size == 0);
  CHECK(set_setting(s, "ui.text_size", "m") == "");
  CHECK(s.ui.text_size == 1);
}
