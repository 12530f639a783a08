// English and Chinese texts of the core (report, letters, CSV headers, roles, rules, words), one row per
// string id.
//
// [SECTION] the string table, one row per id (page, report, letters, CSV headers)
// [SECTION] the table's order, checked at compile time
// [SECTION] role and table-kind labels
// [SECTION] lookups and formatted text
#include "overdue/text/strings.hpp"

#include <cstdarg>
#include <cstdio>
#include <utility>

namespace overdue {
namespace {

// [SECTION] the string table, one row per id (page, report, letters, CSV headers) ----------------

struct Entry {
  S id;
  const char* en;
  const char* zh;
};

constexpr Entry kEntries[] = {
    // files panel
    {S::kind_not_recognised, "Table kind not recognised", "未识别表类型"},
    // mapping screen
    {S::encoding, "Encoding", "编码"},
    {S::table_kind, "Table kind", "表类型"},
    // import summary
    {S::summary_file, "File", "文件"},
    {S::summary_read, "Read", "读取"},
    {S::summary_accepted, "Accepted", "接受"},
    {S::summary_rejected, "Rejected", "拒绝"},
    {S::summary_total, "Total", "合计"},
    {S::summary_reconciles, "Every row is accounted for: read = accepted + rejected.",
     "每一行都有着落：读取 = 接受 + 拒绝。"},
    {S::summary_does_not_reconcile, "Counts do not reconcile: read ≠ accepted + rejected.",
     "行数不平衡：读取 ≠ 接受 + 拒绝。"},
    {S::rejected_heading, "Rejected rows", "被拒绝的行"},
    {S::rejected_none, "No rejected rows.", "没有被拒绝的行。"},
    {S::error_line, "Line", "行号"},
    {S::error_reason, "Reason", "原因"},
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
    {S::role_status, "Status", "状态"},
    {S::role_account, "Account (general ledger)", "科目"},
    {S::role_line_amount, "Line amount", "行金额"},
    {S::role_disputed, "Disputed (yes/no)", "有争议（是/否）"},
    {S::role_target, "Target (0/1)", "目标变量（0/1）"},
    // table kinds
    {S::kind_ledger, "Ledger (invoices with payments)", "台账（发票含收款）"},
    {S::kind_invoices, "Invoices / sales", "应收/销售"},
    {S::kind_payments, "Payments", "收款"},
    {S::kind_running_ledger, "Running ledger", "应收账款明细账"},
    {S::kind_customers, "Customers", "客户"},
    {S::kind_contacts, "Contact log", "催收记录"},
    {S::kind_accounts, "Accounts (model lab)", "账户（模型实验）"},
    {S::kind_general_ledger, "General ledger (several accounts)", "总账/序时账（多个科目）"},
    // dashboard tabs and controls
    {S::as_of_date, "As-of date", "基准日"},
    {S::threshold_days, "Overdue after (days)", "逾期阈值（天）"},
    {S::bucket_edges, "Aging buckets (days)", "账龄分段（天）"},
    {S::replay_step, "Check every", "检查周期"},
    {S::step_day, "Day", "每日"},
    {S::step_week, "Week", "每周"},
    {S::step_month, "Month", "每月"},
    // KPI tiles
    {S::kpi_open, "Total open", "应收余额"},
    {S::kpi_overdue, "Overdue", "逾期金额"},
    {S::kpi_overdue_customers, "Overdue customers", "逾期客户"},
    {S::kpi_dso, "DSO", "应收账款周转天数 DSO"},
    {S::kpi_bpdso, "Best possible DSO", "最佳周转天数 BPDSO"},
    {S::kpi_add, "Avg. days delinquent", "平均逾期天数 ADD"},
    {S::kpi_cei, "Collection effectiveness", "回款有效性 CEI"},
    {S::kpi_days_fmt, "%s days", "%s 天"},
    {S::kpi_top_n_fmt, "Top %s share of overdue", "前 %s 名逾期集中度"},
    // charts
    {S::chart_aging, "Aging at the as-of date", "基准日账龄分布"},
    {S::chart_trend, "Open and overdue over time", "应收余额与逾期金额趋势"},
    {S::bucket_not_due, "Not due", "未到期"},
    {S::bucket_days_fmt, "%s days", "%s 天"},
    {S::series_open, "Open", "应收余额"},
    {S::series_overdue, "Overdue", "逾期金额"},
    {S::series_overdue_customers, "Overdue customers", "逾期客户数"},
    {S::chart_no_trend, "Not enough dates for a trend.", "日期太少，无法绘制趋势。"},
    // overdue list
    {S::col_customer, "Customer", "客户"},
    {S::col_overdue, "Overdue", "逾期金额"},
    {S::col_max_dpd, "Max DPD", "最长逾期天数"},
    // customer detail
    {S::col_invoice, "Invoice", "发票号"},
    {S::col_invoice_date, "Invoice date", "开票日期"},
    {S::col_due_date, "Due date", "到期日"},
    {S::col_amount, "Amount", "金额"},
    {S::col_open_amount, "Open", "未结金额"},
    {S::col_dpd, "DPD", "逾期天数"},
    {S::col_bucket, "Bucket", "账龄段"},
    {S::col_date, "Date", "日期"},
    // ledger stage
    {S::ledger_counts_fmt, "%s customers, %s invoices, %s payments", "%s 个客户，%s 张发票，%s 笔回款"},
    {S::ledger_assumptions, "Assumptions", "假设"},
    {S::ledger_notes, "Notes", "说明"},
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
    {S::low_confidence_fmt, "Low confidence: too little history (%s settled invoices; first invoice %s before the as-of date).", "置信度低：历史太短（已结清发票 %s 张；首张发票在基准日前 %s）。"},
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
    {S::note_episodes_all_fmt, "%s episodes in all; less than %d days apart count as one", "共 %s 段；间隔不足 %d 天的算作一段"},
    {S::note_record_short_fmt, "only %s settled invoices before this episode (need %s)", "本次逾期前仅结清 %s 张发票（需要 %s 张）"},
    {S::note_rose_both, "a gradual rise", "逐步上升"},
    {S::note_not_rose_both, "a gradual rise needs ≥ 33 % and still rising", "逐步上升要求中点前已完成 ≥ 33% 且仍在上升"},
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
    {S::col_rule, "Rule", "规则"},
    {S::col_value_seen, "Value seen", "实际值"},
    {S::col_threshold, "Threshold", "阈值"},
    {S::col_result, "Result", "结果"},
    {S::col_note, "Note", "说明"},
    // scores
    {S::col_points, "Points", "得分"},
    {S::in_paid_ratio, "Paid ÷ billed, 365 days", "近365天回款÷开票"},
    {S::in_recency, "Days since last payment", "距最近付款天数"},
    {S::in_partial_trend, "Partial-payment share, 180 days", "近180天部分付款比例"},
    {S::in_on_time_share, "Share of settled invoices paid on time", "按时结清发票的比例"},
    {S::in_overdue_amount, "Overdue amount", "逾期金额"},
    {S::in_overdue_share, "Share of all overdue", "占全部逾期的比例"},
    {S::in_dpd_severity, "Amount-weighted DPD", "金额加权逾期天数"},
    {S::in_revenue_share, "Revenue share, 12 months", "近12个月收入占比"},
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
    {S::contacts_summary_fmt, "%s contacts · %s promises (%s broken) · %s refusals · %s unreachable · %s paid · last %s", "联系 %s 次 · 承诺 %s 次（违约 %s 次）· 拒付 %s 次 · 无法联系 %s 次 · 已付 %s 次 · 最近 %s"},
    // types view (issue #4)
    {S::types_heading, "Overdue customers by type", "各类型逾期客户"},
    {S::col_customers, "Customers", "客户数"},
    {S::allowance_heading, "Bad-debt allowance (坏账准备)", "坏账准备"},
    {S::allowance_method, "Method", "计提方法"},
    {S::method_dpd_bucket, "By DPD bucket", "按逾期天数分段"},
    {S::method_invoice_age, "By invoice age (账龄分析法)", "账龄分析法（按开票年限）"},
    {S::col_band, "Band", "区间"},
    {S::col_rate_pct, "Rate %", "计提比例 %"},
    {S::col_invoices, "Invoices", "发票数"},
    {S::col_allowance, "Allowance", "坏账准备"},
    {S::band_dpd_fmt, "%s days", "逾期 %s 天"},
    {S::band_age_lt1, "under 1 year", "1年以内"},
    {S::band_age_1_2, "1–2 years", "1–2年"},
    {S::band_age_2_3, "2–3 years", "2–3年"},
    {S::band_age_ge3, "3 years and more", "3年以上"},
    // rule notes added with the core's R1-R3 revision
    {S::note_late_of_fmt, "%s of %s settled invoices paid late", "迟付 %s 张，共结清 %s 张"},
    {S::note_need_fmt, " (need %s)", "（需要 %s 张）"},
    {S::note_rise_mid_fmt, "%s of the rise by the midpoint (%s)", "中点前完成上升的 %s（%s）"},
    // teaching panel (issue #4): how the classification works, with the live thresholds
    {S::set_tolerance, "On-time tolerance (days)", "按时付款宽限（天）"},
    {S::set_no_payment_days, "S1 days without payment >", "S1 未付款天数 >"},
    {S::set_stubborn_dpd, "S2 deepest DPD >", "S2 最长逾期天数 >"},
    {S::set_broken, "S3 broken promises ≥", "S3 违背承诺 ≥"},
    {S::set_refusals, "S4 refusals ≥", "S4 拒付 ≥"},
    {S::set_repeated, "R1 episodes ≥", "R1 逾期段数 ≥"},
    {S::set_repeated_lookback, "R1 look-back (days)", "R1 回看天数"},
    {S::set_repeated_gap, "R1 merge episodes closer than (days)", "R1 合并间隔小于（天）"},
    {S::set_chronic_late, "R2 share paid late ≥ (%)", "R2 迟付比例 ≥（%）"},
    {S::set_rising_factor, "R3 rise factor ≥", "R3 上升倍数 ≥"},
    {S::set_rising_lookback, "R3 look-back (days)", "R3 回看天数"},
    {S::set_partial_share, "R4 partial share ≥ (%)", "R4 部分付款比例 ≥（%）"},
    {S::set_partial_min, "R4 at least (payments)", "R4 至少（笔付款）"},
    {S::set_good_record, "T1 paid on time ≥ (%)", "T1 按时付款 ≥（%）"},
    {S::set_serious_dpd, "T2 serious episode: DPD >", "T2 严重逾期：逾期天数 >"},
    {S::set_recent_episode, "T3 episode ≤ (days)", "T3 逾期天数 ≤"},
    {S::set_payments_continue, "Payment counts as recent within (days)", "近期付款的天数"},
    {S::set_min_settled, "Too little history: settled invoices <", "历史太短：已结清发票 <"},
    {S::set_min_history, "… or first invoice within (days)", "… 或首张发票距今不足（天）"},
    {S::set_high_ability, "Split: ability ≥", "分界：还款能力 ≥"},
    {S::set_high_impact, "Split: impact ≥", "分界：影响程度 ≥"},
    {S::weights_ability, "Ability weights", "还款能力权重"},
    {S::weights_impact, "Impact weights", "影响程度权重"},
    // action added by the core's plan
    {S::act_installment_due, "Installment due", "分期款到期"},
    // HTML report and reminder letters (issue #6)
    {S::report_title, "Receivables report", "应收账款分析报告"},
    {S::report_subtitle_fmt, "As of %s · overdue = more than %s days past due", "基准日 %s · 逾期 = 超过到期日 %s 天以上"},
    {S::report_contents, "Contents", "目录"},
    {S::report_privacy, "Made by OverdueLens from the files listed below, on this computer: no data was sent anywhere.", "由逾期透镜在本机根据下列文件生成，数据未发送到任何地方。"},
    {S::report_money_note, "Amounts in the ledger's currency, two decimals; the same figures as the analysis JSON (overdue-lens analyze --json).", "金额为账本币种，保留两位小数；与分析 JSON（overdue-lens analyze --json）中的数字相同。"},
    {S::report_currency_fmt, "Reporting currency: %s; other currencies converted at the rates given.", "报告币种：%s；其他币种按所给汇率折算。"},
    {S::report_currency_left_out_fmt, "Left out of every figure until a rate is given: %s (see the notes).", "以下币种未给汇率，未计入任何数字：%s（见说明）。"},
    {S::sec_reconciliation, "Data and reconciliation", "数据与核对"},
    {S::sec_parameters, "Parameters", "分析参数"},
    {S::sec_metrics, "Portfolio metrics", "组合指标"},
    {S::sec_aging, "Aging", "账龄分布"},
    {S::sec_trend, "Trend", "趋势"},
    {S::sec_customers, "Overdue customers", "逾期客户"},
    {S::sec_allowance, "Bad-debt allowance", "坏账准备"},
    {S::sec_model, "Credit-risk model lab", "信用风险模型实验室"},
    {S::rec_files_heading, "Files read", "读取的文件"},
    {S::rec_rows_fmt, "Rows read %s = accepted %s + rejected %s", "读取 %s 行 = 采用 %s 行 + 拒绝 %s 行"},
    {S::rec_ledger_heading, "Ledger built from them", "据此建立的台账"},
    {S::rec_rejected_listed_fmt, "The first %s of %s rejected rows are listed; every one is in rejected.csv (Export → Tables, or overdue-lens analyze --csv-dir).", "此处列出 %s 行（共 %s 行被拒绝）；全部见 rejected.csv（页面“导出 → 表格”，或 overdue-lens analyze --csv-dir）。"},
    {S::rec_contact_log_fmt, "Contact log: %s rows read, %s used, %s rejected.", "催收记录：读取 %s 行，采用 %s 行，拒绝 %s 行。"},
    {S::rec_no_contact_log, "No contact log was given: the broken-promise and refusal rules were not evaluated.", "未提供催收记录：违约承诺与拒付规则未评估。"},
    {S::param_monitor_heading, "Monitoring", "监测"},
    {S::param_rules_heading, "Rule thresholds", "分类规则阈值"},
    {S::param_weights_heading, "Score weights", "评分权重"},
    {S::param_actions_heading, "Actions", "行动方案"},
    {S::col_setting, "Setting", "参数"},
    {S::col_value, "Value", "取值"},
    {S::param_dso_window, "DSO and CEI window", "DSO 与 CEI 计算窗口"},
    {S::param_top_n, "Concentration: top N customers", "集中度：前 N 名客户"},
    {S::param_recency_horizon, "Recency horizon", "付款时效上限"},
    {S::param_share_cap, "Share counted as a key account", "视为重点客户的占比"},
    {S::param_severity_cap, "DPD counted as fully severe", "视为最严重的逾期天数"},
    {S::param_grace, "Grace period; reminders before its end", "宽限期；到期前提醒"},
    {S::param_due_reminder, "Reminder before an invoice falls due", "发票到期前提醒"},
    {S::param_installments, "Installment months: min / default / max", "分期月数：最少 / 默认 / 最多"},
    {S::param_ladder, "Escalation ladder (days after the as-of date)", "升级催收步骤（基准日后天数）"},
    {S::param_limits, "Credit-limit change: temporary / structural / stubborn", "信用额度调整：临时性 / 固有性 / 顽固性"},
    {S::param_days_list_fmt, "%s days", "%s 天"},
    {S::col_measure, "Measure", "指标"},
    {S::metric_past_due, "Past due (DPD ≥ 1)", "已过到期日（逾期天数 ≥ 1）"},
    {S::metric_overdue_ratio, "Overdue ÷ open", "逾期金额 ÷ 未结金额"},
    {S::metric_invoices_open, "Open invoices", "未结发票"},
    {S::metric_customers, "Customers", "客户数"},
    {S::metric_newly_overdue, "Newly overdue customers (since the previous step)", "新增逾期客户（相对上一期）"},
    {S::metric_dso_note, "DSO = receivables ÷ credit sales of the window × window days; BPDSO the same with current receivables only; ADD = DSO − BPDSO; CEI = collected ÷ collectible over the window.", "DSO = 应收余额 ÷ 窗口期赊销额 × 窗口天数；BPDSO 只计未到期应收；ADD = DSO − BPDSO；CEI = 窗口期收回金额 ÷ 可收回金额。"},
    {S::col_share, "Share", "占比"},
    {S::trend_last_fmt, "The last %s points of the trend", "趋势的最近 %s 个时点"},
    {S::trend_step_fmt, "Step: %s, from %s to %s.", "步长：%s，自 %s 至 %s。"},
    {S::cust_intro_fmt, "%s overdue customers in priority order (act on the first ones first). Each: its type and why, its scores, and the plan.", "%s 个逾期客户，按处理优先级排列。每个客户列出类型及判定依据、评分和行动方案。"},
    {S::cust_scores_fmt, "Ability to pay %s · business impact %s · %s", "还款能力 %s · 业务影响 %s · %s"},
    {S::cust_overdue_fmt, "Overdue %s · open %s · max DPD %s", "逾期 %s · 未结 %s · 最长逾期 %s 天"},
    {S::cust_no_actions, "No planned action.", "无计划行动。"},
    {S::allow_intro_fmt, "Method: %s. Rates are examples, to be set by each business.", "方法：%s。计提比例为示例，应由企业自行设定。"},
    {S::model_file_fmt, "Data: %s — target %s (bad = %s)", "数据：%s — 目标列 %s（坏 = %s）"},
    {S::model_rows_fmt, "Records read %s = accepted %s + rejected %s; %s bad (%s).", "读取 %s 条 = 采用 %s 条 + 拒绝 %s 条；坏样本 %s 条（%s）。"},
    {S::model_split_fmt, "Stratified split (seed %s): %s training rows, %s test rows. Every figure below is on the test rows.", "分层抽样（种子 %s）：训练 %s 行，测试 %s 行。下列指标均在测试集上计算。"},
    {S::model_metrics_heading, "Models on the test rows", "各模型在测试集上的表现"},
    {S::col_model, "Model", "模型"},
    {S::model_logistic, "Logistic regression", "逻辑回归"},
    {S::model_scorecard, "WoE scorecard", "WoE 评分卡"},
    {S::model_tree, "Decision tree", "决策树"},
    {S::model_failed_fmt, "%s: not fitted (%s)", "%s：未能拟合（%s）"},
    {S::chart_roc, "ROC curves (test rows)", "ROC 曲线（测试集）"},
    {S::chart_ks, "KS curve of the scorecard (test rows)", "评分卡的 KS 曲线（测试集）"},
    {S::axis_fpr, "Share of goods flagged (FPR)", "好客户被标记比例（FPR）"},
    {S::axis_tpr, "Share of bads caught (TPR)", "坏客户被识别比例（TPR）"},
    {S::axis_population, "Share of accounts flagged", "被标记账户比例"},
    {S::model_points_heading, "Scorecard points", "评分卡分值表"},
    {S::col_feature, "Feature", "特征"},
    {S::col_bin, "Bin", "分箱"},
    {S::col_woe, "WoE", "WoE"},
    {S::model_scaling_fmt, "Points = %s at odds %s : 1, %s points to double the odds; the intercept is spread over the features.", "%s 分对应好坏比 %s : 1，每 %s 分好坏比翻倍；截距已分摊到各特征。"},
    {S::model_bands_heading, "Score bands: credit limit and pricing", "分数段：信用额度与定价"},
    {S::col_score_range, "Points", "分数区间"},
    {S::col_accounts, "Accounts", "账户数"},
    {S::col_bad_rate, "Bad rate", "坏账率"},
    {S::col_limit_change, "Limit change", "额度调整"},
    {S::col_price, "Price (annual rate)", "定价（年化利率）"},
    {S::model_cutoffs_heading, "Approve / reject cutoffs", "审批分数线"},
    {S::col_cutoff, "Cutoff (points ≥)", "分数线（分数 ≥）"},
    {S::col_approval_rate, "Approved", "通过率"},
    {S::col_bad_rate_approved, "Bad rate of the approved", "通过客户的坏账率"},
    {S::model_freeze, "freeze", "冻结"},
    {S::letters_title, "Payment reminder letters", "催款函"},
    {S::letter_tpl_temporary, "# Friendly payment reminder\n\nDear {customer},\n\nThis is a friendly reminder that, as of {as_of}, the invoices below are past their due date, for a total of {overdue_amount} (the oldest is {days_overdue} days past due).\n\n{invoice_table}\n\nWe value our relationship and understand that a delay can happen. If the payment is already on its way, please disregard this letter. Otherwise we would be grateful if you could settle the amount by {deadline}, or tell us if anything is holding it up.\n\nKind regards,\n{company}\n{contact}", "# 付款提醒函\n\n{customer}：\n\n您好！截至 {as_of}，贵司下列发票已超过约定付款期限，合计 {overdue_amount}（最长已逾期 {days_overdue} 天）。\n\n{invoice_table}\n\n感谢贵司一直以来的合作与支持，偶有延迟在所难免。如款项已在支付途中，请忽略本函；否则烦请于 {deadline} 前安排付款，如有任何困难，欢迎随时与我们联系。\n\n此致\n敬礼！\n\n{company}\n{contact}"},
    {S::letter_tpl_structural, "# Proposal: an installment plan for the overdue balance\n\nDear {customer},\n\nAs of {as_of}, the invoices below, totalling {overdue_amount}, are overdue (the oldest is {days_overdue} days past due).\n\n{invoice_table}\n\nWe would like to help you clear this balance in a way that fits your cash flow, and propose to settle it in {installment_count} monthly installments:\n\n{installment_table}\n\nPlease confirm this schedule, or propose changes, by {deadline}. While the plan runs, new orders may be subject to a reduced credit limit.\n\nKind regards,\n{company}\n{contact}", "# 关于逾期款项分期还款的建议函\n\n{customer}：\n\n截至 {as_of}，贵司下列发票已逾期，合计 {overdue_amount}（最长已逾期 {days_overdue} 天）。\n\n{invoice_table}\n\n为配合贵司的资金安排，我们建议将上述欠款分 {installment_count} 期按月偿还，具体如下：\n\n{installment_table}\n\n请于 {deadline} 前确认上述还款计划或提出调整意见。分期期间，新增订单的信用额度可能相应下调。\n\n此致\n敬礼！\n\n{company}\n{contact}"},
    {S::letter_tpl_stubborn, "# Formal demand for payment\n\nDear {customer},\n\nDespite our earlier reminders, the invoices below remain unpaid. As of {as_of} the overdue amount is {overdue_amount}; the oldest invoice is {days_overdue} days past due.\n\n{invoice_table}\n\nWe hereby formally demand payment of the full overdue amount by {deadline}. Until it is received, further deliveries on credit are suspended. If the amount is not paid by that date, we will refer the matter to our legal counsel without further notice, and the costs of recovery may be claimed from you.\n\nIf you have already paid, please send us the payment details so that we can reconcile our records.\n\n{company}\n{contact}", "# 催款通知函\n\n{customer}：\n\n经我方多次提醒，贵司下列发票至今仍未付款。截至 {as_of}，逾期金额合计 {overdue_amount}，最早一张已逾期 {days_overdue} 天。\n\n{invoice_table}\n\n现正式要求贵司于 {deadline} 前付清全部逾期款项。在收到款项之前，我方暂停对贵司的赊销供货。如届时仍未付清，我方将不再另行通知，委托律师依法追收，由此产生的费用由贵司承担。\n\n如贵司已付款，请将付款凭证发送给我方，以便核对。\n\n{company}\n{contact}"},
    {S::letter_default_company, "[Our company]", "[本公司名称]"},
    {S::letter_default_contact, "[Contact person, telephone, e-mail]", "[联系人、电话、邮箱]"},
    {S::letter_total, "Total", "合计"},
    {S::letter_more_invoices_fmt, "… and %s more invoices (%s)", "……另有 %s 张发票（%s）"},
    {S::letter_no_installments, "(no installment plan)", "（无分期计划）"},
    {S::letter_none, "No overdue customer: no letter to write.", "没有逾期客户，无需发函。"},
    {S::ph_customer, "the customer's name", "客户名称"},
    {S::ph_customer_id, "the customer's id", "客户编号"},
    {S::ph_customer_contact, "the customer's contact person (customers table)", "客户联系人（客户表）"},
    {S::ph_as_of, "the as-of date", "基准日"},
    {S::ph_overdue_amount, "the customer's overdue amount", "客户的逾期金额"},
    {S::ph_open_amount, "the customer's whole open amount", "客户的全部未结金额"},
    {S::ph_days_overdue, "days past due of its oldest overdue invoice", "最早逾期发票的逾期天数"},
    {S::ph_deadline, "temporary: end of the grace period; structural: the date to agree the plan; stubborn: the credit-hold date", "临时性：宽限期截止日；固有性：确认分期计划的日期；顽固性：暂停赊销的日期"},
    {S::ph_invoice_table, "table of the overdue invoices (on its own paragraph)", "逾期发票明细表（单独成段）"},
    {S::ph_installment_table, "table of the installment plan (on its own paragraph)", "分期还款计划表（单独成段）"},
    {S::ph_installment_count, "number of installments", "分期期数"},
    {S::ph_company, "your company (set below)", "本公司名称（在下方填写）"},
    {S::ph_contact, "your contact details (set below)", "本公司联系方式（在下方填写）"},
    // CSV exports' header rows (csv_export.hpp), one per column key
    {S::csv_col_priority, "Priority", "优先级"},
    {S::csv_col_customer_id, "Customer ID", "客户编号"},
    {S::csv_col_customer_name, "Customer name", "客户名称"},
    {S::csv_col_sales_rep, "Sales rep", "业务员"},
    {S::csv_col_type, "Overdue type", "逾期类型"},
    {S::csv_col_low_confidence, "Low confidence", "历史不足"},
    {S::csv_col_overdue, "Overdue", "逾期金额"},
    {S::csv_col_open, "Open", "未收余额"},
    {S::csv_col_past_due, "Past due", "已到期未收"},
    {S::csv_col_max_dpd, "Max days past due", "最长逾期天数"},
    {S::csv_col_weighted_dpd, "Weighted days past due", "加权逾期天数"},
    {S::csv_col_last_payment, "Last payment", "最近回款日"},
    {S::csv_col_last_payment_amount, "Last payment amount", "最近回款金额"},
    {S::csv_col_days_without_payment, "Days without payment", "未回款天数"},
    {S::csv_col_ability, "Ability score", "还款能力分"},
    {S::csv_col_impact, "Impact score", "业务影响分"},
    {S::csv_col_quadrant, "Risk quadrant", "风险象限"},
    {S::csv_col_allowance, "Allowance", "坏账准备"},
    {S::csv_col_credit_limit_change_pct, "Credit limit change %", "信用额度调整%"},
    {S::csv_col_rules_held, "Rules held", "成立的规则"},
    {S::csv_col_overdue_flag, "Overdue flag", "是否逾期"},
    {S::csv_col_newly_overdue, "Newly overdue", "新增逾期"},
    {S::csv_col_revenue_share, "Revenue share (12 months)", "近12个月销售占比"},
    {S::csv_col_bucket, "Bucket", "账龄段"},
    {S::csv_col_min_dpd, "Min days past due", "最小逾期天数"},
    {S::csv_col_invoices, "Invoices", "发票数"},
    {S::csv_col_share_of_open, "Share of open", "占未收比例"},
    {S::csv_col_date, "Date", "日期"},
    {S::csv_col_overdue_customers, "Overdue customers", "逾期客户数"},
    {S::csv_col_installment, "Installment", "期数"},
    {S::csv_col_amount, "Amount", "金额"},
    {S::csv_col_file, "File", "文件"},
    {S::csv_col_line, "Line", "行号"},
    {S::csv_col_reason, "Reason", "原因"},
};

// [SECTION] the table's order, checked at compile time -------------------------------------------

constexpr bool entries_follow_enum_order() {
  if (sizeof(kEntries) / sizeof(kEntries[0]) != static_cast<size_t>(S::count_)) return false;
  for (size_t i = 0; i < sizeof(kEntries) / sizeof(kEntries[0]); ++i) {
    if (static_cast<size_t>(kEntries[i].id) != i) return false;
  }
  return true;
}
static_assert(entries_follow_enum_order(), "kEntries must list every S id once, in enum order");

// [SECTION] role and table-kind labels -----------------------------------------------------------

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
    {"status", S::role_status},
    {"account", S::role_account},
    {"line_amount", S::role_line_amount},
    {"disputed", S::role_disputed},
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
    {"general_ledger", S::kind_general_ledger},
};

template <size_t N>
const char* lookup(const std::pair<const char*, S> (&table)[N], std::string_view name, Lang lang) {
  for (const auto& [key, id] : table) {
    if (name == key) return text(id, lang);
  }
  return nullptr;
}

}  // namespace

// [SECTION] lookups and formatted text -----------------------------------------------------------

const char* text(S id, Lang lang) {
  const Entry& e = kEntries[static_cast<size_t>(id)];
  return lang == Lang::zh ? e.zh : e.en;
}

const char* role_label(std::string_view role, Lang lang) { return lookup(kRoleLabels, role, lang); }
const char* table_kind_label(std::string_view kind, Lang lang) { return lookup(kKindLabels, kind, lang); }

std::string textf(Lang lang, S id, ...) {
  // Sized exactly: some patterns (the lab's explanations) run past 1 kB in Chinese.
  va_list args, again;
  va_start(args, id);
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, text(id, lang), args);
  va_end(args);
  std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, text(id, lang), again);
  va_end(again);
  return out;
}

}  // namespace overdue
