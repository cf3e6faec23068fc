#include "extractor/prose.hpp"

#include <algorithm>
#include <array>

#include "extractor/normalize.hpp"
#include "tables/cell_value.hpp"

namespace zfxxgk::extractor {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Clause boundaries: a count belongs to the label of its own clause.
constexpr std::array<std::string_view, 8> kBreaks = {"。", "；", ";", "，", ",", "、", "\n", "："};

struct Unit {
    std::string_view text;
    std::string_view column;  // the column key it can fill
};
constexpr std::array<Unit, 5> kUnits = {{{"万元", "amount_10k_yuan"}, {"件", "decisions"}, {"项", "decisions"},
                                          {"个", "decisions"}, {"次", "decisions"}}};

}  // namespace

std::vector<ProseValue> read_prose_table2(const TableSpec& table2, std::string_view section_text) {
    const std::string text = normalize_name(section_text);
    std::vector<ProseValue> out;
    for (const auto& row : table2.rows) {
        const auto& columns = table2.column_sets[static_cast<std::size_t>(row.column_set)];
        const std::string label = normalize_name(row.label);
        std::vector<ProseValue> found;
        for (std::size_t at = text.find(label); at != std::string::npos; at = text.find(label, at + label.size())) {
            // the clause after the label
            std::size_t end = at + label.size();
            std::size_t stop = text.size();
            for (auto b : kBreaks) stop = std::min(stop, text.find(b, end));
            const std::string_view clause(text.data() + end, stop - end);
            std::size_t d = 0;
            while (d < clause.size() && !(clause[d] >= '0' && clause[d] <= '9')) ++d;
            if (d == clause.size()) continue;
            std::size_t e = d;
            while (e < clause.size() && ((clause[e] >= '0' && clause[e] <= '9') || clause[e] == '.')) ++e;
            const std::string_view rest = clause.substr(e);
            // one count in the clause, directly followed by its unit
            bool another = false;
            for (char c : rest) another = another || (c >= '0' && c <= '9');
            if (another) continue;
            for (const auto& u : kUnits) {
                if (!starts_with(rest, u.text)) continue;
                for (const auto& col : columns) {
                    if (col.key != u.column) continue;
                    const tables::CellValue v = tables::read_cell_value(clause.substr(d, e - d));
                    if (v.kind != tables::CellKind::number) continue;
                    found.push_back({std::string(table2.object) + "." + std::string(row.path) + "." + std::string(col.key),
                                     v.number, label + std::string(clause), std::string(u.text)});
                }
                break;
            }
        }
        // a label counted twice with different numbers says nothing for certain
        if (found.size() == 1 ||
            (found.size() > 1 && std::all_of(found.begin(), found.end(), [&](const ProseValue& p) { return p.number == found[0].number; }))) {
            out.push_back(found.front());
        }
    }
    return out;
}

}  // namespace zfxxgk::extractor
