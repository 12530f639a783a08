// Today's worklist (issue #20 §3): the next action of each overdue customer's plan, the last
// contact and the latest promise's state (include/overdue/classify/worklist.hpp).
#include "overdue/classify/worklist.hpp"

#include <algorithm>

#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

// Trimmed, ASCII lower case: locale-free, so native and wasm agree.
std::string fold(std::string_view t) {
  t = trim_cell(t);
  std::string out(t);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

}  // namespace

ContactChannel parse_contact_channel(std::string_view text) {
  static const std::pair<const char*, ContactChannel> kWords[] = {
      {"phone", ContactChannel::phone},   {"call", ContactChannel::phone},     {"telephone", ContactChannel::phone},
      {"tel", ContactChannel::phone},     {"电话", ContactChannel::phone},     {"致电", ContactChannel::phone},
      {"电联", ContactChannel::phone},    {"手机", ContactChannel::phone},     {"sms", ContactChannel::sms},
      {"text", ContactChannel::sms},      {"message", ContactChannel::sms},    {"wechat", ContactChannel::sms},
      {"短信", ContactChannel::sms},      {"信息", ContactChannel::sms},       {"微信", ContactChannel::sms},
      {"visit", ContactChannel::visit},   {"on site", ContactChannel::visit},  {"上门", ContactChannel::visit},
      {"拜访", ContactChannel::visit},    {"面谈", ContactChannel::visit},     {"letter", ContactChannel::letter},
      {"email", ContactChannel::letter},  {"e-mail", ContactChannel::letter},  {"mail", ContactChannel::letter},
      {"信函", ContactChannel::letter},   {"邮件", ContactChannel::letter},    {"催款函", ContactChannel::letter},
      {"律师函", ContactChannel::letter},
  };
  const std::string f = fold(text);
  if (f.empty()) return ContactChannel::none;
  for (const auto& [word, channel] : kWords)
    if (f == word) return channel;
  return ContactChannel::other;
}

const char* contact_channel_name(ContactChannel c) {
  switch (c) {
    case ContactChannel::phone: return "phone";
    case ContactChannel::sms: return "sms";
    case ContactChannel::visit: return "visit";
    case ContactChannel::letter: return "letter";
    case ContactChannel::none: return "none";
    case ContactChannel::other: break;
  }
  return "other";
}

ContactChannel action_channel(std::string_view action) {
  if (action == "call") return ContactChannel::phone;
  if (action == "sms") return ContactChannel::sms;
  if (action == "visit") return ContactChannel::visit;
  if (action == "formal_demand" || action == "lawyer") return ContactChannel::letter;
  return ContactChannel::other;  // any channel
}

bool channel_matches(ContactChannel wanted, ContactChannel contact) {
  // "other" wanted: the action names no channel. A row without a channel may have been any.
  return wanted == ContactChannel::other || contact == ContactChannel::none || wanted == contact;
}

const char* promise_state_name(PromiseState s) {
  switch (s) {
    case PromiseState::pending: return "pending";
    case PromiseState::kept: return "kept";
    case PromiseState::broken: return "broken";
    case PromiseState::none: break;
  }
  return "";
}

std::vector<WorklistItem> build_worklist(const Ledger& ledger, const OverdueAnalysis& overdue, const ContactLog& log,
                                         int32_t as_of, int today_days) {
  // Each overdue customer's contacts (the log is sorted by customer, then date) and payments.
  const size_t n = ledger.customers.size();
  std::vector<int32_t> position(n, -1);
  for (size_t i = 0; i < overdue.customers.size(); ++i)
    if (overdue.customers[i].customer < n) position[overdue.customers[i].customer] = static_cast<int32_t>(i);
  std::vector<std::vector<const Contact*>> contacts(overdue.customers.size());
  for (const Contact& c : log.contacts)
    if (c.customer < n && position[c.customer] >= 0) contacts[static_cast<size_t>(position[c.customer])].push_back(&c);
  std::vector<std::vector<const Payment*>> payments(overdue.customers.size());
  for (const Payment& p : ledger.payments)
    if (p.customer < n && position[p.customer] >= 0 && p.date != kMissingDays && p.date <= as_of)
      payments[static_cast<size_t>(position[p.customer])].push_back(&p);

  std::vector<WorklistItem> out;
  out.reserve(overdue.customers.size());
  for (size_t i = 0; i < overdue.customers.size(); ++i) {
    const ClassifiedCustomer& cc = overdue.customers[i];
    WorklistItem item;
    item.priority = cc.priority;
    item.customer = cc.customer;
    item.position = static_cast<uint32_t>(i);
    const std::vector<const Contact*>& mine = contacts[i];
    for (size_t a = 0; a < cc.plan.actions.size(); ++a) {
      const PlannedAction& action = cc.plan.actions[a];
      const ContactChannel wanted = action_channel(action.action);
      const bool matched = std::any_of(mine.begin(), mine.end(), [&](const Contact* c) {
        return c->date >= action.date && channel_matches(wanted, parse_contact_channel(c->channel));
      });
      if (matched) continue;
      item.action_index = static_cast<int>(a);
      item.action = action.action;
      item.date = action.date;
      item.cents = action.cents;
      item.today = action.date != kMissingDays && as_of != kMissingDays && action.date <= as_of + today_days;
      break;
    }
    // The latest contact and the latest promise (of the same date: the later row; the log is
    // sorted by date, then file, then line, but the latest is taken by date whatever the order).
    const Contact* promise = nullptr;
    for (const Contact* c : mine) {
      if (item.last_contact == kMissingDays || c->date >= item.last_contact) item.last_contact = c->date;
      if (c->outcome == ContactOutcome::promise && (!promise || c->date >= promise->date)) promise = c;
    }
    if (promise) {
      item.promise_made = promise->date;
      item.promised_date = promise->promised_date;
      item.promised_cents = promise->promised_cents;
      const int32_t until = promise->promised_date == kMissingDays ? as_of : std::min(as_of, promise->promised_date);
      int64_t paid = 0;
      for (const Payment* p : payments[i])
        if (p->date >= promise->date && p->date <= until) paid += p->amount_cents;
      const bool kept = promise->promised_cents == kMissingCents ? paid > 0 : paid >= promise->promised_cents;
      if (kept) item.promise = PromiseState::kept;
      else if (promise->promised_date != kMissingDays && promise->promised_date <= as_of) item.promise = PromiseState::broken;
      else item.promise = PromiseState::pending;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace overdue
