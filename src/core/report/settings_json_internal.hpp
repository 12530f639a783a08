// The settings fields as one table (settings_json_fields.cpp), so that writing, reading, --set,
// the key list and the range checks cannot drift apart: a field added here is in all of them.
#pragma once
#include <string>
#include <vector>

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

}  // namespace overdue::settings_detail
