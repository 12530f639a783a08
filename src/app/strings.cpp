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
  // Sized exactly: some patterns (the lab's explanations) run past 1 kB in Chinese.
  va_list args, again;
  va_start(args, id);
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, tr(id), args);
  va_end(args);
  std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, tr(id), again);
  va_end(again);
  return out;
}

}  // namespace app
