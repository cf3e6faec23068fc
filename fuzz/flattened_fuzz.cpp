// libFuzzer target: flattened text → Document. Invariants: no crash, every table block refers
// to a table, every table has rows with at least one origin slot, exact positions never
// claimed, positions inside the input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tables/flattened.hpp"

namespace {

void check(const zfxxgk::tables::Document& doc, std::size_t size) {
    using namespace zfxxgk::tables;
    std::size_t table_blocks = 0;
    for (const auto& b : doc.blocks) {
        if (b.kind == BlockKind::table) {
            if (b.table >= doc.tables.size()) std::abort();
            ++table_blocks;
        } else if (b.text.empty()) {
            std::abort();
        }
        if (b.pos.offset > size) std::abort();
    }
    if (table_blocks != doc.tables.size()) std::abort();
    for (const auto& g : doc.tables) {
        if (g.rows.empty() || g.positions == Positions::exact) std::abort();
        for (const auto& r : g.rows) {
            bool origin = false;
            for (const auto& s : r.slots) {
                origin = origin || s.kind == SlotKind::origin;
                if (s.pos.offset > size) std::abort();
            }
            if (!origin) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(zfxxgk::tables::parse_text(text), size);
    zfxxgk::tables::TextOptions o;
    o.is_heading = [](std::string_view l) { return l.size() > 3 && l.substr(0, 3) == "三"; };
    o.min_pipeless_run = 3;
    check(zfxxgk::tables::parse_text(text, o), size);
    return 0;
}
