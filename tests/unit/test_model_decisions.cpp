// Decisions (issue #5): cutoff curve on five accounts, score bands with the limit rule and
// pricing formula, permutation importance and the reject-inference experiment.
#include <doctest/doctest.h>

#include <cmath>

#include "overdue/model/decisions.hpp"
#include "overdue/model/metrics.hpp"
#include "overdue/model/random.hpp"

using namespace overdue;

TEST_CASE("cutoff curve on 5 accounts: probability of bad, approve when score < cutoff") {
  const std::vector<double> pd = {0.1, 0.2, 0.2, 0.5, 0.9};
  const std::vector<uint8_t> y = {0, 0, 1, 0, 1};
  const std::vector<CutoffPoint> c = cutoff_curve(pd, y, true);
  // cutoff 0.1: nobody; 0.2: {0.1}; 0.5: {0.1, 0.2, 0.2} 1 bad; 0.9: + 0.5; above 0.9: all, 2 bads
  REQUIRE(c.size() == 5);
  CHECK(c[0].cutoff == 0.1);
  CHECK(c[0].approved == 0);
  CHECK(c[0].bad_rate_approved == 0);
  CHECK(c[1].approved == 1);
  CHECK(c[1].approval_rate == doctest::Approx(0.2));
  CHECK(c[2].cutoff == 0.5);
  CHECK(c[2].approved == 3);
  CHECK(c[2].bad_rate_approved == doctest::Approx(1.0 / 3));
  CHECK(c[3].approved == 4);
  CHECK(c[3].bad_rate_approved == doctest::Approx(0.25));
  CHECK(c[4].cutoff > 0.9);
  CHECK(c[4].approved == 5);
  CHECK(c[4].bad_rate_approved == doctest::Approx(0.4));
  const CutoffPoint at = cutoff_at(pd, y, 0.5, true);
  CHECK(at.approved == c[2].approved);
  CHECK(at.approved_bads == c[2].approved_bads);
}

TEST_CASE("cutoff curve on points: approve when points >= cutoff") {
  const std::vector<double> points = {700, 650, 650, 600, 500};
  const std::vector<uint8_t> y = {0, 0, 1, 0, 1};
  const std::vector<CutoffPoint> c = cutoff_curve(points, y, false);
  REQUIRE(c.size() == 5);
  CHECK(c[0].approved == 0);
  CHECK(c[1].cutoff == 700);
  CHECK(c[1].approved == 1);
  CHECK(c[2].cutoff == 650);
  CHECK(c[2].approved == 3);  // both 650s come in together
  CHECK(c[2].bad_rate_approved == doctest::Approx(1.0 / 3));
  CHECK(c[4].cutoff == 500);
  CHECK(c[4].approval_rate == 1);
  CHECK(cutoff_at(points, y, 650, false).approved == 3);
}

TEST_CASE("score bands: equal-count bands, ties together, limit rule and price per band") {
  // 10 accounts, 5 bands of 2 by probability; portfolio bad rate 3/10
  const std::vector<double> pd = {0.01, 0.02, 0.05, 0.06, 0.1, 0.1, 0.3, 0.4, 0.7, 0.8};
  const std::vector<uint8_t> y = {0, 0, 0, 0, 0, 1, 0, 0, 1, 1};
  BandOptions o;
  o.bands = 5;
  const std::vector<ScoreBand> b = score_bands(pd, y, o);
  REQUIRE(b.size() == 5);
  CHECK(b[0].band == 1);
  CHECK(b[0].lo == 0.01);
  CHECK(b[0].hi == 0.02);
  CHECK(b[0].bad_rate == 0);
  CHECK(b[0].limit_change == doctest::Approx(0.20));  // r = 0 ≤ 0.5
  CHECK(b[2].bad_rate == doctest::Approx(0.5));       // 0.1, 0.1 (one bad)
  CHECK(b[2].relative_risk == doctest::Approx(0.5 / 0.3));
  CHECK(b[2].limit_change == doctest::Approx(-0.20));  // 1.2 < r ≤ 2
  CHECK(b[3].bad_rate == 0);
  CHECK(b[4].bad_rate == 1);
  CHECK(b[4].relative_risk == doctest::Approx(1 / 0.3));
  CHECK(b[4].freeze);  // r > 3
  CHECK(b[4].limit_change == -1);
  // rate = funding 3 % + PD × LGD 45 % + margin 5 %
  CHECK(b[2].expected_loss == doctest::Approx(0.5 * 0.45));
  CHECK(b[2].rate == doctest::Approx(0.03 + 0.225 + 0.05));
  CHECK(b[0].rate == doctest::Approx(0.08));
  // ties never straddle: 4 bands over 10 with 0.1 twice at positions 4, 5
  o.bands = 4;
  // (position-based bands would cut between them: 4·4/10 = 1.6 and 5·4/10 = 2.0)
  size_t total = 0, holding = 0;
  for (const ScoreBand& s : score_bands(pd, y, o)) {
    total += s.accounts;
    if (s.lo <= 0.1 && 0.1 <= s.hi) {
      ++holding;
      CHECK(s.accounts == 3);  // 0.06 starts the band, both 0.1s join it
    }
  }
  CHECK(holding == 1);
  CHECK(total == 10);
}

TEST_CASE("score bands: user edges, and points orientation numbers the highest points band 1") {
  const std::vector<double> points = {720, 680, 640, 600, 560, 520};
  const std::vector<uint8_t> y = {0, 0, 0, 1, 1, 1};
  BandOptions o;
  o.higher_is_riskier = false;
  o.edges = {550, 650};  // (−∞, 550], (550, 650], (650, ∞)
  const std::vector<ScoreBand> b = score_bands(points, y, o);
  REQUIRE(b.size() == 3);
  CHECK(b[0].lo == 680);
  CHECK(b[0].accounts == 2);
  CHECK(b[0].bad_rate == 0);
  CHECK(b[1].accounts == 3);  // 640, 600, 560
  CHECK(b[1].bad_rate == doctest::Approx(2.0 / 3));
  CHECK(b[2].hi == 520);
  CHECK(b[2].bad_rate == 1);
}

TEST_CASE("permutation importance: the column the model reads matters, an unused one gives 0") {
  SplitMix64 rng(11);
  FeatureMatrix x;
  x.names = {"signal", "unused"};
  x.columns.assign(2, std::vector<double>(400));
  std::vector<uint8_t> y(400);
  RowSubset rows;
  for (uint32_t i = 0; i < 400; ++i) {
    x.columns[0][i] = rng.uniform();
    x.columns[1][i] = rng.uniform();
    y[i] = rng.uniform() < x.columns[0][i] ? 1 : 0;
    rows.push_back(i);
  }
  const PredictFn predict = [](const FeatureMatrix& m, const RowSubset& r) {
    std::vector<double> s;
    for (uint32_t i : r) s.push_back(m.columns[0][i]);
    return s;
  };
  const auto pi = permutation_importance(x, y, rows, predict, {}, 3, 42);
  REQUIRE(pi.size() == 2);
  CHECK(pi[0].name == "signal");
  CHECK(pi[0].mean_drop > 0.15);  // AUC ≈ 0.83 → ≈ 0.5 when shuffled
  CHECK(pi[0].baseline_auc > 0.7);
  CHECK(pi[1].name == "unused");
  CHECK(pi[1].mean_drop == 0);
  CHECK(pi[1].sd_drop == 0);
  const auto again = permutation_importance(x, y, rows, predict, {}, 3, 42);
  CHECK(again[0].mean_drop == pi[0].mean_drop);  // seeded: identical
}

TEST_CASE("reject inference: accepted/rejected split, the fuzzy fixed point, five rows") {
  // Truth: logit = −1.5 + 2·a − 1·b. The first model's score is the true probability.
  SplitMix64 rng(5);
  const size_t n = 3000;
  FeatureMatrix x;
  x.names = {"a", "b"};
  x.columns.assign(2, std::vector<double>(n));
  std::vector<uint8_t> y(n);
  std::vector<double> first(n);
  RowSubset rows(n);
  for (size_t i = 0; i < n; ++i) {
    const double a = rng.uniform() * 2 - 1, b = rng.uniform() * 2 - 1;
    x.columns[0][i] = a;
    x.columns[1][i] = b;
    first[i] = 1 / (1 + std::exp(-(-1.5 + 2 * a - b)));
    y[i] = rng.uniform() < first[i] ? 1 : 0;
    rows[i] = uint32_t(i);
  }
  RejectInferenceOptions o;
  o.cutoff = 0.35;
  o.logistic.l2 = 0;
  o.logistic.standardise = false;
  const RejectInferenceResult r = reject_inference(x, y, rows, first, o);
  REQUIRE(r.ok());
  CHECK(r.accepted + r.rejected == n);
  CHECK(r.rejected > 300);
  CHECK(r.bad_rate_rejected > r.bad_rate_accepted);
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[0].method == "first_model");
  CHECK(r.rows[1].method == "accepted_only");
  CHECK(r.rows[2].method == "hard_cutoff");
  CHECK(r.rows[3].method == "fuzzy");
  CHECK(r.rows[4].method == "all_labels");
  // the first model approves exactly the accepted accounts
  CHECK(r.rows[0].approval_rate == doctest::Approx(double(r.accepted) / n));
  CHECK(r.rows[0].bad_rate_approved == doctest::Approx(r.bad_rate_accepted));
  CHECK(r.rows[1].train_rows == r.accepted);
  CHECK(r.rows[2].train_rows == n);
  CHECK(r.rows[3].train_rows == r.accepted + 2 * r.rejected);
  // default hard threshold = the accepted bad rate; every reject here is riskier than that
  CHECK(r.rows[2].imputed_bad_rate > 0.5);
  CHECK(r.rows[2].imputed_bad_rate <= 1);
  // Without a penalty or rescaling, the accepted-only solution is a stationary point of the fuzzy
  // objective (each reject adds p·(σ−1) + (1−p)·σ = 0 to the gradient at σ = p), so both models
  // rank the population identically.
  CHECK(r.rows[3].auc == doctest::Approx(r.rows[1].auc).epsilon(1e-9));
  CHECK(r.rows[3].bad_rate_approved == doctest::Approx(r.rows[1].bad_rate_approved));
  CHECK(r.rows[3].imputed_bad_rate > r.bad_rate_accepted);  // rejects look riskier to model (a)
  // every model separates bads from goods on this easy truth
  for (const RejectInferenceRow& row : r.rows) CHECK(row.auc > 0.7);
  // an explicit hard threshold of 0.5 splits the rejects (true probabilities 0.35 … 0.92)
  RejectInferenceOptions half = o;
  half.hard_threshold = 0.5;
  const RejectInferenceResult h = reject_inference(x, y, rows, first, half);
  REQUIRE(h.ok());
  CHECK(h.rows[2].imputed_bad_rate > 0.1);
  CHECK(h.rows[2].imputed_bad_rate < 0.9);
  CHECK(h.rows[1].auc == r.rows[1].auc);  // only the hard-cutoff row depends on it
  // a cutoff that rejects nobody is an error, not an empty table
  o.cutoff = 2;
  CHECK_FALSE(reject_inference(x, y, rows, first, o).ok());
}
