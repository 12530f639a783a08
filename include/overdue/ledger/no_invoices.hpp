// Why an analysis found no invoices, said per file (issue #17 item 8): "no invoices found" is
// only true when no file gave one, and then each file says why — a customers-only table, a
// payments table, no amount column, or every row rejected or set aside (with the counts and the
// most frequent reason). The CLI prints these lines; the page shows them where it asks for a file.
#pragma once
#include <string>
#include <vector>

#include "overdue/import/file_list.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {

// One line per file, in the files' order; empty when the ledger has invoices.
std::vector<std::string> no_invoice_reasons(FileList files, const Ledger& ledger, Lang lang);

}  // namespace overdue
