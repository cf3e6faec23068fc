// Random tables with random spans, rendered to HTML and parsed back: parse_html must give
// the grid the generator laid out (after the spacer-row rule, computed here independently).
#include "tables/html.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace zfxxgk::tables;

struct CellSpec {
    std::size_t group = 0;
    std::uint32_t y = 0;          // row within its group
    std::uint32_t x = 0;
    std::uint32_t colspan = 1;
    std::uint32_t rows = 1;       // rows it really covers
    std::string rowspan_attr;     // as written; empty: no attribute
    std::string html;             // cell content as written
    std::string text;             // the text parse_html must give
};

struct GroupSpec {
    enum Kind { head, body, foot, bare } kind = body;
    std::uint32_t rows = 1;
};

struct TableSpec {
    std::vector<GroupSpec> groups;
    std::vector<CellSpec> cells;   // in markup order within each group
};

struct Content {
    const char* html;
    const char* text;
};
constexpr Content kContents[] = {
    {"", ""},         {"0", "0"},           {"12", "12"},           {"规章", "规章"},
    {"&nbsp;", ""},   {" 5 ", "5"},         {"行政  许可", "行政 许可"}, {"本年新<br>制作数量", "本年新\n制作数量"},
    {"<p>a</p><p>b</p>", "a\nb"}, {"<span lang=EN-US>0<o:p></o:p></span>", "0"}, {"/", "/"},
};

std::uint32_t pick(std::mt19937& rng, std::uint32_t lo, std::uint32_t hi) {
    return std::uniform_int_distribution<std::uint32_t>(lo, hi)(rng);
}

// Lays out cells slot by slot the way "forming a table" places them: each cell at the first
// free slot of its row, spans only over free slots, rows sometimes left short.
TableSpec generate(std::mt19937& rng) {
    TableSpec spec;
    const std::uint32_t width = pick(rng, 1, 6);
    const std::uint32_t group_count = pick(rng, 1, 3);
    bool foot_used = false;
    for (std::uint32_t g = 0; g < group_count; ++g) {
        GroupSpec group;
        group.rows = pick(rng, 1, 5);
        const std::uint32_t k = pick(rng, 0, 9);
        // <tr>s without a row group element only come first: two such runs next to each
        // other would be one row group.
        if (g == 0 && k < 3) {
            group.kind = GroupSpec::head;
        } else if (g == 0 && k < 7) {
            group.kind = GroupSpec::bare;
        } else if (k < 5 && !foot_used) {
            group.kind = GroupSpec::foot;
            foot_used = true;
        }
        spec.groups.push_back(group);
        std::vector<std::vector<bool>> used(group.rows, std::vector<bool>(width, false));
        for (std::uint32_t y = 0; y < group.rows; ++y) {
            for (std::uint32_t x = 0; x < width; ++x) {
                if (used[y][x]) {
                    continue;
                }
                if (pick(rng, 0, 9) == 0) {
                    break;   // the row ends early: the rest stays uncovered
                }
                CellSpec cell;
                cell.group = spec.groups.size() - 1;
                cell.y = y;
                cell.x = x;
                std::uint32_t free_run = 0;
                while (x + free_run < width && !used[y][x + free_run]) {
                    ++free_run;
                }
                cell.colspan = pick(rng, 0, 2) == 0 ? pick(rng, 1, std::min<std::uint32_t>(free_run, 3)) : 1;
                // Rows the cell may cover without meeting a span from above.
                std::uint32_t room = 1;
                while (y + room < group.rows &&
                       std::none_of(used[y + room].begin() + x, used[y + room].begin() + x + cell.colspan,
                                    [](bool b) { return b; })) {
                    ++room;
                }
                const std::uint32_t r = pick(rng, 0, 9);
                if (r < 5) {
                    cell.rows = 1;
                    cell.rowspan_attr = r == 0 ? "1" : "";
                } else if (r < 8) {
                    cell.rows = pick(rng, 1, room);
                    cell.rowspan_attr = std::to_string(cell.rows);
                } else if (y + room == group.rows) {
                    // Reaches the group's end: rowspan=0, or a rowspan past it (clamped).
                    cell.rows = room;
                    cell.rowspan_attr = r == 8 ? "0" : std::to_string(room + pick(rng, 1, 100));
                } else {
                    cell.rows = 1;
                }
                const Content& content = kContents[pick(rng, 0, std::size(kContents) - 1)];
                cell.html = content.html;
                cell.text = content.text;
                for (std::uint32_t dy = 0; dy < cell.rows; ++dy) {
                    for (std::uint32_t dx = 0; dx < cell.colspan; ++dx) {
                        used[y + dy][x + dx] = true;
                    }
                }
                spec.cells.push_back(cell);
                x += cell.colspan - 1;
            }
        }
    }
    return spec;
}

std::string render(const TableSpec& spec, std::mt19937& rng) {
    static const char* const kOpen[] = {"<thead>", "<tbody>", "<tfoot>", ""};
    static const char* const kClose[] = {"</thead>", "</tbody>", "</tfoot>", ""};
    std::ostringstream html;
    html << "<div><table border=1>\n";
    // A tfoot may come first (HTML 4 order) or anywhere; its rows still end the grid.
    std::vector<std::size_t> order(spec.groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (spec.groups[i].kind == GroupSpec::foot && pick(rng, 0, 1) == 0) {
            std::rotate(order.begin() + (spec.groups[0].kind == GroupSpec::head ? 1 : 0), order.begin() + i,
                        order.begin() + i + 1);
        }
    }
    for (const std::size_t g : order) {
        const GroupSpec& group = spec.groups[g];
        html << kOpen[group.kind];
        for (std::uint32_t y = 0; y < group.rows; ++y) {
            html << (pick(rng, 0, 1) ? "<tr>" : "<tr style='height:1pt'>\n ");
            for (const CellSpec& c : spec.cells) {
                if (c.group != g || c.y != y) {
                    continue;
                }
                const char* tag = pick(rng, 0, 3) == 0 ? "th" : "td";
                html << '<' << tag;
                if (c.colspan != 1 || pick(rng, 0, 3) == 0) {
                    // Spellings seen on real pages; all mean the same number.
                    static const char* const kForms[][2] = {
                        {" colspan=\"", "\""}, {" colspan=", ""}, {" COLSPAN='", "'"}, {" colspan=\" ", "\""},
                        {" colspan=\"", "]\""}};
                    const auto& form = kForms[pick(rng, 0, std::size(kForms) - 1)];
                    html << form[0] << c.colspan << form[1];
                }
                if (!c.rowspan_attr.empty()) {
                    html << " rowspan='" << c.rowspan_attr << "'";
                }
                html << '>' << c.html << "</" << tag << '>' << (pick(rng, 0, 1) ? "\n" : "");
            }
            html << "</tr>";
        }
        html << kClose[group.kind] << '\n';
    }
    html << "</table></div>";
    return html.str();
}

// The grid parse_html must return: rows in final order (tfoot groups last), spacer rows
// (no anchored cell with text, more than one row, ...) dropped, spans shrunk to match.
struct Expected {
    std::uint32_t width = 0;
    std::vector<std::vector<Slot>> rows;
};

Expected expect(const TableSpec& spec) {
    Expected e;
    std::vector<std::size_t> group_first(spec.groups.size());
    std::size_t total = 0;
    for (const bool foot : {false, true}) {
        for (std::size_t g = 0; g < spec.groups.size(); ++g) {
            if ((spec.groups[g].kind == GroupSpec::foot) == foot) {
                group_first[g] = total;
                total += spec.groups[g].rows;
            }
        }
    }
    std::vector<bool> keep(total, false);
    for (const CellSpec& c : spec.cells) {
        e.width = std::max(e.width, c.x + c.colspan);
        if (!c.text.empty() || c.rows > 1) {
            keep[group_first[c.group] + c.y] = true;
        }
    }
    std::vector<std::int32_t> new_index(total, -1);
    std::int32_t next = 0;
    for (std::size_t r = 0; r < total; ++r) {
        if (keep[r]) {
            new_index[r] = next++;
        }
    }
    e.rows.assign(static_cast<std::size_t>(next), std::vector<Slot>(e.width));
    for (const CellSpec& c : spec.cells) {
        const std::size_t top = group_first[c.group] + c.y;
        if (!keep[top]) {
            continue;
        }
        const auto kept_rows = static_cast<std::uint32_t>(
            std::count(keep.begin() + static_cast<std::ptrdiff_t>(top),
                       keep.begin() + static_cast<std::ptrdiff_t>(top + c.rows), true));
        for (std::uint32_t dy = 0; dy < c.rows; ++dy) {
            if (!keep[top + dy]) {
                continue;
            }
            for (std::uint32_t dx = 0; dx < c.colspan; ++dx) {
                Slot& s = e.rows[static_cast<std::size_t>(new_index[top + dy])][c.x + dx];
                if (dy == 0 && dx == 0) {
                    s.text = c.text;
                    s.rowspan = kept_rows;
                    s.colspan = c.colspan;
                } else {
                    s.kind = SlotKind::covered;
                    s.origin_row = new_index[top];
                    s.origin_col = static_cast<std::int32_t>(c.x);
                }
            }
        }
    }
    return e;
}

std::string describe(const Slot& s) {
    std::ostringstream out;
    if (s.kind == SlotKind::covered) {
        out << "covered by " << s.origin_row << ',' << s.origin_col;
    } else {
        out << '"' << s.text << "\" " << s.rowspan << 'x' << s.colspan;
    }
    return out.str();
}

}  // namespace

TEST_CASE("tables::parse_html random grids survive a round trip through HTML") {
    std::mt19937 rng(20240521);
    for (int i = 0; i < 3000; ++i) {
        const TableSpec spec = generate(rng);
        const std::string html = render(spec, rng);
        const Expected want = expect(spec);
        const Document doc = parse_html(html);
        INFO("case " << i << '\n' << html);
        REQUIRE(doc.tables.size() == 1);
        REQUIRE(doc.diagnostics.empty());
        const Grid& got = doc.tables[0];
        REQUIRE(got.width == want.width);
        REQUIRE(got.rows.size() == want.rows.size());
        for (std::size_t r = 0; r < want.rows.size(); ++r) {
            REQUIRE(got.rows[r].slots.size() == want.width);
            for (std::size_t x = 0; x < want.width; ++x) {
                INFO("slot " << r << ',' << x);
                REQUIRE(describe(got.rows[r].slots[x]) == describe(want.rows[r][x]));
            }
        }
    }
}
