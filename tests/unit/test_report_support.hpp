// Helpers of the report and letters tests (issue #6): one small book with a customer of each
// overdue type (the histories of test_classify.cpp) plus a customer whose id is hostile HTML, run
// through the whole path (CSV text → import → ledger → monitor → classification).
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "overdue/report/analysis_json.hpp"
#include "overdue/report/settings_json.hpp"
#include "test_analysis_support.hpp"
#include "test_classify_support.hpp"

namespace report_test {

using namespace overdue;
using classify_test::Book;
using classify_test::kAsOf;

// Written raw into the CSV, so no comma or quote; the report must escape < > &.
inline const std::string kHostile = "Evil<script>alert(1)</script>&Co";

struct Analysed {
  std::vector<ImportedFile> files;
  Ledger ledger;
  MonitorResult result;
  ContactLog contacts;
  OverdueAnalysis overdue;
  AnalysisSettings settings;

  const ClassifiedCustomer* find(const std::string& id) const {
    for (const ClassifiedCustomer& c : overdue.customers)
      if (ledger.customers[c.customer].id == id) return &c;
    return nullptr;
  }
  // The pieces as one result for the writers; points at `files`, so it must not outlive this.
  AnalysisResult analysis() const {
    return analysis_test::analysis_of(files, ledger, result, overdue, contacts, settings);
  }
};

inline Book mixed_book() {
  Book b;
  // temporary: a good payer hit by a one-off shock, still paying
  auto due = b.monthly("T", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("T", due[k], 100000, "T-" + std::to_string(k));
  // structural: chronically late, always pays in the end
  due = b.monthly("L", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", due[k] + 20, 100000, "L-" + std::to_string(k));
  // stubborn: stopped paying 120 days ago
  due = b.monthly("S", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (due[k] <= kAsOf - 120) b.pay("S", due[k], 100000, "S-" + std::to_string(k));
  // the hostile name, stopped paying too
  due = b.monthly(kHostile, 6, 123456);
  b.pay(kHostile, due[0], 123456, kHostile + "-0");
  return b;
}

inline Analysed analyse(const std::vector<ImportedFile>& files) {
  Analysed a;
  a.files = files;
  a.ledger = build_ledger(a.files);
  a.settings.monitor.as_of = kAsOf;
  a.result = monitor(a.ledger, a.settings.monitor);
  a.contacts = build_contact_log(a.files, a.ledger);
  a.overdue = analyze_overdue(a.ledger, a.result, &a.contacts, a.settings.overdue);
  return a;
}

inline Analysed analyse_mixed() { return analyse(mixed_book().files()); }

// Every value of attribute `name` in the order it appears, paired with the data-value of the
// same tag: (data-key, data-value, unit) triples.
struct Figure {
  std::string key, value, unit;
};
inline std::vector<Figure> figures(const std::string& html) {
  std::vector<Figure> out;
  auto attr = [&](size_t tag_begin, size_t tag_end, const std::string& name) {
    const std::string pattern = " " + name + "=\"";
    const size_t p = html.find(pattern, tag_begin);
    if (p == std::string::npos || p > tag_end) return std::string();
    const size_t b = p + pattern.size();
    return html.substr(b, html.find('"', b) - b);
  };
  for (size_t p = html.find(" data-key=\""); p != std::string::npos;
       p = html.find(" data-key=\"", p + 1)) {
    const size_t begin = html.rfind('<', p), end = html.find('>', p);
    out.push_back({attr(begin, end, "data-key"), attr(begin, end, "data-value"),
                   attr(begin, end, "data-unit")});
  }
  return out;
}

}  // namespace report_test
