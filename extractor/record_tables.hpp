#pragma once
// The record's `tables`: every table of the document as rows keyed by their label paths,
// and where each grid slot landed, so that provenance can point into them.
#include <vector>

#include "extractor/align.hpp"
#include "extractor/record.hpp"
#include "tables/grid.hpp"

namespace zfxxgk::extractor {

struct SlotPlace {
    int row = -1;  // record row; -1 when the slot is not listed (covered)
    int col = -1;  // index into that row's cells; -1 when the slot is part of the label
};

struct BuiltTable {
    RecordTable table;
    std::vector<std::vector<SlotPlace>> places;  // [grid row][slot]
};

// How a row's label ends: at its first value (template tables, whose rows may carry a label
// path like 三、… | （三）… | 1.…), or after its first cell (any other table: a unit column
// such as 计量单位 is data, not label).
enum class LabelExtent : std::uint8_t { until_value, first_cell };

// `value_slots` are the slots the aligner read as values (of this table), `row_label_slots`
// the slots it read as row labels: a row's cells start at its first value, and in a stream
// grid every row label starts a row.
BuiltTable build_record_table(const tables::Grid& grid, const TableInfo& info, int index,
                              const std::vector<SlotRef>& value_slots, const std::vector<SlotRef>& row_label_slots,
                              LabelExtent extent);

}  // namespace zfxxgk::extractor
