#include "extractor/record_tables.hpp"

#include <algorithm>
#include <utility>

#include "extractor/normalize.hpp"
#include "tables/cell_value.hpp"

namespace zfxxgk::extractor {
namespace {

using tables::SlotKind;

// Which slots of one table a list of references names, looked up in constant time.
class SlotSet {
public:
    SlotSet(const tables::Grid& grid, const std::vector<SlotRef>& refs) : offset_(grid.rows.size() + 1, 0) {
        for (std::size_t r = 0; r < grid.rows.size(); ++r) offset_[r + 1] = offset_[r] + grid.rows[r].slots.size();
        flags_.assign(offset_.back(), 0);
        for (const auto& ref : refs) {
            if (ref.row < 0 || ref.slot < 0 || static_cast<std::size_t>(ref.row) >= grid.rows.size()) continue;
            const auto r = static_cast<std::size_t>(ref.row);
            if (static_cast<std::size_t>(ref.slot) < offset_[r + 1] - offset_[r]) flags_[offset_[r] + static_cast<std::size_t>(ref.slot)] = 1;
        }
    }
    bool contains(std::size_t row, std::size_t col) const { return flags_[offset_[row] + col] != 0; }

private:
    std::vector<std::size_t> offset_;
    std::vector<unsigned char> flags_;
};

// Fills a label path whose spanning parents the markup did not repeat: leading covered slots
// take the previous row's label at their place; otherwise numbering levels (一、 > （一） > 1.)
// say which of the previous row's labels are parents.
void resolve_label(std::vector<std::string>& label, std::size_t leading_covered, const std::vector<std::string>& prev) {
    if (leading_covered > 0) {
        std::vector<std::string> full;
        for (std::size_t i = 0; i < leading_covered && i < prev.size(); ++i) full.push_back(prev[i]);
        full.insert(full.end(), label.begin(), label.end());
        label = std::move(full);
        return;
    }
    if (label.empty() || prev.empty()) return;
    const int level = numbering_level(label.front());
    if (level <= 1) return;
    std::vector<std::string> parents;
    for (const auto& p : prev) {
        const int pl = numbering_level(p);
        if (pl == 0 || pl >= level) break;
        parents.push_back(p);
    }
    if (parents.empty()) return;
    parents.insert(parents.end(), label.begin(), label.end());
    label = std::move(parents);
}

}  // namespace

BuiltTable build_record_table(const tables::Grid& grid, const TableInfo& info, int index,
                              const std::vector<SlotRef>& value_slots, const std::vector<SlotRef>& row_label_slots,
                              LabelExtent extent) {
    BuiltTable out;
    out.table.index = index;
    out.table.columns = grid.width;
    out.places.resize(grid.rows.size());
    const bool exact = grid.positions == tables::Positions::exact;
    const SlotSet values(grid, value_slots);
    const SlotSet row_labels(grid, row_label_slots);
    std::vector<std::string> prev_label;
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        const auto& row = grid.rows[r];
        auto& places = out.places[r];
        places.resize(row.slots.size());
        RecordRow rec;
        bool in_cells = false;
        std::size_t leading_covered = 0;
        bool seen_origin = false;
        std::pair<int, int> last_owner{-1, -1};
        bool rec_has_row_label = false;
        auto start_row = [&] {
            if (!exact) resolve_label(rec.label, leading_covered, prev_label);
            if (!rec.label.empty()) prev_label = rec.label;
            out.table.rows.push_back(std::move(rec));
            rec = RecordRow{};
            in_cells = false;
            leading_covered = 0;
            rec_has_row_label = false;
        };
        for (std::size_t s = 0; s < row.slots.size(); ++s) {
            const auto& slot = row.slots[s];
            // the slot's owner: itself for an origin, the spanning cell for an exact covered slot
            const std::pair<int, int> owner = slot.kind == SlotKind::origin ? std::pair<int, int>{static_cast<int>(r), static_cast<int>(s)}
                                                                             : std::pair<int, int>{slot.origin_row, slot.origin_col};
            const bool repeats_left = s > 0 && owner == last_owner;
            last_owner = owner;
            if (slot.kind == SlotKind::covered) {
                if (exact && !in_cells && slot.origin_row >= 0 && !repeats_left) {
                    // spans resolved: a label spanning down into this row is part of its label path
                    const auto& o = grid.rows[static_cast<std::size_t>(slot.origin_row)].slots[static_cast<std::size_t>(slot.origin_col)];
                    const auto& oi = info.rows[static_cast<std::size_t>(slot.origin_row)][static_cast<std::size_t>(slot.origin_col)];
                    if (oi.value.kind == tables::CellKind::text) rec.label.push_back(o.text);
                } else if (!seen_origin) {
                    ++leading_covered;
                }
                continue;
            }
            seen_origin = true;
            // A stream grid has no row boundaries of its own: every row label starts a row, and
            // so does any other label after a row label.
            const bool row_label = grid.positions == tables::Positions::stream && row_labels.contains(r, s);
            if (grid.positions == tables::Positions::stream && (!rec.label.empty() || !rec.cells.empty()) &&
                (row_label || (rec_has_row_label && !values.contains(r, s) &&
                               info.rows[r][s].value.kind == tables::CellKind::text))) {
                start_row();
            }
            rec_has_row_label = rec_has_row_label || row_label;
            // a row's cells start at its first value; a blank starts them only when read as a value
            const auto kind = info.rows[r][s].value.kind;
            const bool value = values.contains(r, s) || (kind != tables::CellKind::text && kind != tables::CellKind::blank);
            if (!in_cells && value && !(rec.label.empty() && slot.text.empty() && exact)) in_cells = true;
            if (!in_cells && extent == LabelExtent::first_cell && !rec.label.empty()) in_cells = true;
            if (in_cells) {
                places[s] = {static_cast<int>(out.table.rows.size()), static_cast<int>(rec.cells.size())};
                rec.cells.push_back(slot.text);
            } else {
                places[s] = {static_cast<int>(out.table.rows.size()), -1};
                rec.label.push_back(slot.text);
            }
        }
        if (!rec.label.empty() || !rec.cells.empty()) start_row();
    }
    while (out.table.header_rows < out.table.rows.size() && out.table.rows[out.table.header_rows].cells.empty()) {
        ++out.table.header_rows;
    }
    return out;
}

}  // namespace zfxxgk::extractor
