// Rates as text, the conversion of one item, and the figures per currency (currency.hpp).
#include "overdue/ledger/currency.hpp"

#include <algorithm>

#include "overdue/ledger/dates.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/text/currency_names.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {

// [SECTION] rates as text ------------------------------------------------------------------------

bool parse_rate_micros(std::string_view text, int64_t& micros) {
  text = trim_cell(text);
  if (text.empty() || text.size() > 24) return false;
  int64_t whole = 0, fraction = 0;
  int places = 0;
  bool dot = false, digits = false;
  for (const char c : text) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    digits = true;
    if (dot) {
      if (++places > 6) return false;
      fraction = fraction * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > kMaxRateMicros / kRateOne) return false;
    }
  }
  if (!digits) return false;
  for (int p = places; p < 6; ++p) fraction *= 10;
  const int64_t value = whole * kRateOne + fraction;
  if (value <= 0 || value > kMaxRateMicros) return false;
  micros = value;
  return true;
}

std::string rate_text(int64_t micros) {
  std::string text = std::to_string(micros / kRateOne);
  int64_t fraction = micros % kRateOne;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 6 - digits.size(), '0');
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return text + "." + digits;
}

std::string parse_rate_entry(std::string_view text, char separator, CurrencyRate& out) {
  const size_t at = text.rfind(separator);
  const std::string form = separator == '=' ? "CODE=RATE" : "CODE:RATE";
  if (at == std::string_view::npos) return "expected " + form + " (EUR" + separator + "7.8), got '" + std::string(text) + "'";
  const std::string_view name = trim_cell(text.substr(0, at));
  std::string code = currency_code(name);
  if (code.empty()) code = std::string(name);   // a currency cell's own text (kept by the ledger)
  if (code.empty()) return "expected " + form + ": no currency before '" + separator + "' in '" + std::string(text) + "'";
  int64_t micros = 0;
  if (!parse_rate_micros(text.substr(at + 1), micros))
    return "the rate of " + code + " must be a positive decimal of at most 6 places (reporting units per " +
           code + "), got '" + std::string(text.substr(at + 1)) + "'";
  out.code = std::move(code);
  out.micros = micros;
  return "";
}

std::string parse_rate_list(std::string_view text, std::vector<CurrencyRate>& out) {
  std::vector<CurrencyRate> rates;
  text = trim_cell(text);
  size_t start = 0;
  while (!text.empty() && start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string_view part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    CurrencyRate rate;
    if (std::string e = parse_rate_entry(part, ':', rate); !e.empty()) return e;
    set_rate(rates, rate);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  out = std::move(rates);
  return "";
}

std::string rate_list_text(const std::vector<CurrencyRate>& rates) {
  std::vector<CurrencyRate> sorted = rates;
  std::sort(sorted.begin(), sorted.end(), [](const CurrencyRate& a, const CurrencyRate& b) { return a.code < b.code; });
  std::string text;
  for (const CurrencyRate& r : sorted) text += (text.empty() ? "" : ",") + r.code + ":" + rate_text(r.micros);
  return text;
}

void set_rate(std::vector<CurrencyRate>& rates, const CurrencyRate& rate) {
  for (CurrencyRate& r : rates)
    if (r.code == rate.code) {
      r.micros = rate.micros;
      return;
    }
  rates.push_back(rate);
  std::sort(rates.begin(), rates.end(), [](const CurrencyRate& a, const CurrencyRate& b) { return a.code < b.code; });
}

int64_t rate_for(const std::vector<CurrencyRate>& rates, std::string_view code) {
  for (const CurrencyRate& r : rates)
    if (r.code == code) return r.micros;
  return 0;
}

int64_t convert_cents(int64_t cents, int64_t micros) {
  // |cents| ≤ 1e13 (kMaxLedgerAmountCents, a few sums of them) × micros ≤ 1e12: 128 bits.
  const __int128 product = static_cast<__int128>(cents < 0 ? -cents : cents) * micros;
  const __int128 rounded = (product + kRateOne / 2) / kRateOne;   // half away from zero
  const __int128 limit = INT64_MAX;
  const int64_t magnitude = static_cast<int64_t>(rounded > limit ? limit : rounded);
  return cents < 0 ? -magnitude : magnitude;
}

// [SECTION] figures per currency -----------------------------------------------------------------

namespace {

void add_open(CurrencyFigures& f, int64_t open, int32_t due, int32_t as_of, int threshold_days) {
  if (open == 0) return;
  f.open_cents += open;
  if (int64_t{as_of} - due > threshold_days) f.overdue_cents += open;
}

}  // namespace

std::vector<CurrencyFigures> currency_figures(const Ledger& ledger, int32_t as_of, int threshold_days) {
  const LedgerCurrencies& lc = ledger.currency;
  std::vector<CurrencyFigures> out(lc.used.size());
  for (size_t u = 0; u < lc.used.size(); ++u) {
    out[u].code = lc.used[u].code;
    out[u].invoices = lc.used[u].invoices;
    out[u].rate_micros = lc.used[u].rate_micros;
  }
  if (out.empty() || as_of == kMissingDays) return out;
  // The reporting currency: the analysed ledger's own invoices (rate 1, nothing converted).
  std::vector<int64_t> open(ledger.invoices.size(), 0);
  for (size_t i = 0; i < ledger.invoices.size(); ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.currency == 0 && inv.invoice_date != kMissingDays && inv.invoice_date <= as_of) open[i] = inv.amount_cents;
  }
  for (const Allocation& a : ledger.allocations) {
    if (a.invoice >= open.size() || ledger.invoices[a.invoice].currency != 0) continue;
    const int32_t from = allocation_effective_date(ledger, a);
    if (from != kMissingDays && from <= as_of) open[a.invoice] -= a.cents;
  }
  for (size_t i = 0; i < ledger.invoices.size(); ++i)
    if (ledger.invoices[i].currency == 0) add_open(out[0], open[i], effective_due_date(ledger.invoices[i]), as_of, threshold_days);
  // Other currencies, in their own money, whether analysed or left out.
  for (const OwnCurrencyInvoice& own : lc.own_invoices) {
    if (own.currency >= out.size() || own.invoice_date == kMissingDays || own.invoice_date > as_of) continue;
    int64_t left = own.amount_cents;
    for (uint32_t k = own.allocations_begin; k < own.allocations_end && k < lc.own_allocations.size(); ++k) {
      const OwnCurrencyAllocation& a = lc.own_allocations[k];
      const int32_t from = a.date == kMissingDays ? own.invoice_date : std::max(a.date, own.invoice_date);
      if (from <= as_of) left -= a.cents;
    }
    const int32_t due = own.due_date == kMissingDays ? own.invoice_date : own.due_date;
    add_open(out[own.currency], left, due, as_of, threshold_days);
  }
  return out;
}

bool own_currency_invoice(const Ledger& ledger, uint32_t invoice, int32_t as_of, std::string& code,
                          int64_t& amount_cents, int64_t& open_cents) {
  const LedgerCurrencies& lc = ledger.currency;
  if (invoice >= lc.own_of_invoice.size() || lc.own_of_invoice[invoice] == kLeftOut) return false;
  const OwnCurrencyInvoice& own = lc.own_invoices[lc.own_of_invoice[invoice]];
  if (own.currency >= lc.used.size()) return false;
  code = lc.used[own.currency].code;
  amount_cents = own.amount_cents;
  open_cents = own.invoice_date != kMissingDays && own.invoice_date <= as_of ? own.amount_cents : 0;
  if (open_cents == 0) return true;
  for (uint32_t k = own.allocations_begin; k < own.allocations_end && k < lc.own_allocations.size(); ++k) {
    const OwnCurrencyAllocation& a = lc.own_allocations[k];
    const int32_t from = a.date == kMissingDays ? own.invoice_date : std::max(a.date, own.invoice_date);
    if (from <= as_of) open_cents -= a.cents;
  }
  return true;
}

}  // namespace overdue
