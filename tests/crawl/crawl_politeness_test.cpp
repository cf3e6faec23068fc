// Politeness measured at the servers: the per-host delay and robots.txt Crawl-delay between
// consecutive requests to one host, while different hosts are fetched at the same time. And
// the archive is enough to rebuild every record without fetching again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "crawl_support.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "fetch/charset.hpp"
#include "fetch/warc.hpp"
#include "portal_simulator.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;
using nlohmann::json;

namespace {

void serve_reports(Site& site, const std::vector<std::string>& fixtures) {
    std::string items;
    for (std::size_t i = 0; i < fixtures.size(); ++i) {
        const std::string path = "/ndbg/" + std::to_string(i) + ".txt";
        items += "<li><a href=\"" + path + "\">" + std::to_string(i) + "号：2022年政府信息公开工作年度报告</a></li>";
        site.page(path, Page{200, "text/plain; charset=utf-8", read_fixture("fixtures/reports/" + fixtures[i])});
    }
    site.html("/ndbg/index.html", "<html><body><ul>" + items + "</ul></body></html>");
}

double ms_between(const LoggedRequest& a, const LoggedRequest& b) {
    return std::chrono::duration<double, std::milli>(b.at - a.at).count();
}

// What `zfxxgk extract --warc` does with a response record: the same three calls as extract_bytes.
json rebuild_from_archive(const fetch::WarcResponse& r, const std::string& warc_file) {
    fetch::CharsetOptions copts;
    copts.http_charset = r.charset;
    const fetch::Decoded decoded = fetch::decode_to_utf8(r.body, copts);
    extractor::Source source;
    source.path = r.target_uri;
    source.url = r.target_uri;
    source.sha256 = fetch::sha256_hex(r.body);
    source.bytes = r.body.size();
    source.encoding = decoded.encoding;
    source.warc_file = warc_file;
    source.warc_record_id = r.record_id;
    const extractor::Record rec = extractor::looks_like_html(decoded.text) ? extractor::extract_html(decoded.text, source)
                                                                          : extractor::extract_text(decoded.text, source);
    return json::parse(extractor::to_json(rec));
}

}  // namespace

TEST_CASE("crawl politeness: per-host delay and Crawl-delay at the server, hosts in parallel; records rebuild from the archive") {
    Site p1("www.delay.gov.cn");
    Site p2("www.crawldelay.gov.cn");
    p1.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nAllow: /\n"});
    p2.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nCrawl-delay: 0.6\nDisallow: /admin/\n"});
    serve_reports(p1, {"gb2021-row-per-line.txt", "gb2021-markdown-pipes.txt", "gb2019-hubei-extra-row.txt",
                       "gb2021-wrapped-closing-pipe.txt", "freeform-2012-nanping.txt"});
    serve_reports(p2, {"gb2019-no-pipes-labels-only.txt", "gb2021-split-header-blank-cells.txt"});
    p1.start();
    p2.start();
    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    const fs::path ds = tmp.path() / "ds";
    std::ofstream(list) << "甲县\t" << p1.url("/ndbg/index.html") << "\n乙县\t" << p2.url("/ndbg/index.html") << "\n";
    const CliRun run = run_cli({"crawl", list.string(), "-o", ds.string(), "--contact", "https://example.org/contact",
                                "--delay", "0.3", "--no-progress", "--resolve", p1.resolve(), "--resolve", p2.resolve()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto r1 = p1.requests();
    const auto r2 = p2.requests();
    REQUIRE(r1.size() == 7);  // robots.txt, the listing, five reports
    REQUIRE(r2.size() == 4);
    for (std::size_t i = 1; i < r1.size(); ++i) CHECK(ms_between(r1[i - 1], r1[i]) >= 299.0);
    for (std::size_t i = 1; i < r2.size(); ++i) CHECK(ms_between(r2[i - 1], r2[i]) >= 599.0);
    // Both hosts were crawled at the same time, not one after the other.
    CHECK(r2.front().at < r1.back().at);
    CHECK(r1.front().at < r2.back().at);

    // Every record can be rebuilt from its archived response alone.
    const auto records = dataset_records(ds);
    REQUIRE(records.size() == 7);
    for (const auto& [path, text] : records) {
        INFO(path);
        const json rec = json::parse(text);
        const std::string warc_file = rec["source"]["warc_file"];
        auto reader = fetch::WarcReader::open(ds / warc_file);
        REQUIRE(reader);
        std::optional<json> rebuilt;
        while (!rebuilt) {
            auto next = reader->next();
            REQUIRE(next);
            REQUIRE(next.value());
            const fetch::WarcRecord& w = *next.value();
            if (w.type() != "response" || w.get("WARC-Record-ID") != rec["source"]["warc_record_id"]) continue;
            auto resp = fetch::read_response(w);
            REQUIRE(resp);
            rebuilt = rebuild_from_archive(*resp, warc_file);
        }
        json a = rec;
        a["source"].erase("fetched_at");
        rebuilt->at("source").erase("fetched_at");
        CHECK(*rebuilt == a);
    }
}

TEST_CASE("crawl politeness is per host name: two ports of one host share the delay and the larger Crawl-delay; another host does not wait") {
    // One host name on two ports of 127.0.0.1 (two origins), and another host name.
    Site a1("www.ports.gov.cn");
    Site a2("www.ports.gov.cn");
    Site b("www.other.gov.cn");
    a1.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nCrawl-delay: 0.5\n"});
    a2.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nCrawl-delay: 0.3\n"});
    b.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nAllow: /\n"});
    serve_reports(a1, {"gb2021-row-per-line.txt"});
    serve_reports(a2, {"gb2021-markdown-pipes.txt"});
    serve_reports(b, {"gb2019-hubei-extra-row.txt", "gb2021-wrapped-closing-pipe.txt"});
    for (Site* s : {&a1, &a2, &b}) s->start();
    REQUIRE(a1.port() != a2.port());
    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    const fs::path ds = tmp.path() / "ds";
    std::ofstream(list) << "甲端口\t" << a1.url("/ndbg/index.html") << "\n乙端口\t" << a2.url("/ndbg/index.html") << "\n丙县\t"
                        << b.url("/ndbg/index.html") << "\n";
    const CliRun run = run_cli({"crawl", list.string(), "-o", ds.string(), "--contact", "https://example.org/contact", "--delay",
                                "0.25", "--no-progress", "--resolve", a1.resolve(), "--resolve", a2.resolve(), "--resolve", b.resolve()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(dataset_records(ds).size() == 4);
    const json s = read_json(ds / "crawl-summary.json");
    CHECK(s["hosts"] == 2);  // host names, not origins

    // Each origin fetched its own robots.txt first (RFC 9309: robots.txt is per origin).
    for (const Site* site : {&a1, &a2, &b}) {
        const auto reqs = site->requests();
        REQUIRE(reqs.size() == 3 + (site == &b ? 1u : 0u));
        CHECK(reqs.front().path == "/robots.txt");
    }
    // Host A's requests on both ports, in the order they arrived: the first origin's robots.txt
    // (Crawl-delay 0.5) comes first, and from then on every request to the host, on either
    // port, waits at least 0.5 s — also after the second origin's robots.txt asked for only 0.3 s.
    std::vector<LoggedRequest> host_a = a1.requests();
    for (const auto& r : a2.requests()) host_a.push_back(r);
    std::sort(host_a.begin(), host_a.end(), [](const LoggedRequest& x, const LoggedRequest& y) { return x.at < y.at; });
    REQUIRE(host_a.size() == 6);
    CHECK(host_a[0].path == "/robots.txt");
    CHECK(host_a[1].path == "/robots.txt");
    for (std::size_t i = 1; i < host_a.size(); ++i) {
        INFO("request " << i << " " << host_a[i].path);
        CHECK(ms_between(host_a[i - 1], host_a[i]) >= 499.0);
    }
    // Host B did not wait for host A: some of its requests came within a fraction of the delay
    // of one of A's.
    double closest = 1e9;
    for (const auto& rb : b.requests()) {
        for (const auto& ra : host_a) closest = std::min(closest, std::abs(ms_between(ra, rb)));
    }
    CHECK(closest < 100.0);
    const auto rb = b.requests();
    CHECK(ms_between(rb.front(), rb.back()) < ms_between(host_a.front(), host_a.back()));
}
