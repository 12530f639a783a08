// `analyze --map [FILE:]ROLE=COLUMN` (issue #3): parsing and applying role overrides to imported
// files — role set by the user, the role's previous column cleared, re-typing, table kind.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/import/role_assignment.hpp"

using namespace overdue;

namespace {

const char* kCsv =
    "Client,Ref,Date,Due Date,Amount,Adjust\n"
    "Acme,INV-1,2024-01-05,2024-02-04,100.00,-\n"
    "Globex,INV-2,2024-01-09,2024-02-08,250.50,12.00\n";

int column_named(const ImportedFile& f, const std::string& name) {
  for (size_t c = 0; c < f.columns.size(); ++c)
    if (f.columns[c].name == name) return static_cast<int>(c);
  return -1;
}

RoleOverride parsed(const char* text) {
  RoleOverride o;
  REQUIRE(parse_role_override(text, o).empty());
  return o;
}

}  // namespace

TEST_CASE("--map parsing: ROLE=COLUMN, FILE:ROLE=COLUMN, errors") {
  RoleOverride o = parsed("amount=Total (CNY)");
  CHECK(o.file.empty());
  CHECK(o.role == Role::amount);
  CHECK(o.column == "Total (CNY)");
  o = parsed("应收.csv:due_date=到期日");
  CHECK(o.file == "应收.csv");
  CHECK(o.role == Role::due_date);
  CHECK(o.column == "到期日");
  o = parsed("customer_name=a=b");  // the first '=' ends the role
  CHECK(o.column == "a=b");
  CHECK(parsed("none=Amount").role == Role::none);

  RoleOverride bad;
  CHECK(parse_role_override("amount", bad).find("expected ROLE=COLUMN") != std::string::npos);
  CHECK(parse_role_override("amout=Amount", bad).find("unknown role 'amout'") != std::string::npos);
  CHECK_FALSE(parse_role_override("amount=", bad).empty());
  CHECK_FALSE(parse_role_override(":amount=X", bad).empty());
}

TEST_CASE("--map moves a role to another column, re-types it and re-decides the kind") {
  std::vector<ImportedFile> files{import_bytes("a.csv", kCsv)};
  const int amount = column_named(files[0], "Amount"), adjust = column_named(files[0], "Adjust");
  REQUIRE(amount >= 0);
  REQUIRE(adjust >= 0);
  CHECK(files[0].columns[amount].role == Role::amount);  // guessed from the header
  CHECK(files[0].columns[adjust].role != Role::amount);

  const auto unmatched = apply_role_overrides(files, {parsed("amount=Adjust")});
  CHECK(unmatched.empty());
  const ImportedFile& f = files[0];
  CHECK(f.columns[adjust].role == Role::amount);
  CHECK(f.columns[adjust].role_set_by_user);
  CHECK(f.columns[amount].role == Role::none);        // a role names one column
  CHECK(f.columns[amount].role_set_by_user);    // and is not guessed back
  // Re-typed as money: a lone "-" is zero there, not a missing value.
  REQUIRE(f.columns[adjust].cents.size() == 2);
  CHECK(f.columns[adjust].cents[0] == 0);
  CHECK(f.columns[adjust].cents[1] == 1200);
  CHECK(f.table_kind == decide_table_kind(f));
}

TEST_CASE("--map FILE: applies to that file only; column names match exactly or normalized") {
  std::vector<ImportedFile> files{import_bytes("a.csv", kCsv), import_bytes("b.csv", kCsv)};
  const int due = column_named(files[0], "Due Date");
  REQUIRE(due >= 0);
  CHECK(apply_role_overrides(files, {parsed("b.csv:none=due_date")}).empty());  // "due_date" ~ "Due Date"
  CHECK(files[0].columns[due].role == Role::due_date);
  CHECK(files[1].columns[due].role == Role::none);
  CHECK(files[1].columns[due].role_set_by_user);
}

TEST_CASE("--map reports overrides that match no column") {
  std::vector<ImportedFile> files{import_bytes("a.csv", kCsv)};
  const auto unmatched = apply_role_overrides(files, {parsed("amount=Missing"), parsed("c.csv:amount=Amount")});
  REQUIRE(unmatched.size() == 2);
  CHECK(unmatched[0].find("no column 'Missing' in any file") != std::string::npos);
  CHECK(unmatched[1].find("in file 'c.csv'") != std::string::npos);
}

TEST_CASE("header signature: same header, same signature under any file name; a mapping keyed by it") {
  std::vector<ImportedFile> files = {import_bytes("jan.csv", kCsv), import_bytes("feb.csv", kCsv),
                                     import_bytes("other.csv", "Client,Ref,Total\nAcme,1,2.00\n")};
  const std::string sig = header_signature(files[0]);
  CHECK(sig.size() == 16);
  CHECK(sig == header_signature(files[1]));
  CHECK(sig != header_signature(files[2]));
  // Known value: FNV-1a of "a\x1f" is stable across platforms (native and wasm print the same).
  CHECK(header_signature(import_bytes("x.csv", "a\n1\n")) == "9bac0000c65b257b");

  RoleOverride o;
  o.role = Role::amount;
  o.column = "Adjust";
  o.signature = sig;
  const std::vector<std::string> unmatched = apply_role_overrides(files, {o});
  CHECK(unmatched.empty());
  CHECK(files[0].columns[column_named(files[0], "Adjust")].role == Role::amount);
  CHECK(files[1].columns[column_named(files[1], "Adjust")].role == Role::amount);
  CHECK_FALSE(files[2].columns[column_named(files[2], "Total")].role_set_by_user);  // not that kind of file

  // A remembered mapping for a kind of file that is not loaded is not an error...
  o.signature = "0000000000000000";
  CHECK(apply_role_overrides(files, {o}).empty());
  // ...but a file of that kind without the column is.
  o.signature = sig;
  o.column = "Nope";
  CHECK(apply_role_overrides(files, {o}).size() == 1);
}
