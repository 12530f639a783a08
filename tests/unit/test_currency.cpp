// Currencies (issue #17 item 6): the names table, rates, conversion rounding, the reporting
// currency's choice, payments applied in their own currency, what is left out without a rate, the
// analysis JSON's "currency" block and the settings keys. Fixtures: tests/data/currency/ (README
// there); every expected figure below is computed by hand.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "overdue/ledger/currency.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/session/session.hpp"
#include "overdue/text/currency_names.hpp"
#include "test_ledger_support.hpp"

namespace {

using namespace overdue;
using ledger_test::cents;
using ledger_test::day;
using ledger_test::fixture;

std::vector<ImportedFile> two_currency_files() {
  std::vector<ImportedFile> files;
  files.push_back(fixture("tests/data/currency/invoices_two.csv", "invoices"));
  files.push_back(fixture("tests/data/currency/payments_two.csv", "payments"));
  files.push_back(fixture("tests/data/currency/payments_no_currency.csv", "payments"));
  return files;
}

AnalysisResult analyse(const std::vector<ImportedFile>& files, const CurrencySettings& currency,
                       int32_t as_of = day(2024, 4, 30)) {
  AnalysisSettings settings;
  settings.monitor.as_of = as_of;
  settings.ledger.currency = currency;
  AnalysisSession session{FileList(files), settings};
  return run_to_end(session);
}

CurrencySettings rates(std::vector<CurrencyRate> list, std::string reporting = "") {
  CurrencySettings c;
  c.reporting = std::move(reporting);
  c.rates = std::move(list);
  return c;
}

bool has_note_containing(const Ledger& l, const std::string& text) {
  for (const std::string& n : l.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

LedgerOptions options_with(const CurrencySettings& currency) {
  LedgerOptions o;
  o.currency = currency;
  return o;
}

const Invoice& invoice(const Ledger& l, const std::string& id) { return l.invoices[ledger_test::invoice_index(l, id)]; }

}  // namespace

TEST_CASE("currency: names, signs and codes of the names table") {
  for (const char* cny : {"人民币", "RMB", "CNY", "￥", "¥", "rmb", " 人民币 "}) CHECK(currency_code(cny) == "CNY");
  for (const char* usd : {"美元", "US$", "USD", "$", "usd", "US Dollar", "Dollars"}) CHECK(currency_code(usd) == "USD");
  for (const char* hkd : {"港币", "港元", "HK$"}) CHECK(currency_code(hkd) == "HKD");
  for (const char* eur : {"欧元", "€", "Euro", "eur"}) CHECK(currency_code(eur) == "EUR");
  CHECK(currency_code("日元") == "JPY");
  CHECK(currency_code("英镑") == "GBP");
  CHECK(currency_code("£") == "GBP");
  CHECK(currency_code("chf") == "CHF");   // an ISO code passes through
  CHECK(currency_code("XTS") == "XTS");   // three letters: taken as a code
  CHECK(currency_code("华东公司") == "");
  CHECK(currency_code("12.50") == "");
  CHECK(currency_code("") == "");
  CHECK(currency_symbol("CNY") == "¥");
  CHECK(currency_symbol("USD") == "$");
  CHECK(currency_symbol("CHF") == "CHF ");
}

TEST_CASE("currency: rates are exact decimals of at most 6 places") {
  int64_t m = 0;
  CHECK(parse_rate_micros("7.8", m));
  CHECK(m == 7'800'000);
  CHECK(parse_rate_micros("0.000001", m));
  CHECK(m == 1);
  CHECK(parse_rate_micros("12", m));
  CHECK(m == 12'000'000);
  for (const char* bad : {"7.1234567", "-1", "0", "0.0", "abc", "", "1,5", "1e3", "."}) CHECK_FALSE(parse_rate_micros(bad, m));
  CHECK(rate_text(7'800'000) == "7.8");
  CHECK(rate_text(1'000'000) == "1");
  CHECK(rate_text(138'000) == "0.138");
  CurrencyRate r;
  CHECK(parse_rate_entry("美元=7.1", '=', r) == "");
  CHECK(r.code == "USD");
  CHECK(r.micros == 7'100'000);
  CHECK(parse_rate_entry("EUR", '=', r) != "");
  std::vector<CurrencyRate> list;
  CHECK(parse_rate_list("USD:7.1,EUR:7.8", list) == "");
  REQUIRE(list.size() == 2);
  CHECK(list[0].code == "EUR");   // sorted by code
  CHECK(rate_list_text(list) == "EUR:7.8,USD:7.1");
  CHECK(parse_rate_list("USD:x", list) != "");
}

TEST_CASE("currency: each item converted once, rounding half away from zero") {
  CHECK(convert_cents(12345, 7'100'000) == 87650);    // 123.45 × 7.1 = 876.495 → 876.50
  CHECK(convert_cents(-12345, 7'100'000) == -87650);  // a credit note rounds the same way, negated
  CHECK(convert_cents(2345, 7'100'000) == 16650);     // 23.45 × 7.1 = 166.495 → 166.50
  CHECK(convert_cents(1, 500'000) == 1);              // 0.005 → 0.01
  CHECK(convert_cents(-1, 500'000) == -1);
  CHECK(convert_cents(1, 499'999) == 0);
  CHECK(convert_cents(100, kRateOne) == 100);
}

TEST_CASE("currency: two currencies without rates — the reporting one analysed, the others left out and noted") {
  const std::vector<ImportedFile> files = two_currency_files();
  const AnalysisResult r = analyse(files, {});
  const Ledger& l = r.ledger;
  // 4 CNY invoices (人民币, CNY, RMB, ￥), 3 USD (USD, US$, 美元), 1 EUR (欧元): CNY reports.
  CHECK(l.currency.has_column);
  CHECK(l.currency.reporting == "CNY");
  REQUIRE(l.currency.used.size() == 3);
  CHECK(l.currency.used[0].code == "CNY");
  CHECK(l.currency.used[1].code == "EUR");
  CHECK(l.currency.used[2].code == "USD");
  // Only the CNY invoices are analysed; A002 got 华东公司's payment without a currency (mixed customer → CNY).
  CHECK(l.invoices.size() == 4);
  CHECK(ledger_test::paid_by(l, ledger_test::invoice_index(l, "A002"), day(2024, 4, 30)) == cents(500));
  CHECK(has_note_containing(l, "USD has no rate: 3 invoice(s) (923.45 USD) and 3 payment(s) (323.45 USD)"));
  CHECK(has_note_containing(l, "EUR has no rate: 1 invoice(s) (100.00 EUR) and 1 payment(s) (40.00 EUR)"));
  CHECK(has_note_containing(l, "1 payment(s) with no currency of their own"));
  // The totals are CNY alone: A002 1500 (50 days past due) + B002 3000 (11) + D001 800 (not due).
  CHECK(r.monitor.open_cents == cents(5300));
  CHECK(r.monitor.overdue_cents == cents(1500));
  const std::vector<CurrencyFigures> f = currency_figures(l, day(2024, 4, 30), 30);
  REQUIRE(f.size() == 3);
  CHECK(f[0].invoices == 4);
  CHECK(f[0].open_cents == cents(5300));
  CHECK(f[0].overdue_cents == cents(1500));
  CHECK(f[0].rate_micros == kRateOne);
  // EUR: E001 100 − 40 = 60, 45 days past due.
  CHECK(f[1].invoices == 1);
  CHECK(f[1].open_cents == cents(60));
  CHECK(f[1].overdue_cents == cents(60));
  CHECK(f[1].rate_micros == 0);
  // USD, each payment in its own currency: A003 500 − 200 = 300 (30 days: not overdue),
  // B001 300 − 100 = 200 (81 days), C001 123.45 − 23.45 (Beta's payment without a currency: its
  // invoices are all USD) = 100 (59 days).
  CHECK(f[2].invoices == 3);
  CHECK(f[2].open_cents == cents(600));
  CHECK(f[2].overdue_cents == cents(300));
}

TEST_CASE("currency: with rates every currency is converted into the totals") {
  const std::vector<ImportedFile> files = two_currency_files();
  const AnalysisResult r = analyse(files, rates({{"EUR", 7'800'000}, {"USD", 7'100'000}}));
  const Ledger& l = r.ledger;
  CHECK(l.invoices.size() == 8);
  CHECK_FALSE(l.currency.left_out_any());
  CHECK(invoice(l, "C001").amount_cents == cents(876, 50));   // 123.45 × 7.1 = 876.495 → 876.50
  CHECK(invoice(l, "A003").amount_cents == cents(3550));
  CHECK(invoice(l, "E001").amount_cents == cents(780));
  // Open: 5300 + A003 300×7.1 + B001 200×7.1 + C001 (876.50 − 166.50) + E001 60×7.8 = 10028.00;
  // overdue: A002 1500 + B001 1420 + C001 710 + E001 468 = 4098.00.
  CHECK(r.monitor.open_cents == cents(10028));
  CHECK(r.monitor.overdue_cents == cents(4098));
  // Own-currency figures are unchanged by the rates.
  const std::vector<CurrencyFigures> f = currency_figures(l, day(2024, 4, 30), 30);
  REQUIRE(f.size() == 3);
  CHECK(f[2].open_cents == cents(600));
  CHECK(f[2].rate_micros == 7'100'000);
  std::string code;
  int64_t amount = 0, open = 0;
  REQUIRE(own_currency_invoice(l, static_cast<uint32_t>(ledger_test::invoice_index(l, "C001")), day(2024, 4, 30), code, amount, open));
  CHECK(code == "USD");
  CHECK(amount == cents(123, 45));
  CHECK(open == cents(100));
  CHECK_FALSE(own_currency_invoice(l, static_cast<uint32_t>(ledger_test::invoice_index(l, "A002")), day(2024, 4, 30), code, amount, open));
}

TEST_CASE("currency: the reporting currency set by the user; the others need a rate") {
  const std::vector<ImportedFile> files = two_currency_files();
  const AnalysisResult r = analyse(files, rates({{"EUR", 1'100'000}}, "美元"));
  const Ledger& l = r.ledger;
  CHECK(l.currency.reporting == "USD");
  REQUIRE(l.currency.used.size() == 3);
  CHECK(l.currency.used[1].code == "CNY");
  CHECK(l.currency.used[1].rate_micros == 0);
  // 华东公司's payment without a currency is now in the reporting currency USD: A003 500 − 200 −
  // 500 → paid (200 left as credit). USD open: B001 200 + C001 100 = 300; with EUR 60 × 1.1 = 66:
  // 366.00; CNY left out.
  CHECK(r.monitor.open_cents == cents(366));
  const std::vector<CurrencyFigures> f = currency_figures(l, day(2024, 4, 30), 30);
  CHECK(f[0].open_cents == cents(300));
  CHECK(f[1].open_cents == cents(5800));  // CNY: A002 2000 (unpaid now) + B002 3000 + D001 800
}

TEST_CASE("currency: a tie of invoice counts goes to more open invoices, then to the code") {
  const std::string head = "customer,invoice,invoice_date,due_date,amount,currency\n";
  const std::string pays = "customer,payment_date,amount,currency\nA,2024-02-01,100,CNY\n";
  {
    // 2 CNY and 2 USD invoices; one CNY invoice is paid: USD has more open invoices.
    std::vector<ImportedFile> files;
    files.push_back(ledger_test::csv("i.csv", head + "A,1,2024-01-01,2024-01-31,100,CNY\nA,2,2024-01-02,2024-02-01,50,CNY\n"
                                                     "B,3,2024-01-03,2024-02-02,10,USD\nB,4,2024-01-04,2024-02-03,20,USD\n", "invoices"));
    files.push_back(ledger_test::csv("p.csv", pays, "payments"));
    const Ledger l = build_ledger(files);
    CHECK(l.currency.reporting == "USD");
    CHECK(l.invoices.size() == 2);
  }
  {
    // Equal open invoices too: the first code alphabetically.
    std::vector<ImportedFile> files;
    files.push_back(ledger_test::csv("i.csv", head + "A,1,2024-01-01,2024-01-31,100,USD\nB,3,2024-01-03,2024-02-02,10,CNY\n", "invoices"));
    const Ledger l = build_ledger(files);
    CHECK(l.currency.reporting == "CNY");
  }
}

TEST_CASE("currency: money never reaches an invoice of another currency") {
  // The USD payment names the CNY invoice: it is applied to the customer's USD invoice instead.
  std::vector<ImportedFile> files;
  files.push_back(ledger_test::csv("i.csv",
                                   "customer,invoice,invoice_date,due_date,amount,currency\n"
                                   "A,1,2024-01-01,2024-01-31,100,CNY\nA,2,2024-01-02,2024-02-01,50,CNY\n"
                                   "A,3,2024-01-03,2024-02-02,40,USD\n",
                                   "invoices"));
  files.push_back(ledger_test::csv("p.csv", "customer,invoice,payment_date,amount,currency\nA,1,2024-02-01,30,USD\n", "payments"));
  const Ledger l = build_ledger(files, options_with(rates({{"USD", 2'000'000}})));
  CHECK(ledger_test::paid_by(l, ledger_test::invoice_index(l, "1"), day(2024, 12, 31)) == 0);
  CHECK(ledger_test::paid_by(l, ledger_test::invoice_index(l, "3"), day(2024, 12, 31)) == cents(60));   // 30 USD × 2
  CHECK(has_note_containing(l, "names invoice 1 in CNY"));
}

TEST_CASE("currency: amounts from a 本位币 column are in the reporting currency whatever 币别 says") {
  std::vector<ImportedFile> files;
  files.push_back(fixture("tests/data/currency/home_currency_kingdee.csv", "invoices"));
  REQUIRE(files[0].layout.amount_basis == "home");
  const AnalysisResult r = analyse(files, {}, day(2024, 3, 5));
  CHECK(r.ledger.currency.reporting == "CNY");   // 人民币 ×2, 美元 ×1
  REQUIRE(r.ledger.currency.used.size() == 1);
  CHECK(r.ledger.invoices.size() == 3);
  CHECK(r.monitor.open_cents == cents(2410));    // 710 (本位币 of the 美元 row) + 500 + 1200
  const std::vector<CurrencyFigures> f = currency_figures(r.ledger, day(2024, 3, 5), 30);
  REQUIRE(f.size() == 1);
  CHECK(f[0].invoices == 3);
  CHECK(f[0].open_cents == cents(2410));
}

TEST_CASE("currency: Kingdee 原币 amounts — the 美元 row converted at the rate given") {
  ImportOptions original;
  original.prefer_original_currency = true;
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/exports/kingdee_cloud_aging.csv", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::vector<ImportedFile> files;
  files.push_back(import_bytes("kingdee_cloud_aging.csv", bytes.str(), original));
  REQUIRE(files[0].layout.amount_basis == "original");
  const AnalysisResult r = analyse(files, rates({{"USD", 7'200'000}}), day(2026, 6, 30));
  CHECK(r.ledger.currency.reporting == "CNY");
  CHECK(r.monitor.open_cents == cents(83800));   // 23,400 + 8,800 + 15,600 + 5,000 USD × 7.2
}

TEST_CASE("currency: the analysis JSON's currency block, only when a table has a currency column") {
  const std::vector<ImportedFile> files = two_currency_files();
  const nlohmann::json doc = nlohmann::json::parse(analysis_json(analyse(files, rates({{"USD", 7'100'000}}))));
  REQUIRE(doc.contains("currency"));
  const nlohmann::json& c = doc["currency"];
  CHECK(c["reporting"] == "CNY");
  REQUIRE(c["by_currency"].size() == 3);
  CHECK(c["by_currency"][0]["currency"] == "CNY");
  CHECK(c["by_currency"][0]["invoices"] == 4);
  CHECK(c["by_currency"][0]["open"].get<double>() == doctest::Approx(5300.00));
  CHECK(c["by_currency"][0]["rate"] == 1);
  CHECK(c["by_currency"][1]["currency"] == "EUR");
  CHECK(c["by_currency"][1]["rate"].is_null());
  CHECK(c["by_currency"][1]["overdue"].get<double>() == doctest::Approx(60.00));
  CHECK(c["by_currency"][2]["currency"] == "USD");
  CHECK(c["by_currency"][2]["rate"].get<double>() == doctest::Approx(7.1));
  CHECK(c["by_currency"][2]["open"].get<double>() == doctest::Approx(600.00));
  CHECK(doc["totals"]["open"].get<double>() == doctest::Approx(5300.00 + 4260.00));   // EUR left out

  std::vector<ImportedFile> plain;
  plain.push_back(ledger_test::csv("i.csv", "customer,invoice,invoice_date,due_date,amount\nA,1,2024-01-01,2024-01-31,100\n", "invoices"));
  CHECK_FALSE(nlohmann::json::parse(analysis_json(analyse(plain, {}))).contains("currency"));
}

TEST_CASE("currency: regression — a payments file alone with a currency column (crashed the FIFO accounts)") {
  std::vector<ImportedFile> files;
  files.push_back(fixture("tests/data/currency/payments_two.csv", "payments"));
  const Ledger l = build_ledger(files);
  CHECK(l.invoices.empty());
  CHECK(l.currency.reporting == "USD");   // no invoice names a currency: the payments' most frequent
  CHECK(l.credits.size() == 2);           // 华东公司 200 USD, Acme 100 USD; CNY and EUR left out
}

TEST_CASE("currency: a column of hundreds of different texts is no crash (they share one unrated currency)") {
  std::string text = "customer,invoice,invoice_date,due_date,amount,currency\n";
  text += "A,x1,2024-01-01,2024-01-31,10,CNY\nA,x2,2024-01-01,2024-01-31,10,CNY\n";
  for (int i = 0; i < 300; ++i) text += "A," + std::to_string(i) + ",2024-01-01,2024-01-31,10,cur" + std::to_string(i) + "x\n";
  std::vector<ImportedFile> files;
  files.push_back(import_bytes("many.csv", text));
  REQUIRE(files[0].columns.size() == 6);
  files[0].columns[5].role = Role::currency;   // as --map currency=currency would
  const Ledger l = build_ledger(files);
  CHECK(l.currency.has_column);
  CHECK(l.currency.reporting == "CNY");
  CHECK(l.currency.used.size() <= 200);
  CHECK(l.invoices.size() == 2);   // the CNY ones; the 300 others left out
  CHECK(l.currency.left_out_any());
}

TEST_CASE("currency: the ledger job in slices gives the same currencies") {
  const std::vector<ImportedFile> files = two_currency_files();
  const LedgerOptions options = options_with(rates({{"USD", 7'100'000}}));
  const Ledger whole = build_ledger(files, options);
  for (const uint64_t units : {1u, 3u, 7u, 64u}) {
    LedgerJob job(FileList(files), options);
    for (Budget b{units}; job.step(b) == Step::more; b = Budget{units}) {}
    const Ledger sliced = job.take();
    CHECK(sliced.invoices.size() == whole.invoices.size());
    CHECK(sliced.allocations.size() == whole.allocations.size());
    CHECK(sliced.currency.used.size() == whole.currency.used.size());
    CHECK(sliced.notes == whole.notes);
  }
}

TEST_CASE("currency: settings keys currency.reporting and currency.rates") {
  AnalysisSettings s;
  const std::string before = settings_json(s);
  CHECK(before.find("\"currency\"") == std::string::npos);   // written only when set
  CHECK(set_setting(s, "currency.rates", "EUR:7.8,USD:7.1") == "");
  CHECK(set_setting(s, "currency.reporting", "人民币") == "");
  CHECK(s.ledger.currency.reporting == "CNY");
  REQUIRE(s.ledger.currency.rates.size() == 2);
  CHECK(s.ledger.currency.rates[1].micros == 7'100'000);
  CHECK(set_setting(s, "currency.rates", "EUR:7.1234567") != "");
  const std::string text = settings_json(s);
  CHECK(text.find("\"EUR\": 7.8") != std::string::npos);
  AnalysisSettings back;
  const SettingsLoadResult loaded = load_settings_json(text, back);
  CHECK(loaded.error == "");
  CHECK(back == s);
  const std::vector<std::string> keys = setting_keys();
  CHECK(std::find(keys.begin(), keys.end(), "currency.rates") != keys.end());
}
