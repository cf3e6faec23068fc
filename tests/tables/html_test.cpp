// Exact grids for the table-model edge cases in fixtures/tables/*.html.
#include "tables/html.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tables/html_grid.hpp"

namespace {

using namespace zfxxgk::tables;

std::string read_fixture(const std::string& name) {
    const std::string path = std::string(ZFXXGK_SOURCE_DIR) + "/fixtures/tables/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// One string per row: origin slots as "text" (with [rowspan x colspan] unless 1x1),
// covered slots as ^row,col of their origin. '\n' in text shows as \n.
std::vector<std::string> rows_of(const Grid& grid) {
    std::vector<std::string> rows;
    for (const Row& row : grid.rows) {
        std::string line;
        for (const Slot& slot : row.slots) {
            if (!line.empty()) {
                line += " | ";
            }
            if (slot.kind == SlotKind::covered) {
                line += "^" + std::to_string(slot.origin_row) + "," + std::to_string(slot.origin_col);
                continue;
            }
            line += '"';
            for (const char c : slot.text) {
                line += c == '\n' ? std::string("\\n") : std::string(1, c);
            }
            line += '"';
            if (slot.rowspan != 1 || slot.colspan != 1) {
                line += "[" + std::to_string(slot.rowspan) + "x" + std::to_string(slot.colspan) + "]";
            }
        }
        rows.push_back(line);
    }
    return rows;
}

const Grid& only_table(const Document& doc) {
    REQUIRE(doc.tables.size() == 1);
    const Grid& grid = doc.tables[0];
    CHECK(grid.positions == Positions::exact);
    CHECK(grid.form == FlatForm::html);
    return grid;
}

}  // namespace

TEST_CASE("tables::parse_html rowspan=0 extends to the end of its row group") {
    const Document doc = parse_html(read_fixture("rowspan-zero.html"));
    const Grid& grid = only_table(doc);
    CHECK(grid.width == 2);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("名称" | "数量")",
                               R"("合计"[3x1] | "1")",
                               R"(^1,0 | "2")",
                               R"(^1,0 | "3")",
                               R"("其他" | "4")",
                           });
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("tables::parse_html overlapping spans keep the first owner and report a table model error") {
    const Document doc = parse_html(read_fixture("colspan-overlap.html"));
    const Grid& grid = only_table(doc);
    CHECK(grid.width == 3);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("1" | "2"[2x1] | "3")",
                               R"("4"[1x2] | ^0,1 | "5")",
                           });
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].code == "table_model_error");
    CHECK(doc.diagnostics[0].pos.line == 7);   // the cell "4"
    CHECK(doc.diagnostics[0].pos.column == 5);
}

TEST_CASE("tables::parse_html nested tables are grids of their own; a cell holding one is page layout") {
    const Document doc = parse_html(read_fixture("nested-table.html"));
    CHECK(doc.title == "嵌套表格");
    REQUIRE(doc.tables.size() == 3);
    // A cell that holds a table is layout: its content becomes blocks and the cell stays
    // empty; the row whose only cell holds a table is not a spacer row.
    CHECK(rows_of(doc.tables[0]) == std::vector<std::string>{
                                        R"("左栏" | "")",
                                        R"(""[1x2] | ^1,0)",
                                    });
    CHECK(rows_of(doc.tables[1]) == std::vector<std::string>{R"("规章" | "0")"});
    CHECK(rows_of(doc.tables[2]) == std::vector<std::string>{R"("附表")"});
    CHECK(doc.tables[0].parent == -1);
    CHECK(doc.tables[1].parent == 0);
    CHECK(doc.tables[2].parent == 0);

    REQUIRE(doc.blocks.size() == 7);
    CHECK(doc.blocks[0].text == "前言");
    CHECK(doc.blocks[1].kind == BlockKind::table);
    CHECK(doc.blocks[1].table == 0);
    CHECK(doc.blocks[2].text == "正文开始");
    CHECK(doc.blocks[3].kind == BlockKind::table);
    CHECK(doc.blocks[3].table == 1);
    CHECK(doc.blocks[4].text == "正文结束");
    CHECK(doc.blocks[5].kind == BlockKind::table);
    CHECK(doc.blocks[5].table == 2);
    CHECK(doc.blocks[6].text == "结尾");
}

TEST_CASE("tables::parse_html rows without tbody form a row group; rowspans stay in theirs") {
    const Document doc = parse_html(read_fixture("missing-tbody.html"));
    REQUIRE(doc.tables.size() == 2);
    // The short row is padded with a slot no cell covers: an empty 1x1 origin.
    CHECK(doc.tables[0].width == 2);
    CHECK(rows_of(doc.tables[0]) == std::vector<std::string>{
                                        R"("a" | "b")",
                                        R"("c" | "")",
                                    });
    CHECK(doc.tables[0].rows[1].slots[1].pos.line == 0);
    CHECK(rows_of(doc.tables[1]) == std::vector<std::string>{
                                        R"("项目" | "数量")",
                                        R"("规章" | "1")",
                                    });
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("tables::parse_html bad span values parse to their leading integer or the default") {
    const Document doc = parse_html(read_fixture("bad-span-values.html"));
    const Grid& grid = only_table(doc);
    CHECK(grid.width == 3);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("A"[1x2] | ^0,0 | "B"[3x1])",
                               R"("C" | "D" | ^0,2)",
                               R"("E"[1x2] | ^2,0 | ^0,2)",
                               R"("F" | "G" | "H")",
                           });
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("tables::parse_html span values follow the rules for parsing non-negative integers") {
    using html_detail::colspan_value;
    using html_detail::parse_non_negative_integer;
    using html_detail::rowspan_value;
    CHECK(parse_non_negative_integer("2]") == 2u);
    CHECK(parse_non_negative_integer(" \t\n3") == 3u);
    CHECK(parse_non_negative_integer("+4") == 4u);
    CHECK(parse_non_negative_integer("-0") == 0u);
    CHECK(parse_non_negative_integer("99999999999999999999") == 4294967295u);
    CHECK_FALSE(parse_non_negative_integer(""));
    CHECK_FALSE(parse_non_negative_integer("x"));
    CHECK_FALSE(parse_non_negative_integer("-1"));
    CHECK_FALSE(parse_non_negative_integer("+"));
    CHECK(colspan_value(std::nullopt, 1000) == 1);
    CHECK(colspan_value("0", 1000) == 1);
    CHECK(colspan_value("1001", 1000) == 1000);
    CHECK(colspan_value("3", 0) == 1);   // a clamp below 1 counts as 1
    CHECK(rowspan_value(std::nullopt, 65534) == 1);
    CHECK(rowspan_value("0", 65534) == 0);
    CHECK(rowspan_value("-2", 65534) == 1);
    CHECK(rowspan_value("70000", 65534) == 65534);
}

TEST_CASE("tables::parse_html drops Word spacer rows without breaking rowspans") {
    const Document doc = parse_html(read_fixture("word-spacer-rows.html"));
    const Grid& grid = only_table(doc);
    CHECK(grid.width == 3);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("三、本年度办理结果"[2x1] | "（一）予以公开" | "5")",
                               R"(^0,0 | "（二）部分公开" | "0")",
                               R"(""[2x1] | "" | "")",
                               R"(^2,0 | "" | "1")",
                           });
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("tables::parse_html <br> and blocks in a cell become line breaks") {
    const Document doc = parse_html(read_fixture("br-in-header-cell.html"));
    const Grid& grid = only_table(doc);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("本年新\n制作数量" | "商业\n企业" | "法人或\n其他组织" | "自然人")",
                               R"("处理决定 数量" | "（三）\n不予公开" | "结果\n维持" | "总 计")",
                           });
}

TEST_CASE("tables::parse_html tfoot rows come after the body rows") {
    const Document doc = parse_html(read_fixture("thead-tbody-tfoot.html"));
    const Grid& grid = only_table(doc);
    CHECK(rows_of(grid) == std::vector<std::string>{
                               R"("项目"[2x1] | "数量")",
                               R"(^0,0 | "件")",
                               R"("规章" | "1")",
                               R"("规范性文件" | "2")",
                               R"("总计" | "3")",
                           });
    CHECK(grid.rows[4].pos.line == 5);   // the tfoot row keeps its own position
}

TEST_CASE("tables::parse_html clamps colspan to 1000 and rowspan to its row group") {
    const Document doc = parse_html(read_fixture("colspan-clamped.html"));
    const Grid& grid = only_table(doc);
    REQUIRE(grid.width == 1000);
    REQUIRE(grid.rows.size() == 3);
    for (const Row& row : grid.rows) {
        REQUIRE(row.slots.size() == 1000);
    }
    const Slot& wide = grid.rows[0].slots[0];
    CHECK(wide.text == "宽");
    CHECK(wide.colspan == 1000);
    for (std::size_t x = 1; x < 1000; ++x) {
        const Slot& s = grid.rows[0].slots[x];
        REQUIRE(s.kind == SlotKind::covered);
        REQUIRE(s.origin_row == 0);
        REQUIRE(s.origin_col == 0);
    }
    const Slot& tall = grid.rows[1].slots[0];
    CHECK(tall.text == "高");
    CHECK(tall.rowspan == 2);
    CHECK(grid.rows[1].slots[1].text == "x");
    CHECK(grid.rows[2].slots[0].kind == SlotKind::covered);
    CHECK(grid.rows[2].slots[1].text == "y");
    for (std::size_t x = 2; x < 1000; ++x) {
        REQUIRE(grid.rows[1].slots[x].kind == SlotKind::origin);
        REQUIRE(grid.rows[1].slots[x].text.empty());
    }

    HtmlOptions narrow;
    narrow.max_colspan = 3;
    narrow.max_rowspan = 1;
    const Document clamped = parse_html(read_fixture("colspan-clamped.html"), narrow);
    CHECK(rows_of(only_table(clamped)) == std::vector<std::string>{
                                              R"("宽"[1x3] | ^0,0 | ^0,0)",
                                              R"("高" | "x" | "")",
                                              R"("y" | "" | "")",
                                          });
}

TEST_CASE("tables::parse_html reads a Word-exported MsoNormalTable") {
    const Document doc = parse_html(read_fixture("word-msonormal-table.html"));
    CHECK(doc.title == "四、政府信息公开行政复议、行政诉讼情况");
    const Grid& grid = only_table(doc);
    CHECK(grid.width == 15);
    CHECK(rows_of(grid) ==
          std::vector<std::string>{
              R"("行政复议"[1x5] | ^0,0 | ^0,0 | ^0,0 | ^0,0 | "行政诉讼"[1x10] | ^0,5 | ^0,5 | ^0,5 | ^0,5 | )"
              R"(^0,5 | ^0,5 | ^0,5 | ^0,5 | ^0,5)",
              R"("结果\n维持"[2x1] | "结果\n纠正"[2x1] | "其他\n结果"[2x1] | "尚未\n审结"[2x1] | "总计"[2x1] | )"
              R"("未经复议直接起诉"[1x5] | ^1,5 | ^1,5 | ^1,5 | ^1,5 | "复议后起诉"[1x5] | ^1,10 | ^1,10 | ^1,10 | ^1,10)",
              R"(^1,0 | ^1,1 | ^1,2 | ^1,3 | ^1,4 | "结果\n维持" | "结果\n纠正" | "其他\n结果" | "尚未\n审结" | "总计" | )"
              R"("结果\n维持" | "结果\n纠正" | "其他\n结果" | "尚未\n审结" | "总计")",
              R"("0" | "1" | "" | "0" | "1" | "2" | "0" | "/" | "0" | "2" | "0" | "0" | "0" | "0" | "0")",
          });
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == BlockKind::paragraph);
    CHECK(doc.blocks[0].text == "四、政府信息公开行政复议、行政诉讼情况");
    CHECK(doc.blocks[1].kind == BlockKind::table);
    CHECK(doc.blocks[2].text == "五、存在的主要问题及改进情况");
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("tables::parse_html cells and rows carry byte positions") {
    const Document doc = parse_html(read_fixture("missing-tbody.html"));
    const Grid& grid = doc.tables.at(0);
    CHECK(grid.pos.line == 3);
    CHECK(grid.pos.column == 1);
    CHECK(grid.rows[0].pos.line == 4);
    const Slot& b = grid.rows[0].slots[1];
    CHECK(b.pos.line == 4);
    CHECK(b.pos.column == 15);   // "<tr><td>a</td>" is 14 bytes
    // Covered slots point at their origin's markup.
    const Document spans = parse_html(read_fixture("rowspan-zero.html"));
    CHECK(spans.tables.at(0).rows[2].slots[0].pos.line == 7);
}
