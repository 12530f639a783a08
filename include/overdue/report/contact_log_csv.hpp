// The contact log (催收记录) written back as CSV (issue #20 §3): the page appends the outcome of a
// call to the log it holds and hands the user the file, so the user keeps their data and the
// page keeps nothing. The same words are read back by parse_contact_outcome and
// parse_contact_channel, so `analyze` given the downloaded file reaches the page's analysis.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/classify/worklist.hpp"
#include "overdue/import/table.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {

// One row to append: what the page's "record an outcome" gives.
struct RecordedContact {
  std::string customer_id, customer_name;
  int32_t date = kMissingDays;
  ContactChannel channel = ContactChannel::phone;
  ContactOutcome outcome = ContactOutcome::called;
  int32_t promised_date = kMissingDays;     // promise only
  int64_t promised_cents = kMissingCents;   // promise only
};

// The word written for an outcome / a channel, one that the parsers read back:
// zh 承诺还款 拒付 未接通 已还款 已联系 争议, en promise refused no_answer paid called dispute;
// zh 电话 短信 上门 信函, en phone SMS visit letter ("" for none / other).
const char* contact_outcome_word(ContactOutcome o, Lang lang);
const char* contact_channel_word(ContactChannel c, Lang lang);

// The standard columns of a new log, in `lang`: 客户编号,客户名称,催收日期,方式,结果,承诺日期,承诺金额 /
// Customer ID,Customer name,Contact date,Channel,Outcome,Promised date,Promised amount.
std::vector<std::string> contact_log_standard_header(Lang lang);

// The log as CSV: UTF-8 with a byte-order mark, CRLF. With a loaded table: its header and rows
// (each cell's text as read; a date column's cells as ISO dates so old and new rows share one
// format), then `added`, each value in the column of its role; a role the table has no column for
// and an added row needs gets a column at the end (header in `lang`; the customer's id or name
// column is enough to find it, the other one is not added). Without a table (nullptr):
// the standard columns, then `added`.
std::string contact_log_csv(const ImportedFile* loaded, const std::vector<RecordedContact>& added, Lang lang);

}  // namespace overdue
