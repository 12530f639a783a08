// OLE2 compound files (src/core/workbook/compound_file.cpp): the directory's names and what they
// say a file is. The files are made here (test_zip_support.hpp: header, FAT, DIFAT, directory).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_zip_support.hpp"
#include "workbook/compound_file.hpp"

using namespace overdue;
using ziptest::CompoundOptions;
using ziptest::make_compound;

TEST_CASE("compound file: names of the directory, UTF-16 as UTF-8") {
  const std::string bytes = make_compound({u"Workbook", u"\x05SummaryInformation", u"表格 1", u"😀"});
  const std::vector<std::string> names = compound_file_names(bytes);
  CHECK(names == std::vector<std::string>{"Workbook", "\x05SummaryInformation", "表格 1", "😀"});
}

TEST_CASE("compound file: encrypted workbook, .xls, WPS by name, other") {
  const std::string encrypted = make_compound(
      {u"\x06" u"DataSpaces", u"EncryptionInfo", u"EncryptedPackage"});
  CHECK(classify_compound_file(encrypted, "book.xlsx") == CompoundFileKind::encrypted_workbook);
  CHECK(classify_compound_file(make_compound({u"EncryptedPackage"}), "x") == CompoundFileKind::encrypted_workbook);
  CHECK(classify_compound_file(encrypted, "book.et") == CompoundFileKind::encrypted_workbook);

  const std::string xls = make_compound({u"Workbook", u"\x05SummaryInformation"});
  CHECK(classify_compound_file(xls, "ledger.xls") == CompoundFileKind::excel_97_2003);
  CHECK(classify_compound_file(xls, "") == CompoundFileKind::excel_97_2003);
  CHECK(classify_compound_file(make_compound({u"Book"}), "old.xls") == CompoundFileKind::excel_97_2003);
  CHECK(classify_compound_file(make_compound({u"WORKBOOK"}), "old.xls") == CompoundFileKind::excel_97_2003);
  // WPS .et is BIFF-based: its streams look like an .xls, its name says WPS.
  CHECK(classify_compound_file(xls, "台账.et") == CompoundFileKind::wps_spreadsheet);
  CHECK(classify_compound_file(xls, "模板.ETT") == CompoundFileKind::wps_spreadsheet);
  CHECK(classify_compound_file(xls, "budget.set") == CompoundFileKind::excel_97_2003);

  const std::string doc = make_compound({u"WordDocument", u"1Table"});
  CHECK(classify_compound_file(doc, "letter.doc") == CompoundFileKind::other);
  CHECK(classify_compound_file(make_compound({}), "empty") == CompoundFileKind::other);
}

TEST_CASE("compound file: 4096-byte sectors, several directory sectors, a DIFAT chain") {
  std::vector<std::u16string> many;
  for (int i = 0; i < 40; ++i) many.push_back(u"Stream " + std::u16string(1, static_cast<char16_t>(u'A' + i % 26)));
  many.push_back(u"Workbook");
  SUBCASE("v4") {
    CompoundOptions o;
    o.shift = 12;
    const std::string bytes = make_compound(many, o);
    CHECK(compound_file_names(bytes).size() == many.size());
    CHECK(classify_compound_file(bytes, "a.xls") == CompoundFileKind::excel_97_2003);
  }
  SUBCASE("v3, 11 directory sectors") {
    const std::string bytes = make_compound(many);
    CHECK(compound_file_names(bytes).size() == many.size());
  }
  SUBCASE("more than 109 FAT sectors: the rest listed in DIFAT sectors") {
    CompoundOptions o;
    o.fat_sectors = 300;  // 109 in the header, 191 in two DIFAT sectors
    const std::string bytes = make_compound(many, o);
    CHECK(compound_file_names(bytes).size() == many.size());
    CHECK(classify_compound_file(bytes, "a.xls") == CompoundFileKind::excel_97_2003);
  }
}

TEST_CASE("compound file: damage — truncation, loops, sectors out of range, bad headers") {
  const std::vector<std::u16string> names{u"Workbook", u"\x05SummaryInformation", u"a", u"b", u"c"};
  const std::string bytes = make_compound(names);
  REQUIRE(classify_compound_file(bytes, "x.xls") == CompoundFileKind::excel_97_2003);

  // Every prefix is damaged: a cut sector is never read as a directory with fewer names.
  for (size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    CHECK(classify_compound_file(bytes.substr(0, n), "x.xls") == CompoundFileKind::damaged);
  }
  CompoundOptions loop;
  loop.directory_loop = true;
  CHECK(classify_compound_file(make_compound(names, loop), "x.xls") == CompoundFileKind::damaged);
  CHECK(compound_file_names(make_compound(names, loop)).empty());

  CompoundOptions out_of_range;
  out_of_range.fat_sector_out_of_range = true;
  CHECK(classify_compound_file(make_compound(names, out_of_range), "x.xls") == CompoundFileKind::damaged);

  std::string bad_shift = bytes;
  bad_shift[30] = 10;
  CHECK(classify_compound_file(bad_shift, "x.xls") == CompoundFileKind::damaged);
  std::string bad_order = bytes;
  bad_order[28] = 0;
  CHECK(classify_compound_file(bad_order, "x.xls") == CompoundFileKind::damaged);
  std::string bad_dir = bytes;
  ziptest::set32(bad_dir, 48, 0xFFFFFFF0);
  CHECK(classify_compound_file(bad_dir, "x.xls") == CompoundFileKind::damaged);
  std::string too_many_fat = bytes;
  ziptest::set32(too_many_fat, 44, 0x7FFFFFFF);
  CHECK(classify_compound_file(too_many_fat, "x.xls") == CompoundFileKind::damaged);
  std::string difat_loop = make_compound(names, CompoundOptions{9, 200});
  REQUIRE(classify_compound_file(difat_loop, "x.xls") == CompoundFileKind::excel_97_2003);
  ziptest::set32(difat_loop, 72, 5);  // claims more DIFAT sectors: fine while the FAT count is met
  CHECK(classify_compound_file(difat_loop, "x.xls") == CompoundFileKind::excel_97_2003);
  ziptest::set32(difat_loop, 44, 250);  // more FAT sectors than the DIFAT lists: free entries read as sectors
  CHECK(classify_compound_file(difat_loop, "x.xls") == CompoundFileKind::damaged);

  CHECK(classify_compound_file("", "x.xls") == CompoundFileKind::damaged);
  CHECK(classify_compound_file(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "x.xls") == CompoundFileKind::damaged);
  CHECK(classify_compound_file(std::string(600, '\0'), "x.xls") == CompoundFileKind::damaged);
}
