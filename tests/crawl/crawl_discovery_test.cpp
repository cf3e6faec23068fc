// crawl/discovery: what a listing or report page leads to.
#include <catch2/catch.hpp>

#include "crawl/discovery.hpp"

using namespace zfxxgk;
using crawl::FoundBy;
using crawl::UrlKind;

namespace {
crawl::Discovery run(const std::string& html, UrlKind kind, const std::string& page = "http://www.a.gov.cn/xxgk/ndbg/index.html") {
    const auto url = fetch::parse_url(page);
    return crawl::discover(tables::extract_links(html), *url, kind, crawl::Scope{"a.gov.cn", {"b.cn"}});
}
}  // namespace

TEST_CASE("crawl::is_report_title") {
    CHECK(crawl::is_report_title("高平市人民政府办公室2023年政府信息公开工作年度报告"));
    CHECK(crawl::is_report_title("2019年度信息公开年报"));
    CHECK(crawl::is_report_title("某局二〇二〇年政府信息公开工作年度报告"));
    CHECK_FALSE(crawl::is_report_title("政府信息公开工作年度报告"));        // no year
    CHECK_FALSE(crawl::is_report_title("2023年政府工作报告"));             // not the annual disclosure report
    CHECK_FALSE(crawl::is_report_title("第12023年政府信息公开年报"));       // 12023 is no year
}

TEST_CASE("crawl::discover on a listing: reports, attachments, pagination, scope") {
    const auto d = run(
        "<a href=\"202401/t1.html\">某县2023年政府信息公开工作年度报告</a>"
        "<a href=\"files/2022.pdf\">某县2022年政府信息公开工作年度报告（PDF）</a>"
        "<a href=\"http://www.b.cn/2021.html\">某县2021年政府信息公开工作年度报告</a>"
        "<a href=\"http://www.c.cn/2020.html\">某县2020年政府信息公开工作年度报告</a>"
        "<a href=\"index_1.html\">下一页</a><a href=\"index_2.html\">3</a><a href=\"/other/list_2.html\">2</a>"
        "<a href=\"/about.html\">关于我们</a><a href=\"202401/t1.html\">重复链接2023年政府信息公开年报</a>",
        UrlKind::listing);
    REQUIRE(d.found.size() == 5);
    CHECK(d.found[0].kind == UrlKind::report);
    CHECK(d.found[0].url.str() == "http://www.a.gov.cn/xxgk/ndbg/202401/t1.html");
    CHECK(d.found[0].name == "某县2023年政府信息公开工作年度报告");
    CHECK(d.found[1].kind == UrlKind::attachment);
    CHECK(d.found[2].url.host == "www.b.cn");  // allowed by the portal's allow= list
    CHECK(d.found[3].by == FoundBy::pagination_link);
    CHECK(d.found[4].url.str() == "http://www.a.gov.cn/xxgk/ndbg/index_2.html");
    CHECK(d.out_of_scope == 1);
    CHECK_FALSE(d.shell);
}

TEST_CASE("crawl::discover script page counts, shells, report-page attachments") {
    auto d = run("<script>createPageHTML(3, 0, \"index\", \"shtml\");</script>", UrlKind::listing);
    REQUIRE(d.found.size() == 2);
    CHECK(d.found[1].url.str() == "http://www.a.gov.cn/xxgk/ndbg/index_2.shtml");
    CHECK(d.found[1].by == FoundBy::script_page_count);
    d = run("<script>createPageHTML('page_div', 2, 0, 'page^div', 'html');</script>", UrlKind::listing);
    REQUIRE(d.found.size() == 1);  // a fuzzer find: names from script are percent-encoded like hrefs
    CHECK(d.found[0].url.str() == "http://www.a.gov.cn/xxgk/ndbg/page%5Ediv_1.html");
    d = run("<script>var countPage = 2</script>", UrlKind::listing, "http://www.a.gov.cn/col/col1/");
    REQUIRE(d.found.size() == 1);
    CHECK(d.found[0].url.str() == "http://www.a.gov.cn/col/col1/index_1.html");
    d = run("<meta http-equiv=refresh content=\"0;url=/real/2023.html\">", UrlKind::report);
    CHECK(d.shell);
    REQUIRE(d.found.size() == 1);
    CHECK(d.found[0].kind == UrlKind::report);
    d = run("<script>location.href='/r.html'</script><a href=a>1</a><a href=b>2</a><a href=c>3</a><a href=d>4</a>",
            UrlKind::report);
    CHECK_FALSE(d.shell);  // a page with real content whose script merely mentions a location
    d = run("<p>正文</p><a href=\"附件1.docx\">附件1</a><a href=\"/x/年报.WPS\">年报</a><a href=\"other.html\">某县2023年政府信息公开年报</a>",
            UrlKind::report);
    REQUIRE(d.found.size() == 2);
    CHECK(d.found[0].kind == UrlKind::attachment);
    CHECK(d.found[0].name == "附件1");
    CHECK(d.found[1].url.path == "/x/%E5%B9%B4%E6%8A%A5.WPS");
}

TEST_CASE("crawl::discover scope with Unicode hosts: the portal's own host in Unicode is in scope, another domain is not") {
    const auto page = fetch::parse_url("http://www.xn--fsqu00a.xn--55qx5d.cn/ndbg/index.html");  // www.例子.公司.cn
    REQUIRE(page);
    const crawl::Scope scope{fetch::registrable_domain(page->host), {}};
    CHECK(scope.domain == "xn--fsqu00a.xn--55qx5d.cn");
    const auto d = crawl::discover(
        tables::extract_links("<a href=\"http://www.例子.公司.cn/ndbg/2023.html\">某县2023年政府信息公开工作年度报告</a>"
                              "<a href=\"http://xxgk.例子.公司.cn/2022.html\">某县2022年政府信息公开工作年度报告</a>"
                              "<a href=\"http://www.其他.公司.cn/ndbg/2021.html\">某县2021年政府信息公开工作年度报告</a>"
                              "<a href=\"http://xn--zz.公司.cn/2020.html\">某县2020年政府信息公开工作年度报告</a>"),
        *page, UrlKind::listing, scope);
    REQUIRE(d.found.size() == 2);
    CHECK(d.found[0].url.str() == "http://www.xn--fsqu00a.xn--55qx5d.cn/ndbg/2023.html");
    CHECK(d.found[1].url.host == "xxgk.xn--fsqu00a.xn--55qx5d.cn");
    CHECK(d.out_of_scope == 1);  // 其他.公司.cn; the invalid xn--zz host does not parse at all
}
