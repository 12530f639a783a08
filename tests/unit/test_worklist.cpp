// Today's worklist (issue #20 §3): the next action of a plan against the contact log's channels
// and dates, the latest promise's state, the order against the priority, and the contact log
// written back as CSV and read again.
#include "test_classify_support.hpp"

#include "overdue/classify/worklist.hpp"
#include "overdue/report/contact_log_csv.hpp"

using namespace classify_test;

namespace {

// One stubborn customer (ladder at as-of + 1, 3, 7, 14, 21, 45: call, sms, visit, formal_demand,
// credit_hold, lawyer), by hand, with the given contacts.
struct Ladder {
  Ledger ledger;
  OverdueAnalysis overdue;
  ContactLog log;
  Ladder() {
    Customer c;
    c.id = c.name = "C1";
    ledger.customers.push_back(c);
    ClassifiedCustomer cc;
    cc.customer = 0;
    cc.priority = 1;
    cc.overdue_cents = 100000;
    ActionInput in;
    in.type = OverdueType::stubborn;
    in.as_of = kAsOf;
    in.overdue_cents = 100000;
    cc.plan = plan_actions(in, ActionSettings{});
    overdue.customers.push_back(cc);
    log.present = true;
  }
  void contact(int32_t date, const char* channel, ContactOutcome outcome = ContactOutcome::called) {
    Contact k;
    k.customer = 0;
    k.date = date;
    k.channel = channel;
    k.outcome = outcome;
    log.contacts.push_back(k);
  }
  WorklistItem next() const {
    const std::vector<WorklistItem> w = build_worklist(ledger, overdue, log, kAsOf);
    REQUIRE(w.size() == 1);
    return w[0];
  }
};

}  // namespace

TEST_CASE("worklist: channels read from the log's words, actions' channels") {
  CHECK(parse_contact_channel("电话") == ContactChannel::phone);
  CHECK(parse_contact_channel(" Phone ") == ContactChannel::phone);
  CHECK(parse_contact_channel("SMS") == ContactChannel::sms);
  CHECK(parse_contact_channel("短信") == ContactChannel::sms);
  CHECK(parse_contact_channel("上门") == ContactChannel::visit);
  CHECK(parse_contact_channel("Letter") == ContactChannel::letter);
  CHECK(parse_contact_channel("") == ContactChannel::none);
  CHECK(parse_contact_channel("carrier pigeon") == ContactChannel::other);
  CHECK(action_channel("call") == ContactChannel::phone);
  CHECK(action_channel("formal_demand") == ContactChannel::letter);
  CHECK(action_channel("grace_reminder") == ContactChannel::other);
  CHECK(channel_matches(ContactChannel::phone, ContactChannel::none));     // a row without a channel: any
  CHECK_FALSE(channel_matches(ContactChannel::phone, ContactChannel::other));
  CHECK(channel_matches(ContactChannel::other, ContactChannel::visit));    // the action names no channel
  // The page's outcome words read back.
  CHECK(parse_contact_outcome("called") == ContactOutcome::called);
  CHECK(parse_contact_outcome("已联系") == ContactOutcome::called);
  CHECK(parse_contact_outcome("no_answer") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("未接通") == ContactOutcome::unreachable);
  for (ContactOutcome o : {ContactOutcome::promise, ContactOutcome::refused, ContactOutcome::unreachable,
                           ContactOutcome::paid, ContactOutcome::called, ContactOutcome::dispute})
    for (Lang lang : {Lang::zh, Lang::en}) CHECK(parse_contact_outcome(contact_outcome_word(o, lang)) == o);
  for (ContactChannel c : {ContactChannel::phone, ContactChannel::sms, ContactChannel::visit, ContactChannel::letter})
    for (Lang lang : {Lang::zh, Lang::en}) CHECK(parse_contact_channel(contact_channel_word(c, lang)) == c);
}

TEST_CASE("worklist: the next action is the first one no contact of its channel on or after its date matches") {
  Ladder l;
  WorklistItem w = l.next();
  CHECK(w.action == "call");
  CHECK(w.date == kAsOf + 1);
  CHECK(w.today);
  CHECK(w.last_contact == kMissingDays);
  CHECK(w.promise == PromiseState::none);

  l.contact(kAsOf, "电话");  // before the call's date: does not count for it
  CHECK(l.next().action == "call");
  CHECK(l.next().last_contact == kAsOf);

  l.contact(kAsOf + 2, "短信");  // an SMS is not the call; too early for the SMS (as-of + 3)
  CHECK(l.next().action == "call");

  l.contact(kAsOf + 1, "phone", ContactOutcome::unreachable);  // an attempt on the day counts
  w = l.next();
  CHECK(w.action == "sms");
  CHECK(w.date == kAsOf + 3);

  l.contact(kAsOf + 5, "visit");  // a visit is not an SMS
  CHECK(l.next().action == "sms");

  l.contact(kAsOf + 8, "");  // no channel: may have been anything, counts for sms and visit (as-of + 7)
  w = l.next();
  CHECK(w.action == "formal_demand");
  CHECK(w.date == kAsOf + 14);
  CHECK_FALSE(w.today);  // more than 7 days after the as-of date
  CHECK(w.last_contact == kAsOf + 8);

  l.contact(kAsOf + 60, "信函");  // the letter counts for formal demand and lawyer; credit hold: any channel
  w = l.next();
  CHECK(w.action.empty());
  CHECK(w.action_index == -1);
  CHECK(w.date == kMissingDays);
  CHECK_FALSE(w.today);
}

TEST_CASE("worklist: the latest promise is pending, kept or broken at the as-of date") {
  Book b;
  for (const char* c : {"K", "B", "P", "L"}) b.monthly(c, 8, 100000, 200);  // overdue for months
  b.pay("K", kAsOf - 20, 30000);                                      // K: 300 paid inside the promise
  b.contact("K", kAsOf - 25, "phone", "promise", kAsOf - 10, 30000);  // kept (300 ≥ 300)
  b.contact("B", kAsOf - 25, "phone", "承诺还款", kAsOf - 10, 30000);  // nothing paid: broken
  b.contact("P", kAsOf - 5, "phone", "promise", kAsOf + 10, 30000);   // due after the as-of date: pending
  // L: an old broken promise, then a new one recorded after the as-of date (as the page does):
  // the latest one counts, and it is pending.
  b.contact("L", kAsOf - 40, "phone", "promise", kAsOf - 30, 50000);
  b.contact("L", kAsOf + 1, "电话", "承诺还款", kAsOf + 20, 50000);
  const Run r = run(b);
  const std::vector<WorklistItem> w = build_worklist(r.ledger, r.analysis, r.contacts, kAsOf);
  REQUIRE(w.size() == 4);
  auto of = [&](const std::string& id) {
    for (const WorklistItem& item : w)
      if (r.ledger.customers[item.customer].id == id) return item;
    FAIL("no worklist item for " << id);
    return w.front();
  };
  CHECK(of("K").promise == PromiseState::kept);
  CHECK(of("B").promise == PromiseState::broken);
  CHECK(of("P").promise == PromiseState::pending);
  CHECK(of("L").promise == PromiseState::pending);
  CHECK(of("L").promised_date == kAsOf + 20);
  CHECK(of("L").promised_cents == 50000);
  CHECK(of("L").last_contact == kAsOf + 1);
  CHECK(std::string(promise_state_name(PromiseState::broken)) == "broken");
  // A promise kept before its date is kept, not pending.
  Book k;
  k.monthly("Q", 8, 100000, 200);
  k.contact("Q", kAsOf - 5, "phone", "promise", kAsOf + 10, 20000);
  k.pay("Q", kAsOf - 2, 20000);
  const Run rk = run(k);
  const std::vector<WorklistItem> wk = build_worklist(rk.ledger, rk.analysis, rk.contacts, kAsOf);
  REQUIRE(wk.size() == 1);
  CHECK(wk[0].promise == PromiseState::kept);
  // … but a payment after the as-of date is not known yet.
  Book late;
  late.monthly("Q", 8, 100000, 200);
  late.contact("Q", kAsOf - 5, "phone", "promise", kAsOf + 10, 20000);
  late.pay("Q", kAsOf + 2, 20000);
  const Run rl = run(late);
  const std::vector<WorklistItem> wl = build_worklist(rl.ledger, rl.analysis, rl.contacts, kAsOf);
  REQUIRE(wl.size() == 1);
  CHECK(wl[0].promise == PromiseState::pending);
}

TEST_CASE("worklist: one item per overdue customer, in the analysis' priority order") {
  Book b;
  // Different amounts and ages so the priorities differ; one customer not overdue.
  b.monthly("A", 6, 50000, 150);
  b.monthly("B", 10, 400000, 200);
  b.monthly("C", 4, 10000, 120);
  b.monthly("D", 8, 150000, 300);
  b.monthly("E", 1, 20000, 10);  // one recent invoice: not due yet
  b.contact("D", kAsOf - 3, "phone", "refused");
  const Run r = run(b);
  REQUIRE(r.analysis.customers.size() == 4);
  const std::vector<WorklistItem> w = build_worklist(r.ledger, r.analysis, r.contacts, kAsOf);
  REQUIRE(w.size() == r.analysis.customers.size());
  for (size_t i = 0; i < w.size(); ++i) {
    CHECK(w[i].position == i);
    CHECK(w[i].customer == r.analysis.customers[i].customer);
    CHECK(w[i].priority == r.analysis.customers[i].priority);
    CHECK(w[i].priority == i + 1);  // 1 = first to act on, no gaps
    CHECK_FALSE(w[i].action.empty());
    CHECK(w[i].today);  // every plan's first action is on the day after the as-of date
  }
}

TEST_CASE("contact log CSV: the standard columns, or the loaded log's with the recorded rows appended") {
  RecordedContact promise;
  promise.customer_id = "C1";
  promise.customer_name = "华东贸易";
  promise.date = day(2024, 7, 1);
  promise.outcome = ContactOutcome::promise;
  promise.promised_date = day(2024, 7, 15);
  promise.promised_cents = 123456;
  RecordedContact no_answer;
  no_answer.customer_id = "C2";
  no_answer.customer_name = "Beta, Ltd";
  no_answer.date = day(2024, 7, 2);
  no_answer.channel = ContactChannel::sms;
  no_answer.outcome = ContactOutcome::unreachable;

  const std::string fresh = contact_log_csv(nullptr, {promise, no_answer}, Lang::zh);
  CHECK(fresh ==
        "\xEF\xBB\xBF客户编号,客户名称,催收日期,方式,结果,承诺日期,承诺金额\r\n"
        "C1,华东贸易,2024-07-01,电话,承诺还款,2024-07-15,1234.56\r\n"
        "C2,\"Beta, Ltd\",2024-07-02,短信,未接通,,\r\n");
  const std::string fresh_en = contact_log_csv(nullptr, {}, Lang::en);
  CHECK(fresh_en == "\xEF\xBB\xBF" "Customer ID,Customer name,Contact date,Channel,Outcome,Promised date,Promised amount\r\n");

  // Both standard sets are read back as a contact log with every role.
  for (const std::string& bytes : {fresh, contact_log_csv(nullptr, {promise, no_answer}, Lang::en)}) {
    const ImportedFile f = import_bytes("催收记录.csv", bytes);
    REQUIRE(f.table_kind == TableKind::contacts);
    REQUIRE(f.row_count() == 2);
    for (Role role : {Role::customer_id, Role::customer_name, Role::contact_date, Role::channel, Role::outcome,
                      Role::promised_date, Role::promised_amount}) {
      bool found = false;
      for (const Column& c : f.columns) found = found || c.role == role;
      CHECK_MESSAGE(found, role_name(role));
    }
  }

  // A loaded log: its own columns and rows first (dates as ISO), the new row by role, and a
  // column added for what it lacks (no promised amount column; the id column finds the customer).
  const ImportedFile loaded = import_bytes("log.csv",
                                           "客户编号,催收日期,方式,结果,承诺日期,备注\n"
                                           "C1,2024/3/1,电话,承诺还款,2024/3/10,老客户\n");
  REQUIRE(loaded.table_kind == TableKind::contacts);
  const std::string appended = contact_log_csv(&loaded, {promise}, Lang::en);
  CHECK(appended ==
        "\xEF\xBB\xBF客户编号,催收日期,方式,结果,承诺日期,备注,Promised amount\r\n"
        "C1,2024-03-01,电话,承诺还款,2024-03-10,老客户,\r\n"
        "C1,2024-07-01,phone,promise,2024-07-15,,1234.56\r\n");
  const ImportedFile again = import_bytes("log.csv", appended);
  CHECK(again.table_kind == TableKind::contacts);
  CHECK(again.row_count() == 2);
}
