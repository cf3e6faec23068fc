// fetch/url: parsing, RFC 3986 resolution of hrefs as found in portal pages, registrable
// domains from the Public Suffix List. (Tests of fetch/ live here with the crawl suite, which
// links the fetch library.)
#include <catch2/catch.hpp>

#include "fetch/url.hpp"

using namespace zfxxgk::fetch;

namespace {
std::string resolve(const std::string& base, const std::string& href) {
    const auto b = parse_url(base);
    REQUIRE(b);
    const auto r = resolve_url(*b, href);
    return r ? r->str() : "(none)";
}
}  // namespace

TEST_CASE("fetch::parse_url normal form") {
    CHECK(parse_url("HTTP://WWW.Gaoping.GOV.CN:80/a/./b/../c.html#top")->str() == "http://www.gaoping.gov.cn/a/c.html");
    CHECK(parse_url("https://x.gov.cn:443")->str() == "https://x.gov.cn/");
    CHECK(parse_url("  http://x.gov.cn:8080/p?q=1 ")->str() == "http://x.gov.cn:8080/p?q=1");
    CHECK(parse_url("http://x.gov.cn/年报 2023.html")->str() == "http://x.gov.cn/%E5%B9%B4%E6%8A%A5%202023.html");
    CHECK(parse_url("http://x.gov.cn/a%20b")->str() == "http://x.gov.cn/a%20b");  // escapes are kept as written
    CHECK(parse_url("http://user:pw@x.gov.cn/")->str() == "http://x.gov.cn/");
    CHECK(parse_url("http://x.gov.cn\\xxgk\\index.html")->str() == "http://x.gov.cn/xxgk/index.html");
    CHECK_FALSE(parse_url("ftp://x.gov.cn/"));
    CHECK_FALSE(parse_url("http://x.gov.cn:99999/"));
    CHECK_FALSE(parse_url("http:///"));
    CHECK_FALSE(parse_url("javascript:void(0)"));
    CHECK(parse_url("http://x.gov.cn:81/a")->origin() == "http://x.gov.cn:81");
    CHECK(parse_url("http://x.gov.cn/a?b")->target() == "/a?b");
}

TEST_CASE("fetch::resolve_url RFC 3986 §5.4 examples and portal hrefs") {
    const std::string base = "http://a.gov.cn/b/c/d;p?q";
    CHECK(resolve(base, "g") == "http://a.gov.cn/b/c/g");
    CHECK(resolve(base, "./g") == "http://a.gov.cn/b/c/g");
    CHECK(resolve(base, "g/") == "http://a.gov.cn/b/c/g/");
    CHECK(resolve(base, "/g") == "http://a.gov.cn/g");
    CHECK(resolve(base, "//g.gov.cn") == "http://g.gov.cn/");
    CHECK(resolve(base, "?y") == "http://a.gov.cn/b/c/d;p?y");
    CHECK(resolve(base, "g?y") == "http://a.gov.cn/b/c/g?y");
    CHECK(resolve(base, "#s") == "(none)");
    CHECK(resolve(base, "..") == "http://a.gov.cn/b/");
    CHECK(resolve(base, "../g") == "http://a.gov.cn/b/g");
    CHECK(resolve(base, "../../../g") == "http://a.gov.cn/g");
    CHECK(resolve(base, "g;x=1/../y") == "http://a.gov.cn/b/c/y");
    CHECK(resolve(base, "") == "(none)");  // a link to the page itself leads nowhere new
    CHECK(resolve(base, "http:g") == "http://a.gov.cn/b/c/g");  // browsers' reading
    CHECK(resolve(base, "https://b.gov.cn/x") == "https://b.gov.cn/x");
    CHECK(resolve(base, "javascript:void(0)") == "(none)");
    CHECK(resolve(base, "mailto:a@b.cn") == "(none)");
    CHECK(resolve("http://x.gov.cn/xxgk/ndbg/index.html", " ./202401/t20240120_1.html\n") ==
          "http://x.gov.cn/xxgk/ndbg/202401/t20240120_1.html");
    CHECK(resolve("http://x.gov.cn/xxgk/ndbg/", "附件.pdf") == "http://x.gov.cn/xxgk/ndbg/%E9%99%84%E4%BB%B6.pdf");
}

TEST_CASE("fetch::registrable_domain uses the Public Suffix List") {
    CHECK(registrable_domain("www.gaoping.gov.cn") == "gaoping.gov.cn");
    CHECK(registrable_domain("xxgk.jcgov.gov.cn") == "jcgov.gov.cn");
    CHECK(registrable_domain("gov.cn") == "gov.cn");  // a public suffix is its own domain
    CHECK(registrable_domain("www.beijing.gov.cn") == "beijing.gov.cn");
    CHECK(registrable_domain("a.b.example.com.cn") == "example.com.cn");
    CHECK(registrable_domain("127.0.0.1") == "127.0.0.1");
    CHECK(registrable_domain("localhost") == "localhost");
    CHECK(path_extension("/files/年报.PDF") == "pdf");
    CHECK(path_extension("/files/a.tar.gz?x=1") == "gz");
    CHECK(path_extension("/files/dir.d/") == "");
}
