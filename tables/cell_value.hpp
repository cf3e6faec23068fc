#pragma once
// Reading a table cell's text as a value: the lexical grammar shared by row-boundary
// heuristics (tables/) and value parsing (extractor/). TEMPLATES.md lists what real cells hold:
// blank, &nbsp;, "/", "-", "—", "无", " 0", "? 0" (stray replacement character), signed changes
// ("减4", "减少8", "+2", "-1"), units ("80618元"), decimals ("2.02").
#include <cstdint>
#include <string>
#include <string_view>

namespace zfxxgk::tables {

enum class CellKind : std::uint8_t {
    number,          // a number, possibly signed and with a unit
    blank,           // empty or only whitespace (&nbsp; included)
    not_applicable,  // "/", "-", "—", "无", "不适用" and their full-width forms
    text,            // anything else (a label, a note, digits run together with words)
};

struct CellValue {
    CellKind kind = CellKind::text;
    double number = 0;        // valid when kind == number
    std::string unit;         // "元", "万元", "件", … when the cell carried one
    bool stray_chars = false; // characters were skipped around the number ("? 0")
};

// Never fails: text that is not a value comes back as CellKind::text.
CellValue read_cell_value(std::string_view cell);

// Trims ASCII whitespace, NBSP (U+00A0) and the ideographic space (U+3000) at both ends.
std::string_view trim_cell(std::string_view s);

}  // namespace zfxxgk::tables
