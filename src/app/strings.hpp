// The page's view of the one string table (overdue/text/strings.hpp): the language the user chose and
// tr(S::…) in it. Panels ask for tr(S::…); no panel holds a user-facing literal.
#pragma once
#include <string>
#include <string_view>

#include "overdue/text/strings.hpp"

namespace app {

using overdue::Lang;
using overdue::S;
using overdue::language_for_locale;

void set_language(Lang lang);
Lang language();

const char* tr(S id);
// Label of a role or table-kind name in the current language; nullptr when the name is unknown.
const char* role_label(std::string_view role);
const char* table_kind_label(std::string_view kind);
// printf-style formatting of a translated pattern (patterns only take %s and %d).
std::string trf(S id, ...);

}  // namespace app
