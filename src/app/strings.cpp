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
    // overdue types and the decision (issue #4)
    {S::type_temporary, "Temporary", "临时性"},
    {S::type_structural, "Structural", "固有性"},
    {S::type_stubborn, "Stubborn", "顽固性"},
    {S::type_temporary_long, "Temporary overdue", "临时性逾期"},
    {S::type_structural_long, "Structural overdue", "固有性逾期"},
    {S::type_stubborn_long, "Stubborn overdue", "顽固性逾期"},
    {S::decide_stubborn, "At least one stubborn rule held (any one is enough).", "至少一条顽固性规则成立（任一条即可）。"},
    {S::decide_structural, "No stubborn rule held, and at least one structural rule held (any one is enough).", "顽固性规则均不成立，且至少一条固有性规则成立（任一条即可）。"},
    {S::decide_temporary, "No stubborn or structural rule held, and every temporary rule that could be evaluated held (all must).", "顽固性、固有性规则均不成立，且所有可评估的临时性规则都成立（须全部成立）。"},
    {S::decide_structural_fallback, "No stubborn or structural rule held, but a temporary rule missed: not a one-off, so structural.", "顽固性、固有性规则均不成立，但有临时性规则不成立：不是偶发，因此归为固有性。"},
    {S::rule_counts_fmt, "%d held, %d missed, %d not evaluated", "成立 %d 条，不成立 %d 条，未评估 %d 条"},
    {S::low_confidence_fmt, "Low confidence: too little history (%s settled invoices before this episode; first invoice %s before the as-of date).", "置信度低：历史太短（本次逾期前已结清发票 %s 张；首张发票在基准日前 %s）。"},
    {S::low_confidence_mark, "low confidence", "置信度低"},
    {S::days_short_fmt, "%s d", "%s 天"},
    // rule labels, one per rule id (the core's English labels are never shown)
    {S::rule_S1_no_payment, "Days without payment", "未付款天数"},
    {S::rule_S2_deep_dpd_not_paying, "Deepest DPD while not paying", "不付款期间的最长逾期天数"},
    {S::rule_S3_broken_promises, "Broken promises to pay", "违背的还款承诺"},
    {S::rule_S4_refusals, "Refusals to pay", "拒绝付款"},
    {S::rule_R1_repeated_episodes, "Recent overdue episodes, the current one included", "近期逾期段数（含本次）"},
    {S::rule_R2_chronic_lateness, "Share of the record paid late", "以往结清发票中迟付的比例"},
    {S::rule_R3_rising_balance, "Rise of open balance ÷ 12-month billing", "未结余额÷近12个月开票额 的上升倍数"},
    {S::rule_R4_keeps_paying_partially, "Share of partial payments, last 180 days", "近180天部分付款的比例"},
    {S::rule_T1_good_record, "Paid on time before this episode", "本次逾期前按时付款的比例"},
    {S::rule_T2_no_earlier_serious_episode, "Earlier episodes that reached a serious DPD", "以往达到严重逾期的逾期段"},
    {S::rule_T3_recent_or_paying, "Episode length (days), or a recent payment", "本次逾期天数，或近期有付款"},
    // rule notes, built from the structured fields
    {S::note_no_contact_log, "no contact log", "无催收记录"},
    {S::note_never_paid, "never paid: counted from the first overdue due date", "从未付款：从最早逾期发票的到期日起算"},
    {S::note_not_overdue_never_paid, "not overdue and never paid", "未逾期且从未付款"},
    {S::note_deep_but_paid_fmt, "deep, but a payment came in the last %d days", "逾期很深，但近 %d 天内有付款"},
    {S::note_episodes_all_fmt, "%s episodes in all", "共 %s 段"},
    {S::note_record_short_fmt, "only %s settled invoices before this episode (need %s)", "本次逾期前仅结清 %s 张发票（需要 %s 张）"},
    {S::note_rose_both, "rose at both steps", "两个时点都在上升"},
    {S::note_not_rose_both, "did not rise at both steps", "并非两个时点都上升"},
    {S::note_needs_billing_fmt, "needs billing history from %d days ago and a balance then", "需要 %d 天前的开票记录及当时的余额"},
    {S::note_partial_of_fmt, "%s partial of %s payments", "%s 笔部分付款，共 %s 笔"},
    {S::note_only_payments_fmt, "only %s payments in the last 180 days", "近180天仅 %s 笔付款"},
    {S::note_serious_fmt, "serious = DPD > %d", "严重 = 逾期天数 > %d"},
    {S::note_paid_ago_fmt, "paid %d d ago", "%d 天前有付款"},
    {S::note_no_payment_yet, "no payment yet", "尚无付款"},
    {S::note_last_payment_ago_fmt, "last payment %d d ago", "最近一次付款在 %d 天前"},
    {S::state_held, "✓ held", "✓ 成立"},
    {S::state_missed, "✗ missed", "✗ 不成立"},
    {S::state_not_evaluated, "not evaluated", "未评估"},
    // customer card: type, rule trace
    {S::card_type_heading, "Type", "逾期类型"},
    {S::card_rules_heading, "Rule trace", "规则判定"},
    {S::col_rule, "Rule", "规则"},
    {S::col_value_seen, "Value seen", "实际值"},
    {S::col_threshold, "Threshold", "阈值"},
    {S::col_result, "Result", "结果"},
    {S::col_note, "Note", "说明"},
    {S::rules_stubborn_any, "Stubborn — any one rule is enough", "顽固性 —— 任一条成立即可"},
    {S::rules_structural_any, "Structural — any one rule is enough", "固有性 —— 任一条成立即可"},
    {S::rules_temporary_all, "Temporary — every rule that can be evaluated must hold", "临时性 —— 可评估的规则须全部成立"},
    {S::card_not_overdue, "Not overdue at the as-of date: no type.", "基准日未逾期：不分类。"},
    // scores
    {S::card_scores_heading, "Ability to pay and impact", "还款能力与影响程度"},
    {S::score_ability, "Ability to pay", "还款能力"},
    {S::score_impact, "Impact on the business", "影响程度"},
    {S::score_value_fmt, "%s / 100", "%s / 100"},
    {S::col_input, "Input", "输入"},
    {S::col_raw_value, "Raw value", "原始值"},
    {S::col_component, "Component", "分量"},
    {S::col_weight, "Weight", "权重"},
    {S::col_points, "Points", "得分"},
    {S::in_paid_ratio, "Paid ÷ billed, 365 days", "近365天回款÷开票"},
    {S::in_recency, "Days since last payment", "距最近付款天数"},
    {S::in_partial_trend, "Partial-payment share, 180 days", "近180天部分付款比例"},
    {S::in_on_time_share, "Share of settled invoices paid on time", "按时结清发票的比例"},
    {S::in_overdue_amount, "Overdue amount", "逾期金额"},
    {S::in_overdue_share, "Share of all overdue", "占全部逾期的比例"},
    {S::in_dpd_severity, "Amount-weighted DPD", "金额加权逾期天数"},
    {S::in_revenue_share, "Revenue share, 12 months", "近12个月收入占比"},
    {S::never, "never", "从未"},
    {S::quad_act_now, "Act now", "立即处理"},
    {S::quad_negotiate, "Negotiate", "协商解决"},
    {S::quad_monitor_closely, "Monitor closely", "密切关注"},
    {S::quad_routine, "Routine", "常规跟进"},
    {S::col_priority, "Priority", "优先级"},
    {S::col_type, "Type", "类型"},
    {S::col_ability, "Ability", "还款能力"},
    {S::col_impact, "Impact", "影响程度"},
    {S::col_quadrant, "Quadrant", "风险象限"},
    // action plan
    {S::card_plan_heading, "Action plan", "应对措施"},
    {S::col_action, "Action", "措施"},
    {S::act_call, "Phone call", "电话催收"},
    {S::act_sms, "SMS reminder", "短信催收"},
    {S::act_visit, "Visit the customer", "上门拜访"},
    {S::act_formal_demand, "Formal demand letter", "发送正式催款函"},
    {S::act_credit_hold, "Credit hold", "暂停赊销（冻结额度）"},
    {S::act_lawyer, "Hand over to a lawyer", "移交律师处理"},
    {S::act_contact_understanding, "Contact the customer, show understanding", "联系客户，表示理解"},
    {S::act_grace_reminder, "Grace-period reminder", "宽限期提醒"},
    {S::act_due_reminder, "Reminder before a due date", "到期前提醒"},
    {S::act_grace_end, "Grace period ends", "宽限期结束"},
    {S::act_installment_agreement, "Sign the installment agreement", "签订分期还款协议"},
    {S::installments_heading, "Installment schedule (分期还款)", "分期还款计划"},
    {S::col_installment_no, "No.", "期数"},
    {S::installments_sum_fmt, "Sum %s = overdue amount %s", "合计 %s = 逾期金额 %s"},
    {S::grace_end_fmt, "Grace period (宽限期) ends %s", "宽限期截至 %s"},
    {S::limit_change_fmt, "Credit limit: %s", "信用额度：%s"},
    {S::limit_keep, "keep as it is", "维持不变"},
    {S::limit_freeze, "freeze (−100 %)", "冻结（−100%）"},
    {S::limit_lower_fmt, "lower by %d %%", "下调 %d%%"},
    {S::suggested_limit_fmt, "suggested limit %s (now %s)", "建议额度 %s（现为 %s）"},
    {S::no_credit_limit, "the data has no credit limit for this customer", "数据中没有该客户的信用额度"},
    {S::card_allowance_fmt, "Bad-debt allowance (坏账准备) on its open items: %s", "其未结款项的坏账准备：%s"},
    {S::contacts_heading, "Contact log", "催收记录"},
    {S::contacts_none, "No contact log loaded: the contact rules (broken promises, refusals) are not evaluated.", "未载入催收记录：违背承诺、拒付两条规则未评估。"},
    {S::contacts_summary_fmt, "%s contacts · %s promises (%s broken) · %s refusals · %s unreachable · %s paid · last %s", "联系 %s 次 · 承诺 %s 次（违约 %s 次）· 拒付 %s 次 · 无法联系 %s 次 · 已付 %s 次 · 最近 %s"},
    // overdue list
    {S::filter_type_all, "All types", "全部类型"},
    {S::filter_type_label, "Type", "类型"},
    {S::tip_priority, "1 = act first: risk quadrant, then impact, then overdue amount.", "1 = 最先处理：先按风险象限，再按影响程度、逾期金额排序。"},
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
