// The flattened pipe markup in each form of ../shared/spec/FLATTENED.md → exact rows.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "tables/flattened.hpp"

using namespace zfxxgk::tables;

namespace {

// A row as "text|text|#|#": '#' is a covered slot, "" a blank cell.
std::vector<std::string> row_of(const Row& r) {
    std::vector<std::string> out;
    for (const auto& s : r.slots) out.push_back(s.kind == SlotKind::covered ? "#" : s.text);
    return out;
}

std::vector<std::vector<std::string>> rows_of(const Grid& g) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : g.rows) out.push_back(row_of(r));
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("tables::parse_text seed form counts covered slots to the table width") {
    TextOptions o;
    o.is_heading = [](std::string_view l) { return l.rfind("三、收到", 0) == 0; };
    const auto doc = parse_text(
        "二、主动公开政府信息情况\n"
        "第二十条第(一)项 | |||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
        "规章 |\n0 |\n0 |\n0 |\n"
        "第二十条第(五)项 | |||\n信息内容 |\n本年处理决定数量 | ||\n行政许可 |\n0 | ||\n"
        "行政事业性收费 |\n0 |\n"
        "三、收到和处理政府信息公开申请情况\n",
        o);
    REQUIRE(doc.tables.size() == 1);
    const Grid& g = doc.tables[0];
    CHECK(g.form == FlatForm::cell_per_line);
    CHECK(g.positions == Positions::as_given);
    CHECK(g.width == 4);
    CHECK(rows_of(g) == Rows{{"第二十条第(一)项", "#", "#", "#"},
                             {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                             {"规章", "0", "0", "0"},
                             {"第二十条第(五)项", "#", "#", "#"},
                             {"信息内容", "本年处理决定数量", "#", "#"},
                             {"行政许可", "0", "#", "#"},
                             {"行政事业性收费", "0"}});  // the last row loses its trailing pipes
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == BlockKind::paragraph);
    CHECK(doc.blocks[1].kind == BlockKind::table);
    CHECK(doc.blocks[2].text == "三、收到和处理政府信息公开申请情况");
    CHECK(g.rows[2].slots[1].pos.line == 8);
}

TEST_CASE("tables::parse_text heading callback ends a table and marks headings") {
    TextOptions o;
    o.is_heading = [](std::string_view l) { return l.rfind("三、", 0) == 0; };
    const auto doc = parse_text("a |\nb |\nc | |\n三、收到\nd |\ne |\nf | |\n", o);
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == BlockKind::table);
    CHECK(doc.blocks[1].kind == BlockKind::heading);
    CHECK(doc.blocks[2].kind == BlockKind::table);
    // without the callback the heading line is a cell that wraps onto the next row
    CHECK(parse_text("a |\nb |\nc | |\n三、收到\nd |\ne |\nf | |\n").tables.size() == 1);
}

TEST_CASE("tables::parse_text row per line: blank cells, trailing covered runs, leading covered pipes") {
    const auto doc = parse_text(
        "第二十条第(一)项 |\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章 | 0 | 0 | 0 |\n"
        "行政许可 | 0 | ||\n"
        "一、本年新收 | 0 | | | | | | 0 |\n"
        "| (二)部分公开 | | | 0 |\n"
        "| | 2.其他法律 | 1 | 0 |\n");
    REQUIRE(doc.tables.size() == 1);
    const Grid& g = doc.tables[0];
    CHECK(g.form == FlatForm::row_per_line);
    CHECK(rows_of(g) == Rows{{"第二十条第(一)项"},
                             {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                             {"规章", "0", "0", "0"},
                             {"行政许可", "0", "#", "#"},
                             {"一、本年新收", "0", "", "", "", "", "", "0"},
                             {"#", "(二)部分公开", "", "", "0"},
                             {"#", "#", "2.其他法律", "1", "0"}});
}

TEST_CASE("tables::parse_text Markdown-like leading pipe is decoration") {
    const auto doc = parse_text(
        "| 第二十条  第(一)项 | |||\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | \n| 规章 | 0 | 0 | 0 | \n");
    REQUIRE(doc.tables.size() == 1);
    CHECK(rows_of(doc.tables[0]) == Rows{{"第二十条  第(一)项", "#", "#", "#"},
                                         {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                         {"规章", "0", "0", "0"}});
}

TEST_CASE("tables::parse_text closing pipe wrapped onto the next line") {
    const auto doc = parse_text("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 1\n|\n行政规范性文件 | 2 | 0 | 3\n|\n");
    REQUIRE(doc.tables.size() == 1);
    CHECK(rows_of(doc.tables[0]) == Rows{{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                         {"规章", "0", "0", "1"},
                                         {"行政规范性文件", "2", "0", "3"}});
}

TEST_CASE("tables::parse_text covered runs on their own lines") {
    const auto doc = parse_text("第二十條 第(一)項 |\n|||\n信息內容 |\n本年製發件數 |\n本年廢止件數 |\n現行有效件數 |\n規章 |\n0 |\n0 |\n0 |\n");
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].width == 4);
    CHECK(rows_of(doc.tables[0]) == Rows{{"第二十條 第(一)項", "#", "#", "#"},
                                         {"信息內容", "本年製發件數", "本年廢止件數", "現行有效件數"},
                                         {"規章", "0", "0", "0"}});
}

TEST_CASE("tables::parse_text bare pipe line before every row") {
    const auto doc = parse_text("標題\n|\n第二十条第(一)項 |\n|||\n|\n信息內容 |\n本年製發件數 |\n|\n規章 |\n0 |\n|\n行政許可 |\n4 |\n||\n");
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].form == FlatForm::row_separated);
    CHECK(rows_of(doc.tables[0]) == Rows{{"第二十条第(一)項", "#", "#", "#"},
                                         {"信息內容", "本年製發件數"},
                                         {"規章", "0"},
                                         {"行政許可", "4", "#", "#"}});
    CHECK(doc.blocks[0].text == "標題");
}

TEST_CASE("tables::parse_text alternating cell and pipe lines: a stream, multi-line cells joined") {
    const auto doc = parse_text("第二十条第(一)项\n|\n信息内容\n|\n规章\n|\n0\n|\n6\n|\n商业\n企业\n|\n行政许可\n|\n0\n|\n");
    REQUIRE(doc.tables.size() == 1);
    const Grid& g = doc.tables[0];
    CHECK(g.form == FlatForm::alternating);
    CHECK(g.positions == Positions::stream);
    CHECK(rows_of(g) == Rows{{"第二十条第(一)项", "信息内容", "规章", "0", "6"}, {"商业\n企业", "行政许可", "0"}});
}

TEST_CASE("tables::parse_text no pipes: a run of short lines with values is a table") {
    const auto doc = parse_text(
        "(一)主动公开政府信息情况\n\n这是一个很长的段落。它有句号。\n\n"
        "第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n对外公开总数量\n\n规章\n\n0\n\n0\n\n0\n\n"
        "行政许可\n\n10\n\n减少8\n\n0\n\n三、收到和处理\n");
    REQUIRE(doc.tables.size() == 1);
    const Grid& g = doc.tables[0];
    CHECK(g.form == FlatForm::no_pipes);
    CHECK(rows_of(g) == Rows{{"第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "0", "0", "0"},
                             {"行政许可", "10", "减少8", "0"},
                             {"三、收到和处理"}});
    CHECK(doc.blocks[0].text == "(一)主动公开政府信息情况");
}

TEST_CASE("tables::parse_text short lines of prose are not a table") {
    const auto doc = parse_text("日期:2020-01-30\n语音播报\n分享:\n字号 :\n\n标题\n\n一、总体情况\n");
    CHECK(doc.tables.empty());
    CHECK(doc.blocks.size() == 6);
}

TEST_CASE("tables::parse_text layout pipes around titles are chrome, not tables") {
    std::string chrome = "| | | | | | | | | | | | | | | | | | 2023年政府信息公开工作年度报告 | | | | | | | | | | | | | | | | | | | |\n"
                         "| | | | | | | | | | | | | | | | | | | | | | 发布日期:2024-01-20 | | | | | | | | | | | | | |\n";
    const auto doc = parse_text(chrome + "正文。\n");
    CHECK(doc.tables.empty());
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].text == "2023年政府信息公开工作年度报告");
    CHECK(doc.blocks[1].text == "发布日期:2024-01-20");
}

TEST_CASE("tables::parse_text a document cut inside a table keeps the cut cell") {
    const auto doc = parse_text("规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1 | 25 |\n其他主动公开文件 | 56 | 45 ");
    REQUIRE(doc.tables.size() == 1);
    CHECK(rows_of(doc.tables[0]).back() == std::vector<std::string>{"其他主动公开文件", "56", "45"});
    const auto doc2 = parse_text("规章\n|\n0\n|\n行政许可\n|\n6.属于四类过程性信");
    REQUIRE(doc2.tables.size() == 1);
    CHECK(doc2.blocks.size() == 1);
}

TEST_CASE("tables::parse_text CRLF and CR line ends") {
    const auto doc = parse_text("规章 | 0 | 0 | 0 |\r\n行政规范性文件 | 5 | 1 | 25 |\r规章 | 1 | 1 | 1 |");
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].rows.size() == 3);
}

TEST_CASE("tables::parse_text empty and pipe-only documents") {
    CHECK(parse_text("").blocks.empty());
    CHECK(parse_text("|||\n|\n").tables.empty());
    CHECK(parse_text("\n\n   \n").blocks.empty());
}

TEST_CASE("tables::parse_text \\n, \\r\\n and lone \\r line ends give the same grid and positions") {
    const auto lf = parse_text("标题\n规章 | 0 | 0 | 0 |\n\n行政规范性文件 | 5 | 1 | 25 |\n规章 | 1 | 1 | 1 |");
    const auto crlf = parse_text("标题\r\n规章 | 0 | 0 | 0 |\r\n\r\n行政规范性文件 | 5 | 1 | 25 |\r\n规章 | 1 | 1 | 1 |\r\n");
    const auto cr = parse_text("标题\r规章 | 0 | 0 | 0 |\r\r行政规范性文件 | 5 | 1 | 25 |\r规章 | 1 | 1 | 1 |\r");
    for (const auto* doc : {&lf, &crlf, &cr}) {
        REQUIRE(doc->tables.size() == 1);
        CHECK(rows_of(doc->tables[0]) == Rows{{"规章", "0", "0", "0"}, {"行政规范性文件", "5", "1", "25"}, {"规章", "1", "1", "1"}});
        CHECK(doc->tables[0].rows[1].pos.line == 4);  // the empty line counts
        CHECK(doc->tables[0].rows[1].slots[1].pos.column == 25);
    }
    // byte offsets count the terminators as written
    CHECK(lf.tables[0].rows[1].pos.offset == 29);
    CHECK(crlf.tables[0].rows[1].pos.offset == 32);
    CHECK(cr.tables[0].rows[1].pos.offset == 29);
    // \r\r\n is a lone \r and then \r\n: an empty line between
    const auto mixed = parse_text("规章 | 0 | 0 | 0 |\r\r\n行政规范性文件 | 5 | 1 | 25 |\n\r规章 | 1 | 1 | 1 |");
    REQUIRE(mixed.tables.size() == 1);
    CHECK(mixed.tables[0].rows[1].pos.line == 3);
    CHECK(mixed.tables[0].rows[2].pos.line == 5);
}

TEST_CASE("tables::parse_text empty and whitespace-only lines between cells") {
    const auto doc = parse_text("\n\n第二十条第(一)项 | |||\n\xE3\x80\x80\n信息内容 |\n \xC2\xA0\n本年制发件数 |\n\n本年废止件数 |\n现行有效件数 |\n");
    REQUIRE(doc.tables.size() == 1);
    CHECK(rows_of(doc.tables[0]) == Rows{{"第二十条第(一)项", "#", "#", "#"}, {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}});
    CHECK(doc.tables[0].pos.line == 3);
    CHECK(doc.tables[0].rows[1].slots[1].pos.line == 7);
}

TEST_CASE("tables::parse_text asks the heading callback at most once per line") {
    std::map<std::string, int> asked;
    TextOptions o;
    o.is_heading = [&asked](std::string_view l) {
        ++asked[std::string(l)];
        return l.rfind("三、", 0) == 0;
    };
    // every line distinct, so that counting by text counts by line
    const auto doc = parse_text("一、总体情况\n规章\n|\n10\n|\n规范性文件\n|\n11\n|\n三、收到\n行政许可\n0\n1\n2\n3\n4\n5\n6\n7\n文字说明。\n", o);
    CHECK_FALSE(asked.empty());
    for (const auto& [line, times] : asked) {
        INFO(line);
        CHECK(times == 1);
    }
    REQUIRE(doc.blocks.size() == 5);
    CHECK(doc.blocks[1].kind == BlockKind::table);
    CHECK(doc.blocks[2].kind == BlockKind::heading);
    CHECK(doc.blocks[2].text == "三、收到");
}
