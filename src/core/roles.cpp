// Column roles and table kinds (DESIGN.md §1). First cut: exact role names only; the synonym
// tables and the kind rules follow.
#include "overdue/roles.hpp"

#include <algorithm>

namespace overdue {

const std::vector<std::string>& all_roles() {
  static const std::vector<std::string> roles = {
      "customer_id",  "customer_name", "invoice_id",     "invoice_date",   "due_date",
      "terms_days",   "amount",        "paid_amount",    "paid_date",      "payment_date",
      "payment_amount", "contact",     "company",        "person_in_charge", "credit_limit",
      "segment",      "contact_date",  "channel",        "outcome",        "promised_date",
      "promised_amount", "entry_date", "debit",          "credit",         "balance",
      "direction",    "open_amount",   "currency",       "sales_rep",      "target"};
  return roles;
}

const std::vector<std::string>& all_table_kinds() {
  static const std::vector<std::string> kinds = {"ledger",    "invoices", "payments", "running_ledger",
                                                  "customers", "contacts", "accounts"};
  return kinds;
}

std::string normalize_header(std::string_view header) {
  std::string out;
  for (char c : header) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

bool role_is_money(std::string_view role) {
  static const char* const money[] = {"amount", "paid_amount", "payment_amount", "debit", "credit",
                                      "balance", "open_amount", "credit_limit", "promised_amount"};
  return std::any_of(std::begin(money), std::end(money), [&](const char* m) { return role == m; });
}

bool role_is_date(std::string_view role) {
  static const char* const dates[] = {"invoice_date", "due_date", "paid_date", "payment_date",
                                      "contact_date", "promised_date", "entry_date"};
  return std::any_of(std::begin(dates), std::end(dates), [&](const char* d) { return role == d; });
}

bool header_suggests_date(std::string_view header) {
  const std::string n = normalize_header(header);
  return n.find("date") != std::string::npos || n.find("日期") != std::string::npos;
}

bool header_suggests_money(std::string_view header) {
  const std::string n = normalize_header(header);
  return n.find("amount") != std::string::npos || n.find("金额") != std::string::npos;
}

void assign_roles(ImportedFile& file) {
  for (Column& c : file.columns) {
    if (c.role_set_by_user) continue;
    c.role.clear();
    for (const std::string& r : all_roles())
      if (c.name == r) c.role = r;
  }
  file.table_kind = decide_table_kind(file);
}

std::string decide_table_kind(const ImportedFile&) { return ""; }

}  // namespace overdue
