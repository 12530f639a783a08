// Role scores of one header (overdue/roles/word_scores.hpp). The phrase table keeps every
// spelling it knew (so the exports read before read the same); a header it does not know is
// scored by its words against the patterns below, written in plain English and brought to
// canonical words by the same splitter as the headers (so "cust_no", "Customer #", 客户编号 all
// meet "customer number").
#include "overdue/roles/word_scores.hpp"

#include <algorithm>
#include <cmath>

#include "overdue/roles/header_text.hpp"
#include "overdue/roles/header_words.hpp"
#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

struct WordPattern {
  const char* role;
  const char* words;     // all must be among the header's words
  double weight;         // how much the pattern alone says
  const char* excluded;  // any of these words in the header rules the role out
};

// Words that make a figure something other than the invoice's amount.
#define NOT_INVOICE_AMOUNT \
  "tax discount price rate quantity percent unit paid due open outstanding remaining balance payment received line item credit debit limit shipping fee before dispute"

// clang-format off
const std::vector<WordPattern>& patterns() {
  static const std::vector<WordPattern> list = {
    // who
    {"customer_id", "customer number", 0.85, "name email phone address"},
    {"customer_id", "customer id", 0.85, "name email phone address"},
    {"customer_id", "customer code", 0.85, "name email phone address"},
    {"customer_id", "customer account", 0.8, "name email phone address"},
    {"customer_id", "customer reference", 0.8, "name email phone address"},
    {"customer_id", "party number", 0.8, ""},
    {"customer_id", "card id", 0.75, ""},
    {"customer_id", "account number", 0.55, "name ledger"},
    {"customer_id", "account id", 0.55, "name ledger"},
    {"customer_name", "customer", 0.8, "number id code email phone address type group segment contact tax po reference "
                                        "term payment date amount balance total currency status due account"},
    {"customer_name", "customer name", 0.85, "email phone address"},
    {"customer_name", "party", 0.6, "number id code type"},
    {"customer_name", "buyer", 0.7, "number id code"},
    {"customer_name", "company name", 0.55, ""},
    {"customer_name", "name", 0.45, "item product file user account ledger salesperson sales tax contact"},
    // invoices
    {"invoice_id", "invoice number", 0.9, "po purchase order"},
    {"invoice_id", "invoice id", 0.9, "po purchase order"},
    {"invoice_id", "invoice", 0.7, "date day due amount total balance paid status type term currency customer tax po description item line"},
    {"invoice_id", "document number", 0.85, "po purchase order type"},
    {"invoice_id", "document id", 0.8, "po purchase order type"},
    {"invoice_id", "bill number", 0.8, ""},
    {"invoice_id", "transaction number", 0.7, ""},
    {"invoice_id", "reference number", 0.55, "po purchase order"},
    {"invoice_id", "number", 0.45, "po purchase order customer account phone day item line tax party card voucher entry"},
    {"invoice_date", "invoice date", 0.9, "due day"},
    {"invoice_date", "document date", 0.85, "due day"},
    {"invoice_date", "issue date", 0.85, "due day"},
    {"invoice_date", "bill date", 0.85, "due day"},
    {"invoice_date", "document create date", 0.8, "due day"},
    {"invoice_date", "transaction date", 0.6, "due day"},
    {"invoice_date", "posting date", 0.6, "due day"},
    {"invoice_date", "date", 0.5, "due day paid payment clear promise contact birth last"},
    {"due_date", "due date", 0.9, "day"},
    {"due_date", "due", 0.6, "day amount balance total"},
    {"due_date", "payment due", 0.8, "day amount"},
    {"due_date", "maturity date", 0.8, ""},
    {"terms_days", "term", 0.8, "date condition"},
    {"terms_days", "payment term", 0.85, "date"},
    {"terms_days", "credit term", 0.85, "date"},
    {"terms_days", "credit day", 0.7, "date"},
    {"amount", "invoice amount", 0.9, NOT_INVOICE_AMOUNT},
    {"amount", "invoice total", 0.9, NOT_INVOICE_AMOUNT},
    {"amount", "total amount", 0.85, NOT_INVOICE_AMOUNT},
    {"amount", "grand total", 0.85, NOT_INVOICE_AMOUNT},
    {"amount", "original amount", 0.8, NOT_INVOICE_AMOUNT},
    {"amount", "receivable amount", 0.85, NOT_INVOICE_AMOUNT},
    {"amount", "gross amount", 0.7, NOT_INVOICE_AMOUNT},
    {"amount", "total", 0.55, NOT_INVOICE_AMOUNT},
    {"amount", "amount", 0.5, NOT_INVOICE_AMOUNT},
    // settlement
    {"paid_amount", "amount paid", 0.85, "date day"},
    {"paid_amount", "paid", 0.75, "date day"},
    {"paid_amount", "amount received", 0.85, "date day"},
    {"paid_amount", "received", 0.6, "date day"},
    {"paid_amount", "payment", 0.5, "date day term method type status number id reference due"},
    {"paid_date", "paid date", 0.85, ""},
    {"paid_date", "last payment date", 0.8, ""},
    {"paid_date", "clear date", 0.8, ""},
    {"paid_date", "payment date", 0.65, "due"},
    {"payment_date", "payment date", 0.85, "due"},
    {"payment_date", "receipt date", 0.8, ""},
    {"payment_date", "received date", 0.8, ""},
    {"payment_amount", "payment amount", 0.85, "due"},
    {"payment_amount", "receipt amount", 0.8, ""},
    {"payment_amount", "payment", 0.55, "date day term method type status number id reference due"},
    {"open_amount", "open amount", 0.9, "date day"},
    {"open_amount", "open balance", 0.9, "date day"},
    {"open_amount", "outstanding", 0.8, "date day"},
    {"open_amount", "outstanding amount", 0.9, "date day"},
    {"open_amount", "amount due", 0.85, "date day"},
    {"open_amount", "balance due", 0.9, "date day"},
    {"open_amount", "remaining amount", 0.85, "date day"},
    {"open_amount", "remaining", 0.75, "date day"},
    {"open_amount", "unpaid", 0.75, "date day"},
    {"open_amount", "receivable balance", 0.85, "date day"},
    {"open_amount", "invoice balance", 0.85, "date day"},
    {"open_amount", "balance", 0.5, "date day opening closing running"},
    {"open_amount", "due", 0.4, "date day"},
    {"open_amount", "open", 0.4, "date day"},
    // running and general ledgers
    {"entry_date", "entry date", 0.85, ""},
    {"entry_date", "voucher date", 0.85, ""},
    {"entry_date", "posting date", 0.55, ""},
    {"entry_date", "transaction date", 0.55, ""},
    {"entry_date", "date", 0.45, "due paid payment clear promise contact birth"},
    {"debit", "debit", 0.85, "note card"},
    {"credit", "credit", 0.85, "limit term day note card line loan"},
    {"balance", "balance", 0.6, "due open outstanding unpaid opening"},
    {"balance", "running balance", 0.85, ""},
    {"balance", "closing balance", 0.8, ""},
    {"direction", "direction", 0.85, ""},
    {"account", "ledger account", 0.9, ""},
    {"account", "ledger", 0.85, ""},
    {"account", "account name", 0.75, "customer"},
    {"account", "account code", 0.8, "customer"},
    {"account", "account", 0.5, "customer number id"},
    // any table
    {"currency", "currency", 0.9, "amount rate total balance"},
    {"sales_rep", "salesperson", 0.85, ""},
    {"sales_rep", "sales rep", 0.85, ""},
    {"sales_rep", "sales person", 0.85, ""},
    {"sales_rep", "rep", 0.6, ""},
    {"status", "status", 0.85, "code"},
    {"status", "state", 0.5, "code"},
    {"line_amount", "line total", 0.9, "tax discount quantity"},
    {"line_amount", "line amount", 0.9, "tax discount quantity"},
    {"line_amount", "item total", 0.9, "tax discount quantity"},
    {"line_amount", "item amount", 0.85, "tax discount quantity"},
    {"line_amount", "line subtotal", 0.85, "tax discount quantity"},
    {"line_amount", "extended price", 0.75, ""},
    {"disputed", "dispute", 0.9, "date amount reason"},
    // customers and contact logs
    {"contact", "contact", 0.6, "date name customer"},
    {"contact", "phone", 0.8, ""},
    {"contact", "email", 0.8, ""},
    {"company", "company", 0.6, ""},
    {"credit_limit", "credit limit", 0.9, ""},
    {"segment", "customer group", 0.8, ""},
    {"segment", "customer type", 0.8, ""},
    {"contact_date", "contact date", 0.85, ""},
    {"promised_date", "promise date", 0.85, ""},
    {"promised_amount", "promise amount", 0.85, ""},
    {"outcome", "result", 0.6, "date"},
    {"channel", "channel", 0.7, ""},
  };
  return list;
}
// clang-format on

#undef NOT_INVOICE_AMOUNT

struct CompiledPattern {
  Role role;
  std::vector<std::string> words;
  std::vector<std::string> excluded;
  double weight;
};

const std::vector<CompiledPattern>& compiled() {
  static const std::vector<CompiledPattern> list = [] {
    std::vector<CompiledPattern> out;
    for (const WordPattern& p : patterns()) {
      Role role = Role::none;
      if (!parse_role(p.role, role)) continue;  // see word_pattern_problems()
      out.push_back({role, canonical_words(p.words), canonical_words(p.excluded), p.weight});
    }
    return out;
  }();
  return list;
}

bool has_word(const std::vector<HeaderWord>& words, const std::string& w) {
  return std::any_of(words.begin(), words.end(), [&](const HeaderWord& h) { return h.canonical == w; });
}

std::vector<std::string> shown_words(const std::vector<HeaderWord>& words) {
  std::vector<std::string> out;
  for (const HeaderWord& w : words)
    if (out.empty() || out.back() != w.shown) out.push_back(w.shown);
  return out;
}

// Scores are kept to two decimals so native and wasm agree on every comparison and print.
double two_decimals(double x) { return std::round(x * 100.0) / 100.0; }

std::vector<RoleCandidate> phrase_candidates(std::string_view header, const std::vector<HeaderWord>& words) {
  std::vector<RoleCandidate> out = synonym_candidates(normalize_header(header));
  std::vector<std::string> shown = shown_words(words);
  if (shown.empty()) shown.push_back(normalize_header(header));
  for (size_t rank = 0; rank < out.size(); ++rank) {
    RoleCandidate& c = out[rank];
    const double base = c.strength == kExactRoleName ? 1.0 : c.strength == kSpecificMatch ? 0.9 : 0.55;
    c.score = two_decimals(c.strength == kExactRoleName ? base : base - 0.02 * static_cast<double>(rank));
    c.words = shown;
  }
  return out;
}

std::vector<RoleCandidate> word_candidates(const std::vector<HeaderWord>& words) {
  std::vector<RoleCandidate> out;
  if (words.empty()) return out;
  // Numbered columns (BILL_AMT1 … BILL_AMT6, PAY_0, "Tax 1 Amount", "Address Line 2") are a series
  // of features or parts, not one receivables column: words alone do not give them a role.
  for (const HeaderWord& w : words)
    if (std::all_of(w.canonical.begin(), w.canonical.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return out;
  size_t distinct = 0;
  for (size_t i = 0; i < words.size(); ++i)
    if (std::none_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i),
                     [&](const HeaderWord& w) { return w.canonical == words[i].canonical; }))
      ++distinct;
  for (const CompiledPattern& p : compiled()) {
    if (p.words.empty()) continue;
    if (!std::all_of(p.words.begin(), p.words.end(), [&](const std::string& w) { return has_word(words, w); })) continue;
    if (std::any_of(p.excluded.begin(), p.excluded.end(), [&](const std::string& w) { return has_word(words, w); })) continue;
    const double coverage = static_cast<double>(p.words.size()) / static_cast<double>(std::max(distinct, p.words.size()));
    const double score = two_decimals(p.weight * (0.6 + 0.4 * coverage));
    std::vector<std::string> matched;
    for (const HeaderWord& w : words)
      if (std::find(p.words.begin(), p.words.end(), w.canonical) != p.words.end() &&
          std::find(matched.begin(), matched.end(), w.shown) == matched.end())
        matched.push_back(w.shown);
    auto same = std::find_if(out.begin(), out.end(), [&](const RoleCandidate& c) { return c.role == p.role; });
    const int strength = score >= kSpecificScore ? kSpecificMatch : kGenericMatch;
    if (same == out.end()) out.push_back({p.role, strength, score, matched});
    else if (score > same->score) *same = {p.role, strength, score, matched};
  }
  std::stable_sort(out.begin(), out.end(), [](const RoleCandidate& a, const RoleCandidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace

std::vector<RoleCandidate> header_candidates(std::string_view header) {
  if (is_derived_header(header)) return {};
  const std::vector<HeaderWord> words = header_role_words(header);
  // A spelling the phrase table knows keeps exactly its roles: the exports read before read the same.
  std::vector<RoleCandidate> out = phrase_candidates(header, words);
  if (!out.empty()) return out;
  return word_candidates(words);
}

std::vector<RoleCandidate> header_word_candidates(std::string_view header) {
  if (is_derived_header(header)) return {};
  return word_candidates(header_role_words(header));
}

std::vector<std::string> word_pattern_problems() {
  std::vector<std::string> problems;
  for (const WordPattern& p : patterns()) {
    Role ignored = Role::none;
    if (!parse_role(p.role, ignored)) problems.push_back(std::string("unknown role ") + p.role);
    if (canonical_words(p.words).empty()) problems.push_back(std::string("no words in ") + p.words);
  }
  return problems;
}

}  // namespace overdue
