// Header rows of the CSV exports (csv_export.hpp) in Chinese and English, and the CsvTable writer.
// The keys are the JSON field names of analysis_json, so a column can be matched to its field.
#include <cstring>
#include <utility>

#include "report/csv_export_internal.hpp"
#include "overdue/report/csv_export.hpp"

namespace overdue::csv_detail {
namespace {

struct Header {
  const char* key;
  const char* zh;
  const char* en;
};

constexpr Header kHeaders[] = {
    {"priority", "优先级", "Priority"},
    {"customer_id", "客户编号", "Customer ID"},
    {"customer_name", "客户名称", "Customer name"},
    {"sales_rep", "业务员", "Sales rep"},
    {"type", "逾期类型", "Overdue type"},
    {"low_confidence", "历史不足", "Low confidence"},
    {"overdue", "逾期金额", "Overdue"},
    {"open", "未收余额", "Open"},
    {"past_due", "已到期未收", "Past due"},
    {"max_dpd", "最长逾期天数", "Max days past due"},
    {"weighted_dpd", "加权逾期天数", "Weighted days past due"},
    {"last_payment", "最近回款日", "Last payment"},
    {"last_payment_amount", "最近回款金额", "Last payment amount"},
    {"days_without_payment", "未回款天数", "Days without payment"},
    {"ability", "还款能力分", "Ability score"},
    {"impact", "业务影响分", "Impact score"},
    {"quadrant", "风险象限", "Risk quadrant"},
    {"allowance", "坏账准备", "Allowance"},
    {"credit_limit_change_pct", "信用额度调整%", "Credit limit change %"},
    {"rules_held", "成立的规则", "Rules held"},
    {"overdue_flag", "是否逾期", "Overdue flag"},
    {"newly_overdue", "新增逾期", "Newly overdue"},
    {"revenue_share", "近12个月销售占比", "Revenue share (12 months)"},
    {"bucket", "账龄段", "Bucket"},
    {"min_dpd", "最小逾期天数", "Min days past due"},
    {"invoices", "发票数", "Invoices"},
    {"share_of_open", "占未收比例", "Share of open"},
    {"date", "日期", "Date"},
    {"overdue_customers", "逾期客户数", "Overdue customers"},
    {"installment", "期数", "Installment"},
    {"amount", "金额", "Amount"},
    {"file", "文件", "File"},
    {"line", "行号", "Line"},
    {"reason", "原因", "Reason"},
};

}  // namespace

const char* header_text(std::string_view key, bool zh) {
  for (const Header& h : kHeaders)
    if (key == h.key) return zh ? h.zh : h.en;
  return nullptr;
}

CsvTable::CsvTable(bool zh, std::initializer_list<const char*> keys) {
  bytes_ = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel and WPS then read the file as UTF-8
  bool first = true;
  for (const char* key : keys) {
    if (!first) bytes_ += ',';
    first = false;
    const char* text = header_text(key, zh);
    bytes_ += csv_field(text ? text : key);
  }
  bytes_ += "\r\n";
}

void CsvTable::row(std::initializer_list<std::string> cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) bytes_ += ',';
    first = false;
    bytes_ += csv_field(cell);
  }
  bytes_ += "\r\n";
}

}  // namespace overdue::csv_detail
