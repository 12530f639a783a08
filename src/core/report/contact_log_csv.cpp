// The contact log written back as CSV (include/overdue/report/contact_log_csv.hpp, issue #20 §3).
#include "overdue/report/contact_log_csv.hpp"

#include <array>

#include "overdue/text/format.hpp"

namespace overdue {
namespace {

// The roles a recorded row fills, in the standard column order, with their headers.
struct StandardColumn {
  Role role;
  const char* zh;
  const char* en;
};
constexpr std::array<StandardColumn, 7> kStandard{{
    {Role::customer_id, "客户编号", "Customer ID"},
    {Role::customer_name, "客户名称", "Customer name"},
    {Role::contact_date, "催收日期", "Contact date"},
    {Role::channel, "方式", "Channel"},
    {Role::outcome, "结果", "Outcome"},
    {Role::promised_date, "承诺日期", "Promised date"},
    {Role::promised_amount, "承诺金额", "Promised amount"},
}};

std::string date_or_empty(int32_t days) { return days == kMissingDays ? std::string() : iso_date_text(days); }

// A recorded row's value for a role ("" when it has none).
std::string value_of(const RecordedContact& c, Role role, Lang lang) {
  switch (role) {
    case Role::customer_id: return c.customer_id;
    case Role::customer_name: return c.customer_name;
    case Role::contact_date: return date_or_empty(c.date);
    case Role::channel: return contact_channel_word(c.channel, lang);
    case Role::outcome: return contact_outcome_word(c.outcome, lang);
    case Role::promised_date: return date_or_empty(c.promised_date);
    case Role::promised_amount: return c.promised_cents == kMissingCents ? std::string() : money_text(c.promised_cents);
    default: return std::string();
  }
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_field(cells[i]);
  }
  out += "\r\n";
}

}  // namespace

const char* contact_outcome_word(ContactOutcome o, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (o) {
    case ContactOutcome::promise: return zh ? "承诺还款" : "promise";
    case ContactOutcome::refused: return zh ? "拒付" : "refused";
    case ContactOutcome::unreachable: return zh ? "未接通" : "no_answer";
    case ContactOutcome::paid: return zh ? "已还款" : "paid";
    case ContactOutcome::called: return zh ? "已联系" : "called";
    case ContactOutcome::dispute: return zh ? "争议" : "dispute";
    case ContactOutcome::unknown: break;
  }
  return "";
}

const char* contact_channel_word(ContactChannel c, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (c) {
    case ContactChannel::phone: return zh ? "电话" : "phone";
    case ContactChannel::sms: return zh ? "短信" : "SMS";
    case ContactChannel::visit: return zh ? "上门" : "visit";
    case ContactChannel::letter: return zh ? "信函" : "letter";
    case ContactChannel::none:
    case ContactChannel::other: break;
  }
  return "";
}

std::vector<std::string> contact_log_standard_header(Lang lang) {
  std::vector<std::string> out;
  for (const StandardColumn& s : kStandard) out.push_back(lang == Lang::zh ? s.zh : s.en);
  return out;
}

std::string contact_log_csv(const ImportedFile* loaded, const std::vector<RecordedContact>& added, Lang lang) {
  std::vector<std::string> header;
  std::vector<Role> roles;  // the role each column is written for (Role::none: the loaded text only)
  if (loaded) {
    for (const Column& c : loaded->columns) {
      header.push_back(c.name);
      roles.push_back(c.role);
    }
  }
  // Every standard role an added row needs and no column has (all of them without a table); a
  // customer id or name column is enough to find the customer, so the other one is not added.
  auto has = [&](Role role) {
    for (Role r : roles)
      if (r == role) return true;
    return false;
  };
  const bool names_customer = has(Role::customer_id) || has(Role::customer_name);
  for (const StandardColumn& s : kStandard) {
    bool have = has(s.role);
    if (names_customer && (s.role == Role::customer_id || s.role == Role::customer_name)) have = true;
    bool needed = !loaded;
    for (const RecordedContact& c : added) needed = needed || !value_of(c, s.role, lang).empty();
    if (have || !needed) continue;
    header.push_back(lang == Lang::zh ? s.zh : s.en);
    roles.push_back(s.role);
  }
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel and WPS read the file as UTF-8
  append_row(out, header);
  std::vector<std::string> cells(header.size());
  if (loaded) {
    const size_t own = loaded->columns.size();
    for (size_t r = 0; r < loaded->row_count(); ++r) {
      for (size_t k = 0; k < header.size(); ++k) {
        cells[k].clear();
        if (k >= own) continue;
        const Column& c = loaded->columns[k];
        if (c.type == ColumnType::date && r < c.days.size() && c.days[r] != kMissingDays) cells[k] = iso_date_text(c.days[r]);
        else if (r < c.text.size()) cells[k] = std::string(c.text.at(r));
      }
      append_row(out, cells);
    }
  }
  for (const RecordedContact& c : added) {
    for (size_t k = 0; k < header.size(); ++k) cells[k] = value_of(c, roles[k], lang);
    append_row(out, cells);
  }
  return out;
}

}  // namespace overdue
