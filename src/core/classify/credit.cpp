// Credit limits against open amounts (include/overdue/classify/credit.hpp).
#include "overdue/classify/credit.hpp"

#include <algorithm>

namespace overdue {

const char* credit_level_name(CreditLevel level) {
  switch (level) {
    case CreditLevel::warning: return "warning";
    case CreditLevel::over: return "over";
    case CreditLevel::within: break;
  }
  return "within";
}

CreditWatch credit_watch(const Ledger& ledger, const MonitorResult& monitor, const OverdueAnalysis& overdue,
                         double warning_share) {
  CreditWatch w;
  w.warning_share = warning_share;
  std::vector<const ClassifiedCustomer*> classified(ledger.customers.size(), nullptr);
  for (const ClassifiedCustomer& c : overdue.customers)
    if (c.customer < classified.size()) classified[c.customer] = &c;
  for (uint32_t k = 0; k < ledger.customers.size(); ++k) {
    const int64_t limit = ledger.customers[k].credit_limit_cents;
    if (limit == kMissingCents || limit < 0) continue;
    CreditStatus s;
    s.customer = k;
    s.limit_cents = limit;
    s.open_cents = k < monitor.customers.size() ? monitor.customers[k].open_cents : 0;
    if (limit > 0) s.utilisation = static_cast<double>(s.open_cents) / static_cast<double>(limit);
    s.headroom_cents = limit - s.open_cents;
    if (s.open_cents > limit)
      s.level = CreditLevel::over;
    else if (limit > 0 && static_cast<double>(s.open_cents) >= warning_share * static_cast<double>(limit))
      s.level = CreditLevel::warning;
    if (const ClassifiedCustomer* c = classified[k]; c && c->plan.suggested_credit_limit_cents != kMissingCents) {
      s.change_pct = c->plan.credit_limit_change_pct;
      s.suggested_limit_cents = c->plan.suggested_credit_limit_cents;
      s.suggested_headroom_cents = s.suggested_limit_cents - s.open_cents;
    }
    ++w.with_limit;
    if (s.level == CreditLevel::over) {
      ++w.over;
      w.over_cents += s.open_cents - limit;
    }
    if (s.level == CreditLevel::warning) ++w.warning;
    w.customers.push_back(s);
  }
  for (uint32_t i = 0; i < w.customers.size(); ++i)
    if (w.customers[i].level != CreditLevel::within) w.flagged.push_back(i);
  std::sort(w.flagged.begin(), w.flagged.end(), [&](uint32_t x, uint32_t y) {
    const CreditStatus &a = w.customers[x], &b = w.customers[y];
    if (a.level != b.level) return a.level == CreditLevel::over;
    if (a.utilisation.has_value() != b.utilisation.has_value()) return !a.utilisation.has_value();
    if (a.utilisation && *a.utilisation != *b.utilisation) return *a.utilisation > *b.utilisation;
    if (a.open_cents != b.open_cents) return a.open_cents > b.open_cents;
    const std::string &ia = ledger.customers[a.customer].id, &ib = ledger.customers[b.customer].id;
    if (ia != ib) return ia < ib;
    return x < y;
  });
  return w;
}

const CreditStatus* credit_status_of(const CreditWatch& watch, uint32_t customer) {
  const auto it = std::lower_bound(watch.customers.begin(), watch.customers.end(), customer,
                                   [](const CreditStatus& s, uint32_t c) { return s.customer < c; });
  return it != watch.customers.end() && it->customer == customer ? &*it : nullptr;
}

}  // namespace overdue
