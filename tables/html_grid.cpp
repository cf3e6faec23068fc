#include "tables/html_grid.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace zfxxgk::tables::html_detail {

namespace {

bool is_ascii_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#rules-for-parsing-integers
// (1-4) skip ASCII whitespace; (5-6) a '-' makes the sign negative, a '+' is skipped;
// (7) the next character must be a digit, else error; (8) collect the digits and interpret
// them as base ten; (9) negate for a negative sign. Non-negative rules: a negative result is
// an error. Digits past the first non-digit are ignored ("2]" -> 2, "3.5" -> 3).
std::optional<std::uint32_t> parse_non_negative_integer(std::string_view value) {
    std::size_t i = 0;
    while (i < value.size() && is_ascii_whitespace(value[i])) {
        ++i;
    }
    bool negative = false;
    if (i < value.size() && (value[i] == '-' || value[i] == '+')) {
        negative = value[i] == '-';
        ++i;
    }
    if (i == value.size() || !is_ascii_digit(value[i])) {
        return std::nullopt;
    }
    constexpr std::uint64_t kCap = std::numeric_limits<std::uint32_t>::max();
    std::uint64_t result = 0;
    for (; i < value.size() && is_ascii_digit(value[i]); ++i) {
        result = std::min(kCap, result * 10 + static_cast<std::uint64_t>(value[i] - '0'));
    }
    if (negative && result != 0) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(result);
}

// Forming a table, processing rows, step 8: absent, unparsable or zero colspan is 1; more
// than the clamp (WHATWG: 1000) is the clamp.
std::uint32_t colspan_value(std::optional<std::string_view> attribute, std::uint32_t max_colspan) {
    const std::uint32_t clamp = std::max<std::uint32_t>(1, max_colspan);
    const auto parsed = attribute ? parse_non_negative_integer(*attribute) : std::nullopt;
    if (!parsed || *parsed == 0) {
        return 1;
    }
    return std::min(*parsed, clamp);
}

// Step 9: absent or unparsable rowspan is 1; more than the clamp (WHATWG: 65534) is the
// clamp; zero stays zero (step 10: the cell grows downward).
std::uint32_t rowspan_value(std::optional<std::string_view> attribute, std::uint32_t max_rowspan) {
    const std::uint32_t clamp = std::max<std::uint32_t>(1, max_rowspan);
    const auto parsed = attribute ? parse_non_negative_integer(*attribute) : std::nullopt;
    if (!parsed) {
        return 1;
    }
    return std::min(*parsed, clamp);
}

GridBuilder::GridBuilder(std::size_t table_index, SlotBudget& budget, Document& diagnostics_to)
    : table_index_(table_index), budget_(budget), doc_(diagnostics_to) {}

// The rest of this file follows "forming a table"
// (https://html.spec.whatwg.org/multipage/tables.html#forming-a-table), with the slots of
// the table kept as one owner array per row (cell index, -1 for none). Two deliberate
// departures, both documented in docs/tables-html.md:
//  - A rowspan that runs past the last <tr> of its row group stops there. The spec grows
//    yheight instead and the next group starts below those rows; they hold no cell anchor
//    and would be dropped as spacer rows anyway, so the result is the same, but this way a
//    rowspan=65534 costs nothing.
//  - rowspan=0 grows downward in quirks mode too (step 10 says so only for no-quirks
//    documents); the pages we read rarely have a doctype.
// Slots of a row below the current one are claimed when that row begins, in placement
// order and before the downward-growing cells, which is the order in which the spec's
// eager marking would have claimed them.

// "Processing row groups" starts a new group; rows outside any group (the spec's step 13,
// <tr> children of <table>, which gumbo never produces) form an implicit one.
void GridBuilder::begin_row_group(RowGroupKind kind) {
    end_row_group();
    const auto row = static_cast<std::uint32_t>(rows_.size());
    groups_.push_back(Group{kind, row, row});
    group_open_ = true;
}

// "Ending a row group": the downward-growing cells stop growing and the list is emptied;
// cells whose rowspan runs past the group's last row are cut there (see above).
void GridBuilder::end_row_group() {
    if (!group_open_) {
        return;
    }
    const auto end = static_cast<std::uint32_t>(rows_.size());
    for (const std::int32_t id : spanning_) {
        Cell& c = cells_[static_cast<std::size_t>(id)];
        c.height = std::min(c.height, end - c.y);
    }
    spanning_.clear();
    growing_.clear();
    groups_.back().end_row = end;
    group_open_ = false;
    row_open_ = false;
}

// "Processing rows", steps 1-3: a new row (ycurrent), xcurrent = 0, then the rowspans from
// above and the downward-growing cells claim their slots in it.
void GridBuilder::begin_row(SourcePos pos) {
    if (truncated_) {
        return;
    }
    if (!group_open_) {
        begin_row_group(RowGroupKind::head_or_body);
    }
    if (!charge(width_, pos)) {
        return;
    }
    const auto y = static_cast<std::uint32_t>(rows_.size());
    rows_.push_back(BuildRow{{}, pos});
    rows_.back().owner.reserve(width_);
    row_open_ = true;
    x_ = 0;

    std::size_t kept = 0;
    for (const std::int32_t id : spanning_) {
        const Cell& c = cells_[static_cast<std::size_t>(id)];
        if (c.y + c.height > y) {
            claim(id, y, c.x, c.x + c.colspan);
            spanning_[kept++] = id;
        }
    }
    spanning_.resize(kept);
    for (const std::int32_t id : growing_) {
        Cell& c = cells_[static_cast<std::size_t>(id)];
        claim(id, y, c.x, c.x + c.colspan);
        c.height = y - c.y + 1;
    }
}

// "Processing rows", steps 6-15 for one td/th.
void GridBuilder::add_cell(std::string text, std::uint32_t colspan, std::uint32_t rowspan,
                           SourcePos pos, bool holds_table) {
    if (truncated_ || !row_open_) {
        return;
    }
    const auto y = static_cast<std::uint32_t>(rows_.size() - 1);
    // Step 6: skip the slots that cells from above already cover.
    const std::vector<std::int32_t>& owner = rows_.back().owner;
    while (x_ < owner.size() && owner[x_] >= 0) {
        ++x_;
    }
    // Steps 7 and 11: the table widens to hold the cell.
    const std::uint64_t right = std::uint64_t{x_} + colspan;
    if (right > width_) {
        const std::size_t added = right > std::numeric_limits<std::uint32_t>::max()
                                      ? std::numeric_limits<std::size_t>::max()
                                      : static_cast<std::size_t>(right - width_) * rows_.size();
        if (!charge(added, pos)) {
            return;
        }
        width_ = static_cast<std::uint32_t>(right);
    }
    // Steps 10, 12-14: rowspan 0 grows downward, otherwise the cell covers its rowspan.
    const bool grows = rowspan == 0;
    const auto id = static_cast<std::int32_t>(cells_.size());
    cells_.push_back(Cell{std::move(text), pos, x_, y, colspan, grows ? 1 : rowspan, holds_table, false});
    claim(id, y, x_, x_ + colspan);
    if (grows) {
        growing_.push_back(id);
    } else if (rowspan > 1) {
        spanning_.push_back(id);
    }
    // Step 15.
    x_ += colspan;
}

// Step 13: "If any of the slots involved already had a cell covering them, then this is a
// table model error." The slot keeps its first owner; one diagnostic per offending cell.
void GridBuilder::claim(std::int32_t cell, std::uint32_t row, std::uint32_t x0, std::uint32_t x1) {
    std::vector<std::int32_t>& owner = rows_[row].owner;
    if (owner.size() < x1) {
        owner.resize(x1, -1);
    }
    for (std::uint32_t x = x0; x < x1; ++x) {
        if (owner[x] < 0) {
            owner[x] = cell;
            continue;
        }
        Cell& c = cells_[static_cast<std::size_t>(cell)];
        if (!c.overlap_reported) {
            c.overlap_reported = true;
            doc_.add_diagnostic(Diagnostic{
                "table_model_error",
                "tables[" + std::to_string(table_index_) + "]: a cell's rowspan/colspan covers a slot that "
                    "another cell already covers; the slot keeps its first owner",
                c.pos});
        }
    }
}

bool GridBuilder::charge(std::size_t slots, SourcePos at) {
    if (slots <= budget_.limit - std::min(budget_.limit, budget_.used)) {
        budget_.used += slots;
        return true;
    }
    if (!truncated_) {
        truncated_ = true;
        doc_.add_diagnostic(Diagnostic{
            "table_too_large",
            "tables[" + std::to_string(table_index_) + "]: the document's tables need more than " +
                std::to_string(budget_.limit) + " slots (HtmlOptions::max_slots); this row and the rest are dropped",
            at});
    }
    return false;
}

// Step 19: tfoot row groups go after all the others, whatever their place in the markup.
std::vector<std::uint32_t> GridBuilder::final_row_order() const {
    std::vector<std::uint32_t> order;
    order.reserve(rows_.size());
    for (const RowGroupKind kind : {RowGroupKind::head_or_body, RowGroupKind::foot}) {
        for (const Group& g : groups_) {
            if (g.kind == kind) {
                for (std::uint32_t r = g.first_row; r < g.end_row; ++r) {
                    order.push_back(r);
                }
            }
        }
    }
    return order;
}

// Spacer rows: a row is dropped when no cell anchored in it has text, a rowspan above 1 or
// a nested table. Such a row holds only empty one-row cells, slots no cell covers, and
// slots covered from above (whose cells then span one row less); since no span starts in
// it, dropping it never orphans a covered slot.
std::vector<bool> GridBuilder::rows_to_keep() const {
    std::vector<bool> keep(rows_.size(), false);
    for (const Cell& c : cells_) {
        if (!c.text.empty() || c.height > 1 || c.holds_table) {
            keep[c.y] = true;
        }
    }
    return keep;
}

Grid GridBuilder::finish() {
    end_row_group();
    const std::vector<std::uint32_t> order = final_row_order();
    const std::vector<bool> keep = rows_to_keep();

    // kept_before[r]: kept rows among build rows [0, r); a cell's rows are contiguous in
    // build order (they never leave their group), so its new height is a difference.
    std::vector<std::uint32_t> kept_before(rows_.size() + 1, 0);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        kept_before[r + 1] = kept_before[r] + (keep[r] ? 1 : 0);
    }
    std::vector<std::int32_t> final_index(rows_.size(), -1);
    std::int32_t next = 0;
    for (const std::uint32_t r : order) {
        if (keep[r]) {
            final_index[r] = next++;
        }
    }

    Grid grid;
    grid.width = width_;
    grid.positions = Positions::exact;
    grid.form = FlatForm::html;
    grid.rows.reserve(static_cast<std::size_t>(next));
    for (const std::uint32_t r : order) {
        if (!keep[r]) {
            continue;
        }
        const BuildRow& build = rows_[r];
        Row& row = grid.rows.emplace_back();
        row.pos = build.pos;
        // Slots that no cell covers (a row shorter than the table) stay default Slots:
        // origin, empty text, rowspan = colspan = 1, unknown position.
        row.slots.resize(width_);
        for (std::size_t x = 0; x < build.owner.size(); ++x) {
            if (build.owner[x] < 0) {
                continue;
            }
            Cell& c = cells_[static_cast<std::size_t>(build.owner[x])];
            Slot& slot = row.slots[x];
            slot.pos = c.pos;
            if (c.y == r && c.x == x) {
                slot.text = std::move(c.text);
                slot.rowspan = kept_before[c.y + c.height] - kept_before[c.y];
                slot.colspan = c.colspan;
            } else {
                slot.kind = SlotKind::covered;
                slot.origin_row = final_index[c.y];
                slot.origin_col = static_cast<std::int32_t>(c.x);
            }
        }
    }
    return grid;
}

}  // namespace zfxxgk::tables::html_detail
