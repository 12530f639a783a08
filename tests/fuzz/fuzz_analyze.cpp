// Fuzz target: the whole `analyze` path after import, through AnalysisSession — the ledger, the
// monitor (aging, metrics, the periodic replay), the contact log, the overdue classification with
// its scores, allowance and action plans, and analysis_json — as the CLI and the page run it on
// the user's files.
//
// The input is up to three files separated by the byte 0x1E (ASCII record separator): a ledger or
// invoices file, then payments, then a contact log; the first byte picks the monitor's step and
// threshold. Checks, beyond "no crash, no sanitizer report, no timeout":
// - the document is JSON and its row counts reconcile (read = accepted + rejected);
// - every overdue customer has exactly one of the three types;
// - the same input analysed twice gives the same bytes (no uninitialised or order-dependent state).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/classify/classify.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/session/session.hpp"

using namespace overdue;
using nlohmann::json;

namespace {

// Through AnalysisSession, as the CLI's analyze (run_to_end) and the page (in slices) run it.
std::string analyze_once(const std::vector<ImportedFile>& files, const AnalysisSettings& settings) {
  AnalysisSession session(files, settings);
  const AnalysisResult result = run_to_end(session);
  if (result.ledger.invoices.empty()) return {};
  return analysis_json(result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t knobs = data[0];
  std::string_view rest = fuzz::as_view(data + 1, size - 1);
  static const char* const kNames[] = {"invoices.csv", "payments.csv", "contacts.csv"};
  std::vector<ImportedFile> files;
  while (files.size() < 3) {
    const size_t cut = rest.find('\x1e');
    files.push_back(import_bytes(kNames[files.size()], rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }

  AnalysisSettings settings;
  settings.monitor.step = static_cast<ReplayStep>(knobs % 3);
  settings.monitor.threshold_days = (knobs >> 2) % 4 * 30;  // 0, 30, 60, 90
  const std::string text = analyze_once(files, settings);
  if (text.empty()) return 0;
  FUZZ_CHECK(json::accept(text), "analysis_json is not JSON");
  const json doc = json::parse(text);
  const json& rows = doc.at("rows");
  FUZZ_CHECK(rows.at("read").get<uint64_t>() == rows.at("accepted").get<uint64_t>() + rows.at("rejected").get<uint64_t>(),
             "rows: read != accepted + rejected");
  for (const json& c : doc.at("customers")) {
    if (!c.at("overdue_flag").get<bool>()) continue;
    const std::string type = c.at("type").is_string() ? c.at("type").get<std::string>() : std::string();
    FUZZ_CHECK(type == "temporary" || type == "structural" || type == "stubborn", "overdue customer without a type");
  }
  FUZZ_CHECK(analyze_once(files, settings) == text, "the same input analysed twice differs");
  return 0;
}
