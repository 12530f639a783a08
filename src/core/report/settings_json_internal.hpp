// The settings fields as one table (settings_json_fields.cpp), so that writing, reading, --set,
// the key list and the range checks cannot drift apart: a field added here is in all of them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "overdue/report/settings_json.hpp"

namespace overdue::settings_detail {

enum class FieldKind {
  integer,          // int, range [lo, hi]
  number,           // double, range [lo, hi]
  language,         // Lang, spelt "zh" | "en" (lang_name, parse_lang)
  step,             // ReplayStep
  allowance_method, // AllowanceMethod
  date_or_null,     // int32_t days, kMissingDays = null (the latest date in the data)
  int_list,         // std::vector<int>
  bands,            // std::vector<AllowanceBand>
  boolean,          // bool; written only when true (an older document reads back unchanged)
  text,             // std::string; written only when not empty (the same)
  date_swap,        // bool keep: "swap" | "keep" (import.excel_date_swap); written only when keep
  text_size,        // int 0|1|2: "s" | "m" | "l" (ui.text_size); written only when not "s"
};

struct Field {
  const char* key;  // full key path in document order: "classify.on_time_tolerance_days"
  FieldKind kind;
  double lo, hi;    // integer and number only (also each element of an int_list)
  void* (*ref)(AnalysisSettings&);  // the member it reads and writes
};

// Every field, in document order (the order settings_json writes them).
const std::vector<Field>& fields();
const Field* find_field(const std::string& key);

// "classify.chronic_late_share: expected a number in [0, 1], got 1.5"
std::string range_error(const Field& f, double v);

// [SECTION] currency (settings_json_currency.cpp) -------------------------------------------------
// "currency": {"reporting": "USD", "rates": {"EUR": 7.8}}, written only when set (so settings
// files without currencies stay the same bytes); keys currency.reporting and currency.rates.
bool is_currency_key(std::string_view key);
std::vector<std::string> currency_keys();
nlohmann::ordered_json currency_settings_json(const CurrencySettings& c);
std::string read_currency_settings(const nlohmann::json& v, CurrencySettings& out, std::vector<std::string>& warnings);
std::string set_currency_setting(CurrencySettings& c, std::string_view key, std::string_view value);

}  // namespace overdue::settings_detail
