// Reason codes, the SQL export and the card CSV (issue #21 §2) on a hand-built scorecard with
// range, special, level, rare and missing bins: ties, zero cost, fewer than three reasons, missing,
// special and unseen values. With OL_SQL_FIXTURE_DIR set, the fixture case also writes the card's
// SQL, the data as an "accounts" table and --score's output there, for tests/model/sql_check.py
// to run in SQLite.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/model/bin_edits.hpp"
#include "overdue/model/scorecard.hpp"
#include "overdue/model/scorecard_export.hpp"
#include "overdue/model/scorecard_reasons.hpp"

using namespace overdue;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

WoeBin range_bin(double lower, double upper) {
  WoeBin b;
  b.kind = WoeBin::Kind::range;
  b.lower = lower;
  b.upper = upper;
  b.label = "(" + std::to_string(lower) + ", " + std::to_string(upper) + "]";
  return b;
}
WoeBin special_bin(double code) {
  WoeBin b;
  b.kind = WoeBin::Kind::special;
  b.special = code;
  b.label = "special";
  return b;
}
WoeBin levels_bin(std::vector<int32_t> levels, std::string label) {
  WoeBin b;
  b.kind = WoeBin::Kind::levels;
  b.levels = std::move(levels);
  b.label = std::move(label);
  return b;
}
WoeBin missing_bin() {
  WoeBin b;
  b.kind = WoeBin::Kind::missing;
  b.label = "missing";
  return b;
}

ScorecardFeature feature(std::string name, std::vector<WoeBin> bins, std::vector<double> points,
                         double no_bin, bool categorical = false) {
  ScorecardFeature f;
  f.name = name;
  f.binning.name = std::move(name);
  f.binning.categorical = categorical;
  f.binning.bins = std::move(bins);
  for (size_t k = 0; k < points.size(); ++k)
    f.bins.push_back({f.binning.bins[k].label, 0, points[k], 0, 0});
  f.no_bin_points = no_bin;
  return f;
}

// util: ranges 30 / 20 / 10, special −2 → 25, missing → 5 (best 30).
// grade: {A,B} 40, {C} 30, rare {D} 20 (takes unseen levels), missing 10 (best 40).
// age: ranges 10 / 20, no missing bin: missing scores no-bin 15 (best 20).
Scorecard hand_card(bool rare_takes_unseen = true) {
  Scorecard c;
  c.base_score = 600;
  c.base_odds = 50;
  c.pdo = 20;
  c.factor = 20 / std::log(2.0);
  c.offset = 600 - c.factor * std::log(50.0);
  c.features.push_back(feature("util",
                               {range_bin(-kInf, 0.3), range_bin(0.3, 0.7), range_bin(0.7, kInf),
                                special_bin(-2), missing_bin()},
                               {30, 20, 10, 25, 5}, 15));
  ScorecardFeature grade = feature("grade",
                                   {levels_bin({0, 1}, "{A, B}"), levels_bin({2}, "{C}"),
                                    levels_bin({3}, "rare"), missing_bin()},
                                   {40, 30, 20, 10}, 25, true);
  grade.levels = {"A", "B", "C", "D"};
  grade.binning.rare_bin = rare_takes_unseen ? 2 : -1;
  c.features.push_back(grade);
  c.features.push_back(feature("age", {range_bin(-kInf, 30), range_bin(30, kInf)}, {10, 20}, 15));
  return c;
}

const char* kFile =
    "util,grade,age\n"
    "0.2,A,40\n"      // 1: every feature at its best: no reason
    "0.8,C,25\n"      // 2: costs 20, 10, 10: the tie goes to grade (earlier on the card)
    "-2,D,35\n"       // 3: special util (cost 5), rare grade (20), age 0: two reasons
    "NA,,\n"          // 4: all missing: util 25, grade 30, age no bin 5
    "0.5,Z,31\n"      // 5: unseen level → rare bin (20); util 10
    "0.5, C ,31\n"    // 6: util 10 and grade 10 tie: util first; the level is trimmed
    "0.3,null,30\n";  // 7: edges are right-closed (0.3 → first bin, 30 → first); null = missing

std::vector<std::string> reason_names(const Scorecard& c, const ScoredRecord& s) {
  std::vector<std::string> out;
  for (int r : s.reasons) out.push_back(r < 0 ? "" : c.features[static_cast<size_t>(r)].name);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE(
    "scorecard reasons: one rule for points, costs against the best bin, ties by card order") {
  const Scorecard c = hand_card();
  const ScorecardFeature& util = c.features[0];
  const ScorecardFeature& grade = c.features[1];
  const ScorecardFeature& age = c.features[2];
  CHECK(scorecard_feature_points(util, -2) == 25);   // special before the ranges
  CHECK(scorecard_feature_points(util, kNaN) == 5);  // its missing bin
  CHECK(scorecard_feature_points(util, 0.3) == 30);  // right-closed edge
  CHECK(scorecard_feature_points(util, 99) == 10);
  CHECK(scorecard_feature_points(grade, kUnseenLevel) == 20);  // unseen → rare bin
  CHECK(scorecard_feature_points(grade, kNaN) == 10);
  CHECK(scorecard_feature_points(age, kNaN) == 15);  // no missing bin: no-bin points
  CHECK(scorecard_best_points(util) == 30);
  CHECK(scorecard_best_points(age) == 20);
  CHECK(scorecard_cost_of_bin(util, 0) == 0);
  CHECK(scorecard_cost_of_bin(util, 3) == 5);
  CHECK(scorecard_cost_of_bin(age, -1) == 5);

  const ImportedFile f = import_bytes("hand.csv", kFile);
  REQUIRE(f.error.empty());
  std::string error;
  const std::vector<ScoredRecord> s = score_file_with_reasons(c, f, error);
  REQUIRE(error.empty());
  REQUIRE(s.size() == 7);
  CHECK(s[0].points == 90);
  CHECK(reason_names(c, s[0]) == Names{"", "", ""});
  CHECK(s[1].points == 50);
  CHECK(reason_names(c, s[1]) == Names{"util", "grade", "age"});
  CHECK(s[2].points == 65);
  CHECK(reason_names(c, s[2]) == Names{"grade", "util", ""});
  CHECK(s[3].points == 30);
  CHECK(reason_names(c, s[3]) == Names{"grade", "util", "age"});
  CHECK(s[4].points == 60);
  CHECK(reason_names(c, s[4]) == Names{"grade", "util", ""});
  CHECK(s[5].points == 70);
  CHECK(reason_names(c, s[5]) == Names{"util", "grade", ""});
  CHECK(s[6].points == 50);
  CHECK(reason_names(c, s[6]) == Names{"grade", "age", ""});
  for (size_t i = 0; i < s.size(); ++i) CHECK(s[i].record == i + 1);

  // The same points as scorecard_points_for_file, and the CSV's columns.
  const std::vector<double> pts = scorecard_points_for_file(c, f, error);
  REQUIRE(pts.size() == s.size());
  for (size_t i = 0; i < s.size(); ++i) CHECK(pts[i] == s[i].points);
  const std::string csv = scorecard_scores_csv(c, f, error);
  CHECK(csv.rfind("record,points,p_bad,reason_1,reason_2,reason_3\n1,90.00,", 0) == 0);
  CHECK(csv.find("\n2,50.00,") != std::string::npos);
  CHECK(csv.find(",util,grade,age\n") != std::string::npos);
  CHECK(csv.find(",grade,util,\n") != std::string::npos);
}

TEST_CASE("scorecard reasons: an unseen level without a rare bin scores no-bin points") {
  const Scorecard c = hand_card(false);
  const ImportedFile f = import_bytes("hand.csv", "util,grade,age\n0.2,Z,40\n");
  std::string error;
  const std::vector<ScoredRecord> s = score_file_with_reasons(c, f, error);
  REQUIRE(s.size() == 1);
  CHECK(s[0].points == 30 + 25 + 20);
  CHECK(reason_names(c, s[0]) == Names{"grade", "", ""});  // cost 40 − 25 = 15
}

TEST_CASE("scorecard reasons: a card with one feature, and a missing column") {
  Scorecard c = hand_card();
  c.features.resize(1);
  std::string error;
  const std::vector<ScoredRecord> s =
      score_file_with_reasons(c, import_bytes("a.csv", "util\n0.9\n0.1\n"), error);
  REQUIRE(s.size() == 2);
  CHECK(reason_names(c, s[0]) == Names{"util", "", ""});
  CHECK(reason_names(c, s[1]) == Names{"", "", ""});
  CHECK(score_file_with_reasons(hand_card(), import_bytes("b.csv", "util\n0.9\n"), error).empty());
  CHECK(error.find("'grade'") != std::string::npos);
}

TEST_CASE("scorecard SQL: portable shape, quoted identifiers, constants from the scoring rule") {
  Scorecard c = hand_card();
  c.features[2].name = "a\"ge";  // an embedded quote is doubled
  c.features[1].levels[3] = "D'x";  // and a quote in a text literal
  std::string error;
  const std::string sql = scorecard_sql(c, {"a\"ge"}, error);
  REQUIRE(error.empty());
  CHECK(sql.find("FROM \"accounts\"") != std::string::npos);
  CHECK(sql.find("\"a\"\"ge\"") != std::string::npos);
  CHECK(sql.find("days since 1970-01-01") != std::string::npos);
  CHECK(sql.find("CAST('-2' AS DOUBLE PRECISION)") != std::string::npos);
  CHECK(sql.find("CAST('0.29999999999999999' AS DOUBLE PRECISION)") !=
        std::string::npos);  // 17 digits
  CHECK(sql.find("IN ('A', 'B') THEN 0") != std::string::npos);
  CHECK(sql.find("IN ('D''x') THEN 2") != std::string::npos);
  CHECK(sql.find("ELSE 2 END") != std::string::npos);  // unseen level → the rare bin
  CHECK(sql.find("ORDER BY \"record\"") != std::string::npos);
  CHECK(sql.find("A higher score means a lower risk") != std::string::npos);
  for (const char* banned :
       {"GREATEST", "LEAST", "IIF", "ROW_NUMBER", "OVER (", "WITH ", "MAX(", "MIN("})
    CHECK_MESSAGE(sql.find(banned) == std::string::npos, banned);
  Scorecard empty;
  CHECK(scorecard_sql(empty, {}, error).empty());
  CHECK(!error.empty());
}

TEST_CASE("scorecard card CSV: BOM, English or Chinese headers, a no-bin row, the scaling") {
  const Scorecard c = hand_card();
  const std::string en = scorecard_card_csv(c, Lang::en);
  CHECK(en.rfind("\xEF\xBB\xBF"
                 "Feature,Bin,Points\n",
                 0) == 0);
  CHECK(en.find("util,special,25.0000\n") != std::string::npos);
  CHECK(en.find("util,no bin (WoE 0),15.0000\n") != std::string::npos);  // util has a missing bin
  CHECK(en.find("age,no bin (WoE 0): missing,15.0000\n") != std::string::npos);
  CHECK(en.find("grade,\"{A, B}\",40.0000\n") != std::string::npos);
  CHECK(en.find("(scaling),direction: a higher score means a lower risk,\n") != std::string::npos);
  CHECK(en.find("(scaling),PDO (points to double the odds),20\n") != std::string::npos);
  const std::string zh = scorecard_card_csv(hand_card(false), Lang::zh);
  CHECK(zh.rfind("\xEF\xBB\xBF特征,分箱,分数\n", 0) == 0);
  CHECK(zh.find("grade,无分箱（WoE 0）：训练中未见的取值,25.0000\n") != std::string::npos);
  CHECK(zh.find("方向：分数越高，风险越低") != std::string::npos);
}

// Writes the hand card's SQL, the hand file as rows of "accounts" (CSV: record + columns, empty =
// NULL) and --score's output for tests/model/sql_check.py (special, missing, unseen, text).
TEST_CASE("scorecard SQL fixture for sql_check.py (OL_SQL_FIXTURE_DIR)") {
  const char* dir = std::getenv("OL_SQL_FIXTURE_DIR");
  if (dir == nullptr) return;
  const Scorecard c = hand_card();
  std::string error;
  const ImportedFile f = import_bytes("hand.csv", kFile);
  const std::string dirs(dir);
  std::ofstream(dirs + "/hand.sql") << scorecard_sql(c, {}, error);
  std::ofstream(dirs + "/hand_scores.csv") << scorecard_scores_csv(c, f, error);
  std::ofstream(dirs + "/hand.csv") << kFile;
  REQUIRE(error.empty());
}
