// Score metrics (issue #5): AUC with ties, KS and its threshold, confusion/F1, curves, PSI and
// stratified folds — every figure worked out by hand in the comments.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "overdue/model/metrics.hpp"

using namespace overdue;

namespace {
// bads at 0.9, 0.8, 0.6; goods at 0.7, 0.5, 0.4
const std::vector<double> kScores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
const std::vector<uint8_t> kLabels = {1, 1, 0, 1, 0, 0};
}  // namespace

TEST_CASE("AUC: Mann-Whitney, tied bad/good pairs count half") {
  // bads {0.5, 0.9}, goods {0.5, 0.2}: pairs 0.5|0.5 = ½, 0.5>0.2, 0.9>0.5, 0.9>0.2 → 3.5 / 4
  CHECK(auc_score({0.5, 0.5, 0.2, 0.9}, {1, 0, 0, 1}) == doctest::Approx(0.875));
  // 0.9 and 0.8 beat all 3 goods, 0.6 beats 2 → 8 / 9
  CHECK(auc_score(kScores, kLabels) == doctest::Approx(8.0 / 9.0));
  // all scores equal: every pair is a tie → ½
  CHECK(auc_score({3, 3, 3, 3}, {1, 0, 1, 0}) == doctest::Approx(0.5));
  // reversed ranking → 1 − AUC
  std::vector<double> neg;
  for (double s : kScores) neg.push_back(-s);
  CHECK(auc_score(neg, kLabels) == doctest::Approx(1.0 / 9.0));
  CHECK(std::isnan(auc_score({0.1, 0.2}, {1, 1})));
  // NaN scores are left out: same as without the third account
  CHECK(auc_score({0.5, 0.5, NAN, 0.2, 0.9}, {1, 0, 1, 0, 1}) == doctest::Approx(0.875));
}

TEST_CASE("KS: max |TPR - FPR| over the distinct thresholds, highest threshold on a tie") {
  // ≥0.9: 1/3−0; ≥0.8: 2/3−0; ≥0.7: 2/3−1/3; ≥0.6: 1−1/3; ≥0.5: 1−2/3; ≥0.4: 1−1
  const KsResult ks = ks_statistic(kScores, kLabels);
  CHECK(ks.ks == doctest::Approx(2.0 / 3.0));
  CHECK(ks.threshold == 0.8);  // 0.6 reaches 2/3 too; the higher one is kept
  const KsResult none = ks_statistic({0.1, 0.2}, {0, 0});
  CHECK(none.ks == 0);
  CHECK(std::isnan(none.threshold));
}

TEST_CASE("ROC/KS curve: one point per distinct score from (0,0) to (1,1)") {
  const std::vector<CurvePoint> c = score_curve({0.9, 0.5, 0.5, 0.1}, {1, 1, 0, 0});
  REQUIRE(c.size() == 4);
  CHECK(c[0].threshold > 0.9);
  CHECK(c[0].tpr == 0);
  CHECK(c[0].fpr == 0);
  CHECK(c[1].threshold == 0.9);
  CHECK(c[1].tpr == doctest::Approx(0.5));
  CHECK(c[1].population == doctest::Approx(0.25));
  CHECK(c[2].threshold == 0.5);  // the tie enters as one step: one bad and one good
  CHECK(c[2].tpr == doctest::Approx(1.0));
  CHECK(c[2].fpr == doctest::Approx(0.5));
  CHECK(c[2].ks == doctest::Approx(0.5));
  CHECK(c[3].tpr == 1);
  CHECK(c[3].fpr == 1);
  CHECK(c[3].population == 1);
}

TEST_CASE("confusion matrix and F1 at a threshold (score >= threshold = bad)") {
  // ≥0.6 → predicted bad: 0.9(b) 0.8(b) 0.7(g) 0.6(b); good: 0.5(g) 0.4(g)
  const Confusion c = confusion_at(kScores, kLabels, 0.6);
  CHECK(c.tp == 3);
  CHECK(c.fp == 1);
  CHECK(c.tn == 2);
  CHECK(c.fn == 0);
  CHECK(c.accuracy == doctest::Approx(5.0 / 6.0));
  CHECK(c.precision == doctest::Approx(0.75));
  CHECK(c.recall == doctest::Approx(1.0));
  CHECK(c.f1 == doctest::Approx(6.0 / 7.0));  // 2·0.75·1 / 1.75
  // threshold above everything: nothing predicted bad, precision and F1 are 0, not NaN
  const Confusion none = confusion_at(kScores, kLabels, 2.0);
  CHECK(none.tp + none.fp == 0);
  CHECK(none.precision == 0);
  CHECK(none.f1 == 0);
  CHECK(none.accuracy == doctest::Approx(0.5));
}

TEST_CASE("evaluate_scores: Gini = 2·AUC − 1 and the confusion matrix at the KS threshold") {
  const BinaryMetrics m = evaluate_scores(kScores, kLabels);
  CHECK(m.accounts == 6);
  CHECK(m.bads == 3);
  CHECK(m.gini == doctest::Approx(2 * 8.0 / 9.0 - 1));
  CHECK(m.threshold == 0.8);
  CHECK(m.confusion.tp == 2);
  CHECK(m.confusion.fp == 0);
  CHECK(m.confusion.fn == 1);
  CHECK(m.confusion.tn == 3);
  CHECK(m.confusion.precision == doctest::Approx(1.0));
  CHECK(m.confusion.recall == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("score histogram per class over [min, max], max in the last bin") {
  const ScoreHistogram h = score_histogram({0.0, 0.1, 0.5, 0.99, 1.0}, {1, 0, 1, 0, 1}, 2);
  CHECK(h.lo == 0);
  CHECK(h.hi == 1);
  CHECK(h.bad == std::vector<size_t>{1, 2});   // 0.0 | 0.5, 1.0
  CHECK(h.good == std::vector<size_t>{1, 1});  // 0.1 | 0.99
}

TEST_CASE("PSI: identical samples give 0, a moved sample gives the hand-computed sum") {
  std::vector<double> ref;
  for (int i = 1; i <= 10; ++i) ref.push_back(i);
  const PsiResult same = population_stability(ref, ref);
  CHECK(same.psi == doctest::Approx(0.0));
  // deciles of 1..10 by linear interpolation: 1.9, 2.8, …, 9.1 → one value per bin (10 %)
  REQUIRE(same.edges.size() == 9);
  CHECK(same.edges[0] == doctest::Approx(1.9));
  CHECK(same.edges[8] == doctest::Approx(9.1));
  // everything moves to 10: the last bin holds 100 %, the other nine are floored at 1e-4
  const PsiResult moved = population_stability(ref, std::vector<double>(10, 10.0));
  const double expected =
      9 * (1e-4 - 0.1) * std::log(1e-4 / 0.1) + (1.0 - 0.1) * std::log(1.0 / 0.1);
  CHECK(moved.psi == doctest::Approx(expected));
  CHECK(moved.psi > 0.25);
  // a reference full of ties: duplicate edges merge into fewer bins
  const PsiResult ties = population_stability({1, 1, 1, 1, 1, 1, 1, 1, 2, 3}, {1, 2, 3});
  CHECK(ties.edges.size() < 9);
  CHECK(ties.expected.size() == ties.edges.size() + 1);
}

TEST_CASE("stratified folds: disjoint, cover the rows, same bad count per fold, seeded") {
  std::vector<uint8_t> labels(30, 0);
  for (int i = 0; i < 30; i += 3) labels[size_t(i)] = 1;  // 10 bads, 20 goods
  std::vector<uint32_t> rows(30);
  for (uint32_t i = 0; i < 30; ++i) rows[i] = i;
  const auto folds = stratified_folds(labels, rows, 5, 42);
  REQUIRE(folds.size() == 5);
  std::set<uint32_t> seen;
  for (const auto& f : folds) {
    CHECK(f.size() == 6);
    CHECK(std::is_sorted(f.begin(), f.end()));
    size_t bads = 0;
    for (uint32_t r : f) {
      bads += labels[r];
      seen.insert(r);
    }
    CHECK(bads == 2);
  }
  CHECK(seen.size() == 30);
  CHECK(stratified_folds(labels, rows, 5, 42) == folds);
  CHECK(stratified_folds(labels, rows, 5, 7) != folds);
}
