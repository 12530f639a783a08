// The report's overdue customers: a priority table, then one block per customer with its type and
// the decision in words, the rule trace (value seen, threshold, result, note), the scores and
// quadrant, the allowance, the contact summary and the dated plan (actions, installments, grace
// period, credit-limit change).
#include "report/analysis_json_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }

std::string badge(OverdueType t, Lang lang) {
  return "<span class=\"badge type-" + std::string(overdue_type_name(t)) + "\">" +
         e(type_text(t, lang)) + "</span>";
}

std::string th(const char* text, bool number = false) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + e(text) + "</th>";
}

void write_priority_table(std::string& out, const Context& c) {
  out += "<table class=\"priority\"><thead><tr>" + th(c.t(S::col_priority), true) +
         th(c.t(S::col_customer)) + th(c.t(S::col_type)) + th(c.t(S::col_overdue), true) +
         th(c.t(S::col_max_dpd), true) + th(c.t(S::col_ability), true) +
         th(c.t(S::col_impact), true) + th(c.t(S::col_quadrant)) + "</tr></thead><tbody>";
  for (const ClassifiedCustomer& cc : c.overdue.customers) {
    const Customer& who = c.ledger.customers[cc.customer];
    const std::string key = "customers." + std::to_string(cc.customer);
    out += "<tr><td class=\"num\"" + raw_attr(key + ".priority", std::to_string(cc.priority)) +
           ">" + std::to_string(cc.priority) + "</td><td><a href=\"#customer-" +
           std::to_string(cc.priority) + "\">" + e(who.name) + "</a></td><td>" +
           badge(cc.classification.type, c.lang) + "</td>" +
           money_cell(key + ".overdue", cc.overdue_cents) + "<td class=\"num\">" +
           std::to_string(c.result.customers[cc.customer].max_dpd) + "</td><td class=\"num\"" +
           raw_attr(key + ".ability", fixed_text(cc.ability.value, 2)) + ">" +
           fixed_text(cc.ability.value, 1) + "</td><td class=\"num\"" +
           raw_attr(key + ".impact", fixed_text(cc.impact.value, 2)) + ">" +
           fixed_text(cc.impact.value, 1) + "</td><td>" + e(quadrant_text(cc.quadrant, c.lang)) +
           "</td></tr>";
  }
  out += "</tbody></table>";
}

void write_rule_trace(std::string& out, const Context& c, const ClassifiedCustomer& cc) {
  out += "<table class=\"rules\"><thead><tr>" + th(c.t(S::col_rule)) +
         th(c.t(S::col_value_seen), true) + th(c.t(S::col_threshold), true) +
         th(c.t(S::col_result)) + th(c.t(S::col_note)) + "</tr></thead><tbody>";
  for (const RuleCheck& r : cc.classification.rules) {
    const char* state = r.state == RuleState::held     ? "held"
                        : r.state == RuleState::missed ? "missed"
                                                       : "not-evaluated";
    out += "<tr class=\"rule-" + std::string(state) + "\"><td>" + e(type_text(r.type(), c.lang)) +
           " · " + e(rule_text(r.id, c.lang)) + "</td><td class=\"num\">" +
           (r.state == RuleState::not_evaluated ? std::string("—")
                                                : e(rule_value_text(r.id, r.value, c.lang))) +
           "</td><td class=\"num\">" + e(std::string(r.spec().op) + " " + rule_value_text(r.id, r.threshold, c.lang)) +
           "</td><td>" + e(rule_state_text(r.state, c.lang)) + "</td><td>" +
           e(rule_note_text(r, cc, c.result.as_of, c.settings.overdue.classify, c.lang)) +
           "</td></tr>";
  }
  out += "</tbody></table>";
}

void write_plan(std::string& out, const Context& c, const ClassifiedCustomer& cc) {
  const ActionPlan& plan = cc.plan;
  const std::string key = "customers." + std::to_string(cc.customer);
  out += "<h4>" + e(c.t(S::card_plan_heading)) + "</h4>";
  if (plan.actions.empty()) {
    out += "<p>" + e(c.t(S::cust_no_actions)) + "</p>";
  } else {
    out += "<table class=\"plan\"><thead><tr>" + th(c.t(S::col_date)) + th(c.t(S::col_action)) +
           th(c.t(S::col_amount), true) + "</tr></thead><tbody>";
    for (size_t i = 0; i < plan.actions.size(); ++i) {
      const PlannedAction& a = plan.actions[i];
      out += "<tr><td>" + iso_date_text(a.date) + "</td><td>" + e(action_text(a.action, c.lang)) +
             "</td>" +
             (a.cents == kMissingCents
                  ? std::string("<td></td>")
                  : money_cell(key + ".actions." + std::to_string(i) + ".amount", a.cents)) +
             "</tr>";
    }
    out += "</tbody></table>";
  }
  if (!plan.installments.empty()) {
    out += "<h4>" + e(c.t(S::installments_heading)) +
           "</h4><table class=\"installments\"><thead><tr>" + th(c.t(S::col_installment_no), true) +
           th(c.t(S::col_date)) + th(c.t(S::col_amount), true) + "</tr></thead><tbody>";
    int64_t sum = 0;
    for (size_t i = 0; i < plan.installments.size(); ++i) {
      const Installment& in = plan.installments[i];
      sum += in.cents;
      out += "<tr><td class=\"num\">" + std::to_string(in.number) + "</td><td>" +
             iso_date_text(in.date) + "</td>" +
             money_cell(key + ".installments." + std::to_string(i) + ".amount", in.cents) + "</tr>";
    }
    out += "</tbody></table><p class=\"legend\">" +
           e(textf(c.lang, S::installments_sum_fmt, money_display(sum).c_str(),   // disputes left out (issue #20 §2)
                   money_display(cc.overdue_cents - c.result.customers[cc.customer].disputed_overdue_cents).c_str())) +
           "</p>";
  }
  out += "<ul class=\"facts\">";
  if (plan.grace_end != kMissingDays)
    out += "<li>" + e(textf(c.lang, S::grace_end_fmt, iso_date_text(plan.grace_end).c_str())) +
           "</li>";
  std::string limit = limit_change_text(plan, c.lang);
  const Customer& who = c.ledger.customers[cc.customer];
  if (plan.suggested_credit_limit_cents != kMissingCents && who.credit_limit_cents != kMissingCents)
    limit += " · " + textf(c.lang, S::suggested_limit_fmt,
                           money_display(plan.suggested_credit_limit_cents).c_str(),
                           money_display(who.credit_limit_cents).c_str());
  out += "<li>" + e(limit) + "</li>";
  const std::vector<int64_t>& allowance = c.overdue.allowance.by_customer_cents;
  const int64_t allow = cc.customer < allowance.size() ? allowance[cc.customer] : 0;
  out += "<li>" + e(text(S::col_allowance, c.lang)) + ": <span" +
         money_attr(key + ".allowance", allow) + ">" + money_display(allow) + "</span></li>";
  if (cc.contacts.evaluated) {
    const ContactSummary& s = cc.contacts;
    out += "<li>" +
           e(textf(c.lang, S::contacts_summary_fmt, count_display(s.contacts).c_str(),
                   count_display(s.promises).c_str(), count_display(s.broken_promises).c_str(),
                   count_display(s.refusals).c_str(), count_display(s.unreachable).c_str(),
                   count_display(s.paid).c_str(),
                   s.last_contact == kMissingDays ? "—" : iso_date_text(s.last_contact).c_str())) +
           "</li>";
  }
  out += "</ul>";
}

void write_customer(std::string& out, const Context& c, const ClassifiedCustomer& cc) {
  const Customer& who = c.ledger.customers[cc.customer];
  const CustomerStatus& status = c.result.customers[cc.customer];
  const std::string key = "customers." + std::to_string(cc.customer);
  const Lang lang = c.lang;
  out += "<article class=\"customer\" id=\"customer-" + std::to_string(cc.priority) + "\"" +
         raw_attr(key + ".id", who.id) + " data-type=\"" +
         overdue_type_name(cc.classification.type) + "\"><h3>" + std::to_string(cc.priority) +
         ". " + e(who.name);
  if (who.id != who.name) out += " <span class=\"muted\">(" + e(who.id) + ")</span>";
  out += " " + badge(cc.classification.type, lang);
  if (cc.classification.low_confidence)
    out += " <span class=\"muted\">" + e(c.t(S::low_confidence_mark)) + "</span>";
  out += "</h3><p class=\"facts\">";
  const std::string overdue = "<span" + money_attr(key + ".overdue", cc.overdue_cents) + ">" +
                              money_display(cc.overdue_cents) + "</span>";
  const std::string open = "<span" + money_attr(key + ".open", status.open_cents) + ">" +
                           money_display(status.open_cents) + "</span>";
  const std::string dpd = "<span" + raw_attr(key + ".max_dpd", std::to_string(status.max_dpd)) +
                          ">" + std::to_string(status.max_dpd) + "</span>";
  out += fill_html(c.t(S::cust_overdue_fmt), {overdue, open, dpd});
  out += "<br>";
  const std::string ability = "<span" +
                              raw_attr(key + ".ability", fixed_text(cc.ability.value, 2)) + ">" +
                              fixed_text(cc.ability.value, 1) + "</span>";
  const std::string impact = "<span" + raw_attr(key + ".impact", fixed_text(cc.impact.value, 2)) +
                             ">" + fixed_text(cc.impact.value, 1) + "</span>";
  out += fill_html(c.t(S::cust_scores_fmt), {ability, impact, e(quadrant_text(cc.quadrant, lang))});
  out += "</p><p class=\"decision\">" + e(decision_text(cc.classification, lang)) + "</p>";
  const std::string low = low_confidence_text(cc, c.result.as_of, lang);
  if (!low.empty()) out += "<p class=\"note\">" + e(low) + "</p>";
  write_rule_trace(out, c, cc);
  write_plan(out, c, cc);
  out += "</article>\n";
}

}  // namespace

void write_customers(std::string& out, const Context& c) {
  open_section(out, "customers", c.t(S::sec_customers));
  out += "<p>" +
         e(textf(c.lang, S::cust_intro_fmt,
                 count_display(static_cast<int64_t>(c.overdue.customers.size())).c_str())) +
         "</p>";
  write_priority_table(out, c);
  for (const ClassifiedCustomer& cc : c.overdue.customers) write_customer(out, c, cc);
  close_section(out);
}

}  // namespace overdue::report_detail
