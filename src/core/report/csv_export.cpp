// analysis_csv_files (include/overdue/report/csv_export.hpp): the six tables of an analysis as CSV,
// worklist.csv (issue #20 §3), and set_aside.csv when rows were set aside.
// Values are written with the same locale-free helpers as the JSON (money_text, fixed_text,
// iso_date_text), so a CSV cell and the JSON field it mirrors are the same text.
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/csv_export.hpp"

#include <algorithm>

#include "report/csv_export_internal.hpp"
#include "overdue/classify/actions.hpp"
#include "overdue/classify/credit.hpp"
#include "overdue/ledger/line_items.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/classify/scores.hpp"
#include "overdue/classify/worklist.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {


std::string held_rules_text(const Classification& c) {
  std::string out;
  for (const RuleCheck& r : c.rules) {
    if (r.state != RuleState::held) continue;
    if (!out.empty()) out += "; ";
    out += std::string(rule_name(r.id)) + " " + fixed_text(r.value, 2) + std::string(r.spec().op) + fixed_text(r.threshold, 2);
  }
  return out;
}

namespace {

using csv_detail::CsvTable;

std::string date_or_empty(int32_t days) { return days == kMissingDays ? std::string() : iso_date_text(days); }

// Overdue customers' classification by ledger customer index (-1: not overdue).
std::vector<int32_t> classified_index(const Ledger& ledger, const OverdueAnalysis& overdue) {
  std::vector<int32_t> index(ledger.customers.size(), -1);
  for (size_t i = 0; i < overdue.customers.size(); ++i)
    if (overdue.customers[i].customer < index.size()) index[overdue.customers[i].customer] = static_cast<int32_t>(i);
  return index;
}

// The credit columns (issue #20 §4): limit, utilisation and level, empty without a limit.
std::vector<std::string> credit_cells(const CreditStatus* s) {
  if (!s) return {std::string(), std::string(), std::string()};
  return {money_text(s->limit_cents), s->utilisation ? fixed_text(*s->utilisation, 4) : std::string(),
          credit_level_name(s->level)};
}

void append(std::vector<std::string>& row, std::vector<std::string> more) {
  for (std::string& cell : more) row.push_back(std::move(cell));
}

CsvFile overdue_csv(const Ledger& ledger, const MonitorResult& r, const OverdueAnalysis& overdue,
                    const CreditWatch& credit, bool zh) {
  CsvTable t(zh, {"priority", "customer_id", "customer_name", "sales_rep", "type", "low_confidence", "overdue",
                  "open", "past_due", "max_dpd", "weighted_dpd", "last_payment", "days_without_payment",
                  "ability", "impact", "quadrant", "allowance", "credit_limit_change_pct", "rules_held",
                  "in_dispute", "credit_limit", "utilisation", "credit_level", "suggested_credit_limit"});
  for (const ClassifiedCustomer& c : overdue.customers) {
    const Customer& who = ledger.customers[c.customer];
    const CustomerStatus& s = r.customers[c.customer];
    std::vector<std::string> row{
        std::to_string(c.priority), who.id, who.name, who.sales_rep, overdue_type_name(c.classification.type),
        c.classification.low_confidence ? "1" : "0", money_text(c.overdue_cents), money_text(s.open_cents),
        money_text(s.past_due_cents), std::to_string(s.max_dpd), fixed_text(s.weighted_dpd, 1),
        date_or_empty(s.last_payment_date),
        c.history.days_without_payment < 0 ? std::string() : std::to_string(c.history.days_without_payment),
        fixed_text(c.ability.value, 2), fixed_text(c.impact.value, 2), risk_quadrant_name(c.quadrant),
        money_text(c.allowance_cents), std::to_string(c.plan.credit_limit_change_pct),
        held_rules_text(c.classification), money_text(s.disputed_cents)};
    append(row, credit_cells(credit_status_of(credit, c.customer)));
    row.push_back(c.plan.suggested_credit_limit_cents == kMissingCents ? std::string()
                                                                       : money_text(c.plan.suggested_credit_limit_cents));
    t.row(row);
  }
  return {"overdue.csv", t.take()};
}

CsvFile customers_csv(const Ledger& ledger, const MonitorResult& r, const OverdueAnalysis& overdue,
                      const CreditWatch& credit, bool zh) {
  CsvTable t(zh, {"customer_id", "customer_name", "sales_rep", "open", "past_due", "overdue", "overdue_flag",
                  "newly_overdue", "max_dpd", "weighted_dpd", "last_payment", "last_payment_amount",
                  "revenue_share", "type", "rules_held", "in_dispute", "credit_limit", "utilisation",
                  "credit_level"});
  const std::vector<int32_t> index = classified_index(ledger, overdue);
  for (const CustomerStatus& s : r.customers) {
    const Customer& who = ledger.customers[s.customer];
    const int32_t k = s.customer < index.size() ? index[s.customer] : -1;
    const ClassifiedCustomer* c = k >= 0 ? &overdue.customers[static_cast<size_t>(k)] : nullptr;
    std::vector<std::string> row{
        who.id, who.name, who.sales_rep, money_text(s.open_cents), money_text(s.past_due_cents),
        money_text(s.overdue_cents), s.overdue ? "1" : "0", s.newly_overdue ? "1" : "0", std::to_string(s.max_dpd),
        fixed_text(s.weighted_dpd, 1), date_or_empty(s.last_payment_date),
        s.last_payment_date == kMissingDays ? std::string() : money_text(s.last_payment_cents),
        fixed_text(s.revenue_share, 4), c ? overdue_type_name(c->classification.type) : "",
        c ? held_rules_text(c->classification) : std::string(), money_text(s.disputed_cents)};
    append(row, credit_cells(credit_status_of(credit, s.customer)));
    t.row(row);
  }
  return {"customers.csv", t.take()};
}

CsvFile aging_csv(const MonitorResult& r, bool zh) {
  CsvTable t(zh, {"bucket", "min_dpd", "max_dpd", "open", "invoices", "share_of_open"});
  for (const AgingBucket& a : r.aging) {
    const double share = r.open_cents != 0 ? static_cast<double>(a.open_cents) / static_cast<double>(r.open_cents) : 0.0;
    t.row({a.label, a.label == "not_due" ? std::string() : std::to_string(a.min_dpd),
           a.max_dpd == INT32_MAX ? std::string() : std::to_string(a.max_dpd), money_text(a.open_cents),
           std::to_string(a.invoices), fixed_text(share, 4)});
  }
  return {"aging.csv", t.take()};
}

CsvFile trend_csv(const MonitorResult& r, bool zh) {
  CsvTable t(zh, {"date", "open", "overdue", "overdue_customers"});
  for (const TrendPoint& p : r.trend)
    t.row({iso_date_text(p.date), money_text(p.open_cents), money_text(p.overdue_cents),
           std::to_string(p.overdue_customers)});
  return {"trend.csv", t.take()};
}

CsvFile installments_csv(const Ledger& ledger, const OverdueAnalysis& overdue, bool zh) {
  CsvTable t(zh, {"customer_id", "customer_name", "installment", "date", "amount"});
  for (const ClassifiedCustomer& c : overdue.customers) {
    const Customer& who = ledger.customers[c.customer];
    for (const Installment& i : c.plan.installments)
      t.row({who.id, who.name, std::to_string(i.number), date_or_empty(i.date), money_text(i.cents)});
  }
  return {"installments.csv", t.take()};
}

// Issue #20 §3: each overdue customer's next action in priority order; keys untranslated (the
// type, the action id, the promise state) as in overdue.csv, so a cell reads as its JSON field.
CsvFile worklist_csv(const Ledger& ledger, const MonitorResult& r, const OverdueAnalysis& overdue,
                     const ContactLog& contacts, bool zh) {
  CsvTable t(zh, {"priority", "customer_id", "customer_name", "type", "overdue", "next_action", "action_date",
                  "last_contact", "promise"});
  for (const WorklistItem& item : build_worklist(ledger, overdue, contacts, r.as_of)) {
    const Customer& who = ledger.customers[item.customer];
    const ClassifiedCustomer& c = overdue.customers[item.position];
    t.row({std::to_string(item.priority), who.id, who.name, overdue_type_name(c.classification.type),
           money_text(c.overdue_cents), item.action, date_or_empty(item.date), date_or_empty(item.last_contact),
           promise_state_name(item.promise)});
  }
  return {"worklist.csv", t.take()};
}

CsvFile rejected_csv(const Ledger& ledger, FileList files, bool zh) {
  struct Entry {
    uint32_t file;
    uint64_t line;
    const std::string* reason;
  };
  std::vector<Entry> all;
  for (size_t f = 0; f < files.size(); ++f)
    for (const RejectedRow& row : files[f].rejected) all.push_back({static_cast<uint32_t>(f), row.line, &row.reason});
  for (const LedgerRejectedRow& row : ledger.rejected) all.push_back({row.file, row.line, &row.reason});
  std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  CsvTable t(zh, {"file", "line", "reason"});
  for (const Entry& e : all)
    t.row({e.file < files.size() ? files[e.file].label() : std::to_string(e.file), std::to_string(e.line), *e.reason});
  return {"rejected.csv", t.take()};
}

// Drafts, void invoices and other accounts' rows (issue #17): written only when there are some.
CsvFile set_aside_csv(const Ledger& ledger, FileList files, bool zh) {
  std::vector<const SetAsideRow*> all;
  for (const SetAsideRow& s : ledger.set_aside) all.push_back(&s);
  std::stable_sort(all.begin(), all.end(), [](const SetAsideRow* a, const SetAsideRow* b) {
    return a->file != b->file ? a->file < b->file : a->line < b->line;
  });
  CsvTable t(zh, {"file", "line", "reason", "detail", "rows"});
  for (const SetAsideRow* s : all)
    t.row({s->file < files.size() ? files[s->file].label() : std::to_string(s->file), std::to_string(s->line),
           std::string(set_aside_reason_name(s->kind)), s->detail.value, std::to_string(s->rows)});
  return {"set_aside.csv", t.take()};
}

}  // namespace

std::vector<CsvFile> analysis_csv_files(const AnalysisResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<CsvFile> out;
  const CreditWatch credit = credit_watch(r.ledger, r.monitor, r.overdue, r.settings.credit.warning_share);
  out.push_back(overdue_csv(r.ledger, r.monitor, r.overdue, credit, zh));
  out.push_back(customers_csv(r.ledger, r.monitor, r.overdue, credit, zh));
  out.push_back(aging_csv(r.monitor, zh));
  out.push_back(trend_csv(r.monitor, zh));
  out.push_back(installments_csv(r.ledger, r.overdue, zh));
  out.push_back(worklist_csv(r.ledger, r.monitor, r.overdue, r.contacts, zh));
  out.push_back(rejected_csv(r.ledger, r.file_list(), zh));
  if (!r.ledger.set_aside.empty()) out.push_back(set_aside_csv(r.ledger, r.file_list(), zh));
  out.push_back(csv_detail::forecast_csv(r.ledger, r.forecast, zh));
  return out;
}

}  // namespace overdue
