// Currencies while the ledger is read and before the payments are applied (currency_internal.hpp;
// issue #17 item 6).
//
//  * A row's currency: its currency cell through the names table (currency_names.hpp); text that
//    names no currency we know stays a currency of its own (it needs a rate like any other). A
//    blank cell, a table without a currency column, and a row whose amount comes from a 本位币
//    (home-currency) column are in the reporting currency.
//  * The reporting currency: the one set (--currency, settings currency.reporting), else the one
//    most invoices name (本位币 rows counted by the currency their row names); a tie goes to the
//    currency with more open invoices once the payments are applied, then to the first code
//    alphabetically (currency_convert.cpp finishes that choice).
//  * A payment's currency: its own invoice's (a one-table ledger's paid amount), its row's (a
//    payments table with a currency column); else the currency of the invoice it names, else of
//    its customer's invoices when they are in one currency, else the reporting currency (noted).
//  * A payment naming an invoice of another currency is applied FIFO in its own currency instead
//    (noted): money never reaches an invoice of another currency.
//  * FIFO accounts: each (customer, currency) pair is an account of its own.
#include <algorithm>

#include "ledger/internal.hpp"
#include "overdue/text/currency_names.hpp"

namespace overdue::ledger_detail {

namespace {

// More distinct texts than this in a currency column is no currency column: the rest share one
// currency that never has a rate, so nothing is added silently.
constexpr size_t kMaxCurrencyCodes = 200;
const char* const kOtherCurrency = "(other currency)";

uint16_t code_index(Draft& draft, const std::string& code) {
  CurrencyDraft& cd = draft.currency;
  if (auto it = cd.index_of_code.find(code); it != cd.index_of_code.end()) return it->second;
  if (cd.codes.size() >= kMaxCurrencyCodes && code != kOtherCurrency) return code_index(draft, kOtherCurrency);
  const auto index = static_cast<uint16_t>(cd.codes.size());
  cd.codes.push_back(code);
  cd.declared.resize(cd.codes.size(), 0);
  cd.declared_payments.resize(cd.codes.size(), 0);
  cd.index_of_code.emplace(code, index);
  return index;
}

void bind_file(CurrencyDraft& cd, const ImportedFile& file) {
  if (cd.file == &file) return;
  cd.file = &file;
  cd.column = find_role(file, Role::currency);
  cd.home = file.layout.amount_basis == "home";
  cd.has_column = cd.has_column || cd.column >= 0;
  cd.last_text.clear();
  cd.last_code = 0;
}

// The code the user set, through the names table ("美元" → USD); "" when automatic.
std::string wanted_reporting(const LedgerOptions& options) {
  const std::string_view text = trim_cell(options.currency.reporting);
  const std::string code = currency_code(text);
  return code.empty() ? std::string(text) : code;
}

}  // namespace

uint16_t row_currency(Draft& draft, const ImportedFile& file, size_t row, bool invoice) {
  CurrencyDraft& cd = draft.currency;
  bind_file(cd, file);
  if (cd.column < 0) return 0;
  const std::string_view text = cell_text(file, cd.column, row);
  if (text.empty()) return 0;
  if (text != cd.last_text) {
    std::string code = currency_code(text);
    if (code.empty()) {
      code = std::string(text);
      if (cd.index_of_code.find(code) == cd.index_of_code.end())
        draft.log.note("currency not recognised", "currency \"" + code + "\" (" + where(file, file.row_line[row]) +
                                                      ") is no currency name we know: kept as a currency of its own");
    }
    cd.last_text.assign(text.data(), text.size());
    cd.last_code = code_index(draft, code);
  }
  ++(invoice ? cd.declared : cd.declared_payments)[cd.last_code];
  return cd.home ? 0 : cd.last_code;
}

void set_payment_currency(Draft& draft, const ImportedFile& file, size_t row, uint32_t payment) {
  CurrencyDraft& cd = draft.currency;
  bind_file(cd, file);
  if (cd.column < 0) return;
  draft.ledger.payments[payment].currency = row_currency(draft, file, row, false);
  if (cd.payment_stated.size() <= payment) cd.payment_stated.resize(payment + 1, 0);
  cd.payment_stated[payment] = 1;
}

// Payments' currencies and the FIFO accounts for the reporting currency cd.reporting (again from
// the start when a tie changed it).
void assign_payment_currencies(Draft& draft) {
  CurrencyDraft& cd = draft.currency;
  Ledger& l = draft.ledger;
  const uint16_t reporting = cd.reporting;
  auto effective = [reporting](uint16_t c) { return c == reporting ? uint16_t{0} : c; };
  auto name = [&cd, reporting](uint16_t c) { return cd.codes[c == 0 ? reporting : c]; };
  if (!cd.saved_targets.empty()) draft.targets = cd.saved_targets;
  else if (cd.provisional) cd.saved_targets = draft.targets;

  constexpr int32_t kNone = -1, kSeveral = -2;
  std::vector<int32_t> customer_currency(l.customers.size(), kNone);
  for (const Invoice& inv : l.invoices) {
    int32_t& c = customer_currency[inv.customer];
    const int32_t e = effective(inv.currency);
    c = c == kNone ? e : c == e ? c : kSeveral;
  }
  uint64_t several = 0;
  for (uint32_t p = 0; p < l.payments.size(); ++p) {
    Payment& pay = l.payments[p];
    const PaymentTarget& t = draft.targets[p];
    if (t.invoice >= 0) pay.currency = l.invoices[static_cast<size_t>(t.invoice)].currency;
    else if (p < cd.payment_stated.size() && cd.payment_stated[p]) continue;
    else if (t.named_begin < t.named_end) pay.currency = l.invoices[draft.invoice_id_index[t.named_begin]].currency;
    else {
      const int32_t c = pay.customer < customer_currency.size() ? customer_currency[pay.customer] : kNone;
      pay.currency = c >= 0 ? static_cast<uint16_t>(c) : 0;
      several += c == kSeveral ? 1 : 0;
    }
  }
  if (several > 0)
    draft.log.note("payment currency from the reporting currency",
                   std::to_string(several) + " payment(s) with no currency of their own, of customers with invoices in "
                   "several currencies, are taken in the reporting currency");

  // Money never meets an invoice of another currency: such a name is dropped (FIFO instead).
  for (uint32_t p = 0; p < l.payments.size(); ++p) {
    PaymentTarget& t = draft.targets[p];
    const uint16_t mine = effective(l.payments[p].currency);
    for (uint32_t k = t.named_begin; k < t.named_end; ++k) {
      const Invoice& inv = l.invoices[draft.invoice_id_index[k]];
      if (effective(inv.currency) == mine) continue;
      const Payment& pay = l.payments[p];
      draft.log.note("payment names an invoice in another currency",
                     file_base_name(draft.file_names[pay.source.file]) + " line " + std::to_string(pay.source.line) +
                         ": the payment in " + name(pay.currency) + " names invoice " + std::string(l.invoice_id(inv)) + " in " +
                         name(inv.currency) + "; applied to the customer's invoices in its own currency instead");
      t.named_begin = t.named_end = 0;
      break;
    }
  }

  // FIFO accounts: (customer, currency) pairs, only when there is more than one currency.
  cd.invoice_account.clear();
  cd.payment_account.clear();
  cd.account_count = 0;
  bool several_currencies = false;
  for (const Invoice& inv : l.invoices) several_currencies = several_currencies || effective(inv.currency) != 0;
  for (const Payment& pay : l.payments) several_currencies = several_currencies || effective(pay.currency) != 0;
  if (!several_currencies) return;
  std::unordered_map<uint64_t, uint32_t> account_of;
  auto account = [&](uint32_t customer, uint16_t currency) {
    const uint64_t key = (uint64_t{customer} << 16) | effective(currency);
    const auto it = account_of.emplace(key, static_cast<uint32_t>(account_of.size())).first;
    return it->second;
  };
  cd.invoice_account.reserve(l.invoices.size());
  for (const Invoice& inv : l.invoices) cd.invoice_account.push_back(account(inv.customer, inv.currency));
  cd.payment_account.reserve(l.payments.size());
  for (const Payment& pay : l.payments) cd.payment_account.push_back(account(pay.customer, pay.currency));
  cd.account_count = static_cast<uint32_t>(account_of.size());
}

void resolve_currencies(Draft& draft, const LedgerOptions& options) {
  CurrencyDraft& cd = draft.currency;
  const std::string wanted = wanted_reporting(options);
  if (cd.codes.size() == 1) return;   // no row named a currency: one currency, nothing to decide
  if (!wanted.empty()) {
    cd.reporting = code_index(draft, wanted);
    cd.provisional = false;
  } else {
    // The most invoices; a tie is decided by open invoices after the application (provisional).
    // When no invoice names a currency (invoices without a currency column, payments with one),
    // the payments' most frequent currency is the invoices' too.
    bool any_invoice = false;
    for (uint16_t c = 1; c < cd.codes.size(); ++c) any_invoice = any_invoice || cd.declared[c] > 0;
    if (!any_invoice) cd.declared = cd.declared_payments;
    uint16_t best = 0;
    bool tie = false;
    for (uint16_t c = 1; c < cd.codes.size(); ++c) {
      if (cd.declared[c] == 0 || cd.codes[c] == kOtherCurrency) continue;   // never the reporting one
      if (best == 0 || cd.declared[c] > cd.declared[best]) {
        best = c;
        tie = false;
      } else if (cd.declared[c] == cd.declared[best]) {
        tie = true;
        if (cd.codes[c] < cd.codes[best]) best = c;
      }
    }
    cd.reporting = best;
    cd.provisional = tie;
  }
  assign_payment_currencies(draft);
}

}  // namespace overdue::ledger_detail
