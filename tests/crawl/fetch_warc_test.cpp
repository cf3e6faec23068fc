// fetch/warc: what the writer writes the reader reads back — fields, blocks, digests, the HTTP
// response decoded — across rotation; crash recovery by truncation; bad input as errors.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <regex>

#include "crawl_support.hpp"
#include "fetch/warc.hpp"

using namespace zfxxgk::fetch;
using zfxxgk::test::TempDir;
namespace fs = std::filesystem;

namespace {
WarcExchange exchange(const std::string& url, const std::string& body) {
    WarcExchange ex;
    ex.target_uri = url;
    ex.date = std::chrono::system_clock::from_time_t(1705719845);
    ex.ip = "127.0.0.1";
    ex.request_head = "GET / HTTP/1.1\r\nHost: x.gov.cn\r\n\r\n";
    ex.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n";
    ex.response_body = body;
    return ex;
}

std::vector<WarcRecord> read_all(const fs::path& p) {
    auto reader = WarcReader::open(p);
    REQUIRE(reader);
    std::vector<WarcRecord> out;
    while (true) {
        auto r = reader->next();
        REQUIRE(r);
        if (!r.value()) break;
        out.push_back(*r.value());
    }
    return out;
}
}  // namespace

TEST_CASE("fetch::WarcWriter and WarcReader round trip, with rotation by size") {
    TempDir tmp;
    WarcWriterOptions o;
    o.dir = tmp.path() / "warc";
    o.max_file_bytes = 2000;
    o.software = "zfxxgk/test";
    WarcWriter w(o);
    std::vector<WarcLocation> locs;
    for (int i = 0; i < 6; ++i) {
        auto loc = w.write_exchange(exchange("http://x.gov.cn/" + std::to_string(i), std::string(1500, static_cast<char>('a' + i))));
        REQUIRE(loc);
        locs.push_back(*loc);
    }
    auto sizes = w.sync();
    REQUIRE(sizes);
    CHECK(locs.front().file != locs.back().file);  // rotated
    const std::regex id(R"(<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>)");
    int responses = 0;
    for (const auto& e : fs::directory_iterator(o.dir)) {
        const auto recs = read_all(e.path());
        REQUIRE(!recs.empty());
        CHECK(recs.front().type() == "warcinfo");
        for (const WarcRecord& r : recs) {
            CHECK(r.version == "WARC/1.1");
            CHECK(std::regex_match(*r.get("WARC-Record-ID"), id));
            CHECK(r.get("WARC-Block-Digest") == "sha256:" + sha256_hex(r.block));
            if (r.type() != "response") continue;
            ++responses;
            auto resp = read_response(r);
            REQUIRE(resp);
            CHECK(resp->http.status == 200);
            CHECK(resp->charset == "GBK");
            CHECK(resp->date == "2024-01-20T03:04:05.000000Z");
            const int i = std::stoi(resp->target_uri.substr(resp->target_uri.rfind('/') + 1));
            CHECK(resp->body == std::string(1500, static_cast<char>('a' + i)));
            CHECK(resp->record_id == locs[static_cast<std::size_t>(i)].record_id);
            CHECK(r.get("WARC-Payload-Digest") == "sha256:" + sha256_hex(resp->body));
        }
    }
    CHECK(responses == 6);
    std::uint64_t total = 0;
    for (const auto& s : *sizes) total += s.bytes;
    std::uint64_t on_disk = 0;
    for (const auto& e : fs::directory_iterator(o.dir)) on_disk += e.file_size();
    CHECK(total == on_disk);
}

TEST_CASE("fetch::truncate_file cuts a WARC back to its last durable record") {
    TempDir tmp;
    WarcWriterOptions o;
    o.dir = tmp.path();
    WarcWriter w(o);
    REQUIRE(w.write_exchange(exchange("http://x.gov.cn/1", "one")));
    const auto synced = w.sync();
    REQUIRE(synced);
    REQUIRE(w.write_exchange(exchange("http://x.gov.cn/2", "two")));
    REQUIRE(w.sync());
    const fs::path file = tmp.path() / w.current_file();
    // A kill in the middle of the second exchange: half of it on disk.
    const auto full = fs::file_size(file);
    fs::resize_file(file, (full + synced->back().bytes) / 2);
    {
        auto reader = WarcReader::open(file);
        REQUIRE(reader);
        bool error = false;
        for (int i = 0; i < 10 && !error; ++i) {
            auto r = reader->next();
            error = !r;
            if (r && !r.value()) break;
        }
        CHECK(error);  // the half record is an error, not silently the end
    }
    CHECK(truncate_file(file, synced->back().bytes).empty());
    const auto recs = read_all(file);
    CHECK(recs.size() == 3);  // warcinfo, request, response
}

TEST_CASE("fetch::WarcReader errors are values: bad version, bad length, truncated, oversized") {
    auto first_error = [](std::string bytes, std::uint64_t max = 1u << 20) {
        WarcReaderOptions o;
        o.max_record_bytes = max;
        WarcReader r = WarcReader::from_bytes(std::move(bytes), o);
        while (true) {
            auto rec = r.next();
            if (!rec) return rec.error().message;
            if (!rec.value()) return std::string("end");
        }
    };
    CHECK(first_error("") == "end");
    CHECK(first_error("HTTP/1.1 200 OK\r\n\r\n").find("does not start with a WARC/ version line") != std::string::npos);
    CHECK(first_error("WARC/1.1\r\nContent-Length: x\r\n\r\n").find("bad Content-Length") != std::string::npos);
    CHECK(first_error("WARC/1.1\r\nWARC-Type: resource\r\n\r\n").find("no Content-Length") != std::string::npos);
    CHECK(first_error("WARC/1.1\r\nContent-Length: 10\r\n\r\nabc").find("truncated") != std::string::npos);
    CHECK(first_error("WARC/1.1\r\nContent-Length: 2000\r\n\r\n", 1000).find("exceeds") != std::string::npos);
    CHECK(first_error("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc\r\n\r\nWARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n") == "end");
}

TEST_CASE("fetch::WarcWriter: two writers of one process within one second write to files of their own") {
    TempDir tmp;
    WarcWriterOptions o;
    o.dir = tmp.path() / "warc";
    o.software = "zfxxgk/test";
    WarcWriter a(o);
    WarcWriter b(o);  // same prefix, pid and second: the second writer must not take the first one's name
    auto la = a.write_exchange(exchange("http://x.gov.cn/a", "first"));
    REQUIRE(la);
    auto lb = b.write_exchange(exchange("http://x.gov.cn/b", "second"));
    REQUIRE(lb);
    CHECK(la->file != lb->file);
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    CHECK(read_all(o.dir / la->file).back().get("WARC-Target-URI") == "http://x.gov.cn/a");
    CHECK(read_all(o.dir / lb->file).back().get("WARC-Target-URI") == "http://x.gov.cn/b");
}
