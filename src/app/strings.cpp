// The page's current language over the core's string table.
#include "strings.hpp"

#include <cstdarg>
#include <cstdio>

namespace app {
namespace {
Lang g_language = Lang::en;
}  // namespace

void set_language(Lang lang) { g_language = lang; }
Lang language() { return g_language; }

const char* tr(S id) { return overdue::text(id, g_language); }
const char* role_label(std::string_view role) { return overdue::role_label(role, g_language); }
const char* table_kind_label(std::string_view kind) { return overdue::table_kind_label(kind, g_language); }

std::string trf(S id, ...) {
  char buffer[512];
  va_list args;
  va_start(args, id);
  std::vsnprintf(buffer, sizeof buffer, tr(id), args);
  va_end(args);
  return buffer;
}

}  // namespace app
