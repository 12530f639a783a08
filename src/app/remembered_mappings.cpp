#include "remembered_mappings.hpp"

#include <algorithm>
#include <vector>

#include "app_state.hpp"
#include "overdue/import/role_overrides.hpp"

namespace app {

void remember_mapping(AppState& state, const LoadedFile& file, size_t column, overdue::Role role) {
  if (column >= file.data.columns.size()) return;
  const std::string signature = overdue::header_signature(file.data);
  const std::string& name = file.data.columns[column].name;
  auto& list = state.remembered_mappings;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const overdue::RoleOverride& o) {
                              return o.signature == signature &&
                                     (o.column == name || (role != overdue::Role::none && o.role == role));
                            }),
             list.end());
  overdue::RoleOverride o;
  o.signature = signature;
  o.role = role;
  o.column = name;
  list.push_back(o);
}

bool apply_remembered_mappings(AppState& state, LoadedFile& file) {
  if (file.status != LoadStatus::done || state.remembered_mappings.empty()) return false;
  const std::string signature = overdue::header_signature(file.data);
  std::vector<overdue::RoleOverride> mine;
  for (const overdue::RoleOverride& o : state.remembered_mappings)
    if (o.signature == signature) mine.push_back(o);
  if (mine.empty()) return false;
  std::vector<overdue::ImportedFile> one;
  one.push_back(std::move(file.data));
  overdue::apply_role_overrides(one, mine);
  file.data = std::move(one.front());
  ++file.revision;
  return true;
}

}  // namespace app
