// LedgerJob (ledger.hpp): the ledger built in slices equals build_ledger's, whatever the slice —
// compared through the analysis JSON (customers, invoices' open amounts, credits, rejected rows,
// notes, assumptions, counts) and the raw allocation list.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "overdue/report/analysis_json.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "test_analysis_support.hpp"

using namespace overdue;

namespace {

ImportedFile read_fixture(const std::string& relative_path) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), relative_path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return import_bytes(relative_path, bytes.str());
}

std::string json_of(const Ledger& l, const std::vector<ImportedFile>& files) {
  return analysis_json(analysis_test::analysis_of(files, l, monitor(l, MonitorOptions{})));
}

bool same_allocations(const Ledger& a, const Ledger& b) {
  if (a.allocations.size() != b.allocations.size()) return false;
  for (size_t i = 0; i < a.allocations.size(); ++i) {
    const Allocation &x = a.allocations[i], &y = b.allocations[i];
    if (x.invoice != y.invoice || x.payment != y.payment || x.date != y.date || x.cents != y.cents ||
        x.credit_note != y.credit_note)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("ledger job: any slice size gives build_ledger's ledger") {
  const std::vector<std::vector<std::string>> sets = {
      {"tests/data/ledger/generated_1000.csv"},
      {"tests/data/roles/customers_zh.csv", "tests/data/roles/ledger_zh.csv", "tests/data/roles/payments_zh.csv"},
      {"tests/data/roles/running_ledger_kingdee.csv", "tests/data/roles/payments_en.csv",
       "tests/data/roles/invoices_quickbooks.csv"},
      {"tests/data/cli/classify_invoices.csv", "tests/data/cli/classify_payments.csv"},
      {"tests/data/exports/yonyou_wanglai_duizhang.csv", "tests/data/exports/qb_open_invoices_altered_total.csv"},
  };
  for (const auto& paths : sets) {
    std::vector<ImportedFile> files;
    for (const std::string& p : paths) files.push_back(read_fixture(p));
    CAPTURE(paths.front());
    const Ledger whole = build_ledger(files);
    REQUIRE_FALSE(whole.invoices.empty());
    const std::string expected = json_of(whole, files);
    for (uint64_t work : {uint64_t{1}, uint64_t{3}, uint64_t{64}, uint64_t{100000}}) {
      CAPTURE(work);
      LedgerJob job(files, {});
      int steps = 0;
      double last = -1;
      for (Budget budget{work}; job.step(budget) == Step::more; budget = Budget{work}) {
        ++steps;
        CHECK(job.progress() >= last);
        last = job.progress();
        REQUIRE(steps < 1000000);
      }
      CHECK(job.progress() == 1.0);
      if (work == 1 && whole.invoices.size() > 10) CHECK(steps > static_cast<int>(whole.invoices.size()));
      const Ledger sliced = job.take();
      CHECK(same_allocations(sliced, whole));
      CHECK(sliced.notes == whole.notes);
      CHECK(sliced.assumptions == whole.assumptions);
      CHECK(json_of(sliced, files) == expected);
    }
  }
}
