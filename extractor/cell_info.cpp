#include "extractor/cell_info.hpp"

namespace zfxxgk::extractor {

ReadDocument read_cells(const tables::Document& doc) {
    ReadDocument out{doc, {}};
    out.tables.resize(doc.tables.size());
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
        const auto& grid = doc.tables[t];
        auto& info = out.tables[t];
        info.rows.resize(grid.rows.size());
        for (std::size_t r = 0; r < grid.rows.size(); ++r) {
            const auto& row = grid.rows[r];
            auto& cells = info.rows[r];
            cells.resize(row.slots.size());
            for (std::size_t s = 0; s < row.slots.size(); ++s) {
                const auto& slot = row.slots[s];
                if (slot.kind != tables::SlotKind::origin) continue;
                CellInfo& c = cells[s];
                c.value = tables::read_cell_value(slot.text);
                if (c.value.kind == tables::CellKind::text) {
                    c.norm = normalize_label(slot.text);
                    c.key = label_key(c.norm);
                }
            }
        }
    }
    return out;
}

}  // namespace zfxxgk::extractor
