// The binning table of a feature (binning_table.hpp): counts, WoE and IV from the binning, the
// Jensen–Shannon term per bin and the χ² p-value between neighbouring value bins.
#include "overdue/model/binning_table.hpp"

#include <cmath>

namespace overdue {
namespace {

double x_log_x_over(double x, double m) { return x > 0 ? x * std::log(x / m) : 0.0; }

// Bins whose neighbour in value is the next bin: two ranges or two level groups.
bool tested_pair(const WoeBin& a, const WoeBin& b) {
  return a.kind == b.kind && (a.kind == WoeBin::Kind::range || a.kind == WoeBin::Kind::levels);
}

}  // namespace

double jensen_shannon_term(double p, double q) {
  const double m = 0.5 * (p + q);
  return m > 0 ? 0.5 * (x_log_x_over(p, m) + x_log_x_over(q, m)) : 0.0;
}

double chi_square_p_value_2x2(double a, double b, double c, double d) {
  const double n = a + b + c + d;
  const double r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
  if (r1 <= 0 || r2 <= 0 || c1 <= 0 || c2 <= 0) return -1;
  const double diff = a * d - b * c;
  // N·(ad − bc)² / (r1·r2·c1·c2), the products split so that large counts do not overflow.
  const double chi2 = (n * diff / r1) * (diff / r2) / c1 / c2;
  return std::erfc(std::sqrt(chi2 / 2.0));  // the χ²(1) survival function
}

BinningTable binning_table(const FeatureBinning& b) {
  BinningTable t;
  t.feature = b.name;
  double events = 0, non_events = 0;
  for (const WoeBin& w : b.bins)
    events += static_cast<double>(w.bad), non_events += static_cast<double>(w.good);
  BinningTableRow& sum = t.totals;
  sum.bin = "Totals";
  for (size_t i = 0; i < b.bins.size(); ++i) {
    const WoeBin& w = b.bins[i];
    BinningTableRow r;
    r.bin = w.label;
    r.non_events = w.good;
    r.events = w.bad;
    r.count = w.good + w.bad;
    r.share = w.share;
    r.event_rate = w.bad_rate;
    r.woe = w.woe;
    r.iv = w.iv;
    r.js = events > 0 && non_events > 0
               ? jensen_shannon_term(static_cast<double>(w.bad) / events,
                                     static_cast<double>(w.good) / non_events)
               : 0.0;
    if (i + 1 < b.bins.size() && tested_pair(w, b.bins[i + 1])) {
      const WoeBin& n = b.bins[i + 1];
      r.p_value_next =
          chi_square_p_value_2x2(static_cast<double>(w.bad), static_cast<double>(w.good),
                                 static_cast<double>(n.bad), static_cast<double>(n.good));
      r.merge_suggested = r.p_value_next > kBinMergeAlpha;
    }
    sum.count += r.count;
    sum.non_events += r.non_events;
    sum.events += r.events;
    sum.share += r.share;
    sum.iv += r.iv;
    sum.js += r.js;
    t.rows.push_back(r);
  }
  sum.event_rate = sum.count ? static_cast<double>(sum.events) / static_cast<double>(sum.count) : 0;
  sum.woe = 0;
  return t;
}

}  // namespace overdue
