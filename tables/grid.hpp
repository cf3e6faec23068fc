#pragma once
// The table model shared by every input form: a Grid of slots, each slot either the origin
// of a cell (it carries the text) or a slot covered by a rowspan/colspan of another cell.
//
// HTML tables fill a Grid with exact positions (the WHATWG "forming a table" algorithm).
// Flattened text cannot say where covered slots sit, so its grids carry the slots in the
// order the page gives them (cells in order, then the covered slots the pipes announce) and
// Grid::positions says so; the template alignment in extractor/ decides the true positions.
#include <cstdint>
#include <string>
#include <vector>

namespace zfxxgk::tables {

// Where something came from in the input: 1-based line and column (column counts bytes),
// 0-based byte offset. Zero line means unknown.
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t offset = 0;
};

enum class SlotKind : std::uint8_t {
    origin,   // a cell starts here and this slot holds its text
    covered,  // covered by the span of the cell at (origin_row, origin_col)
};

struct Slot {
    SlotKind kind = SlotKind::origin;
    std::string text;            // the cell's text for an origin slot (UTF-8, line breaks kept as '\n'); empty for covered
    std::uint32_t rowspan = 1;   // for origin slots
    std::uint32_t colspan = 1;
    // For covered slots: the origin's position when it is known (exact grids); -1 when the
    // markup does not say (flattened grids announce covered slots without their owner).
    std::int32_t origin_row = -1;
    std::int32_t origin_col = -1;
    SourcePos pos;
};

enum class Positions : std::uint8_t {
    exact,     // slots sit at their true grid positions (HTML)
    as_given,  // rows hold the cells in page order followed by the covered slots announced (flattened text)
    stream,    // the markup gives no row boundaries at all: each row is one cell as it came
};

// How a flattened table was written; kept so that diagnostics and tests can say which
// reading of the pipes was used (FLATTENED.md lists the forms).
enum class FlatForm : std::uint8_t {
    html,             // not flattened
    row_per_line,     // `a | b | c |`
    cell_per_line,    // `a |` lines, covered runs counted to the table width (the seed's form)
    row_separated,    // `a |` lines with a bare `|` line before every row
    alternating,      // `a` / `|` / `b` / `|`
    no_pipes,         // one cell per line, no pipes at all
};

struct Row {
    std::vector<Slot> slots;
    SourcePos pos;
};

struct Grid {
    std::vector<Row> rows;
    std::uint32_t width = 0;   // the grid width the markup announces (0 when it cannot say)
    Positions positions = Positions::exact;
    FlatForm form = FlatForm::html;
    SourcePos pos;             // where the table starts
    // HTML: index in Document::tables of the table whose cell holds this one (a layout
    // table around a report table); -1 for a table not nested in another, and for
    // flattened grids.
    std::int32_t parent = -1;

    [[nodiscard]] std::size_t row_count() const { return rows.size(); }
};

// A problem in the input, kept as data and capped (see Document::diagnostics).
struct Diagnostic {
    std::string code;      // e.g. "table_model_error", "pipe_count_mismatch"
    std::string message;
    SourcePos pos;
};

}  // namespace zfxxgk::tables
