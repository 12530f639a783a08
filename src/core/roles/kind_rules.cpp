// Deciding what a table is (DESIGN.md §1: "table kinds … decided from the roles found").
//
// Rules, first match wins. "specific" = a header that names the role (kSpecificMatch or the
// role's own name); "any" also counts generic words such as "date"/日期 or "amount"/金额.
//   1. accounts       a target column (0/1-ish: checked on the values before it becomes a
//                     candidate) and no specific invoice, payment or running-ledger role — the
//                     model lab's one-row-per-account data (UCI, Give Me Some Credit).
//   2. general_ledger a specific account column with debit and credit (or an amount and its 借/贷
//                     side), and no customer column (科目 + 借方/贷方: 序时账, Xero's GL).
//      running_ledger specific debit AND credit (借方/贷方; Kingdee 明细账).
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
//                     or a specific invoice id, together with an amount, an open amount or a
//                     specific line amount (line items).
//   7. customers      a customer id or name with a specific contact, company, person in charge,
//                     credit limit or segment, and no amount or date at all.
//   otherwise ""      not recognised; roles are still guessed, the user picks the kind.
#include "overdue/roles/kind_rules.hpp"

#include <algorithm>

#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

bool column_has(const std::vector<RoleCandidate>& column, Role role, int min_strength) {
  return std::any_of(column.begin(), column.end(), [&](const RoleCandidate& c) {
    return c.role == role && c.strength >= min_strength;
  });
}

// An amount that can only be an invoice's amount (no payment reading): 应收金额, invoice total.
bool has_invoice_only_amount(const RoleEvidence& e) {
  return std::any_of(e.columns.begin(), e.columns.end(), [](const std::vector<RoleCandidate>& c) {
    return column_has(c, Role::amount, kSpecificMatch) && !column_has(c, Role::payment_amount, kGenericMatch);
  });
}

// Two different columns, one an amount and the other a paid amount: 金额 + 已收金额 is a ledger.
bool has_amount_beside_paid_amount(const RoleEvidence& e) {
  for (size_t a = 0; a < e.columns.size(); ++a) {
    if (!column_has(e.columns[a], Role::amount, kGenericMatch)) continue;
    for (size_t b = 0; b < e.columns.size(); ++b)
      if (b != a && column_has(e.columns[b], Role::paid_amount, kGenericMatch)) return true;
  }
  return false;
}

// A customer column that is not (also) the account column: "Account Name" may read as either, and
// then it is the general ledger's account.
bool has_customer_column_besides_account(const RoleEvidence& e) {
  return std::any_of(e.columns.begin(), e.columns.end(), [](const std::vector<RoleCandidate>& c) {
    return (column_has(c, Role::customer_id, kSpecificMatch) || column_has(c, Role::customer_name, kSpecificMatch)) &&
           !column_has(c, Role::account, kSpecificMatch);
  });
}

bool has_any_money_or_date_except_credit_limit(const RoleEvidence& e) {
  for (const auto& column : e.columns)
    for (const RoleCandidate& c : column)
      if ((role_is_money(c.role) && c.role != Role::credit_limit) || role_is_date(c.role)) return true;
  return false;
}

}  // namespace

bool RoleEvidence::has(Role role, int min_strength) const {
  return std::any_of(columns.begin(), columns.end(),
                     [&](const std::vector<RoleCandidate>& c) { return column_has(c, role, min_strength); });
}

TableKind kind_from_evidence(const RoleEvidence& e) {
  const int S = kSpecificMatch;
  auto any_specific = [&](std::initializer_list<Role> roles) {
    return std::any_of(roles.begin(), roles.end(), [&](Role r) { return e.has(r, S); });
  };

  // 1. accounts
  if (e.has(Role::target) &&
      !any_specific({Role::invoice_id, Role::invoice_date, Role::due_date, Role::terms_days, Role::paid_amount, Role::paid_date,
                     Role::payment_date, Role::payment_amount, Role::open_amount, Role::debit, Role::credit, Role::balance,
                     Role::entry_date}))
    return TableKind::accounts;
  // 2. general_ledger: an account column (科目, Account Name) beside debit and credit, and no
  //    customer column (用友 往来对账单 has 科目 and 对账对象: a receivables running ledger)
  if (e.has(Role::account, S) && e.has(Role::debit, S) && e.has(Role::credit, S) &&
      !has_customer_column_besides_account(e))
    return TableKind::general_ledger;
  //    The same with one amount column and its side (金额 + 方向 借/贷, Amount + Dr/Cr) instead of
  //    debit and credit columns (issue #17 item 4).
  if (e.has(Role::account, S) && e.has(Role::direction, S) && e.has(Role::amount) && !e.has(Role::debit, S) &&
      !e.has(Role::credit, S) && !e.has(Role::customer_id, S) && !e.has(Role::customer_name, S))
    return TableKind::general_ledger;
  // 2b. running_ledger
  if (e.has(Role::debit, S) && e.has(Role::credit, S)) return TableKind::running_ledger;
  // 3. contacts
  if (e.has(Role::contact_date, S) || e.has(Role::outcome, S) ||
      (e.has(Role::channel, S) && (e.has(Role::promised_date) || e.has(Role::promised_amount) || e.has(Role::contact_date))))
    return TableKind::contacts;
  // 4. payments
  const bool payment_evidence = e.has(Role::payment_date, S) || e.has(Role::payment_amount, S);
  const bool invoice_evidence = any_specific({Role::invoice_date, Role::due_date, Role::terms_days, Role::open_amount}) ||
                                has_invoice_only_amount(e) || has_amount_beside_paid_amount(e);
  if (payment_evidence && e.has(Role::payment_date) && e.has(Role::payment_amount) && !invoice_evidence)
    return TableKind::payments;
  // 5. ledger and 6. invoices
  // A line-item export may carry only each line's amount (FreshBooks' "Line Total"): the ledger
  // sums them per invoice.
  const bool invoice_like = (e.has(Role::invoice_date) || e.has(Role::due_date, S) || e.has(Role::invoice_id, S)) &&
                            (e.has(Role::amount) || e.has(Role::open_amount) || e.has(Role::line_amount, S));
  if (invoice_like && any_specific({Role::paid_amount, Role::paid_date, Role::open_amount})) return TableKind::ledger;
  if (invoice_like) return TableKind::invoices;
  // 7. customers
  if ((e.has(Role::customer_id) || e.has(Role::customer_name)) &&
      any_specific({Role::contact, Role::company, Role::person_in_charge, Role::credit_limit, Role::segment}) &&
      !has_any_money_or_date_except_credit_limit(e))
    return TableKind::customers;
  return TableKind::none;
}

bool role_valid_in_kind(Role role, TableKind kind) {
  struct KindRoles {
    TableKind kind;
    std::vector<Role> roles;
  };
  // clang-format off
  static const std::vector<KindRoles> kKindRoles = {
    {TableKind::ledger, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::invoice_date, Role::due_date, Role::terms_days,
                Role::amount, Role::paid_amount, Role::paid_date, Role::open_amount, Role::currency, Role::sales_rep,
                Role::status, Role::line_amount, Role::disputed}},
    {TableKind::invoices, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::invoice_date, Role::due_date, Role::terms_days,
                  Role::amount, Role::currency, Role::sales_rep, Role::status, Role::line_amount, Role::disputed}},
    {TableKind::payments, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::payment_date, Role::payment_amount,
                  Role::currency, Role::sales_rep}},
    {TableKind::running_ledger, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::entry_date, Role::due_date,
                        Role::terms_days, Role::debit, Role::credit, Role::balance, Role::direction, Role::currency, Role::sales_rep}},
    {TableKind::general_ledger, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::entry_date, Role::due_date,
                        Role::terms_days, Role::account, Role::debit, Role::credit, Role::balance, Role::direction,
                        Role::currency, Role::sales_rep, Role::amount}},
    {TableKind::customers, {Role::customer_id, Role::customer_name, Role::contact, Role::company, Role::person_in_charge,
                   Role::credit_limit, Role::segment, Role::terms_days, Role::currency, Role::sales_rep}},
    {TableKind::contacts, {Role::customer_id, Role::customer_name, Role::invoice_id, Role::contact_date, Role::channel, Role::outcome,
                  Role::promised_date, Role::promised_amount, Role::contact, Role::person_in_charge, Role::sales_rep}},
    {TableKind::accounts, {Role::customer_id, Role::target, Role::credit_limit, Role::segment, Role::currency}},
  };
  // clang-format on
  if (kind == TableKind::none) return true;
  for (const KindRoles& k : kKindRoles)
    if (kind == k.kind)
      return std::any_of(k.roles.begin(), k.roles.end(), [&](Role r) { return role == r; });
  return false;
}

}  // namespace overdue
