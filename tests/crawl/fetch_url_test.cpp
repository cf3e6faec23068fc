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

TEST_CASE("fetch::host_to_ascii IDNA (UTS #46) to punycode") {
    CHECK(host_to_ascii("中国").value() == "xn--fiqs8s");
    CHECK(host_to_ascii("政府.中国").value() == "xn--mxtq1m.xn--fiqs8s");
    CHECK(host_to_ascii("www.例子.公司.cn").value() == "www.xn--fsqu00a.xn--55qx5d.cn");
    CHECK(host_to_ascii("ＷＷＷ．例子。公司.CN").value() == "www.xn--fsqu00a.xn--55qx5d.cn");  // full-width forms, ideographic full stop
    CHECK(host_to_ascii("XN--FIQS8S").value() == "xn--fiqs8s");                           // punycode is checked and lowercased
    CHECK(host_to_ascii("faß.de").value() == "xn--fa-hia.de");                             // nontransitional, as browsers
    CHECK(host_to_ascii("WWW.Gaoping.GOV.cn").value() == "www.gaoping.gov.cn");
    CHECK(host_to_ascii("ab--cd.gov.cn").value() == "ab--cd.gov.cn");                      // hyphen checks are off
    const auto bad_punycode = host_to_ascii("xn--zz.cn");
    REQUIRE_FALSE(bad_punycode);
    CHECK(bad_punycode.error().kind == UrlError::Kind::idn);
    CHECK(bad_punycode.error().message == "host 'xn--zz.cn' is not a valid internationalized domain name (bad punycode in an xn-- label)");
    CHECK_FALSE(host_to_ascii("\xFF\xFE.cn"));                    // not UTF-8
    CHECK_FALSE(host_to_ascii("a\xE2\x80\x8D" "b.cn"));           // ZERO WIDTH JOINER between letters (CheckJoiners)
    CHECK(host_to_ascii("\xD7\x90" "1.cn").value() == "xn--1-zhc.cn");  // bidi rule: Hebrew, then a digit, is fine…
    const auto bidi = host_to_ascii("\xD7\x90" "a.cn");                // … Hebrew, then a Latin letter, is not
    REQUIRE_FALSE(bidi);
    CHECK(bidi.error().message.find("bidi rule") != std::string::npos);
}

TEST_CASE("fetch::parse_url converts Unicode hosts to punycode before anything sees them") {
    CHECK(parse_url("http://政府.中国/")->str() == "http://xn--mxtq1m.xn--fiqs8s/");
    CHECK(parse_url("http://www.例子.公司.cn/xxgk/年报.html")->str() ==
          "http://www.xn--fsqu00a.xn--55qx5d.cn/xxgk/%E5%B9%B4%E6%8A%A5.html");
    CHECK(parse_url("HTTPS://政府.中国.:8443/a")->origin() == "https://xn--mxtq1m.xn--fiqs8s:8443");
    CHECK(parse_url("http://政府.中国/")->host == "xn--mxtq1m.xn--fiqs8s");
    CHECK(registrable_domain(parse_url("http://www.例子.公司.cn/")->host) == "xn--fsqu00a.xn--55qx5d.cn");  // 公司.cn is a suffix
    CHECK(registrable_domain(parse_url("http://政府.中国/")->host) == "xn--mxtq1m.xn--fiqs8s");               // 中国 is a TLD
    // The normal form parses to itself.
    const std::string normal = parse_url("http://www.例子.公司.cn/")->str();
    CHECK(parse_url(normal)->str() == normal);
    // hrefs on pages get the same treatment.
    CHECK(resolve("http://www.xn--fsqu00a.xn--55qx5d.cn/ndbg/", "http://www.例子.公司.cn/ndbg/1.html") ==
          "http://www.xn--fsqu00a.xn--55qx5d.cn/ndbg/1.html");
    CHECK(resolve("http://www.xn--fsqu00a.xn--55qx5d.cn/ndbg/", "//政府.中国/x") == "http://xn--mxtq1m.xn--fiqs8s/x");

    // An invalid IDN host is a parse error with a message, not a crash.
    const auto bad = parse_url_checked("http://xn--zz.中国/ndbg/");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == UrlError::Kind::idn);
    CHECK(bad.error().message.find("host 'xn--zz.中国' is not a valid internationalized domain name") == 0);
    CHECK_FALSE(parse_url("http://\xFF.cn/"));
    CHECK(parse_url("http://gov\xE2\x80\x8B.cn/")->host == "gov.cn");  // a zero-width space maps to nothing (UTS #46)
    CHECK(resolve("http://x.gov.cn/", "http://xn--zz.cn/") == "(none)");
    CHECK_FALSE(parse_url("http://中国：80/"));         // a full-width colon maps to ':', which no host has
    CHECK(parse_url_checked("http://x.gov.cn:0/").error().kind == UrlError::Kind::port);
    CHECK(parse_url_checked("ftp://x.gov.cn/").error().kind == UrlError::Kind::scheme);
    CHECK(parse_url_checked("http://a b.cn/").error().kind == UrlError::Kind::host);
}
