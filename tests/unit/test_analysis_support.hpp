// AnalysisResult for the writer tests (issue #16): the writers take one AnalysisResult, and a test
// that builds the ledger, the monitor result or the classification by hand (to pin an as-of date,
// a hand-made ledger or an empty classification) puts its pieces into one here. A test whose
// intent is "analyse these files" runs an AnalysisSession instead (overdue/session/session.hpp).
#pragma once
#include <utility>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/import/table.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/settings_json.hpp"

namespace analysis_test {

using namespace overdue;

// Points at `files`, which must outlive the result.
inline std::vector<const ImportedFile*> file_pointers(const std::vector<ImportedFile>& files) {
  std::vector<const ImportedFile*> out;
  for (const ImportedFile& f : files) out.push_back(&f);
  return out;
}

// The pieces as they are: `overdue` must come from analyze_overdue(ledger, monitor_result,
// &contacts, settings.overdue) and `monitor_result` from monitor(ledger, settings.monitor).
inline AnalysisResult analysis_of(const std::vector<ImportedFile>& files, Ledger ledger,
                                  MonitorResult monitor_result, OverdueAnalysis overdue,
                                  ContactLog contacts, AnalysisSettings settings) {
  AnalysisResult r;
  r.files = file_pointers(files);
  r.ledger = std::move(ledger);
  r.monitor = std::move(monitor_result);
  r.overdue = std::move(overdue);
  r.contacts = std::move(contacts);
  r.settings = std::move(settings);
  r.forecast = forecast_cash(r.ledger, r.monitor, &r.contacts);  // as the session does (issue #20 §1)
  return r;
}

// A ledger and its monitor result with the default classification settings: the contact log is
// built from `files` and the classification run here; settings.monitor = monitor_result.options.
inline AnalysisResult analysis_of(const std::vector<ImportedFile>& files, Ledger ledger,
                                  MonitorResult monitor_result) {
  AnalysisResult r;
  r.files = file_pointers(files);
  r.ledger = std::move(ledger);
  r.settings.monitor = monitor_result.options;
  r.monitor = std::move(monitor_result);
  r.contacts = build_contact_log(r.file_list(), r.ledger);
  r.overdue = analyze_overdue(r.ledger, r.monitor, &r.contacts, r.settings.overdue);
  r.forecast = forecast_cash(r.ledger, r.monitor, &r.contacts);
  return r;
}

}  // namespace analysis_test
