// The synonym table: which roles a column header may mean (internal to the core).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/roles/role.hpp"

namespace overdue {

// How sure a header makes us of a role. Higher wins when two columns want the same role.
enum RoleStrength : int {
  kGenericMatch = 1,   // a word that fits several roles or kinds: "date", 日期, "amount", 金额
  kSpecificMatch = 2,  // a spelling that names this role: 开票日期, "invoice date", 已收金额
  kExactRoleName = 3,  // the header is the role's own name: "due_date", "Due Date"
};

struct RoleCandidate {
  Role role;
  int strength;
  // 0–1: how well the header's words fit the role (issue #17; roles/word_scores.cpp). The
  // assignment maximises the sum over the table.
  double score = 0;
  std::vector<std::string> words;  // the header's words that decided it, as written
};

// Candidate roles of a header already passed through normalize_header, best first (strength,
// then the order of the table). Empty when the header is unknown. Several candidates mean the
// header's role depends on the table kind (收款日期: paid_date in a ledger, payment_date in a
// payments table; "date": invoice_date, payment_date, entry_date or contact_date).
std::vector<RoleCandidate> synonym_candidates(const std::string& normalized_header);

// Mistakes in the synonym table (a role name that does not exist), for the unit tests.
std::vector<std::string> synonym_table_problems();

}  // namespace overdue
