// What a column's values say about a role its header suggests (issue #17: "content breaks ties
// and vetoes"). Internal to the importer's role assignment.
#pragma once
#include <string_view>

#include "overdue/import/table.hpp"

namespace overdue {

// A currency code or name as exports write it: CNY, USD, 人民币, 美元, US$, ￥, 港币, EUR, RMB …
bool is_currency_text(std::string_view cell);

// Most filled cells (80 %) are currency codes or names; a column of fewer than three filled cells
// passes (too few values to overrule its header).
bool holds_currencies(const Column& column);

// The id column stands for several different names in `names` on most rows where both are
// filled: the seller's own account number repeated on every row, not a customer id.
bool id_names_several(const Column& ids, const Column& names);

// A distinct value on nearly every filled row (95 %), with at least 20 filled rows: an invoice or
// document number, not a customer.
bool distinct_on_nearly_every_row(const Column& column);

}  // namespace overdue
