// The report's "Disputes and credit limits" section (issue #20 §2, §4): the open invoices in
// dispute (what the dashboard's "in dispute" adds up) and the customers over their credit limit or
// at/above the warning share, with the limit their overdue type's plan suggests against what is
// open. Figures carry the JSON key they mirror (totals.in_dispute, disputes.N.open,
// credit.flagged.N.open …), so tests/report/check_report.py compares them with the JSON.
#include "overdue/classify/credit.hpp"
#include "report/analysis_json_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string th(const char* text, bool number = false) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + e(text) + "</th>";
}

void write_disputes(std::string& out, const Context& c) {
  const MonitorResult& r = c.result;
  out += "<h3>" + e(c.t(S::disputes_heading)) + "</h3>\n<p>" + e(c.t(S::kpi_in_dispute)) + ": <span" +
         money_attr("totals.in_dispute", r.disputed_cents) + ">" + money_display(r.disputed_cents) + "</span> · " +
         e(textf(c.lang, S::kpi_in_dispute_sub_fmt, count_display(static_cast<int64_t>(r.disputed_invoices)).c_str(),
                 money_display(r.disputed_overdue_cents).c_str())) +
         "</p>\n<p class=\"legend\">" + e(c.t(S::disputes_explained)) + "</p>\n";
  if (r.disputed_invoices == 0) {
    out += "<p>" + e(c.t(S::disputes_none)) + "</p>\n";
    return;
  }
  out += "<table class=\"disputes\"><thead><tr>" + th(c.t(S::col_invoice)) + th(c.t(S::col_customer)) +
         th(c.t(S::col_due_date)) + th(c.t(S::col_disputed_from)) + th(c.t(S::col_dpd), true) +
         th(c.t(S::col_open_amount), true) + "</tr></thead><tbody>";
  size_t n = 0;   // the index in the JSON's "disputes" (the same open items, in the same order)
  for (const OpenItem& item : r.open_items) {
    if (!item.disputed || item.invoice >= c.ledger.invoices.size()) continue;
    const Invoice& inv = c.ledger.invoices[item.invoice];
    const std::string who = inv.customer < c.ledger.customers.size() ? c.ledger.customers[inv.customer].name : "";
    out += "<tr><td>" + e(c.ledger.invoice_id(inv)) + "</td><td>" + e(who) + "</td><td>" + iso_date_text(inv.due_date) + "</td><td>" +
           iso_date_text(inv.disputed_from) + "</td><td class=\"num\">" + std::to_string(item.days_past_due) +
           "</td>" + money_cell("disputes." + std::to_string(n++) + ".open", item.open_cents) + "</tr>";
  }
  out += "</tbody></table>\n";
}

const char* level_text(CreditLevel level, Lang lang) {
  return text(level == CreditLevel::over      ? S::credit_level_over
              : level == CreditLevel::warning ? S::credit_level_warning
                                              : S::credit_level_within,
              lang);
}

void write_credit(std::string& out, const Context& c) {
  const CreditWatch w = credit_watch(c.ledger, c.result, c.overdue, c.settings.credit.warning_share);
  out += "<h3>" + e(c.t(S::credit_heading)) + "</h3>\n";
  if (w.with_limit == 0) {
    out += "<p>" + e(c.t(S::credit_none)) + "</p>\n";
    return;
  }
  out += "<p>" + fill_html(c.t(S::credit_summary_fmt),
                           {"<span" + raw_attr("credit.customers_with_limit", std::to_string(w.with_limit)) + ">" +
                                count_display(w.with_limit) + "</span>",
                            "<span" + raw_attr("credit.over_limit", std::to_string(w.over)) + ">" +
                                count_display(w.over) + "</span>",
                            "<span" + money_attr("credit.over_amount", w.over_cents) + ">" +
                                money_display(w.over_cents) + "</span>",
                            "<span" + raw_attr("credit.near_limit", std::to_string(w.warning)) + ">" +
                                count_display(w.warning) + "</span>",
                            e(percent_display(w.warning_share, 0, c.lang))}) +
         "</p>\n";
  if (w.flagged.empty()) {
    out += "<p>" + e(c.t(S::credit_none_flagged)) + "</p>\n";
    return;
  }
  out += "<table class=\"credit\"><thead><tr>" + th(c.t(S::col_customer)) + th(c.t(S::role_credit_limit), true) +
         th(c.t(S::col_open_amount), true) + th(c.t(S::col_utilisation), true) + th(c.t(S::col_credit_level)) +
         th(c.t(S::col_suggested_limit), true) + th(c.t(S::col_note)) + "</tr></thead><tbody>";
  for (size_t k = 0; k < w.flagged.size(); ++k) {
    const CreditStatus& s = w.customers[w.flagged[k]];
    const std::string key = "credit.flagged." + std::to_string(k);
    std::string note;
    if (s.suggested_limit_cents != kMissingCents)
      note = s.suggested_headroom_cents < 0
                 ? textf(c.lang, S::credit_suggested_over_fmt, money_display(s.open_cents).c_str(),
                         money_display(s.suggested_limit_cents).c_str(),
                         money_display(-s.suggested_headroom_cents).c_str())
                 : textf(c.lang, S::credit_suggested_within_fmt, money_display(s.open_cents).c_str(),
                         money_display(s.suggested_limit_cents).c_str());
    out += "<tr><td>" + e(c.ledger.customers[s.customer].name) + "</td>" + money_cell(key + ".limit", s.limit_cents) +
           money_cell(key + ".open", s.open_cents) + "<td class=\"num\">" +
           (s.utilisation ? e(percent_display(*s.utilisation, 1, c.lang)) : std::string("—")) + "</td><td>" +
           e(level_text(s.level, c.lang)) + "</td>" +
           (s.suggested_limit_cents != kMissingCents ? money_cell(key + ".suggested_limit", s.suggested_limit_cents)
                                                     : std::string("<td class=\"num\">—</td>")) +
           "<td>" + e(note) + "</td></tr>";
  }
  out += "</tbody></table>\n";
}

}  // namespace

void write_disputes_credit(std::string& out, const Context& c) {
  open_section(out, "disputes", c.t(S::sec_disputes_credit));
  write_disputes(out, c);
  write_credit(out, c);
  close_section(out);
}

}  // namespace overdue::report_detail
