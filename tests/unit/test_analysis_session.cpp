// AnalysisSession (session.hpp): stepped in slices of any size, the analysis is byte for byte the
// one run_to_end gives (through the analysis JSON, which prints every field), which is the one the
// separate calls give; a settings-only rerun gives what a fresh session with those settings gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/session/session.hpp"
#include "test_analysis_support.hpp"

using namespace overdue;

namespace {

std::vector<ImportedFile> import_fixtures(const std::vector<std::string>& paths) {
  std::vector<ImportedFile> files;
  for (const std::string& path : paths) {
    std::ifstream in(std::string(OL_SOURCE_DIR) + "/" + path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), path);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files.push_back(import_bytes(path.substr(path.rfind('/') + 1), bytes.str()));
    REQUIRE_MESSAGE(files.back().error.empty(), files.back().error);
  }
  return files;
}

const std::vector<std::vector<std::string>> kFixtures = {
    {"tests/data/roles/ledger_zh.csv"},
    {"tests/data/cli/classify_invoices.csv", "tests/data/cli/classify_payments.csv",
     "tests/data/classify/contacts_zh.csv"},
    {"tests/data/ledger/generated_1000.csv"},
};

// Steps with `units` per step until done; progress never goes back.
void step_to_end(AnalysisSession& session, uint64_t units) {
  double last = -1;
  int steps = 0;
  for (Budget budget{units}; session.step(budget) == Step::more; budget = Budget{units}) {
    CHECK(session.progress() >= last);
    last = session.progress();
    REQUIRE(++steps < 10000000);
  }
  CHECK(session.phase() == SessionPhase::idle);
  CHECK(session.progress() == 1.0);
}

AnalysisSettings some_settings() {
  AnalysisSettings settings;
  REQUIRE(set_setting(settings, "analysis.step", "month") == "");
  return settings;
}

}  // namespace

TEST_CASE("analysis session: run_to_end is the analysis of the separate calls") {
  for (const auto& paths : kFixtures) {
    CAPTURE(paths.front());
    const std::vector<ImportedFile> files = import_fixtures(paths);
    const AnalysisSettings settings = some_settings();
    AnalysisSession session(files, settings);
    const AnalysisResult result = run_to_end(session);
    REQUIRE_FALSE(result.ledger.invoices.empty());

    const Ledger ledger = build_ledger(files);
    const MonitorResult m = monitor(ledger, settings.monitor);
    const ContactLog contacts = build_contact_log(files, ledger);
    const OverdueAnalysis overdue = analyze_overdue(ledger, m, &contacts, settings.overdue);
    CHECK(analysis_json(result) ==
          analysis_json(analysis_test::analysis_of(files, ledger, m, overdue, contacts, settings)));
  }
}

TEST_CASE("analysis session: any slice size gives run_to_end's analysis, byte for byte") {
  for (const auto& paths : kFixtures) {
    CAPTURE(paths.front());
    const std::vector<ImportedFile> files = import_fixtures(paths);
    const AnalysisSettings settings = some_settings();
    AnalysisSession whole(files, settings);
    const std::string expected = analysis_json(run_to_end(whole));
    for (uint64_t units : {uint64_t{1}, uint64_t{2}, uint64_t{3}, uint64_t{7}, uint64_t{64}, uint64_t{1000},
                           Budget::unbounded().units}) {
      CAPTURE(units);
      AnalysisSession session(files, settings);
      step_to_end(session, units);
      CHECK(session.analysed());
      CHECK(analysis_json(session.take()) == expected);
    }
  }
}

TEST_CASE("analysis session: a settings-only rerun is a fresh run with those settings") {
  for (const auto& paths : kFixtures) {
    CAPTURE(paths.front());
    const std::vector<ImportedFile> files = import_fixtures(paths);
    const AnalysisSettings before = some_settings();
    AnalysisSettings after = before;
    REQUIRE(set_setting(after, "classify.chronic_late_share", "0.6") == "");
    REQUIRE(set_setting(after, "scores.impact.dpd_severity", "45") == "");

    AnalysisSession fresh(files, after);
    const std::string expected = analysis_json(run_to_end(fresh));

    AnalysisSession session(files, before);
    step_to_end(session, 64);
    const uint64_t monitor_revision = session.monitor_revision();
    const uint64_t classify_revision = session.classify_revision();
    const std::string first = analysis_json(session.result());
    session.set_overdue_settings(after.overdue);
    CHECK(session.phase() == SessionPhase::classify);  // only the classification reruns
    CHECK(analysis_json(session.result()) == first);   // the shown result stays until it is done
    step_to_end(session, 7);
    CHECK(session.monitor_revision() == monitor_revision);
    CHECK(session.classify_revision() == classify_revision + 1);
    CHECK(analysis_json(session.take()) == expected);
  }
}

TEST_CASE("analysis session: new monitor options rerun the monitor and the classification") {
  const std::vector<ImportedFile> files = import_fixtures(kFixtures[1]);
  const AnalysisSettings before = some_settings();
  AnalysisSettings after = before;
  REQUIRE(set_setting(after, "analysis.threshold_days", "60") == "");
  REQUIRE(set_setting(after, "analysis.step", "day") == "");
  AnalysisSession fresh(files, after);
  const std::string expected = analysis_json(run_to_end(fresh));

  AnalysisSession session(files, before);
  step_to_end(session, 1000);
  session.set_monitor_options(after.monitor);
  CHECK(session.phase() == SessionPhase::monitor);
  // A change of mind half-way: the running monitor is dropped and started again.
  Budget some{5};
  session.step(some);
  session.set_overdue_settings(after.overdue);
  session.set_monitor_options(after.monitor);
  step_to_end(session, 3);
  CHECK(analysis_json(session.take()) == expected);
}

TEST_CASE("analysis session: no invoices, no analysis") {
  const std::vector<ImportedFile> files = import_fixtures({"tests/data/classify/contacts_zh.csv"});
  AnalysisSession session(files, AnalysisSettings{});
  step_to_end(session, 3);
  CHECK(session.has_ledger());
  CHECK_FALSE(session.analysed());
  CHECK(session.take().ledger.invoices.empty());
}

// By hand, on a big file: the session stepped as the page steps it (each phase's slice sized from
// the last one's pace to OL_BENCH_TARGET_MS, 50 by default — the page's 100 ms at wasm's ~2×), and
// every step longer than twice the target listed with its phase and progress: the pieces of the
// analysis that are still one call (issue #19's longest tasks).
//   OL_BENCH_CSV=build/bench/ledger_1000000_seed42.csv build/native/overdue_tests -tc='bench: session slices' --no-skip
TEST_CASE("bench: session slices" * doctest::skip()) {
  const char* path = std::getenv("OL_BENCH_CSV");
  if (path == nullptr) return;
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::vector<ImportedFile> files = {import_bytes("bench.csv", bytes.str())};
  const double target = std::getenv("OL_BENCH_TARGET_MS") ? std::stod(std::getenv("OL_BENCH_TARGET_MS")) : 50.0;
  const char* names[] = {"ledger", "contacts", "monitor", "forecast", "classify", "idle"};
  AnalysisSession session(files, AnalysisSettings{});
  double units[6] = {1000, 1000, 1000, 1000, 1000, 1000};
  double total[6] = {0, 0, 0, 0, 0, 0};
  int steps = 0;
  for (bool done = false; !done; ++steps) {
    const int phase = static_cast<int>(session.phase());
    const double before = session.progress();
    Budget b{static_cast<uint64_t>(std::max(1.0, units[phase]))};
    const auto t0 = std::chrono::steady_clock::now();
    done = session.step(b) == Step::done;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    total[phase] += ms;
    if (ms > 2 * target) std::printf("%-9s at %5.1f %%: %7.1f ms\n", names[phase], before * 100, ms);
    if (ms >= 2.0) units[phase] = std::min(1.5 * units[phase], 0.5 * units[phase] + 0.5 * units[phase] * target / ms);
  }
  std::printf("%d steps; ledger %.0f, contacts %.0f, monitor %.0f, forecast %.0f, classify %.0f ms\n", steps,
              total[0], total[1], total[2], total[3], total[4]);
}
