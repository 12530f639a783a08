// Payment reminder letters (催款函, issue #6): one printable letter per overdue customer, from a
// template chosen by its type — a friendly reminder (temporary), an installment proposal
// (structural, with the plan's installments), a formal demand (stubborn) — in zh or en, with the
// customer's overdue invoices and amounts filled in. Made by the core so the CLI
// (`analyze --letters DIR`) and the page's download are the same bytes.
//
// Template syntax (the user may edit it; docs in docs/reports.md):
//   * {name} is a placeholder, replaced by its value (escaped); the known names are
//     letter_placeholders() — customer, customer_id, customer_contact, as_of, overdue_amount,
//     open_amount, days_overdue, deadline, invoice_table, installment_table, installment_count,
//     company, contact. An unknown {name} is left visible as written (highlighted) and reported.
//   * A blank line starts a new paragraph; a single newline is a line break; a line starting with
//     "# " is the letter's title. {invoice_table} and {installment_table} are tables: they stand
//     in their own paragraph (text around them in the same paragraph becomes paragraphs of its
//     own).
//   * Any other text is literal (HTML in a template is shown as text, never interpreted).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/classify/classify.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {

struct AnalysisResult;  // overdue/report/analysis_result.hpp

// The user's templates; an empty template (or company/contact) means the default of the language.
struct LetterTemplates {
  std::string temporary, structural, stubborn;
  std::string company;  // {company}: the sender's name
  std::string contact;  // {contact}: the sender's contact person, telephone, e-mail
  bool operator==(const LetterTemplates& o) const {
    return temporary == o.temporary && structural == o.structural && stubborn == o.stubborn &&
           company == o.company && contact == o.contact;
  }
  bool operator!=(const LetterTemplates& o) const { return !(*this == o); }
};

// The default template of a type in a language (from the string table).
const char* default_letter_template(OverdueType type, Lang lang);
// The template in effect: the user's, or the default when it is empty.
std::string_view letter_template(const LetterTemplates& t, OverdueType type, Lang lang);

struct LetterPlaceholder {
  const char* name;  // without braces: "customer"
  S description;     // what it is replaced by (string table)
};
const std::vector<LetterPlaceholder>& letter_placeholders();

struct RenderedLetter {
  uint32_t customer = 0;  // index into Ledger::customers
  std::string file_name;  // safe: "001-C0042.html" (priority, then the id's ASCII letters/digits)
  std::string html;       // a whole HTML document with this one letter
  std::vector<std::string> unknown_placeholders;  // "{foo}" as written, sorted, once each
};

// One overdue customer's letter as its own document.
RenderedLetter render_letter(const Ledger& ledger, const MonitorResult& result,
                             const ClassifiedCustomer& customer, const LetterTemplates& templates,
                             Lang lang);

struct RenderedLetters {
  std::string html;                               // every letter, one per page, in priority order
  std::vector<RenderedLetter> letters;            // the same letters as separate documents
  std::vector<std::string> unknown_placeholders;  // over all templates used, sorted, once each
};
// Every overdue customer of the analysis (priority order). With none: a document saying so.
// `templates`: the page passes the ones being edited, the CLI result.settings.letters.
RenderedLetters render_letters(const AnalysisResult& result, const LetterTemplates& templates, Lang lang);

// The placeholders of a template that are not known, "{foo}" as written, sorted, once each (the
// page's editor shows them as the user types).
std::vector<std::string> unknown_letter_placeholders(std::string_view template_text);

}  // namespace overdue
