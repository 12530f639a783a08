// Internal to the core: helpers shared by model_json.cpp and model_json_models.cpp.
#pragma once
#include <cmath>
#include <string>

#include "report/analysis_json_internal.hpp"
#include "overdue/model/lab.hpp"

namespace overdue::model_json_detail {

using analysis_detail::JsonWriter;
constexpr int kDecimals = 6;

inline void number(JsonWriter& w, double v, int decimals = kDecimals) {
  if (!std::isfinite(v)) w.null();
  else w.fixed(v, decimals);
}
inline void number_key(JsonWriter& w, const char* k, double v, int decimals = kDecimals) {
  w.key(k);
  number(w, v, decimals);
}

void write_models(JsonWriter& w, const ModelLab& lab);
void write_decisions(JsonWriter& w, const ModelLab& lab);
// Inside a feature's object: trend, special_codes (numeric) and the binning table (model_json_bins.cpp).
void write_binning_extras(JsonWriter& w, const ModelLab& lab, const FeatureBinning& b);
// issue #21 §2: "direction" and "scaling" of the scorecard (model_json_deploy.cpp).
void write_scorecard_direction(JsonWriter& w, const Scorecard& c);
void write_monitoring(JsonWriter& w, const ModelLab& lab);  // model_json_monitor.cpp

}  // namespace overdue::model_json_detail
