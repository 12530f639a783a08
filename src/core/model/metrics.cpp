// Binary score evaluation: AUC, KS, ROC/KS curves, confusion matrix, histograms, PSI, folds.
// See include/overdue/model/metrics.hpp for the definitions (higher score = riskier).
#include "overdue/model/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "overdue/model/math.hpp"
#include "overdue/model/random.hpp"

namespace overdue {
namespace {

struct Scored {
  double score;
  uint8_t bad;
};

// Non-NaN (score, label) pairs sorted by score descending; ties keep input order (stable), which
// does not matter for any statistic because ties are always grouped.
std::vector<Scored> sorted_desc(const std::vector<double>& scores,
                                const std::vector<uint8_t>& labels) {
  std::vector<Scored> v;
  const size_t n = std::min(scores.size(), labels.size());
  v.reserve(n);
  for (size_t i = 0; i < n; ++i)
    if (!std::isnan(scores[i])) v.push_back({scores[i], uint8_t(labels[i] ? 1 : 0)});
  std::stable_sort(v.begin(), v.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  return v;
}

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

}  // namespace

double auc_score(const std::vector<double>& scores, const std::vector<uint8_t>& labels) {
  // Mann–Whitney U from ranks in ascending order; tied scores share their average rank, which is
  // exactly "ties count half".
  std::vector<Scored> v = sorted_desc(scores, labels);
  std::reverse(v.begin(), v.end());
  double bads = 0, goods = 0, rank_sum_bad = 0;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    double tie_bads = 0;
    while (j < v.size() && v[j].score == v[i].score) tie_bads += v[j++].bad;
    const double avg_rank = (double(i + 1) + double(j)) / 2.0;  // ranks i+1 … j
    rank_sum_bad += tie_bads * avg_rank;
    bads += tie_bads;
    goods += double(j - i) - tie_bads;
    i = j;
  }
  if (bads == 0 || goods == 0) return std::numeric_limits<double>::quiet_NaN();
  return (rank_sum_bad - bads * (bads + 1) / 2.0) / (bads * goods);
}

std::vector<CurvePoint> score_curve(const std::vector<double>& scores,
                                    const std::vector<uint8_t>& labels) {
  const std::vector<Scored> v = sorted_desc(scores, labels);
  double bads = 0;
  for (const Scored& s : v) bads += s.bad;
  const double goods = double(v.size()) - bads;
  std::vector<CurvePoint> out;
  if (bads == 0 || goods == 0) return out;
  CurvePoint start;
  start.threshold = std::nextafter(v.front().score, std::numeric_limits<double>::infinity());
  out.push_back(start);
  double tp = 0, fp = 0;
  size_t i = 0;
  while (i < v.size()) {
    const double t = v[i].score;
    while (i < v.size() && v[i].score == t) {
      tp += v[i].bad;
      fp += 1 - v[i].bad;
      ++i;
    }
    CurvePoint p;
    p.threshold = t;
    p.population = double(i) / double(v.size());
    p.tpr = tp / bads;
    p.fpr = fp / goods;
    p.ks = p.tpr - p.fpr;
    out.push_back(p);
  }
  return out;
}

KsResult ks_statistic(const std::vector<double>& scores, const std::vector<uint8_t>& labels) {
  // Compared in integers, |tp·G − fp·B| = B·G·|TPR − FPR|, so equal KS values tie exactly
  // (2/3 − 0 and 1 − 1/3 differ in the last bit as doubles) and the tie rule decides.
  const std::vector<Scored> v = sorted_desc(scores, labels);
  uint64_t bads = 0;
  for (const Scored& s : v) bads += s.bad;
  const uint64_t goods = v.size() - bads;
  KsResult r;
  if (bads == 0 || goods == 0) {
    r.threshold = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  uint64_t tp = 0, fp = 0, best = 0;
  r.threshold = v.front().score;
  size_t i = 0;
  while (i < v.size()) {  // descending thresholds; strict > keeps the highest on a tie
    const double t = v[i].score;
    while (i < v.size() && v[i].score == t) {
      tp += v[i].bad;
      fp += 1 - v[i].bad;
      ++i;
    }
    const uint64_t a = tp * goods, b = fp * bads;
    const uint64_t gap = a > b ? a - b : b - a;
    if (gap > best) {
      best = gap;
      r.threshold = t;
    }
  }
  r.ks = double(best) / (double(bads) * double(goods));
  return r;
}

Confusion confusion_at(const std::vector<double>& scores, const std::vector<uint8_t>& labels,
                       double threshold) {
  Confusion c;
  c.threshold = threshold;
  const size_t n = std::min(scores.size(), labels.size());
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(scores[i])) continue;
    const bool predicted_bad = scores[i] >= threshold;
    if (labels[i])
      (predicted_bad ? c.tp : c.fn)++;
    else
      (predicted_bad ? c.fp : c.tn)++;
  }
  const double tp = double(c.tp), fp = double(c.fp), tn = double(c.tn), fn = double(c.fn);
  c.accuracy = ratio(tp + tn, tp + fp + tn + fn);
  c.precision = ratio(tp, tp + fp);
  c.recall = ratio(tp, tp + fn);
  c.f1 = ratio(2 * tp, 2 * tp + fp + fn);  // = 2PR/(P+R), and 0 when there is nothing to find
  return c;
}

BinaryMetrics evaluate_scores(const std::vector<double>& scores,
                              const std::vector<uint8_t>& labels) {
  BinaryMetrics m;
  const size_t n = std::min(scores.size(), labels.size());
  for (size_t i = 0; i < n; ++i)
    if (!std::isnan(scores[i])) {
      ++m.accounts;
      m.bads += labels[i] ? 1 : 0;
    }
  m.auc = auc_score(scores, labels);
  m.gini = 2 * m.auc - 1;
  const KsResult ks = ks_statistic(scores, labels);
  m.ks = ks.ks;
  m.threshold = ks.threshold;
  m.confusion = confusion_at(scores, labels, ks.threshold);
  return m;
}

ScoreHistogram score_histogram(const std::vector<double>& scores,
                               const std::vector<uint8_t>& labels, int bins, double lo, double hi) {
  ScoreHistogram h;
  if (bins < 1) bins = 1;
  if (!(lo < hi)) {
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (double s : scores)
      if (!std::isnan(s)) lo = std::min(lo, s), hi = std::max(hi, s);
    if (lo > hi) lo = hi = 0;
  }
  h.lo = lo;
  h.hi = hi;
  h.bad.assign(size_t(bins), 0);
  h.good.assign(size_t(bins), 0);
  const double width = hi > lo ? (hi - lo) / bins : 1.0;
  const size_t n = std::min(scores.size(), labels.size());
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(scores[i])) continue;
    long b = long(std::floor((scores[i] - lo) / width));
    b = std::clamp(b, 0L, long(bins - 1));
    (labels[i] ? h.bad : h.good)[size_t(b)]++;
  }
  return h;
}

PsiResult population_stability(const std::vector<double>& reference,
                               const std::vector<double>& other, int bins) {
  PsiResult r;
  std::vector<double> ref;
  for (double v : reference)
    if (!std::isnan(v)) ref.push_back(v);
  std::vector<double> oth;
  for (double v : other)
    if (!std::isnan(v)) oth.push_back(v);
  if (ref.empty() || oth.empty() || bins < 1) return r;
  std::sort(ref.begin(), ref.end());
  // Inner edges at the reference's quantiles q = i/bins (linear interpolation between order
  // statistics, numpy's default); equal edges collapse so no bin is empty by construction.
  for (int i = 1; i < bins; ++i) {
    const double pos = double(i) / bins * double(ref.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, ref.size() - 1);
    const double e = ref[lo] + (pos - double(lo)) * (ref[hi] - ref[lo]);
    if (r.edges.empty() || e > r.edges.back()) r.edges.push_back(e);
  }
  const size_t nb = r.edges.size() + 1;
  auto count = [&](const std::vector<double>& xs) {
    std::vector<double> c(nb, 0.0);
    for (double v : xs)  // bin = number of edges strictly below v: (e[i-1], e[i]]
      c[size_t(std::lower_bound(r.edges.begin(), r.edges.end(), v) - r.edges.begin())] += 1;
    return c;
  };
  const std::vector<double> expected = count(ref), actual = count(oth);
  std::vector<double> edges = std::move(r.edges);
  r = psi_from_counts(expected, actual);
  r.edges = std::move(edges);
  return r;
}

PsiResult psi_from_counts(const std::vector<double>& expected, const std::vector<double>& actual) {
  PsiResult r;
  if (expected.size() != actual.size()) return r;
  double te = 0, ta = 0;
  for (double c : expected) te += c;
  for (double c : actual) ta += c;
  if (!(te > 0) || !(ta > 0)) return r;
  for (size_t i = 0; i < expected.size(); ++i) {
    r.expected.push_back(expected[i] / te);
    r.actual.push_back(actual[i] / ta);
    // An empty bin (or one below 0.01 %) counts as 0.0001 so that ln(a/e) stays finite.
    const double e = std::max(r.expected[i], kPsiEpsilon);
    const double a = std::max(r.actual[i], kPsiEpsilon);
    r.contribution.push_back((a - e) * model_math::log(a / e));
    r.psi += r.contribution.back();
  }
  return r;
}

std::vector<std::vector<uint32_t>> stratified_folds(const std::vector<uint8_t>& labels,
                                                    const std::vector<uint32_t>& rows, int k,
                                                    uint64_t seed) {
  if (k < 1) k = 1;
  std::vector<std::vector<uint32_t>> folds(static_cast<size_t>(k));
  std::vector<uint32_t> bad, good;
  for (uint32_t r : rows) (labels[r] ? bad : good).push_back(r);
  SplitMix64 rng(seed);
  seeded_shuffle(bad, rng);
  seeded_shuffle(good, rng);
  // Deal the bads first, then continue the round-robin with the goods, so fold sizes differ by
  // at most one as well as their bad counts.
  size_t next = 0;
  for (uint32_t r : bad) folds[next++ % size_t(k)].push_back(r);
  for (uint32_t r : good) folds[next++ % size_t(k)].push_back(r);
  for (auto& f : folds) std::sort(f.begin(), f.end());
  return folds;
}

}  // namespace overdue
