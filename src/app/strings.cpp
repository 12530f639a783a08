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
    // dashboard tabs and controls
    {S::tab_dashboard, "Dashboard", "监测总览"},
    {S::tab_overdue, "Overdue customers", "逾期客户"},
    {S::tab_customer, "Customer detail", "客户详情"},
    {S::as_of_date, "As-of date", "基准日"},
    {S::as_of_latest, "Latest", "最新日期"},
    {S::as_of_latest_tip, "Use the latest invoice or payment date in the data", "使用数据中最新的开票或回款日期"},
    {S::as_of_invalid, "Type a date as YYYY-MM-DD", "请按 YYYY-MM-DD 输入日期"},
    {S::threshold_days, "Overdue after (days)", "逾期阈值（天）"},
    {S::threshold_tip, "An invoice is overdue when it is open and more than this many days past its due date (DPD > threshold).", "发票未结清且逾期天数超过此值（DPD > 阈值）即为逾期。"},
    {S::bucket_edges, "Aging buckets (days)", "账龄分段（天）"},
    {S::bucket_edges_tip, "Upper edges of the aging buckets, e.g. 30,60,90,180 gives not due, 1-30, 31-60, 61-90, 91-180, >180.", "各账龄段的上限，例如 30,60,90,180 表示：未到期、1-30、31-60、61-90、91-180、>180 天。"},
    {S::edges_empty, "Enter at least one edge", "请至少输入一个分段"},
    {S::edges_not_number, "Only whole numbers separated by commas", "只能输入以逗号分隔的整数"},
    {S::edges_not_increasing, "Edges must be positive and increasing", "分段必须为正数且递增"},
    {S::replay_step, "Check every", "检查周期"},
    {S::step_day, "Day", "每日"},
    {S::step_week, "Week", "每周"},
    {S::step_month, "Month", "每月"},
    {S::computing, "Computing…", "计算中…"},
    {S::no_ledger, "No receivables to analyse yet: load an invoices, ledger or running-ledger file (the table kind is shown in the column mapping).", "尚无可分析的应收数据：请载入发票、台账或应收账款明细账文件（表类型见“列映射”）。"},
    {S::data_span_fmt, "Data from %s to %s", "数据范围 %s 至 %s"},
    // KPI tiles
    {S::kpi_open, "Total open", "应收余额"},
    {S::kpi_overdue, "Overdue", "逾期金额"},
    {S::kpi_overdue_ratio_fmt, "%s of open", "占应收 %s"},
    {S::kpi_overdue_customers, "Overdue customers", "逾期客户"},
    {S::kpi_customers_of_fmt, "of %s customers", "共 %s 个客户"},
    {S::kpi_dso, "DSO", "应收账款周转天数 DSO"},
    {S::kpi_bpdso, "Best possible DSO", "最佳周转天数 BPDSO"},
    {S::kpi_add, "Avg. days delinquent", "平均逾期天数 ADD"},
    {S::kpi_cei, "Collection effectiveness", "回款有效性 CEI"},
    {S::kpi_days_fmt, "%s days", "%s 天"},
    {S::kpi_top_n_fmt, "Top %s share of overdue", "前 %s 名逾期集中度"},
    {S::tip_top_n, "Concentration = overdue of the N customers with the most overdue / all overdue.",
     "集中度 = 逾期金额最高的 N 个客户的逾期金额 / 全部逾期金额。"},
    {S::kpi_window_fmt, "window: %s days", "窗口：%s 天"},
    {S::kpi_invoices_open_fmt, "%s open invoices", "%s 张未结发票"},
    {S::tip_open, "Sum of the open amounts of all invoices at the as-of date: amount minus what was paid or credited by the end of that day.", "基准日所有发票的未结金额之和：发票金额减去截至当日已收或已冲销的金额。"},
    {S::tip_overdue, "Open amount of invoices more than the threshold past due (DPD > threshold). Ratio = overdue / total open.", "逾期天数超过阈值（DPD > 阈值）的发票未结金额。比例 = 逾期金额 / 应收余额。"},
    {S::tip_overdue_customers, "Customers with at least one open invoice past the threshold.", "至少有一张发票逾期超过阈值的客户数。"},
    {S::tip_dso, "DSO = receivables at the as-of date / credit sales in the window × window days (average method; window = 90 days ending at the as-of date).", "DSO = 基准日应收余额 / 窗口内赊销额 × 窗口天数（平均法；窗口为截至基准日的 90 天）。"},
    {S::tip_bpdso, "BPDSO = current (not yet past due) receivables / credit sales in the window × window days.", "BPDSO = 未到期应收余额 / 窗口内赊销额 × 窗口天数。"},
    {S::tip_add, "ADD = DSO − BPDSO: the days receivables stay out because of late payment.", "ADD = DSO − BPDSO：因逾期付款而多占用的天数。"},
    {S::tip_cei, "CEI = (receivables at window start + credit sales − receivables at end) / (receivables at window start + credit sales − current receivables at end) × 100.", "CEI = (期初应收 + 窗口内赊销 − 期末应收) / (期初应收 + 窗口内赊销 − 期末未到期应收) × 100。"},
    // charts
    {S::chart_aging, "Aging at the as-of date", "基准日账龄分布"},
    {S::chart_trend, "Open and overdue over time", "应收余额与逾期金额趋势"},
    {S::chart_trend_customers, "Overdue customers over time", "逾期客户数趋势"},
    {S::bucket_not_due, "Not due", "未到期"},
    {S::bucket_days_fmt, "%s days", "%s 天"},
    {S::series_open, "Open", "应收余额"},
    {S::series_overdue, "Overdue", "逾期金额"},
    {S::series_overdue_customers, "Overdue customers", "逾期客户数"},
    {S::invoices_fmt, "%s invoices", "%s 张发票"},
    {S::share_fmt, "%s of open", "占应收 %s"},
    {S::chart_no_trend, "Not enough dates for a trend.", "日期太少，无法绘制趋势。"},
    // overdue list
    {S::search_customer_hint, "Search customer name or ID", "搜索客户名称或编号"},
    {S::overdue_only, "Overdue only", "仅显示逾期客户"},
    {S::customers_shown_fmt, "%s of %s customers", "显示 %s 个，共 %s 个客户"},
    {S::col_customer, "Customer", "客户"},
    {S::col_customer_id, "ID", "编号"},
    {S::col_sales_rep, "Sales rep", "业务员"},
    {S::col_open, "Open", "应收余额"},
    {S::col_overdue, "Overdue", "逾期金额"},
    {S::col_max_dpd, "Max DPD", "最长逾期天数"},
    {S::col_weighted_dpd, "Weighted DPD", "加权逾期天数"},
    {S::col_oldest_open, "Oldest open invoice", "最早未结发票"},
    {S::col_last_payment, "Last payment", "最近回款"},
    {S::col_last_payment_amount, "Last paid", "最近回款金额"},
    {S::col_revenue_share, "Revenue share", "收入占比"},
    {S::col_newly_overdue, "New", "新增逾期"},
    {S::col_pattern, "Payment pattern", "付款模式变化"},
    {S::newly_overdue_mark, "new", "新增"},
    {S::pattern_low_history, "too little history", "历史不足"},
    {S::tip_weighted_dpd, "Open-amount-weighted average DPD of the customer's past-due invoices.", "按未结金额加权的逾期发票平均逾期天数。"},
    {S::tip_revenue_share, "Customer's billing in the trailing 12 months / all billing in them.", "近 12 个月该客户开票额 / 全部开票额。"},
    {S::tip_newly_overdue, "Overdue now but not at the previous check (as-of date minus one step).", "本次检查逾期而上一次检查（基准日前推一个周期）未逾期。"},
    {S::row_click_hint, "Click a customer to see invoices, payments and payment-pattern evidence.", "点击客户查看发票、回款及付款模式变化的依据。"},
    {S::sales_rep_heading, "Overdue by sales rep", "按业务员汇总逾期"},
    {S::col_overdue_customers, "Overdue customers", "逾期客户数"},
    {S::no_sales_rep, "(none)", "（未指定）"},
    // customer detail
    {S::detail_none, "Select a customer in the overdue list.", "请在逾期客户列表中选择一个客户。"},
    {S::back_to_list, "Back to the overdue list", "返回逾期客户列表"},
    {S::detail_timeline, "Invoice timeline", "发票时间线"},
    {S::legend_issued_to_due, "issued → due", "开票 → 到期"},
    {S::legend_late, "past due until paid", "逾期至结清"},
    {S::legend_open, "still open at the as-of date", "基准日仍未结清"},
    {S::legend_payment, "payment", "回款"},
    {S::timeline_more_fmt, "Showing the latest %s of %s invoices.", "显示最近 %s 张发票，共 %s 张。"},
    {S::detail_open_items, "Open items at the as-of date", "基准日未结发票"},
    {S::col_invoice, "Invoice", "发票号"},
    {S::col_invoice_date, "Invoice date", "开票日期"},
    {S::col_due_date, "Due date", "到期日"},
    {S::col_amount, "Amount", "金额"},
    {S::col_open_amount, "Open", "未结金额"},
    {S::col_dpd, "DPD", "逾期天数"},
    {S::col_bucket, "Bucket", "账龄段"},
    {S::detail_payments, "Payments", "回款记录"},
    {S::col_date, "Date", "日期"},
    {S::col_for_invoice, "For invoice", "指定发票"},
    {S::fifo, "oldest first (FIFO)", "先到期先核销"},
    {S::detail_no_open, "No open invoices at the as-of date.", "基准日没有未结发票。"},
    {S::detail_no_payments, "No payments recorded.", "没有回款记录。"},
    {S::pattern_heading, "Payment pattern", "付款模式"},
    {S::pattern_changed, "Changed from its own baseline:", "与自身基准相比发生变化："},
    {S::pattern_steady, "No change from its own baseline.", "与自身基准相比无明显变化。"},
    {S::pattern_not_enough, "Too little payment history to judge a change.", "回款历史不足，无法判断变化。"},
    {S::pattern_baseline, "Baseline", "基准期"},
    {S::pattern_recent, "Recent", "近期"},
    {S::pattern_interval, "Median days between payments", "回款间隔中位数（天）"},
    {S::pattern_days_late, "Median days late", "逾期天数中位数"},
    {S::pattern_paid_ratio, "Paid / billed", "回款 / 开票"},
    // ledger stage
    {S::ledger_heading, "Ledger (invoices and payments)", "台账（发票与回款）"},
    {S::ledger_counts_fmt, "%s customers, %s invoices, %s payments", "%s 个客户，%s 张发票，%s 笔回款"},
    {S::ledger_rows_fmt, "Rows read %s = used %s + rejected %s (import and ledger)", "读取 %s 行 = 采用 %s 行 + 拒绝 %s 行（导入与台账）"},
    {S::ledger_rejected_heading, "Rows the ledger could not use", "台账未能使用的行"},
    {S::ledger_rejected_none, "The ledger used every accepted row.", "台账采用了全部已接受的行。"},
    {S::ledger_assumptions, "Assumptions", "假设"},
    {S::ledger_notes, "Notes", "说明"},
    {S::ledger_credits_fmt, "Customer credit from over-payments: %s", "超额回款形成的客户余额：%s"},
    {S::computed_in_fmt, "Ledger %s ms, monitor %s ms", "台账 %s 毫秒，监测 %s 毫秒"},
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
