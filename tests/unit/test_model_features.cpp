// Feature analysis (model_features.hpp): WoE/IV/information gain by hand, monotonic merging,
// minimum share, smoothing, missing and categorical bins, hand edits, correlation, selection.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "overdue/model/features.hpp"

using namespace overdue;

namespace {

// Rows with value x[k] repeated good[k] + bad[k] times (goods first).
struct Rows {
  std::vector<double> x;
  std::vector<uint8_t> y;
  RowSubset all;
  void add(double v, int good, int bad) {
    for (int i = 0; i < good + bad; ++i) {
      x.push_back(v);
      y.push_back(i >= good ? 1 : 0);
      all.push_back(static_cast<uint32_t>(all.size()));
    }
  }
};

}  // namespace

TEST_CASE("features: WoE, IV and information gain of a two-bin table by hand") {
  Rows r;
  r.add(1, 40, 10);
  r.add(2, 60, 40);
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all);
  REQUIRE(b.bins.size() == 2);
  CHECK(b.direction == 1);
  CHECK(b.bins[0].upper == 1);
  CHECK(std::isinf(b.bins[1].upper));
  CHECK(b.bins[0].label == "(-inf, 1]");
  CHECK(b.bins[1].label == "(1, +inf)");
  // %good = 40/100, %bad = 10/50 → ln 2;  60/100 vs 40/50 → ln 0.75.
  CHECK(b.bins[0].woe == doctest::Approx(std::log(2.0)));
  CHECK(b.bins[1].woe == doctest::Approx(std::log(0.75)));
  CHECK(b.iv == doctest::Approx(0.2 * std::log(2.0) - 0.2 * std::log(0.75)));
  CHECK(b.iv == doctest::Approx(0.196166).epsilon(1e-5));
  CHECK(b.strength == std::string("medium"));
  // H(1/3) − (1/3·H(0.2) + 2/3·H(0.4)) in bits.
  auto h = [](double p) { return -(p * std::log2(p) + (1 - p) * std::log2(1 - p)); };
  CHECK(b.info_gain == doctest::Approx(h(1.0 / 3) - (h(0.2) / 3 + 2 * h(0.4) / 3)));
  CHECK(b.info_gain == doctest::Approx(0.030353).epsilon(1e-4));
  CHECK(woe_of(b, 0.5) == doctest::Approx(std::log(2.0)));
  CHECK(woe_of(b, 1.0) == doctest::Approx(std::log(2.0)));
  CHECK(woe_of(b, 1.5) == doctest::Approx(std::log(0.75)));
  CHECK(woe_of(b, std::nan("")) == 0);  // no missing bin in training: neutral
}

TEST_CASE("features: IV strength labels") {
  CHECK(std::string(iv_strength(0.01)) == "useless");
  CHECK(std::string(iv_strength(0.05)) == "weak");
  CHECK(std::string(iv_strength(0.2)) == "medium");
  CHECK(std::string(iv_strength(0.4)) == "strong");
  CHECK(std::string(iv_strength(0.8)) == "suspicious");
}

TEST_CASE("features: bins merged until the bad rate is monotonic") {
  Rows r;
  r.add(1, 90, 10);  // 0.1
  r.add(2, 70, 30);  // 0.3
  r.add(3, 80, 20);  // 0.2  ← violates; pooled with 2 → 0.25
  r.add(4, 50, 50);  // 0.5
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all);
  REQUIRE(b.bins.size() == 3);
  CHECK(b.bins[0].upper == 1);
  CHECK(b.bins[1].upper == 3);
  CHECK(b.bins[1].bad_rate == doctest::Approx(0.25));
  for (size_t k = 1; k < b.bins.size(); ++k) CHECK(b.bins[k].bad_rate > b.bins[k - 1].bad_rate);
  // Falling trend: the same with x negated keeps 3 bins, rates falling.
  Rows n;
  for (size_t i = 0; i < r.x.size(); ++i) {
    n.x.push_back(-r.x[i]);
    n.y.push_back(r.y[i]);
    n.all.push_back(static_cast<uint32_t>(i));
  }
  const FeatureBinning f = bin_numeric("x", n.x, n.y, n.all);
  CHECK(f.direction == -1);
  REQUIRE(f.bins.size() == 3);
  for (size_t k = 1; k < f.bins.size(); ++k) CHECK(f.bins[k].bad_rate < f.bins[k - 1].bad_rate);
  CHECK(f.iv == doctest::Approx(b.iv));
  // Without the monotonic rule, the four values stay four bins.
  BinningOptions o;
  o.monotonic = false;
  CHECK(bin_numeric("x", r.x, r.y, r.all, o).bins.size() == 4);
}

TEST_CASE("features: the direction follows the ranks, not one extreme value") {
  // Regression (give-me-some-credit's utilisation): one good account at 10^7 makes the raw
  // Pearson r negative although the bad rate rises with x; the bins must still rise.
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 70, 30);
  r.add(3, 50, 50);
  r.add(1e7, 1, 0);
  double mx = 0, my = 0;
  for (size_t i = 0; i < r.x.size(); ++i) mx += r.x[i], my += r.y[i];
  mx /= r.x.size(), my /= r.x.size();
  double sxy = 0;
  for (size_t i = 0; i < r.x.size(); ++i) sxy += (r.x[i] - mx) * (r.y[i] - my);
  REQUIRE(sxy < 0);  // the raw correlation points the wrong way
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all);
  CHECK(b.direction == 1);
  REQUIRE(b.bins.size() == 3);
  CHECK(b.iv > 0.3);
}

TEST_CASE("features: a bin under the minimum share joins its closer neighbour") {
  Rows r;
  r.add(1, 450, 50);   // 0.10
  r.add(2, 8, 2);      // 0.20, 1 % of the rows
  r.add(3, 245, 245);  // 0.50
  // 100 pre-bins so that x = 2 gets an edge of its own (20 would step over its 10 rows).
  BinningOptions o;
  o.prebins = 100;
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, o);
  REQUIRE(b.bins.size() == 2);
  CHECK(b.bins[0].upper == 2);
  CHECK(b.bins[0].good == 458);
  CHECK(b.bins[0].bad == 52);
  o.min_share = 0.005;
  CHECK(bin_numeric("x", r.x, r.y, r.all, o).bins.size() == 3);
  o.prebins = 20;
  CHECK(bin_numeric("x", r.x, r.y, r.all, o).bins.size() == 2);
}

TEST_CASE("features: an empty cell is smoothed by 0.5; NaN gets a missing bin") {
  Rows r;
  r.add(1, 20, 0);
  r.add(2, 20, 20);
  r.add(std::nan(""), 10, 10);
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all);
  REQUIRE(b.bins.size() == 3);
  CHECK(b.bins[2].kind == WoeBin::Kind::missing);
  CHECK(b.bins[2].good == 10);
  // G = 50, B = 30: bin 1 → ln((20.5/50)/(0.5/30)).
  CHECK(b.bins[0].woe == doctest::Approx(std::log((20.5 / 50) / (0.5 / 30))));
  CHECK(std::isfinite(b.iv));
  CHECK(woe_of(b, std::nan("")) == doctest::Approx(std::log((10.0 / 50) / (10.0 / 30))));
}

TEST_CASE("features: categorical bins pool rare levels") {
  CategoricalFeature f;
  f.name = "grade";
  f.levels = {"A", "B", "C", "D"};
  std::vector<uint8_t> y;
  RowSubset all;
  auto add = [&](int32_t code, int good, int bad) {
    for (int i = 0; i < good + bad; ++i) {
      f.codes.push_back(code);
      y.push_back(i >= good);
      all.push_back(static_cast<uint32_t>(all.size()));
    }
  };
  add(0, 90, 10);
  add(1, 60, 40);
  add(2, 3, 2);   // rare (5 of 215 rows)
  add(3, 4, 6);   // 10 rows: 4.7 %, rare too
  add(-1, 5, 5);  // missing
  const FeatureBinning b = bin_categorical(f, y, all);
  REQUIRE(b.bins.size() == 4);
  CHECK(b.bins[0].label == "{A}");
  CHECK(b.bins[2].levels == std::vector<int32_t>{2, 3});
  CHECK(b.bins[2].label == "{C, D}");
  CHECK(b.bins[2].bad == 8);
  CHECK(b.rare_bin == 2);
  CHECK(b.bins[3].kind == WoeBin::Kind::missing);
  CHECK(bin_of(b, 3) == 2);
  CHECK(bin_of(b, std::nan("")) == 3);
}

TEST_CASE("features: merge and split by hand, then recount") {
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 70, 30);
  r.add(4, 50, 50);
  FeatureBinning b = bin_numeric("x", r.x, r.y, r.all);
  REQUIRE(b.bins.size() == 3);
  const double iv3 = b.iv;
  CHECK(merge_bins(b, 0).empty());
  REQUIRE(b.bins.size() == 2);
  CHECK(b.bins[0].good == 160);
  CHECK(b.iv < iv3);  // coarser bins never carry more information
  CHECK_FALSE(merge_bins(b, 1).empty());
  CHECK_FALSE(split_bin(b, 0, 5).empty());  // outside (−inf, 2]
  CHECK(split_bin(b, 0, 1.5).empty());
  recount_bins(b, r.x, r.y, r.all);
  REQUIRE(b.bins.size() == 3);
  CHECK(b.bins[0].good == 90);
  CHECK(b.bins[1].label == "(1.5, 2]");
  CHECK(b.iv == doctest::Approx(iv3));
}

TEST_CASE("features: correlation pairs and selection by IV, correlation and toggles") {
  FeatureMatrix m;
  m.names = {"a", "b", "c", "d"};
  m.columns = {{1, 2, 3, 4, 5}, {3, 5, 7, 9, 11.5}, {5, 4, 3, 2, 1}, {1, -1, 1, -1, 1}};
  const CorrelationResult c = correlation_matrix(m, RowSubset{0, 1, 2, 3, 4}, 0.7);
  CHECK(c.r[0][2] == doctest::Approx(-1));
  CHECK(c.r[0][0] == 1);
  REQUIRE(c.high.size() == 3);  // a–c (−1), then b–c and a–b (0.999…)
  CHECK(c.high[0].a == 0);
  CHECK(c.high[0].b == 2);
  CHECK(std::fabs(c.r[0][3]) < 0.7);

  std::vector<FeatureBinning> bins(4);
  const double ivs[4] = {0.30, 0.25, 0.10, 0.01};
  for (size_t k = 0; k < 4; ++k) bins[k].name = m.names[k], bins[k].iv = ivs[k];
  FeatureSelection s = select_features(bins, c);
  CHECK(s.selected == std::vector<std::string>{"a"});
  REQUIRE(s.dropped.size() == 3);
  CHECK(s.dropped[0].name == "b");
  CHECK(s.dropped[0].reason.find("with a") != std::string::npos);
  CHECK(s.dropped[2].reason.find("IV 0.0100") == 0);

  SelectionOptions o;
  o.force_in = {"d", "c"};
  o.force_out = {"a"};
  s = select_features(bins, c, o);
  // a out by hand; b and c correlated (0.99…): c forced in stays, b goes; d kept despite IV.
  CHECK(s.selected == std::vector<std::string>{"c", "d"});
  CHECK(s.dropped[0].reason == "forced out");
}
