// fetch/http_message and fetch/http_retry: response heads, chunked coding, content codings with
// a size cap (compression bombs), Retry-After and backoff.
#include <catch2/catch.hpp>

#include <zlib.h>

#include "fetch/http_message.hpp"
#include "fetch/http_retry.hpp"

using namespace zfxxgk::fetch;

namespace {
std::string deflate_bytes(const std::string& data, int window) {
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, window, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}
}  // namespace

TEST_CASE("fetch::parse_response_head status, headers, folding, last one wins") {
    const auto h = parse_response_head("HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\nX-Long: one\r\n two\r\nlocation: /b\r\n\r\n");
    CHECK(h.status == 301);
    CHECK(h.reason == "Moved Permanently");
    CHECK(h.get("LOCATION") == "/b");
    CHECK(h.get("x-long") == "one two");
    CHECK_FALSE(h.get("ETag"));
    CHECK(parse_response_head("garbage\n\n").status == 0);
    CHECK(find_head_end("HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody") == std::size_t(25));
}

TEST_CASE("fetch::dechunk and decode_body") {
    CHECK(dechunk("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n", 100).value() == "hello world");
    CHECK(dechunk("5\r\nhel", 100).error().kind == BodyError::truncated);
    CHECK(dechunk("zz\r\n", 100).error().kind == BodyError::bad_encoding);
    CHECK(dechunk("ffffffff\r\n", 100).error().kind == BodyError::too_large);
    const std::string text = "高平市2023年政府信息公开工作年度报告";
    const auto head = parse_response_head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n");
    const std::string gz = deflate_bytes(text, 15 + 16);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", gz.size());
    CHECK(decode_body(head, std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n", 1000).value() == text);
}

TEST_CASE("fetch::decode_content gzip, zlib and raw deflate, multi-member, bombs, unknown codings") {
    const std::string text(10000, 'x');
    CHECK(decode_content(deflate_bytes(text, 15 + 16), "gzip", 20000).value() == text);
    CHECK(decode_content(deflate_bytes(text, 15), "deflate", 20000).value() == text);
    CHECK(decode_content(deflate_bytes(text, -15), "deflate", 20000).value() == text);  // old IIS
    CHECK(decode_content(deflate_bytes("ab", 31) + deflate_bytes("cd", 31), "x-gzip", 100).value() == "abcd");
    CHECK(decode_content(text, "identity", 20000).value() == text);
    const std::string bomb = deflate_bytes(std::string(50u << 20, '\0'), 31);
    CHECK(bomb.size() < 100000);
    CHECK(decode_content(bomb, "gzip", 1u << 20).error().kind == BodyError::too_large);
    const std::string gz = deflate_bytes(text, 31);
    CHECK(decode_content(gz.substr(0, gz.size() / 2), "gzip", 20000).error().kind == BodyError::truncated);
    CHECK(decode_content("not gzip", "gzip", 100).error().kind == BodyError::bad_encoding);
    CHECK(decode_content("x", "zstd", 100).error().kind == BodyError::unsupported);
}

TEST_CASE("fetch::parse_retry_after seconds and HTTP-dates; backoff_delay with jitter") {
    const auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
    CHECK(parse_retry_after("120", now) == std::chrono::seconds(120));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now) == std::chrono::seconds(120));
    CHECK(parse_retry_after("Sunday, 06-Nov-94 08:50:37 GMT", now) == std::chrono::seconds(60));
    CHECK(parse_retry_after("Sun Nov  6 08:49:47 1994", now) == std::chrono::seconds(10));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == std::chrono::seconds(0));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("-5", now));
    RetryPolicy p;
    p.base = std::chrono::milliseconds(1000);
    p.max = std::chrono::milliseconds(5000);
    CHECK(backoff_delay(1, p, 0.0) == std::chrono::milliseconds(500));
    CHECK(backoff_delay(1, p, 0.999).count() <= 1000);
    CHECK(backoff_delay(3, p, 0.0) == std::chrono::milliseconds(2000));
    CHECK(backoff_delay(10, p, 0.999).count() <= 5000);
    CHECK(is_retryable(FetchError::timeout, 0));
    CHECK(is_retryable(FetchError::none, 503));
    CHECK(is_retryable(FetchError::none, 429));
    CHECK_FALSE(is_retryable(FetchError::none, 404));
    CHECK_FALSE(is_retryable(FetchError::none, 501));
    CHECK_FALSE(is_retryable(FetchError::too_large, 200));
}
