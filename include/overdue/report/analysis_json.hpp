// The `analyze` JSON document (issue #3): the same bytes from the native CLI, the wasm CLI and the
// page's window.overdueLens.summary().analysis. Compact, keys in a fixed order, no trailing newline.
// Money: numbers in currency units with exactly two decimals (int64 cents written by hand, never
// through a double); dates "YYYY-MM-DD"; ratios and day averages rounded to fixed decimals.
#pragma once
#include "overdue/text/format.hpp"
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"

namespace overdue {

struct AnalysisResult;  // overdue/report/analysis_result.hpp

// {"as_of":…, "threshold_days":…, "step":…, "bucket_edges":[…], "rows":{…}, "totals":{…},
//  "aging":[…], "metrics":{…}, "customers":[…], "sales_reps":[…], "credits":[…], "trend":[…],
//  "rejected":[…], "assumptions":[…], "notes":[…],
//  then the classification (issue #4): "types":{…}, "priority":[…], "allowance":{…},
//  "contact_log":{…}, "settings":{the settings document in effect}}; each customer object ends
//  with its type, rule trace, scores, quadrant, priority, plan, allowance and contact summary.
//  See analysis_json.cpp and analysis_json_classify.cpp for every field.
//
// Of an AnalysisSession's result (overdue/session/session.hpp); result.settings is written as it is.
std::string analysis_json(const AnalysisResult& result);
// The same document handed to `sink` in pieces (about 1 MB each, in order) as it is written: the
// CLI streams a 1 M-row analysis (hundreds of MB) to its file without holding it whole.
using TextSink = std::function<void(std::string_view)>;
void write_analysis_json(const AnalysisResult& result, const TextSink& sink);

// Money, number and date text: overdue/text/format.hpp.
const char* replay_step_name(ReplayStep step);       // "day", "week", "month"

// At most this many rejected rows are listed ("rejected_total" gives the count of all).
constexpr size_t kMaxRejectedListed = 10000;

}  // namespace overdue
