// libFuzzer target: parse_html on arbitrary bytes must not crash, and the Document it returns
// must keep the table model's invariants; a violation aborts so the fuzzer keeps the input.
//   ./build-fuzz/fuzz/html_fuzz -max_len=16384 fixtures/fuzz/html/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tables/html.hpp"

namespace {

using namespace zfxxgk::tables;

[[noreturn]] void fail(const char* what, std::size_t table, std::size_t row, std::size_t col) {
    std::fprintf(stderr, "html_fuzz: %s (table %zu, row %zu, slot %zu)\n", what, table, row, col);
    std::abort();
}

void check_text(std::string_view text, std::size_t table, std::size_t row, std::size_t col) {
    if (text.empty()) {
        return;
    }
    if (text.front() == ' ' || text.back() == ' ' || text.front() == '\n' || text.back() == '\n' ||
        text.find("  ") != std::string_view::npos || text.find("\n\n") != std::string_view::npos ||
        text.find(" \n") != std::string_view::npos || text.find("\n ") != std::string_view::npos ||
        text.find('\t') != std::string_view::npos || text.find("\xC2\xA0") != std::string_view::npos) {
        fail("text not normalised", table, row, col);
    }
}

void check_grid(const Grid& grid, std::size_t t, std::size_t table_count) {
    if (grid.positions != Positions::exact || grid.form != FlatForm::html) {
        fail("wrong grid kind", t, 0, 0);
    }
    if (grid.parent >= static_cast<std::int32_t>(t) || grid.parent < -1 ||
        static_cast<std::size_t>(grid.parent + 1) > table_count) {
        fail("parent is not an earlier table", t, 0, 0);
    }
    const std::size_t height = grid.rows.size();
    for (std::size_t r = 0; r < height; ++r) {
        const Row& row = grid.rows[r];
        if (row.slots.size() != grid.width) {
            fail("row width differs from grid width", t, r, row.slots.size());
        }
        bool has_origin = false;
        for (std::size_t c = 0; c < row.slots.size(); ++c) {
            const Slot& s = row.slots[c];
            if (s.kind == SlotKind::origin) {
                has_origin = true;
                if (s.rowspan < 1 || s.colspan < 1 || s.colspan > 1000 || r + s.rowspan > height ||
                    c + s.colspan > grid.width) {
                    fail("origin span leaves the grid", t, r, c);
                }
                check_text(s.text, t, r, c);
                continue;
            }
            if (s.origin_row < 0 || s.origin_col < 0 || static_cast<std::size_t>(s.origin_row) >= height ||
                static_cast<std::size_t>(s.origin_col) >= grid.width) {
                fail("covered slot points outside the grid", t, r, c);
            }
            const auto orow = static_cast<std::size_t>(s.origin_row);
            const auto ocol = static_cast<std::size_t>(s.origin_col);
            const Slot& o = grid.rows[orow].slots[ocol];
            if (o.kind != SlotKind::origin) {
                fail("covered slot points at a covered slot", t, r, c);
            }
            if (r < orow || r >= orow + o.rowspan || c < ocol || c >= ocol + o.colspan || (r == orow && c == ocol)) {
                fail("covered slot outside its origin's span", t, r, c);
            }
            if (!s.text.empty()) {
                fail("covered slot has text", t, r, c);
            }
        }
        if (!has_origin) {
            fail("row without an origin slot (a spacer row that was kept)", t, r, 0);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const Document doc = parse_html(html);

    std::size_t table_blocks = 0;
    for (const Block& b : doc.blocks) {
        if (b.kind == BlockKind::table) {
            if (b.table != table_blocks) {
                fail("table blocks out of order", b.table, 0, 0);
            }
            ++table_blocks;
        } else if (b.text.empty()) {
            fail("empty paragraph or heading", 0, 0, 0);
        } else if (b.text.find('\n') != std::string::npos) {
            fail("line break in a paragraph", 0, 0, 0);
        } else {
            check_text(b.text, 0, 0, 0);
        }
    }
    if (table_blocks != doc.tables.size()) {
        fail("a table without its block", table_blocks, 0, 0);
    }
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
        check_grid(doc.tables[t], t, doc.tables.size());
    }
    if (doc.diagnostics.size() > Document::kMaxDiagnostics) {
        fail("too many diagnostics", 0, 0, 0);
    }
    return 0;
}
