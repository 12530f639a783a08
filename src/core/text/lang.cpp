// The languages' names (lang.hpp).
#include "overdue/text/lang.hpp"

namespace overdue {

const char* lang_name(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

bool parse_lang(std::string_view name, Lang& lang) {
  if (name == "zh") {
    lang = Lang::zh;
    return true;
  }
  if (name == "en") {
    lang = Lang::en;
    return true;
  }
  return false;
}

Lang language_for_locale(std::string_view locale) {
  // BCP 47 tags: "zh", "zh-CN", "zh-Hans-CN", "zh_TW"; compare the primary subtag only, ASCII.
  if (locale.size() >= 2 && (locale[0] == 'z' || locale[0] == 'Z') && (locale[1] == 'h' || locale[1] == 'H') &&
      (locale.size() == 2 || locale[2] == '-' || locale[2] == '_')) {
    return Lang::zh;
  }
  return Lang::en;
}

}  // namespace overdue
