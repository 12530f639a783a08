// The binning part of the model JSON (issue #21 §1): per feature its trend, its special codes and
// its binning table (binning_table.hpp), written inside the feature's object by model_json.cpp.
#include <cstdio>

#include "overdue/model/binning_table.hpp"
#include "report/model_json_internal.hpp"

namespace overdue::model_json_detail {
namespace {

// p-values span many decades (1e-300 … 1): ten significant digits, so the model check can compare
// them with scipy to 1e-9 relative; fixed decimals would print most of them as 0.
void p_value(JsonWriter& w, double p) {
  if (p < 0 || !std::isfinite(p)) {
    w.null();
    return;
  }
  char text[40];
  std::snprintf(text, sizeof text, "%.9e", p);
  w.raw(text);
}

void table_row(JsonWriter& w, const BinningTableRow& r, bool with_test) {
  w.begin_object();
  w.key("bin").string(r.bin);
  w.key("count").unsigned_integer(r.count);
  number_key(w, "share", r.share);
  w.key("non_events").unsigned_integer(r.non_events);
  w.key("events").unsigned_integer(r.events);
  number_key(w, "event_rate", r.event_rate);
  number_key(w, "woe", r.woe);
  number_key(w, "iv", r.iv);
  number_key(w, "js", r.js);
  if (with_test) {
    w.key("p_value_next");
    p_value(w, r.p_value_next);
    w.key("merge_suggested").boolean(r.merge_suggested);
  }
  w.end_object();
}

}  // namespace

void write_binning_extras(JsonWriter& w, const ModelLab& lab, const FeatureBinning& b) {
  if (!b.categorical) {
    w.key("trend").string(bin_trend_name(b.trend));
    w.key("special_codes").begin_array();
    for (double code : lab.options.binning.specials_of(b.name)) number(w, code);
    w.end_array();
  }
  const BinningTable t = binning_table(b);
  w.key("table").begin_object();
  w.key("rows").begin_array();
  for (const BinningTableRow& r : t.rows) table_row(w, r, true);
  w.end_array();
  w.key("totals");
  table_row(w, t.totals, false);
  w.end_object();
}

}  // namespace overdue::model_json_detail
