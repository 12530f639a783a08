// Contact log (催收记录): outcome parsing, customer matching, per-customer summary with broken
// promises (DESIGN.md §1, issue #4).
#include "overdue/ledger/contact_log.hpp"

#include <algorithm>
#include <map>

#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

// ASCII-only lower case and trimmed, runs of spaces collapsed: locale-free, so native and wasm agree.
std::string fold(std::string_view t) {
  std::string out;
  bool space = false;
  for (char ch : t) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out;
}

int column_of(const ImportedFile& f, Role role) {
  for (size_t i = 0; i < f.columns.size(); ++i)
    if (f.columns[i].role == role) return static_cast<int>(i);
  return -1;
}

std::string_view cell(const ImportedFile& f, int col, size_t row) {
  if (col < 0) return {};
  return trim_cell(f.columns[col].text.at(row));
}

int32_t date_cell(const ImportedFile& f, int col, size_t row) {
  if (col < 0 || f.columns[col].type != ColumnType::date) return kMissingDays;
  return f.columns[col].days[row];
}

int64_t cents_cell(const ImportedFile& f, int col, size_t row) {
  if (col < 0) return kMissingCents;
  const Column& c = f.columns[col];
  if (c.type != ColumnType::integer && c.type != ColumnType::decimal) return kMissingCents;
  return c.cents[row];
}

}  // namespace

const char* contact_outcome_name(ContactOutcome o) {
  switch (o) {
    case ContactOutcome::promise: return "promise";
    case ContactOutcome::refused: return "refused";
    case ContactOutcome::unreachable: return "unreachable";
    case ContactOutcome::paid: return "paid";
    case ContactOutcome::dispute: return "dispute";
    case ContactOutcome::called: return "called";
    case ContactOutcome::unknown: break;
  }
  return "unknown";
}

ContactOutcome parse_contact_outcome(std::string_view text) {
  static const std::pair<const char*, ContactOutcome> kWords[] = {
      {"promise", ContactOutcome::promise},         {"promised", ContactOutcome::promise},
      {"promise to pay", ContactOutcome::promise},  {"承诺", ContactOutcome::promise},
      {"承诺还款", ContactOutcome::promise},        {"refused", ContactOutcome::refused},
      {"refuse", ContactOutcome::refused},          {"拒绝", ContactOutcome::refused},
      {"拒付", ContactOutcome::refused},            {"unreachable", ContactOutcome::unreachable},
      {"no answer", ContactOutcome::unreachable},   {"无法联系", ContactOutcome::unreachable},
      {"未接通", ContactOutcome::unreachable},      {"失联", ContactOutcome::unreachable},
      {"paid", ContactOutcome::paid},               {"已还款", ContactOutcome::paid},
      {"已付", ContactOutcome::paid},
      // issue #20 §2: the customer disputes the invoice (or, without an invoice id, its overdue ones)
      {"dispute", ContactOutcome::dispute},         {"disputed", ContactOutcome::dispute},
      {"in dispute", ContactOutcome::dispute},      {"争议", ContactOutcome::dispute},
      {"有争议", ContactOutcome::dispute},
      // Issue #20 §3: the words the page writes when it records a call.
      {"called", ContactOutcome::called},           {"contacted", ContactOutcome::called},
      {"已联系", ContactOutcome::called},           {"no_answer", ContactOutcome::unreachable},
  };
  const std::string f = fold(text);
  for (const auto& [word, outcome] : kWords)
    if (f == word) return outcome;
  return ContactOutcome::unknown;
}

ContactLog build_contact_log(FileList files, const Ledger& ledger) {
  ContactLog log;
  std::map<std::string, uint32_t, std::less<>> by_id, by_name;
  for (uint32_t c = 0; c < ledger.customers.size(); ++c) {
    by_id.emplace(ledger.customers[c].id, c);      // emplace keeps the first on duplicates
    by_name.emplace(ledger.customers[c].name, c);
  }
  // (customer, invoice id) → invoice, built when a contact file has an invoice id column.
  std::map<std::pair<uint32_t, std::string_view>, uint32_t> invoice_by_id;
  auto index_invoices = [&] {
    if (!invoice_by_id.empty()) return;
    for (uint32_t i = 0; i < ledger.invoices.size(); ++i)
      invoice_by_id.emplace(std::make_pair(ledger.invoices[i].customer, ledger.invoice_id(ledger.invoices[i])), i);
  };
  for (uint32_t fi = 0; fi < files.size(); ++fi) {
    const ImportedFile& f = files[fi];
    if (f.table_kind != TableKind::contacts) continue;
    log.present = true;
    const int c_id = column_of(f, Role::customer_id), c_name = column_of(f, Role::customer_name),
              c_date = column_of(f, Role::contact_date), c_channel = column_of(f, Role::channel),
              c_outcome = column_of(f, Role::outcome), c_pdate = column_of(f, Role::promised_date),
              c_pamount = column_of(f, Role::promised_amount), c_invoice = column_of(f, Role::invoice_id);
    if (c_invoice >= 0) index_invoices();
    for (size_t r = 0; r < f.row_count(); ++r) {
      ++log.rows_read;
      const SourceRef src{fi, f.row_line[r]};
      auto reject = [&](ProblemKind kind, std::string_view value = {}) {
        ProblemDetail detail;
        detail.value = std::string(value);
        std::string reason = problem_text(kind, detail);
        log.rejected.push_back({fi, src.line, kind, std::move(detail), std::move(reason)});
      };
      const std::string_view id = cell(f, c_id, r), name = cell(f, c_name, r);
      uint32_t customer = 0;
      bool found = false;
      if (auto it = by_id.find(id); !id.empty() && it != by_id.end()) {
        customer = it->second, found = true;
      } else if (auto n = by_name.find(name); !name.empty() && n != by_name.end()) {
        customer = n->second, found = true;
      } else if (auto m = by_id.find(name); !name.empty() && m != by_id.end()) {
        customer = m->second, found = true;
      }
      if (!found) {
        if (id.empty() && name.empty())
          reject(ProblemKind::no_customer_id_or_name);
        else
          reject(ProblemKind::customer_not_in_ledger, id.empty() ? name : id);
        continue;
      }
      Contact c;
      c.customer = customer;
      c.source = src;
      c.date = date_cell(f, c_date, r);
      if (c.date == kMissingDays) {
        reject(ProblemKind::no_contact_date);
        continue;
      }
      c.outcome = parse_contact_outcome(cell(f, c_outcome, r));
      if (c.outcome == ContactOutcome::unknown) {
        reject(ProblemKind::outcome_not_recognised, cell(f, c_outcome, r));
        continue;
      }
      c.channel = std::string(cell(f, c_channel, r));
      c.promised_date = date_cell(f, c_pdate, r);
      c.promised_cents = cents_cell(f, c_pamount, r);
      c.invoice_id = std::string(cell(f, c_invoice, r));
      if (!c.invoice_id.empty()) {
        const auto it = invoice_by_id.find({customer, std::string_view(c.invoice_id)});
        if (it != invoice_by_id.end()) c.invoice = it->second;
        if (it == invoice_by_id.end() && c.outcome == ContactOutcome::dispute) {
          reject(ProblemKind::disputed_invoice_not_in_ledger, c.invoice_id);
          continue;
        }
      }
      log.contacts.push_back(std::move(c));
    }
  }
  std::sort(log.contacts.begin(), log.contacts.end(), [](const Contact& a, const Contact& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.date != b.date) return a.date < b.date;
    if (a.source.file != b.source.file) return a.source.file < b.source.file;
    return a.source.line < b.source.line;
  });
  return log;
}

ContactSummary summarize_contacts(const ContactLog& log, const Ledger& ledger, uint32_t customer, int32_t as_of) {
  std::vector<uint32_t> payments;
  for (uint32_t p = 0; p < ledger.payments.size(); ++p)
    if (ledger.payments[p].customer == customer) payments.push_back(p);
  return summarize_contacts(log, ledger, payments, customer, as_of);
}

ContactSummary summarize_contacts(const ContactLog& log, const Ledger& ledger, const std::vector<uint32_t>& payments,
                           uint32_t customer, int32_t as_of) {
  ContactSummary s;
  s.evaluated = log.present;
  auto first = std::lower_bound(log.contacts.begin(), log.contacts.end(), customer,
                                [](const Contact& c, uint32_t k) { return c.customer < k; });
  for (auto it = first; it != log.contacts.end() && it->customer == customer; ++it) {
    const Contact& c = *it;
    if (c.date > as_of) break;  // sorted by date: later contacts are not known yet
    ++s.contacts;
    s.last_contact = c.date;
    switch (c.outcome) {
      case ContactOutcome::refused: ++s.refusals; break;
      case ContactOutcome::unreachable: ++s.unreachable; break;
      case ContactOutcome::paid: ++s.paid; break;
      case ContactOutcome::dispute: ++s.disputes; break;
      case ContactOutcome::called: ++s.called; break;
      case ContactOutcome::unknown: break;
      case ContactOutcome::promise: {
        ++s.promises;
        if (c.promised_date == kMissingDays || c.promised_date > as_of) break;  // not due yet / unknown
        int64_t paid = 0;
        for (uint32_t k : payments) {
          const Payment& p = ledger.payments[k];
          if (p.date != kMissingDays && p.date >= c.date && p.date <= c.promised_date) paid += p.amount_cents;
        }
        const bool kept = c.promised_cents == kMissingCents ? paid > 0 : paid >= c.promised_cents;
        if (!kept) ++s.broken_promises;
        break;
      }
    }
  }
  return s;
}

}  // namespace overdue
