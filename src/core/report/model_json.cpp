// The model lab JSON (model_json.hpp): data, features, correlation, selection, PCA. The models
// and decisions are in model_json_models.cpp.
#include "overdue/report/model_json.hpp"

#include "report/model_json_internal.hpp"

namespace overdue {
namespace {

using model_json_detail::JsonWriter;
using model_json_detail::number;
using model_json_detail::number_key;

constexpr size_t kRejectedListed = 1000;

void write_data(JsonWriter& w, const ModelLab& lab, const std::string& file_name) {
  const ModelDataset& d = lab.data;
  w.key("file").string(file_name);
  w.key("target").begin_object();
  w.key("column").string(d.target_name);
  w.key("bad").string(d.bad_value);
  w.key("good").string(d.good_value);
  const uint64_t bads = d.bad_count();
  w.key("bads").unsigned_integer(bads);
  w.key("goods").unsigned_integer(d.rows() - bads);
  number_key(w, "bad_rate", d.rows() ? static_cast<double>(bads) / static_cast<double>(d.rows()) : 0);
  w.end_object();
  w.key("rows").begin_object();
  w.key("read").unsigned_integer(d.records_read);
  w.key("accepted").unsigned_integer(d.accepted);
  w.key("rejected").unsigned_integer(d.rejected_count);
  w.end_object();
  w.key("rejected").begin_array();
  for (size_t k = 0; k < d.rejected.size() && k < kRejectedListed; ++k) {
    w.begin_object();
    w.key("record").unsigned_integer(d.rejected[k].record);
    w.key("line").unsigned_integer(d.rejected[k].line);
    w.key("reason").string(d.rejected[k].reason);
    w.end_object();
  }
  w.end_array();
  w.key("identifiers").begin_array();
  for (const std::string& s : d.identifiers) w.string(s);
  w.end_array();

  w.key("split").begin_object();
  w.key("train").unsigned_integer(lab.split.train.size());
  w.key("test").unsigned_integer(lab.split.test.size());
  w.key("seed").unsigned_integer(lab.split.seed);
  number_key(w, "test_fraction", lab.split.test_fraction);
  uint64_t train_bads = 0, test_bads = 0;
  for (uint32_t i : lab.split.train) train_bads += d.target[i];
  for (uint32_t i : lab.split.test) test_bads += d.target[i];
  w.key("train_bads").unsigned_integer(train_bads);
  w.key("test_bads").unsigned_integer(test_bads);
  w.end_object();

  static const char* const kQ[7] = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};
  w.key("profile").begin_array();
  for (const ColumnProfile& p : lab.profile) {
    w.begin_object();
    w.key("name").string(p.name);
    w.key("kind").string(p.kind);
    if (!p.import_type.empty()) w.key("type").string(p.import_type);
    w.key("count").unsigned_integer(p.count);
    w.key("missing").unsigned_integer(p.missing);
    number_key(w, "missing_rate", p.missing_rate);
    w.key("distinct").unsigned_integer(p.distinct);
    if (p.kind == "numeric") {
      number_key(w, "min", p.min);
      for (int q = 0; q < 7; ++q) number_key(w, kQ[q], p.quantiles[q]);
      number_key(w, "max", p.max);
    }
    w.end_object();
  }
  w.end_array();

  w.key("imputation").begin_array();
  for (const ImputationReport& r : lab.imputation) {
    w.begin_object();
    w.key("name").string(r.name);
    w.key("method").string(r.method);
    if (r.method == "mode") w.key("value").string(r.level);
    else number_key(w, "value", r.value);
    w.key("imputed").unsigned_integer(r.imputed);
    w.end_object();
  }
  w.end_array();
  w.key("capping").begin_object();
  number_key(w, "low_quantile", lab.options.cap_low);
  number_key(w, "high_quantile", lab.options.cap_high);
  w.key("columns").begin_array();
  for (const CappingReport& r : lab.capping) {
    w.begin_object();
    w.key("name").string(r.name);
    number_key(w, "low", r.low);
    number_key(w, "high", r.high);
    w.key("capped_low").unsigned_integer(r.capped_low);
    w.key("capped_high").unsigned_integer(r.capped_high);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_features(JsonWriter& w, const ModelLab& lab) {
  w.key("features").begin_array();
  for (const FeatureBinning& b : lab.binnings) {
    w.begin_object();
    w.key("name").string(b.name);
    w.key("type").string(b.categorical ? "categorical" : "numeric");
    number_key(w, "iv", b.iv);
    number_key(w, "info_gain", b.info_gain);
    w.key("strength").string(b.strength);
    w.key("direction").integer(b.direction);
    bool selected = false;
    for (const std::string& s : lab.selection.selected) selected = selected || s == b.name;
    w.key("selected").boolean(selected);
    w.key("bins").begin_array();
    for (const WoeBin& bin : b.bins) {
      w.begin_object();
      w.key("label").string(bin.label);
      w.key("kind").string(bin.kind == WoeBin::Kind::range    ? "range"
                           : bin.kind == WoeBin::Kind::levels ? "levels"
                           : bin.kind == WoeBin::Kind::special ? "special" : "missing");
      if (bin.kind == WoeBin::Kind::range) {
        number_key(w, "lower", bin.lower);  // ±inf print as null
        number_key(w, "upper", bin.upper);
      }
      if (bin.kind == WoeBin::Kind::special) number_key(w, "special", bin.special);
      w.key("good").unsigned_integer(bin.good);
      w.key("bad").unsigned_integer(bin.bad);
      number_key(w, "share", bin.share);
      number_key(w, "bad_rate", bin.bad_rate);
      number_key(w, "woe", bin.woe);
      number_key(w, "iv", bin.iv);
      w.end_object();
    }
    w.end_array();
    model_json_detail::write_binning_extras(w, lab, b);  // issue #21 §1: trend, special_codes, table
    w.end_object();
  }
  w.end_array();

  const CorrelationResult& c = lab.correlation;
  w.key("correlation").begin_object();
  number_key(w, "threshold", lab.options.selection.max_correlation);
  w.key("names").begin_array();
  for (const std::string& n : c.names) w.string(n);
  w.end_array();
  w.key("matrix").begin_array();
  for (const std::vector<double>& row : c.r) {
    w.begin_array();
    for (double v : row) number(w, v, 4);
    w.end_array();
  }
  w.end_array();
  w.key("high_pairs").begin_array();
  for (const CorrelationPair& p : c.high) {
    w.begin_object();
    w.key("a").string(c.names[p.a]);
    w.key("b").string(c.names[p.b]);
    number_key(w, "r", p.r);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("selection").begin_object();
  number_key(w, "min_iv", lab.options.selection.min_iv);
  number_key(w, "max_correlation", lab.options.selection.max_correlation);
  w.key("selected").begin_array();
  for (const std::string& s : lab.selection.selected) w.string(s);
  w.end_array();
  w.key("dropped").begin_array();
  for (const DroppedFeature& d : lab.selection.dropped) {
    w.begin_object();
    w.key("name").string(d.name);
    w.key("reason").string(d.reason);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  const PcaResult& p = lab.pca;
  w.key("pca").begin_object();
  w.key("columns").begin_array();
  for (const std::string& n : p.names) w.string(n);
  w.end_array();
  w.key("explained_variance_ratio").begin_array();
  for (double v : p.explained_variance_ratio) number(w, v, 9);
  w.end_array();
  w.key("cumulative_ratio").begin_array();
  for (double v : p.cumulative_ratio) number(w, v, 9);
  w.end_array();
  w.key("loadings").begin_array();
  for (const std::vector<double>& row : p.loadings) {
    w.begin_array();
    for (double v : row) number(w, v, 6);
    w.end_array();
  }
  w.end_array();
  if (!p.ok()) w.key("error").string(p.error);
  w.end_object();
}

}  // namespace

std::string model_lab_json(const ModelLab& lab, const std::string& file_name) {
  JsonWriter w;
  w.begin_object();
  write_data(w, lab, file_name);
  write_features(w, lab);
  model_json_detail::write_models(w, lab);
  model_json_detail::write_decisions(w, lab);
  model_json_detail::write_monitoring(w, lab);
  w.end_object();
  return w.take();
}

}  // namespace overdue
