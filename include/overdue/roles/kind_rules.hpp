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
  bool has(Role role, int min_strength = kGenericMatch) const;
};

// The table kind the evidence points to, or TableKind::none when none fits. The rules, in order,
// are documented in roles/kind_rules.cpp.
TableKind kind_from_evidence(const RoleEvidence& evidence);

// Roles a column may take in a table of this kind; TableKind::none allows every role.
bool role_valid_in_kind(Role role, TableKind kind);

}  // namespace overdue
