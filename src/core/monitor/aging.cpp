// Aging buckets (issue #3): not_due (DPD ≤ 0), then 1–e1, (e1+1)–e2, …, >ek. Edges are inclusive
// upper bounds as labelled, so DPD 30 is in "1-30" and DPD 31 in "31-60".
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "monitor/internal.hpp"

namespace overdue {

std::vector<AgingBucket> make_aging_buckets(const std::vector<int>& edges_in) {
  // Edges ≤ 0 would overlap not_due, repeated edges would make empty ranges: sort, keep positive
  // distinct ones (the CLI rejects such input before it gets here; the page may not).
  std::vector<int> edges;
  for (int e : edges_in)
    if (e > 0) edges.push_back(e);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

  std::vector<AgingBucket> buckets;
  AgingBucket not_due;
  not_due.label = "not_due";
  not_due.min_dpd = std::numeric_limits<int32_t>::min();
  not_due.max_dpd = 0;
  buckets.push_back(not_due);
  int lower = 1;
  for (int e : edges) {
    AgingBucket b;
    b.label = std::to_string(lower) + "-" + std::to_string(e);
    b.min_dpd = lower;
    b.max_dpd = e;
    buckets.push_back(b);
    lower = e + 1;
  }
  AgingBucket last;
  last.label = ">" + std::to_string(lower - 1);
  last.min_dpd = lower;
  last.max_dpd = std::numeric_limits<int32_t>::max();
  if (edges.empty()) last.label = ">0";
  buckets.push_back(last);
  return buckets;
}

namespace monitor_detail {

size_t bucket_index(const std::vector<AgingBucket>& buckets, int32_t dpd) {
  // Buckets are contiguous and ordered: the first whose upper bound holds the DPD.
  for (size_t b = 0; b + 1 < buckets.size(); ++b)
    if (dpd <= buckets[b].max_dpd) return b;
  return buckets.size() - 1;
}

}  // namespace monitor_detail
}  // namespace overdue
