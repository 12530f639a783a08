// Deciding what a table is (DESIGN.md §1: "table kinds … decided from the roles found").
//
// Rules, first match wins. "specific" = a header that names the role (kSpecificMatch or the
// role's own name); "any" also counts generic words such as "date"/日期 or "amount"/金额.
//   1. accounts       a target column (0/1-ish: checked on the values before it becomes a
//                     candidate) and no specific invoice, payment or running-ledger role — the
//                     model lab's one-row-per-account data (UCI, Give Me Some Credit).
//   2. running_ledger specific debit AND credit (借方/贷方; Kingdee 明细账).
//   3. contacts       a specific contact_date or outcome, or a specific channel next to a
//                     promised date/amount or a date (催收记录).
//   4. payments       a specific payment date or payment amount, a date and an amount usable as
//                     payment_date/payment_amount, and nothing that belongs to invoices: no
//                     specific invoice date, due date, terms or open amount, no amount that
//                     cannot be a payment (应收金额, "invoice amount"), and not an amount column
//                     beside a paid-amount column (that pair is a ledger).
//   5. ledger         invoice-like (below) with a specific paid amount, paid date or open amount:
//                     invoices and their settlement in one table.
//   6. invoices       invoice-like: an invoice date (generic "date" counts), a specific due date
//                     or a specific invoice id, together with an amount or open amount.
//   7. customers      a customer id or name with a specific contact, company, person in charge,
//                     credit limit or segment, and no amount or date at all.
//   otherwise ""      not recognised; roles are still guessed, the user picks the kind.
#include "overdue/roles/kind_rules.hpp"

#include <algorithm>

#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

bool column_has(const std::vector<RoleCandidate>& column, std::string_view role, int min_strength) {
  return std::any_of(column.begin(), column.end(), [&](const RoleCandidate& c) {
    return c.role == role && c.strength >= min_strength;
  });
}

// An amount that can only be an invoice's amount (no payment reading): 应收金额, invoice total.
bool has_invoice_only_amount(const RoleEvidence& e) {
  return std::any_of(e.columns.begin(), e.columns.end(), [](const std::vector<RoleCandidate>& c) {
    return column_has(c, "amount", kSpecificMatch) && !column_has(c, "payment_amount", kGenericMatch);
  });
}

// Two different columns, one an amount and the other a paid amount: 金额 + 已收金额 is a ledger.
bool has_amount_beside_paid_amount(const RoleEvidence& e) {
  for (size_t a = 0; a < e.columns.size(); ++a) {
    if (!column_has(e.columns[a], "amount", kGenericMatch)) continue;
    for (size_t b = 0; b < e.columns.size(); ++b)
      if (b != a && column_has(e.columns[b], "paid_amount", kGenericMatch)) return true;
  }
  return false;
}

bool has_any_money_or_date_except_credit_limit(const RoleEvidence& e) {
  for (const auto& column : e.columns)
    for (const RoleCandidate& c : column)
      if ((role_is_money(c.role) && c.role != "credit_limit") || role_is_date(c.role)) return true;
  return false;
}

}  // namespace

bool RoleEvidence::has(std::string_view role, int min_strength) const {
  return std::any_of(columns.begin(), columns.end(),
                     [&](const std::vector<RoleCandidate>& c) { return column_has(c, role, min_strength); });
}

std::string kind_from_evidence(const RoleEvidence& e) {
  const int S = kSpecificMatch;
  auto any_specific = [&](std::initializer_list<std::string_view> roles) {
    return std::any_of(roles.begin(), roles.end(), [&](std::string_view r) { return e.has(r, S); });
  };

  // 1. accounts
  if (e.has("target") &&
      !any_specific({"invoice_id", "invoice_date", "due_date", "terms_days", "paid_amount", "paid_date",
                     "payment_date", "payment_amount", "open_amount", "debit", "credit", "balance",
                     "entry_date"}))
    return "accounts";
  // 2. running_ledger
  if (e.has("debit", S) && e.has("credit", S)) return "running_ledger";
  // 3. contacts
  if (e.has("contact_date", S) || e.has("outcome", S) ||
      (e.has("channel", S) && (e.has("promised_date") || e.has("promised_amount") || e.has("contact_date"))))
    return "contacts";
  // 4. payments
  const bool payment_evidence = e.has("payment_date", S) || e.has("payment_amount", S);
  const bool invoice_evidence = any_specific({"invoice_date", "due_date", "terms_days", "open_amount"}) ||
                                has_invoice_only_amount(e) || has_amount_beside_paid_amount(e);
  if (payment_evidence && e.has("payment_date") && e.has("payment_amount") && !invoice_evidence)
    return "payments";
  // 5. ledger and 6. invoices
  const bool invoice_like = (e.has("invoice_date") || e.has("due_date", S) || e.has("invoice_id", S)) &&
                            (e.has("amount") || e.has("open_amount"));
  if (invoice_like && any_specific({"paid_amount", "paid_date", "open_amount"})) return "ledger";
  if (invoice_like) return "invoices";
  // 7. customers
  if ((e.has("customer_id") || e.has("customer_name")) &&
      any_specific({"contact", "company", "person_in_charge", "credit_limit", "segment"}) &&
      !has_any_money_or_date_except_credit_limit(e))
    return "customers";
  return "";
}

bool role_valid_in_kind(std::string_view role, std::string_view kind) {
  struct KindRoles {
    const char* kind;
    std::vector<const char*> roles;
  };
  // clang-format off
  static const std::vector<KindRoles> kKindRoles = {
    {"ledger", {"customer_id", "customer_name", "invoice_id", "invoice_date", "due_date", "terms_days",
                "amount", "paid_amount", "paid_date", "open_amount", "currency", "sales_rep"}},
    {"invoices", {"customer_id", "customer_name", "invoice_id", "invoice_date", "due_date", "terms_days",
                  "amount", "currency", "sales_rep"}},
    {"payments", {"customer_id", "customer_name", "invoice_id", "payment_date", "payment_amount",
                  "currency", "sales_rep"}},
    {"running_ledger", {"customer_id", "customer_name", "invoice_id", "entry_date", "due_date",
                        "terms_days", "debit", "credit", "balance", "direction", "currency", "sales_rep"}},
    {"customers", {"customer_id", "customer_name", "contact", "company", "person_in_charge",
                   "credit_limit", "segment", "terms_days", "currency", "sales_rep"}},
    {"contacts", {"customer_id", "customer_name", "invoice_id", "contact_date", "channel", "outcome",
                  "promised_date", "promised_amount", "contact", "person_in_charge", "sales_rep"}},
    {"accounts", {"customer_id", "target", "credit_limit", "segment", "currency"}},
  };
  // clang-format on
  if (kind.empty()) return true;
  for (const KindRoles& k : kKindRoles)
    if (kind == k.kind)
      return std::any_of(k.roles.begin(), k.roles.end(), [&](const char* r) { return role == r; });
  return false;
}

}  // namespace overdue
