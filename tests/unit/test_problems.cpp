// The problem vocabulary (issue #16): every kind has its own name and an English sentence, and the
// importer's rejected rows, cell errors and layout rows carry the kind that the reason text says,
// pinned on the fixture files that produce them.
//
// [SECTION] the vocabulary
// [SECTION] import: kinds on fixture files
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "overdue/import/importer.hpp"
#include "overdue/text/problem.hpp"

using namespace overdue;

namespace {

std::string fixture(const std::string& path) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/" + path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ImportedFile import_fixture(const std::string& path) {
  ImportedFile f = import_bytes(path.substr(path.rfind('/') + 1), fixture(path));
  REQUIRE_MESSAGE(f.error.empty(), f.error);
  return f;
}

// Every record's reason is its kind's sentence: the kind is the source of truth.
void check_reasons_follow_kinds(const ImportedFile& f) {
  for (const RejectedRow& r : f.rejected) CHECK(r.reason == problem_text(r.kind, r.detail));
  for (const CellError& e : f.cell_errors) CHECK(e.reason == problem_text(e.kind));
  for (const SummaryRow& s : f.layout.summary_rows) CHECK(s.reason == problem_text(s.kind));
}

}  // namespace

// [SECTION] the vocabulary -----------------------------------------------------------------------

TEST_CASE("problem kinds: each has a distinct snake_case name and a non-empty English text") {
  std::set<std::string> names, texts;
  for (size_t i = 0; i < kProblemKindCount; ++i) {
    const auto kind = static_cast<ProblemKind>(i);
    const std::string name(problem_kind_name(kind));
    CAPTURE(i);
    CHECK(!name.empty());
    CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos);
    CHECK(names.insert(name).second);
    const std::string text = problem_text(kind);
    CHECK(!text.empty());
    CHECK(texts.insert(text).second);
  }
  CHECK(problem_kind_name(static_cast<ProblemKind>(kProblemKindCount)).empty());
}

TEST_CASE("problem_text: the detail fills in the variable part, as the reasons read before kinds") {
  ProblemDetail d;
  d.expected = 5;
  d.found = 7;
  CHECK(problem_text(ProblemKind::field_count_mismatch, d) == "expected 5 fields, found 7");
  ProblemDetail v;
  v.value = "C-9";
  CHECK(problem_text(ProblemKind::customer_not_in_ledger, v) == "customer not in the ledger: C-9");
  CHECK(problem_text(ProblemKind::outcome_not_recognised, v) == "outcome not recognised: 'C-9'");
  CHECK(problem_text(ProblemKind::no_customer_invoice_ambiguous, v) ==
        "no customer, and invoice C-9 is not the invoice of exactly one customer");
  ProblemDetail t;
  t.value = "x";
  t.bad_value = "1";
  t.good_value = "0";
  CHECK(problem_text(ProblemKind::target_not_bad_or_good, t) ==
        "target 'x' is neither the bad value '1' nor the good value '0'");
  CHECK(problem_text(ProblemKind::amount_too_large) ==
        "amount beyond ±100,000,000,000.00: too large to add up safely");
}

// [SECTION] import: kinds on fixture files -------------------------------------------------------

TEST_CASE("bad/ragged_rows.csv: the rejected rows are field_count_mismatch with expected and found") {
  const ImportedFile f = import_fixture("bad/ragged_rows.csv");
  REQUIRE(!f.rejected.empty());
  for (const RejectedRow& r : f.rejected) {
    CHECK(r.kind == ProblemKind::field_count_mismatch);
    CHECK(r.detail.expected != r.detail.found);
  }
  check_reasons_follow_kinds(f);
}

TEST_CASE("bad/unterminated_quote.csv: the record that opens the quote is unterminated_quote") {
  const ImportedFile f = import_fixture("bad/unterminated_quote.csv");
  bool found = false;
  for (const RejectedRow& r : f.rejected) found |= r.kind == ProblemKind::unterminated_quote;
  CHECK(found);
  check_reasons_follow_kinds(f);
}

TEST_CASE("bad/amount_overflow.csv: the cells beyond int64 cents are amount_out_of_range") {
  const ImportedFile f = import_fixture("bad/amount_overflow.csv");
  REQUIRE(f.cell_errors.size() == 5);
  for (const CellError& e : f.cell_errors) CHECK(e.kind == ProblemKind::amount_out_of_range);
  check_reasons_follow_kinds(f);
}

TEST_CASE("bad/dates_out_of_range.csv: the dates no calendar holds are invalid_date") {
  const ImportedFile f = import_fixture("bad/dates_out_of_range.csv");
  REQUIRE(f.cell_errors.size() == 3);
  for (const CellError& e : f.cell_errors) CHECK(e.kind == ProblemKind::invalid_date);
  check_reasons_follow_kinds(f);
}

TEST_CASE("exports/kingdee_mingxizhang_gbk.csv: 本月合计/本年累计 rows are subtotal_row, rejected and listed") {
  const ImportedFile f = import_fixture("exports/kingdee_mingxizhang_gbk.csv");
  REQUIRE(f.rejected.size() == 8);
  for (const RejectedRow& r : f.rejected) CHECK(r.kind == ProblemKind::subtotal_row);
  REQUIRE(f.layout.summary_rows.size() == 8);
  for (const SummaryRow& s : f.layout.summary_rows) CHECK(s.kind == ProblemKind::subtotal_row);
  check_reasons_follow_kinds(f);
}
