// Applying `--map` role overrides (issue #3): the command-line twin of the mapping screen.
#include "overdue/import/role_overrides.hpp"

#include <algorithm>

#include "overdue/import/importer.hpp"
#include "overdue/import/general_ledger_kind.hpp"
#include "overdue/import/role_assignment.hpp"

namespace overdue {
namespace {

// Exact header first; the normalized form ("Due Date" = "due_date") only when nothing matches exactly.
int find_column(const ImportedFile& file, const std::string& name) {
  for (size_t c = 0; c < file.columns.size(); ++c)
    if (file.columns[c].name == name) return static_cast<int>(c);
  const std::string wanted = normalize_header(name);
  if (wanted.empty()) return -1;
  for (size_t c = 0; c < file.columns.size(); ++c)
    if (normalize_header(file.columns[c].name) == wanted) return static_cast<int>(c);
  return -1;
}

void set_role(ImportedFile& file, size_t column, Role role) {
  std::vector<size_t> touched{column};
  if (role != Role::none)
    for (size_t c = 0; c < file.columns.size(); ++c)
      if (c != column && file.columns[c].role == role) {
        file.columns[c].role = Role::none;
        file.columns[c].role_set_by_user = true;  // do not re-guess it back
        touched.push_back(c);
      }
  file.columns[column].role = role;
  file.columns[column].role_set_by_user = true;
  for (size_t c : touched) retype_column(file, c);
}

}  // namespace

std::string_view role_override_name(Role role) { return role == Role::none ? "none" : role_name(role); }

std::string parse_role_override(std::string_view text, RoleOverride& out) {
  out = RoleOverride{};
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos) return "expected ROLE=COLUMN or FILE:ROLE=COLUMN, got '" + std::string(text) + "'";
  std::string_view left = text.substr(0, eq);
  out.column = std::string(text.substr(eq + 1));
  const size_t colon = left.rfind(':');  // roles have no ':'; file names rarely do, keep all before it
  if (colon != std::string_view::npos) {
    out.file = std::string(left.substr(0, colon));
    left = left.substr(colon + 1);
    if (out.file.empty()) return "empty file name in '" + std::string(text) + "'";
  }
  if (out.column.empty()) return "empty column name in '" + std::string(text) + "'";
  if (left != "none" && !parse_role(left, out.role)) {
    std::string known;
    for (const Role r : all_roles()) known += (known.empty() ? "" : ", ") + std::string(role_name(r));
    return "unknown role '" + std::string(left) + "' (roles: " + known + ", none)";
  }
  return "";
}

std::string header_signature(const ImportedFile& file) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a offset basis
  const auto mix = [&h](unsigned char byte) {
    h ^= byte;
    h *= 1099511628211ull;  // FNV prime
  };
  for (const Column& c : file.columns) {
    for (char ch : c.name) mix(static_cast<unsigned char>(ch));
    mix(0x1F);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

std::vector<std::string> apply_role_overrides(std::vector<ImportedFile>& files,
                                              const std::vector<RoleOverride>& overrides) {
  std::vector<std::string> unmatched;
  std::vector<bool> changed(files.size(), false);
  for (const RoleOverride& o : overrides) {
    bool matched = false, signature_seen = false;
    for (size_t f = 0; f < files.size(); ++f) {
      ImportedFile& file = files[f];
      if (!file.error.empty() || (!o.file.empty() && file.name != o.file && file.label() != o.file)) continue;
      if (!o.signature.empty()) {
        if (header_signature(file) != o.signature) continue;
        signature_seen = true;
      }
      const int column = find_column(file, o.column);
      if (column < 0) continue;
      set_role(file, static_cast<size_t>(column), o.role);
      changed[f] = true;
      matched = true;
    }
    if (!matched && (o.signature.empty() || signature_seen))
      unmatched.push_back("--map " + (o.file.empty() ? "" : o.file + ":") + std::string(role_override_name(o.role)) + "=" + o.column +
                          ": no column '" + o.column + "' in " + (o.file.empty() ? "any file" : "file '" + o.file + "'"));
  }
  for (size_t f = 0; f < files.size(); ++f)
    if (changed[f]) files[f].table_kind = kind_by_content(files[f], decide_table_kind(files[f]));
  return unmatched;
}

}  // namespace overdue
