#pragma once
// Internal to tables/: the Document-building side of the HTML reader. A driver walks the
// element tree in document order — gumbo's tree (tables/html.cpp) or the fast path's
// token stream (tables/html_fast.cpp) — and calls enter()/leave() per element and text()
// per text node; the emitter turns that into blocks, headings, paragraphs, the title and
// exact grids, so both drivers give the same Document for the same tree.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "tables/document.hpp"
#include "tables/html.hpp"
#include "tables/html_grid.hpp"
#include "tables/html_text.hpp"

namespace zfxxgk::tables::html_detail {

// What an element means to the emitter. Table-structure classes apply only where the
// tree puts them (a <tr> whose parent is the open table or its row group, ...); elsewhere
// those elements are plain blocks.
enum class TagClass : std::uint8_t {
    other,       // inline or unknown (Word's <o:p>): descend, no boundary
    skip,        // subtree ignored
    block,       // block-level: a paragraph/line boundary before and after
    line_break,  // <br>
    heading,     // h1-h6
    title,
    head,
    table,
    caption,
    row_group,   // thead, tbody, tfoot
    row,
    cell,        // td, th
};

// Identity of an element, unique within one document (gumbo: the node's address; the
// fast path: a counter), never 0. Used for the parent checks of table parts.
using NodeId = std::uintptr_t;

// Byte offset of something the markup does not show (an element the parser implied).
inline constexpr std::uint32_t kUnknownOffset = 0xFFFFFFFFu;

struct ElementStart {
    TagClass cls = TagClass::other;
    NodeId node = 0;
    NodeId parent = 0;
    std::uint32_t offset = kUnknownOffset;   // of the start tag's '<'
    bool foot = false;          // row_group: a <tfoot>
    bool holds_table = false;   // cell: a <table> among its descendants
    std::optional<std::string_view> colspan;   // cell: the attribute values as parsed
    std::optional<std::string_view> rowspan;
};

class HtmlEmitter {
public:
    // What leave() must undo. skip: the driver does not descend and does not call leave().
    enum class Exit : std::uint8_t { skip, none, boundary, heading, title, caption, table, row_group, row, cell, pop_sink };

    // html: the whole input (positions are byte offsets into it).
    HtmlEmitter(std::string_view html, const HtmlOptions& options);

    [[nodiscard]] Exit enter(const ElementStart& element);
    void leave(Exit exit);
    // One text node: its decoded text and the byte offset of its first character.
    void text(std::string_view text, std::uint32_t offset);
    // Ends the walk; the emitter is spent afterwards.
    [[nodiscard]] Document finish();

private:
    enum class SinkKind : std::uint8_t { paragraph, heading, title, caption, cell, none };
    struct Sink {
        SinkKind kind = SinkKind::none;
        TextCollector text;
        SourcePos pos;
    };
    struct OpenTable {
        OpenTable(NodeId table, std::size_t table_index, std::size_t block_index, std::int32_t parent_index,
                  SourcePos table_pos, GridBuilder grid)
            : node(table), index(table_index), block(block_index), parent(parent_index), pos(table_pos),
              builder(std::move(grid)) {}

        NodeId node;
        NodeId group = 0;         // the open thead/tbody/tfoot child, 0 if none
        NodeId row = 0;           // the open tr, 0 if none
        std::size_t index;        // in Document::tables
        std::size_t block;        // in Document::blocks
        std::int32_t parent;
        SourcePos pos;
        GridBuilder builder;
        // The open cell, if any.
        bool in_cell = false;
        bool cell_holds_table = false;
        bool layout_cell = false;   // the cell holds a table: its content is read as blocks
        std::uint32_t colspan = 1;
        std::uint32_t rowspan = 1;
        SourcePos cell_pos;
    };

    bool enter_table_part(const ElementStart& e);
    void enter_table(const ElementStart& e);
    void leave_table();
    void leave_caption();

    void push_sink(SinkKind kind, SourcePos pos);
    Sink& sink() { return sinks_[depth_ - 1]; }
    void pop_sink() { --depth_; }
    void boundary();
    void flush_paragraph(Sink& s);
    SourcePos pos(std::uint32_t offset) const { return offset == kUnknownOffset ? SourcePos{} : lines_.at(offset); }

    const HtmlOptions& options_;
    LineIndex lines_;
    SlotBudget budget_;
    Document doc_;
    std::vector<Sink> sinks_;   // a pool: sinks_[0, depth_) are open, the rest keep their buffers
    std::size_t depth_ = 0;
    std::vector<OpenTable> tables_;
    bool title_done_ = false;
    bool table_limit_reported_ = false;
};

}  // namespace zfxxgk::tables::html_detail
