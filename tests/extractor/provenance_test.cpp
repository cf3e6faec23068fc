// Every value's provenance points at a cell of the record's own tables holding its raw text —
// the invariant fuzz/extract_text_fuzz.cpp checks, on inputs it found that broke it.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/extract.hpp"

using namespace zfxxgk::extractor;

namespace {

void check_provenance(const Record& r) {
    for (const auto& v : r.values) {
        const auto& p = v.provenance;
        if (p.table < 0) continue;
        INFO(v.path);
        REQUIRE(static_cast<std::size_t>(p.table) < r.tables.size());
        const auto& t = r.tables[static_cast<std::size_t>(p.table)];
        REQUIRE(p.row >= 0);
        REQUIRE(static_cast<std::size_t>(p.row) < t.rows.size());
        const auto& row = t.rows[static_cast<std::size_t>(p.row)];
        REQUIRE(p.col >= 0);
        REQUIRE(static_cast<std::size_t>(p.col) < row.cells.size());
        REQUIRE(p.raw);
        CHECK(row.cells[static_cast<std::size_t>(p.col)] == *p.raw);
    }
}

Record extract(const std::string& text) {
    Source s;
    s.path = "test";
    s.sha256 = std::string(64, '0');
    return extract_text(text, s);
}

}  // namespace

TEST_CASE("extractor: a value cell after a blank label cell points into the row's cells (fuzz find)") {
    // "部分公开| |不予公开": a row label, a blank cell, another row label; table 3 of a 2021 report
    const std::string text = std::string("\xe4|\xbc|c\n三、申请\n部分公开|") + '\0' + "|不予公开";
    const Record r = extract(text);
    check_provenance(r);
}
