// End to end against the portal simulator: discovery in every pagination pattern, GBK and
// UTF-8, robots.txt, faults, politeness, the archive, the records, the summary, and the
// incremental second and third runs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "crawl/archive_replay.hpp"
#include "crawl/state.hpp"
#include "crawl_support.hpp"
#include "fetch/http_message.hpp"
#include "fetch/warc.hpp"
#include "portal_simulator.hpp"

using namespace zfxxgk::test;
using nlohmann::json;

namespace {

const std::string kA = "/xxgk/ndbg/index.html";

std::string listing(const std::string& title, const std::string& items, const std::string& script = "") {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" +
           (script.empty() ? "" : "<script type=\"text/javascript\">" + script + "</script>") +
           "</head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/xxgk/\">政府信息公开</a> "
           "<a href=\"/about.html\">关于我们</a></div><ul class=\"list\">" +
           items + "</ul></body></html>";
}

std::string li(const std::string& href, const std::string& text, const std::string& title = "") {
    return "<li><a href=\"" + href + "\"" + (title.empty() ? "" : " title=\"" + title + "\"") + ">" + text + "</a></li>";
}

Page text_page(const std::string& fixture) {
    return Page{200, "text/plain; charset=utf-8", read_fixture("fixtures/reports/" + fixture)};
}

struct Portals {
    Site a{"www.gaoping.gov.cn"};
    Site b{"xxgk.jcgov.gov.cn"};
    Site c{"www.lishui.gov.cn"};
    Site d{"www.faults.gov.cn"};
    Site f{"www.norobots.gov.cn"};
    ResetServer e{"www.reset.gov.cn"};

    Portals() {
        // A: UTF-8, createPageHTML pagination, robots.txt rules, ETag and Last-Modified.
        a.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nDisallow: /\n\nUser-agent: zfxxgk\nDisallow: /private/\n"});
        a.html(kA, listing("年报", li("202401/t20240120_1.html", "高平市人民政府办公室2023年政府信息公开工作年度报告") +
                                       li("/private/2022.html", "高平市2022年政府信息公开工作年度报告") +
                                       li("http://www.example.com/2023.html", "外站2023年政府信息公开工作年度报告") +
                                       li("/xxgk/tzgg/1.html", "关于开展2023年度工作的通知"),
                             "createPageHTML(3, 0, \"index\", \"html\");"));
        a.html("/xxgk/ndbg/index_1.html",
               listing("年报", li("202401/t20240115_2.txt", "孝感市人民政府办公室2020年政府信息公开工作年度报告")));
        a.html("/xxgk/ndbg/index_2.html",
               listing("年报", li("/xxgk/ndbg/202101/t20210122_3.html", "青田县自然资源和规划局2020年政府信息公开工作年度报告") +
                                   li("./202004/t20200401_4.txt", "乌海市工业和信息化局2020年…",
                                      "乌海市工业和信息化局2020年政府信息公开工作年度报告")));
        a.html("/xxgk/ndbg/202401/t20240120_1.html", read_fixture("fixtures/reports/gb2021-seed-gaoping-2023-word.html"));
        Page hubei = text_page("gb2019-hubei-extra-row.txt");
        hubei.etag = "\"v1\"";
        a.page("/xxgk/ndbg/202401/t20240115_2.txt", hubei);
        std::string procurement = read_fixture("fixtures/reports/gb2019-word-5col-procurement.html");
        procurement.insert(procurement.rfind("</body>"), "<p><a href=\"/xxgk/ndbg/files/report.pdf\">附件：2020年年报.pdf</a></p>");
        Page proc{200, "text/html; charset=utf-8", procurement};
        proc.last_modified = "Fri, 22 Jan 2021 08:00:00 GMT";
        a.page("/xxgk/ndbg/202101/t20210122_3.html", proc);
        a.page("/xxgk/ndbg/202004/t20200401_4.txt", text_page("gb2019-truncated-headers-signed-cells.txt"));
        Page pdf{200, "application/pdf", "%PDF-1.4\n% not a real report\n"};
        pdf.headers = {{"Content-Disposition",
                        "attachment; filename=\"report.pdf\"; filename*=UTF-8''%E9%9D%92%E7%94%B0%E5%8E%BF2020%E5%B9%B4%E6%8A%A5.pdf"}};
        a.page("/xxgk/ndbg/files/report.pdf", pdf);

        // B: GBK pages, no HTTP charset, countPage pagination, the seed in GBK (a conflict with A's).
        b.page("/col/ndbg/index.html", Page{200, "text/html", read_fixture("fixtures/crawl/listing-gbk-countpage.html")});
        b.page("/col/ndbg/index_1.html", Page{200, "text/html", read_fixture("fixtures/crawl/listing-gbk-countpage-page2.html")});
        b.page("/col/ndbg/202401/t20240120_9.html",
               Page{200, "text/html", read_fixture("fixtures/reports/gb2021-seed-gaoping-2023-word-gbk.html")});

        // C: 下一页 / page-number pagination, redirect shells, a redirect, identical content twice.
        c.html("/ndbg/list.html", listing("年报", li("shell.html", "南平市2012年政府信息公开工作年度报告") +
                                                      "<div class=\"page\"><a href=\"list_2.html\">下一页</a> <a href=\"list_3.html\">3</a></div>"));
        c.html("/ndbg/list_2.html", listing("年报", li("js-shell.html", "丽水市2017年政府信息公开年度报告") +
                                                        li("old-2019.html", "善感乡2019年政府信息公开工作年度报告") +
                                                        li("real/lishui2017-copy.txt", "丽水市2017年政府信息公开年度报告（副本）")));
        c.html("/ndbg/list_3.html", listing("年报", ""));
        c.html("/ndbg/shell.html", "<html><head><meta http-equiv=\"refresh\" content=\"0; url=real/nanping2012.txt\"></head><body></body></html>");
        c.html("/ndbg/js-shell.html",
               "<html><head><script>window.location.href = \"/ndbg/real/lishui2017.txt\";</script></head><body>正在跳转…</body></html>");
        c.page("/ndbg/old-2019.html", Page{301, "text/html", "moved", {{"Location", "/ndbg/real/pengshui2019.txt"}}});
        c.page("/ndbg/real/nanping2012.txt", text_page("freeform-2012-nanping.txt"));
        c.page("/ndbg/real/lishui2017.txt", text_page("freeform-2017-lishui.txt"));
        c.page("/ndbg/real/lishui2017-copy.txt", text_page("freeform-2017-lishui.txt"));
        c.page("/ndbg/real/pengshui2019.txt", text_page("gb2019-no-pipes-blank-lines-signed-changes.txt"));

        // D: faults.
        std::string items;
        for (const char* r : {"500", "503", "429", "slow", "truncated", "endless", "bomb", "loop-a", "gone"}) {
            items += li(std::string("/r/") + r + ".html", std::string("故障") + r + "：2023年政府信息公开工作年度报告");
        }
        d.html("/ndbg/index.html", listing("年报", items));
        Page p500{200, "text/html"};
        p500.fault = Fault::always_status;
        p500.fail_status = 500;
        d.page("/r/500.html", p500);
        Page p503 = text_page("gb2021-traditional-bare-pipe-row-separators.txt");
        p503.fault = Fault::fail_first;
        p503.fail_count = 1;
        p503.fail_status = 503;
        p503.retry_after = "1";
        d.page("/r/503.html", p503);
        Page p429 = text_page("gb2019-hubei-instructions-in-labels.txt");
        p429.fault = Fault::fail_first;
        p429.fail_count = 1;
        p429.fail_status = 429;
        p429.retry_after = "1";
        d.page("/r/429.html", p429);
        Page slow = text_page("gb2021-wrapped-closing-pipe.txt");
        slow.fault = Fault::slow;
        slow.delay_ms = 2500;
        d.page("/r/slow.html", slow);
        Page truncated = text_page("gb2021-seed-gaoping-2023.txt");
        truncated.fault = Fault::truncate;
        d.page("/r/truncated.html", truncated);
        // Types cpp-httplib does not gzip on its own: these bytes must reach the crawler as they are.
        Page endless{200, "application/octet-stream"};
        endless.fault = Fault::endless;
        d.page("/r/endless.html", endless);
        Page bomb{200, "application/octet-stream", gzip_bytes(std::string(24u << 20, ' '))};
        bomb.headers = {{"Content-Encoding", "gzip"}};
        d.page("/r/bomb.html", bomb);
        d.page("/r/loop-a.html", Page{302, "text/html", "", {{"Location", "/r/loop-b.html"}}});
        d.page("/r/loop-b.html", Page{302, "text/html", "", {{"Location", "http://www.faults.gov.cn:" + std::to_string(0) + "/r/loop-a.html"}}});

        // F: robots.txt unreachable.
        Page robots503{503, "text/plain", "down"};
        robots503.fault = Fault::always_status;
        robots503.fail_status = 503;
        f.page("/robots.txt", robots503);
        f.html("/ndbg/index.html", listing("年报", li("/r/1.html", "某县2023年政府信息公开工作年度报告")));

        for (Site* s : {&a, &b, &c, &d, &f}) s->start();
        // loop-b points back with an absolute URL, which needs the port.
        d.page("/r/loop-b.html", Page{302, "text/html", "", {{"Location", d.url("/r/loop-a.html")}}});
    }

    std::string portal_list() const {
        return "# test portals: agency, region code, listing URL, options\n"
               "高平市人民政府\t140581\t" + a.url(kA) + "\n" +
               "晋城市人民政府\t\t" + b.url("/col/ndbg/index.html") + "\tdelay=0.05\n" +
               "丽水市人民政府\t" + c.url("/ndbg/list.html") + "\n" +
               "故障县\t" + d.url("/ndbg/index.html") + "\n" +
               "重置县\t" + e.url("/ndbg/index.html") + "\n" +
               "无robots县\t" + f.url("/ndbg/index.html") + "\n" +
               "a line without any tab\n"
               "坏URL县\t000000\tnot-a-url\n";
    }

    std::vector<std::string> args(const fs::path& list, const fs::path& out) const {
        std::vector<std::string> v = {"crawl", list.string(), "-o", out.string(), "--contact", "test@example.org",
                                      "--delay", "0.05", "--retries", "2", "--backoff", "0.05", "--timeout", "1",
                                      "--connect-timeout", "1", "--max-bytes", "2000000", "--no-progress"};
        for (const std::string& r : {a.resolve(), b.resolve(), c.resolve(), d.resolve(), e.resolve(), f.resolve()}) {
            v.push_back("--resolve");
            v.push_back(r);
        }
        return v;
    }
};

void write_file(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary);
    out << s;
}

std::vector<double> gaps_ms(const std::vector<LoggedRequest>& reqs) {
    std::vector<double> out;
    for (std::size_t i = 1; i < reqs.size(); ++i) {
        out.push_back(std::chrono::duration<double, std::milli>(reqs[i].at - reqs[i - 1].at).count());
    }
    return out;
}

// The response record with this id in the dataset's archive.
std::optional<zfxxgk::fetch::WarcResponse> find_response(const fs::path& dataset, const std::string& file,
                                                         const std::string& record_id) {
    auto reader = zfxxgk::fetch::WarcReader::open(dataset / file);
    if (!reader) return std::nullopt;
    while (true) {
        auto rec = reader->next();
        if (!rec || !rec.value()) return std::nullopt;
        if (rec.value()->get("WARC-Record-ID") == record_id) {
            auto resp = zfxxgk::fetch::read_response(*rec.value());
            if (!resp) return std::nullopt;
            return resp.value();
        }
    }
}

}  // namespace

TEST_CASE("crawl::run_crawl over simulated portals: discovery, faults, politeness, archive, incremental runs") {
    Portals sim;
    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    const fs::path ds = tmp.path() / "dataset";
    write_file(list, sim.portal_list());
    auto args = sim.args(list, ds);
    args.push_back("--attachments");
    // Everything is due again at once, so that the next run revalidates all of it.
    for (const char* o : {"--revisit-listings", "--revisit-reports", "--retry-failed-after"}) {
        args.push_back(o);
        args.push_back("0");
    }

    const CliRun first = run_cli(args);
    INFO(first.err);
    CHECK(first.exit_code == 1);  // some URLs failed (faults), the rest is in the dataset
    CHECK(first.err.find(list.string() + ":8: expected agency<TAB>") != std::string::npos);
    CHECK(first.err.find(list.string() + ":9: region code '000000'") == std::string::npos);
    CHECK(first.err.find(list.string() + ":9: 'not-a-url' is not an absolute http(s) URL") != std::string::npos);

    const json s = read_json(ds / "crawl-summary.json");
    INFO(s.dump(2));
    CHECK(s["portals"] == 6);
    CHECK(s["bad_lines"] == 2);
    CHECK(s["hosts"] == 6);
    CHECK(s["reports"]["new"] == 10);
    CHECK(s["reports"]["duplicate"] == 1);
    CHECK(s["reports"]["not_extracted"] == 2);
    CHECK(s["records_written"] == 10);
    CHECK(s["conflicts"] == 1);
    CHECK(s["robots_disallowed"] == 1);
    CHECK(s["attachments"]["found"] == 1);
    CHECK(s["attachments"]["downloaded"] == 1);
    const json& f = s["failures"];
    CHECK(f.value("http_500", 0) == 1);
    CHECK(f.value("http_404", 0) == 1);
    CHECK(f.value("timeout", 0) == 1);
    CHECK(f.value("truncated", 0) == 1);
    CHECK(f.value("too_large", 0) == 2);
    CHECK(f.value("redirect_limit", 0) == 1);
    CHECK(f.value("reset", 0) == 1);
    CHECK(f.value("robots_unreachable", 0) == 1);
    CHECK(s["failures_total"] == 9);

    // What landed in the dataset.
    const auto records = dataset_records(ds);
    for (const char* path : {"高平市人民政府办公室/2023.json", "孝感市人民政府办公室/2020.json", "青田县自然资源和规划局/2020.json",
                             "乌海市工业和信息化局/2020.json", "彭水苗族土家族自治县善感乡人民政府/2019.json",
                             "麻阳苗族自治县板栗树乡人民政府/2022.json", "孝昌县人民政府办公室/2020.json"}) {
        CHECK(records.count(path) == 1);
    }
    CHECK(std::count_if(records.begin(), records.end(), [](const auto& r) { return r.first.rfind("高平市人民政府办公室/2023-", 0) == 0; }) == 1);
    CHECK(std::count_if(records.begin(), records.end(), [](const auto& r) { return r.first.rfind("_unknown/", 0) == 0; }) == 2);
    CHECK(records.size() == 10);

    // Every record names its source: URL, fetch time, archive file and record id; the archived
    // response decodes to the bytes whose sha256 the record carries.
    const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)");
    for (const auto& [path, text] : records) {
        INFO(path);
        const json r = json::parse(text);
        const json& src = r["source"];
        REQUIRE(src["url"].is_string());
        CHECK(std::regex_match(src["fetched_at"].get<std::string>(), rfc3339));
        REQUIRE(src["warc_file"].is_string());
        CHECK(src["warc_file"].get<std::string>().rfind("warc/zfxxgk-", 0) == 0);
        const auto resp = find_response(ds, src["warc_file"], src["warc_record_id"]);
        REQUIRE(resp);
        CHECK(resp->target_uri == src["url"]);
        CHECK(resp->date == src["fetched_at"]);  // fetched_at is the response's WARC-Date
        CHECK(zfxxgk::fetch::sha256_hex(resp->body) == src["sha256"]);
    }
    // The archive alone tells which responses gave records (what `extract --warc` relies on).
    {
        std::set<std::string> from_archive;
        for (const auto& e : fs::directory_iterator(ds / "warc")) {
            auto reader = zfxxgk::fetch::WarcReader::open(e.path());
            REQUIRE(reader);
            while (true) {
                auto rec = reader->next();
                REQUIRE(rec);
                if (!rec.value()) break;
                if (rec.value()->type() != "response") continue;
                auto resp = zfxxgk::fetch::read_response(*rec.value(), 2000000);
                if (resp && zfxxgk::crawl::gives_record(*rec.value(), *resp)) from_archive.insert(rec.value()->get("WARC-Record-ID").value_or(""));
            }
        }
        std::set<std::string> in_dataset;
        for (const auto& [path, text] : records) in_dataset.insert(json::parse(text)["source"]["warc_record_id"]);
        // Every record's response, plus the duplicate the crawl recorded once.
        CHECK(from_archive.size() == in_dataset.size() + 1);
        for (const auto& id : in_dataset) CHECK(from_archive.count(id) == 1);
    }
    const json gaoping = read_json(ds / "高平市人民政府办公室/2023.json");
    const json qingtian = read_json(ds / "青田县自然资源和规划局/2020.json");
    CHECK(qingtian["source"]["url"] == sim.a.url("/xxgk/ndbg/202101/t20210122_3.html"));
    CHECK(read_json(ds / "孝感市人民政府办公室/2020.json")["region_code"] == "140581");  // from the portal list

    // Politeness: robots.txt first on every host, never /private/, never the other site; at least
    // the delay between the requests to one host; the User-Agent names the contact.
    for (Site* site : {&sim.a, &sim.b, &sim.c, &sim.d, &sim.f}) {
        INFO(site->host());
        const auto reqs = site->requests();
        REQUIRE(!reqs.empty());
        CHECK(reqs.front().path == "/robots.txt");
        for (double g : gaps_ms(reqs)) CHECK(g >= 45.0);
        for (const auto& r : reqs) {
            CHECK(r.user_agent.find("contact: test@example.org") != std::string::npos);
            CHECK(r.accept_encoding.find("gzip") != std::string::npos);
        }
    }
    CHECK(sim.a.requests_for("/private/2022.html").empty());
    CHECK(sim.f.requests_for("/ndbg/index.html").empty());
    // Retries: 500 three times (1 + 2 retries); 503 and 429 once more, after Retry-After.
    CHECK(sim.d.requests_for("/r/500.html").size() == 3);
    for (const char* p : {"/r/503.html", "/r/429.html"}) {
        const auto r = sim.d.requests_for(p);
        REQUIRE(r.size() == 2);
        CHECK(gaps_ms(r)[0] >= 990.0);
    }
    CHECK(sim.d.requests_for("/r/endless.html").size() == 1);  // too large is not retried
    CHECK(sim.d.requests_for("/r/loop-a.html").size() == 3);   // a, b, a, b, a, b: 5 redirects followed
    CHECK(sim.e.resets() == 3);
    CHECK(sim.c.requests_for("/ndbg/real/pengshui2019.txt").size() == 1);

    // The attachment is recorded with its Content-Disposition name.
    {
        zfxxgk::crawl::State state(ds / "crawl-state.sqlite");
        const auto row = state.lookup(sim.a.url("/xxgk/ndbg/files/report.pdf"));
        REQUIRE(row);
        CHECK(row->kind == zfxxgk::crawl::UrlKind::attachment);
        CHECK(row->name == "青田县2020年报.pdf");
        CHECK(row->status == 200);
        const auto copy = state.lookup(sim.c.url("/ndbg/real/lishui2017-copy.txt"));
        const auto original = state.lookup(sim.c.url("/ndbg/real/lishui2017.txt"));
        REQUIRE(copy);
        REQUIRE(original);
        CHECK(copy->duplicate_of.has_value() != original->duplicate_of.has_value());  // whichever came second
    }

    {  // A second run revalidates: 304s and unchanged hashes, nothing rewritten.
        for (Site* site : {&sim.a, &sim.b, &sim.c, &sim.d, &sim.f}) site->clear_log();
        auto again = sim.args(list, ds);
        for (const char* o : {"--revisit-listings", "--revisit-reports", "--retry-failed-after"}) {
            again.push_back(o);
            again.push_back("0");
        }
        const CliRun second = run_cli(again);
        INFO(second.err);
        const json s2 = read_json(ds / "crawl-summary.json");
        INFO(s2.dump(2));
        CHECK(s2["reports"]["new"] == 0);
        CHECK(s2["reports"]["changed"] == 0);
        CHECK(s2["records_written"] == 0);
        CHECK(s2["reports"]["unchanged"].get<int>() >= 7);
        CHECK(sim.a.requests_for("/robots.txt").empty());  // cached for 24 hours
        const auto hubei = sim.a.requests_for("/xxgk/ndbg/202401/t20240115_2.txt");
        REQUIRE(hubei.size() == 1);
        CHECK(hubei[0].if_none_match == "\"v1\"");
        const auto proc = sim.a.requests_for("/xxgk/ndbg/202101/t20210122_3.html");
        REQUIRE(proc.size() == 1);
        CHECK(proc[0].if_modified_since == "Fri, 22 Jan 2021 08:00:00 GMT");
        CHECK(dataset_records(ds) == records);

        // Third run: one report changed on the server; its record is replaced in place.
        sim.a.update("/xxgk/ndbg/202401/t20240115_2.txt", [](Page& p) {
            p.body += "\n（本页内容已更新。）\n";
            p.etag = "\"v2\"";
        });
        const CliRun third = run_cli(again);
        INFO(third.err);
        const json s3 = read_json(ds / "crawl-summary.json");
        CHECK(s3["reports"]["changed"] == 1);
        CHECK(s3["conflicts"] == 0);
        const auto after = dataset_records(ds);
        CHECK(after.size() == records.size());
        CHECK(json::parse(after.at("孝感市人民政府办公室/2020.json"))["source"]["sha256"] !=
              json::parse(records.at("孝感市人民政府办公室/2020.json"))["source"]["sha256"]);
    }

    {  // With the default revisit intervals, a run right after another fetches nothing.
        run_cli(sim.args(list, ds));  // everything was due: fetched again, now due in 20 hours or more
        for (Site* site : {&sim.a, &sim.b, &sim.c, &sim.d}) site->clear_log();
        run_cli(sim.args(list, ds));
        for (Site* site : {&sim.a, &sim.b, &sim.c, &sim.d}) CHECK(site->requests().empty());
    }
}
