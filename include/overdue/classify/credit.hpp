// Credit limits (issue #20 §4): each customer's open amount against the credit limit of the
// customers table, the customers over their limit or above a warning share of it, and the
// overdue type's suggested limit change (actions.hpp) in money, against what is open now.
//   utilisation = open ÷ limit (limit > 0; a limit of 0 has none, and any open amount is over it)
//   over        = open > limit
//   warning     = not over, and open ≥ warning share × limit (setting credit.warning_share, 0.9)
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"

namespace overdue {

constexpr double kDefaultCreditWarningShare = 0.9;

enum class CreditLevel { within, warning, over };
const char* credit_level_name(CreditLevel level);  // "within", "warning", "over"

struct CreditStatus {
  uint32_t customer = 0;                  // index into Ledger::customers
  int64_t limit_cents = 0;
  int64_t open_cents = 0;
  std::optional<double> utilisation;      // open ÷ limit; none when the limit is 0
  CreditLevel level = CreditLevel::within;
  int64_t headroom_cents = 0;             // limit − open (negative: over by that much)
  // An overdue customer's plan: the change its type suggests and the limit it gives (the limit
  // itself and kMissingCents for customers that are not overdue).
  int change_pct = 0;
  int64_t suggested_limit_cents = kMissingCents;
  int64_t suggested_headroom_cents = kMissingCents;  // suggested − open (negative: open exceeds it)
};

struct CreditWatch {
  double warning_share = kDefaultCreditWarningShare;
  uint32_t with_limit = 0;                // customers with a credit limit
  uint32_t over = 0, warning = 0;         // customers over their limit / at or above the warning share
  int64_t over_cents = 0;                 // Σ (open − limit) of the customers over their limit
  std::vector<CreditStatus> customers;    // every customer with a limit, in Ledger::customers order
  // Indices into `customers` of those over or at the warning share: over first, then by
  // utilisation (a limit of 0 first), then open amount descending, then customer id, then index.
  std::vector<uint32_t> flagged;
};

// Customers with a negative limit (a data error) are read as having none.
CreditWatch credit_watch(const Ledger& ledger, const MonitorResult& monitor, const OverdueAnalysis& overdue,
                         double warning_share = kDefaultCreditWarningShare);

// The status of one customer in a watch, nullptr when it has no credit limit.
const CreditStatus* credit_status_of(const CreditWatch& watch, uint32_t customer);

}  // namespace overdue
