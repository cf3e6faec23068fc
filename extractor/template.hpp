#pragma once
// The national report templates as data: tables, rows, columns, canonical keys, official
// labels and the aliases real pages use. Nothing about a template lives anywhere else.
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::extractor {

struct ColumnSpec {
    std::string_view key;    // canonical key, e.g. "natural_person"
    std::string_view label;  // official label as published
};

struct RowSpec {
    std::string_view path;    // below the table object, e.g. "outcomes.denied.state_secret"
    std::string_view label;   // official label as published
    std::vector<std::string_view> aliases;  // other labels seen on real pages (old names, typos)
    int column_set = 0;       // index into TableSpec::column_sets
    bool optional = false;    // a provincial extension row: absent without a warning
};

enum class TableShape : std::uint8_t {
    labelled_rows,  // every data row starts with its label (tables 2 and 3)
    single_row,     // one row of values under a header (table 4): rows are groups of columns in order
};

struct TableSpec {
    int number = 0;                 // the report section: 2, 3 or 4
    std::string_view object;        // record key: "active_disclosure", "applications", "reviews_litigation"
    std::string_view section_zh;    // "二", "三", "四"
    TableShape shape = TableShape::labelled_rows;
    std::vector<std::vector<ColumnSpec>> column_sets;
    std::vector<RowSpec> rows;
    // Labels that structure the table without carrying values of their own: group rows,
    // sub-headings, header cells other than the column labels, notes.
    std::vector<std::string_view> structure;
    // Header labels that name the columns (in order) for the header check; empty for table 2,
    // whose columns change between its blocks.
    std::vector<std::string_view> header_columns;
    // Labels that identify this template's version of the table (for template detection).
    std::vector<std::string_view> markers;
};

struct TemplateSpec {
    std::string_view id;      // "2021" | "2019"
    std::string_view notice;  // the notice that defined it
    std::vector<TableSpec> tables;  // tables 2, 3, 4 in order
};

const TemplateSpec& template_2021();
const TemplateSpec& template_2019();
const std::vector<const TemplateSpec*>& all_templates();

// The canonical paths of a template in output order, e.g. "applications.received.natural_person".
std::vector<std::string> canonical_paths(const TemplateSpec& spec);

}  // namespace zfxxgk::extractor
