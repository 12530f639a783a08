// Header spellings of every role, in Chinese and English, from the accounting exports listed in
// shared/EXPORT-FORMATS.md (Kingdee 金蝶, Yonyou 用友, Excel 台账 templates, QuickBooks, Xero,
// ERPNext, Zoho) and the model-lab data sets (UCI credit default, Give Me Some Credit).
// Each family lists the roles a spelling can take, in preference order: the table kind then
// picks the first role valid in that kind (role_kind_rules.cpp).
#include "overdue/roles/synonyms.hpp"

#include <algorithm>
#include <unordered_map>

#include "overdue/roles/roles.hpp"

namespace overdue {
namespace {

struct SynonymFamily {
  int strength;
  std::vector<const char*> roles;      // preference order
  std::vector<const char*> spellings;  // written as exports print them
};

// clang-format off
const std::vector<SynonymFamily>& synonym_families() {
  static const std::vector<SynonymFamily> families = {
  // --- who -----------------------------------------------------------------------------------
  {kSpecificMatch, {"customer_id"}, {
    "客户编号", "客户编码", "客户代码", "客户代号", "客户ID", "客户号", "往来单位编码", "对账对象编码",
    "客商编号", "客商编码", "单位编码", "customer id", "customer no", "customer number",
    "customer code", "client id", "client no", "client code", "account id",
    "account no", "account number", "contact account number", "party id", "cust id", "cust no"}},
  {kGenericMatch, {"customer_id"}, {"account"}},
  // A bare "ID" is the customer's in a customer list, the document's in an ERPNext invoice list
  // (where the content veto rules the customer out: a distinct value on every row).
  {kGenericMatch, {"customer_id", "invoice_id"}, {"id"}},
  {kSpecificMatch, {"customer_name"}, {
    "客户", "客户名称", "客户名", "客户全称", "客户简称", "单位名称", "往来单位", "往来单位名称",
    "对账对象名称", "购货单位", "购买方", "购方名称", "customer", "customer name",
    "customer full name", "client", "client name", "party name", "party's name",
    "cust name", "debtor", "debtor name", "buyer"}},
  // ERPNext's "Customer" is the customer's key: next to "Customer Name" it is the id.
  {kSpecificMatch, {"customer_name", "customer_id"}, {"customer"}},
  // ERPNext's "Party" is the customer's key; next to "Customer Name" it is the id.
  {kSpecificMatch, {"customer_name", "customer_id"}, {"party"}},
  {kGenericMatch, {"customer_name"}, {"name", "名称"}},

  // --- invoices ------------------------------------------------------------------------------
  {kSpecificMatch, {"invoice_id"}, {
    "发票号", "发票号码", "发票编号", "单据编号", "单据号", "单号", "应收付单据号", "业务单号",
    "订单号", "销售单号", "出库单号", "invoice", "invoice no", "invoice #", "invoice number",
    "invoice id", "inv no", "num", "doc no", "document no", "document number", "voucher no",
    "ref no", "bill no", "transaction no", "order no"}},
  {kGenericMatch, {"invoice_id"}, {"reference", "ref"}},
  {kSpecificMatch, {"invoice_date"}, {
    "发票日期", "开票日期", "单据日期", "销售日期", "出库日期", "发货日期", "invoice date",
    "inv date", "bill date", "billing date", "document date", "doc date", "issue date"}},
  {kSpecificMatch, {"invoice_date", "entry_date"}, {"业务日期", "posting date"}},
  {kGenericMatch, {"invoice_date", "payment_date", "entry_date", "contact_date"}, {
    "date", "日期", "txn date", "transaction date", "交易日期"}},
  {kSpecificMatch, {"due_date"}, {
    "到期日", "到期日期", "应收日期", "付款到期日", "最后付款日", "应付日期", "due date", "due on",
    "payment due date", "due by"}},
  {kSpecificMatch, {"terms_days"}, {
    "账期", "账期天数", "信用期", "信用期限", "信用天数", "付款条件", "付款期限", "收款条件",
    "结算期", "terms", "term", "net days", "payment terms", "payment term", "credit terms",
    "credit days", "terms days"}},
  {kSpecificMatch, {"amount"}, {
    "价税合计", "发票金额", "应收金额", "开票金额", "销售金额", "含税金额", "本期应收", "本币金额",
    "原币金额", "本期销货应收账款", "总金额", "合计金额", "应收款", "invoice amount",
    "invoice total", "invoiced amount", "invoice grand total", "grand total", "total amount",
    "billed amount", "sales amount", "original amount", "amount billed", "amount in local currency"}},
  {kGenericMatch, {"amount", "payment_amount"}, {"金额", "total", "amt", "amount"}},
  // Kingdee 精斗云 对账单: the goods' value before discount; 应收金额 beside it is the invoice amount.
  {kGenericMatch, {"amount"}, {"出库金额"}},
  {kSpecificMatch, {"paid_amount", "payment_amount"}, {
    "已收金额", "已收款", "已收款金额", "已收", "实际收款金额", "本期收款", "本期已收帐款",
    "本期已收帳款", "已核销金额", "已结金额", "paid", "amount paid", "paid amount",
    "amount received", "received amount", "payments received", "paid to date", "total paid"}},
  {kSpecificMatch, {"paid_date", "payment_date"}, {
    "结清日期", "付清日期", "paid date", "settled date", "settlement date", "cleared date",
    "paid on", "closed date", "date settled", "date cleared"}},
  {kSpecificMatch, {"payment_date", "paid_date"}, {
    "收款日期", "付款日期", "回款日期", "到账日期", "核销日期", "收款时间", "payment date",
    "date paid", "receipt date", "received date", "date received", "pay date"}},
  {kSpecificMatch, {"payment_amount", "paid_amount"}, {
    "收款金额", "回款金额", "付款金额", "到账金额", "实收金额", "payment amount", "payment",
    "receipt amount", "amount of payment"}},
  {kSpecificMatch, {"open_amount", "balance"}, {
    "未收金额", "未收款金额", "尚未收款金额", "应收余额", "应收款余额", "未核销金额",
    "期末未收帐款", "期末未收帳款", "欠款", "欠款金额", "剩余金额", "未结金额", "open balance",
    "open amount", "outstanding amount", "outstanding", "balance due", "amount due",
    "pending amount", "remaining balance", "amount remaining", "unpaid amount", "amount outstanding"}},
  {kGenericMatch, {"open_amount"}, {"due"}},

  // --- running ledger (Kingdee 明细账: 日期, 凭证字号, 摘要, 借方, 贷方, 方向, 余额) -------------------
  {kSpecificMatch, {"entry_date"}, {"凭证日期", "记账日期", "entry date", "voucher date"}},
  {kSpecificMatch, {"debit"}, {
    "借方", "借方金额", "借方发生额", "借方发生", "本期借方", "应收增加", "debit", "debit amount", "dr"}},
  {kSpecificMatch, {"credit"}, {
    "贷方", "贷方金额", "贷方发生额", "贷方发生", "本期贷方", "应收减少", "credit", "credit amount", "cr"}},
  {kSpecificMatch, {"balance", "open_amount"}, {
    "余额", "期末余额", "本币余额", "原币余额", "balance", "closing balance", "running balance",
    "ending balance"}},
  {kSpecificMatch, {"direction"}, {
    "方向", "余额方向", "借贷方向", "借或贷", "借贷", "direction", "dr cr", "balance direction"}},

  // --- any table -----------------------------------------------------------------------------
  {kSpecificMatch, {"currency"}, {"币种", "币别", "货币", "币别原币", "currency", "currency code", "curr", "ccy"}},
  {kSpecificMatch, {"sales_rep"}, {
    "业务员", "销售员", "销售人员", "职员", "职员编码", "经办人", "业务代表", "sales rep",
    "salesperson", "sales person", "salesman", "sales agent", "account manager", "rep"}},

  {kSpecificMatch, {"status"}, {
    "状态", "单据状态", "发票状态", "审核状态", "status", "invoice status", "payment status", "state"}},
  {kSpecificMatch, {"disputed"}, {
    "争议", "是否争议", "有争议", "disputed", "in dispute", "dispute", "dispute flag", "is disputed"}},
  {kSpecificMatch, {"line_amount"}, {
    "行金额", "明细金额", "line total", "line amount", "item total", "item amount", "line_total",
    "item_total", "line subtotal"}},
  // A general ledger's account (科目): only valid in that kind; elsewhere "account name" is the customer.
  {kSpecificMatch, {"account", "customer_name"}, {"account name"}},
  {kSpecificMatch, {"account"}, {"科目名称", "会计科目", "科目", "科目代码", "科目编码", "account code", "gl account", "ledger account",
    "gl account name", "account number and name"}},

  // --- customers -----------------------------------------------------------------------------
  {kSpecificMatch, {"contact"}, {
    "联系人", "电话", "联系电话", "手机", "手机号", "邮箱", "电子邮件", "contact", "contact person",
    "phone", "telephone", "mobile", "email", "e mail", "tel", "customer contact"}},
  {kSpecificMatch, {"contact", "channel"}, {"联系方式"}},
  // Xero's ContactName is the customer of an invoice; in a customer list it is the contact person.
  {kSpecificMatch, {"contact", "customer_name"}, {"contact name"}},
  {kSpecificMatch, {"company"}, {
    "公司", "公司名称", "企业名称", "所属公司", "company", "company name", "organization",
    "organisation", "business name", "employer"}},
  {kSpecificMatch, {"person_in_charge"}, {
    "负责人", "法人", "法定代表人", "法人代表", "客户经理", "person in charge", "responsible person",
    "owner", "key person", "manager"}},
  {kSpecificMatch, {"credit_limit"}, {
    "信用额度", "授信额度", "信用限额", "额度", "credit limit", "credit line", "limit", "limit bal"}},
  {kSpecificMatch, {"segment"}, {
    "客户分类", "客户类型", "客户类别", "客户等级", "客户分组", "分类", "类别", "行业", "segment",
    "customer group", "customer type", "customer class", "customer segment", "category", "tier",
    "group"}},
  {kGenericMatch, {"segment"}, {"territory", "region", "地区", "区域"}},

  // --- contact log (催收记录) ------------------------------------------------------------------
  {kSpecificMatch, {"contact_date"}, {
    "联系日期", "催收日期", "跟进日期", "拜访日期", "沟通日期", "联系时间", "催收时间",
    "contact date", "call date", "follow up date", "visit date", "collection date"}},
  {kSpecificMatch, {"channel"}, {
    "方式", "催收方式", "沟通方式", "跟进方式", "渠道", "channel", "method", "contact method",
    "contact channel", "via"}},
  {kSpecificMatch, {"outcome"}, {
    "结果", "催收结果", "联系结果", "跟进结果", "沟通结果", "反馈", "outcome", "result", "response",
    "call result"}},
  {kSpecificMatch, {"promised_date"}, {
    "承诺日期", "承诺还款日期", "承诺付款日期", "约定还款日期", "约定付款日期", "promised date",
    "promise date", "ptp date", "promise to pay date"}},
  {kSpecificMatch, {"promised_amount"}, {
    "承诺金额", "承诺还款金额", "承诺付款金额", "约定还款金额", "promised amount", "promise amount",
    "ptp amount"}},

  // --- model lab (accounts) ------------------------------------------------------------------
  {kSpecificMatch, {"target"}, {
    "default", "label", "bad", "y", "seriousdlqin2yrs", "default.payment.next.month",
    "default payment next month", "is default", "defaulted", "bad flag", "default flag",
    "违约", "是否违约", "违约标志", "坏客户"}},
  };
  return families;
}
// clang-format on

using CandidateTable = std::unordered_map<std::string, std::vector<RoleCandidate>>;

CandidateTable build_table() {
  CandidateTable table;
  // A header spelled like a role name takes that role first (DESIGN.md §1).
  for (const Role role : all_roles())
    table[normalize_header(role_name(role))].push_back({role, kExactRoleName, 0, {}});
  for (const SynonymFamily& f : synonym_families())
    for (const char* spelling : f.spellings) {
      std::vector<RoleCandidate>& list = table[normalize_header(spelling)];
      for (const char* name : f.roles) {
        Role role = Role::none;
        if (!parse_role(name, role)) continue;  // a typo in the table: see synonym_table_problems()
        list.push_back({role, f.strength, 0, {}});
      }
    }
  for (auto& [key, list] : table) {
    std::stable_sort(list.begin(), list.end(),
                     [](const RoleCandidate& a, const RoleCandidate& b) { return a.strength > b.strength; });
    // Keep each role once, at its strongest (first) position.
    std::vector<RoleCandidate> unique;
    for (const RoleCandidate& c : list)
      if (std::none_of(unique.begin(), unique.end(), [&](const RoleCandidate& u) { return u.role == c.role; }))
        unique.push_back(c);
    list = std::move(unique);
  }
  return table;
}

}  // namespace

std::vector<std::string> synonym_table_problems() {
  std::vector<std::string> problems;
  for (const SynonymFamily& f : synonym_families()) {
    Role ignored = Role::none;
    for (const char* role : f.roles)
      if (!parse_role(role, ignored)) problems.push_back(std::string("unknown role ") + role);
    for (const char* spelling : f.spellings)
      if (normalize_header(spelling).empty()) problems.push_back(std::string("empty spelling ") + spelling);
  }
  return problems;
}

std::vector<RoleCandidate> synonym_candidates(const std::string& normalized_header) {
  static const CandidateTable table = build_table();
  const auto it = table.find(normalized_header);
  return it == table.end() ? std::vector<RoleCandidate>{} : it->second;
}

}  // namespace overdue
