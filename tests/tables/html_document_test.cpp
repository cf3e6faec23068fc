// parse_html's Document: title, blocks in reading order, text normalisation, limits.
#include "tables/html.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using namespace zfxxgk::tables;

// "h:" heading, "p:" paragraph, "t:N" table N.
std::vector<std::string> blocks_of(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.blocks) {
        switch (b.kind) {
        case BlockKind::heading:
            out.push_back("h:" + b.text);
            break;
        case BlockKind::paragraph:
            out.push_back("p:" + b.text);
            break;
        case BlockKind::table:
            out.push_back("t:" + std::to_string(b.table));
            break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("tables::parse_html blocks come in reading order") {
    const Document doc = parse_html(R"(<!DOCTYPE html>
<html><head><title>  某某局2021年
  政府信息公开工作年度报告 </title>
<meta charset="utf-8"><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body>
<h1>某某局2021年政府信息公开工作年度报告</h1>
<div>　　根据《条例》，现公布本机关年度报告。<p>一、总体情况</p>正文&nbsp;&nbsp;继续<br>新段落</div>
<!-- <p>comment</p> -->
<noscript><p>请启用脚本</p></noscript>
<template><p>template</p><table><tr><td>x</td></tr></table></template>
<ul><li>条目一</li><li> 条目<b>二</b> </li></ul>
<h2>二、<span>主动公开</span>政府信息情况</h2>
<table><tr><td>规章</td></tr></table>
<p>   </p><p>&nbsp;</p>
<p>结束</p>
</body></html>)");
    CHECK(doc.title == "某某局2021年 政府信息公开工作年度报告");
    CHECK(blocks_of(doc) == std::vector<std::string>{
                                "h:某某局2021年政府信息公开工作年度报告",
                                "p:　　根据《条例》，现公布本机关年度报告。",
                                "p:一、总体情况",
                                "p:正文 继续",
                                "p:新段落",
                                "p:条目一",
                                "p:条目二",
                                "h:二、主动公开政府信息情况",
                                "t:0",
                                "p:结束",
                            });
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.blocks[0].pos.line == 6);
    CHECK(doc.blocks[0].pos.column == 1);
    CHECK(doc.blocks[1].pos.line == 7);
    CHECK(doc.blocks[1].pos.column == 6);   // the first text, after "<div>"
}

TEST_CASE("tables::parse_html headings and block elements inside cells are cell lines") {
    const Document doc = parse_html(
        "<table><tr><td><h3>标题</h3><ul><li>一</li><li>二</li></ul>尾</td></tr></table>");
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].rows.at(0).slots.at(0).text == "标题\n一\n二\n尾");
    CHECK(blocks_of(doc) == std::vector<std::string>{"t:0"});
}

TEST_CASE("tables::parse_html a caption is a paragraph before its table") {
    const Document doc = parse_html(
        "<p>前</p><table><caption>表1 <b>主动公开</b></caption><tr><td>a</td></tr></table><p>后</p>");
    CHECK(blocks_of(doc) == std::vector<std::string>{"p:前", "p:表1 主动公开", "t:0", "p:后"});
}

TEST_CASE("tables::parse_html text the parser moves out of a table comes before it") {
    // Stray text inside <table> is foster-parented in front of the table.
    const Document doc = parse_html("<table>说明<tr><td>a</td></tr></table>");
    CHECK(blocks_of(doc) == std::vector<std::string>{"p:说明", "t:0"});
}

TEST_CASE("tables::parse_html empty and text-only input") {
    CHECK(parse_html("").blocks.empty());
    CHECK(parse_html("").title.empty());
    const Document doc = parse_html("纯文本\n第二行");
    CHECK(blocks_of(doc) == std::vector<std::string>{"p:纯文本 第二行"});
    CHECK(doc.blocks[0].pos.line == 1);
}

TEST_CASE("tables::parse_html keeps a table without rows as an empty grid") {
    const Document doc = parse_html("<table></table><table><tr><td></td></tr></table>");
    REQUIRE(doc.tables.size() == 2);
    CHECK(doc.tables[0].rows.empty());
    CHECK(doc.tables[0].width == 0);
    CHECK(doc.tables[1].rows.empty());   // its only row is a spacer row
    CHECK(doc.tables[1].width == 1);
}

TEST_CASE("tables::parse_html tables past max_tables are read as text") {
    HtmlOptions options;
    options.max_tables = 1;
    const Document doc = parse_html(
        "<table><tr><td>a</td></tr></table><table><tr><td>b</td><td>c</td></tr></table>", options);
    CHECK(blocks_of(doc) == std::vector<std::string>{"t:0", "p:b", "p:c"});
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].code == "too_many_tables");
}

TEST_CASE("tables::parse_html stops a table that needs more than max_slots") {
    HtmlOptions options;
    options.max_slots = 10;
    const Document doc = parse_html(
        "<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td></tr><tr><td>5</td></tr>"
        "<tr><td>6</td></tr></table>",
        options);
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].rows.size() == 3);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].code == "table_too_large");
    CHECK(doc.diagnostics[0].pos.line == 1);
}

TEST_CASE("tables::parse_html diagnostics are capped") {
    std::string html = "<table>";
    for (int i = 0; i < 150; ++i) {
        html += "<tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=2>c</td></tr>";
    }
    html += "</table>";
    const Document doc = parse_html(html);
    CHECK(doc.diagnostics.size() == Document::kMaxDiagnostics);
    CHECK(doc.diagnostics_truncated);
}

TEST_CASE("tables::parse_html survives very deep nesting") {
    std::string html;
    for (int i = 0; i < 300000; ++i) {
        html += "<span>";
    }
    html += "深";
    const Document doc = parse_html(html);
    CHECK(blocks_of(doc) == std::vector<std::string>{"p:深"});

    std::string tables;
    for (int i = 0; i < 2000; ++i) {
        tables += "<table><tr><td>";
    }
    const Document nested = parse_html(tables);
    CHECK(nested.tables.size() == 1000);   // HtmlOptions::max_tables
    CHECK(nested.tables[999].parent == 998);
}

TEST_CASE("tables::parse_html reads svg and math text but not their table-like tags") {
    const Document doc = parse_html("<p>a<svg><title>图</title><text>文字</text></svg>b</p>");
    CHECK(doc.title.empty());
    CHECK(blocks_of(doc) == std::vector<std::string>{"p:a图文字b"});
}
