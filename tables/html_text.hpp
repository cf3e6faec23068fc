#pragma once
// Internal to tables/: the HTML walker's text handling. TextCollector collects the text
// of a paragraph, heading or table cell: runs of ASCII whitespace and U+00A0 (&nbsp;)
// become one space, every line is trimmed, breaks between lines are '\n' and empty lines
// vanish. Other spaces (U+3000 IDEOGRAPHIC SPACE and friends) are text and stay.
// LineIndex turns byte offsets into SourcePos.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tables/grid.hpp"

namespace zfxxgk::tables::html_detail {

class TextCollector {
public:
    // Appends text as it appears in the markup (entities already decoded).
    void append(std::string_view text);
    // A word break: one space before the next text on this line, if there is any.
    void space() { space_ = true; }
    // A line break: '\n' before the next text, if any text came before it.
    void line_break() { line_ = !buf_.empty(); }

    [[nodiscard]] bool empty() const { return buf_.empty(); }
    [[nodiscard]] std::string_view view() const { return buf_; }

    // The text so far as a right-sized string; the collector starts over (its buffer's
    // capacity stays, so one collector serves many cells without reallocating).
    [[nodiscard]] std::string take();
    void clear();

private:
    std::string buf_;
    bool space_ = false;
    bool line_ = false;
};

// Line and byte column of a byte offset in the input (SourcePos's units).
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    // An offset past the end gives an unknown position.
    [[nodiscard]] SourcePos at(std::uint32_t offset) const;

private:
    std::vector<std::uint32_t> newlines_;   // offsets of the '\n' bytes
    std::size_t size_;
};

}  // namespace zfxxgk::tables::html_detail
