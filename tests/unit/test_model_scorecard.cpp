// The scorecard (model_scorecard.hpp) and the whole lab (model_lab.hpp, model_json.hpp) on a
// generated file with a planted signal: points scaling by hand, points ↔ probability, scoring
// another file, determinism of the JSON and the step-by-step run.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/report/model_json.hpp"
#include "overdue/model/lab.hpp"
#include "overdue/model/random.hpp"
#include "overdue/model/scorecard.hpp"

using namespace overdue;

namespace {

// 2,000 accounts: P(bad) = σ(−2 + 2.5·util − 0.02·(age − 40) + grade effect); income has 5 %
// missing cells (NA); a column "id" of distinct integers.
std::string generated_csv(uint64_t seed, bool with_target = true) {
  SplitMix64 rng(seed);
  std::string s = with_target ? "id,util,age,income,grade,bad\n" : "grade,income,age,util,id\n";
  const char* grades[4] = {"A", "B", "C", "D"};
  const double grade_effect[4] = {-0.8, -0.2, 0.3, 1.0};
  for (int i = 0; i < 2000; ++i) {
    const double util = rng.uniform();
    const int age = 20 + static_cast<int>(rng.below(50));
    const int g = static_cast<int>(rng.below(4));
    const bool income_missing = rng.uniform() < 0.05;
    const int income = 2000 + static_cast<int>(rng.below(8000));
    const double z = -2 + 2.5 * util - 0.02 * (age - 40) + grade_effect[g];
    const bool bad = rng.uniform() < 1 / (1 + std::exp(-z));
    char util_text[32];
    std::snprintf(util_text, sizeof util_text, "%.4f", util);
    const std::string inc = income_missing ? "NA" : std::to_string(income);
    if (with_target)
      s += std::to_string(100000 + i) + "," + util_text + "," + std::to_string(age) + "," + inc + "," +
           grades[g] + "," + (bad ? "1" : "0") + "\n";
    else
      s += std::string(grades[g]) + "," + inc + "," + std::to_string(age) + "," + util_text + "," +
           std::to_string(100000 + i) + "\n";
  }
  return s;
}

ModelLab lab_of(const ImportedFile& f) {
  ModelLabOptions o;
  o.data.target = "bad";
  return run_model_lab(f, o);
}

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace

TEST_CASE("scorecard: scaling constants and points ↔ probability by hand") {
  Scorecard c;
  c.factor = 20 / std::log(2.0);
  c.offset = 600 - c.factor * std::log(50.0);
  CHECK(c.factor == doctest::Approx(28.853901));
  CHECK(c.offset == doctest::Approx(487.122876));
  // 600 points = odds 50:1 good:bad; +20 points doubles the odds.
  CHECK(points_to_bad_probability(c, 600) == doctest::Approx(1.0 / 51));
  CHECK(points_to_bad_probability(c, 620) == doctest::Approx(1.0 / 101));
  CHECK(points_to_bad_probability(c, 580) == doctest::Approx(1.0 / 26));
}

TEST_CASE("scorecard: points add up to the logistic model on WoE, bins ordered by risk") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(11));
  REQUIRE(f.error.empty());
  const ModelLab lab = lab_of(f);
  REQUIRE_MESSAGE(lab.error.empty(), lab.error);
  CHECK(lab.data.identifiers == std::vector<std::string>{"id"});
  const Scorecard& c = lab.scorecard;
  REQUIRE(c.ok());
  REQUIRE(!c.features.empty());
  CHECK(c.factor == doctest::Approx(20 / std::log(2.0)));
  // Every selected feature with a real signal gets a negative β on WoE (higher WoE = safer).
  for (const ScorecardFeature& sf : c.features) CHECK_MESSAGE(sf.sign_ok, sf.name);
  // util: WoE falls as util rises (more bads), so points fall bin by bin.
  const ScorecardFeature* util = nullptr;
  for (const ScorecardFeature& sf : c.features)
    if (sf.name == "util") util = &sf;
  REQUIRE(util != nullptr);
  REQUIRE(util->bins.size() >= 3);
  for (size_t k = 1; k < util->bins.size(); ++k) CHECK(util->bins[k].points < util->bins[k - 1].points);
  // Score = offset − factor · (α + Σ β·WoE); P(bad) from the points = the model's σ(α + Σ β·WoE).
  const std::vector<double> p_model = predict_logistic(c.model, lab.woe, lab.split.test);
  const std::vector<double> pts = scorecard_points(c, lab.woe, lab.split.test);
  for (size_t k = 0; k < pts.size(); k += 97) {
    CHECK(points_to_bad_probability(c, pts[k]) == doctest::Approx(p_model[k]).epsilon(1e-9));
    double z = c.intercept;
    for (size_t j = 0; j < c.features.size(); ++j)
      z += c.features[j].coefficient * lab.woe.columns[c.model.columns[j]][lab.split.test[k]];
    CHECK(pts[k] == doctest::Approx(c.offset - c.factor * z));
    CHECK(p_model[k] == doctest::Approx(sigmoid(z)));
  }
  CHECK(c.min_points <= c.max_points);
  // The planted signal is found: test AUC of every model well above chance.
  CHECK(lab.scorecard_eval.test.auc > 0.68);
  CHECK(lab.logistic_eval.test.auc > 0.6);  // numeric only: grade is not in it
  CHECK(lab.tree_eval.test.auc > 0.6);
}

TEST_CASE("scorecard: scoring another file with the same columns in another order") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(11));
  const ModelLab lab = lab_of(f);
  REQUIRE(lab.error.empty());
  // Same generator and seed, columns reordered, no target: the same accounts.
  const ImportedFile other = import_bytes("other.csv", generated_csv(11, false));
  REQUIRE(other.error.empty());
  std::string error;
  const std::vector<double> pts = scorecard_points_for_file(lab.scorecard, other, error);
  REQUIRE(error.empty());
  REQUIRE(pts.size() == 2000);
  RowSubset all;
  for (uint32_t i = 0; i < 2000; ++i) all.push_back(i);
  const std::vector<double> expected = scorecard_points(lab.scorecard, lab.woe, all);
  for (size_t i = 0; i < pts.size(); ++i) CHECK(pts[i] == doctest::Approx(expected[i]));
  // A missing column is an error.
  const ImportedFile less = import_bytes("less.csv", "age,util\n30,0.5\n");
  CHECK(scorecard_points_for_file(lab.scorecard, less, error).empty());
  CHECK(error.find("is not in less.csv") != std::string::npos);
}

TEST_CASE("model lab: deterministic JSON, step by step = all at once, and its required keys") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(5));
  const ModelLab a = lab_of(f);
  REQUIRE(a.error.empty());
  ModelLabOptions options;
  options.data.target = "bad";
  ModelLabJob job(f, options);
  int steps = 1;  // a lab step per budget unit
  for (Budget one{1}; job.step(one) == Step::more; one = Budget{1}) ++steps;
  CHECK(steps == model_lab_step_count());
  CHECK(job.progress() == 1.0);
  const ModelLab b = job.take();
  CHECK(b.error.empty());
  const std::string ja = model_lab_json(a, "gen.csv"), jb = model_lab_json(b, "gen.csv");
  CHECK(ja == jb);
  for (const char* key : {"\"split\":{\"train\":1400,\"test\":600,\"seed\":42", "\"features\":[{\"name\":\"util\",\"type\":\"numeric\",\"iv\":",
                          "\"info_gain\":", "\"pca\":{\"columns\":", "\"explained_variance_ratio\":[",
                          "\"models\":{\"logistic\":{\"auc\":", "\"scorecard\":{\"auc\":", "\"tree\":{\"auc\":",
                          "\"l2\":0.000100000", "\"gini\":", "\"f1\":", "\"threshold\":", "\"decisions\":{",
                          "\"identifiers\":[\"id\"]", "\"imputation\":[{\"name\":\"income\",\"method\":\"median\""})
    CHECK_MESSAGE(ja.find(key) != std::string::npos, std::string(key));
  // Another seed, another split.
  ModelLabOptions o;
  o.data.target = "bad";
  o.seed = 43;
  CHECK(model_lab_json(run_model_lab(f, o), "gen.csv") != ja);
}

TEST_CASE("model lab: bad target choices stop with the reason") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(5));
  ModelLabOptions o;
  o.data.target = "grade";  // A/B/C/D without --bad
  ModelLab lab = run_model_lab(f, o);
  CHECK(lab.usage_error);
  CHECK(lab.next_step == 1);
  o.data.target = "nope";
  CHECK(run_model_lab(f, o).usage_error);
}

TEST_CASE("model lab: k-fold cross-validation on the training rows") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(5));
  ModelLabOptions o;
  o.data.target = "bad";
  o.folds = 3;
  const ModelLab lab = run_model_lab(f, o);
  REQUIRE(lab.error.empty());
  const CrossValidation& cv = lab.cross_validation;
  CHECK(cv.folds == 3);
  REQUIRE(cv.logistic_auc.size() == 3);
  REQUIRE(cv.scorecard_auc.size() == 3);
  for (double a : cv.scorecard_auc) CHECK(a > 0.65);
  CHECK(cv.scorecard_mean == doctest::Approx((cv.scorecard_auc[0] + cv.scorecard_auc[1] + cv.scorecard_auc[2]) / 3));
  CHECK(cv.scorecard_sd > 0);
  CHECK(lab.unimputed.rows() == 0);  // released after use
  const std::string json = model_lab_json(lab, "gen.csv");
  CHECK(json.find("\"cross_validation\":{\"folds\":3,\"logistic_auc\":[") != std::string::npos);
  // Without folds, no such key, and the other figures are unchanged.
  o.folds = 0;
  const std::string plain = model_lab_json(run_model_lab(f, o), "gen.csv");
  CHECK(plain.find("cross_validation") == std::string::npos);
  CHECK(plain.find("\"models\":") != std::string::npos);
  CHECK(plain.substr(plain.find("\"models\":"), 400) == json.substr(json.find("\"models\":"), 400));
}

TEST_CASE("scorecard: an unseen level scores like the pooled rare levels; record numbers") {
  // Grades E and F are 3 % of the rows each: pooled into one rare bin of 6 % (≥ the 5 % minimum,
  // so it stays a bin of its own), as risky as B.
  SplitMix64 rng(9);
  std::string text = "util,grade,bad\n";
  for (int i = 0; i < 1000; ++i) {
    const double u = rng.uniform();
    const char* g = i % 100 < 3 ? "E" : (i % 100 < 6 ? "F" : (i % 2 ? "A" : "B"));
    const bool bad = rng.uniform() < (g[0] == 'A' ? 0.15 : 0.4) + 0.4 * u;
    char line[64];
    std::snprintf(line, sizeof line, "%.4f,%s,%d\n", u, g, bad ? 1 : 0);
    text += line;
  }
  const ModelLab lab = lab_of(import_bytes("rare.csv", text));
  REQUIRE(lab.error.empty());
  const ScorecardFeature* grade = nullptr;
  for (const ScorecardFeature& f : lab.scorecard.features)
    if (f.name == "grade") grade = &f;
  REQUIRE(grade != nullptr);
  REQUIRE(grade->binning.rare_bin >= 0);
  const size_t rare = static_cast<size_t>(grade->binning.rare_bin);
  CHECK(grade->bins[rare].label == "{E, F}");
  // Same util, grades E (rare, seen), Z (unseen) and A; a short record in between is rejected.
  const ImportedFile other = import_bytes("other.csv", "grade,util\nE,0.5\nZ,0.5\nA\nA,0.5\n");
  REQUIRE(other.error.empty());
  std::string error;
  const std::vector<double> pts = scorecard_points_for_file(lab.scorecard, other, error);
  REQUIRE(error.empty());
  REQUIRE(pts.size() == 3);
  CHECK(pts[0] == doctest::Approx(pts[1]));  // Z scored as the rare group
  CHECK(pts[0] != doctest::Approx(pts[2]));
  CHECK(accepted_record_numbers(other) == std::vector<uint64_t>{1, 2, 4});
}

TEST_CASE("bin edits: merge and split replayed after binning, the scorecard refitted; bad edits reported") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(11));
  ModelLabOptions o;
  o.data.target = "bad";
  const ModelLab base = run_model_lab(f, o);
  REQUIRE(base.error.empty());
  const auto find = [](const ModelLab& lab, const std::string& name) -> const FeatureBinning& {
    for (const FeatureBinning& b : lab.binnings)
      if (b.name == name) return b;
    FAIL("no binning " << name);
    return lab.binnings.front();
  };
  const FeatureBinning& util = find(base, "util");
  REQUIRE(util.bins.size() >= 3);
  const double lo = util.bins[1].lower, hi = util.bins[1].upper;

  o.bin_edits = {{"util", BinEdit::Op::merge, 0, 0}, {"util", BinEdit::Op::split, 0, (lo + hi) / 2},
                 {"nope", BinEdit::Op::merge, 0, 0}, {"util", BinEdit::Op::split, 0, hi + 1e6}};
  const ModelLab edited = run_model_lab(f, o);
  REQUIRE(edited.error.empty());
  const FeatureBinning& e = find(edited, "util");
  // Merged 1+2, then split the merged bin at the middle of the old second bin: same count back,
  // the first edge moved from bin 0's upper to (lo + hi) / 2.
  CHECK(e.bins.size() == util.bins.size());
  CHECK(e.bins[0].upper == doctest::Approx((lo + hi) / 2));
  uint64_t total = 0, base_total = 0;
  for (const WoeBin& b : e.bins) total += b.good + b.bad;
  for (const WoeBin& b : util.bins) base_total += b.good + b.bad;
  CHECK(total == base_total);
  // The two impossible edits are listed, the possible ones are not.
  CHECK(edited.bin_edits_skipped.find("nope") != std::string::npos);
  CHECK(edited.bin_edits_skipped.find("split util bin 1 at") != std::string::npos);
  CHECK(std::count(edited.bin_edits_skipped.begin(), edited.bin_edits_skipped.end(), '\n') == 2);
  // The scorecard was fitted on the edited bins: its util points table has the edited labels.
  bool seen = false;
  for (const ScorecardFeature& sf : edited.scorecard.features)
    if (sf.name == "util") {
      seen = true;
      CHECK(sf.bins.front().label == e.bins.front().label);
    }
  CHECK(seen);
  CHECK(edited.scorecard_eval.test.auc != base.scorecard_eval.test.auc);
}

TEST_CASE("scorecard_scores_csv: one line per accepted record, numbered as --split-out numbers them") {
  const ImportedFile f = import_bytes("gen.csv", generated_csv(11));
  ModelLabOptions o;
  o.data.target = "bad";
  const ModelLab lab = run_model_lab(f, o);
  REQUIRE(lab.scorecard.ok());
  std::string error;
  const std::string csv = scorecard_scores_csv(lab.scorecard, import_bytes("other.csv", generated_csv(12, false)), error);
  CHECK(error.empty());
  CHECK(csv.rfind("record,points,p_bad,reason_1,reason_2,reason_3\n", 0) == 0);  // issue #21: reasons
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 2001);
  CHECK(csv.find("\n1,") != std::string::npos);
  const std::string bad = scorecard_scores_csv(lab.scorecard, import_bytes("x.csv", "a,b\n1,2\n"), error);
  CHECK(bad.empty());
  CHECK_FALSE(error.empty());
}
