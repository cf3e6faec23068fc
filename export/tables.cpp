#include "export/tables.hpp"

#include <algorithm>

namespace zfxxgk::exporting {
namespace {

using extractor::Record;

constexpr Column kReportsColumns[] = {
    {"report_id", "INTEGER"},  {"file", "TEXT"},         {"agency", "TEXT"},
    {"agency_name", "TEXT"},   {"agency_as_written", "TEXT"}, {"region_code", "TEXT"},
    {"year", "INTEGER"},       {"template", "TEXT"},     {"title", "TEXT"},
    {"published", "TEXT"},     {"source_path", "TEXT"},  {"source_url", "TEXT"},
    {"sha256", "TEXT"},        {"bytes", "INTEGER"},     {"encoding", "TEXT"},
    {"form", "TEXT"},          {"fetched_at", "TEXT"},   {"extractor_version", "TEXT"},
    {"in_panel", "INTEGER"},   {"checks_failed", "INTEGER"}, {"warnings", "INTEGER"},
};

constexpr Column kLongColumns[] = {
    {"report_id", "INTEGER"}, {"agency", "TEXT"}, {"agency_name", "TEXT"}, {"region_code", "TEXT"},
    {"year", "INTEGER"},      {"template", "TEXT"}, {"path", "TEXT"},      {"label_zh", "TEXT"},
    {"label_en", "TEXT"},     {"value", "REAL"},  {"status", "TEXT"},      {"raw", "TEXT"},
    {"unit", "TEXT"},         {"source", "TEXT"}, {"sha256", "TEXT"},
};

constexpr Column kChecksColumns[] = {
    {"report_id", "INTEGER"}, {"agency", "TEXT"},  {"year", "INTEGER"}, {"scope", "TEXT"},
    {"rule", "TEXT"},         {"subject", "TEXT"}, {"status", "TEXT"},  {"expected", "REAL"},
    {"actual", "REAL"},       {"detail", "TEXT"},
};

constexpr Column kWarningsColumns[] = {
    {"report_id", "INTEGER"}, {"agency", "TEXT"},  {"year", "INTEGER"},        {"code", "TEXT"},
    {"message", "TEXT"},      {"table_index", "INTEGER"}, {"row_index", "INTEGER"},
};

constexpr Column kDictionaryColumns[] = {
    {"template", "TEXT"}, {"path", "TEXT"}, {"label_zh", "TEXT"},
    {"label_en", "TEXT"}, {"type", "TEXT"}, {"unit", "TEXT"},
};

Field agency_field(const ReportInfo& info) { return Field::text_or_null(info.agency); }

Field index_field(int i) { return i < 0 ? Field{} : Field::of(static_cast<std::int64_t>(i)); }

}  // namespace

const TableSchema kReportsTable{"reports", kReportsColumns};
const TableSchema kLongTable{"long", kLongColumns};
const TableSchema kChecksTable{"checks", kChecksColumns};
const TableSchema kWarningsTable{"warnings", kWarningsColumns};
const TableSchema kDictionaryTable{"dictionary", kDictionaryColumns};

void report_fields(const ReportInfo& info, const Record& r, std::vector<Field>& out) {
    const auto failed = std::count_if(r.checks.begin(), r.checks.end(),
                                      [](const extractor::Check& c) { return c.status == extractor::CheckStatus::fail; });
    out.assign({
        Field::of(info.report_id),
        Field::of(std::string_view(info.file)),
        agency_field(info),
        Field::of(r.agency),
        Field::of(r.agency_as_written),
        Field::of(r.region_code),
        Field::of(r.year),
        Field::of(std::string_view(r.template_id)),
        Field::of(r.title),
        Field::of(r.published),
        Field::of(std::string_view(r.source.path)),
        Field::of(r.source.url),
        Field::of(std::string_view(r.source.sha256)),
        Field::of(static_cast<std::int64_t>(r.source.bytes)),
        Field::of(std::string_view(r.source.encoding)),
        Field::of(std::string_view(r.source.form)),
        Field::of(r.source.fetched_at),
        Field::text_or_null(info.extractor_version),
        Field::of(static_cast<std::int64_t>(info.in_panel ? 1 : 0)),
        Field::of(static_cast<std::int64_t>(failed)),
        Field::of(static_cast<std::int64_t>(r.warnings.size())),
    });
}

void long_fields(const ReportInfo& info, const Record& r, const extractor::Value& v, std::vector<Field>& out) {
    const DictionaryEntry* labels = labels_for(r.template_id, v.path);
    const std::string_view source = r.source.url ? std::string_view(*r.source.url) : std::string_view(r.source.path);
    out.assign({
        Field::of(info.report_id),
        agency_field(info),
        Field::of(r.agency),
        Field::of(r.region_code),
        Field::of(r.year),
        Field::of(std::string_view(r.template_id)),
        Field::of(std::string_view(v.path)),
        labels != nullptr ? Field::of(std::string_view(labels->label_zh)) : Field{},
        labels != nullptr ? Field::of(std::string_view(labels->label_en)) : Field{},
        Field::of(v.number),
        Field::of(std::string_view(extractor::to_string(v.provenance.status))),
        Field::of(v.provenance.raw),
        Field::text_or_null(v.provenance.unit),
        Field::of(source),
        Field::of(std::string_view(r.source.sha256)),
    });
}

void check_fields(const CheckRow& c, std::vector<Field>& out) {
    out.assign({
        c.report_id > 0 ? Field::of(c.report_id) : Field{},
        Field::text_or_null(c.agency),
        Field::of(c.year),
        Field::of(std::string_view(to_string(c.scope))),
        Field::of(std::string_view(c.rule)),
        Field::of(std::string_view(c.subject)),
        Field::of(std::string_view(to_string(c.outcome))),
        Field::of(c.expected),
        Field::of(c.actual),
        Field::text_or_null(c.detail),
    });
}

void warning_fields(const ReportInfo& info, const Record& r, const extractor::Warning& w, std::vector<Field>& out) {
    out.assign({
        Field::of(info.report_id),
        agency_field(info),
        Field::of(r.year),
        Field::of(std::string_view(w.code)),
        Field::of(std::string_view(w.message)),
        index_field(w.table),
        index_field(w.row),
    });
}

void dictionary_fields(const DictionaryEntry& e, std::vector<Field>& out) {
    out.assign({
        Field::of(std::string_view(e.template_id)),
        Field::of(std::string_view(e.path)),
        Field::of(std::string_view(e.label_zh)),
        Field::of(std::string_view(e.label_en)),
        Field::of(std::string_view(e.type)),
        Field::text_or_null(e.unit),
    });
}

int column_index(const TableSchema& table, std::string_view name) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (name == table.columns[i].name) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace zfxxgk::exporting
