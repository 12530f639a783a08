// The per-file reasons behind "no invoices found" (see no_invoices.hpp).
#include "overdue/ledger/no_invoices.hpp"

#include <algorithm>
#include <map>

#include "overdue/text/format.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {
namespace {

bool has_role(const ImportedFile& file, bool (*test)(Role)) {
  return std::any_of(file.columns.begin(), file.columns.end(), [&](const Column& c) { return test(c.role); });
}
bool is_customer(Role r) { return r == Role::customer_id || r == Role::customer_name; }
bool is_invoice_money(Role r) {
  return r == Role::amount || r == Role::open_amount || r == Role::debit || r == Role::balance || r == Role::line_amount;
}
bool is_invoice_date(Role r) { return r == Role::invoice_date || r == Role::due_date || r == Role::entry_date; }

std::string kind_label(TableKind kind, Lang lang) {
  const char* label = table_kind_label(table_kind_name(kind), lang);
  return label != nullptr ? label : std::string(table_kind_name(kind));
}

// "read as invoices, but none of its 6 rows gave an invoice: 6 rejected, 0 set aside (most often: …)".
std::string none_used(const ImportedFile& file, uint32_t index, const Ledger& ledger, Lang lang) {
  const std::string name = file.name;
  const std::string kind = kind_label(file.table_kind, lang);
  if (file.rows.read == 0) return textf(lang, S::no_invoices_no_rows_fmt, name.c_str(), kind.c_str());
  uint64_t rejected = file.rows.rejected, set_aside = 0;
  std::map<std::string, uint64_t> reasons;  // ordered: ties go to the first reason alphabetically
  for (const RejectedRow& r : file.rejected) ++reasons[r.reason];
  for (const LedgerRejectedRow& r : ledger.rejected) {
    if (r.file != index) continue;
    ++rejected;
    ++reasons[r.reason];
  }
  for (const SetAsideRow& r : ledger.set_aside) {
    if (r.file != index) continue;
    set_aside += r.rows;
    reasons[r.reason] += r.rows;
  }
  std::string out = textf(lang, S::no_invoices_none_used_fmt, name.c_str(), kind.c_str(),
                          count_display(static_cast<int64_t>(file.rows.read)).c_str(),
                          count_display(static_cast<int64_t>(rejected)).c_str(),
                          count_display(static_cast<int64_t>(set_aside)).c_str());
  const auto most = std::max_element(reasons.begin(), reasons.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most != reasons.end())
    out += textf(lang, S::no_invoices_most_often_fmt, most->first.c_str(),
                 count_display(static_cast<int64_t>(most->second)).c_str());
  return out;
}

}  // namespace

std::vector<std::string> no_invoice_reasons(FileList files, const Ledger& ledger, Lang lang) {
  std::vector<std::string> out;
  if (!ledger.invoices.empty()) return out;
  for (uint32_t i = 0; i < files.size(); ++i) {
    const ImportedFile& f = files[i];
    const char* name = f.name.c_str();
    if (!f.error.empty()) {
      out.push_back(textf(lang, S::no_invoices_file_error_fmt, name, f.error.c_str()));
      continue;
    }
    switch (f.table_kind) {
      case TableKind::customers: out.push_back(textf(lang, S::no_invoices_customers_fmt, name)); continue;
      case TableKind::contacts: out.push_back(textf(lang, S::no_invoices_contacts_fmt, name)); continue;
      case TableKind::payments: out.push_back(textf(lang, S::no_invoices_payments_fmt, name)); continue;
      case TableKind::accounts: out.push_back(textf(lang, S::no_invoices_accounts_fmt, name)); continue;
      case TableKind::none: case TableKind::invoices: case TableKind::ledger: break;
      default: out.push_back(none_used(f, i, ledger, lang)); continue;
    }
    // Name the first thing an invoice needs that no column gave; an invoices table with all of
    // them had its rows rejected or set aside.
    if (!has_role(f, is_invoice_money)) out.push_back(textf(lang, S::no_invoices_no_amount_fmt, name));
    else if (!has_role(f, is_customer)) out.push_back(textf(lang, S::no_invoices_no_customer_fmt, name));
    else if (!has_role(f, is_invoice_date)) out.push_back(textf(lang, S::no_invoices_no_date_fmt, name));
    else if (f.table_kind == TableKind::none) out.push_back(textf(lang, S::no_invoices_not_recognised_fmt, name));
    else out.push_back(none_used(f, i, ledger, lang));
  }
  return out;
}

}  // namespace overdue
