#pragma once
// Flattened ("broken-pipe") text → Document: paragraphs, headings and tables rebuilt from the
// pipe markup of saved text copies of report pages. The forms are those of
// ../shared/spec/FLATTENED.md; the pipes are evidence, not truth: grids come out with
// Positions::as_given (cells in page order, then the covered slots the pipes announce) or
// Positions::stream (no row boundaries in the markup), and extractor/ aligns them to a template.
#include <functional>
#include <string_view>

#include "tables/document.hpp"

namespace zfxxgk::tables {

struct TextOptions {
    // Lines for which this returns true are section headings: they become BlockKind::heading,
    // never join a table as a cell, and end any table. extractor/ passes its section-heading
    // matcher (the tables library knows no template). Empty: no line is a heading.
    // Must answer from the line alone: parse_text asks at most once per line, and only about
    // lines whose reading depends on the answer.
    std::function<bool(std::string_view trimmed_line)> is_heading;
    // A run of short pipe-less lines becomes a table only when it has at least this many lines.
    std::size_t min_pipeless_run = 8;
    // Longest line (in bytes, trimmed) that can be a cell of a pipe-less table.
    std::size_t max_pipeless_cell_bytes = 180;
    // A pipe region with fewer non-empty cells than this, or with more than
    // chrome_pipes_per_cell pipes per non-empty cell, is page layout (chrome): its texts
    // become paragraphs.
    std::size_t min_table_cells = 3;
    std::size_t chrome_pipes_per_cell = 4;
};

Document parse_text(std::string_view utf8_text, const TextOptions& options = {});

// True for cell texts that read as a table value rather than a label: numbers (with sign,
// decimals, 增/减 prefixes, units), blanks and the not-applicable marks "/", "-", "—", "无".
// Used to find row boundaries when the markup gives none.
bool looks_like_value(std::string_view cell);

}  // namespace zfxxgk::tables
