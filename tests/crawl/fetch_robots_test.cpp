// fetch/robots: RFC 9309 — group selection, longest match, allow wins ties, wildcards,
// percent-encoding, Crawl-delay, the parse limit.
#include <catch2/catch.hpp>

#include <string>

#include "fetch/robots.hpp"

using namespace zfxxgk::fetch;

TEST_CASE("fetch::parse_robots picks our group, else *, combining repeated groups (RFC 9309 §2.2.1)") {
    const std::string txt =
        "User-agent: *\nDisallow: /\n\n"
        "User-agent: ZFXXGK/0.1\nUser-agent: otherbot\nDisallow: /private/\nCrawl-delay: 1.5\n\n"
        "user-agent: zfxxgk\nallow: /private/open/\n";
    const Robots r = parse_robots(txt, "zfxxgk");
    CHECK(r.matched_product_token);
    CHECK(r.allowed("/xxgk/ndbg/index.html"));
    CHECK_FALSE(r.allowed("/private/a.html"));
    CHECK(r.allowed("/private/open/a.html"));
    REQUIRE(r.crawl_delay);
    CHECK(*r.crawl_delay == Approx(1.5));
    const Robots other = parse_robots(txt, "somebot");
    CHECK_FALSE(other.matched_product_token);
    CHECK_FALSE(other.allowed("/xxgk/"));
    CHECK(other.allowed("/robots.txt"));  // always allowed
}

TEST_CASE("fetch::Robots::allowed longest match, allow wins a tie, wildcards and $ (RFC 9309 §2.2.2-3)") {
    const Robots r = parse_robots(
        "User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /tie\nDisallow: /tie\n"
        "Disallow: /*.pdf$\nDisallow: /search*q=\nDisallow:\n",
        "zfxxgk");
    CHECK_FALSE(r.allowed("/a"));
    CHECK(r.allowed("/a/b/x"));
    CHECK_FALSE(r.allowed("/a/b/c/d"));
    CHECK(r.allowed("/tie"));
    CHECK_FALSE(r.allowed("/files/x.pdf"));
    CHECK(r.allowed("/files/x.pdf?download=1"));
    CHECK_FALSE(r.allowed("/search?x=1&q=2"));
    CHECK(r.allowed("/b"));
}

TEST_CASE("fetch::Robots percent-encoding is normalised on both sides (RFC 9309 §2.2.2)") {
    const Robots r = parse_robots("User-agent: *\nDisallow: /年报/\nDisallow: /%7Efoo\n", "zfxxgk");
    CHECK_FALSE(r.allowed("/%E5%B9%B4%E6%8A%A5/2023.html"));
    CHECK_FALSE(r.allowed("/%e5%b9%b4%e6%8a%a5/2023.html"));
    CHECK_FALSE(r.allowed("/~foo/x"));
    CHECK(normalize_robots_path("/%7e%2F年") == "/~%2F%E5%B9%B4");
}

TEST_CASE("fetch::parse_robots tolerates junk, BOM, CRLF, typos; modes for 4xx and 5xx") {
    const Robots r = parse_robots("\xEF\xBB\xBFgarbage line\r\nUser-Agent : *\r\nDisalow: /x # comment\r\n", "zfxxgk");
    CHECK_FALSE(r.allowed("/x/y"));
    CHECK(Robots::allow_all().allowed("/anything"));
    CHECK_FALSE(Robots::disallow_all().allowed("/anything"));
    CHECK(Robots::disallow_all().allowed("/robots.txt"));
    std::string big = "User-agent: *\n" + std::string(kRobotsParseLimit, '#') + "\nDisallow: /\n";
    CHECK(parse_robots(big, "zfxxgk").allowed("/x"));  // rules past 500 KiB are not read
    CHECK(robots_pattern_matches("/*a*b*c$", "/xaybzc"));
    CHECK_FALSE(robots_pattern_matches("/*a*b*c$", "/xaybzcd"));
}
