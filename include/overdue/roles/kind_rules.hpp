// Table-kind rules and the roles each kind uses (internal to the core).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/roles/synonyms.hpp"

namespace overdue {

// What the columns of one file may mean: per column, its candidate roles (best first).
// Built either from the headers (before roles are chosen) or from the roles already set
// (one candidate per column, kExactRoleName).
struct RoleEvidence {
  std::vector<std::vector<RoleCandidate>> columns;

  // Some column may take `role` with at least `min_strength`.
  bool has(std::string_view role, int min_strength = kGenericMatch) const;
};

// The table kind the evidence points to, or "" when none fits. The rules, in order, are
// documented in role_kind_rules.cpp.
std::string kind_from_evidence(const RoleEvidence& evidence);

// Roles a column may take in a table of this kind; the empty kind allows every role.
bool role_valid_in_kind(std::string_view role, std::string_view kind);

}  // namespace overdue
