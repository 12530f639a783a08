// The what-if sandbox (issue #4): an unchanged sandbox reproduces the real analysis of its
// customer exactly; edits change the type, trace and scores the way the method says; the real
// ledger is never touched. As of 2024-06-30, threshold 30 (the classification tests' setting).
//
// [SECTION] exact comparison of a sandbox result with the real analysis
// [SECTION] histories
// [SECTION] an unchanged sandbox is the real analysis
// [SECTION] edits
#include <fstream>
#include <sstream>

#include "overdue/classify/what_if.hpp"
#include "test_classify_support.hpp"

using namespace classify_test;

namespace {

// [SECTION] exact comparison of a sandbox result with the real analysis ------------------------

void same_score(const Score& a, const Score& b) {
  CHECK(a.value == b.value);
  REQUIRE(a.inputs.size() == b.inputs.size());
  for (size_t k = 0; k < a.inputs.size(); ++k) {
    CHECK(a.inputs[k].input == b.inputs[k].input);
    CHECK(a.inputs[k].value == b.inputs[k].value);
    CHECK(a.inputs[k].component == b.inputs[k].component);
    CHECK(a.inputs[k].points == b.inputs[k].points);
  }
}

void same_history(const CustomerHistory& a, const CustomerHistory& b) {
  REQUIRE(a.episodes.size() == b.episodes.size());
  for (size_t k = 0; k < a.episodes.size(); ++k) {
    CHECK(a.episodes[k].start == b.episodes[k].start);
    CHECK(a.episodes[k].end == b.episodes[k].end);
    CHECK(a.episodes[k].max_dpd == b.episodes[k].max_dpd);
  }
  CHECK(a.overdue == b.overdue);
  CHECK(a.episode_start == b.episode_start);
  CHECK(a.max_dpd == b.max_dpd);
  CHECK(a.last_payment_date == b.last_payment_date);
  CHECK(a.settled_before_episode == b.settled_before_episode);
  CHECK(a.on_time_before_episode == b.on_time_before_episode);
  CHECK(a.days_without_payment == b.days_without_payment);
  CHECK(a.first_invoice_date == b.first_invoice_date);
  CHECK(a.payments_last_180 == b.payments_last_180);
  CHECK(a.partial_payments_last_180 == b.partial_payments_last_180);
  CHECK(a.paid_last_180_cents == b.paid_last_180_cents);
  CHECK(a.billed_365_cents == b.billed_365_cents);
  CHECK(a.paid_365_cents == b.paid_365_cents);
  CHECK(a.balance_ratio_now == b.balance_ratio_now);
  CHECK(a.balance_ratio_mid == b.balance_ratio_mid);
  CHECK(a.balance_ratio_then == b.balance_ratio_then);
  CHECK(a.settled_all == b.settled_all);
  CHECK(a.on_time_all == b.on_time_all);
}

// Everything analyze_overdue says about the customer, except the portfolio-wide priority.
void same_customer(const ClassifiedCustomer& sandbox, const ClassifiedCustomer& real) {
  CHECK(sandbox.customer == real.customer);
  CHECK(sandbox.overdue_cents == real.overdue_cents);
  same_history(sandbox.history, real.history);
  CHECK(sandbox.contacts.evaluated == real.contacts.evaluated);
  CHECK(sandbox.contacts.contacts == real.contacts.contacts);
  CHECK(sandbox.contacts.promises == real.contacts.promises);
  CHECK(sandbox.contacts.broken_promises == real.contacts.broken_promises);
  CHECK(sandbox.contacts.refusals == real.contacts.refusals);
  CHECK(sandbox.contacts.last_contact == real.contacts.last_contact);

  const Classification &a = sandbox.classification, &b = real.classification;
  CHECK(a.type == b.type);
  CHECK(a.low_confidence == b.low_confidence);
  CHECK(a.reasons == b.reasons);
  REQUIRE(a.rules.size() == b.rules.size());
  for (size_t k = 0; k < a.rules.size(); ++k) {
    CAPTURE(rule_name(b.rules[k].id));
    CHECK(a.rules[k].id == b.rules[k].id);
    CHECK(a.rules[k].value == b.rules[k].value);
    CHECK(a.rules[k].threshold == b.rules[k].threshold);
    CHECK(a.rules[k].state == b.rules[k].state);
    CHECK(a.rules[k].note == b.rules[k].note);
  }
  same_score(sandbox.ability, real.ability);
  same_score(sandbox.impact, real.impact);
  CHECK(sandbox.quadrant == real.quadrant);
  CHECK(sandbox.priority == 0);
  CHECK(sandbox.allowance_cents == real.allowance_cents);

  const ActionPlan &p = sandbox.plan, &q = real.plan;
  REQUIRE(p.actions.size() == q.actions.size());
  for (size_t k = 0; k < p.actions.size(); ++k) {
    CHECK(p.actions[k].date == q.actions[k].date);
    CHECK(p.actions[k].action == q.actions[k].action);
    CHECK(p.actions[k].cents == q.actions[k].cents);
  }
  REQUIRE(p.installments.size() == q.installments.size());
  for (size_t k = 0; k < p.installments.size(); ++k) {
    CHECK(p.installments[k].date == q.installments[k].date);
    CHECK(p.installments[k].cents == q.installments[k].cents);
  }
  CHECK(p.grace_end == q.grace_end);
  CHECK(p.credit_limit_change_pct == q.credit_limit_change_pct);
  CHECK(p.suggested_credit_limit_cents == q.suggested_credit_limit_cents);
}

void same_status(const SandboxResult& r, const Sandbox& sb, const CustomerStatus& real) {
  const CustomerStatus& s = r.status;
  CHECK(s.customer == real.customer);
  CHECK(s.open_cents == real.open_cents);
  CHECK(s.past_due_cents == real.past_due_cents);
  CHECK(s.overdue_cents == real.overdue_cents);
  CHECK(s.max_dpd == real.max_dpd);
  CHECK(s.weighted_dpd == real.weighted_dpd);
  CHECK(s.last_payment_date == real.last_payment_date);
  CHECK(s.last_payment_cents == real.last_payment_cents);
  CHECK(s.revenue_share == real.revenue_share);
  CHECK(s.overdue == real.overdue);
  CHECK(s.newly_overdue == real.newly_overdue);
  if (real.oldest_open_invoice < 0) {
    CHECK(s.oldest_open_invoice < 0);
  } else {
    REQUIRE(s.oldest_open_invoice >= 0);
    CHECK(sb.invoices[static_cast<size_t>(s.oldest_open_invoice)].origin == real.oldest_open_invoice);
  }
  REQUIRE(s.pattern.has_value() == real.pattern.has_value());
  if (real.pattern) CHECK(s.pattern->summary == real.pattern->summary);
}

// Every customer of a real analysis through an unchanged sandbox; returns how many were overdue.
size_t check_unchanged(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts,
                       const OverdueAnalysis& analysis, const OverdueSettings& settings = {}) {
  size_t overdue = 0;
  for (uint32_t c = 0; c < ledger.customers.size(); ++c) {
    CAPTURE(ledger.customers[c].id);
    const Sandbox sb = make_sandbox(ledger, c);
    const SandboxContext ctx = make_sandbox_context(ledger, monitor, contacts, c);
    const SandboxResult r = evaluate_sandbox(sb, ctx, settings);
    CHECK(r.problems.empty());
    same_status(r, sb, monitor.customers[c]);
    const ClassifiedCustomer* real = nullptr;
    for (const ClassifiedCustomer& cc : analysis.customers)
      if (cc.customer == c) real = &cc;
    CHECK(r.overdue == (real != nullptr));
    if (!real) continue;
    ++overdue;
    same_customer(r.customer, *real);
  }
  return overdue;
}

// [SECTION] histories ---------------------------------------------------------------------------

// A good payer hit by a one-off shock (test_classify.cpp): 12 monthly invoices of 1,000.00 paid
// on their due dates except k = 9 (due as-of − 60, the shock) and k = 11 (due on the as-of date).
void one_off_shock(Book& b, const std::string& id) {
  const auto due = b.monthly(id, 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay(id, due[k], 100000, id + "-" + std::to_string(k));
}

// Several customers of every type, a contact log, FIFO and named payments, over-payment.
Book portfolio() {
  Book b;
  one_off_shock(b, "T");                                  // temporary
  const auto late = b.monthly("L", 12, 100000);           // structural: chronically late
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", late[k] + 20, 100000, "L-" + std::to_string(k));
  const auto partial = b.monthly("P", 24, 100000);        // structural: partial payer, FIFO
  for (int k = 0; k < 24; ++k) b.pay("P", partial[k], 40000);
  const auto stopped = b.monthly("S", 12, 250000);        // stubborn: stopped paying
  for (int k = 0; k < 12; ++k)
    if (stopped[k] <= kAsOf - 120) b.pay("S", stopped[k], 250000);
  one_off_shock(b, "B");                                  // stubborn: a broken promise
  b.contact("B", kAsOf - 20, "phone", "promise", kAsOf - 10, 100000);
  const auto good = b.monthly("G", 6, 50000);             // not overdue; over-paid once
  for (int k = 0; k < 6; ++k) b.pay("G", good[k], k == 2 ? 60000 : 50000);
  // Over-payment kept as credit and taken by later invoices, then a credit note: X-0 is paid with
  // 2,500.00, X-1 takes 1,000.00 of the credit on issue, X-2 the last 500.00; the credit note's
  // 100.00 goes FIFO to X-2, which stays 200.00 open at DPD 65.
  b.invoice("X", "X-0", kAsOf - 200, kAsOf - 170, 100000);
  b.pay("X", kAsOf - 180, 250000);
  b.invoice("X", "X-1", kAsOf - 100, kAsOf - 70, 100000);
  b.invoice("X", "X-2", kAsOf - 95, kAsOf - 65, 80000);
  b.invoice("X", "X-CN", kAsOf - 50, kAsOf - 50, -10000);
  return b;
}

const SandboxResult& evaluated(SandboxResult& slot, const Run& r, const std::string& id, const Sandbox& sb) {
  uint32_t c = 0;
  while (r.ledger.customers[c].id != id) ++c;
  slot = evaluate_sandbox(sb, make_sandbox_context(r.ledger, r.monitor, r.contacts.present ? &r.contacts : nullptr, c),
                          OverdueSettings{});
  return slot;
}

uint32_t customer_of(const Ledger& l, const std::string& id) {
  for (uint32_t c = 0; c < l.customers.size(); ++c)
    if (l.customers[c].id == id) return c;
  FAIL("no customer " << id);
  return 0;
}

ImportedFile fixture(const std::string& path) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/" + path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream bytes;
  bytes << in.rdbuf();
  return import_bytes(path, bytes.str());
}

}  // namespace

// [SECTION] an unchanged sandbox is the real analysis --------------------------------------------

TEST_CASE("what-if: an unchanged sandbox reproduces the real analysis of every customer (several types, contact log)") {
  const Run r = run(portfolio());
  REQUIRE(r.contacts.present);
  CHECK(r.of("T").classification.type == OverdueType::temporary);
  CHECK(r.of("L").classification.type == OverdueType::structural);
  CHECK(r.of("P").classification.type == OverdueType::structural);
  CHECK(r.of("S").classification.type == OverdueType::stubborn);
  CHECK(r.of("B").classification.type == OverdueType::stubborn);
  CHECK_FALSE(r.overdue("G"));
  CHECK(r.of("X").overdue_cents == 20000);
  CHECK(check_unchanged(r.ledger, r.monitor, &r.contacts, r.analysis) == 6);

  // Other settings (threshold, weights, allowance method) are followed the same way.
  OverdueSettings s;
  s.classify.stubborn_no_payment_days = 150;
  s.scores.impact.revenue_share = 60;
  s.allowance.method = AllowanceMethod::invoice_age_years;
  MonitorOptions o;
  o.as_of = kAsOf;
  o.threshold_days = 10;
  o.step = ReplayStep::month;
  const MonitorResult m = monitor(r.ledger, o);
  const OverdueAnalysis a = analyze_overdue(r.ledger, m, &r.contacts, s);
  CHECK(check_unchanged(r.ledger, m, &r.contacts, a, s) == a.customers.size());
}

TEST_CASE("what-if: an unchanged sandbox of a hand-built ledger (no build_ledger) reproduces it too") {
  Book b;
  one_off_shock(b, "T");
  const auto late = b.monthly("L", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", late[k] + 20, 100000, "L-" + std::to_string(k));
  const auto stopped = b.monthly("S", 12, 250000);
  for (int k = 0; k < 12; ++k)
    if (stopped[k] <= kAsOf - 120) b.pay("S", stopped[k], 250000);
  const Run r = run(b, {}, kAsOf, LedgerSource::hand);
  CHECK(check_unchanged(r.ledger, r.monitor, nullptr, r.analysis) == 3);
}

TEST_CASE("what-if: an unchanged sandbox reproduces the real analysis on generated_1000.csv") {
  const Ledger l = build_ledger({fixture("tests/data/ledger/generated_1000.csv")});
  REQUIRE(l.invoices.size() == 1000);
  const MonitorResult m = monitor(l, MonitorOptions{});
  const OverdueAnalysis a = analyze_overdue(l, m, nullptr, OverdueSettings{});
  CHECK(check_unchanged(l, m, nullptr, a) == a.customers.size());
  // The file has overdue customers of more than one type (so the check covers different paths).
  CHECK(a.customers.size() >= 3);
  int types = 0;
  for (const auto& t : a.by_type) types += t.customers > 0;
  CHECK(types >= 2);
}

TEST_CASE("what-if: a one-table ledger's paid columns stay on their own row when invoice ids repeat") {
  // Two invoices share the id A-1; the second row carries the payment. build_ledger pays that row,
  // not the FIFO-first invoice of the id; the sandbox must do the same.
  const ImportedFile f = import_bytes("ledger.csv",
                                      "customer_id,invoice_id,invoice_date,due_date,amount,paid_amount,paid_date\n"
                                      "A,A-1,2024-01-01,2024-01-31,100.00,,\n"
                                      "A,A-1,2024-02-01,2024-03-02,200.00,200.00,2024-03-01\n"
                                      "A,A-2,2024-03-01,2024-03-31,50.00,,\n"
                                      // a paid amount with no date (paid by any as-of date) and a credit note
                                      "U,U-1,2024-01-01,2024-01-31,300.00,100.00,\n"
                                      "U,U-CN,2024-02-01,2024-02-01,-50.00,,\n");
  REQUIRE(f.table_kind == TableKind::ledger);
  const Ledger l = build_ledger({f});
  MonitorOptions o;
  o.as_of = kAsOf;
  const MonitorResult m = monitor(l, o);
  const OverdueAnalysis a = analyze_overdue(l, m, nullptr, OverdueSettings{});
  CHECK(check_unchanged(l, m, nullptr, a) == 2);
  CHECK(m.customers[1].overdue_cents == 15000);
  const Sandbox sb = make_sandbox(l, 0);
  REQUIRE(sb.payments.size() == 1);
  CHECK(sb.payments[0].own_invoice == 1);
  const SandboxResult r = evaluate_sandbox(sb, make_sandbox_context(l, m, nullptr, 0), OverdueSettings{});
  CHECK(r.invoices[0].open_cents == 10000);  // the first A-1 is still open
  CHECK(r.invoices[1].open_cents == 0);

  // Without its own row the payment goes by its id: to the oldest A-1.
  Sandbox by_id = sb;
  by_id.payments[0].own_invoice = -1;
  const SandboxResult s = evaluate_sandbox(by_id, make_sandbox_context(l, m, nullptr, 0), OverdueSettings{});
  CHECK(s.invoices[0].open_cents == 0);
  CHECK(s.invoices[1].open_cents == 10000);
}

// [SECTION] edits ---------------------------------------------------------------------------------

TEST_CASE("what-if: a payment that clears the overdue makes the customer not overdue") {
  const Run r = run(portfolio());
  const uint32_t t = customer_of(r.ledger, "T");
  Sandbox sb = make_sandbox(r.ledger, t);
  add_sandbox_payment(sb, kAsOf, r.of("T").overdue_cents);   // FIFO: the oldest open invoice first
  SandboxResult res;
  evaluated(res, r, "T", sb);
  CHECK_FALSE(res.overdue);
  CHECK(res.status.overdue_cents == 0);
  CHECK(res.status.open_cents == r.monitor.customers[t].open_cents - r.of("T").overdue_cents);
  CHECK(res.customer.classification.rules.empty());     // no type when not overdue
  CHECK(res.customer.history.last_payment_date == kAsOf);
  CHECK(res.customer.customer == t);
  CHECK(res.customer_credit_cents == 0);

  // Too much: the rest stays as customer credit, nothing else changes.
  Sandbox more = make_sandbox(r.ledger, t);
  add_sandbox_payment(more, kAsOf, r.monitor.customers[t].open_cents + 12345);
  evaluated(res, r, "T", more);
  CHECK_FALSE(res.overdue);
  CHECK(res.status.open_cents == 0);
  CHECK(res.customer_credit_cents == 12345);

  // A partial payment leaves it overdue with less.
  Sandbox part = make_sandbox(r.ledger, t);
  add_sandbox_payment(part, kAsOf, 40000);
  evaluated(res, r, "T", part);
  CHECK(res.overdue);
  CHECK(res.customer.overdue_cents == r.of("T").overdue_cents - 40000);
}

TEST_CASE("what-if: removing a temporary customer's last payments makes it stubborn by S1, value shown") {
  const Run r = run(portfolio());
  REQUIRE(r.of("T").classification.type == OverdueType::temporary);
  Sandbox sb = make_sandbox(r.ledger, customer_of(r.ledger, "T"));
  const size_t before = sb.payments.size();
  sb.payments.erase(std::remove_if(sb.payments.begin(), sb.payments.end(),
                                   [](const SandboxPayment& p) { return p.date > kAsOf - 120; }),
                    sb.payments.end());
  CHECK(sb.payments.size() == before - 2);   // k = 8 and 10, paid as-of − 90 and − 30; as-of − 120 stays
  SandboxResult res;
  evaluated(res, r, "T", sb);
  REQUIRE(res.overdue);
  CHECK(res.customer.classification.type == OverdueType::stubborn);
  const RuleCheck& s1 = rule_of(res.customer.classification, "S1_no_payment");
  CHECK(s1.state == RuleState::held);
  CHECK(s1.value == 120);                    // the last payment is the one on as-of − 120
  CHECK(s1.threshold == 90);
  CHECK(res.customer.history.days_without_payment == 120);
  CHECK(res.customer.plan.credit_limit_change_pct == -100);
  CHECK(res.customer.overdue_cents > r.of("T").overdue_cents);   // invoices 8 and 10 are unpaid now
  CHECK(res.problems.empty());
}

TEST_CASE("what-if: moving an invoice's due date forward lowers its DPD and the customer's") {
  const Run r = run(portfolio());
  const uint32_t t = customer_of(r.ledger, "T");
  CHECK(r.monitor.customers[t].max_dpd == 60);
  Sandbox sb = make_sandbox(r.ledger, t);
  SandboxInvoice* shock = nullptr;
  for (SandboxInvoice& si : sb.invoices)
    if (si.id == "T-9") shock = &si;
  REQUIRE(shock);
  shock->due_date += 20;   // due as-of − 40 instead of − 60
  SandboxResult res;
  evaluated(res, r, "T", sb);
  const size_t row = static_cast<size_t>(shock - sb.invoices.data());
  CHECK(res.invoices[row].days_past_due == 40);
  CHECK(res.invoices[row].overdue);
  CHECK(res.status.max_dpd == 40);
  CHECK(res.customer.history.max_dpd == 40);
  CHECK(res.customer.history.episode_start == kAsOf - 9);   // due + 31
  CHECK(res.customer.impact.value < r.of("T").impact.value);  // DPD severity fell

  shock->due_date += 15;   // DPD 25 ≤ 30: no longer overdue
  evaluated(res, r, "T", sb);
  CHECK(res.invoices[row].days_past_due == 25);
  CHECK_FALSE(res.invoices[row].overdue);
  CHECK_FALSE(res.overdue);
}

TEST_CASE("what-if: moving a payment later makes its invoice late and the last payment recent") {
  const Run r = run(portfolio());
  Sandbox sb = make_sandbox(r.ledger, customer_of(r.ledger, "T"));
  SandboxPayment* last = nullptr;
  for (SandboxPayment& p : sb.payments)
    if (p.invoice_id == "T-10") last = &p;
  REQUIRE(last);
  REQUIRE(last->date == kAsOf - 30);   // paid on its due date
  last->date = kAsOf - 10;             // now 20 days late
  SandboxResult res;
  evaluated(res, r, "T", sb);
  REQUIRE(res.overdue);
  const CustomerHistory& real = r.of("T").history;
  CHECK(res.customer.history.last_payment_date == kAsOf - 10);
  CHECK(res.customer.history.days_without_payment == 10);
  CHECK(res.customer.history.settled_all == real.settled_all);
  CHECK(res.customer.history.on_time_all == real.on_time_all - 1);
  // Settled after the episode began (as-of − 29): no longer part of the record before it.
  CHECK(res.customer.history.settled_before_episode == real.settled_before_episode - 1);
  const auto input = [](const Score& sc, ScoreInput id) {
    for (const ScoreTerm& i : sc.inputs)
      if (i.input == id) return i.component;
    FAIL("no score input " << score_input_name(id));
    return 0.0;
  };
  CHECK(input(res.customer.ability, ScoreInput::on_time_share) < input(r.of("T").ability, ScoreInput::on_time_share));
  CHECK(input(res.customer.ability, ScoreInput::recency) > input(r.of("T").ability, ScoreInput::recency));
}

TEST_CASE("what-if: an added invoice is marked added, counted, and payable by its id") {
  const Run r = run(portfolio());
  const uint32_t t = customer_of(r.ledger, "T");
  Sandbox sb = make_sandbox(r.ledger, t);
  const SandboxInvoice& added = add_sandbox_invoice(sb, kAsOf - 130, kAsOf - 100, 50000);
  CHECK(added.id == "what-if-1");
  CHECK(added.added);
  CHECK(added.origin == -1);
  CHECK(add_sandbox_invoice(sb, kAsOf - 130, kAsOf - 100, 1).id == "what-if-2");
  sb.invoices.pop_back();
  SandboxResult res;
  evaluated(res, r, "T", sb);
  const SandboxInvoiceState& st = res.invoices.back();
  CHECK(st.added);
  CHECK(st.used);
  CHECK(st.open_cents == 50000);
  CHECK(st.days_past_due == 100);
  CHECK(st.overdue);
  CHECK_FALSE(res.invoices.front().added);
  CHECK(res.status.max_dpd == 100);
  CHECK(res.customer.overdue_cents == r.of("T").overdue_cents + 50000);
  CHECK(static_cast<size_t>(res.status.oldest_open_invoice) == sb.invoices.size() - 1);
  // Impact against the real portfolio: the others' overdue stays, this customer's grows.
  const ScoreTerm& share = res.customer.impact.inputs[1];
  CHECK(share.input == ScoreInput::overdue_share);
  int64_t all = 0;
  for (const ClassifiedCustomer& c : r.analysis.customers) all += c.overdue_cents;
  CHECK(share.value == doctest::Approx(static_cast<double>(res.customer.overdue_cents) / (all + 50000)));

  add_sandbox_payment(sb, kAsOf - 1, 50000, "what-if-1");   // named: goes to the added invoice
  evaluated(res, r, "T", sb);
  CHECK(res.invoices[sb.invoices.size() - 1].open_cents == 0);
  CHECK(res.customer.overdue_cents == r.of("T").overdue_cents);
}

TEST_CASE("what-if: a payment inside a promise's window keeps the promise (the log is recounted)") {
  const Run r = run(portfolio());
  REQUIRE(r.of("B").contacts.broken_promises == 1);
  Sandbox sb = make_sandbox(r.ledger, customer_of(r.ledger, "B"));
  add_sandbox_payment(sb, kAsOf - 15, 100000, "B-9");
  SandboxResult res;
  evaluated(res, r, "B", sb);
  CHECK_FALSE(res.overdue);                    // it paid the overdue invoice
  CHECK(res.customer.contacts.evaluated);
  CHECK(res.customer.contacts.promises == 1);
  CHECK(res.customer.contacts.broken_promises == 0);

  Sandbox half = make_sandbox(r.ledger, customer_of(r.ledger, "B"));
  add_sandbox_payment(half, kAsOf - 15, 60000, "B-9");   // less than promised: still broken
  evaluated(res, r, "B", half);
  REQUIRE(res.overdue);
  CHECK(res.customer.contacts.broken_promises == 1);
  CHECK(res.customer.classification.type == OverdueType::stubborn);
}

TEST_CASE("what-if: rows that cannot be used are left out with a problem; an unknown id goes FIFO") {
  const Run r = run(portfolio());
  Sandbox sb = make_sandbox(r.ledger, customer_of(r.ledger, "T"));
  add_sandbox_payment(sb, kAsOf, 0);
  add_sandbox_invoice(sb, kMissingDays, kAsOf, 1000);
  add_sandbox_payment(sb, kAsOf, 100000, "NO-SUCH");
  SandboxResult res;
  evaluated(res, r, "T", sb);
  REQUIRE(res.problems.size() == 3);
  CHECK(res.problems[0].find("no invoice date") != std::string::npos);
  CHECK(res.problems[1].find("more than zero") != std::string::npos);
  CHECK(res.problems[2].find("NO-SUCH") != std::string::npos);
  CHECK_FALSE(res.invoices.back().used);
  CHECK_FALSE(res.overdue);   // the 1,000.00 naming no real invoice paid the overdue one FIFO

  // Everything removed: nothing open, nothing to say, no crash.
  Sandbox empty = make_sandbox(r.ledger, customer_of(r.ledger, "T"));
  empty.invoices.clear();
  empty.payments.clear();
  evaluated(res, r, "T", empty);
  CHECK_FALSE(res.overdue);
  CHECK(res.status.open_cents == 0);
  CHECK(res.problems.empty());
  CHECK(res.customer.history.first_invoice_date == kMissingDays);
}

TEST_CASE("what-if: evaluating never changes the real ledger") {
  const Run r = run(portfolio());
  const Ledger before = r.ledger;
  for (uint32_t c = 0; c < r.ledger.customers.size(); ++c) {
    Sandbox sb = make_sandbox(r.ledger, c);
    const SandboxContext ctx = make_sandbox_context(r.ledger, r.monitor, &r.contacts, c);
    evaluate_sandbox(sb, ctx, OverdueSettings{});
    if (!sb.payments.empty()) sb.payments.pop_back();
    if (!sb.invoices.empty()) sb.invoices.front().due_date += 40;
    add_sandbox_invoice(sb, kAsOf - 200, kAsOf - 170, 777);
    add_sandbox_payment(sb, kAsOf - 5, 100000000);
    evaluate_sandbox(sb, ctx, OverdueSettings{});
  }
  const Ledger& after = r.ledger;
  REQUIRE(after.invoices.size() == before.invoices.size());
  for (size_t i = 0; i < before.invoices.size(); ++i) {
    CHECK(after.invoice_id(after.invoices[i]) == before.invoice_id(before.invoices[i]));
    CHECK(after.invoices[i].customer == before.invoices[i].customer);
    CHECK(after.invoices[i].invoice_date == before.invoices[i].invoice_date);
    CHECK(after.invoices[i].due_date == before.invoices[i].due_date);
    CHECK(after.invoices[i].amount_cents == before.invoices[i].amount_cents);
  }
  REQUIRE(after.payments.size() == before.payments.size());
  for (size_t p = 0; p < before.payments.size(); ++p) {
    CHECK(after.payments[p].date == before.payments[p].date);
    CHECK(after.payments[p].amount_cents == before.payments[p].amount_cents);
    CHECK(after.named_invoice_id(after.payments[p]) == before.named_invoice_id(before.payments[p]));
  }
  REQUIRE(after.allocations.size() == before.allocations.size());
  for (size_t a = 0; a < before.allocations.size(); ++a) {
    CHECK(after.allocations[a].invoice == before.allocations[a].invoice);
    CHECK(after.allocations[a].payment == before.allocations[a].payment);
    CHECK(after.allocations[a].date == before.allocations[a].date);
    CHECK(after.allocations[a].cents == before.allocations[a].cents);
  }
  REQUIRE(after.credits.size() == before.credits.size());
  for (size_t k = 0; k < before.credits.size(); ++k) CHECK(after.credits[k].cents == before.credits[k].cents);
  CHECK(after.customers.size() == before.customers.size());
}
