// The classification part of the analyze JSON (issue #4): the fields appended to each customer
// and the top-level "types", "priority", "allowance", "contact_log" and "settings".
//
// Per customer (every customer, ledger order; null or [] when the customer is not overdue):
//   type, low_confidence, reasons [{rule, type, label, value, op, threshold, held, note}]
//   (value and threshold with 4 decimals; held true/false, null = not evaluated), decision [text],
//   ability, impact (2 decimals), ability_inputs / impact_inputs [{input, value, component,
//   weight, points}] (4 decimals), quadrant, priority, actions [{date, action, amount|null}],
//   installments [{number, date, amount}], grace_end, credit_limit_change_pct,
//   suggested_credit_limit, allowance (every customer: its open items' allowance),
//   contacts {promises, broken_promises, refusals, unreachable, disputes, last_contact} (null: no contact log).
#include <algorithm>

#include "report/analysis_json_internal.hpp"
#include "overdue/classify/classify.hpp"

namespace overdue::analysis_detail {
namespace {

constexpr int kScoreDecimals = 2;
constexpr int kTraceDecimals = 4;

void write_rule(JsonWriter& w, const RuleCheck& r) {
  w.begin_object();
  const RuleSpec& spec = r.spec();
  w.key("rule").string(spec.name);
  w.key("type").string(overdue_type_name(spec.type));
  w.key("label").string(spec.label);
  w.key("value").fixed(r.value, kTraceDecimals);
  w.key("op").string(spec.op);
  w.key("threshold").fixed(r.threshold, kTraceDecimals);
  w.key("held");
  if (r.state == RuleState::not_evaluated) w.null();
  else w.boolean(r.state == RuleState::held);
  w.key("note").string(r.note);
  w.end_object();
}

void write_inputs(JsonWriter& w, const char* key, const ClassifiedCustomer* cc, const Score ClassifiedCustomer::*score) {
  w.key(key).begin_array();
  if (cc)
    for (const ScoreTerm& in : (cc->*score).inputs) {
      w.begin_object();
      w.key("input").string(score_input_name(in.input));
      w.key("value").fixed(in.value, kTraceDecimals);
      w.key("component").fixed(in.component, kTraceDecimals);
      w.key("weight").fixed(in.weight, kTraceDecimals);
      w.key("points").fixed(in.points, kTraceDecimals);
      w.end_object();
    }
  w.end_array();
}

void write_contacts(JsonWriter& w, const ContactSummary& s) {
  w.begin_object();
  w.key("promises").unsigned_integer(s.promises);
  w.key("broken_promises").unsigned_integer(s.broken_promises);
  w.key("refusals").unsigned_integer(s.refusals);
  w.key("unreachable").unsigned_integer(s.unreachable);
  w.key("disputes").unsigned_integer(s.disputes);   // issue #20 §2
  w.key("last_contact").date_or_null(s.last_contact);
  w.end_object();
}

}  // namespace

ClassifyContext make_classify_context(const Ledger& ledger, const MonitorResult& result,
                                      const OverdueAnalysis& overdue, const ContactLog& contacts,
                                      const AnalysisSettings& settings) {
  ClassifyContext c{&overdue, &contacts, &settings, {}, {}};
  c.by_customer.assign(ledger.customers.size(), nullptr);
  for (const ClassifiedCustomer& cc : overdue.customers)
    if (cc.customer < c.by_customer.size()) c.by_customer[cc.customer] = &cc;
  if (!contacts.present) return c;
  // Contact summaries of the customers that are not overdue (the overdue ones carry theirs).
  // Only customers that appear in the log need their payments, gathered in one pass.
  std::vector<char> in_log(ledger.customers.size(), 0);
  for (const Contact& k : contacts.contacts)
    if (k.customer < in_log.size() && !c.by_customer[k.customer]) in_log[k.customer] = 1;
  std::vector<std::vector<uint32_t>> payments(ledger.customers.size());
  for (uint32_t p = 0; p < ledger.payments.size(); ++p)
    if (ledger.payments[p].customer < in_log.size() && in_log[ledger.payments[p].customer])
      payments[ledger.payments[p].customer].push_back(p);
  c.summaries.assign(ledger.customers.size(), ContactSummary{});
  for (uint32_t k = 0; k < ledger.customers.size(); ++k) {
    c.summaries[k].evaluated = true;
    if (in_log[k]) c.summaries[k] = summarize_contacts(contacts, ledger, payments[k], k, result.as_of);
  }
  return c;
}

void write_customer_classification(JsonWriter& w, const ClassifyContext& c, uint32_t customer) {
  const ClassifiedCustomer* cc = customer < c.by_customer.size() ? c.by_customer[customer] : nullptr;
  w.key("type");
  if (cc) w.string(overdue_type_name(cc->classification.type));
  else w.null();
  w.key("low_confidence").boolean(cc && cc->classification.low_confidence);
  w.key("reasons").begin_array();
  if (cc)
    for (const RuleCheck& r : cc->classification.rules) write_rule(w, r);
  w.end_array();
  w.key("decision").begin_array();
  if (cc)
    for (const std::string& r : cc->classification.reasons) w.string(r);
  w.end_array();
  w.key("ability");
  if (cc) w.fixed(cc->ability.value, kScoreDecimals);
  else w.null();
  w.key("impact");
  if (cc) w.fixed(cc->impact.value, kScoreDecimals);
  else w.null();
  write_inputs(w, "ability_inputs", cc, &ClassifiedCustomer::ability);
  write_inputs(w, "impact_inputs", cc, &ClassifiedCustomer::impact);
  w.key("quadrant");
  if (cc) w.string(risk_quadrant_name(cc->quadrant));
  else w.null();
  w.key("priority");
  if (cc) w.unsigned_integer(cc->priority);
  else w.null();
  w.key("actions").begin_array();
  if (cc)
    for (const PlannedAction& a : cc->plan.actions) {
      w.begin_object();
      w.key("date").date_or_null(a.date);
      w.key("action").string(a.action);
      w.key("amount");
      if (a.cents == kMissingCents) w.null();
      else w.money(a.cents);
      w.end_object();
    }
  w.end_array();
  w.key("installments").begin_array();
  if (cc)
    for (const Installment& i : cc->plan.installments) {
      w.begin_object();
      w.key("number").integer(i.number);
      w.key("date").date_or_null(i.date);
      w.key("amount").money(i.cents);
      w.end_object();
    }
  w.end_array();
  w.key("grace_end").date_or_null(cc ? cc->plan.grace_end : kMissingDays);
  w.key("credit_limit_change_pct");
  if (cc) w.integer(cc->plan.credit_limit_change_pct);
  else w.null();
  w.key("suggested_credit_limit");
  if (cc && cc->plan.suggested_credit_limit_cents != kMissingCents) w.money(cc->plan.suggested_credit_limit_cents);
  else w.null();
  const std::vector<int64_t>& allowance = c.overdue->allowance.by_customer_cents;
  w.key("allowance").money(customer < allowance.size() ? allowance[customer] : 0);
  w.key("contacts");
  if (!c.contacts->present) w.null();
  else if (cc) write_contacts(w, cc->contacts);
  else write_contacts(w, customer < c.summaries.size() ? c.summaries[customer] : ContactSummary{});
}

void write_classification_top(JsonWriter& w, const Ledger& ledger, FileList files,
                              const ClassifyContext& c) {
  const OverdueAnalysis& o = *c.overdue;
  w.key("types").begin_object();
  for (OverdueType t : {OverdueType::temporary, OverdueType::structural, OverdueType::stubborn}) {
    const OverdueAnalysis::TypeTotal& total = o.by_type[static_cast<int>(t)];
    w.key(overdue_type_name(t)).begin_object();
    w.key("customers").unsigned_integer(total.customers);
    w.key("overdue").money(total.overdue_cents);
    w.end_object();
  }
  w.end_object();

  w.key("priority").begin_array();
  for (const ClassifiedCustomer& cc : o.customers)
    w.string(cc.customer < ledger.customers.size() ? ledger.customers[cc.customer].id : std::string());
  w.end_array();

  w.key("allowance").begin_object();
  w.key("method").string(allowance_method_name(o.allowance.method));
  w.key("total").money(o.allowance.total_cents);
  w.key("by_bucket").begin_array();
  for (const AllowanceBandTotal& b : o.allowance.by_band) {
    w.begin_object();
    w.key("label").string(b.label);
    w.key("rate_bp").integer(b.rate_bp);
    w.key("open").money(b.open_cents);
    w.key("allowance").money(b.allowance_cents);
    w.key("invoices").unsigned_integer(b.invoices);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  const ContactLog& log = *c.contacts;
  w.key("contact_log").begin_object();
  w.key("present").boolean(log.present);
  w.key("rows_read").unsigned_integer(log.rows_read);
  w.key("accepted").unsigned_integer(log.contacts.size());
  w.key("rejected").begin_array();
  for (size_t i = 0; i < log.rejected.size() && i < kMaxRejectedListed; ++i) {
    const ContactRejectedRow& r = log.rejected[i];
    w.begin_object();
    w.key("file").string(r.file < files.size() ? files[r.file].label() : std::to_string(r.file));
    w.key("line").unsigned_integer(r.line);
    w.key("reason").string(r.reason);
    w.end_object();
  }
  w.end_array();
  if (log.rejected.size() > kMaxRejectedListed) w.key("rejected_total").unsigned_integer(log.rejected.size());
  w.end_object();

  w.key("settings").raw(settings_json_compact(*c.settings));
}

}  // namespace overdue::analysis_detail
