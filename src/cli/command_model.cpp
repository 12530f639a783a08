// overdue-lens model FILE --target COLUMN [...]: the credit-risk model lab (issue #5) on one file,
// as one JSON document (model_json.hpp). Exit 0 success, 1 bad input, 2 wrong usage (DESIGN §8).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "cli_commands.hpp"
#include "cli_output.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/binning_table_csv.hpp"
#include "overdue/report/model_json.hpp"
#include "overdue/model/lab.hpp"
#include "overdue/model/scorecard_export.hpp"
#include "overdue/text/lang.hpp"
#include "read_input_file.hpp"
#include "sheet_choice.hpp"

namespace overdue::cli {
namespace {

struct ModelArgs {
  std::string file, json_out, split_out, score_file, score_out;
  std::string bins_csv_out;  // --bins-csv (issue #21 §1)
  std::string export_sql, card_csv;  // issue #21 §2: the scorecard as SQL / as a spreadsheet CSV
  std::vector<SheetChoice> sheets;  // --sheet [FILE:]NAME: of FILE (or of the --score file)
  bool timings = false;
  Lang lang = Lang::zh;  // --lang: the headers of the CSV files model writes (JSON keys stay English)
  std::string monitor_file, monitor_by;  // stability monitoring (issue #21 §3): --monitor, --monitor-by
  ModelLabOptions lab;
};

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

bool parse_unsigned(const std::string& s, uint64_t& out) {
  if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::strtoull(s.c_str(), nullptr, 10);
  return true;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    const size_t e = s.find(',', b);
    const std::string item = s.substr(b, e == std::string::npos ? std::string::npos : e - b);
    if (!item.empty()) out.push_back(item);
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

int parse_args(const std::vector<std::string>& args, ModelArgs& a, bool& help) {
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& o = args[i];
    if (!options_done && o == "--") {
      options_done = true;
      continue;
    }
    if (options_done || o.size() < 2 || o[0] != '-') {
      if (!a.file.empty()) return usage_error("model: one FILE only ('" + a.file + "' and '" + o + "')");
      a.file = o;
      continue;
    }
    if (o == "-h" || o == "--help") {
      help = true;
      return kExitOk;
    }
    if (o == "--timings") {
      a.timings = true;
      continue;
    }
    if (i + 1 >= args.size()) return usage_error("model: " + o + " needs a value");
    const std::string& v = args[++i];
    double d = 0;
    uint64_t u = 0;
    if (o == "--target") a.lab.data.target = v;
    else if (o == "--bad") a.lab.data.bad_value = v;
    else if (o == "--json") a.json_out = v;
    else if (o == "--split-out") a.split_out = v;
    else if (o == "--score") a.score_file = v;
    else if (o == "--score-out") a.score_out = v;
    else if (o == "--export-sql") a.export_sql = v;
    else if (o == "--card-csv") a.card_csv = v;
    else if (o == "--monitor") a.monitor_file = v;
    else if (o == "--monitor-by") a.monitor_by = v;
    else if (o == "--lang") {
      if (!parse_lang(v, a.lang)) return usage_error("model: --lang expects zh or en, got '" + v + "'");
    }
    else if (o == "--sheet") {
      SheetChoice choice;
      if (std::string e = parse_sheet_choice(v, choice); !e.empty()) return usage_error("model: " + e);
      a.sheets.push_back(choice);
    }
    else if (o == "--seed") {
      if (!parse_unsigned(v, u)) return usage_error("model: --seed takes a whole number ≥ 0");
      a.lab.seed = u;
    } else if (o == "--test-fraction") {
      if (!parse_double(v, d) || d <= 0 || d >= 1) return usage_error("model: --test-fraction takes a number in (0, 1)");
      a.lab.test_fraction = d;
    } else if (o == "--l2") {
      if (!parse_double(v, d) || d < 0) return usage_error("model: --l2 takes a number ≥ 0");
      a.lab.l2 = d;
    } else if (o == "--cap") {
      const std::vector<std::string> q = split_list(v);
      double lo = 0, hi = 0;
      if (q.size() != 2 || !parse_double(q[0], lo) || !parse_double(q[1], hi) || lo < 0 || hi > 1 || lo >= hi)
        return usage_error("model: --cap takes LOW,HIGH quantiles, 0 ≤ LOW < HIGH ≤ 1 (e.g. 0.01,0.99)");
      a.lab.cap_low = lo;
      a.lab.cap_high = hi;
    } else if (o == "--min-iv") {
      if (!parse_double(v, d) || d < 0) return usage_error("model: --min-iv takes a number ≥ 0");
      a.lab.selection.min_iv = d;
    } else if (o == "--max-corr") {
      if (!parse_double(v, d) || d <= 0 || d > 1) return usage_error("model: --max-corr takes a number in (0, 1]");
      a.lab.selection.max_correlation = d;
    } else if (o == "--min-bin-share") {
      if (!parse_double(v, d) || d < 0 || d >= 0.5) return usage_error("model: --min-bin-share takes a number in [0, 0.5)");
      a.lab.binning.min_share = d;
    } else if (o == "--force-in") {
      for (const std::string& s : split_list(v)) a.lab.selection.force_in.push_back(s);
    } else if (o == "--force-out") {
      for (const std::string& s : split_list(v)) a.lab.selection.force_out.push_back(s);
    } else if (o == "--folds") {
      if (!parse_unsigned(v, u) || u < 2 || u > 20) return usage_error("model: --folds takes 2 to 20");
      a.lab.folds = static_cast<int>(u);
    } else if (o == "--tree-depth") {
      if (!parse_unsigned(v, u) || u < 1 || u > 20) return usage_error("model: --tree-depth takes 1 to 20");
      a.lab.tree.max_depth = static_cast<int>(u);
    } else if (o == "--min-leaf") {
      if (!parse_unsigned(v, u) || u < 1) return usage_error("model: --min-leaf takes a whole number ≥ 1");
      a.lab.tree.min_leaf = u;
    } else if (o == "--base-score") {
      if (!parse_double(v, d)) return usage_error("model: --base-score takes a number");
      a.lab.scorecard.base_score = d;
    } else if (o == "--base-odds") {
      if (!parse_double(v, d) || d <= 0) return usage_error("model: --base-odds takes a number > 0");
      a.lab.scorecard.base_odds = d;
    } else if (o == "--merge-bin" || o == "--split-bin") {
      // FEATURE:BIN (1-based bin, merged with the next) or FEATURE:BIN:AT; the feature name may
      // itself hold ':' (the last one or two fields are the numbers).
      const bool merge = o == "--merge-bin";
      BinEdit e;
      e.op = merge ? BinEdit::Op::merge : BinEdit::Op::split;
      std::string rest = v;
      if (!merge) {
        const size_t c = rest.rfind(':');
        if (c == std::string::npos || !parse_double(rest.substr(c + 1), e.at))
          return usage_error("model: --split-bin takes FEATURE:BIN:AT, e.g. LIMIT_BAL:2:50000");
        rest = rest.substr(0, c);
      }
      const size_t c = rest.rfind(':');
      if (c == std::string::npos || c == 0 || !parse_unsigned(rest.substr(c + 1), u) || u < 1)
        return usage_error(std::string("model: ") + o + " takes FEATURE:BIN" + (merge ? "" : ":AT") + " with BIN ≥ 1");
      e.feature = rest.substr(0, c);
      e.bin = static_cast<size_t>(u - 1);
      a.lab.bin_edits.push_back(e);
    } else if (o == "--special") {
      // issue #21 §1: FEATURE:V1,V2 — split on the last ':' (a feature name may hold ':').
      const size_t c = v.rfind(':');
      FeatureSpecials sp;
      if (c == std::string::npos || c == 0) return usage_error("model: --special takes FEATURE:V1,V2, e.g. PAY_0:-2,-1");
      sp.feature = v.substr(0, c);
      for (const std::string& code : split_list(v.substr(c + 1))) {
        if (!parse_double(code, d)) return usage_error("model: --special " + v + ": '" + code + "' is not a number");
        sp.codes.push_back(d);
      }
      if (sp.codes.empty()) return usage_error("model: --special takes FEATURE:V1,V2 with at least one value");
      a.lab.binning.specials.push_back(sp);
    } else if (o == "--trend") {
      // issue #21 §1: FEATURE:TREND (the last ':'), or TREND alone for every feature not named.
      const size_t c = v.rfind(':');
      FeatureTrend t;
      const std::string name = c == std::string::npos ? v : v.substr(c + 1);
      if (!parse_bin_trend(name, t.trend))
        return usage_error("model: --trend takes [FEATURE:]auto|ascending|descending|peak|valley|none, got '" + v + "'");
      if (c == std::string::npos) a.lab.binning.default_trend = t.trend;
      else if (c == 0) return usage_error("model: --trend " + v + ": no feature before ':'");
      else {
        t.feature = v.substr(0, c);
        a.lab.binning.trends.push_back(t);
      }
    } else if (o == "--bins-csv") {
      a.bins_csv_out = v;
    } else if (o == "--pdo") {
      if (!parse_double(v, d) || d <= 0) return usage_error("model: --pdo takes a number > 0");
      a.lab.scorecard.pdo = d;
    } else {
      return usage_error("model: unknown option '" + o + "'");
    }
  }
  if (a.file.empty()) return usage_error("model: no FILE given");
  if (a.lab.data.target.empty()) return usage_error("model: --target COLUMN is required (a name or a 1-based number)");
  if (!a.score_file.empty() && a.score_out.empty()) return usage_error("model: --score needs --score-out FILE");
  return kExitOk;
}

using Clock = std::chrono::steady_clock;

// The model reads one table: the one sheet chosen for `path` (--sheet NAME or --sheet PATH:NAME),
// else its default sheet.
int import_one_table(const std::string& path, const std::vector<SheetChoice>& all, ImportedFile& out) {
  std::vector<SheetChoice> mine;
  for (const SheetChoice& c : all)
    if (c.file.empty() || c.file == path || c.file == file_name_of(path)) mine.push_back(c);
  if (mine.size() > 1) return usage_error("model: one --sheet per file (the model reads one table)");
  std::vector<ImportedFile> files;
  const int status = import_files({path}, mine, false, true, files);
  if (status == kExitOk) out = std::move(files.front());
  return status;
}

// --bins-csv: every feature's binning table (binning_table_csv.hpp). False when it cannot be written.
bool write_bins_csv(const ModelArgs& a, const ModelLab& lab) {
  if (a.bins_csv_out.empty()) return true;
  if (write_output(a.bins_csv_out, binning_tables_csv(lab.binnings, a.lang))) return true;
  std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.bins_csv_out.c_str());
  return false;
}

// --export-sql and --card-csv (issue #21 §2): the scorecard outside the lab. Returns the exit status.
int write_scorecard_exports(const ModelArgs& a, const ModelLab& lab) {
  if (a.export_sql.empty() && a.card_csv.empty()) return kExitOk;
  if (!lab.scorecard.ok()) {
    std::fprintf(stderr, "overdue-lens: no scorecard to export: %s\n", lab.scorecard.error.c_str());
    return kExitBadInput;
  }
  int status = kExitOk;
  if (!a.export_sql.empty()) {
    std::string error;
    const std::string sql = scorecard_sql(lab.scorecard, date_feature_names(lab.data), error);
    if (!error.empty()) {
      std::fprintf(stderr, "overdue-lens: --export-sql: %s\n", error.c_str());
      status = kExitBadInput;
    } else if (!write_output(a.export_sql, sql)) {
      std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.export_sql.c_str());
      status = kExitBadInput;
    }
  }
  if (!a.card_csv.empty() && !write_output(a.card_csv, scorecard_card_csv(lab.scorecard, a.lang))) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.card_csv.c_str());
    status = kExitBadInput;
  }
  return status;
}

// Stability monitoring (issue #21 §3) into lab.monitoring: --monitor OTHER (read like --score's
// file; a feature column missing there exits 1) and --monitor-by COLUMN (a date column of FILE;
// an unknown or non-date column is wrong usage, exit 2).
int run_monitoring(const ModelArgs& a, const ImportedFile& file, ModelLab& lab) {
  if (a.monitor_file.empty() && a.monitor_by.empty()) return kExitOk;
  if (!lab.scorecard.ok()) {
    std::fprintf(stderr, "overdue-lens: --monitor: no scorecard: %s\n", lab.scorecard.error.c_str());
    return kExitBadInput;
  }
  if (!a.monitor_by.empty()) {
    std::string error;
    StabilityByMonth by = monitor_by_month(lab.scorecard, lab.bands, file, lab.data.record, a.monitor_by, error);
    if (!error.empty()) return usage_error("model: --monitor-by: " + error);
    lab.monitoring.has_by_month = true;
    lab.monitoring.by_month = std::move(by);
  }
  if (!a.monitor_file.empty()) {
    ImportedFile other;
    if (const int s = import_one_table(a.monitor_file, a.sheets, other); s != kExitOk) return s;
    std::string error = other.error;
    StabilityReport r;
    const Clock::time_point t0 = Clock::now();
    if (error.empty()) r = monitor_file(lab.scorecard, lab.bands, file, lab.data.record, other, error);
    if (a.timings)  // the comparison alone (the page's cost: both files are already in memory)
      std::fprintf(stderr, "overdue-lens: monitoring compare %lld ms\n",
                   static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count()));
    if (!error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", a.monitor_file.c_str(), error.c_str());
      return kExitBadInput;
    }
    lab.monitoring.has_file = true;
    lab.monitoring.file = other.name;
    lab.monitoring.report = std::move(r);
  }
  return kExitOk;
}

}  // namespace

int run_model(const std::vector<std::string>& args) {
  ModelArgs a;
  bool help = false;
  if (const int status = parse_args(args, a, help); status != kExitOk) return status;
  if (help) {
    print_usage(false);
    return kExitOk;
  }
  const Clock::time_point t0 = Clock::now();
  for (const SheetChoice& c : a.sheets)
    if (!c.file.empty() && c.file != a.file && c.file != file_name_of(a.file) && c.file != a.score_file &&
        c.file != file_name_of(a.score_file) && c.file != a.monitor_file && c.file != file_name_of(a.monitor_file))
      return usage_error("model: --sheet " + c.file + ":" + c.sheet + " names neither FILE nor the --score or --monitor file");
  ImportedFile file;
  if (const int status = import_one_table(a.file, a.sheets, file); status != kExitOk) return status;
  if (a.timings)
    std::fprintf(stderr, "overdue-lens: import %lld ms\n",
                 static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count()));
  ModelLab lab = run_model_lab(file, a.lab);
  if (a.timings)
    for (const StepTime& s : lab.times) std::fprintf(stderr, "overdue-lens: %s %.0f ms\n", s.step.c_str(), s.ms);
  if (!lab.bin_edits_skipped.empty())  // the edits that could apply did; say which did not
    std::fprintf(stderr, "overdue-lens: bin edits not applied:\n%s", lab.bin_edits_skipped.c_str());
  if (!lab.error.empty()) {
    std::fprintf(stderr, "overdue-lens: %s: %s\n", a.file.c_str(), lab.error.c_str());
    if (lab.usage_error) {
      std::fputc('\n', stderr);
      print_usage(true);
      return kExitUsage;
    }
    return kExitBadInput;
  }
  int status = kExitOk;
  if (!a.split_out.empty() && !write_output(a.split_out, split_csv(lab.data, lab.split))) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.split_out.c_str());
    status = kExitBadInput;
  }
  if (!a.score_file.empty()) {
    ImportedFile other;
    if (const int s = import_one_table(a.score_file, a.sheets, other); s != kExitOk) return s;
    std::string error = other.error;
    const std::string csv = error.empty() && lab.scorecard.ok() ? scorecard_scores_csv(lab.scorecard, other, error) : "";
    if (error.empty() && !lab.scorecard.ok()) error = "no scorecard: " + lab.scorecard.error;
    if (!error.empty()) {
      std::fprintf(stderr, "overdue-lens: %s: %s\n", a.score_file.c_str(), error.c_str());
      status = kExitBadInput;
    } else if (!write_output(a.score_out, csv)) {
      std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.score_out.c_str());
      status = kExitBadInput;
    }
  }
  if (!write_bins_csv(a, lab)) status = kExitBadInput;
  if (const int s = write_scorecard_exports(a, lab); s != kExitOk) status = s;
  const Clock::time_point t_monitor = Clock::now();
  if (const int s = run_monitoring(a, file, lab); s != kExitOk) {
    if (s == kExitUsage) return s;
    status = s;
  }
  if (a.timings && (!a.monitor_file.empty() || !a.monitor_by.empty()))
    std::fprintf(stderr, "overdue-lens: monitoring %lld ms\n",
                 static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t_monitor).count()));
  const std::string json = model_lab_json(lab, file.name) + "\n";
  if (!write_output(a.json_out, json)) {
    std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", a.json_out.c_str());
    return kExitBadInput;
  }
  return status;
}

}  // namespace overdue::cli
