#pragma once
// Alignment of a document's tables to a template table: which cell holds which canonical
// value. The template's label sequence is the arbiter (FLATTENED.md): a known row label
// followed by as many values as its row has columns; pipes and HTML spans are evidence.
#include <optional>
#include <string>
#include <vector>

#include "extractor/cell_info.hpp"
#include "extractor/label_match.hpp"
#include "extractor/record.hpp"
#include "extractor/template.hpp"
#include "tables/document.hpp"

namespace zfxxgk::extractor {

// A slot of the document: table index, grid row, slot index in that row.
struct SlotRef {
    int table = -1;
    int row = -1;
    int slot = -1;
    bool operator==(const SlotRef&) const = default;
};

struct AlignedValue {
    std::string path;  // full canonical path
    ValueStatus status = ValueStatus::missing;
    std::optional<double> number;
    std::optional<std::string> raw;
    std::string unit;
    std::optional<SlotRef> at;
    bool inferred = false;
};

struct PendingWarning {
    std::string code;
    std::string message;
    std::optional<SlotRef> at;
};

struct PendingUnplaced {
    SlotRef at;
    std::string raw;
    std::string reason;
};

struct AlignResult {
    std::vector<AlignedValue> values;  // every canonical path of the table spec, in order
    std::vector<PendingWarning> warnings;
    std::vector<PendingUnplaced> unplaced;
    std::vector<SlotRef> value_slots;      // slots read as values
    std::vector<SlotRef> row_label_slots;  // slots read as row labels
    int rows_found = 0;
};

// Aligns the concatenated cells of `doc_tables` (document order) to `spec`. `truncated`: the
// document ends inside the last of these tables, so a short last row is cut off, not lost.
// Labels that only the same table of another template has (规范性文件 in a 2021 table 2) still
// map, with a template_mixed warning.
AlignResult align_table(const TableSpec& spec, const ReadDocument& doc, const std::vector<int>& doc_tables,
                        bool truncated);

// The result for a table the document does not have: every value missing.
AlignResult missing_table(const TableSpec& spec);

}  // namespace zfxxgk::extractor
