// overdue-lens analyze FILES... [--settings FILE] [--save-settings FILE] [--as-of YYYY-MM-DD]
//   [--threshold N] [--buckets 30,60,90,180] [--step day|week|month] [--map [FILE:]ROLE=COLUMN ...]
//   [--sheet [FILE:]NAME ...]
//   [--set KEY=VALUE ...] [--allowance dpd_bucket|invoice_age_years] [--lang zh|en] [--json OUT]
//   [--csv-dir DIR] [--report FILE [--model FILE --target COLUMN [--bad VALUE]]] [--letters DIR]
// Receivables at an as-of date and the classification of the overdue customers (issues #3, #4):
// imports the files (contact-log files are just more files), applies the role overrides, runs the
// analysis session (ledger, contact log, monitor, classification; overdue/session/session.hpp) to
// the end and writes the analysis JSON (analysis_json.hpp) to OUT or stdout.
// Exit status (DESIGN.md §8): 0 success; 1 bad input (a file cannot be read, a --map column exists
// in no file, no invoices in any file, a bad settings file, OUT cannot be written); 2 wrong usage.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analyze_options.hpp"
#include "cli_commands.hpp"
#include "cli_output.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/ledger/no_invoices.hpp"
#include "overdue/model/lab.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/csv_export.hpp"
#include "overdue/report/html_report.hpp"
#include "overdue/report/letters.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/text/lang.hpp"
#include "overdue/text/strings.hpp"
#include "overdue/session/session.hpp"
#include "read_input_file.hpp"

namespace overdue::cli {
namespace {

using Clock = std::chrono::steady_clock;
long long ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

// Stability monitoring for the report's model section (--monitor FILE, --monitor-by COLUMN), as
// `overdue-lens model` computes it (stability.hpp).
int run_report_monitoring(const AnalyzeArgs& a, const ImportedFile& file, ModelLab& lab) {
  if (a.model_monitor.empty() && a.model_monitor_by.empty()) return kExitOk;
  if (!lab.scorecard.ok()) {
    std::fprintf(stderr, "overdue-lens: --monitor: no scorecard: %s\n", lab.scorecard.error.c_str());
    return kExitBadInput;
  }
  std::string error;
  if (!a.model_monitor_by.empty()) {
    lab.monitoring.by_month = monitor_by_month(lab.scorecard, lab.bands, file, lab.data.record, a.model_monitor_by, error);
    if (!error.empty()) return usage_error("analyze: --monitor-by: " + error);
    lab.monitoring.has_by_month = true;
  }
  if (!a.model_monitor.empty()) {
    const ImportedFile other = import_file_at(a.model_monitor);
    error = other.error;
    if (error.empty())
      lab.monitoring.report = monitor_file(lab.scorecard, lab.bands, file, lab.data.record, other, error);
    if (!error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", a.model_monitor.c_str(), error.c_str());
      return kExitBadInput;
    }
    lab.monitoring.has_file = true;
    lab.monitoring.file = other.name;
  }
  return kExitOk;
}

// The model lab for the report's model section (--model FILE --target COLUMN [--bad VALUE]), run
// as `overdue-lens model` runs it with its default options. Returns kExitOk or the exit status.
int run_report_model(const AnalyzeArgs& a, ImportedFile& file, ModelLab& lab) {
  file = import_file_at(a.model_file);
  if (!file.error.empty()) {
    std::fprintf(stderr, "overdue-lens: %s: %s\n", a.model_file.c_str(), file.error.c_str());
    return kExitBadInput;
  }
  ModelLabOptions options;
  options.data.target = a.model_target;
  options.data.bad_value = a.model_bad;
  lab = run_model_lab(file, options);
  if (!lab.error.empty()) {
    std::fprintf(stderr, "overdue-lens: %s: %s\n", a.model_file.c_str(), lab.error.c_str());
    return lab.usage_error ? kExitUsage : kExitBadInput;
  }
  return run_report_monitoring(a, file, lab);
}

// --letters DIR: one file per overdue customer and letters.html with all of them.
bool write_letters(const std::string& dir, const RenderedLetters& letters) {
  if (!ensure_directory(dir)) {
    std::fprintf(stderr, "overdue-lens: %s: cannot create the directory\n", dir.c_str());
    return false;
  }
  if (!write_output_or_report(dir + "/letters.html", letters.html)) return false;
  for (const RenderedLetter& l : letters.letters)
    if (!write_output_or_report(dir + "/" + l.file_name, l.html)) return false;
  return true;
}

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  AnalyzeArgs a;
  bool help = false;
  if (const int status = parse_analyze_args(args, a, help); status != kExitOk) return status;
  if (help) {
    print_usage(false);
    return kExitOk;
  }
  AnalysisSettings settings;
  if (const int status = resolve_settings(a, settings); status != kExitOk) return status;
  if (!a.settings_out.empty() && !write_output_or_report(a.settings_out, settings_json(settings))) return kExitBadInput;

  Clock::time_point t = Clock::now();
  auto lap = [&](const char* stage) {
    if (a.timings) std::fprintf(stderr, "overdue-lens: %s %lld ms\n", stage, ms_since(t));
    t = Clock::now();
  };
  std::vector<ImportedFile> files;
  if (const int status = import_files(a.paths, a.sheets, settings.import.keep_swapped_dates, true, files);
      status != kExitOk)
    return status;
  for (const std::string& message : apply_role_overrides(files, settings.mappings)) {
    std::fprintf(stderr, "overdue-lens: %s\n", message.c_str());
    return kExitBadInput;
  }

  lap("import");
  AnalysisSession session(files, settings);
  const AnalysisResult analysis = run_to_end(session);
  lap("analysis");
  if (analysis.ledger.invoices.empty()) {
    // A general ledger without a receivables account names its accounts and the way to pick one.
    for (const std::string& note : analysis.ledger.notes)
      if (note.find("import.receivables_account") != std::string::npos) std::fprintf(stderr, "overdue-lens: %s\n", note.c_str());
    // Per file, the reason (issue #17 item 8), in the settings' language.
    std::fprintf(stderr, "overdue-lens: %s\n", text(S::no_invoices_heading, settings.language));
    for (const std::string& line : no_invoice_reasons(files, analysis.ledger, settings.language))
      std::fprintf(stderr, "  %s\n", line.c_str());
    std::fprintf(stderr, "overdue-lens: see `overdue-lens inspect FILE` and --map ROLE=COLUMN\n");
    return kExitBadInput;
  }
  // Streamed to the file as it is written: the document can be hundreds of MB.
  const bool written = stream_output_or_report(a.json_out, [&](const TextSink& sink) {
    write_analysis_json(analysis, sink);
    sink("\n");
  });
  if (!written) return kExitBadInput;
  lap("json");
  if (!a.csv_dir.empty()) {
    if (!ensure_directory(a.csv_dir)) {
      std::fprintf(stderr, "overdue-lens: %s: cannot create the directory\n", a.csv_dir.c_str());
      return kExitBadInput;
    }
    for (const CsvFile& f : analysis_csv_files(analysis, settings.language)) {
      const std::string path = a.csv_dir + "/" + f.name;
      if (!write_output_or_report(path, f.bytes)) return kExitBadInput;
    }
    lap("csv");
  }
  // The report and the letters in the settings' language (--lang, default zh).
  const Lang lang = settings.language;
  if (!a.report_out.empty()) {
    ImportedFile model_file;
    ModelLab lab;
    if (!a.model_file.empty()) {
      if (const int status = run_report_model(a, model_file, lab); status != kExitOk) return status;
      lap("model");
    }
    const std::string html =
        analysis_report_html(analysis, lang, a.model_file.empty() ? nullptr : &lab, model_file.name);
    if (!write_output_or_report(a.report_out, html)) return kExitBadInput;
    lap("report");
  }
  if (!a.letters_dir.empty()) {
    const RenderedLetters letters = render_letters(analysis, settings.letters, lang);
    if (!letters.unknown_placeholders.empty()) {
      std::string list;
      for (const std::string& u : letters.unknown_placeholders) list += (list.empty() ? "" : ", ") + u;
      std::fprintf(stderr, "overdue-lens: letters: placeholders not recognised, left as written: %s\n", list.c_str());
    }
    if (!write_letters(a.letters_dir, letters)) return kExitBadInput;
    lap("letters");
  }
  return kExitOk;
}

}  // namespace overdue::cli
