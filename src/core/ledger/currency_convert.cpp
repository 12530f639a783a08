// The end of the ledger's currency work (currency_internal.hpp; issue #17 item 6):
//  1. a tie of invoice counts is decided by open invoices (amount − all the money applied to it
//     > 0), then by code; when that changes the reporting currency the payments are reapplied
//     (their currencies and accounts depend on it);
//  2. LedgerCurrencies::used: the reporting currency first, then the others by code, each with the
//     rate the user gave (0: none) and its counts and sums in its own money;
//  3. every invoice of another currency is kept in its own money (own_invoices, own_allocations)
//     for the per-currency figures and the letters;
//  4. the ledger in the reporting currency: each invoice and payment of a rated currency converted
//     once (convert_cents: × rate, half away from zero); an allocation is converted as the
//     difference of the converted running sums on its invoice, so an invoice paid in full in its
//     own money is paid in full once converted; the items of a currency without a rate are left
//     out (with their allocations and credits), and a note says how much.
#include <algorithm>

#include "ledger/internal.hpp"
#include "overdue/text/currency_names.hpp"

namespace overdue::ledger_detail {

namespace {

std::string wanted_code(const LedgerOptions& options) {
  const std::string_view text = trim_cell(options.currency.reporting);
  const std::string code = currency_code(text);
  return code.empty() ? std::string(text) : code;
}

// Step 1: the tie decided by open invoices at the end of the data.
void decide_tie(Draft& draft) {
  CurrencyDraft& cd = draft.currency;
  Ledger& l = draft.ledger;
  std::vector<int64_t> open(l.invoices.size(), 0);
  for (size_t i = 0; i < l.invoices.size(); ++i) open[i] = l.invoices[i].amount_cents;
  for (const Allocation& a : l.allocations)
    if (a.invoice < open.size()) open[a.invoice] -= a.cents;
  std::vector<uint64_t> open_count(cd.codes.size(), 0);
  for (size_t i = 0; i < l.invoices.size(); ++i)   // rows naming no currency go with whichever wins
    if (open[i] > 0 && l.invoices[i].currency != 0) ++open_count[l.invoices[i].currency];
  uint16_t best = cd.reporting;
  for (uint16_t c = 1; c < cd.codes.size(); ++c) {
    if (cd.declared[c] != cd.declared[best]) continue;
    if (open_count[c] > open_count[best] || (open_count[c] == open_count[best] && cd.codes[c] < cd.codes[best])) best = c;
  }
  cd.provisional = false;
  if (best == cd.reporting) return;
  cd.reporting = best;
  assign_payment_currencies(draft);
  l.allocations.clear();
  l.credits.clear();
  apply_payments(draft);
}

}  // namespace

void finish_currencies(Draft& draft, const LedgerOptions& options) {
  CurrencyDraft& cd = draft.currency;
  Ledger& l = draft.ledger;
  LedgerCurrencies& out = l.currency;
  out.has_column = cd.has_column;
  if (cd.codes.size() == 1) {   // one currency throughout: nothing converted, nothing left out
    out.reporting = wanted_code(options);
    if (out.has_column) {
      LedgerCurrency only;
      only.code = out.reporting;
      only.rate_micros = kRateOne;
      only.invoices = l.invoices.size();
      only.payments = l.payments.size();
      for (const Invoice& inv : l.invoices) only.invoiced_cents += inv.amount_cents;
      for (const Payment& p : l.payments) only.paid_cents += p.amount_cents;
      out.used.push_back(std::move(only));
    }
    return;
  }
  if (cd.provisional) decide_tie(draft);
  const uint16_t reporting = cd.reporting;
  out.reporting = reporting == 0 ? std::string() : cd.codes[reporting];

  // Step 2: the currencies used, reporting first, then by code.
  std::vector<bool> present(cd.codes.size(), false);
  for (const Invoice& inv : l.invoices) present[inv.currency] = true;
  for (const Payment& p : l.payments) present[p.currency] = true;
  std::vector<uint16_t> others;
  for (uint16_t c = 1; c < cd.codes.size(); ++c)
    if (present[c] && c != reporting) others.push_back(c);
  std::sort(others.begin(), others.end(), [&](uint16_t a, uint16_t b) { return cd.codes[a] < cd.codes[b]; });
  std::vector<uint16_t> used_of(cd.codes.size(), 0);   // draft index → used index
  out.used.assign(1 + others.size(), LedgerCurrency{});
  out.used[0].code = out.reporting;
  out.used[0].rate_micros = kRateOne;
  for (size_t k = 0; k < others.size(); ++k) {
    used_of[others[k]] = static_cast<uint16_t>(k + 1);
    out.used[k + 1].code = cd.codes[others[k]];
    out.used[k + 1].rate_micros = rate_for(options.currency.rates, cd.codes[others[k]]);
  }
  for (Invoice& inv : l.invoices) {
    inv.currency = used_of[inv.currency];
    LedgerCurrency& u = out.used[inv.currency];
    ++u.invoices;
    u.invoiced_cents += inv.amount_cents;
  }
  for (Payment& p : l.payments) {
    p.currency = used_of[p.currency];
    LedgerCurrency& u = out.used[p.currency];
    ++u.payments;
    u.paid_cents += p.amount_cents;
  }
  if (out.used.size() == 1) return;
  if (wanted_code(options).empty() && !out.reporting.empty())   // several currencies: say which reports
    draft.log.assume("amounts are reported in " + out.reporting +
                     ", the currency of the most invoices (another one: --currency CODE)");

  // Step 3: the other currencies' invoices in their own money.
  std::vector<uint32_t> own_of(l.invoices.size(), kLeftOut);
  for (uint32_t i = 0; i < l.invoices.size(); ++i) {
    const Invoice& inv = l.invoices[i];
    if (inv.currency == 0) continue;
    own_of[i] = static_cast<uint32_t>(out.own_invoices.size());
    OwnCurrencyInvoice own;
    own.currency = inv.currency;
    own.invoice_date = inv.invoice_date;
    own.due_date = inv.due_date;
    own.amount_cents = inv.amount_cents;
    out.own_invoices.push_back(own);
  }
  for (const Allocation& a : l.allocations)   // counting sort by invoice; dates stay in order
    if (a.invoice < own_of.size() && own_of[a.invoice] != kLeftOut) ++out.own_invoices[own_of[a.invoice]].allocations_end;
  uint32_t start = 0;
  for (OwnCurrencyInvoice& own : out.own_invoices) {
    const uint32_t n = own.allocations_end;
    own.allocations_begin = own.allocations_end = start;
    start += n;
  }
  out.own_allocations.resize(start);
  for (const Allocation& a : l.allocations) {
    if (a.invoice >= own_of.size() || own_of[a.invoice] == kLeftOut) continue;
    OwnCurrencyInvoice& own = out.own_invoices[own_of[a.invoice]];
    out.own_allocations[own.allocations_end++] = {a.date, a.cents};
  }

  // Step 4: the ledger in the reporting currency.
  auto rate_of = [&](uint16_t u) { return out.used[u].rate_micros; };
  std::vector<uint32_t> new_invoice(l.invoices.size(), kLeftOut), new_payment(l.payments.size(), kLeftOut);
  uint32_t kept = 0;
  for (uint32_t i = 0; i < l.invoices.size(); ++i)
    if (rate_of(l.invoices[i].currency) != 0) new_invoice[i] = kept++;
  kept = 0;
  for (uint32_t p = 0; p < l.payments.size(); ++p)
    if (rate_of(l.payments[p].currency) != 0) new_payment[p] = kept++;

  std::vector<int64_t> running(l.invoices.size(), 0);   // own money applied so far, per invoice
  std::vector<Allocation> allocations;
  allocations.reserve(l.allocations.size());
  for (Allocation a : l.allocations) {
    if (a.invoice >= l.invoices.size() || new_invoice[a.invoice] == kLeftOut) continue;
    const Invoice& inv = l.invoices[a.invoice];
    if (inv.currency != 0) {
      const int64_t rate = rate_of(inv.currency);
      const int64_t before = convert_cents(running[a.invoice], rate);
      running[a.invoice] += a.cents;
      a.cents = convert_cents(running[a.invoice], rate) - before;
    }
    a.invoice = new_invoice[a.invoice];
    if (a.payment != kNoPayment) a.payment = a.payment < new_payment.size() ? new_payment[a.payment] : kNoPayment;
    if (a.credit_note >= 0) a.credit_note = static_cast<int32_t>(new_invoice[static_cast<size_t>(a.credit_note)]);
    allocations.push_back(a);
  }
  l.allocations = std::move(allocations);
  std::vector<CustomerCredit> credits;
  for (CustomerCredit c : l.credits) {
    if (c.payment >= l.payments.size() || new_payment[c.payment] == kLeftOut) continue;
    const uint16_t u = l.payments[c.payment].currency;
    if (u != 0) c.cents = convert_cents(c.cents, rate_of(u));
    c.payment = new_payment[c.payment];
    credits.push_back(c);
  }
  l.credits = std::move(credits);

  std::vector<Invoice> invoices;
  std::vector<SourceRef> sources;   // Ledger::invoice_sources, kept beside the invoices
  invoices.reserve(l.invoices.size());
  for (uint32_t i = 0; i < l.invoices.size(); ++i) {
    if (new_invoice[i] == kLeftOut) continue;
    Invoice inv = l.invoices[i];
    if (inv.currency != 0) inv.amount_cents = convert_cents(inv.amount_cents, rate_of(inv.currency));
    invoices.push_back(inv);
    if (i < l.invoice_sources.size()) sources.push_back(l.invoice_sources[i]);
  }
  l.invoice_sources = std::move(sources);
  out.own_of_invoice.assign(invoices.size(), kLeftOut);
  for (uint32_t i = 0; i < own_of.size(); ++i) {
    if (own_of[i] == kLeftOut) continue;
    out.own_invoices[own_of[i]].analysed = new_invoice[i];
    if (new_invoice[i] != kLeftOut) out.own_of_invoice[new_invoice[i]] = own_of[i];
  }
  l.invoices = std::move(invoices);
  std::vector<Payment> payments;
  payments.reserve(l.payments.size());
  for (uint32_t p = 0; p < l.payments.size(); ++p) {
    if (new_payment[p] == kLeftOut) continue;
    Payment pay = std::move(l.payments[p]);
    if (pay.currency != 0) pay.amount_cents = convert_cents(pay.amount_cents, rate_of(pay.currency));
    payments.push_back(std::move(pay));
  }
  l.payments = std::move(payments);

  // The notes: what each rate did, what is left out and how to bring it in.
  for (size_t u = 1; u < out.used.size(); ++u) {
    const LedgerCurrency& c = out.used[u];
    const std::string reporting_name = out.reporting.empty() ? std::string("the reporting currency") : out.reporting;
    if (c.rate_micros != 0) {
      draft.log.assume(c.code + " converted at " + rate_text(c.rate_micros) + " " + reporting_name + " per " + c.code +
                       " (each invoice and payment once, rounded half away from zero)");
      continue;
    }
    draft.log.note("currency left out",
                   c.code + " has no rate: " + std::to_string(c.invoices) + " invoice(s) (" + cents_text(c.invoiced_cents) +
                       " " + c.code + ") and " + std::to_string(c.payments) + " payment(s) (" + cents_text(c.paid_cents) +
                       " " + c.code + ") are left out of every total, score, type and forecast; give a rate (--rate " +
                       c.code + "=RATE, " + reporting_name + " per " + c.code + ") to include them");
  }
}

}  // namespace overdue::ledger_detail
