// Internationalized host names in the crawl: a portal line and report links written with the
// Unicode form of a host reach the server under its punycode name, count as the portal's own
// registrable domain, and reach the state in one spelling; a Unicode host of another
// registrable domain stays out of scope.
#include <catch2/catch.hpp>

#include "crawl/state.hpp"
#include "crawl_support.hpp"
#include "portal_simulator.hpp"

using namespace zfxxgk::test;
using nlohmann::json;

TEST_CASE("crawl IDN: links to the Unicode form of the portal's punycode host are followed, another domain's are not") {
    Site own("www.xn--fsqu00a.xn--55qx5d.cn");    // www.例子.公司.cn
    Site other("www.xn--8mqu7d.xn--55qx5d.cn");   // www.其他.公司.cn: 公司.cn is a public suffix
    own.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nAllow: /\n"});
    own.start();
    other.start();
    const std::string own_unicode = "http://www.例子.公司.cn:" + std::to_string(own.port());
    const std::string other_unicode = "http://www.其他.公司.cn:" + std::to_string(other.port());
    own.html("/ndbg/index.html", "<html><body><ul>"
                                 "<li><a href=\"" + own_unicode + "/ndbg/1.txt\">某县2021年政府信息公开工作年度报告</a></li>"
                                 "<li><a href=\"" + other_unicode + "/ndbg/2.txt\">某县2020年政府信息公开工作年度报告</a></li>"
                                 "</ul></body></html>");
    own.page("/ndbg/1.txt", Page{200, "text/plain; charset=utf-8", read_fixture("fixtures/reports/gb2021-row-per-line.txt")});
    other.page("/ndbg/2.txt", Page{200, "text/plain; charset=utf-8", read_fixture("fixtures/reports/gb2021-markdown-pipes.txt")});

    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    const fs::path ds = tmp.path() / "ds";
    std::ofstream(list) << "例子公司\t" << own_unicode << "/ndbg/index.html\n";
    const CliRun run = run_cli({"crawl", list.string(), "-o", ds.string(), "--contact", "test@example.org", "--delay", "0",
                                "--no-progress", "--resolve", own.resolve(), "--resolve", other.resolve()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("zfxxgk crawl: 1 portals (0 bad lines), 1 hosts") != std::string::npos);
    std::vector<std::string> paths;
    for (const auto& r : own.requests()) paths.push_back(r.path);
    CHECK(paths == std::vector<std::string>{"/robots.txt", "/ndbg/index.html", "/ndbg/1.txt"});
    CHECK(other.requests().empty());

    const auto records = dataset_records(ds);
    REQUIRE(records.size() == 1);
    CHECK(json::parse(records.begin()->second)["source"]["url"] == own.url("/ndbg/1.txt"));  // the punycode form
    zfxxgk::crawl::State state(ds / "crawl-state.sqlite");
    CHECK(state.lookup(own.url("/ndbg/index.html")));
    CHECK(state.lookup(own.url("/ndbg/1.txt")));
    CHECK_FALSE(state.lookup(own_unicode + "/ndbg/1.txt"));
    CHECK_FALSE(state.lookup(other.url("/ndbg/2.txt")));
}
