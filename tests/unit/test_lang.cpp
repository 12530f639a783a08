// The languages' one spelling (lang.hpp): the names round-trip, anything else is refused and
// leaves the caller's default, and a browser locale picks Chinese only for zh-*.
#include <doctest/doctest.h>

#include <string>

#include "overdue/text/lang.hpp"

using overdue::Lang;

TEST_CASE("lang_name and parse_lang round-trip") {
  for (Lang l : {Lang::zh, Lang::en}) {
    Lang back = l == Lang::zh ? Lang::en : Lang::zh;
    CHECK(overdue::parse_lang(overdue::lang_name(l), back));
    CHECK(back == l);
  }
  CHECK(std::string(overdue::lang_name(Lang::zh)) == "zh");
  CHECK(std::string(overdue::lang_name(Lang::en)) == "en");
}

TEST_CASE("parse_lang refuses other spellings and keeps the default") {
  for (const char* name : {"", "ZH", "zh-CN", "english", "en "}) {
    Lang lang = Lang::zh;
    CHECK_FALSE(overdue::parse_lang(name, lang));
    CHECK(lang == Lang::zh);
  }
}

TEST_CASE("language_for_locale: zh-* is Chinese, the rest English") {
  CHECK(overdue::language_for_locale("zh") == Lang::zh);
  CHECK(overdue::language_for_locale("zh-CN") == Lang::zh);
  CHECK(overdue::language_for_locale("ZH_tw") == Lang::zh);
  CHECK(overdue::language_for_locale("zhx") == Lang::en);
  CHECK(overdue::language_for_locale("en-US") == Lang::en);
  CHECK(overdue::language_for_locale("") == Lang::en);
}
