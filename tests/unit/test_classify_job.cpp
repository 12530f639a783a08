// OverdueJob (classify.hpp): the classification in slices gives exactly analyze_overdue's result,
// whatever the slice size — compared through the whole analysis JSON, which prints every field.
#include <doctest/doctest.h>

#include "overdue/report/analysis_json.hpp"
#include "overdue/model/random.hpp"
#include "test_classify_support.hpp"
#include "test_analysis_support.hpp"

using namespace classify_test;

namespace {

// Customers of every kind: paying on time, late, partly, not at all, with credit notes and a
// contact log, from a fixed seed.
Book random_book(uint64_t seed, int customers) {
  SplitMix64 rng(seed);
  Book b;
  for (int c = 0; c < customers; ++c) {
    const std::string id = "C" + std::to_string(c);
    const int n = 1 + static_cast<int>(rng.below(14));
    for (int k = 0; k < n; ++k) {
      const int32_t issued = kAsOf - static_cast<int32_t>(rng.below(700));
      const int32_t due = issued + 15 + static_cast<int32_t>(rng.below(60));
      const int64_t cents = 1000 + static_cast<int64_t>(rng.below(500000));
      const std::string inv = id + "-" + std::to_string(k);
      b.invoice(id, inv, issued, due, cents);
      const uint64_t how = rng.below(5);
      const int32_t paid = due - 10 + static_cast<int32_t>(rng.below(200));
      if (paid > kAsOf) continue;
      if (how == 0) b.pay(id, paid, cents, inv);                      // in full, named
      else if (how == 1) b.pay(id, paid, cents / 2);                  // partly, FIFO
      else if (how == 2) b.pay(id, paid, cents + 500);                // over-paid
      // how 3, 4: not paid
    }
    if (rng.below(4) == 0) b.contact(id, kAsOf - 20, "phone", "promise", kAsOf - 5, 10000);
    if (rng.below(6) == 0) b.contact(id, kAsOf - 40, "visit", "refused");
  }
  return b;
}

std::string json_of(const Ledger& l, const std::vector<ImportedFile>& files, const MonitorResult& m,
                    const ContactLog& contacts, const OverdueAnalysis& a) {
  AnalysisSettings settings;
  settings.monitor = m.options;
  return analysis_json(analysis_test::analysis_of(files, l, m, a, contacts, settings));
}

}  // namespace

TEST_CASE("classify job: any slice size gives analyze_overdue's result") {
  for (uint64_t seed : {1u, 2u, 3u}) {
    const Book book = random_book(seed, 120);
    const std::vector<ImportedFile> files = book.files();
    const Ledger ledger = build_ledger(files);
    MonitorOptions o;
    o.as_of = kAsOf;
    const MonitorResult m = monitor(ledger, o);
    const ContactLog contacts = build_contact_log(files, ledger);
    const OverdueSettings settings;
    const OverdueAnalysis whole = analyze_overdue(ledger, m, &contacts, settings);
    REQUIRE(whole.customers.size() > 20);   // the data set has overdue customers to split
    const std::string expected = json_of(ledger, files, m, contacts, whole);

    for (uint64_t work : {uint64_t{1}, uint64_t{7}, uint64_t{100}}) {
      CAPTURE(seed);
      CAPTURE(work);
      OverdueJob job(ledger, m, &contacts, settings);
      int steps = 0;
      double last_progress = -1;
      for (Budget budget{work}; job.step(budget) == Step::more; budget = Budget{work}) {
        ++steps;
        CHECK(job.progress() >= last_progress);   // never goes back
        last_progress = job.progress();
        REQUIRE(steps < 100000);
      }
      CHECK(job.progress() == 1.0);
      if (work == 1) CHECK(steps > static_cast<int>(whole.customers.size()));   // really sliced
      CHECK(json_of(ledger, files, m, contacts, job.take()) == expected);
    }
  }
}
