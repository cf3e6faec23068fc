#include "extractor/label_en.hpp"

#include <vector>

namespace zfxxgk::extractor {
namespace {

struct KeyText {
    std::string_view object;
    std::string_view key;
    std::string_view text;
};

struct ColumnText {
    std::string_view object;
    std::string_view key;
    std::string_view en;
    std::string_view type;
    std::string_view unit;
};

constexpr KeyText kTables[] = {
    {"active_disclosure", "", "Proactive disclosure (table 2)"},
    {"applications", "", "Applications for disclosure (table 3)"},
    {"reviews_litigation", "", "Administrative reconsideration and litigation (table 4)"},
};

// Row paths, both templates (a path means the same thing in each; 2019-only and 2021-only rows
// are marked in the text where it helps).
constexpr KeyText kRows[] = {
    // table 2 (第二十条 items)
    {"active_disclosure", "regulations", "Government rules"},
    {"active_disclosure", "normative_documents", "Normative documents"},
    {"active_disclosure", "other_documents", "Other proactively disclosed documents (Hubei extension)"},
    {"active_disclosure", "licensing", "Administrative licensing"},
    {"active_disclosure", "other_services", "Other external management and service matters"},
    {"active_disclosure", "penalty", "Administrative penalties"},
    {"active_disclosure", "coercion", "Administrative coercion"},
    {"active_disclosure", "fees", "Administrative fees"},
    {"active_disclosure", "procurement", "Government centralized procurement"},
    // table 3
    {"applications", "received", "New applications received this year"},
    {"applications", "carried_over", "Applications carried over from the previous year"},
    {"applications", "outcomes.granted", "Outcome: disclosed"},
    {"applications", "outcomes.partially_granted", "Outcome: partially disclosed"},
    {"applications", "outcomes.denied.state_secret", "Outcome: not disclosed — state secret"},
    {"applications", "outcomes.denied.prohibited_by_law",
     "Outcome: not disclosed — prohibited by other laws or administrative regulations"},
    {"applications", "outcomes.denied.security_stability",
     "Outcome: not disclosed — would endanger national, public or economic security or social stability"},
    {"applications", "outcomes.denied.third_party_rights", "Outcome: not disclosed — protects third-party rights"},
    {"applications", "outcomes.denied.internal_affairs", "Outcome: not disclosed — internal affairs information"},
    {"applications", "outcomes.denied.process_information", "Outcome: not disclosed — process information"},
    {"applications", "outcomes.denied.enforcement_files",
     "Outcome: not disclosed — administrative enforcement case files"},
    {"applications", "outcomes.denied.administrative_query", "Outcome: not disclosed — administrative query matters"},
    {"applications", "outcomes.unavailable.not_held", "Outcome: cannot be provided — not held by this agency"},
    {"applications", "outcomes.unavailable.needs_creation",
     "Outcome: cannot be provided — no existing information, would have to be created"},
    {"applications", "outcomes.unavailable.unclear_after_correction",
     "Outcome: cannot be provided — request still unclear after correction"},
    {"applications", "outcomes.not_processed.complaints",
     "Outcome: not processed — petitions, reports and complaints"},
    {"applications", "outcomes.not_processed.repeated", "Outcome: not processed — repeated application"},
    {"applications", "outcomes.not_processed.publications",
     "Outcome: not processed — request for public publications"},
    {"applications", "outcomes.not_processed.excessive",
     "Outcome: not processed — many repeated applications without good reason"},
    {"applications", "outcomes.not_processed.confirmation",
     "Outcome: not processed — request to confirm or re-issue information already obtained"},
    {"applications", "outcomes.other.no_correction",
     "Outcome: other — applicant did not supplement the application in time"},
    {"applications", "outcomes.other.fee_unpaid", "Outcome: other — applicant did not pay the fee in time"},
    {"applications", "outcomes.other.remaining", "Outcome: other — other reasons"},
    {"applications", "outcomes.other.unsplit", "Outcome: other handling (2019 template, not split)"},
    {"applications", "outcomes.total", "Outcomes: total"},
    {"applications", "carried_forward", "Carried forward to the next year"},
    // table 4
    {"reviews_litigation", "review", "Administrative reconsideration"},
    {"reviews_litigation", "litigation_direct", "Administrative litigation without prior reconsideration"},
    {"reviews_litigation", "litigation_after_review", "Administrative litigation after reconsideration"},
};

constexpr ColumnText kColumns[] = {
    // table 2, 2021 (国办公开办函〔2021〕30号)
    {"active_disclosure", "issued", "issued this year", "integer", "documents"},
    {"active_disclosure", "repealed", "repealed this year", "integer", "documents"},
    {"active_disclosure", "in_force", "in force", "integer", "documents"},
    {"active_disclosure", "decisions", "decisions this year", "integer", "decisions"},
    {"active_disclosure", "amount_10k_yuan", "fees collected this year", "number", "10,000 yuan"},
    // table 2, 2019 (国办公开办函〔2019〕60号)
    {"active_disclosure", "new_made", "newly made this year", "integer", "documents"},
    {"active_disclosure", "new_published", "newly published this year", "integer", "documents"},
    {"active_disclosure", "total_published", "total published", "integer", "documents"},
    {"active_disclosure", "prior_year_items", "items in the previous year", "integer", "items"},
    {"active_disclosure", "change", "change this year (signed)", "integer", "items"},
    {"active_disclosure", "items", "procurement projects", "integer", "projects"},
    {"active_disclosure", "amount", "total procurement amount", "number", "as written (provenance unit)"},
    // table 3
    {"applications", "natural_person", "natural persons", "integer", "applications"},
    {"applications", "commercial", "commercial enterprises", "integer", "applications"},
    {"applications", "research", "research institutions", "integer", "applications"},
    {"applications", "social_welfare", "social welfare organizations", "integer", "applications"},
    {"applications", "legal_services", "legal service organizations", "integer", "applications"},
    {"applications", "other_org", "other legal persons or organizations", "integer", "applications"},
    {"applications", "total", "total", "integer", "applications"},
    // table 4
    {"reviews_litigation", "upheld", "upheld", "integer", "cases"},
    {"reviews_litigation", "corrected", "corrected", "integer", "cases"},
    {"reviews_litigation", "other", "other result", "integer", "cases"},
    {"reviews_litigation", "pending", "not yet concluded", "integer", "cases"},
    {"reviews_litigation", "total", "total", "integer", "cases"},
};

// Chinese group labels above rows (by row-path prefix, component-wise, or the whole row path)
// and above columns, as the published tables print them.
constexpr KeyText kRowGroupsZh[] = {
    {"applications", "outcomes", "三、本年度办理结果"},
    {"applications", "outcomes.denied", "（三）不予公开"},
    {"applications", "outcomes.unavailable", "（四）无法提供"},
    {"applications", "outcomes.not_processed", "（五）不予处理"},
    {"applications", "outcomes.other", "（六）其他处理"},
    {"reviews_litigation", "litigation_direct", "行政诉讼"},
    {"reviews_litigation", "litigation_after_review", "行政诉讼"},
};
constexpr KeyText kColumnGroupsZh[] = {
    {"applications", "commercial", "法人或其他组织"},     {"applications", "research", "法人或其他组织"},
    {"applications", "social_welfare", "法人或其他组织"}, {"applications", "legal_services", "法人或其他组织"},
    {"applications", "other_org", "法人或其他组织"},
};

constexpr std::string_view kSepZh = "／";

template <std::size_t N>
std::string_view find_text(const KeyText (&list)[N], std::string_view object, std::string_view key) {
    for (const KeyText& k : list) {
        if (k.object == object && k.key == key) return k.text;
    }
    return {};
}

const ColumnText* find_column(std::string_view object, std::string_view key) {
    for (const ColumnText& c : kColumns) {
        if (c.object == object && c.key == key) return &c;
    }
    return nullptr;
}

// `prefix` is `path` or a leading run of its dot-separated components.
bool is_component_prefix(std::string_view prefix, std::string_view path) {
    return path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '.');
}

}  // namespace

std::string_view table_label_en(std::string_view object) { return find_text(kTables, object, ""); }

std::string_view row_label_en(std::string_view object, std::string_view row_path) {
    return find_text(kRows, object, row_path);
}

std::string_view column_label_en(std::string_view object, std::string_view column_key) {
    const ColumnText* c = find_column(object, column_key);
    return c == nullptr ? std::string_view() : c->en;
}

std::optional<PathDescription> describe_path(const TemplateSpec& spec, std::string_view path) {
    const std::size_t first = path.find('.');
    const std::size_t last = path.rfind('.');
    if (first == std::string_view::npos || first == last) return std::nullopt;
    const std::string_view object = path.substr(0, first);
    const std::string_view row_path = path.substr(first + 1, last - first - 1);
    const std::string_view column = path.substr(last + 1);
    for (const TableSpec& table : spec.tables) {
        if (table.object != object) continue;
        for (const RowSpec& row : table.rows) {
            if (row.path != row_path) continue;
            for (const ColumnSpec& col : table.column_sets[static_cast<std::size_t>(row.column_set)]) {
                if (col.key != column) continue;
                PathDescription d;
                std::vector<std::string_view> zh;
                for (const KeyText& g : kRowGroupsZh) {
                    if (g.object == object && is_component_prefix(g.key, row_path) && g.text != row.label) {
                        zh.push_back(g.text);
                    }
                }
                zh.push_back(row.label);
                const std::string_view column_group = find_text(kColumnGroupsZh, object, column);
                if (!column_group.empty()) zh.push_back(column_group);
                zh.push_back(col.label);
                for (std::size_t i = 0; i < zh.size(); ++i) {
                    if (i > 0) d.label_zh += kSepZh;
                    d.label_zh += zh[i];
                }
                const ColumnText* c = find_column(object, column);
                d.label_en = std::string(row_label_en(object, row_path)) + " / " +
                             std::string(c == nullptr ? std::string_view() : c->en);
                d.type = c == nullptr ? "number" : c->type;
                d.unit = c == nullptr ? "" : c->unit;
                return d;
            }
        }
    }
    return std::nullopt;
}

}  // namespace zfxxgk::extractor
