// Stability monitoring of a scorecard (issue #21 §3, DESIGN.md §5): do new applicants still look
// like the accounts the card was built on?
//
//   population stability index (PSI) of the score, over the lab's score bands (ModelLab::bands,
//     their point edges), and
//   characteristic stability index (CSI) of every feature of the card, over the card's bins,
//
// both = Σ_i (a_i − e_i)·ln(a_i / e_i), with e_i the share of the expected records (every accepted
// record of the development file) in bin i and a_i the share of the actual records (another file,
// or one month of the development file) — the formula and the 0.0001 floor of psi_from_counts
// (metrics.hpp), so that an empty bin keeps the index finite. Reading (Siddiqi 2006; the usual
// industry bands): < 0.10 stable, 0.10–0.25 watch, ≥ 0.25 shift.
//
// Every record goes through the scorecard's own rule for the bin of a value
// (scorecard_value_of_cell and scorecard_bin_of_value, the rule --score uses), on the expected and the actual side alike, so
// a file compared with itself gives exactly 0.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/job/job.hpp"
#include "overdue/model/decisions.hpp"
#include "overdue/model/scorecard.hpp"

namespace overdue {

constexpr double kStabilityWatch = 0.10;  // index ≥ this: watch
constexpr double kStabilityShift = 0.25;  // index ≥ this: shift
// "stable", "watch" or "shift" (JSON keys, untranslated).
const char* stability_band(double index);

struct StabilityBin {
  std::string label;            // a card bin's label, or "band N"
  int band = 0;                 // score bins: the lab's band number (1 = the safest)
  double lower = 0, upper = 0;  // score bins: points range (lower, upper], ±inf at the ends
  uint64_t expected_count = 0, actual_count = 0;
  double expected = 0, actual = 0;  // shares (fractions) of their totals
  double contribution = 0;          // this bin's term of the index
};
struct StabilityIndex {
  double index = 0;
  std::string band;  // stability_band(index)
  std::vector<StabilityBin> bins;
};
// The index from counts per bin (labels left empty). Both totals must be > 0 (else index 0).
StabilityIndex stability_from_counts(const std::vector<uint64_t>& expected,
                                     const std::vector<uint64_t>& actual);

struct FeatureStability {
  std::string feature;
  StabilityIndex csi;  // bins in the card's order; one "no bin" row at the end when some value
                       // had none (an unseen level without a rare bin, NaN without a missing bin)
};
struct StabilityReport {
  uint64_t expected_records = 0, actual_records = 0;
  StabilityIndex score;                    // bins: the lab's bands, band 1 (safest) first
  std::vector<FeatureStability> features;  // the card's feature order
};

// What a set of records looks like to the card: per card feature, the bin of each record
// (−1 = no bin), and each record's points (the sum --score prints).
struct CardRecords {
  std::vector<std::vector<int>> bins;  // [feature][record]
  std::vector<double> points;          // [record]
};
// `rows` are row indices of `file`; a feature column missing from the file is an error
// (returned in `error`, result empty).
CardRecords card_records(const Scorecard& card, const ImportedFile& file,
                         const std::vector<size_t>& rows, std::string& error);
// The rows of the development file that are the lab's accepted records (ModelDataset::record).
std::vector<size_t> accepted_rows(const ImportedFile& file,
                                  const std::vector<uint64_t>& accepted_records);

// Upper point edges of the bands, ascending: a score s falls in the first bin whose edge is ≥ s
// (the last bin is open above). One edge per band; the last is +inf.
std::vector<double> band_point_edges(const std::vector<ScoreBand>& bands);

// Expected vs actual: the score PSI over the bands and the CSI of every card feature.
StabilityReport compare_stability(const Scorecard& card, const std::vector<ScoreBand>& bands,
                                  const CardRecords& expected, const CardRecords& actual);

// The development file against another file (all its rows; no target needed).
StabilityReport monitor_file(const Scorecard& card, const std::vector<ScoreBand>& bands,
                             const ImportedFile& dev, const std::vector<uint64_t>& accepted_records,
                             const ImportedFile& other, std::string& error);

// --monitor-by: the accepted records of the development file per calendar month of a date
// column, each month against the first (earliest) month. Records without a date are counted and
// left out.
struct MonthStability {
  std::string month;       // "YYYY-MM"
  StabilityReport report;  // expected = the first month (its own row has index 0)
};
struct StabilityByMonth {
  std::string column;
  uint64_t missing_dates = 0;
  std::vector<MonthStability> months;  // ascending
};
// A month key per row: days since 1970-01-01 → "YYYY-MM" (kMissingDays → "").
std::string month_of_days(int32_t days);
StabilityByMonth monitor_by_month(const Scorecard& card, const std::vector<ScoreBand>& bands,
                                  const ImportedFile& dev,
                                  const std::vector<uint64_t>& accepted_records,
                                  const std::string& column, std::string& error);

// What the lab shows and writes for monitoring (filled by the caller after a run: the CLI with
// --monitor / --monitor-by, the page when the user picks a file or a date column).
struct LabMonitoring {
  bool has_file = false;
  std::string file;  // the actual file's name
  StabilityReport report;
  bool has_by_month = false;
  StabilityByMonth by_month;
};

// The whole comparison as a job (overdue/job/job.hpp), so the page can spread it over frames: a
// budget unit is one record (the development file's accepted records, then the other file's),
// then the indexes are counted at once. `other` may be null (by month only), `column` empty (no
// by-month). The card and bands are copied; the files must outlive the job. The result's
// has_file / has_by_month say what was computed; error() says why not (a missing feature column,
// an other file without records, an unknown or non-date column).
class StabilityJob {
 public:
  StabilityJob(const Scorecard& card, const std::vector<ScoreBand>& bands, const ImportedFile& dev,
               const std::vector<uint64_t>& accepted_records, const ImportedFile* other,
               std::string column);
  Step step(Budget& budget);
  double progress() const;
  const std::string& error() const { return error_; }
  LabMonitoring take();

 private:
  Scorecard card_;
  std::vector<ScoreBand> bands_;
  const ImportedFile& dev_;
  const ImportedFile* other_;
  std::string column_;
  std::vector<size_t> dev_rows_, other_rows_;
  size_t dev_done_ = 0, other_done_ = 0;
  CardRecords expected_, actual_;
  std::string error_;
  bool done_ = false;
  LabMonitoring result_;
};

}  // namespace overdue
