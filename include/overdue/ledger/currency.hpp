// Currencies of a ledger (issue #17 item 6): what the user sets. Amounts are never added across
// currencies silently: the reporting currency is the one of the most invoices unless set, and any
// other currency enters totals only once it has a rate.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace overdue {

// RATE reporting units per unit of `code`, as an exact decimal of at most 6 places (× 1,000,000).
struct CurrencyRate {
  std::string code;        // ISO code: "EUR", "USD", "CNY", …
  int64_t micros = 0;      // 7.8 → 7,800,000
};

struct CurrencySettings {
  std::string reporting;              // `--currency CODE`, settings currency.reporting; "" = automatic
  std::vector<CurrencyRate> rates;    // `--rate CODE=RATE`, settings currency.rates ("EUR:7.8,USD:7.1")
};

inline bool operator==(const CurrencyRate& a, const CurrencyRate& b) { return a.code == b.code && a.micros == b.micros; }
inline bool operator==(const CurrencySettings& a, const CurrencySettings& b) {
  return a.reporting == b.reporting && a.rates == b.rates;
}

}  // namespace overdue
