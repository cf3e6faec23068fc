// libFuzzer target: whole-document text extraction (flattened parse, template alignment,
// checks, JSON). Invariants: no crash; the JSON parses back; every value's provenance points
// at a cell of the record's own tables holding its raw text; numbers only with status number or prose.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace zfxxgk::extractor;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Source source;
    source.path = "fuzz";
    source.sha256 = std::string(64, '0');
    const Record r = extract_text(text, source);
    for (const auto& v : r.values) {
        const bool has_number = v.provenance.status == ValueStatus::number || v.provenance.status == ValueStatus::prose;
        if (v.number.has_value() != has_number) std::abort();
        const auto& p = v.provenance;
        if (p.table < 0) continue;
        if (static_cast<std::size_t>(p.table) >= r.tables.size()) std::abort();
        const auto& t = r.tables[static_cast<std::size_t>(p.table)];
        if (p.row < 0 || static_cast<std::size_t>(p.row) >= t.rows.size()) std::abort();
        const auto& row = t.rows[static_cast<std::size_t>(p.row)];
        if (p.col < 0 || static_cast<std::size_t>(p.col) >= row.cells.size()) std::abort();
        if (!p.raw || row.cells[static_cast<std::size_t>(p.col)] != *p.raw) std::abort();
    }
    const std::string json = to_json(r);
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) std::abort();
    return 0;
}
