// One analysis as a value (issue #16): the files, the ledger built from them, their contact log,
// the monitor result, the classification and the settings they were computed with. What
// AnalysisSession (overdue/session/session.hpp) produces and what the writers (analysis JSON, CSV
// files, HTML report, letters) read, instead of six arguments that had to agree with each other.
#pragma once
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/forecast/forecast.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/report/settings_json.hpp"

namespace overdue {

struct AnalysisResult {
  // The analysed files in the order given (SourceRef::file indexes them). Not owned: the caller
  // keeps them alive as long as the result is read.
  std::vector<const ImportedFile*> files;
  Ledger ledger;
  ContactLog contacts;      // of the files of kind "contacts" (present == false without one)
  MonitorResult monitor;    // monitor(ledger, settings.monitor)
  OverdueAnalysis overdue;  // analyze_overdue(ledger, monitor, &contacts, settings.overdue)
  CashForecast forecast;    // forecast_cash(ledger, monitor, &contacts): issue #20 §1
  // In effect: settings.monitor as given (as_of kMissingDays = the data's latest date) and the
  // classification settings used; written as they are by the JSON.
  AnalysisSettings settings;

  FileList file_list() const { return FileList(files); }
};

}  // namespace overdue
