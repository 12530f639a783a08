// Binning an analyst can trust (issue #21 §1): trends, special values, the rule for values
// training says nothing about, the binning table's JS and χ² p-values on hand counts.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "overdue/model/binning_table.hpp"
#include "overdue/model/features.hpp"
#include "overdue/model/special_suggest.hpp"
#include "overdue/report/binning_table_csv.hpp"

using namespace overdue;

namespace {

// Rows with value v repeated good + bad times (goods first).
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

// x = 1 … n, 100 rows each, bad per 100 as given.
Rows rated(const std::vector<int>& bad_per_100) {
  Rows r;
  for (size_t k = 0; k < bad_per_100.size(); ++k)
    r.add(static_cast<double>(k + 1), 100 - bad_per_100[k], bad_per_100[k]);
  return r;
}

BinningOptions with_trend(BinTrend t) {
  BinningOptions o;
  o.trends.push_back({"x", t});
  return o;
}

std::vector<double> uppers(const FeatureBinning& b) {
  std::vector<double> u;
  for (const WoeBin& w : b.bins)
    if (w.kind == WoeBin::Kind::range) u.push_back(w.upper);
  return u;
}

const double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("bins: trend names round-trip") {
  for (BinTrend t : {BinTrend::automatic, BinTrend::ascending, BinTrend::descending, BinTrend::peak,
                     BinTrend::valley, BinTrend::none}) {
    BinTrend back = BinTrend::none;
    REQUIRE(parse_bin_trend(bin_trend_name(t), back));
    CHECK(back == t);
  }
  BinTrend t = BinTrend::peak;
  CHECK_FALSE(parse_bin_trend("up", t));
  CHECK(t == BinTrend::peak);
}

TEST_CASE("bins: ascending and descending pool a peaked rate to one direction") {
  const Rows r = rated({10, 30, 50, 30, 10});
  // Rising: 0.1 | 0.3 0.5 0.3 0.1 pooled to 0.3 (ties pool too: the rise must be strict).
  const FeatureBinning up = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::ascending));
  CHECK(up.trend == BinTrend::ascending);
  CHECK(uppers(up) == std::vector<double>{1, kInf});
  CHECK(up.bins[1].bad_rate == doctest::Approx(0.3));
  // Falling: 0.1 0.3 0.5 0.3 pooled to 0.3 | 0.1.
  const FeatureBinning down = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::descending));
  CHECK(uppers(down) == std::vector<double>{4, kInf});
  CHECK(down.bins[0].bad_rate == doctest::Approx(0.3));
  CHECK(down.bins[1].bad_rate == doctest::Approx(0.1));
}

TEST_CASE("bins: peak and valley keep a shape that already rises then falls (or the reverse)") {
  const Rows p = rated({10, 30, 50, 30, 10});
  const FeatureBinning peak = bin_numeric("x", p.x, p.y, p.all, with_trend(BinTrend::peak));
  CHECK(uppers(peak) == std::vector<double>{1, 2, 3, 4, kInf});
  const Rows v = rated({50, 30, 10, 30, 50});
  const FeatureBinning valley = bin_numeric("x", v.x, v.y, v.all, with_trend(BinTrend::valley));
  CHECK(uppers(valley) == std::vector<double>{1, 2, 3, 4, kInf});
}

TEST_CASE("bins: peak keeps the split with the most IV") {
  // Rates 0.1 0.5 0.2 0.6 0.1. Splits k = 1, 2 give {1}{2}{3,4}{5} (0.1 0.5 0.4 0.1, IV 0.7598);
  // k = 3, 4 give {1}{2,3}{4}{5} (0.1 0.35 0.6 0.1, IV 0.8939): the second wins.
  const Rows r = rated({10, 50, 20, 60, 10});
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::peak));
  CHECK(uppers(b) == std::vector<double>{1, 3, 4, kInf});
  CHECK(b.iv == doctest::Approx(0.8939289928822045).epsilon(1e-9));
  // Valley on the same data: falls then rises once.
  const FeatureBinning v = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::valley));
  size_t k = 1;
  while (k < v.bins.size() && v.bins[k].bad_rate < v.bins[k - 1].bad_rate) ++k;
  while (k < v.bins.size() && v.bins[k].bad_rate > v.bins[k - 1].bad_rate) ++k;
  CHECK(k == v.bins.size());
}

TEST_CASE("bins: none keeps a zigzag, auto pools it in the measured direction") {
  const Rows r = rated({10, 50, 20, 40});
  const FeatureBinning none = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::none));
  CHECK(uppers(none) == std::vector<double>{1, 2, 3, kInf});
  const FeatureBinning automatic = bin_numeric("x", r.x, r.y, r.all);
  CHECK(automatic.trend == BinTrend::automatic);
  CHECK(automatic.direction == 1);
  CHECK(uppers(automatic) == std::vector<double>{1, 3, kInf});  // 0.1 | 0.5 0.2 → 0.35 | 0.4
  BinningOptions all_none;
  all_none.default_trend = BinTrend::none;
  CHECK(uppers(bin_numeric("x", r.x, r.y, r.all, all_none)) == std::vector<double>{1, 2, 3, kInf});
}

TEST_CASE("bins: the trend is set before the minimum share merges small bins") {
  // 0.1 (100) 0.5 (100) 0.2 (10 rows: under 5 % of 310) 0.4 (100): none leaves the zigzag, then the
  // 10-row bin joins the neighbour with the closer rate (0.4).
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 50, 50);
  r.add(3, 8, 2);
  r.add(4, 60, 40);
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, with_trend(BinTrend::none));
  CHECK(uppers(b) == std::vector<double>{1, 2, kInf});
}

TEST_CASE(
    "bins: special codes get their own bins, out of the ranges, the trend and the minimum share") {
  Rows r;
  r.add(-2, 9, 1);  // special: 10 rows, under the 5 % share, kept anyway
  r.add(1, 90, 10);
  r.add(2, 80, 20);
  r.add(3, 70, 30);
  r.add(std::nan(""), 5, 5);
  BinningOptions o;
  o.specials.push_back({"x", {99, -2}});
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, o);
  REQUIRE(b.bins.size() == 6);  // 3 ranges, = -2, = 99, missing
  CHECK(uppers(b) == std::vector<double>{1, 2, kInf});
  CHECK(b.bins[0].lower == -kInf);
  CHECK(b.bins[0].good + b.bins[0].bad == 100);  // -2's rows are not in the first range
  CHECK(b.bins[3].kind == WoeBin::Kind::special);
  CHECK(b.bins[3].special == -2);
  CHECK(b.bins[3].label == "= -2");
  CHECK(b.bins[3].good == 9);
  CHECK(b.bins[3].bad == 1);
  CHECK(b.bins[4].special == 99);
  CHECK(b.bins[4].good + b.bins[4].bad == 0);
  CHECK(b.bins[5].kind == WoeBin::Kind::missing);
  // bin_of: a special code exactly; anything else by range.
  CHECK(bin_of(b, -2) == 3);
  CHECK(bin_of(b, -2.5) == 0);
  CHECK(bin_of(b, 99) == 4);
  CHECK(bin_of(b, 98) == 2);
  // A recount (what a hand edit does) finds the same counts.
  FeatureBinning again = b;
  recount_bins(again, r.x, r.y, r.all);
  for (size_t k = 0; k < b.bins.size(); ++k) CHECK(again.bins[k].good == b.bins[k].good);
  // Same feature without specials: -2 is back in the first range.
  const FeatureBinning plain = bin_numeric("x", r.x, r.y, r.all);
  CHECK(plain.bins[0].good + plain.bins[0].bad == 110);
}

TEST_CASE("bins: merge refuses special and missing bins with a reason, split only takes ranges") {
  Rows r;
  r.add(-1, 50, 50);
  r.add(1, 90, 10);
  r.add(2, 70, 30);
  BinningOptions o;
  o.specials.push_back({"x", {-1, 7}});
  FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, o);
  REQUIRE(b.bins.size() == 4);  // (-inf,1] (1,+inf) =-1 =7
  CHECK(merge_bins(b, 1).find("special-value bin cannot be merged with a range bin") !=
        std::string::npos);
  CHECK(merge_bins(b, 2).find("one code each") != std::string::npos);
  CHECK(split_bin(b, 2, 0.5) == "only a value range can be split");
  CHECK(merge_bins(b, 0).empty());
  CHECK(b.bins.size() == 3);
  CHECK(b.bins[1].kind == WoeBin::Kind::special);
}

TEST_CASE("bins: values training says nothing about score WoE 0; missing keeps its training WoE") {
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 60, 40);
  r.add(std::nan(""), 10, 10);
  BinningOptions o;
  o.specials.push_back({"x", {-9}});
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, o);
  // The missing bin: 10/160 good vs 10/60 bad → WoE ln(0.375).
  CHECK(woe_of(b, std::nan("")) == doctest::Approx(std::log((10.0 / 160) / (10.0 / 60))));
  // The special code never seen in training: an empty bin, WoE 0 and IV 0.
  const int s = bin_of(b, -9);
  REQUIRE(s >= 0);
  CHECK(b.bins[static_cast<size_t>(s)].woe == 0);
  CHECK(b.bins[static_cast<size_t>(s)].iv == 0);
  CHECK(woe_of(b, -9) == 0);
  // No missing value in training: no missing bin, a missing value scores 0.
  Rows full;
  full.add(1, 90, 10);
  full.add(2, 60, 40);
  const FeatureBinning nb = bin_numeric("x", full.x, full.y, full.all);
  CHECK(bin_of(nb, std::nan("")) == -1);
  CHECK(woe_of(nb, std::nan("")) == 0);
}

TEST_CASE("bins: an unseen level scores with the rare levels, else WoE 0") {
  CategoricalFeature f;
  f.name = "c";
  f.levels = {"a", "b", "r"};
  std::vector<uint8_t> y;
  RowSubset all;
  auto add = [&](int32_t code, int good, int bad) {
    for (int i = 0; i < good + bad; ++i) {
      f.codes.push_back(code);
      y.push_back(i >= good ? 1 : 0);
      all.push_back(static_cast<uint32_t>(all.size()));
    }
  };
  add(0, 90, 10);
  add(1, 60, 40);
  add(2, 3, 3);  // rare: under 5 %, pooled
  FeatureBinning b = bin_categorical(f, y, all);
  REQUIRE(b.rare_bin >= 0);
  CHECK(bin_of(b, -1) ==
        b.rare_bin);  // -1: the code scorecard_points_for_file gives an unseen level
  CHECK(woe_of(b, -1) == b.bins[static_cast<size_t>(b.rare_bin)].woe);
  b.rare_bin = -1;
  CHECK(bin_of(b, -1) == -1);
  CHECK(woe_of(b, -1) == 0);
}

TEST_CASE("bins: Jensen-Shannon term and chi-square p-value by hand") {
  // p = 0.25, q = 0.5, m = 0.375.
  CHECK(jensen_shannon_term(0.25, 0.5) ==
        doctest::Approx(0.5 * (0.25 * std::log(0.25 / 0.375) + 0.5 * std::log(0.5 / 0.375))));
  CHECK(jensen_shannon_term(0.0, 0.5) == doctest::Approx(0.5 * 0.5 * std::log(2.0)));
  CHECK(jensen_shannon_term(0.3, 0.3) == 0);
  // [[10, 90], [30, 70]]: χ² = 200·(700 − 2700)² / (100·100·40·160) = 12.5; scipy's
  // chi2_contingency(correction=False) p = 0.00040695201744495946.
  CHECK(chi_square_p_value_2x2(10, 90, 30, 70) ==
        doctest::Approx(0.00040695201744495946).epsilon(1e-12));
  CHECK(chi_square_p_value_2x2(10, 90, 10, 90) == doctest::Approx(1.0));
  CHECK(chi_square_p_value_2x2(0, 90, 0, 70) == -1);  // no event in either: χ² undefined
}

TEST_CASE(
    "bins: the binning table tests neighbouring value bins only and flags the ones to merge") {
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 88, 12);  // hardly different from bin 1: p > 0.05
  r.add(3, 60, 40);
  r.add(-2, 20, 20);
  r.add(std::nan(""), 5, 5);
  BinningOptions o;
  o.specials.push_back({"x", {-2}});
  o.trends.push_back({"x", BinTrend::none});
  const FeatureBinning b = bin_numeric("x", r.x, r.y, r.all, o);
  REQUIRE(b.bins.size() == 5);
  const BinningTable t = binning_table(b);
  REQUIRE(t.rows.size() == 5);
  CHECK(t.rows[0].p_value_next == doctest::Approx(chi_square_p_value_2x2(10, 90, 12, 88)));
  CHECK(t.rows[0].merge_suggested);
  CHECK(t.rows[1].p_value_next < 0.05);
  CHECK_FALSE(t.rows[1].merge_suggested);
  CHECK(t.rows[2].p_value_next < 0);  // the next bin is a special one
  CHECK(t.rows[3].p_value_next < 0);
  CHECK(t.rows[4].p_value_next < 0);
  CHECK(t.totals.count == 350);
  CHECK(t.totals.events == 87);
  double js = 0;
  for (const BinningTableRow& row : t.rows) js += row.js;
  CHECK(t.totals.js == doctest::Approx(js));
  CHECK(t.rows[3].js == doctest::Approx(jensen_shannon_term(20.0 / 87, 20.0 / 263)));
  CHECK(t.totals.iv == doctest::Approx(b.iv));
}

TEST_CASE("bins: the binning tables CSV has a BOM, the headers of the language, a Totals row") {
  Rows r;
  r.add(1, 90, 10);
  r.add(2, 60, 40);
  const std::vector<FeatureBinning> bins = {bin_numeric("x", r.x, r.y, r.all)};
  const std::string en = binning_tables_csv(bins, Lang::en);
  CHECK(en.rfind("\xEF\xBB\xBF"
                 "Feature,Bin,Count,Share,Non-events,Events,Event rate,WoE,IV,JS,P-value next\r\n",
                 0) == 0);
  CHECK(en.find("x,\"(-inf, 1]\",100,0.500000,90,10,0.100000,") != std::string::npos);
  CHECK(en.find("\r\nx,Totals,200,1.000000,150,50,0.250000,,") != std::string::npos);
  const std::string zh = binning_tables_csv(bins, Lang::zh);
  CHECK(zh.find("特征,分箱") != std::string::npos);
  CHECK(zh.find("x,合计,200") != std::string::npos);
}

TEST_CASE("bins: special codes suggested at the edges of the range") {
  using Why = SpecialSuggestion::Why;
  auto rows_of = [](const std::vector<std::pair<double, int>>& counts, std::vector<double>& x,
                    RowSubset& all) {
    for (const auto& [v, c] : counts)
      for (int i = 0; i < c; ++i) x.push_back(v), all.push_back(static_cast<uint32_t>(all.size()));
  };
  {  // UCI's PAY_0: −2 and −1 are negative codes before 0 … 8 months late.
    std::vector<double> x;
    RowSubset all;
    rows_of({{-2, 2759},
             {-1, 5686},
             {0, 14737},
             {1, 3688},
             {2, 2667},
             {3, 322},
             {4, 76},
             {5, 26},
             {6, 11},
             {7, 9},
             {8, 19}},
            x, all);
    const std::vector<SpecialSuggestion> s = suggest_special_codes(x, all, {});
    REQUIRE(s.size() == 2);
    CHECK(s[0].code == -2);
    CHECK(s[0].why == Why::negative);
    CHECK(s[0].rows == 2759);
    CHECK(s[1].code == -1);
    // Already special: not suggested again.
    CHECK(suggest_special_codes(x, all, {-2}).size() == 1);
  }
  {  // give-me-some-credit's 30–59 days late: 96 and 98 far above 0 … 13.
    std::vector<double> x;
    RowSubset all;
    rows_of({{0, 1000}, {1, 300}, {2, 100}, {3, 40}, {13, 1}, {96, 5}, {98, 264}}, x, all);
    const std::vector<SpecialSuggestion> s = suggest_special_codes(x, all, {});
    REQUIRE(s.size() == 2);
    CHECK(s[0].code == 96);
    CHECK(s[0].why == Why::outlying);
    CHECK(s[1].code == 98);
    CHECK(s[1].why == Why::spike);  // 264 ≥ 5 × (5 + 1 + 40) / 3
  }
  {  // A spike at the top of a decimal column (9999 = unknown).
    std::vector<double> x;
    RowSubset all;
    rows_of({{0.5, 50}, {1.5, 60}, {2.5, 55}, {3.5, 20}, {4.5, 15}, {9999, 180}}, x, all);
    const std::vector<SpecialSuggestion> s = suggest_special_codes(x, all, {});
    REQUIRE(s.size() == 1);
    CHECK(s[0].code == 9999);
    CHECK(s[0].why == Why::spike);
  }
  {  // The lowest credit limit beside one odd value: the mean of three neighbours, no spike.
    std::vector<double> x;
    RowSubset all;
    rows_of({{10000, 342}, {16000, 2}, {20000, 1380}, {30000, 1100}, {50000, 2400}, {80000, 1100}},
            x, all);
    CHECK(suggest_special_codes(x, all, {}).empty());
  }
  {  // An ordinary spread (ages) and a column with 4 distinct values: nothing.
    std::vector<double> x;
    RowSubset all;
    rows_of({{21, 30}, {22, 40}, {23, 50}, {40, 60}, {60, 20}, {75, 3}}, x, all);
    CHECK(suggest_special_codes(x, all, {}).empty());
    std::vector<double> y;
    RowSubset few;
    rows_of({{-1, 500}, {0, 10}, {1, 10}, {2, 10}}, y, few);
    CHECK(suggest_special_codes(y, few, {}).empty());
  }
}
