// The role and table-kind vocabulary (DESIGN.md §1): the lists, what a header suggests. Assigning
// roles to a table's columns is the importer's (src/core/import/role_assignment.cpp) in three steps:
//   1. candidates: each header's possible roles from the synonym table (role_synonyms.cpp),
//      minus derived columns and minus roles the column's values contradict;
//   2. kind: decided from all candidates together (roles/kind_rules.cpp);
//   3. resolve: each column takes its best candidate valid in that kind; no two columns share a
//      role — the stronger match wins, ties go to the earlier column.
// The final table kind is then re-derived from the chosen roles, exactly as after a user edit.
#include "overdue/roles/roles.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "overdue/roles/header_text.hpp"
#include "overdue/roles/kind_rules.hpp"
#include "overdue/roles/synonyms.hpp"

namespace overdue {

// [SECTION] role and kind lists ------------------------------------------------------------------

namespace {

// Indexed by the enums' values; `none` first.
constexpr std::string_view kRoleNames[] = {
    "",                "customer_id",   "customer_name", "invoice_id",     "invoice_date",
    "due_date",        "terms_days",    "amount",        "paid_amount",    "paid_date",
    "payment_date",    "payment_amount", "contact",      "company",        "person_in_charge",
    "credit_limit",    "segment",       "contact_date",  "channel",        "outcome",
    "promised_date",   "promised_amount", "entry_date",  "debit",          "credit",
    "balance",         "direction",     "open_amount",   "currency",       "sales_rep",
    "status",          "account",       "line_amount",   "disputed",       "target"};
static_assert(std::size(kRoleNames) == static_cast<size_t>(Role::target) + 1, "a name per role");

constexpr std::string_view kTableKindNames[] = {"",          "ledger",   "invoices", "payments", "running_ledger",
                                                "customers", "contacts", "accounts", "general_ledger"};
static_assert(std::size(kTableKindNames) == static_cast<size_t>(TableKind::general_ledger) + 1, "a name per kind");

}  // namespace

std::string_view role_name(Role role) {
  const auto i = static_cast<size_t>(role);
  return i < std::size(kRoleNames) ? kRoleNames[i] : std::string_view();
}

bool parse_role(std::string_view name, Role& out) {
  if (name.empty()) return false;
  for (size_t i = 1; i < std::size(kRoleNames); ++i)
    if (kRoleNames[i] == name) {
      out = static_cast<Role>(i);
      return true;
    }
  return false;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> v;
    for (size_t i = 1; i < std::size(kRoleNames); ++i) v.push_back(static_cast<Role>(i));
    return v;
  }();
  return roles;
}

std::string_view table_kind_name(TableKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < std::size(kTableKindNames) ? kTableKindNames[i] : std::string_view();
}

bool parse_table_kind(std::string_view name, TableKind& out) {
  if (name.empty()) return false;
  for (size_t i = 1; i < std::size(kTableKindNames); ++i)
    if (kTableKindNames[i] == name) {
      out = static_cast<TableKind>(i);
      return true;
    }
  return false;
}

const std::vector<TableKind>& all_table_kinds() {
  static const std::vector<TableKind> kinds = [] {
    std::vector<TableKind> v;
    for (size_t i = 1; i < std::size(kTableKindNames); ++i) v.push_back(static_cast<TableKind>(i));
    return v;
  }();
  return kinds;
}

bool role_is_money(Role role) {
  switch (role) {
    case Role::amount: case Role::paid_amount: case Role::payment_amount: case Role::debit:
    case Role::credit: case Role::balance: case Role::open_amount: case Role::credit_limit:
    case Role::promised_amount:
      return true;
    default:
      return false;
  }
}

bool role_is_date(Role role) {
  switch (role) {
    case Role::invoice_date: case Role::due_date: case Role::paid_date: case Role::payment_date:
    case Role::contact_date: case Role::promised_date: case Role::entry_date:
      return true;
    default:
      return false;
  }
}

// [SECTION] hints for the typing step -------------------------------------------------------------

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// English words ending in "date" that are not dates.
bool is_date_lookalike(std::string_view word) {
  static const char* const words[] = {"candidate", "candidates", "update", "updates", "validate",
                                      "mandate", "consolidate", "accommodate", "liquidate", "sedate"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return word == w; });
}

}  // namespace

bool header_suggests_date(std::string_view header) {
  // Derived columns ("age", "days late", 账龄) hold counts of days: reading them as Excel serial
  // dates would be wrong.
  if (is_derived_header(header)) return false;
  const std::string n = normalize_header(header);
  const std::vector<RoleCandidate> candidates = synonym_candidates(n);
  if (!candidates.empty())  // a known header: it is a date exactly when one of its roles is
    return std::any_of(candidates.begin(), candidates.end(),
                       [](const RoleCandidate& c) { return role_is_date(c.role); });
  if (contains(n, "日期") || contains(n, "时间") || ends_with(n, "日")) return true;
  for (const std::string& w : header_words(header)) {
    if (w == "dt" || w == "day" || w == "datetime" || w == "timestamp" || w == "dob") return true;
    if ((w.rfind("date", 0) == 0 || ends_with(w, "date")) && !is_date_lookalike(w)) return true;
  }
  return false;
}

bool header_suggests_money(std::string_view header) {
  const std::string n = normalize_header(header);
  const std::vector<RoleCandidate> candidates = synonym_candidates(n);
  if (!candidates.empty())
    return std::any_of(candidates.begin(), candidates.end(),
                       [](const RoleCandidate& c) { return role_is_money(c.role); });
  // 额 covers 金额, 余额, 额度; 价 covers 单价, 价格; 元 only as a unit in brackets ("金额(元)"),
  // since 元 is common in company and person names.
  if (contains(n, "额") || contains(n, "价") || contains(header, "元)") || contains(header, "元）") ||
      contains(header, "¥") || contains(header, "￥") || contains(header, "$"))
    return true;
  for (const std::string& w : header_words(header))
    if (w == "amount" || w == "amounts" || w == "amt" || w == "price" || w == "balance" || w == "bal" ||
        w == "total" || w == "cost" || w == "fee" || w == "fees" || w == "money" || w == "revenue")
      return true;
  return false;
}

bool header_is_known(std::string_view header) {
  return !synonym_candidates(normalize_header(header)).empty() || is_derived_header(header);
}

}  // namespace overdue
