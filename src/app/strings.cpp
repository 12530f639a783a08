// English and Chinese texts of the page, one row per string id.
#include "strings.hpp"

#include <cstdarg>
#include <cstdio>
#include <utility>

namespace app {
namespace {

struct Entry {
  S id;
  const char* en;
  const char* zh;
};

constexpr Entry kEntries[] = {
    // toolbar
    {S::app_title, "OverdueLens", "逾期透镜"},
    {S::app_tagline, "Receivables files, read in your browser", "应收账款文件，在浏览器本地读取"},
    {S::cannot_start_webgl2, "OverdueLens cannot start: this browser does not offer WebGL 2.",
     "逾期透镜无法启动：此浏览器不支持 WebGL 2。"},
    {S::open_files, "Open files…", "打开文件…"},
    {S::language_other, "中文", "English"},
    {S::theme_light, "Light theme", "浅色主题"},
    {S::theme_dark, "Dark theme", "深色主题"},
    // empty state
    {S::drop_title, "Drop CSV files here", "把 CSV 文件拖到这里"},
    {S::drop_hint, "or click “Open files…”. Several files can be loaded together.",
     "或点击“打开文件…”。可以同时载入多个文件。"},
    {S::drop_formats,
     "UTF-8 or GBK/GB18030; comma, semicolon, tab, pipe or space separated; exports of Excel, "
     "Kingdee and Yonyou.",
     "支持 UTF-8 与 GBK/GB18030 编码；逗号、分号、制表符、竖线或空格分隔；Excel、金蝶、用友导出的文件。"},
    {S::drop_privacy, "Your data never leaves this browser: nothing is uploaded.",
     "数据只在本机浏览器中处理，不会上传。"},
    // files panel
    {S::files_heading, "Files", "文件"},
    {S::files_empty, "No files loaded yet.", "尚未载入文件。"},
    {S::status_queued, "Waiting…", "等待中…"},
    {S::status_reading, "Reading…", "读取中…"},
    {S::status_typing, "Detecting column types…", "识别列类型…"},
    {S::status_failed, "Could not be read", "无法读取"},
    {S::rows_count_fmt, "%s rows", "%s 行"},
    {S::rejected_count_fmt, "%s rejected", "%s 行被拒绝"},
    {S::remove_file, "Remove", "移除"},
    {S::kind_not_recognised, "Table kind not recognised", "未识别表类型"},
    // tabs
    {S::tab_data, "Data", "数据"},
    {S::tab_mapping, "Column mapping", "列映射"},
    {S::tab_summary, "Import summary", "导入汇总"},
    {S::no_file_selected, "Select a file on the left.", "请在左侧选择一个文件。"},
    {S::file_unreadable, "This file could not be read:", "此文件无法读取："},
    {S::file_still_loading, "This file is still loading.", "此文件仍在载入。"},
    // mapping screen
    {S::mapping_intro,
     "Column roles and the table kind were guessed from the headers. Correct any that are wrong: "
     "the column is re-read with its new role.",
     "列角色和表类型是根据表头推测的，如有错误请更正：更改后该列会按新角色重新识别。"},
    {S::encoding, "Encoding", "编码"},
    {S::delimiter, "Delimiter", "分隔符"},
    {S::header_row, "Header row", "表头行"},
    {S::yes, "yes", "有"},
    {S::no, "no (columns numbered)", "无（按序号命名列）"},
    {S::table_kind, "Table kind", "表类型"},
    {S::delimiter_comma, "comma  ,", "逗号  ,"},
    {S::delimiter_semicolon, "semicolon  ;", "分号  ;"},
    {S::delimiter_tab, "tab", "制表符"},
    {S::delimiter_pipe, "pipe  |", "竖线  |"},
    {S::delimiter_spaces, "runs of spaces", "连续空格"},
    {S::column_index, "#", "序号"},
    {S::column_name, "Column", "列名"},
    {S::column_type, "Type", "类型"},
    {S::column_date_order, "Day / month", "日/月顺序"},
    {S::column_role, "Role", "角色"},
    {S::column_missing, "Missing", "缺失"},
    {S::column_samples, "Sample values", "示例值"},
    {S::type_text, "text", "文本"},
    {S::type_integer, "integer", "整数"},
    {S::type_decimal, "decimal", "小数"},
    {S::type_date, "date", "日期"},
    {S::type_money_suffix, "money", "金额"},
    {S::date_order_automatic, "automatic", "自动"},
    {S::date_order_month_first, "month first (m/d/y)", "月在前（月/日/年）"},
    {S::date_order_day_first, "day first (d/m/y)", "日在前（日/月/年）"},
    {S::date_order_ambiguous, "ambiguous: please choose", "有歧义，请选择"},
    {S::date_order_not_applicable, "—", "—"},
    {S::role_none, "— none —", "— 无 —"},
    {S::role_set_by_you, "set by you", "已手动设置"},
    {S::kind_set_by_you, "set by you", "已手动设置"},
    // data table
    {S::filter_hint, "Filter rows (any column)…", "筛选行（任意列）…"},
    {S::rows_shown_fmt, "%s of %s rows", "显示 %s / %s 行"},
    {S::filtering_fmt, "Filtering… %d%%", "筛选中… %d%%"},
    {S::sorting, "Sorting…", "排序中…"},
    {S::copy_tsv, "Copy as TSV", "复制为 TSV"},
    {S::copied_rows_fmt, "Copied %s rows to the clipboard", "已复制 %s 行到剪贴板"},
    {S::copied_rows_capped_fmt, "Copied the first %s of %s rows to the clipboard",
     "已复制前 %s 行（共 %s 行）到剪贴板"},
    {S::line_number, "Line", "行号"},
    {S::cell_not_parsed, "Not read as this column's type: kept as missing",
     "无法按本列类型读取：按缺失值保留"},
    // import summary
    {S::summary_rows_heading, "Rows per file", "各文件行数"},
    {S::summary_file, "File", "文件"},
    {S::summary_read, "Read", "读取"},
    {S::summary_accepted, "Accepted", "接受"},
    {S::summary_rejected, "Rejected", "拒绝"},
    {S::summary_cell_errors, "Cell errors", "单元格错误"},
    {S::summary_total, "Total", "合计"},
    {S::summary_reconciles, "Every row is accounted for: read = accepted + rejected.",
     "每一行都有着落：读取 = 接受 + 拒绝。"},
    {S::summary_does_not_reconcile, "Counts do not reconcile: read ≠ accepted + rejected.",
     "行数不平衡：读取 ≠ 接受 + 拒绝。"},
    {S::rejected_heading, "Rejected rows", "被拒绝的行"},
    {S::rejected_none, "No rejected rows.", "没有被拒绝的行。"},
    {S::cell_errors_heading, "Cell errors (kept as missing values)", "单元格错误（按缺失值保留）"},
    {S::cell_errors_none, "No cell errors.", "没有单元格错误。"},
    {S::cell_errors_listed_fmt, "%s listed of %s", "列出 %s 个，共 %s 个"},
    {S::error_line, "Line", "行号"},
    {S::error_column, "Column", "列"},
    {S::error_text, "Text", "原文"},
    {S::error_reason, "Reason", "原因"},
    {S::notes_heading, "Notes", "说明"},
    {S::summary_no_files, "Load files to see what was read.", "载入文件后可在此查看读取结果。"},
    // role labels
    {S::role_customer_id, "Customer ID", "客户编号"},
    {S::role_customer_name, "Customer name", "客户名称"},
    {S::role_invoice_id, "Invoice number", "发票号"},
    {S::role_invoice_date, "Invoice date", "开票日期"},
    {S::role_due_date, "Due date", "到期日"},
    {S::role_terms_days, "Payment terms (days)", "账期（天）"},
    {S::role_amount, "Amount", "金额"},
    {S::role_paid_amount, "Paid amount", "已收金额"},
    {S::role_paid_date, "Paid date", "收款日期"},
    {S::role_payment_date, "Payment date", "付款日期"},
    {S::role_payment_amount, "Payment amount", "付款金额"},
    {S::role_contact, "Contact", "联系方式"},
    {S::role_company, "Company", "公司"},
    {S::role_person_in_charge, "Person in charge", "负责人"},
    {S::role_credit_limit, "Credit limit", "信用额度"},
    {S::role_segment, "Segment", "客户分组"},
    {S::role_contact_date, "Contact date", "联系日期"},
    {S::role_channel, "Channel", "联系渠道"},
    {S::role_outcome, "Outcome", "联系结果"},
    {S::role_promised_date, "Promised date", "承诺还款日"},
    {S::role_promised_amount, "Promised amount", "承诺金额"},
    {S::role_entry_date, "Entry date", "记账日期"},
    {S::role_debit, "Debit", "借方"},
    {S::role_credit, "Credit", "贷方"},
    {S::role_balance, "Balance", "余额"},
    {S::role_direction, "Direction (debit/credit)", "方向（借/贷）"},
    {S::role_open_amount, "Open amount", "未收金额"},
    {S::role_currency, "Currency", "币种"},
    {S::role_sales_rep, "Sales rep", "业务员"},
    {S::role_target, "Target (0/1)", "目标变量（0/1）"},
    // table kinds
    {S::kind_ledger, "Ledger (invoices with payments)", "台账（发票含收款）"},
    {S::kind_invoices, "Invoices / sales", "应收/销售"},
    {S::kind_payments, "Payments", "收款"},
    {S::kind_running_ledger, "Running ledger", "应收账款明细账"},
    {S::kind_customers, "Customers", "客户"},
    {S::kind_contacts, "Contact log", "催收记录"},
    {S::kind_accounts, "Accounts (model lab)", "账户（模型实验）"},
};

constexpr bool entries_follow_enum_order() {
  if (sizeof(kEntries) / sizeof(kEntries[0]) != static_cast<size_t>(S::count_)) return false;
  for (size_t i = 0; i < sizeof(kEntries) / sizeof(kEntries[0]); ++i) {
    if (static_cast<size_t>(kEntries[i].id) != i) return false;
  }
  return true;
}
static_assert(entries_follow_enum_order(), "kEntries must list every S id once, in enum order");

// Role and kind names as the core spells them (roles.hpp), mapped to their label ids.
constexpr std::pair<const char*, S> kRoleLabels[] = {
    {"customer_id", S::role_customer_id},
    {"customer_name", S::role_customer_name},
    {"invoice_id", S::role_invoice_id},
    {"invoice_date", S::role_invoice_date},
    {"due_date", S::role_due_date},
    {"terms_days", S::role_terms_days},
    {"amount", S::role_amount},
    {"paid_amount", S::role_paid_amount},
    {"paid_date", S::role_paid_date},
    {"payment_date", S::role_payment_date},
    {"payment_amount", S::role_payment_amount},
    {"contact", S::role_contact},
    {"company", S::role_company},
    {"person_in_charge", S::role_person_in_charge},
    {"credit_limit", S::role_credit_limit},
    {"segment", S::role_segment},
    {"contact_date", S::role_contact_date},
    {"channel", S::role_channel},
    {"outcome", S::role_outcome},
    {"promised_date", S::role_promised_date},
    {"promised_amount", S::role_promised_amount},
    {"entry_date", S::role_entry_date},
    {"debit", S::role_debit},
    {"credit", S::role_credit},
    {"balance", S::role_balance},
    {"direction", S::role_direction},
    {"open_amount", S::role_open_amount},
    {"currency", S::role_currency},
    {"sales_rep", S::role_sales_rep},
    {"target", S::role_target},
};

constexpr std::pair<const char*, S> kKindLabels[] = {
    {"ledger", S::kind_ledger},
    {"invoices", S::kind_invoices},
    {"payments", S::kind_payments},
    {"running_ledger", S::kind_running_ledger},
    {"customers", S::kind_customers},
    {"contacts", S::kind_contacts},
    {"accounts", S::kind_accounts},
};

Lang g_language = Lang::en;

template <size_t N>
const char* lookup(const std::pair<const char*, S> (&table)[N], std::string_view name) {
  for (const auto& [key, id] : table) {
    if (name == key) return tr(id);
  }
  return nullptr;
}

}  // namespace

void set_language(Lang lang) { g_language = lang; }
Lang language() { return g_language; }

Lang language_for_locale(std::string_view locale) {
  // BCP 47 tags: "zh", "zh-CN", "zh-Hans-CN", "zh_TW"; compare the primary subtag only, ASCII.
  if (locale.size() >= 2 && (locale[0] == 'z' || locale[0] == 'Z') && (locale[1] == 'h' || locale[1] == 'H') &&
      (locale.size() == 2 || locale[2] == '-' || locale[2] == '_')) {
    return Lang::zh;
  }
  return Lang::en;
}

const char* tr(S id) {
  const Entry& e = kEntries[static_cast<size_t>(id)];
  return g_language == Lang::zh ? e.zh : e.en;
}

const char* role_label(std::string_view role) { return lookup(kRoleLabels, role); }
const char* table_kind_label(std::string_view kind) { return lookup(kKindLabels, kind); }

std::string trf(S id, ...) {
  char buffer[512];
  va_list args;
  va_start(args, id);
  std::vsnprintf(buffer, sizeof buffer, tr(id), args);
  va_end(args);
  return buffer;
}

}  // namespace app
