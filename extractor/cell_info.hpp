#pragma once
// What each cell of a document reads as, computed once per document: its value lexing and,
// for text cells, the normalized label and its key. Alignment, template detection and the
// record's tables all consult it instead of reading cells again.
#include <string>
#include <vector>

#include "extractor/normalize.hpp"
#include "tables/cell_value.hpp"
#include "tables/document.hpp"

namespace zfxxgk::extractor {

struct CellInfo {
    tables::CellValue value;
    std::string norm;  // normalize_label(text), for text cells only
    LabelKey key;      // label_key(norm), for text cells only
};

// Parallel to a Grid: rows[r][s] describes grid.rows[r].slots[s] (covered slots: default).
struct TableInfo {
    std::vector<std::vector<CellInfo>> rows;
};

// The document with its cells read.
struct ReadDocument {
    const tables::Document& doc;
    std::vector<TableInfo> tables;  // parallel to doc.tables
};

ReadDocument read_cells(const tables::Document& doc);

}  // namespace zfxxgk::extractor
