// The binning tables as one CSV file (issue #21 §1): `model --bins-csv FILE` and the page's
// "Download binning table" write these same bytes. UTF-8 with a byte-order mark, CRLF, headers in
// the chosen language (English: Feature,Bin,Count,Share,Non-events,Events,Event rate,WoE,IV,JS,
// P-value next). One row per bin of every binned feature in the JSON's order, then a Totals row
// per feature (count, non-events, events summed; share 1; the overall event rate; IV and JS
// summed; WoE and the p-value empty). Ratios with 6 decimals, p-values with 6 significant digits
// (empty when the bin has no test with the next one, binning_table.hpp).
#pragma once
#include <string>
#include <vector>

#include "overdue/model/features.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {

std::string binning_tables_csv(const std::vector<FeatureBinning>& binnings, Lang lang);

}  // namespace overdue
