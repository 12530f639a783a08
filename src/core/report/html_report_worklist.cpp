// The report's "Today's worklist" section (issue #20 §3): each overdue customer's next action in
// priority order, with its date, the last contact and the state of its latest promise — the same
// list as the analysis JSON's "worklist" and worklist.csv. The priority, customer id and dates
// carry the JSON key they mirror (worklist.N.date …), so tests/report/check_report.py compares them.
#include "overdue/classify/words.hpp"
#include "overdue/classify/worklist.hpp"
#include "report/csv_export_internal.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }

// The column headings are worklist.csv's, in the report's language.
std::string th(std::string_view csv_key, bool zh, bool number = false) {
  const char* label = csv_detail::header_text(csv_key, zh);
  return std::string(number ? "<th class=\"num\">" : "<th>") + e(label ? label : csv_key) + "</th>";
}

std::string date_cell(const std::string& key, int32_t day) {
  if (day == kMissingDays) return "<td>—</td>";
  const std::string iso = iso_date_text(day);
  return "<td" + raw_attr(key, iso) + ">" + iso + "</td>";
}

S promise_label(PromiseState s) {
  return s == PromiseState::kept ? S::worklist_promise_kept
         : s == PromiseState::broken ? S::worklist_promise_broken
                                     : S::worklist_promise_pending;
}

}  // namespace

void write_worklist(std::string& out, const Context& c) {
  open_section(out, "worklist", c.t(S::sec_worklist));
  const std::vector<WorklistItem> items = build_worklist(c.ledger, c.overdue, c.contacts, c.result.as_of);
  out += "<p class=\"legend\">" + e(c.t(S::worklist_explained)) + "</p>\n";
  if (items.empty()) {
    out += "<p>" + e(c.t(S::worklist_none)) + "</p>\n";
    close_section(out);
    return;
  }
  const bool zh = c.lang == Lang::zh;
  out += "<table class=\"worklist\"><thead><tr>" + th("priority", zh, true) + th("customer_id", zh) +
         th("customer_name", zh) + th("type", zh) + th("overdue", zh, true) + th("next_action", zh) +
         th("action_date", zh) + th("last_contact", zh) + th("promise", zh) + "</tr></thead><tbody>";
  for (size_t k = 0; k < items.size(); ++k) {
    const WorklistItem& item = items[k];
    const std::string key = "worklist." + std::to_string(k);
    const Customer& who = c.ledger.customers[item.customer];
    const ClassifiedCustomer& cc = c.overdue.customers[item.position];
    std::string action = item.action.empty() ? std::string("—") : e(action_text(item.action, c.lang));
    if (item.today)
      action += zh ? "<strong>（" + e(c.t(S::worklist_today)) + "）</strong>"
                   : " <strong>(" + e(c.t(S::worklist_today)) + ")</strong>";
    out += "<tr><td class=\"num\"" + raw_attr(key + ".priority", std::to_string(item.priority)) + ">" +
           std::to_string(item.priority) + "</td><td" + raw_attr(key + ".customer", who.id) + ">" + e(who.id) +
           "</td><td>" + e(who.name) + "</td><td>" + e(type_text(cc.classification.type, c.lang)) +
           "</td><td class=\"num\">" + money_display(cc.overdue_cents) + "</td><td>" + action + "</td>" +
           date_cell(key + ".date", item.date) + date_cell(key + ".last_contact", item.last_contact) + "<td>" +
           (item.promise == PromiseState::none ? std::string("—") : e(c.t(promise_label(item.promise)))) +
           "</td></tr>";
  }
  out += "</tbody></table>\n";
  close_section(out);
}

}  // namespace overdue::report_detail
