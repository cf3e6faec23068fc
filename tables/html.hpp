#pragma once
// HTML -> Document: headings, paragraphs and tables in reading order, tables as exact grids
// by the WHATWG "forming a table" algorithm. gumbo does the parsing; its tree never leaves
// tables/html.cpp. docs/tables-html.md describes the rules in one page.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tables/document.hpp"

namespace zfxxgk::tables {

struct HtmlOptions {
    // Tables past this many become plain text: their cells' text flows into the enclosing
    // paragraphs (or the enclosing cell), with one "too_many_tables" diagnostic.
    std::size_t max_tables = 1000;
    // Span clamps of "forming a table" (WHATWG: 1000 and 65534). Values below 1 count as 1.
    std::uint32_t max_colspan = 1000;
    std::uint32_t max_rowspan = 65534;
    // Slots (rows x width) summed over all grids of the document. A table that would need
    // more keeps the rows it has and drops the rest, with a "table_too_large" diagnostic;
    // this bounds memory on hostile input (a few colspan=1000 cells over many rows).
    std::size_t max_slots = 2'000'000;
};

// Parses UTF-8 HTML (bytes that are not UTF-8 become U+FFFD). Never fails: bad markup is
// repaired the way browsers do, and table problems become Document::diagnostics.
//  - Document::title: the first <title>, whitespace collapsed.
//  - blocks: h1-h6 outside tables are headings; the text of other block-level elements
//    (and text between <br>s) becomes paragraphs, whitespace collapsed, empty ones
//    dropped; each table is a block at the place it starts. script, style, noscript,
//    template, iframe, the rest of <head> and comments are skipped.
//  - Cell text: <br> and block boundaries inside the cell become '\n'; each line has its
//    whitespace collapsed (&nbsp; counts as a space) and trimmed; empty lines vanish.
//    A nested table is a grid of its own (Grid::parent says where it sits); its text is
//    not part of the outer cell.
//  - Rows whose cells are all empty, one row high and hold no table (Word's spacer rows)
//    are dropped; rowspans across a dropped row shrink by one.
Document parse_html(std::string_view utf8_html, const HtmlOptions& options = {});

}  // namespace zfxxgk::tables
