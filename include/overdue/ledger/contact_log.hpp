// The optional contact log (催收记录, DESIGN.md §1, issue #4): who was contacted when, how, and what
// came of it. Feeds the stubborn rules (broken promises, refusals). The tool works without it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/file_list.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/text/problem.hpp"

namespace overdue {

enum class ContactOutcome { promise, refused, unreachable, paid, unknown, dispute, called };
// "promise", "refused", "unreachable", "paid", "unknown", "dispute", "called"
const char* contact_outcome_name(ContactOutcome o);

// DESIGN.md §1, any ASCII case, surrounding spaces ignored:
//   promise / promised / promise to pay / 承诺 / 承诺还款 → promise
//   refused / refuse / 拒绝 / 拒付                       → refused
//   unreachable / no answer / no_answer / 无法联系 / 未接通 / 失联 → unreachable
//   paid / 已还款 / 已付                                  → paid
//   dispute / disputed / in dispute / 争议 / 有争议        → dispute (issue #20 §2)
//   called / contacted / 已联系                           → called (reached, nothing agreed: issue #20 §3)
// anything else → unknown.
ContactOutcome parse_contact_outcome(std::string_view text);

struct Contact {
  uint32_t customer = 0;                // index into Ledger::customers
  int32_t date = kMissingDays;
  std::string channel;                  // as written (phone, SMS, visit, letter, 电话, …)
  ContactOutcome outcome = ContactOutcome::unknown;
  int32_t promised_date = kMissingDays;
  int64_t promised_cents = kMissingCents;
  SourceRef source;
  // The row's invoice_id cell, as written (empty: the row is about the customer). A `dispute`
  // row that names an invoice marks that one (ledger/disputes.hpp): `invoice` is its index into
  // Ledger::invoices (-1 when the row names none; a dispute naming an invoice the customer does
  // not have is rejected).
  std::string invoice_id;
  int64_t invoice = -1;
};

// A contact-log row that could not be used, with why ("customer not in the ledger: X", …).
// `kind` is the source of truth; `reason` is its English text (problem_text), kept for printing.
struct ContactRejectedRow {
  uint32_t file = 0;
  uint64_t line = 0;
  ProblemKind kind = ProblemKind::no_customer_id_or_name;
  ProblemDetail detail;  // customer_not_in_ledger, outcome_not_recognised: the cell's text
  std::string reason;    // problem_text(kind, detail)
};

struct ContactLog {
  std::vector<Contact> contacts;        // sorted by customer, then date, then file, then line
  std::vector<ContactRejectedRow> rejected;
  uint64_t rows_read = 0;               // rows_read == contacts.size() + rejected.size()
  bool present = false;                 // at least one file of kind "contacts" was given
};

// Reads every file whose table_kind is "contacts" (others are ignored). Customers are matched by
// customer_id against Customer::id, else by customer_name against Customer::name (then ::id).
// Rows without a date, with an unrecognised outcome or an unknown customer are rejected with a reason,
// and so is a `dispute` row naming an invoice id that no invoice of its customer has.
ContactLog build_contact_log(FileList files, const Ledger& ledger);

// Per-customer counts at an as-of date (contacts dated after it are not yet known).
struct ContactSummary {
  bool evaluated = false;               // false: no contact log was given
  uint32_t contacts = 0, promises = 0, broken_promises = 0, refusals = 0, unreachable = 0, paid = 0;
  uint32_t disputes = 0;                // rows with the outcome `dispute` (issue #20 §2)
  uint32_t called = 0;                  // reached without an outcome of the above (issue #20 §3)
  int32_t last_contact = kMissingDays;
};

// Broken promise: a promise whose promised date is on or before the as-of date, and the customer's
// payments dated from the contact date to the promised date (both inclusive) add up to less than
// the promised amount (any payment at all when no amount was promised).
ContactSummary summarize_contacts(const ContactLog& log, const Ledger& ledger, uint32_t customer, int32_t as_of);
// The same when the customer's payments (ascending indices into Ledger::payments) are known.
ContactSummary summarize_contacts(const ContactLog& log, const Ledger& ledger, const std::vector<uint32_t>& payments,
                                  uint32_t customer, int32_t as_of);

}  // namespace overdue
