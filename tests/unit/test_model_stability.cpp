// Stability monitoring (stability.hpp, issue #21 §3): the index on hand-counted bins (with an
// empty bin and the 0.0001 rule), the bands, a file against itself (exactly 0), against a shifted
// copy (flagged), a missing feature column, the split by calendar month, and the JSON and report
// parts built from ModelLab::monitoring.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/model/lab.hpp"
#include "overdue/model/random.hpp"
#include "overdue/model/stability.hpp"
#include "overdue/report/model_json.hpp"
#include "overdue/text/civil_date.hpp"
#include "report/html_report_internal.hpp"

using namespace overdue;

namespace {

// 2,000 accounts, P(bad) = σ(−2 + 2.5·util + grade effect); `util_shift` moves every util value
// (a population drifting to higher use); an "opened" date over three months, every 50th missing.
std::string accounts_csv(uint64_t seed, double util_shift = 0, bool with_target = true) {
  SplitMix64 rng(seed);
  std::string s = with_target ? "util,age,grade,opened,bad\n" : "grade,util,age,opened\n";
  const char* grades[4] = {"A", "B", "C", "D"};
  const double grade_effect[4] = {-0.8, -0.2, 0.3, 1.0};
  const char* months[3] = {"2024-01-15", "2024-02-10", "2024-03-05"};
  for (int i = 0; i < 2000; ++i) {
    const double util = rng.uniform();
    const int age = 20 + static_cast<int>(rng.below(50));
    const int g = static_cast<int>(rng.below(4));
    const double z = -2 + 2.5 * util + grade_effect[g];
    const bool bad = rng.uniform() < 1 / (1 + std::exp(-z));
    char u[32];
    std::snprintf(u, sizeof u, "%.4f", util + util_shift);
    const std::string opened = i % 50 == 0 ? "" : months[i % 3];
    if (with_target)
      s += std::string(u) + "," + std::to_string(age) + "," + grades[g] + "," + opened + "," +
           (bad ? "1" : "0") + "\n";
    else
      s += std::string(grades[g]) + "," + u + "," + std::to_string(age) + "," + opened + "\n";
  }
  return s;
}

ModelLab lab_of(const ImportedFile& f) {
  ModelLabOptions o;
  o.data.target = "bad";
  return run_model_lab(f, o);
}

}  // namespace

TEST_CASE("stability: index by hand on tiny counts, an empty bin counting as 0.0001") {
  // expected 25/25/50 %, actual 50/50/0 %: the empty bin's share counts as 0.0001.
  const StabilityIndex s = stability_from_counts({25, 25, 50}, {50, 50, 0});
  const double by_hand =
      2 * (0.5 - 0.25) * std::log(0.5 / 0.25) + (0.0001 - 0.5) * std::log(0.0001 / 0.5);
  CHECK(s.index == doctest::Approx(by_hand).epsilon(1e-12));
  CHECK(s.index == doctest::Approx(4.6043185).epsilon(1e-6));
  CHECK(s.band == "shift");
  REQUIRE(s.bins.size() == 3);
  CHECK(s.bins[2].expected == 0.5);
  CHECK(s.bins[2].actual == 0.0);  // the share shown is the real one; only the formula floors it
  CHECK(s.bins[0].contribution == doctest::Approx(0.25 * std::log(2.0)).epsilon(1e-12));
  CHECK(s.bins[1].actual_count == 50);

  CHECK(stability_from_counts({10, 10}, {10, 10}).index == 0);
  CHECK(stability_from_counts({1, 2, 3}, {0, 0, 0})
            .bins.empty());  // no actual record: nothing to compare
  CHECK(std::string(stability_band(0.0999)) == "stable");
  CHECK(std::string(stability_band(0.10)) == "watch");
  CHECK(std::string(stability_band(0.2499)) == "watch");
  CHECK(std::string(stability_band(0.25)) == "shift");
}

TEST_CASE("stability: band edges from the lab's bands") {
  std::vector<ScoreBand> bands(3);
  bands[0].band = 1, bands[0].lo = 620, bands[0].hi = 700;  // safest: highest points
  bands[1].band = 2, bands[1].lo = 580, bands[1].hi = 610;
  bands[2].band = 3, bands[2].lo = 500, bands[2].hi = 570;
  const std::vector<double> e = band_point_edges(bands);
  REQUIRE(e.size() == 3);
  CHECK(e[0] == 570);
  CHECK(e[1] == 610);
  CHECK(std::isinf(e[2]));
}

TEST_CASE("stability: a file against itself is exactly 0; a shifted copy is flagged") {
  const ImportedFile dev = import_bytes("dev.csv", accounts_csv(7));
  const ModelLab lab = lab_of(dev);
  REQUIRE(lab.error.empty());
  REQUIRE(lab.scorecard.ok());
  std::string error;
  const StabilityReport same =
      monitor_file(lab.scorecard, lab.bands, dev, lab.data.record, dev, error);
  REQUIRE(error.empty());
  CHECK(same.expected_records == lab.data.rows());
  CHECK(same.actual_records == lab.data.rows());
  CHECK(same.score.index == 0);
  CHECK(same.score.band == "stable");
  CHECK(same.score.bins.size() == lab.bands.size());
  uint64_t total = 0;
  for (const StabilityBin& b : same.score.bins) total += b.expected_count;
  CHECK(total == lab.data.rows());
  REQUIRE(same.features.size() == lab.scorecard.features.size());
  for (const FeatureStability& f : same.features) {
    CHECK(f.csi.index == 0);
    CHECK(f.csi.band == "stable");
  }

  // The same accounts with every util value moved up by 0.5 (columns in another order, no
  // target): the score and util must be flagged.
  const ImportedFile moved = import_bytes("moved.csv", accounts_csv(7, 0.5, false));
  const StabilityReport shifted =
      monitor_file(lab.scorecard, lab.bands, dev, lab.data.record, moved, error);
  REQUIRE(error.empty());
  CHECK(shifted.score.band == "shift");
  bool util_flagged = false;
  for (const FeatureStability& f : shifted.features)
    if (f.feature == "util") util_flagged = f.csi.band == "shift";
  CHECK(util_flagged);

  // A feature column missing from the other file is an error naming it.
  const ImportedFile less = import_bytes("less.csv", "age,grade\n30,A\n");
  const StabilityReport none =
      monitor_file(lab.scorecard, lab.bands, dev, lab.data.record, less, error);
  CHECK(error.find("is not in less.csv") != std::string::npos);
  CHECK(none.features.empty());
}

TEST_CASE("stability: per calendar month of a date column, against the first month") {
  CHECK(month_of_days(days_from_civil(2024, 2, 29)) == "2024-02");
  CHECK(month_of_days(days_from_civil(1999, 12, 31)) == "1999-12");
  CHECK(month_of_days(kMissingDays).empty());

  const ImportedFile dev = import_bytes("dev.csv", accounts_csv(7));
  const ModelLab lab = lab_of(dev);
  REQUIRE(lab.scorecard.ok());
  std::string error;
  const StabilityByMonth by =
      monitor_by_month(lab.scorecard, lab.bands, dev, lab.data.record, "opened", error);
  REQUIRE(error.empty());
  CHECK(by.column == "opened");
  CHECK(by.missing_dates == 40);  // every 50th of 2,000 rows has no date
  REQUIRE(by.months.size() == 3);
  CHECK(by.months[0].month == "2024-01");
  CHECK(by.months[1].month == "2024-02");
  CHECK(by.months[2].month == "2024-03");
  uint64_t records = 0;
  for (const MonthStability& m : by.months) {
    records += m.report.actual_records;
    CHECK(m.report.expected_records == by.months[0].report.actual_records);
  }
  CHECK(records + by.missing_dates == lab.data.rows());
  CHECK(by.months[0].report.score.index == 0);        // the first month against itself
  CHECK(by.months[1].report.score.band == "stable");  // the months are drawn alike

  monitor_by_month(lab.scorecard, lab.bands, dev, lab.data.record, "age", error);
  CHECK(error.find("not a date column") != std::string::npos);
  monitor_by_month(lab.scorecard, lab.bands, dev, lab.data.record, "nope", error);
  CHECK(error.find("no column named") != std::string::npos);
}

TEST_CASE("stability: the JSON's monitoring objects and the report's section agree") {
  const ImportedFile dev = import_bytes("dev.csv", accounts_csv(7));
  ModelLab lab = lab_of(dev);
  REQUIRE(lab.scorecard.ok());
  CHECK(nlohmann::json::parse(model_lab_json(lab, "dev.csv")).count("monitoring") ==
        0);  // only when asked
  const ImportedFile moved = import_bytes("moved.csv", accounts_csv(7, 0.5, false));
  std::string error;
  lab.monitoring.has_file = true;
  lab.monitoring.file = "moved.csv";
  lab.monitoring.report =
      monitor_file(lab.scorecard, lab.bands, dev, lab.data.record, moved, error);
  lab.monitoring.has_by_month = true;
  lab.monitoring.by_month =
      monitor_by_month(lab.scorecard, lab.bands, dev, lab.data.record, "opened", error);
  REQUIRE(error.empty());
  const nlohmann::json j = nlohmann::json::parse(model_lab_json(lab, "dev.csv"));
  const nlohmann::json& m = j["monitoring"];
  CHECK(m["file"] == "moved.csv");
  CHECK(m["band"] == "shift");
  CHECK(m["score_psi"].get<double>() ==
        doctest::Approx(lab.monitoring.report.score.index).epsilon(1e-6));
  CHECK(m["bins"].size() == lab.bands.size());
  CHECK(m["bins"][0]["band"] == 1);
  CHECK(m["bins"][0]["upper"].is_null());  // band 1 is open above
  CHECK(m["features"].size() == lab.scorecard.features.size());
  CHECK(j["monitoring_by"]["column"] == "opened");
  CHECK(j["monitoring_by"]["missing_dates"] == 40);
  CHECK(j["monitoring_by"]["months"][0]["month"] == "2024-01");
  CHECK(j["monitoring_by"]["months"][0]["score_psi"].get<double>() == 0);

  for (Lang lang : {Lang::zh, Lang::en}) {
    std::string html;
    report_detail::write_model_stability(html, lab, lang);
    CHECK(html.find("id=\"model-stability\"") != std::string::npos);
    CHECK(html.find("id=\"model-stability-by-month\"") != std::string::npos);
    CHECK(html.find("stab-shift") != std::string::npos);
    CHECK(html.find(text(S::stab_shift, lang)) != std::string::npos);
    // Every figure's data-key is its path in the JSON, with the JSON's own digits.
    size_t at = 0, compared = 0;
    while ((at = html.find("data-key=\"model.", at)) != std::string::npos) {
      const size_t k0 = at + 16, k1 = html.find('"', k0);
      const size_t v0 = html.find("data-value=\"", k1) + 12, v1 = html.find('"', v0);
      std::string path = "/" + html.substr(k0, k1 - k0);
      for (char& c : path) c = c == '.' ? '/' : c;
      const nlohmann::json& v = j.at(nlohmann::json::json_pointer(path));
      CHECK(v.get<double>() == doctest::Approx(std::stod(html.substr(v0, v1 - v0))).epsilon(1e-12));
      ++compared;
      at = k1;
    }
    CHECK(compared == 1 + lab.scorecard.features.size() + lab.monitoring.by_month.months.size());
  }
  std::string none;
  lab.monitoring = {};
  report_detail::write_model_stability(none, lab, Lang::en);
  CHECK(none.empty());
}

TEST_CASE("stability: the job cut into slices of 1, 7, 64 … records gives the same result") {
  const ImportedFile dev = import_bytes("dev.csv", accounts_csv(7));
  ModelLab lab = lab_of(dev);
  REQUIRE(lab.scorecard.ok());
  const ImportedFile moved = import_bytes("moved.csv", accounts_csv(7, 0.5, false));
  StabilityJob whole(lab.scorecard, lab.bands, dev, lab.data.record, &moved, "opened");
  lab.monitoring = run_to_end(whole);
  REQUIRE(whole.error().empty());
  const std::string expected = model_lab_json(lab, "dev.csv");
  for (uint64_t units : {1, 7, 64, 1999, 2000, 2001}) {
    StabilityJob job(lab.scorecard, lab.bands, dev, lab.data.record, &moved, "opened");
    int steps = 0;
    double last = 0;
    for (;;) {
      Budget budget{units};
      const Step s = job.step(budget);
      CHECK(job.progress() >= last);
      last = job.progress();
      ++steps;
      if (s == Step::done) break;
      REQUIRE(steps < 10000);
    }
    CHECK(last == 1.0);
    if (units == 1) CHECK(steps >= 4000);  // both files, a record per step
    lab.monitoring = job.take();
    CHECK(model_lab_json(lab, "dev.csv") == expected);
  }
  // A missing column is known at once: no step does any work.
  const ImportedFile less = import_bytes("less.csv", "age,grade\n30,A\n");
  StabilityJob bad(lab.scorecard, lab.bands, dev, lab.data.record, &less, "");
  Budget b{1};
  CHECK(bad.step(b) == Step::done);
  CHECK(bad.error().find("is not in less.csv") != std::string::npos);
  CHECK_FALSE(bad.take().has_file);
  // A file with the columns but no record is an error too, not a "stable" 0.
  const ImportedFile empty = import_bytes("empty.csv", "util,age,grade,opened\n");
  StabilityJob nothing(lab.scorecard, lab.bands, dev, lab.data.record, &empty, "");
  Budget b2{1};
  CHECK(nothing.step(b2) == Step::done);
  CHECK(nothing.error() == "empty.csv has no records");
}
