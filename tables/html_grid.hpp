#pragma once
// Internal to tables/: builds one Grid from the rows and cells of an HTML table, fed in
// document order by the HTML walker (tables/html.cpp). Knows nothing about gumbo, so the
// table model can be tested and reused without a parse tree.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tables/document.hpp"
#include "tables/grid.hpp"

namespace zfxxgk::tables::html_detail {

// HTML "rules for parsing non-negative integers": skip leading ASCII whitespace, take an
// optional sign, then the leading run of ASCII digits ("2]" -> 2, " 3" -> 3, "-0" -> 0).
// No digits, or a negative value, is an error (nullopt). Saturates at UINT32_MAX.
std::optional<std::uint32_t> parse_non_negative_integer(std::string_view value);

// The colspan/rowspan values of the "forming a table" algorithm (steps 8-9 of processing
// rows): colspan 1..max_colspan (error or 0 gives 1); rowspan 0..max_rowspan (error gives 1,
// 0 means "grows to the end of its row group").
std::uint32_t colspan_value(std::optional<std::string_view> attribute, std::uint32_t max_colspan);
std::uint32_t rowspan_value(std::optional<std::string_view> attribute, std::uint32_t max_rowspan);

// Slots (rows x width, summed over every grid of a document) that may still be built; a
// table that would grow past the limit stops taking rows (diagnostic "table_too_large").
struct SlotBudget {
    std::size_t used = 0;
    std::size_t limit = 0;
};

enum class RowGroupKind : std::uint8_t { head_or_body, foot };

// Rows and cells go in as the markup gives them; finish() returns the grid. Contract:
// begin_row() before add_cell(); a row group, once begun, lasts until end_row_group(), the
// next begin_row_group() or finish(). Rows outside any group form an implicit body group.
class GridBuilder {
public:
    GridBuilder(std::size_t table_index, SlotBudget& budget, Document& diagnostics_to);

    void begin_row_group(RowGroupKind kind);
    void end_row_group();
    void begin_row(SourcePos pos);
    // rowspan 0 grows downward (see rowspan_value). holds_table: the cell contains a
    // nested table, which keeps its row from being dropped as a spacer row.
    void add_cell(std::string text, std::uint32_t colspan, std::uint32_t rowspan, SourcePos pos,
                  bool holds_table);

    [[nodiscard]] Grid finish();

private:
    struct Cell {
        std::string text;
        SourcePos pos;
        std::uint32_t x = 0;
        std::uint32_t y = 0;        // build row index (rows_ order)
        std::uint32_t colspan = 1;
        std::uint32_t height = 1;   // rows covered; clamped to its row group when the group ends
        bool holds_table = false;
        bool overlap_reported = false;
    };
    struct BuildRow {
        std::vector<std::int32_t> owner;   // cell index per slot, -1 = no cell; may be shorter than width_
        SourcePos pos;
    };
    struct Group {
        RowGroupKind kind = RowGroupKind::head_or_body;
        std::uint32_t first_row = 0;
        std::uint32_t end_row = 0;
    };

    void claim(std::int32_t cell, std::uint32_t row, std::uint32_t x0, std::uint32_t x1);
    [[nodiscard]] bool charge(std::size_t slots, SourcePos at);
    [[nodiscard]] std::vector<std::uint32_t> final_row_order() const;
    [[nodiscard]] std::vector<bool> rows_to_keep() const;

    std::size_t table_index_;
    SlotBudget& budget_;
    Document& doc_;

    std::vector<Cell> cells_;
    std::vector<BuildRow> rows_;
    std::vector<Group> groups_;
    std::vector<std::int32_t> spanning_;   // cells whose rowspan reaches below their row, in placement order
    std::vector<std::int32_t> growing_;    // rowspan=0 cells of the open row group
    std::uint32_t width_ = 0;              // xwidth
    std::uint32_t x_ = 0;                  // xcurrent
    bool group_open_ = false;
    bool row_open_ = false;
    bool truncated_ = false;
};

}  // namespace zfxxgk::tables::html_detail
