// Measurement hooks for the benchmark (scripts/bench.sh, tests/bench/bench.mjs; issue #7).
// Read-only for the page's own state; the import timing runs a separate FileImporter on bytes the
// benchmark hands over, so the page's files and analysis are untouched.
//
// - ol_bench_import_begin / _chunk / _finish: the drop path's core (FileImporter fed in slices,
//   then finish()), and the generator's checksums computed from the typed columns before the clock
//   is read back: a fast wrong answer shows up as a wrong checksum, not as a speed.
// - ol_bench_state: checksums of the files the page itself loaded (the drop path) and of its
//   analysis, and the weekly periodic replay over the page's ledger, timed.
// Every function returns a JSON text owned by this file (valid until the next call).
#include <cmath>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app_state.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/monitor/monitor.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define OL_BENCH_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define OL_BENCH_EXPORT extern "C"
#endif

namespace app {
namespace {

std::unique_ptr<overdue::FileImporter> g_importer;
std::string g_json;

const overdue::Column* column_with_role(const overdue::ImportedFile& f, overdue::Role role) {
  for (const auto& c : f.columns)
    if (c.role == role) return &c;
  return nullptr;
}

// Σ amount and Σ (amount − paid) over the accepted rows, from the typed cents (a missing paid
// amount counts as 0, as in gen_ledger.py), plus what the checksum saw.
nlohmann::json checksums(const overdue::ImportedFile& f) {
  nlohmann::json j;
  j["error"] = f.error;
  j["rows_read"] = f.rows.read;
  j["rows_accepted"] = f.rows.accepted;
  j["rows_rejected"] = f.rows.rejected;
  j["cell_errors"] = f.cell_errors_total;
  nlohmann::json types = nlohmann::json::array();
  for (const auto& c : f.columns) types.push_back(overdue::column_type_name(c.type));
  j["types"] = types;
  const overdue::Column* amount = column_with_role(f, overdue::Role::amount);
  const overdue::Column* paid = column_with_role(f, overdue::Role::paid_amount);
  j["amount_cents"] = nullptr;
  j["outstanding_cents"] = nullptr;
  if (amount == nullptr || amount->cents.size() != f.row_count()) return j;
  int64_t sum = 0, outstanding = 0;
  uint64_t missing = 0;
  const bool with_paid = paid != nullptr && paid->cents.size() == f.row_count();
  for (size_t i = 0; i < f.row_count(); ++i) {
    const int64_t a = amount->cents[i];
    if (a == overdue::kMissingCents) {
      ++missing;
      continue;
    }
    sum += a;
    const int64_t p = with_paid ? paid->cents[i] : overdue::kMissingCents;
    outstanding += a - (p == overdue::kMissingCents ? 0 : p);
  }
  j["amount_cents"] = sum;
  j["outstanding_cents"] = with_paid ? nlohmann::json(outstanding) : nlohmann::json(nullptr);
  j["amount_missing"] = missing;
  return j;
}

const char* dump(const nlohmann::json& j) {
  g_json = j.dump();
  return g_json.c_str();
}

}  // namespace
}  // namespace app

OL_BENCH_EXPORT void ol_bench_import_begin() {
  app::g_importer = std::make_unique<overdue::FileImporter>("bench.csv");
}

OL_BENCH_EXPORT void ol_bench_import_chunk(const uint8_t* bytes, size_t length) {
  if (app::g_importer)
    app::g_importer->feed(std::string_view(reinterpret_cast<const char*>(bytes), length));
}

// Ends the import, computes the checksums from the typed columns and frees the table again.
OL_BENCH_EXPORT const char* ol_bench_import_finish() {
  if (!app::g_importer) return "null";
  overdue::ImportedFile file = app::g_importer->finish();
  app::g_importer.reset();
  return app::dump(app::checksums(file));
}

OL_BENCH_EXPORT const char* ol_bench_state() {
  app::AppState& state = app::app_state();
  nlohmann::json j;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : state.files) {
    nlohmann::json fj = f->finished() ? app::checksums(f->data) : nlohmann::json::object();
    fj["name"] = f->name;
    fj["done"] = f->status == app::LoadStatus::done;
    fj["begin_ms"] = f->begin_ms;
    fj["end_ms"] = f->end_ms;
    fj["typed_ms"] = f->typed_ms;
    files.push_back(fj);
  }
  j["files"] = files;
  // Where the last load's time went (load_pacing.hpp): the page's work and its frames.
  const app::LoadTiming& load = state.load_pacing.timing();
  j["load"] = {{"work_ms", load.work_ms}, {"draw_ms", load.draw_ms},
               {"frames_drawn", load.frames_drawn}, {"frames_skipped", load.frames_skipped}};
  const app::Analysis& a = state.analysis;
  j["analysis"] = nullptr;
  if (a.available() && !a.pending()) {
    const overdue::Ledger& ledger = a.ledger();
    const overdue::MonitorResult& r = a.result();
    nlohmann::json an;
    int64_t billed = 0;
    for (const auto& inv : ledger.invoices) billed += inv.amount_cents;
    an["invoices"] = ledger.invoices.size();
    an["billed_cents"] = billed;
    an["open_cents"] = r.open_cents;
    an["as_of"] = r.as_of;
    an["ledger_ms"] = a.ledger_ms;
    an["monitor_ms"] = a.monitor_ms;
    an["classify_ms"] = a.classify_ms;
    an["longest_slice_ms"] = a.longest_slice_ms;
    // The periodic replay at a weekly step, from the data's first date to the as-of date (the
    // same call the page makes when the step changes), timed here on the page's own ledger.
    const double t0 = platform::now_ms();
    const std::vector<overdue::TrendPoint> trend = overdue::replay_trend(
        ledger, ledger.first_date, r.as_of, overdue::ReplayStep::week, a.controls.threshold_days);
    an["replay_weekly_ms"] = platform::now_ms() - t0;
    an["replay_points"] = trend.size();
    an["replay_days"] = r.as_of - ledger.first_date;
    j["analysis"] = an;
  }
  return app::dump(j);
}
