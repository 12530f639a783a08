// Today's worklist (issue #20 §3): each overdue customer's next action — the first action of its
// plan not yet matched by a contact-log row of that channel on or after the action's date — in
// priority order, with the last contact and the state of its latest promise. Read by the analysis
// JSON ("worklist"), worklist.csv and the page's Worklist view; docs/method.md states the rules.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue {

// How a contact was made, read from the contact log's channel text (any ASCII case):
//   phone: phone, call, telephone, tel, 电话, 致电, 电联, 手机
//   sms:   sms, text, message, wechat, 短信, 信息, 微信
//   visit: visit, on site, 上门, 拜访, 面谈
//   letter: letter, email, e-mail, mail, 信函, 邮件, 催款函, 律师函
//   none:  an empty cell (the log has no channel: the row may have been any of them)
//   other: anything else
enum class ContactChannel { phone, sms, visit, letter, none, other };
ContactChannel parse_contact_channel(std::string_view text);
const char* contact_channel_name(ContactChannel c);   // "phone", "sms", "visit", "letter", "none", "other"

// The channel an action of a plan is done through: call → phone, sms → sms, visit → visit,
// formal_demand and lawyer → letter. Every other action (contact_understanding, the reminders,
// installment_agreement, installment_due, credit_hold, grace_end) is matched by a contact through
// any channel: ContactChannel::other stands for "any" here.
ContactChannel action_channel(std::string_view action);
// Whether a contact through `contact` counts for an action done through `wanted`.
bool channel_matches(ContactChannel wanted, ContactChannel contact);

// The latest promise of a customer (by contact date, whenever it was made), at the as-of date:
//   kept:    its customer's payments dated from the contact date to the promised date and not after
//            the as-of date add up to the promised amount (any payment when none was promised);
//   broken:  not kept and the promised date is on or before the as-of date (as the S3 rule counts);
//   pending: not kept yet and the promised date is after the as-of date (or not given).
enum class PromiseState { none, pending, kept, broken };
const char* promise_state_name(PromiseState s);   // "", "pending", "kept", "broken"

struct WorklistItem {
  uint32_t priority = 0;            // ClassifiedCustomer::priority (1 = first to act on)
  uint32_t customer = 0;            // index into Ledger::customers
  uint32_t position = 0;            // index into OverdueAnalysis::customers
  int action_index = -1;            // into that customer's plan.actions; -1: every action is done
  std::string action;               // the action's id ("call", …), "" when every action is done
  int32_t date = kMissingDays;      // the action's date
  int64_t cents = kMissingCents;    // the action's amount, when it has one
  bool today = false;               // dated on or before as-of + today_days
  int32_t last_contact = kMissingDays;  // the customer's latest contact-log row, any date
  PromiseState promise = PromiseState::none;
  int32_t promise_made = kMissingDays;    // the latest promise's contact date
  int32_t promised_date = kMissingDays;
  int64_t promised_cents = kMissingCents;
};

// "Today's" actions: dated within this many days after the as-of date.
constexpr int kWorklistTodayDays = 7;

// One item per overdue customer, in the analysis' priority order. Every contact-log row counts,
// also those dated after the as-of date (a call recorded on the page is dated on or after its
// action, which is after the as-of date); payments count up to the as-of date only.
std::vector<WorklistItem> build_worklist(const Ledger& ledger, const OverdueAnalysis& overdue, const ContactLog& log,
                                         int32_t as_of, int today_days = kWorklistTodayDays);

}  // namespace overdue
