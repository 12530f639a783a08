// overdue-lens: the OverdueLens core on the command line (DESIGN.md §8). Built natively and,
// with Emscripten, as a node program (overdue-lens.js) whose output must match byte for byte.
//   overdue-lens inspect FILE...     detection results as JSON (issue #2)
//   overdue-lens analyze FILE...     receivables at an as-of date as JSON (issue #3)
//   overdue-lens model FILE          the credit-risk model lab as JSON (issue #5)
// One command_<name>.cpp each, registered in kCommands below.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "analyze_options.hpp"
#include "cli_commands.hpp"
#include "sheet_choice.hpp"

namespace overdue::cli {
namespace {

constexpr const char* kVersion = "overdue-lens 0.1.0";

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
};
const Command kCommands[] = {
    {"inspect", run_inspect},
    {"analyze", run_analyze},
    {"model", run_model},
};

}  // namespace

void print_usage(bool to_stderr) {
  std::fputs(
      "usage: overdue-lens <command> [options] FILE...\n"
      "\n"
      "commands:\n"
      "  inspect FILE...   read each CSV file or Excel workbook (.xlsx/.xlsm) and print, as one\n"
      "                    JSON document: its encoding, delimiter, header (a workbook: its sheets,\n"
      "                    the one read), rows read/accepted/rejected, each column's type\n"
      "                    and role, the table kind, rejected rows and cell errors\n"
      "  analyze FILE...   receivables at an as-of date as one JSON document: open items,\n"
      "                    aging buckets, overdue customers, sales reps, DSO/BPDSO/ADD/CEI,\n"
      "                    the periodic trend, rejected rows and the assumptions made; each\n"
      "                    overdue customer classified (temporary/structural/stubborn) with its\n"
      "                    rule trace, scores, priority, action plan and bad-debt allowance.\n"
      "                    A contact log (催收记录) is just one more FILE. Disputed invoices\n"
      "                    (a disputed/有争议 column, or contact rows with the outcome 争议/dispute)\n"
      "                    stay in the totals, shown as in dispute (JSON totals.in_dispute,\n"
      "                    disputes), out of the letters and the lateness rules; credit limits\n"
      "                    of a customers table give utilisation and the JSON \"credit\" (customers\n"
      "                    over the limit or above --set credit.warning_share, default 0.9)\n"
      "  model FILE        the credit-risk model lab on one file of accounts with a 0/1 target:\n"
      "                    profile, WoE bins and IV, correlation, PCA, logistic regression,\n"
      "                    scorecard, tree, test-set metrics and decisions, as one JSON document\n"
      "\n"
      "analyze options:\n"
      "  --as-of YYYY-MM-DD       as-of date (default: the latest invoice or payment date)\n"
      "  --threshold N            overdue = more than N days past due (default 30)\n"
      "  --buckets 30,60,90,180   aging bucket edges in days (default 30,60,90,180)\n"
      "  --step day|week|month    trend step and 'newly overdue' look-back (default week)\n"
      "  --map ROLE=COLUMN        give COLUMN the role ROLE in every file that has it;\n"
      "  --map FILE:ROLE=COLUMN   only in FILE (base name); ROLE 'none' clears a role;\n"
      "  --map FILE:SHEET:ROLE=COLUMN  only in that sheet of the workbook FILE\n"
      "  --settings FILE          read the settings from FILE first (the flags here override it)\n"
      "  --save-settings FILE     write the settings in effect to FILE, then analyze\n"
      "  --set KEY=VALUE          change one setting (repeatable); lists as 1,3,7 and bands as\n"
      "                           LABEL:FROM:RATE_BP,... (empty FROM: no lower bound)\n"
      "  --allowance METHOD       bad-debt allowance by dpd_bucket (default) or invoice_age_years\n"
      "  --lang zh|en             language stored in the settings (default zh)\n"
      "  --keep-drafts            read invoices with status Draft/草稿 as invoices (default: set\n"
      "                           aside with Void/作废 ones; settings import.keep_drafts)\n"
      "  --currency CODE          reporting currency (default: the currency of the most invoices;\n"
      "                           settings currency.reporting)\n"
      "  --rate CODE=RATE         RATE units of the reporting currency per unit of CODE (repeatable,\n"
      "                           at most 6 decimals; settings currency.rates=EUR:7.8,USD:7.1);\n"
      "                           a currency without a rate is left out of every total, and noted\n"
      "  --json OUT               write the JSON to OUT instead of stdout\n"
      "  --csv-dir DIR            also write overdue.csv, customers.csv, aging.csv, trend.csv,\n"
      "                           installments.csv, worklist.csv and rejected.csv to DIR (UTF-8\n"
      "                           BOM, CRLF; headers in the --lang language), and set_aside.csv\n"
      "                           when rows were set aside (drafts, void invoices, other accounts);\n"
      "                           worklist.csv: each overdue customer's next action, its date,\n"
      "                           the last contact and the promise state (the JSON's \"worklist\");\n"
      "                           forecast.csv: each open invoice's expected payment date, its\n"
      "                           low-high range and basis (history, promise, segment, book,\n"
      "                           disputed). The JSON's \"forecast\" key holds the expected cash\n"
      "                           per week (13 weeks), in the next 7 and 30 days, and the backtest\n"
      "  --timings                time of each stage on stderr\n"
      "\n",
      to_stderr ? stderr : stdout);
  std::fputs(report_options_help(), to_stderr ? stderr : stdout);
  std::fputs(
      "\n"
      "workbooks (inspect, analyze, model):\n",
      to_stderr ? stderr : stdout);
  std::fputs(sheet_option_help(), to_stderr ? stderr : stdout);
  std::fputs(
      "                           an unknown sheet exits with 1 naming the sheets there are;\n"
      "                           day/month that Excel swapped are swapped back (keep them as\n"
      "                           stored: --set import.excel_date_swap=keep)\n"
      "\n"
      "model options:\n"
      "  --target COLUMN          the target column: a name or a 1-based number (required)\n"
      "  --bad VALUE              the target value meaning bad (default 1 when the values are\n"
      "                           0/1; required otherwise, e.g. 2 or yes)\n"
      "  --seed N                 split seed (default 42)\n"
      "  --test-fraction F        share of each class in the test set (default 0.3)\n"
      "  --split-out FILE         write 'record,train|test' per accepted record (no header)\n"
      "  --l2 LAMBDA              L2 penalty: mean log-loss + LAMBDA/2 |w|^2 (default 0.0001)\n"
      "  --cap LOW,HIGH           cap numeric columns at these training quantiles (default none)\n"
      "  --min-iv X, --max-corr R  selection thresholds (default 0.02 and 0.7)\n"
      "  --force-in A,B  --force-out A,B   keep / drop features by name\n"
      "  --min-bin-share S        smallest WoE bin share (default 0.05)\n"
      "  --tree-depth N, --min-leaf N      tree limits (default 4 and 50)\n"
      "  --folds K                k-fold cross-validated AUC on the training rows (default off)\n"
      "  --base-score S --base-odds O --pdo P   scorecard scaling (default 600, 50, 20)\n"
      "  --merge-bin FEATURE:BIN  merge WoE bin BIN (1-based) of FEATURE with the next (repeatable)\n"
      "  --split-bin FEATURE:BIN:AT  split range bin BIN of FEATURE at AT (repeatable; edits\n"
      "                           apply in order, each on the bins the previous left)\n"
      "  --special FEATURE:V1,V2  codes of a numeric FEATURE with a bin of their own each, kept\n"
      "                           out of the range bins (repeatable; e.g. PAY_0:-2,-1)\n"
      "  --trend FEATURE:TREND    shape of FEATURE's bad rate over its bins: auto (default),\n"
      "                           ascending, descending, peak, valley, none (repeatable;\n"
      "                           --trend TREND alone: every feature not named)\n"
      "  --bins-csv FILE          every feature's binning table (count, share, events, WoE, IV,\n"
      "                           JS, p-value with the next bin) as CSV, headers in --lang\n"
      "  --score FILE --score-out OUT      score FILE with the scorecard: record,points,p_bad,\n"
      "                           reason_1,reason_2,reason_3 (the features that cost the most\n"
      "                           points against their best bin; a higher score = a lower risk)\n"
      "  --export-sql FILE        the scorecard as one SQL query over a table \"accounts\" (column\n"
      "                           \"record\" + the data's columns, missing = NULL, dates as days since\n"
      "                           1970-01-01): record, points, reason_1..3; SQLite and PostgreSQL\n"
      "  --card-csv FILE          the scorecard as CSV (BOM; Feature,Bin,Points with --lang en),\n"
      "                           with the scaling and the direction\n"
      "  --monitor NEW            stability of the file NEW (new applicants, no target needed)\n"
      "                           against FILE's accepted records: score PSI over the score\n"
      "                           bands, CSI of each scorecard feature over its bins;\n"
      "                           stable < 0.10 ≤ watch < 0.25 ≤ shift (JSON \"monitoring\")\n"
      "  --monitor-by COLUMN      the same per calendar month of the date COLUMN of FILE, each\n"
      "                           month against the first; rows without a date are counted\n"
      "                           (JSON \"monitoring_by\")\n"
      "  --json OUT               write the JSON to OUT instead of stdout\n"
      "  --lang zh|en             language of the CSV files' headers (default zh)\n"
      "  --timings                time of each step on stderr\n"
      "\n"
      "settings keys (--set KEY=VALUE; the same names in the --settings file):\n",
      to_stderr ? stderr : stdout);
  std::fputs(setting_keys_help().c_str(), to_stderr ? stderr : stdout);
  std::fputs(
      "\n"
      "options:\n"
      "  -h, --help        show this text\n"
      "  -V, --version     show the version\n"
      "\n"
      "exit status: 0 success, 1 bad input (a file could not be read, no invoices found, a bad\n"
      "             settings file, ...), 2 wrong usage\n",
      to_stderr ? stderr : stdout);
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "overdue-lens: %s\n\n", message.c_str());
  print_usage(true);
  return kExitUsage;
}

}  // namespace overdue::cli

int main(int argc, char** argv) {
  using namespace overdue::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string& first = args[0];
  if (first == "-h" || first == "--help" || first == "help") {
    print_usage(false);
    return kExitOk;
  }
  if (first == "-V" || first == "--version") {
    std::printf("%s\n", kVersion);
    return kExitOk;
  }
  for (const Command& c : kCommands)
    if (first == c.name) {
      try {
        return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
      } catch (const std::exception& e) {  // never a crash: report and fail
        std::fprintf(stderr, "overdue-lens: internal error: %s\n", e.what());
        return kExitBadInput;
      }
    }
  if (first.size() > 1 && first[0] == '-') return usage_error("unknown option '" + first + "'");
  return usage_error("unknown command '" + first + "'");
}
