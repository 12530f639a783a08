// Every role scored for one header (issue #17 "roles from words"): the phrase table
// (roles/synonyms.cpp) for headers spelled exactly like a known export's, else the header's
// words (roles/header_words.hpp) against each role's word patterns.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/roles/synonyms.hpp"

namespace overdue {

// Scores at or above this count as a specific match for the table-kind rules.
constexpr double kSpecificScore = 0.7;

// The header's candidate roles with their scores (0–1) and deciding words, best first. Empty for
// a derived column (days late, 账龄, "1-30") or a header no role fits.
//   - the role's own name ("due_date", "Due Date"):        1.0
//   - a phrase of the table, specific (开票日期, "Invoice Date"): 0.9, minus 0.02 per preference rank
//   - a phrase of the table, generic ("Date", 金额):         0.55, minus 0.02 per rank
//   - otherwise each role's best word pattern: its weight × (0.6 + 0.4 × pattern words / header
//     words), none when the header holds one of the role's excluding words ("Tax Amount" is no
//     invoice amount, "Credit Limit" no credit).
std::vector<RoleCandidate> header_candidates(std::string_view header);

// The word-pattern candidates alone, for a header whose phrase-table roles the column's values
// all ruled out (Invoicely's "Due" holds dates, not the amount due).
std::vector<RoleCandidate> header_word_candidates(std::string_view header);

// Mistakes in the word patterns (a role that does not exist, a pattern with no word), for the
// unit tests.
std::vector<std::string> word_pattern_problems();

}  // namespace overdue
