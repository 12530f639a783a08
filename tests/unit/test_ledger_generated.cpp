// Ledger on a generated one-table ledger (/work/shared/bench-anchors/gen_ledger.py 1000 … 7, kept
// in tests/data/ledger with the generator's own checksums): CJK and quoted names, "1,234.50"
// amounts, paid in full / in part / not at all. The generator's outstanding total (Σ amount − paid)
// must equal the ledger's open total to the cent. A skipped bench times a large file:
//   OL_LEDGER_BENCH_CSV=/tmp/gen_1m.csv build/<dir>/overdue_tests -tc='ledger bench*' --no-skip
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_ledger_support.hpp"

using namespace ledger_test;

namespace {

int64_t total_open(const Ledger& l) {
  int64_t billed = 0, paid = 0;
  for (const Invoice& inv : l.invoices) billed += inv.amount_cents;
  for (const Allocation& a : l.allocations) paid += a.cents;
  return billed - paid;
}

int64_t json_cents(double units) { return static_cast<int64_t>(units * 100 + (units < 0 ? -0.5 : 0.5)); }

}  // namespace

TEST_CASE("ledger on a generated ledger: open total equals the generator's outstanding to the cent") {
  const ImportedFile f = fixture("tests/data/ledger/generated_1000.csv", "ledger");
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/ledger/generated_1000.expected.json");
  const nlohmann::json expected = nlohmann::json::parse(in);
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == expected["rows"].get<size_t>());
  CHECK(l.rows.read == expected["rows"].get<uint64_t>());
  CHECK(l.rows.rejected == 0);
  CHECK(l.customers.size() <= expected["n_customers_total"].get<size_t>());
  int64_t billed = 0;
  for (const Invoice& inv : l.invoices) billed += inv.amount_cents;
  CHECK(billed == json_cents(expected["sum_amount"].get<double>()));
  CHECK(total_open(l) == json_cents(expected["outstanding"].get<double>()));
  CHECK(l.credits.empty());        // the generator never pays more than an invoice
  CHECK(l.assumptions.empty());    // every paid amount has its paid date
  check_payments_conserved(l);
}

TEST_CASE("ledger bench: build_ledger on a large generated file" * doctest::skip()) {
  const char* path = std::getenv("OL_LEDGER_BENCH_CSV");
  REQUIRE_MESSAGE(path != nullptr, "set OL_LEDGER_BENCH_CSV to a gen_ledger.py output");
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  // Wall time and process CPU time (the CPU time is the fairer number on a shared machine).
  const std::clock_t c0 = std::clock();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<ImportedFile> files;
  files.push_back(csv(path, bytes.str(), "ledger"));
  const auto t1 = std::chrono::steady_clock::now();
  const std::clock_t c1 = std::clock();
  const Ledger l = build_ledger(files);
  const auto t2 = std::chrono::steady_clock::now();
  const std::clock_t c2 = std::clock();
  auto cpu_ms = [](std::clock_t a, std::clock_t b) { return 1000.0 * static_cast<double>(b - a) / CLOCKS_PER_SEC; };
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("ledger bench: %zu invoices, %zu payments, %zu customers, %zu allocations; import %.0f ms "
              "(cpu %.0f), build_ledger %.0f ms (cpu %.0f); open %lld cents\n",
              l.invoices.size(), l.payments.size(), l.customers.size(), l.allocations.size(), ms(t0, t1),
              cpu_ms(c0, c1), ms(t1, t2), cpu_ms(c1, c2), static_cast<long long>(total_open(l)));
}
