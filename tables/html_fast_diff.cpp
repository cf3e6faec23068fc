#include "tables/html_fast_diff.hpp"

#include <cstdint>
#include <string_view>

namespace zfxxgk::tables {

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (const char c : s.substr(0, 80)) {
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return out + (s.size() > 80 ? "...\"" : "\"");
}

std::string show(const SourcePos& p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column) + "@" + std::to_string(p.offset);
}

// Each check returns "" or the difference under `path`.
std::string differ(const std::string& path, std::string_view a, std::string_view b) {
    return a == b ? std::string() : path + ": " + quoted(a) + " vs " + quoted(b);
}

std::string differ(const std::string& path, std::int64_t a, std::int64_t b) {
    return a == b ? std::string() : path + ": " + std::to_string(a) + " vs " + std::to_string(b);
}

std::string differ(const std::string& path, const SourcePos& a, const SourcePos& b) {
    return a.line == b.line && a.column == b.column && a.offset == b.offset
               ? std::string()
               : path + ": " + show(a) + " vs " + show(b);
}

std::string first_of(std::initializer_list<std::string> found) {
    for (const std::string& f : found) {
        if (!f.empty()) return f;
    }
    return {};
}

std::string slot_difference(const std::string& path, const Slot& a, const Slot& b) {
    return first_of({differ(path + ".kind", static_cast<int>(a.kind), static_cast<int>(b.kind)),
                     differ(path + ".text", a.text, b.text), differ(path + ".rowspan", a.rowspan, b.rowspan),
                     differ(path + ".colspan", a.colspan, b.colspan),
                     differ(path + ".origin_row", a.origin_row, b.origin_row),
                     differ(path + ".origin_col", a.origin_col, b.origin_col), differ(path + ".pos", a.pos, b.pos)});
}

std::string grid_difference(const std::string& path, const Grid& a, const Grid& b) {
    std::string d = first_of({differ(path + ".width", a.width, b.width),
                              differ(path + ".positions", static_cast<int>(a.positions), static_cast<int>(b.positions)),
                              differ(path + ".form", static_cast<int>(a.form), static_cast<int>(b.form)),
                              differ(path + ".pos", a.pos, b.pos), differ(path + ".parent", a.parent, b.parent),
                              differ(path + ".rows.size()", static_cast<std::int64_t>(a.rows.size()),
                                     static_cast<std::int64_t>(b.rows.size()))});
    for (std::size_t r = 0; d.empty() && r < a.rows.size(); ++r) {
        const std::string row = path + ".rows[" + std::to_string(r) + "]";
        const Row& ra = a.rows[r];
        const Row& rb = b.rows[r];
        d = first_of({differ(row + ".pos", ra.pos, rb.pos),
                      differ(row + ".slots.size()", static_cast<std::int64_t>(ra.slots.size()),
                             static_cast<std::int64_t>(rb.slots.size()))});
        for (std::size_t c = 0; d.empty() && c < ra.slots.size(); ++c) {
            d = slot_difference(row + ".slots[" + std::to_string(c) + "]", ra.slots[c], rb.slots[c]);
        }
    }
    return d;
}

}  // namespace

std::string first_difference(const Document& a, const Document& b) {
    std::string d = first_of(
        {differ("title", a.title, b.title),
         differ("blocks.size()", static_cast<std::int64_t>(a.blocks.size()), static_cast<std::int64_t>(b.blocks.size())),
         differ("tables.size()", static_cast<std::int64_t>(a.tables.size()), static_cast<std::int64_t>(b.tables.size())),
         differ("diagnostics.size()", static_cast<std::int64_t>(a.diagnostics.size()),
                static_cast<std::int64_t>(b.diagnostics.size())),
         differ("diagnostics_truncated", a.diagnostics_truncated, b.diagnostics_truncated)});
    for (std::size_t i = 0; d.empty() && i < a.blocks.size() && i < b.blocks.size(); ++i) {
        const std::string path = "blocks[" + std::to_string(i) + "]";
        const Block& x = a.blocks[i];
        const Block& y = b.blocks[i];
        d = first_of({differ(path + ".kind", static_cast<int>(x.kind), static_cast<int>(y.kind)),
                      differ(path + ".text", x.text, y.text),
                      differ(path + ".table", static_cast<std::int64_t>(x.table), static_cast<std::int64_t>(y.table)),
                      differ(path + ".pos", x.pos, y.pos)});
    }
    for (std::size_t i = 0; d.empty() && i < a.tables.size() && i < b.tables.size(); ++i) {
        d = grid_difference("tables[" + std::to_string(i) + "]", a.tables[i], b.tables[i]);
    }
    for (std::size_t i = 0; d.empty() && i < a.diagnostics.size() && i < b.diagnostics.size(); ++i) {
        const std::string path = "diagnostics[" + std::to_string(i) + "]";
        const Diagnostic& x = a.diagnostics[i];
        const Diagnostic& y = b.diagnostics[i];
        d = first_of({differ(path + ".code", x.code, y.code), differ(path + ".message", x.message, y.message),
                      differ(path + ".pos", x.pos, y.pos)});
    }
    return d;
}

}  // namespace zfxxgk::tables
