// Disputed invoices (issue #20 §2): which invoices the customer disputes, and from when. A
// disputed invoice stays in the totals and the aging; the analysis shows its amount as "in
// dispute", leaves it out of the reminder letter and out of the rules that read lateness as
// unwillingness (docs/method.md). Two sources mark an invoice (Invoice::disputed_from):
//   * the `disputed` column of the invoice's own row (ledger and invoices tables): from its
//     invoice date;
//   * a contact-log row with the outcome `dispute`: with an invoice id, that invoice; without
//     one, every invoice of the customer past due at the contact's date (open then, due date
//     before it) — from the contact's date.
// The earliest mark wins. Nothing un-marks an invoice: a dispute lasts until it is settled.
#pragma once
#include <optional>
#include <string_view>

#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue {

// A `disputed` cell: yes/no, 是/否, Y/N, true/false, 1/0 (any ASCII case, surrounding spaces
// ignored; also 有争议/无争议). An empty cell is false (not disputed); any other text is nullopt,
// which the ledger reads as not disputed and lists in a note.
std::optional<bool> parse_disputed_flag(std::string_view text);

// Marks the invoices the contact log's `dispute` rows name (see above), keeping an earlier mark.
// Returns how many invoices were newly marked or marked earlier. The session calls it once the
// contact log is read; a ledger without a contact log keeps the marks of its tables.
size_t mark_contact_disputes(Ledger& ledger, const ContactLog& log);

}  // namespace overdue
