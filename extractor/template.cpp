#include "extractor/template.hpp"

namespace zfxxgk::extractor {
namespace {

// ---------------------------------------------------------------------------------------
// Table 3 columns and rows shared by both templates (国办公开办函〔2019〕60号 and
// 〔2021〕30号 differ only in （六）其他处理).
const std::vector<ColumnSpec> kApplicantColumns = {
    {"natural_person", "自然人"},       {"commercial", "商业企业"},
    {"research", "科研机构"},           {"social_welfare", "社会公益组织"},
    {"legal_services", "法律服务机构"}, {"other_org", "其他"},
    {"total", "总计"},
};

std::vector<RowSpec> applications_rows(bool split_other) {
    std::vector<RowSpec> rows = {
        {"received", "一、本年新收政府信息公开申请数量", {}},
        {"carried_over", "二、上年结转政府信息公开申请数量", {}},
        {"outcomes.granted", "（一）予以公开", {}},
        {"outcomes.partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", {}},
        {"outcomes.denied.state_secret", "1.属于国家秘密", {}},
        {"outcomes.denied.prohibited_by_law", "2.其他法律行政法规禁止公开", {}},
        {"outcomes.denied.security_stability", "3.危及“三安全一稳定”", {"3.危及三安全一稳定"}},
        {"outcomes.denied.third_party_rights", "4.保护第三方合法权益", {}},
        {"outcomes.denied.internal_affairs", "5.属于三类内部事务信息", {}},
        {"outcomes.denied.process_information", "6.属于四类过程性信息", {}},
        {"outcomes.denied.enforcement_files", "7.属于行政执法案卷", {}},
        {"outcomes.denied.administrative_query", "8.属于行政查询事项", {}},
        {"outcomes.unavailable.not_held", "1.本机关不掌握相关政府信息", {}},
        {"outcomes.unavailable.needs_creation", "2.没有现成信息需要另行制作", {}},
        {"outcomes.unavailable.unclear_after_correction", "3.补正后申请内容仍不明确", {}},
        {"outcomes.not_processed.complaints", "1.信访举报投诉类申请", {}},
        {"outcomes.not_processed.repeated", "2.重复申请", {}},
        {"outcomes.not_processed.publications", "3.要求提供公开出版物", {}},
        {"outcomes.not_processed.excessive", "4.无正当理由大量反复申请", {}},
        {"outcomes.not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", {}},
    };
    if (split_other) {
        rows.push_back({"outcomes.other.no_correction",
                        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", {}});
        rows.push_back({"outcomes.other.fee_unpaid",
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", {}});
        rows.push_back({"outcomes.other.remaining", "3.其他", {}});
    } else {
        rows.push_back({"outcomes.other.unsplit", "（六）其他处理", {}});
    }
    rows.push_back({"outcomes.total", "（七）总计", {}});
    rows.push_back({"carried_forward", "四、结转下年度继续办理", {}});
    return rows;
}

TableSpec applications_table(bool split_other) {
    TableSpec t;
    t.number = 3;
    t.object = "applications";
    t.section_zh = "三";
    t.column_sets = {kApplicantColumns};
    t.rows = applications_rows(split_other);
    t.structure = {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                   "申请人情况", "法人或其他组织", "三、本年度办理结果",
                   "（三）不予公开", "（四）无法提供", "（五）不予处理"};
    if (split_other) t.structure.push_back("（六）其他处理");
    for (const auto& c : kApplicantColumns) t.header_columns.push_back(c.label);
    if (split_other) {
        t.markers = {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"};
    }
    return t;
}

// Table 4 is identical in both templates.
TableSpec reviews_table() {
    TableSpec t;
    t.number = 4;
    t.object = "reviews_litigation";
    t.section_zh = "四";
    t.shape = TableShape::single_row;
    t.column_sets = {{{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"},
                      {"pending", "尚未审结"}, {"total", "总计"}}};
    t.rows = {{"review", "行政复议", {}},
              {"litigation_direct", "未经复议直接起诉", {}},
              {"litigation_after_review", "复议后起诉", {}}};
    t.structure = {"行政诉讼"};
    t.header_columns = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    return t;
}

// 国办公开办函〔2021〕30号, table 2: one 4-column table in blocks by 第二十条 item.
TableSpec active_disclosure_2021() {
    TableSpec t;
    t.number = 2;
    t.object = "active_disclosure";
    t.section_zh = "二";
    t.column_sets = {
        {{"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}},
        {{"decisions", "本年处理决定数量"}},
        {{"amount_10k_yuan", "本年收费金额（单位：万元）"}},
    };
    t.rows = {
        {"regulations", "规章", {}, 0},
        {"normative_documents", "行政规范性文件", {}, 0},
        {"licensing", "行政许可", {}, 1},
        {"penalty", "行政处罚", {}, 1},
        {"coercion", "行政强制", {}, 1},
        {"fees", "行政事业性收费", {}, 2},
    };
    t.structure = {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "信息内容"};
    t.markers = {"本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件", "本年处理决定数量",
                 "本年收费金额（单位：万元）"};
    return t;
}

// 国办公开办函〔2019〕60号 (试行), table 2, with 湖北's 其他主动公开文件 extension row.
TableSpec active_disclosure_2019() {
    TableSpec t;
    t.number = 2;
    t.object = "active_disclosure";
    t.section_zh = "二";
    t.column_sets = {
        {{"new_made", "本年新制作数量"}, {"new_published", "本年新公开数量"}, {"total_published", "对外公开总数量"}},
        {{"prior_year_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}},
        {{"prior_year_items", "上一年项目数量"}, {"change", "本年增/减"}},
        {{"items", "采购项目数量"}, {"amount", "采购总金额"}},
    };
    t.rows = {
        {"regulations", "规章", {}, 0},
        {"normative_documents", "规范性文件", {}, 0},
        {"other_documents", "其他主动公开文件", {}, 0, true},
        {"licensing", "行政许可", {}, 1},
        {"other_services", "其他对外管理服务事项", {}, 1},
        {"penalty", "行政处罚", {}, 1},
        {"coercion", "行政强制", {}, 1},
        {"fees", "行政事业性收费", {}, 2},
        {"procurement", "政府集中采购", {}, 3},
    };
    t.structure = {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
                   "第二十条第（九）项", "信息内容"};
    t.markers = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                 "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量", "采购总金额"};
    return t;
}

}  // namespace

const TemplateSpec& template_2021() {
    static const TemplateSpec spec{"2021", "国办公开办函〔2021〕30号",
                                   {active_disclosure_2021(), applications_table(true), reviews_table()}};
    return spec;
}

const TemplateSpec& template_2019() {
    static const TemplateSpec spec{"2019", "国办公开办函〔2019〕60号",
                                   {active_disclosure_2019(), applications_table(false), reviews_table()}};
    return spec;
}

const std::vector<const TemplateSpec*>& all_templates() {
    static const std::vector<const TemplateSpec*> list = {&template_2021(), &template_2019()};
    return list;
}

std::vector<std::string> canonical_paths(const TemplateSpec& spec) {
    std::vector<std::string> paths;
    for (const auto& table : spec.tables) {
        for (const auto& row : table.rows) {
            for (const auto& col : table.column_sets[static_cast<std::size_t>(row.column_set)]) {
                paths.push_back(std::string(table.object) + "." + std::string(row.path) + "." + std::string(col.key));
            }
        }
    }
    return paths;
}

}  // namespace zfxxgk::extractor
