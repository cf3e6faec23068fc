// tables/html_links: anchors with text and title, base, frames, meta refresh, script redirects,
// CMS page counts.
#include <catch2/catch.hpp>

#include "tables/html_links.hpp"

using namespace zfxxgk::tables;

TEST_CASE("tables::extract_links anchors, titles, base, frames, areas") {
    const PageLinks p = extract_links(
        "<html><head><title> 年报 \n栏目 </title><base href=\"/xxgk/\"></head><body>"
        "<a href=\"ndbg/1.html\" title=\"某县2023年政府信息公开工作年度报告\">某县2023年&nbsp;政府<b>信息</b>公开…</a>"
        "<a name=\"anchor\">no href</a><iframe src=\"list.html\"></iframe>"
        "<map><area href=\"m.html\" alt=\"地图\"></map><a href=\"x.html\"><img alt=\"图片链接\"></a></body></html>");
    CHECK(p.title == "年报 栏目");
    CHECK(p.base_href == "/xxgk/");
    REQUIRE(p.links.size() == 4);
    CHECK(p.links[0].href == "ndbg/1.html");
    CHECK(p.links[0].text == "某县2023年 政府信息公开…");
    CHECK(p.links[0].title == "某县2023年政府信息公开工作年度报告");
    CHECK(p.links[1].element == LinkElement::iframe);
    CHECK(p.links[2].element == LinkElement::area);
    CHECK(p.links[2].text == "地图");
    CHECK(p.links[3].text == "图片链接");
}

TEST_CASE("tables::extract_links redirect hints: meta refresh and script") {
    CHECK(extract_links("<meta http-equiv=\"Refresh\" content=\"0; URL='real.html'\">").meta_refresh == "real.html");
    CHECK(refresh_url("5;url=/a b.html ") == "/a b.html");
    CHECK(refresh_url("3") == std::nullopt);
    CHECK(refresh_url("0; http://x.gov.cn/") == "http://x.gov.cn/");
    const PageLinks p = extract_links(
        "<script>if (a == location.href) {}; window.location.href = \"/a.html\"; location.replace('b.html');"
        "top.location = 'c.html'; location.href = '/search?q=' + q; var mylocation = 'no.html';</script>"
        "<body onload=\"location.href='d.html'\"></body>");
    CHECK(p.script_redirects == std::vector<std::string>{"/a.html", "b.html", "c.html", "d.html"});
}

TEST_CASE("tables::scan_script page counts: createPageHTML (4 and 6 arguments) and countPage") {
    PageLinks p;
    scan_script("function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {}\n"
                "createPageHTML(7, 0, \"index\", \"shtml\");\n"
                "createPageHTML('page_div', 5, 1, 'list', 'html', 68);\n"
                "var countPage = 12;//共多少页\n var recountPage = 3; countPage == 4;",
                p);
    REQUIRE(p.page_counts.size() == 3);
    CHECK(p.page_counts[0].count == 7);
    CHECK(p.page_counts[0].prefix == "index");
    CHECK(p.page_counts[0].extension == "shtml");
    CHECK(p.page_counts[1].count == 5);
    CHECK(p.page_counts[1].prefix == "list");
    CHECK(p.page_counts[2].pattern == PageCountPattern::count_page);
    CHECK(p.page_counts[2].count == 12);
}

TEST_CASE("tables::extract_links cuts long link text without leaving a trailing space") {
    LinkOptions o;
    o.max_text_bytes = 6;
    const PageLinks p = extract_links("<a href=x title=\"abcde fgh\">abcde fgh</a>", o);
    REQUIRE(p.links.size() == 1);
    CHECK(p.links[0].text == "abcde");
    CHECK(p.links[0].title == "abcde");
}

TEST_CASE("tables::extract_links survives deep nesting and caps links") {
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<div>";  // gumbo itself is quadratic in the depth
    deep += "<a href=\"x\">x</a>";
    CHECK(extract_links(deep).links.size() == 1);
    std::string many;
    for (int i = 0; i < 50; ++i) many += "<a href=\"" + std::to_string(i) + "\">" + std::to_string(i) + "</a>";
    LinkOptions o;
    o.max_links = 10;
    const PageLinks p = extract_links(many, o);
    CHECK(p.links.size() == 10);
    CHECK(p.links_truncated);
}
