// The letters' values (amounts, dates, the deadline of each type's plan, the invoice and the
// installment tables) and the printable documents (letters.hpp).
#include <algorithm>
#include <cstdio>

#include "report/letters_internal.hpp"
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue {
namespace {

using letters_detail::Values;

// At most this many invoices are listed in a letter; the rest are counted with their sum.
constexpr size_t kLetterInvoicesListed = 60;

std::string e(std::string_view s) { return html_escape(s); }

// The date the letter asks for, from the customer's plan (actions.hpp): the end of the grace
// period (temporary), the installment agreement (structural), the credit hold that follows the
// formal demand (stubborn); as-of + 14 days when the plan has no such step.
int32_t deadline_of(const ClassifiedCustomer& cc, int32_t as_of) {
  const ActionPlan& plan = cc.plan;
  auto action_date = [&](const char* id) {
    for (const PlannedAction& a : plan.actions)
      if (a.action == id) return a.date;
    return kMissingDays;
  };
  int32_t d = kMissingDays;
  switch (cc.classification.type) {
    case OverdueType::temporary:
      d = plan.grace_end;
      break;
    case OverdueType::structural:
      d = action_date("installment_agreement");
      if (d == kMissingDays && !plan.installments.empty()) d = plan.installments.front().date;
      break;
    case OverdueType::stubborn:
      d = action_date("credit_hold");
      break;
  }
  return d == kMissingDays ? as_of + 14 : d;
}

std::string invoice_table(const Ledger& ledger, const MonitorResult& result,
                          const std::vector<const OpenItem*>& items, int64_t overdue_cents,
                          Lang lang) {
  auto t = [&](S id) { return e(text(id, lang)); };
  std::string s = "<table class=\"invoices\"><thead><tr><th>" + t(S::col_invoice) + "</th><th>" +
                  t(S::col_invoice_date) + "</th><th>" + t(S::col_due_date) +
                  "</th><th class=\"num\">" + t(S::col_amount) + "</th><th class=\"num\">" +
                  t(S::col_open_amount) + "</th><th class=\"num\">" + t(S::col_dpd) +
                  "</th></tr></thead><tbody>";
  int64_t rest_cents = 0;
  // Several currencies (issue #17 item 6): each invoice in its own money with its code, the
  // total in the reporting currency's; one currency: the amounts as they always were.
  const bool several = ledger.currency.used.size() > 1;
  auto in_code = [&](int64_t cents, const std::string& code) {
    return several && !code.empty() ? money_display(cents) + " " + e(code) : money_display(cents);
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const Invoice& inv = ledger.invoices[items[i]->invoice];
    if (i >= kLetterInvoicesListed) {
      rest_cents += items[i]->open_cents;
      continue;
    }
    std::string code = ledger.currency.reporting;
    int64_t amount = inv.amount_cents, open = items[i]->open_cents;
    own_currency_invoice(ledger, items[i]->invoice, result.as_of, code, amount, open);
    s += "<tr><td>" + e(ledger.invoice_id(inv)) + "</td><td>" + iso_date_text(inv.invoice_date) + "</td><td>" +
         iso_date_text(inv.due_date) + "</td><td class=\"num\">" + in_code(amount, code) +
         "</td><td class=\"num\">" + in_code(open, code) +
         "</td><td class=\"num\">" + std::to_string(items[i]->days_past_due) + "</td></tr>";
  }
  if (items.size() > kLetterInvoicesListed)
    s += "<tr><td colspan=\"6\">" +
         e(textf(lang, S::letter_more_invoices_fmt,
                 count_display(static_cast<int64_t>(items.size() - kLetterInvoicesListed)).c_str(),
                 money_display(rest_cents).c_str())) +
         "</td></tr>";
  s += "<tr class=\"total\"><td colspan=\"4\">" + t(S::letter_total) + "</td><td class=\"num\">" +
       in_code(overdue_cents, ledger.currency.reporting) + "</td><td></td></tr></tbody></table>\n";
  return s;
}

std::string installment_table(const ClassifiedCustomer& cc, Lang lang) {
  auto t = [&](S id) { return e(text(id, lang)); };
  if (cc.plan.installments.empty()) return "<p>" + t(S::letter_no_installments) + "</p>\n";
  std::string s = "<table class=\"installments\"><thead><tr><th class=\"num\">" +
                  t(S::col_installment_no) + "</th><th>" + t(S::col_date) +
                  "</th><th class=\"num\">" + t(S::col_amount) + "</th></tr></thead><tbody>";
  int64_t sum = 0;
  for (const Installment& in : cc.plan.installments) {
    sum += in.cents;
    s += "<tr><td class=\"num\">" + std::to_string(in.number) + "</td><td>" +
         iso_date_text(in.date) + "</td><td class=\"num\">" + money_display(in.cents) +
         "</td></tr>";
  }
  s += "<tr class=\"total\"><td colspan=\"2\">" + t(S::letter_total) + "</td><td class=\"num\">" +
       money_display(sum) + "</td></tr></tbody></table>\n";
  return s;
}

std::string safe_file_name(uint32_t priority, const std::string& id) {
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%03u-", priority);
  std::string name = prefix;
  bool underscore = false;
  for (char ch : id) {
    const bool keep = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                      (ch >= 'A' && ch <= 'Z') || ch == '-';
    if (keep)
      name += ch;
    else if (!underscore && name.size() > 4)
      name += '_';
    underscore = !keep;
    if (name.size() >= 44) break;
  }
  while (name.size() > 4 && name.back() == '_') name.pop_back();
  if (name.size() == 4) name += "customer";
  return name + ".html";
}

// The overdue invoices (DPD > threshold) of each customer, oldest due date first. A disputed
// invoice is left out (issue #20 §2): the letter asks only for what the customer does not contest.
std::vector<std::vector<const OpenItem*>> overdue_items(const Ledger& ledger,
                                                        const MonitorResult& result) {
  std::vector<std::vector<const OpenItem*>> by_customer(ledger.customers.size());
  for (const OpenItem& item : result.open_items) {
    if (item.days_past_due <= result.options.threshold_days || item.disputed ||
        item.invoice >= ledger.invoices.size())
      continue;
    const uint32_t c = ledger.invoices[item.invoice].customer;
    if (c < by_customer.size()) by_customer[c].push_back(&item);
  }
  for (auto& items : by_customer)
    std::sort(items.begin(), items.end(), [&](const OpenItem* a, const OpenItem* b) {
      const Invoice& x = ledger.invoices[a->invoice];
      const Invoice& y = ledger.invoices[b->invoice];
      if (x.due_date != y.due_date) return x.due_date < y.due_date;
      if (const int c = ledger.invoice_id(x).compare(ledger.invoice_id(y)); c != 0) return c < 0;
      return a->invoice < b->invoice;
    });
  return by_customer;
}

// A customer gets a letter when some overdue invoice it does not dispute is left to ask for.
bool has_letter(const std::vector<const OpenItem*>& items) {
  for (const OpenItem* item : items)
    if (item->open_cents > 0) return true;
  return false;
}

std::string letter_section(const Ledger& ledger, const MonitorResult& result,
                           const ClassifiedCustomer& cc, const std::vector<const OpenItem*>& items,
                           const LetterTemplates& templates, Lang lang,
                           std::vector<std::string>& unknown) {
  const Customer& who = ledger.customers[cc.customer];
  const CustomerStatus& status = result.customers[cc.customer];
  const int64_t asked_cents = cc.overdue_cents - status.disputed_overdue_cents;  // disputes left out
  Values v;
  v.inline_values["customer"] = who.name;
  v.inline_values["customer_id"] = who.id;
  v.inline_values["customer_contact"] =
      !who.person_in_charge.empty() ? who.person_in_charge : who.contact;
  v.inline_values["as_of"] = iso_date_text(result.as_of);
  v.inline_values["overdue_amount"] = money_display(asked_cents);
  v.inline_values["open_amount"] = money_display(status.open_cents);
  if (ledger.currency.used.size() > 1 && !ledger.currency.reporting.empty()) {   // several currencies: say which
    v.inline_values["overdue_amount"] += " " + ledger.currency.reporting;
    v.inline_values["open_amount"] += " " + ledger.currency.reporting;
  }
  v.inline_values["days_overdue"] = std::to_string(status.max_dpd);
  v.inline_values["deadline"] = iso_date_text(deadline_of(cc, result.as_of));
  v.inline_values["installment_count"] = std::to_string(cc.plan.installments.size());
  v.inline_values["company"] =
      templates.company.empty() ? text(S::letter_default_company, lang) : templates.company;
  v.inline_values["contact"] =
      templates.contact.empty() ? text(S::letter_default_contact, lang) : templates.contact;
  v.invoice_table = invoice_table(ledger, result, items, asked_cents, lang);
  v.installment_table = installment_table(cc, lang);
  const OverdueType type = cc.classification.type;
  return "<section class=\"letter\" id=\"letter-" + std::to_string(cc.priority) +
         "\" data-customer-id=\"" + e(who.id) + "\" data-type=\"" + overdue_type_name(type) +
         "\" data-overdue=\"" + std::to_string(asked_cents) + "\">\n" +
         letters_detail::render_template(letter_template(templates, type, lang), v, unknown) +
         "</section>\n";
}

std::string document(const std::string& title, const std::string& body, Lang lang) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == Lang::zh ? "zh-CN" : "en") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"OverdueLens\">\n<title>" +
         e(title) + "</title>\n<style>" + report_detail::report_css() +
         "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

void merge_unknown(std::vector<std::string>& all, const std::vector<std::string>& some) {
  for (const std::string& u : some)
    if (std::find(all.begin(), all.end(), u) == all.end()) all.push_back(u);
  std::sort(all.begin(), all.end());
}

}  // namespace

RenderedLetter render_letter(const Ledger& ledger, const MonitorResult& result,
                             const ClassifiedCustomer& customer, const LetterTemplates& templates,
                             Lang lang) {
  RenderedLetter out;
  out.customer = customer.customer;
  const Customer& who = ledger.customers[customer.customer];
  out.file_name = safe_file_name(customer.priority, who.id);
  const auto items = overdue_items(ledger, result);
  const std::string body = letter_section(ledger, result, customer, items[customer.customer],
                                          templates, lang, out.unknown_placeholders);
  out.html = document(std::string(text(S::letters_title, lang)) + " — " + who.name, body, lang);
  return out;
}

RenderedLetters render_letters(const AnalysisResult& r, const LetterTemplates& templates, Lang lang) {
  const Ledger& ledger = r.ledger;
  const MonitorResult& result = r.monitor;
  const OverdueAnalysis& overdue = r.overdue;
  RenderedLetters out;
  const auto items = overdue_items(ledger, result);  // once for all letters
  std::string body;
  for (const ClassifiedCustomer& cc : overdue.customers) {
    if (!has_letter(items[cc.customer])) continue;   // every overdue invoice disputed: no letter
    RenderedLetter letter;
    letter.customer = cc.customer;
    const Customer& who = ledger.customers[cc.customer];
    letter.file_name = safe_file_name(cc.priority, who.id);
    const std::string section = letter_section(ledger, result, cc, items[cc.customer], templates,
                                               lang, letter.unknown_placeholders);
    body += section;
    letter.html =
        document(std::string(text(S::letters_title, lang)) + " — " + who.name, section, lang);
    merge_unknown(out.unknown_placeholders, letter.unknown_placeholders);
    out.letters.push_back(std::move(letter));
  }
  if (out.letters.empty()) body = "<p>" + e(text(S::letter_none, lang)) + "</p>\n";
  out.html = document(text(S::letters_title, lang), body, lang);
  return out;
}

}  // namespace overdue
