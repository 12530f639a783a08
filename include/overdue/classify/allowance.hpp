// Bad-debt allowance (坏账准备, DESIGN.md §3, issue #4): open amount × a provision rate, by DPD
// bucket or by the 账龄分析法 (age from the invoice date in whole years). Rates are integers in
// basis points (1 % = 100 bp) so every line is exact integer math: line = open × bp ÷ 10 000,
// rounded half away from zero to the cent, per open invoice; customer and total = sums of lines.
// Credit notes (negative open items) carry no allowance. The default rates are EXAMPLES, not advice.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/monitor/monitor.hpp"

namespace overdue {

enum class AllowanceMethod { dpd_bucket, invoice_age_years };
const char* allowance_method_name(AllowanceMethod m);  // "dpd_bucket", "invoice_age_years"

struct AllowanceBand {
  std::string label;   // "not_due", "1-30", … or "<1y", "1-2y", "2-3y", ">=3y"
  int from = 0;        // DPD (dpd_bucket) or whole years of age (invoice_age_years), inclusive
  int rate_bp = 0;     // provision rate in basis points
};

struct AllowanceSettings {
  AllowanceMethod method = AllowanceMethod::dpd_bucket;
  // Example rates by DPD, rising with lateness the way expected-loss tables usually do.
  std::vector<AllowanceBand> dpd_bands{{"not_due", INT32_MIN, 100}, {"1-30", 1, 300},   {"31-60", 31, 1000},
                                       {"61-90", 61, 2000},        {"91-180", 91, 5000}, {">180", 181, 10000}};
  // Example 账龄分析法 rates (1年以内 5 %, 1–2年 10 %, 2–3年 30 %, 3年以上 50 %): the shape of the
  // tables listed companies publish; each business sets its own.
  std::vector<AllowanceBand> age_bands{{"<1y", 0, 500}, {"1-2y", 1, 1000}, {"2-3y", 2, 3000}, {">=3y", 3, 5000}};
};

struct AllowanceLine {
  uint32_t invoice = 0;
  int64_t open_cents = 0;
  size_t band = 0;     // index into the method's bands
  int64_t allowance_cents = 0;
};

struct AllowanceBandTotal {
  std::string label;
  int rate_bp = 0;
  int64_t open_cents = 0, allowance_cents = 0;
  uint64_t invoices = 0;
};

struct AllowanceResult {
  AllowanceMethod method = AllowanceMethod::dpd_bucket;
  std::vector<AllowanceLine> lines;            // one per positive open item, in open_items order
  std::vector<AllowanceBandTotal> by_band;     // same order as the method's bands
  std::vector<int64_t> by_customer_cents;      // Ledger::customers order
  int64_t total_cents = 0;
};

// open × bp ÷ 10 000 rounded half away from zero (exact; no floating point).
int64_t provision_cents(int64_t open_cents, int rate_bp);
// Whole years from the invoice date to the as-of date (the anniversary day counts as a new year).
int whole_years_between(int32_t from, int32_t to);

AllowanceResult compute_allowance(const Ledger& ledger, const MonitorResult& monitor, const AllowanceSettings& s);
// The same in slices (the classification job, so the page draws between them): the empty result,
// then the monitor's open items [begin, end) added, in order, until all are.
AllowanceResult begin_allowance(const Ledger& ledger, const AllowanceSettings& s);
void add_allowance_items(AllowanceResult& r, const Ledger& ledger, const MonitorResult& monitor,
                         const AllowanceSettings& s, size_t begin, size_t end);

}  // namespace overdue
