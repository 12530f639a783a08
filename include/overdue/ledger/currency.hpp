// Currencies of a ledger (issue #17 item 6): what the user sets, and what the ledger found.
// Amounts are never added across currencies silently: the reporting currency is the one of the
// most invoices unless set, and any other currency enters totals only once it has a rate.
//
// The ledger the monitor and the classification read is in the reporting currency: every item of
// a rated currency converted once (its cents × rate, rounded half away from zero), the items of a
// currency without a rate left out (and noted). What each currency holds in its own money is kept
// beside it (LedgerCurrencies) for the per-currency figures and the letters.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

struct Ledger;

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
inline bool operator!=(const CurrencySettings& a, const CurrencySettings& b) { return !(a == b); }

constexpr int64_t kRateOne = 1'000'000;   // the reporting currency's own rate (micros)
// The largest rate accepted: a million reporting units per unit (VND → JPY → … stays far below).
constexpr int64_t kMaxRateMicros = 1'000'000LL * kRateOne;

// [SECTION] rates as text -----------------------------------------------------------------------

// "7.8", "0.138", "7" → micros; false for a sign, more than 6 decimals, zero, or above
// kMaxRateMicros ("RATE = reporting units per unit of CODE, an exact decimal of at most 6 places").
bool parse_rate_micros(std::string_view text, int64_t& micros);
// micros → the shortest exact decimal: 7,800,000 → "7.8", 1,000,000 → "1".
std::string rate_text(int64_t micros);
// "CODE=RATE" (--rate) or "CODE:RATE"; the code through currency_code() (names accepted, 美元 →
// USD). Returns "" or what is wrong.
std::string parse_rate_entry(std::string_view text, char separator, CurrencyRate& out);
// "EUR:7.8,USD:7.1" (settings currency.rates; "" = none) → rates by code. Returns "" or the error.
std::string parse_rate_list(std::string_view text, std::vector<CurrencyRate>& out);
// The other way: rates sorted by code, "EUR:7.8,USD:7.1".
std::string rate_list_text(const std::vector<CurrencyRate>& rates);
// Sets (or replaces) the rate of rate.code, keeping the list sorted by code.
void set_rate(std::vector<CurrencyRate>& rates, const CurrencyRate& rate);
// The rate given for `code`, 0 when none.
int64_t rate_for(const std::vector<CurrencyRate>& rates, std::string_view code);

// cents × micros / 1,000,000, rounded half away from zero (each item converted once).
int64_t convert_cents(int64_t cents, int64_t micros);

// [SECTION] what the ledger found ---------------------------------------------------------------

struct LedgerCurrency {        // one currency the ledger's invoices or payments are in
  std::string code;            // ISO code, or the cell's text when it names no currency we know
  int64_t rate_micros = 0;     // reporting units per unit × 1e6; kRateOne for the reporting
                               // currency; 0: no rate yet, its items are left out of the analysis
  uint64_t invoices = 0, payments = 0;        // items in this currency (left out or not)
  int64_t invoiced_cents = 0, paid_cents = 0; // their sums in the currency itself
};

constexpr uint32_t kLeftOut = 0xFFFFFFFFu;

// An invoice (or credit note) of a currency other than the reporting one, in its own money.
struct OwnCurrencyInvoice {
  uint16_t currency = 0;                 // index into LedgerCurrencies::used
  uint32_t analysed = kLeftOut;          // its index in Ledger::invoices, or kLeftOut
  int32_t invoice_date = 0, due_date = 0;
  int64_t amount_cents = 0;
  uint32_t allocations_begin = 0, allocations_end = 0;   // its money in own_allocations
};
struct OwnCurrencyAllocation {
  int32_t date = 0;        // as Allocation::date (kMissingDays: undated, counts from the invoice date)
  int64_t cents = 0;       // in the invoice's own currency
};

struct LedgerCurrencies {
  bool has_column = false;             // a table of the ledger has a currency column (the
                                       // analysis JSON's "currency" block is written only then)
  std::string reporting;               // the reporting currency's code; "" when none is known
  std::vector<LedgerCurrency> used;    // reporting first, then by code; Invoice::currency and
                                       // Payment::currency index it (empty: one currency, index 0)
  std::vector<OwnCurrencyInvoice> own_invoices;        // every invoice not in the reporting currency
  std::vector<OwnCurrencyAllocation> own_allocations;  // by invoice, then date
  std::vector<uint32_t> own_of_invoice;   // Ledger::invoices index → own_invoices index, kLeftOut
                                          // for one in the reporting currency (empty: none)

  bool left_out_any() const {
    for (const LedgerCurrency& c : used)
      if (c.rate_micros == 0) return true;
    return false;
  }
};

// [SECTION] figures per currency ----------------------------------------------------------------

// A currency's invoices and what is open and overdue of them at a date, in its own money.
struct CurrencyFigures {
  std::string code;
  uint64_t invoices = 0;
  int64_t open_cents = 0, overdue_cents = 0;   // the monitor's rules: issued by as_of, money that
                                               // reached the invoice by as_of, DPD > threshold
  int64_t rate_micros = 0;                     // 0: no rate (left out)
};
// One row per LedgerCurrencies::used entry, in its order (reporting first, then by code).
std::vector<CurrencyFigures> currency_figures(const Ledger& ledger, int32_t as_of, int threshold_days);

// Own-currency amount and open amount at `as_of` of Ledger::invoices[invoice] (for letters);
// false when the invoice is in the reporting currency (its figures are the ledger's own).
bool own_currency_invoice(const Ledger& ledger, uint32_t invoice, int32_t as_of, std::string& code,
                          int64_t& amount_cents, int64_t& open_cents);

}  // namespace overdue
