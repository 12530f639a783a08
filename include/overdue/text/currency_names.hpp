// Currency names and signs as exports write them (issue #17 item 6): 人民币, RMB, ￥ → CNY;
// 美元, US$, $ → USD; 港币, HK$ → HKD; 欧元, € → EUR; 日元 → JPY; 英镑, £ → GBP; a few more of the
// currencies small Chinese and international businesses invoice in. ISO 4217 codes (three ASCII
// letters, any case) pass through upper-cased. In `text` so the importer (a currency column holds
// currency codes or names) and the ledger read the same table.
#pragma once
#include <string>
#include <string_view>

namespace overdue {

// The ISO code of a currency cell (trimmed; ASCII case and inner spaces ignored), or "" when the
// text is no currency name, sign or code we know.
std::string currency_code(std::string_view cell);

// True when `code` is a currency of the names table (not merely three letters).
bool is_known_currency(std::string_view code);

// A sign to show before money in `code` ("¥", "$", "€", "£", "HK$" …), or the code and a space
// ("CHF ") for one without a sign of its own; "" for "".
std::string currency_symbol(std::string_view code);

}  // namespace overdue
