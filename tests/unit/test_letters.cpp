// Reminder letters (issue #6, letters.hpp): one letter per overdue customer with the template of
// its type, amounts and invoices filled in, the installment plan for structural customers,
// escaping, unknown placeholders left visible and reported, safe file names, both languages, and
// the templates kept in the settings file.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>

#include "overdue/report/letters.hpp"
#include "overdue/report/html_report.hpp"
#include "test_report_support.hpp"

using namespace report_test;

namespace {

std::string section_of(const std::string& html, const std::string& customer_id) {
  const size_t p = html.find("data-customer-id=\"" + html_escape(customer_id) + "\"");
  REQUIRE(p != std::string::npos);
  return html.substr(p, html.find("</section>", p) - p);
}

// The first line of each default template is its title.
std::string title_of(OverdueType t, Lang lang) {
  const std::string tpl = default_letter_template(t, lang);
  REQUIRE(tpl.rfind("# ", 0) == 0);
  return tpl.substr(2, tpl.find('\n') - 2);
}

}  // namespace

TEST_CASE("letters: one per overdue customer, the template chosen by its type, in both languages") {
  const Analysed a = analyse_mixed();
  for (Lang lang : {Lang::zh, Lang::en}) {
    const RenderedLetters letters =
        render_letters(a.analysis(), LetterTemplates{}, lang);
    REQUIRE(letters.letters.size() == a.overdue.customers.size());
    CHECK(letters.unknown_placeholders.empty());
    std::set<std::string> names;
    for (size_t i = 0; i < letters.letters.size(); ++i) {
      const ClassifiedCustomer& cc = a.overdue.customers[i];
      const RenderedLetter& l = letters.letters[i];
      CHECK(l.customer == cc.customer);
      CHECK(std::regex_match(l.file_name, std::regex("[0-9]{3}-[A-Za-z0-9_-]+\\.html")));
      CHECK(names.insert(l.file_name).second);
      const std::string id = a.ledger.customers[cc.customer].id;
      const std::string s = section_of(letters.html, id);
      CHECK(s.find(std::string("data-type=\"") + overdue_type_name(cc.classification.type) +
                   "\"") != std::string::npos);
      CHECK(s.find("data-overdue=\"" + std::to_string(cc.overdue_cents) + "\"") !=
            std::string::npos);
      // Its own type's title, not another type's.
      for (OverdueType t : {OverdueType::temporary, OverdueType::structural, OverdueType::stubborn})
        CHECK((s.find("<h2>" + html_escape(title_of(t, lang)) + "</h2>") != std::string::npos) ==
              (t == cc.classification.type));
      CHECK(s.find(money_display(cc.overdue_cents)) != std::string::npos);
      CHECK(s.find("{") == std::string::npos);  // every placeholder replaced
      // The overdue invoices are listed.
      CHECK(s.find("<table class=\"invoices\">") != std::string::npos);
      // The single letter is the same letter.
      const RenderedLetter one = render_letter(a.ledger, a.result, cc, LetterTemplates{}, lang);
      CHECK(one.html == l.html);
      CHECK(one.file_name == l.file_name);
      CHECK(one.html.find("<!DOCTYPE html>") == 0);
    }
    // One page per letter when printed.
    CHECK(letters.html.find(".letter + .letter { page-break-before: always;") != std::string::npos);
    CHECK(letters.html.find("http") == std::string::npos);
  }
}

TEST_CASE(
    "letters: the structural letter proposes the plan's installments; the others fill their "
    "deadline") {
  const Analysed a = analyse_mixed();
  const ClassifiedCustomer* l = a.find("L");
  REQUIRE(l != nullptr);
  REQUIRE(l->classification.type == OverdueType::structural);
  REQUIRE_FALSE(l->plan.installments.empty());
  const RenderedLetter letter = render_letter(a.ledger, a.result, *l, LetterTemplates{}, Lang::en);
  CHECK(letter.html.find("<table class=\"installments\">") != std::string::npos);
  for (const Installment& in : l->plan.installments)
    CHECK(letter.html.find(iso_date_text(in.date)) != std::string::npos);
  CHECK(letter.html.find("in " + std::to_string(l->plan.installments.size()) +
                         " monthly installments") != std::string::npos);
  const ClassifiedCustomer* t = a.find("T");
  REQUIRE(t != nullptr);
  REQUIRE(t->plan.grace_end != kMissingDays);
  const RenderedLetter reminder =
      render_letter(a.ledger, a.result, *t, LetterTemplates{}, Lang::en);
  CHECK(reminder.html.find("by " + iso_date_text(t->plan.grace_end)) != std::string::npos);
  CHECK(reminder.html.find("<table class=\"installments\">") == std::string::npos);
}

TEST_CASE(
    "letters: edited templates; unknown placeholders are left visible and reported; text is "
    "escaped") {
  const Analysed a = analyse_mixed();
  LetterTemplates t;
  t.stubborn =
      "# Pay now\n\nTo {customer}: <b>{overdue_amount}</b> by {deadline}. {nonsense} "
      "{客户}\nSecond line.\n\n"
      "{invoice_table}\n\n{company}";
  t.company = "ACME & Sons";
  const RenderedLetters letters = render_letters(a.analysis(), t, Lang::en);
  CHECK(letters.unknown_placeholders == std::vector<std::string>{"{nonsense}", "{客户}"});
  const ClassifiedCustomer* s = a.find("S");
  REQUIRE(s != nullptr);
  const std::string sec = section_of(letters.html, "S");
  CHECK(sec.find("<h2>Pay now</h2>") != std::string::npos);
  CHECK(sec.find("&lt;b&gt;" + money_display(s->overdue_cents) + "&lt;/b&gt;") !=
        std::string::npos);
  CHECK(sec.find("<span class=\"unknown-placeholder\">{nonsense}</span>") != std::string::npos);
  CHECK(sec.find("<br>\nSecond line.") != std::string::npos);
  CHECK(sec.find("ACME &amp; Sons") != std::string::npos);
  // The hostile customer is stubborn too: its name is escaped in its letter.
  const std::string evil = section_of(letters.html, kHostile);
  CHECK(evil.find("To Evil&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co:") != std::string::npos);
  CHECK(letters.html.find("<script") == std::string::npos);
  // The other types keep their default templates.
  const std::string temp = section_of(letters.html, "T");
  CHECK(temp.find("<h2>" + html_escape(title_of(OverdueType::temporary, Lang::en)) + "</h2>") !=
        std::string::npos);
  // Reported per letter too, and by the editor's check.
  for (const RenderedLetter& l : letters.letters)
    CHECK(l.unknown_placeholders.empty() ==
          (a.overdue.customers[&l - &letters.letters[0]].classification.type !=
           OverdueType::stubborn));
  CHECK(unknown_letter_placeholders(t.stubborn) ==
        std::vector<std::string>{"{nonsense}", "{客户}"});
  CHECK(unknown_letter_placeholders(default_letter_template(OverdueType::structural, Lang::zh))
            .empty());
  CHECK(unknown_letter_placeholders("{ not one } {a}{b} {}").size() ==
        3);  // "{ not one }", "{a}", "{b}"
}

TEST_CASE("letters: every default template uses only known placeholders, in both languages") {
  for (Lang lang : {Lang::zh, Lang::en})
    for (OverdueType t : {OverdueType::temporary, OverdueType::structural, OverdueType::stubborn}) {
      const std::string tpl = default_letter_template(t, lang);
      CHECK(unknown_letter_placeholders(tpl).empty());
      CHECK(tpl.find("{invoice_table}") != std::string::npos);
      CHECK(tpl.find("{overdue_amount}") != std::string::npos);
      CHECK((tpl.find("{installment_table}") != std::string::npos) ==
            (t == OverdueType::structural));
    }
  for (const LetterPlaceholder& p : letter_placeholders()) {
    CHECK(std::string(text(p.description, Lang::en)).size() > 3);
    CHECK(std::string(text(p.description, Lang::zh)).size() > 3);
  }
}

TEST_CASE("letters: no overdue customer gives a document saying so") {
  Book b;
  b.monthly("OK", 3, 10000, 1);  // the last invoice issued yesterday, the others paid below
  const Analysed all = analyse(b.files());
  AnalysisResult none = all.analysis();
  none.overdue = OverdueAnalysis{};
  const RenderedLetters letters = render_letters(none, LetterTemplates{}, Lang::zh);
  CHECK(letters.letters.empty());
  CHECK(letters.html.find(text(S::letter_none, Lang::zh)) != std::string::npos);
}

TEST_CASE(
    "settings: the letter templates round-trip; without them the document has no 'letters' key") {
  AnalysisSettings s;
  CHECK(settings_json(s).find("\"letters\"") == std::string::npos);
  s.letters.structural = "# 分期\n\n{customer}：\"引号\" {installment_table}";
  s.letters.company = "示例贸易有限公司";
  const std::string doc = settings_json(s);
  CHECK(doc.find("\"letters\"") != std::string::npos);
  AnalysisSettings back;
  const SettingsLoadResult r = load_settings_json(doc, back);
  REQUIRE(r.error.empty());
  CHECK(r.warnings.empty());
  CHECK(back == s);
  CHECK(back.letters.structural == s.letters.structural);
  CHECK(settings_json(back) == doc);
  // A missing key keeps its value; a wrong type is an error naming the key; unknown keys warn.
  AnalysisSettings partial = s;
  REQUIRE(
      load_settings_json(
          R"({"format":"overdue-lens-settings","version":1,"letters":{"stubborn":"x","foo":"y"}})",
          partial)
          .error.empty());
  CHECK(partial.letters.stubborn == "x");
  CHECK(partial.letters.company == s.letters.company);
  AnalysisSettings bad;
  const SettingsLoadResult e = load_settings_json(
      R"({"format":"overdue-lens-settings","version":1,"letters":{"company":3}})", bad);
  CHECK(e.error.find("letters.company") != std::string::npos);
  CHECK(bad == AnalysisSettings{});
}
