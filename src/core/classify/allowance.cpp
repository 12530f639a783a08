// Bad-debt allowance (坏账准备) by DPD bucket or 账龄分析法 (DESIGN.md §3, issue #4).
#include "overdue/classify/allowance.hpp"

#include "overdue/text/civil_date.hpp"

namespace overdue {

const char* allowance_method_name(AllowanceMethod m) {
  return m == AllowanceMethod::dpd_bucket ? "dpd_bucket" : "invoice_age_years";
}

int64_t provision_cents(int64_t open_cents, int rate_bp) {
  // Half away from zero: (|x| × bp + 5 000) ÷ 10 000 with the sign put back. Exact in int64 for
  // any amount below ~9 × 10^14 cents at rates ≤ 10 000 bp.
  const int64_t magnitude = (open_cents < 0 ? -open_cents : open_cents) * rate_bp;
  const int64_t rounded = (magnitude + 5000) / 10000;
  return open_cents < 0 ? -rounded : rounded;
}

int whole_years_between(int32_t from, int32_t to) {
  const CivilDate a = civil_from_days(from), b = civil_from_days(to);
  int years = b.year - a.year;
  if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
  return years < 0 ? 0 : years;
}

namespace {
const std::vector<AllowanceBand>& bands_of(const AllowanceSettings& s) {
  return s.method == AllowanceMethod::dpd_bucket ? s.dpd_bands : s.age_bands;
}
}  // namespace

AllowanceResult begin_allowance(const Ledger& ledger, const AllowanceSettings& s) {
  AllowanceResult r;
  r.method = s.method;
  for (const AllowanceBand& b : bands_of(s)) r.by_band.push_back({b.label, b.rate_bp, 0, 0, 0});
  r.by_customer_cents.assign(ledger.customers.size(), 0);
  return r;
}

void add_allowance_items(AllowanceResult& r, const Ledger& ledger, const MonitorResult& monitor,
                         const AllowanceSettings& s, size_t begin, size_t end) {
  const std::vector<AllowanceBand>& bands = bands_of(s);
  if (bands.empty()) return;
  for (size_t k = begin; k < end && k < monitor.open_items.size(); ++k) {
    const OpenItem& item = monitor.open_items[k];
    if (item.open_cents <= 0) continue;  // credit notes carry no allowance
    const Invoice& inv = ledger.invoices[item.invoice];
    const int key = s.method == AllowanceMethod::dpd_bucket ? item.days_past_due
                                                            : whole_years_between(inv.invoice_date, monitor.as_of);
    size_t band = 0;  // the last band whose lower bound the key reaches (bands ascend)
    for (size_t b = 0; b < bands.size(); ++b)
      if (key >= bands[b].from) band = b;
    AllowanceLine line{item.invoice, item.open_cents, band, provision_cents(item.open_cents, bands[band].rate_bp)};
    r.by_band[band].open_cents += line.open_cents;
    r.by_band[band].allowance_cents += line.allowance_cents;
    ++r.by_band[band].invoices;
    if (inv.customer < r.by_customer_cents.size()) r.by_customer_cents[inv.customer] += line.allowance_cents;
    r.total_cents += line.allowance_cents;
    r.lines.push_back(line);
  }
}

AllowanceResult compute_allowance(const Ledger& ledger, const MonitorResult& monitor, const AllowanceSettings& s) {
  AllowanceResult r = begin_allowance(ledger, s);
  add_allowance_items(r, ledger, monitor, s, 0, monitor.open_items.size());
  return r;
}

}  // namespace overdue
