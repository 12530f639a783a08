// The analysis JSON's "worklist" (issue #20 §3): today's worklist in priority order, one object
// per overdue customer:
//   {priority, customer (id), action (id, null when every action of the plan is done),
//    date (the action's, null likewise), last_contact (null: none), promise ("pending" | "kept" |
//    "broken", null: no promise), today (the action is dated within 7 days after the as-of date)}
#include "report/analysis_json_internal.hpp"
#include "overdue/classify/worklist.hpp"

namespace overdue::analysis_detail {

void write_worklist(JsonWriter& w, const Ledger& ledger, const MonitorResult& r, const OverdueAnalysis& overdue,
                    const ContactLog& contacts) {
  w.key("worklist").begin_array();
  for (const WorklistItem& item : build_worklist(ledger, overdue, contacts, r.as_of)) {
    w.begin_object();
    w.key("priority").unsigned_integer(item.priority);
    w.key("customer").string(item.customer < ledger.customers.size() ? ledger.customers[item.customer].id : std::string());
    w.key("action");
    if (item.action.empty()) w.null();
    else w.string(item.action);
    w.key("date").date_or_null(item.date);
    w.key("last_contact").date_or_null(item.last_contact);
    w.key("promise");
    if (item.promise == PromiseState::none) w.null();
    else w.string(promise_state_name(item.promise));
    w.key("today").boolean(item.today);
    w.end_object();
  }
  w.end_array();
}

}  // namespace overdue::analysis_detail
