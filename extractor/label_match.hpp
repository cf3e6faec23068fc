#pragma once
// Matching cell labels against a template table: its row labels (with the other templates'
// labels for the same rows), structure labels (group rows, sub-headings, notes) and column
// headers, compared on normalized keys. Shared by alignment and template detection.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/cell_info.hpp"
#include "extractor/template.hpp"

namespace zfxxgk::extractor {

struct KeyedLabel {
    std::string full;  // normalized
    LabelKey key;
    std::string_view official;
};

struct RowLabel {
    KeyedLabel label;
    int row = 0;
    bool need_number = false;  // its body is also a column header ("其他", "总计")
    bool foreign = false;      // the label of another template's version of the row
};

struct TableMatcher {
    std::vector<RowLabel> rows;
    std::vector<KeyedLabel> structure;
    std::vector<std::string> column_bodies;
    std::vector<std::string> header_bodies;
    std::vector<std::string> markers;
    // Indexes of `rows` by label body, in order (views into `rows`, built once it is final).
    std::unordered_map<std::string_view, std::vector<std::size_t>> rows_by_body;
    std::unordered_map<std::string_view, std::vector<std::size_t>> structure_by_body;  // into `structure`
    std::unordered_set<std::string_view> column_body_set;                              // `column_bodies`
    // The canonical path of every value: paths[row][column] = "object.row.column".
    std::vector<std::vector<std::string>> paths;
};

// Built once per table spec and thread.
const TableMatcher& matcher_for(const TableSpec& spec);

// The row label a text cell is, or null.
const RowLabel* match_row(const TableMatcher& m, const CellInfo& c);

// Whether a text cell is a structure label of the table (a note in parentheses included).
bool is_structure(const TableMatcher& m, const CellInfo& c);

enum class HeaderMatch { none, exact, prefix, fragment };

// A column header, written whole, cut short (结果 for 结果维持) or split (企业 of 商业企业).
HeaderMatch match_header(const TableMatcher& m, const CellInfo& c);

// How well a document table matches a template table: matched row labels count double,
// structure and header labels once. 0 when nothing matches.
int match_score(const TableSpec& spec, const TableInfo& table);

// Number of labels in the table that only this template's version of the table has.
int marker_count(const TableSpec& spec, const TableInfo& table);

bool starts_with(std::string_view s, std::string_view p);

}  // namespace zfxxgk::extractor
