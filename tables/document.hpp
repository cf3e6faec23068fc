#pragma once
// A text document in reading order: paragraphs (and headings) interleaved with tables.
// Both the flattened-text parser and the HTML parser produce this; extractor/ consumes it.
#include <cstddef>
#include <string>
#include <vector>

#include "tables/grid.hpp"

namespace zfxxgk::tables {

enum class BlockKind : std::uint8_t { paragraph, heading, table };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string text;            // paragraph/heading text (UTF-8); empty for tables
    std::size_t table = 0;       // index into Document::tables when kind == table
    SourcePos pos;
};

struct Document {
    std::string title;           // <title> or the page's own title when the form has one; may be empty
    std::vector<Block> blocks;   // reading order
    std::vector<Grid> tables;    // referenced by Block::table
    std::vector<Diagnostic> diagnostics;  // capped at kMaxDiagnostics
    bool diagnostics_truncated = false;

    static constexpr std::size_t kMaxDiagnostics = 100;

    void add_diagnostic(Diagnostic d) {
        if (diagnostics.size() < kMaxDiagnostics) {
            diagnostics.push_back(std::move(d));
        } else {
            diagnostics_truncated = true;
        }
    }
};

}  // namespace zfxxgk::tables
