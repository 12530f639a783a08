// The scorecard leaves the lab (issue #21 §2): as one SQL query and as a CSV for a spreadsheet.
//
// SQL: one query over a table "accounts" with a column "record" (the accepted-record number that
// --score uses) and the data's columns under the names `inspect` gives them: numbers (and dates, as
// days since 1970-01-01) as DOUBLE PRECISION, text as text (trimmed), every missing marker as
// NULL. It returns record, points, reason_1, reason_2, reason_3 ORDER BY record. Identifiers are
// quoted ("…", embedded " doubled), constants are CAST('…' AS DOUBLE PRECISION) with 17
// significant digits, and it uses no dialect function (no GREATEST, IIF, window function, CTE),
// so it runs unchanged in SQLite and PostgreSQL. Every constant comes from the functions
// --score uses (scorecard_bin_of_value, scorecard_points_of_bin, scorecard_cost_of_bin).
#pragma once
#include <string>
#include <vector>

#include "overdue/model/data.hpp"
#include "overdue/model/scorecard.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {

// The features of the data set that are dates (their table column holds days since 1970-01-01).
std::vector<std::string> date_feature_names(const ModelDataset& data);

// The query; "" with `error` set when the card has no feature.
std::string scorecard_sql(const Scorecard& card, const std::vector<std::string>& date_features,
                          std::string& error);

// The card as CSV (UTF-8 BOM, CRLF-free): Feature,Bin,Points (English) or 特征,分箱,分数 (Chinese);
// one row per bin and one no-bin row per feature, then the scaling rows (direction, base score,
// base odds, PDO, factor, offset) under the feature "(scaling)" / "（刻度）".
std::string scorecard_card_csv(const Scorecard& card, Lang lang);

}  // namespace overdue
