// The two languages of the texts, and their one spelling in settings files, on the command line and
// in the page ("zh" | "en"): the places that read or write a language go through these, so the
// spelling lives here only.
#pragma once
#include <string_view>

namespace overdue {

enum class Lang { en, zh };

// "zh" or "en".
const char* lang_name(Lang lang);
// Exactly "zh" or "en" → true and `lang` set; anything else → false and `lang` untouched, so a
// caller's default stands (the settings' and the CLI's default is Chinese).
bool parse_lang(std::string_view name, Lang& lang);

// A browser locale: "zh", "zh-CN", "zh-TW" … → Chinese; anything else → English.
Lang language_for_locale(std::string_view locale);

}  // namespace overdue
