// Driver for tests/pattern/run.sh: runs the whole analysis (import → build_ledger → monitor →
// analysis_json, the same steps as `overdue-lens analyze`) on a data set made by
// scripts/gen_receivables.py, so the pattern check works even where the CLI lacks `analyze`.
// Does nothing unless OL_PATTERN_DIR names a directory with invoices.csv and payments.csv;
// OL_PATTERN_AS_OF (YYYY-MM-DD) sets the as-of date. Writes OL_PATTERN_DIR/analysis.json.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/session/session.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/monitor/monitor.hpp"

using namespace overdue;

namespace {

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int32_t parse_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return kMissingDays;
  const int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str()),
            d = std::atoi(s.substr(8, 2).c_str());
  return is_valid_civil(y, m, d) ? days_from_civil(y, m, d) : kMissingDays;
}

}  // namespace

TEST_CASE("pattern: analysis of a generated data set for tests/pattern/run.sh (OL_PATTERN_DIR)") {
  const char* dir = std::getenv("OL_PATTERN_DIR");
  if (!dir || !*dir) return;  // only when run.sh asks for it
  std::vector<ImportedFile> files;
  for (const char* name : {"invoices.csv", "payments.csv"}) {
    const std::string bytes = read_whole(std::string(dir) + "/" + name);
    REQUIRE_FALSE(bytes.empty());
    files.push_back(import_bytes(name, bytes));
    REQUIRE(files.back().error.empty());
  }
  AnalysisSettings settings;
  if (const char* as_of = std::getenv("OL_PATTERN_AS_OF")) {
    settings.monitor.as_of = parse_iso_date(as_of);
    REQUIRE(settings.monitor.as_of != kMissingDays);
  }
  AnalysisSession session(files, settings);
  std::ofstream out(std::string(dir) + "/analysis.json", std::ios::binary);
  out << analysis_json(run_to_end(session));
  REQUIRE(out.good());
}
