// crawl/portal_list: the TSV format, options, and bad lines reported with their numbers.
#include <catch2/catch.hpp>

#include "crawl/portal_list.hpp"

using namespace zfxxgk::crawl;

TEST_CASE("crawl::parse_portal_list columns, region codes, options, comments") {
    const PortalList l = parse_portal_list(
        "\xEF\xBB\xBF# agency\tregion\tURL\toptions\n"
        "\n"
        "高平市人民政府\t140581\thttp://www.gaoping.gov.cn/xxgk/ndbg/\r\n"
        "晋城市人民政府\t\thttps://www.jcgov.gov.cn/col/index.html\tinsecure delay=5;allow=jc.gov.cn,www.jcgov.cn\n"
        "丽水市人民政府\thttp://www.lishui.gov.cn/ndbg/\tmax-pages=20\n");
    REQUIRE(l.errors.empty());
    REQUIRE(l.portals.size() == 3);
    CHECK(l.portals[0].line == 3);
    CHECK(l.portals[0].region_code == "140581");
    CHECK(l.portals[0].domain == "gaoping.gov.cn");
    CHECK(l.portals[0].options.tls == zfxxgk::fetch::TlsVerification::verify);
    CHECK_FALSE(l.portals[1].region_code);
    CHECK(l.portals[1].options.tls == zfxxgk::fetch::TlsVerification::skip);
    CHECK(l.portals[1].options.delay_seconds == Approx(5));
    CHECK(l.portals[1].options.allowed_domains == std::vector<std::string>{"jc.gov.cn", "jcgov.cn"});
    CHECK(l.portals[2].url.str() == "http://www.lishui.gov.cn/ndbg/");
    CHECK(l.portals[2].options.max_pages == 20);
}

TEST_CASE("crawl::parse_portal_list reports bad lines with their numbers and keeps the rest") {
    const PortalList l = parse_portal_list(
        "no tab here\n"
        "A\tnot-a-url\n"
        "B\t12ab\thttp://b.gov.cn/\n"
        "C\thttp://c.gov.cn/\tspeed=fast\n"
        "D\thttp://d.gov.cn/\tdelay=-1\n"
        "\thttp://e.gov.cn/\n"
        "F\thttp://f.gov.cn/\n"
        "G\thttp://F.gov.cn:80/\n"
        "H\t1\t2\t3\t4\n");
    REQUIRE(l.portals.size() == 1);
    CHECK(l.portals[0].agency == "F");
    REQUIRE(l.errors.size() == 8);
    CHECK(l.errors[0].line == 1);
    CHECK(l.errors[1].message == "'not-a-url' is not an http(s) URL");
    CHECK(l.errors[2].message.find("region code '12ab'") == 0);
    CHECK(l.errors[3].message.find("unknown option 'speed=fast'") == 0);
    CHECK(l.errors[4].message.find("option delay=-1") == 0);
    CHECK(l.errors[5].message == "the agency column is empty");
    CHECK(l.errors[6].line == 8);
    CHECK(l.errors[6].message.find("already given on line 7") != std::string::npos);
    CHECK(l.errors[7].message.find("too many columns") == 0);
}

TEST_CASE("crawl::parse_portal_list Unicode hosts and allow= domains become punycode; a bad IDN is a bad line") {
    const PortalList l = parse_portal_list(
        "中国政府\thttp://政府.中国/xxgk/\tallow=例子.公司.cn\n"
        "坏域名\thttp://xn--zz.中国/xxgk/\n"
        "坏allow\thttp://www.gov.cn/\tallow=xn--zz.cn\n");
    REQUIRE(l.portals.size() == 1);
    CHECK(l.portals[0].url.str() == "http://xn--mxtq1m.xn--fiqs8s/xxgk/");
    CHECK(l.portals[0].domain == "xn--mxtq1m.xn--fiqs8s");
    CHECK(l.portals[0].options.allowed_domains == std::vector<std::string>{"xn--fsqu00a.xn--55qx5d.cn"});
    REQUIRE(l.errors.size() == 2);
    CHECK(l.errors[0].line == 2);
    CHECK(l.errors[0].message ==
          "'http://xn--zz.中国/xxgk/' is not an absolute http(s) URL: host 'xn--zz.中国' is not a valid internationalized "
          "domain name (bad punycode in an xn-- label)");
    CHECK(l.errors[1].message.find("option allow=xn--zz.cn: host 'xn--zz.cn' is not a valid") == 0);
}
