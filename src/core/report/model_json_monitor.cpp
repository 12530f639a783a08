// The model JSON's stability monitoring (issue #21 §3; stability.hpp), written only when the
// caller filled ModelLab::monitoring:
//   monitoring {file, expected_records, actual_records, score_psi, band, bins [...],
//               features [{feature, csi, band, bins [...]}]}              (--monitor FILE)
//   monitoring_by {column, missing_dates, months [{month, records, score_psi, band, bins [...],
//                  features [...]}]}                                     (--monitor-by COLUMN)
// Score bins: {band, lower, upper, expected_count, actual_count, expected, actual, contribution},
// band 1 (the highest points) first, lower/upper the points range (lower, upper] (null = ±inf).
// Feature bins: {bin (the card's label, "no bin"), the same counts, shares and contribution}.
// Shares are fractions; "band" is stable / watch / shift (untranslated).
#include "report/model_json_internal.hpp"

namespace overdue::model_json_detail {
namespace {

void write_bin_numbers(JsonWriter& w, const StabilityBin& b) {
  w.key("expected_count").unsigned_integer(b.expected_count);
  w.key("actual_count").unsigned_integer(b.actual_count);
  number_key(w, "expected", b.expected);
  number_key(w, "actual", b.actual);
  number_key(w, "contribution", b.contribution);
}

void write_report(JsonWriter& w, const StabilityReport& r) {
  number_key(w, "score_psi", r.score.index);
  w.key("band").string(r.score.band);
  w.key("bins").begin_array();
  for (const StabilityBin& b : r.score.bins) {
    w.begin_object();
    w.key("band").integer(b.band);
    number_key(w, "lower", b.lower);
    number_key(w, "upper", b.upper);
    write_bin_numbers(w, b);
    w.end_object();
  }
  w.end_array();
  w.key("features").begin_array();
  for (const FeatureStability& f : r.features) {
    w.begin_object();
    w.key("feature").string(f.feature);
    number_key(w, "csi", f.csi.index);
    w.key("band").string(f.csi.band);
    w.key("bins").begin_array();
    for (const StabilityBin& b : f.csi.bins) {
      w.begin_object();
      w.key("bin").string(b.label);
      write_bin_numbers(w, b);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void write_monitoring(JsonWriter& w, const ModelLab& lab) {
  const LabMonitoring& m = lab.monitoring;
  if (m.has_file) {
    w.key("monitoring").begin_object();
    w.key("file").string(m.file);
    w.key("expected_records").unsigned_integer(m.report.expected_records);
    w.key("actual_records").unsigned_integer(m.report.actual_records);
    write_report(w, m.report);
    w.end_object();
  }
  if (m.has_by_month) {
    w.key("monitoring_by").begin_object();
    w.key("column").string(m.by_month.column);
    w.key("missing_dates").unsigned_integer(m.by_month.missing_dates);
    w.key("months").begin_array();
    for (const MonthStability& month : m.by_month.months) {
      w.begin_object();
      w.key("month").string(month.month);
      w.key("records").unsigned_integer(month.report.actual_records);
      write_report(w, month.report);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
}

}  // namespace overdue::model_json_detail
