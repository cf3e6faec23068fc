#include "fetch/charset.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fetch = zfxxgk::fetch;
using fetch::CharsetSource;
using fetch::Decoded;

namespace Catch {
template <>
struct StringMaker<CharsetSource> {
    static std::string convert(CharsetSource source) {
        switch (source) {
            case CharsetSource::bom: return "bom";
            case CharsetSource::declared: return "declared";
            case CharsetSource::meta: return "meta";
            case CharsetSource::detected: return "detected";
            case CharsetSource::default_utf8: return "default_utf8";
        }
        return "?";
    }
};
}  // namespace Catch

namespace {

// Byte sequences checked with `iconv -f utf-8 -t gbk` (and -t utf-16le / utf-16be).
// "高平市" (Gaoping City).
const std::string kGaopingGbk = "\xB8\xDF\xC6\xBD\xCA\xD0";
const std::string kGaopingUtf16le = "\xD8\x9A\x73\x5E\x02\x5E";
const std::string kGaopingUtf16be = "\x9A\xD8\x5E\x73\x5E\x02";
// "高平市人民政府2022年政府信息公开工作年度报告" (a report title).
const std::string kTitleGbk =
    "\xB8\xDF\xC6\xBD\xCA\xD0\xC8\xCB\xC3\xF1\xD5\xFE\xB8\xAE"
    "2022"
    "\xC4\xEA\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6";
const std::string kTitle = "高平市人民政府2022年政府信息公开工作年度报告";
// "本报告根据《中华人民共和国政府信息公开条例》要求编制。"
const std::string kSentenceGbk =
    "\xB1\xBE\xB1\xA8\xB8\xE6\xB8\xF9\xBE\xDD\xA1\xB6\xD6\xD0\xBB\xAA\xC8\xCB\xC3\xF1\xB9\xB2\xBA\xCD\xB9\xFA"
    "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xCC\xF5\xC0\xFD\xA1\xB7\xD2\xAA\xC7\xF3\xB1\xE0\xD6\xC6\xA1\xA3";
const std::string kSentence = "本报告根据《中华人民共和国政府信息公开条例》要求编制。";

Decoded decode(std::string_view bytes, std::string http_charset = {}) {
    fetch::CharsetOptions options;
    options.http_charset = std::move(http_charset);
    return fetch::decode_to_utf8(bytes, options);
}

std::string read_fixture(const std::string& name) {
    const std::string path = std::string(ZFXXGK_SOURCE_DIR) + "/fixtures/fetch/" + name;
    std::ifstream in(path, std::ios::binary);
    INFO(path);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An undeclared page of GBK text, long enough for ICU's detector.
std::string undeclared_gbk_page() {
    return "<html><head><title>" + kTitleGbk + "</title></head><body>\n<h1>" + kTitleGbk + "</h1>\n<p>" +
           kSentenceGbk + "</p>\n<p>" + kSentenceGbk + kGaopingGbk + "</p>\n</body></html>\n";
}

}  // namespace

TEST_CASE("fetch::decode_to_utf8 GBK declared by meta") {
    const Decoded d = decode("<meta charset=\"gbk\"><p>" + kGaopingGbk + "</p>");
    CHECK(d.text == "<meta charset=\"gbk\"><p>高平市</p>");
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == CharsetSource::meta);
    CHECK(d.declared_label == "gbk");
    CHECK(d.replaced == 0);
}

TEST_CASE("fetch::decode_to_utf8 GBK declared by the HTTP charset") {
    const Decoded d = decode("<p>" + kTitleGbk + "</p>", "GBK");
    CHECK(d.text == "<p>" + kTitle + "</p>");
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == CharsetSource::declared);
    CHECK(d.declared_label == "GBK");
    CHECK(d.replaced == 0);
}

TEST_CASE("fetch::decode_to_utf8 HTTP charset takes precedence over meta") {
    const std::string bytes = "<meta charset=\"big5\"><p>" + kGaopingGbk + "</p>";
    const Decoded d = decode(bytes, "gb2312");
    CHECK(d.text == "<meta charset=\"big5\"><p>高平市</p>");
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == CharsetSource::declared);
    CHECK(d.declared_label == "gb2312");

    SECTION("an unknown HTTP label leaves the decision to meta") {
        const Decoded m = decode("<meta charset=\"gbk\"><p>" + kGaopingGbk, "x-klingon");
        CHECK(m.text == "<meta charset=\"gbk\"><p>高平市");
        CHECK(m.encoding == "GB18030");
        CHECK(m.source == CharsetSource::meta);
        CHECK(m.declared_label == "gbk");
    }
    SECTION("an unknown HTTP label with nothing else is still reported") {
        const Decoded m = decode("<p>plain</p>", "x-klingon");
        CHECK(m.encoding == "UTF-8");
        CHECK(m.source == CharsetSource::default_utf8);
        CHECK(m.declared_label == "x-klingon");
    }
    SECTION("quotes and spaces around the HTTP label") {
        const Decoded m = decode(kGaopingGbk, " \"GB2312\" ");
        CHECK(m.text == "高平市");
        CHECK(m.source == CharsetSource::declared);
        CHECK(m.declared_label == "GB2312");
    }
}

TEST_CASE("fetch::decode_to_utf8 prescan_meta off ignores meta") {
    fetch::CharsetOptions options;
    options.prescan_meta = false;
    const Decoded d = fetch::decode_to_utf8("<meta charset=\"big5\"><p>abc</p>", options);
    CHECK(d.text == "<meta charset=\"big5\"><p>abc</p>");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == CharsetSource::default_utf8);
    CHECK(d.declared_label.empty());
}

TEST_CASE("fetch::decode_to_utf8 UTF-8 BOM wins and is removed") {
    const Decoded d = decode("\xEF\xBB\xBF<meta charset=\"gbk\">高平市", "gbk");
    CHECK(d.text == "<meta charset=\"gbk\">高平市");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == CharsetSource::bom);
    CHECK(d.declared_label == "gbk");  // seen, and overridden by the BOM
    CHECK(d.replaced == 0);
}

TEST_CASE("fetch::decode_to_utf8 UTF-16 BOMs") {
    SECTION("little endian") {
        const Decoded d = decode("\xFF\xFE" + kGaopingUtf16le);
        CHECK(d.text == "高平市");
        CHECK(d.encoding == "UTF-16LE");
        CHECK(d.source == CharsetSource::bom);
        CHECK(d.replaced == 0);
    }
    SECTION("big endian") {
        const Decoded d = decode("\xFE\xFF" + kGaopingUtf16be);
        CHECK(d.text == "高平市");
        CHECK(d.encoding == "UTF-16BE");
        CHECK(d.source == CharsetSource::bom);
    }
    SECTION("a supplementary character (U+20000) as a surrogate pair") {
        const Decoded d = decode(std::string("\xFF\xFE\x40\xD8\x00\xDC", 6));
        CHECK(d.text == "\xF0\xA0\x80\x80");
        CHECK(d.replaced == 0);
    }
    SECTION("an odd trailing byte is one replacement") {
        const Decoded d = decode("\xFF\xFE" + kGaopingUtf16le + "A");
        CHECK(d.text == "高平市\xEF\xBF\xBD");
        CHECK(d.replaced == 1);
    }
    SECTION("lone surrogates are replaced") {
        const Decoded d = decode(std::string("\xFF\xFE\x00\xD8" "A\x00" "\x00\xDC", 8));
        CHECK(d.text == "\xEF\xBF\xBD" "A" "\xEF\xBF\xBD");
        CHECK(d.replaced == 2);
    }
    SECTION("a long UTF-16 text crosses the converter's chunks intact") {
        std::string bytes = "\xFF\xFE";
        std::string expected;
        for (int i = 0; i < 30000; ++i) {
            bytes += (i % 3 == 0) ? std::string("\x40\xD8\x00\xDC", 4) : kGaopingUtf16le;
            expected += (i % 3 == 0) ? "\xF0\xA0\x80\x80" : "高平市";
        }
        const Decoded d = decode(bytes);
        CHECK(d.replaced == 0);
        CHECK(d.text == expected);
    }
}

TEST_CASE("fetch::decode_to_utf8 a meta UTF-16 declaration means UTF-8") {
    const Decoded d = decode("<meta charset=\"utf-16\"><p>高平市</p>");
    CHECK(d.text == "<meta charset=\"utf-16\"><p>高平市</p>");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == CharsetSource::meta);
    CHECK(d.declared_label == "utf-16");
}

TEST_CASE("fetch::prescan_meta_charset accepts the typos of real portals") {
    struct Case {
        std::string html;
        std::string label;
    };
    const std::vector<Case> cases = {
        {R"(<meta charset="gbk">)", "gbk"},
        {R"(<META CHARSET=GBK>)", "GBK"},
        {R"(<meta charset = gbk />)", "gbk"},
        {R"(<meta/charset=gbk>)", "gbk"},
        {R"(<meta charset='gbk">)", "gbk"},                     // mismatched quotes
        {R"(<meta charset="gbk>)", "gbk"},                      // missing closing quote
        {R"(<meta http-equiv="Content-Type" content="text/html; charset=gb2312">)", "gb2312"},
        {R"(<meta httpequiv="Content-Type" content="text/html; charset=gb2312">)", "gb2312"},
        {R"(<meta http_equiv="Content-Type" content="text/html; charset=gb2312">)", "gb2312"},
        {R"(<META HTTP-EQUIV="CONTENT-TYPE" CONTENT="TEXT/HTML; CHARSET=GB2312">)", "GB2312"},
        {R"(<meta content="text/html; charset=gbk" http-equiv="content-type">)", "gbk"},  // any order
        {R"(<meta http-equiv=Content-Type content=text/html;charset=gbk>)", "gbk"},       // no quotes
        {R"(<meta http-equiv="Content-Type" content="text/html; charset = gbk">)", "gbk"},
        {R"(<meta http-equiv="Content-Type" content="text/html; charset=gb2312'>)", "gb2312"},
        {R"(<meta http-equiv="Content-Type' content="text/html; charset=gb2312">)", "gb2312"},
        {R"(<meta http-equiv="Content-Type" content="text/html; charset=gb2312>)", "gb2312"},
        {R"(<meta  http-equiv = "Content-Type"   content = "text/html;  charset=gbk" >)", "gbk"},
        {R"(<meta http-equiv="Content-Type" content='text/html; charset="gbk"'>)", "gbk"},
        {R"(<!-- <meta charset="big5"> --><meta charset="gbk">)", "gbk"},
        {R"(<!--><meta charset="gbk">)", "gbk"},  // "<!-->" is a whole comment
        {R"(<div title='<meta charset="big5">'><meta charset="gbk">)", "gbk"},
        {R"(<?xml version="1.0" encoding="big5"?><meta charset="gbk">)", "gbk"},
        {R"(<meta charset="klingon"><meta charset="gbk">)", "gbk"},  // unknown labels are skipped
    };
    for (const Case& c : cases) {
        INFO(c.html);
        CHECK(fetch::prescan_meta_charset(c.html) == c.label);
        const Decoded d = decode(c.html + kGaopingGbk);
        CHECK(d.encoding == "GB18030");
        CHECK(d.source == CharsetSource::meta);
        CHECK(d.declared_label == c.label);
        CHECK(d.text == c.html + "高平市");
    }
}

TEST_CASE("fetch::prescan_meta_charset finds no declaration") {
    const std::vector<std::string> cases = {
        "",
        "<p>no meta at all</p>",
        R"(<meta content="text/html; charset=gbk">)",  // content without http-equiv
        R"(<meta name="description" content="charset=gbk">)",
        R"(<meta http-equiv="refresh" content="0; charset=gbk">)",
        R"(<!-- <meta charset="gbk"> -->)",
        R"(<!-- <meta charset="gbk">)",  // unterminated comment
        R"(<metadata charset="gbk">)",
        R"(<meta charset="klingon">)",
        R"(<meta charset="">)",
        R"(<meta charset)",
    };
    for (const std::string& html : cases) {
        INFO(html);
        CHECK(fetch::prescan_meta_charset(html).empty());
    }
}

TEST_CASE("fetch::prescan_meta_charset looks at the first 1024 bytes only") {
    CHECK(fetch::prescan_meta_charset(std::string(1000, ' ') + R"(<meta charset="gb2312">)") == "gb2312");
    // The closing quote would be byte 1027: the tag is cut, so it does not count.
    CHECK(fetch::prescan_meta_charset(std::string(1006, ' ') + R"(<meta charset="gb2312">)").empty());
    CHECK(fetch::prescan_meta_charset(std::string(1100, ' ') + R"(<meta charset="gb2312">)").empty());

    const Decoded d = decode(std::string(1100, ' ') + R"(<meta charset="big5"><p>abc</p>)");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == CharsetSource::default_utf8);
    CHECK(d.declared_label.empty());
}

TEST_CASE("fetch::decode_to_utf8 undeclared GBK page is detected") {
    const Decoded d = decode(undeclared_gbk_page());
    CHECK(d.text == "<html><head><title>" + kTitle + "</title></head><body>\n<h1>" + kTitle + "</h1>\n<p>" + kSentence +
                        "</p>\n<p>" + kSentence + "高平市</p>\n</body></html>\n");
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == CharsetSource::detected);
    CHECK(d.declared_label.empty());
    CHECK(d.replaced == 0);
}

TEST_CASE("fetch::decode_to_utf8 undeclared GBK after a long ASCII head is detected") {
    std::string head = "<html><head><script>";
    while (head.size() < 20000) head += "var x = 'an ASCII script longer than ICU's sample';\n";
    const Decoded d = decode(head + "</script></head><body><p>" + kTitleGbk + kSentenceGbk + "</p></body></html>");
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == CharsetSource::detected);
    CHECK(d.replaced == 0);
    CHECK(d.text.ends_with("<p>" + kTitle + kSentence + "</p></body></html>"));
}

TEST_CASE("fetch::decode_to_utf8 valid UTF-8 does not need a declaration") {
    SECTION("with Chinese text") {
        const Decoded d = decode("<p>高平市</p>");
        CHECK(d.text == "<p>高平市</p>");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.source == CharsetSource::detected);
        CHECK(d.replaced == 0);
    }
    SECTION("pure ASCII is the default") {
        const Decoded d = decode("<p>2022</p>");
        CHECK(d.text == "<p>2022</p>");
        CHECK(d.source == CharsetSource::default_utf8);
    }
    SECTION("empty input") {
        const Decoded d = decode("");
        CHECK(d.text.empty());
        CHECK(d.encoding == "UTF-8");
        CHECK(d.source == CharsetSource::default_utf8);
        CHECK(d.replaced == 0);
    }
    SECTION("NUL bytes pass through") {
        const Decoded d = decode(std::string("a\0b", 3));
        CHECK(d.text == std::string("a\0b", 3));
    }
}

TEST_CASE("fetch::decode_to_utf8 invalid UTF-8 sequences are replaced one by one") {
    // WHATWG UTF-8 decoder: a truncated sequence is one U+FFFD; a byte that cannot continue
    // a sequence is not swallowed; surrogates and overlongs are one U+FFFD per byte. The
    // trailing 0xFF keeps GB18030 from decoding this cleanly.
    const Decoded d = decode("\xE9\xABx\xF0\x80\x80y\xED\xA0\x80z\xC3(\xFF", "utf-8");
    CHECK(d.text ==
          "\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD("
          "\xEF\xBF\xBD");
    CHECK(d.replaced == 9);
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == CharsetSource::declared);
}

TEST_CASE("fetch::decode_to_utf8 invalid GBK bytes are replaced and counted") {
    SECTION("a byte that is never valid") {
        const Decoded d = decode("\xB8\xDF\xC6\xBD\xFF\xCA\xD0", "gbk");
        CHECK(d.text == "高平\xEF\xBF\xBD市");
        CHECK(d.replaced == 1);
    }
    SECTION("a truncated character at the end") {
        const Decoded d = decode("\xB8\xDF\xC6", "gbk");
        CHECK(d.text == "高\xEF\xBF\xBD");
        CHECK(d.replaced == 1);
    }
    SECTION("0x80 is the euro sign, as in GBK") {
        const Decoded d = decode("\x80\xB8\xDF", "gbk");
        CHECK(d.text == "€高");
        CHECK(d.replaced == 0);
    }
    SECTION("four-byte GB18030 sequences") {
        const Decoded d = decode("\x95\x32\x82\x36", "gb18030");
        CHECK(d.text == "\xF0\xA0\x80\x80");  // U+20000
        CHECK(d.replaced == 0);
    }
}

TEST_CASE("fetch::decode_to_utf8 declared UTF-8 that is really GBK") {
    SECTION("GB18030 decodes it cleanly: use GB18030") {
        const Decoded d = decode("<meta charset=\"utf-8\"><p>" + kTitleGbk + "</p>");
        CHECK(d.text == "<meta charset=\"utf-8\"><p>" + kTitle + "</p>");
        CHECK(d.encoding == "GB18030");
        CHECK(d.source == CharsetSource::detected);
        CHECK(d.declared_label == "utf-8");
        CHECK(d.replaced == 0);
    }
    SECTION("GB18030 fails too: keep UTF-8 and count") {
        const Decoded d = decode(kGaopingGbk + "\xFF", "utf-8");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.source == CharsetSource::declared);
        CHECK(d.replaced == 5);
    }
    SECTION("one stray byte in a long UTF-8 page stays UTF-8") {
        std::string page = "<meta charset=\"utf-8\">";
        for (int i = 0; i < 20; ++i) page += kTitle;
        const Decoded d = decode(page + "\xB8");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.source == CharsetSource::meta);
        CHECK(d.replaced == 1);
        CHECK(d.text.ends_with(kTitle + "\xEF\xBF\xBD"));
    }
}

TEST_CASE("fetch::decode_to_utf8 every canonical encoding has a decoder") {
    for (const char* name : {"UTF-8", "GB18030", "Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS", "EUC-KR", "UTF-16BE",
                             "UTF-16LE", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
                             "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10", "ISO-8859-13",
                             "ISO-8859-14", "ISO-8859-15", "KOI8-R", "KOI8-U", "macintosh", "x-mac-cyrillic",
                             "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
                             "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258"}) {
        INFO(name);
        CHECK(fetch::canonical_charset(name) == name);
        const Decoded d = decode("ab", name);
        CHECK(d.encoding == name);
        CHECK(d.source == CharsetSource::declared);
        CHECK(d.replaced == 0);
    }
    CHECK(decode("\xA4\xA4\xA4\xE5", "big5").text == "中文");
    CHECK(decode("\x1B$B8=:_\x1B(B", "iso-2022-jp").text == "現在");
    CHECK(decode("\xE9t\xE9 \x80", "iso-8859-1").text == "été €");  // latin1 is windows-1252
}

TEST_CASE("fetch::canonical_charset mappings") {
    for (const char* label : {"gb2312", "GB2312", "gbk", "GBK", "x-gbk", "gb_2312-80", "gb_2312", "cp936", "chinese",
                              "csgb2312", "csiso58gb231280", "iso-ir-58", "gb18030", "GB18030", "euc-cn"}) {
        INFO(label);
        CHECK(fetch::canonical_charset(label) == "GB18030");
    }
    CHECK(fetch::canonical_charset("utf-8") == "UTF-8");
    CHECK(fetch::canonical_charset(" UTF8 ") == "UTF-8");
    CHECK(fetch::canonical_charset("\"utf-8\"") == "UTF-8");
    CHECK(fetch::canonical_charset("unicode-1-1-utf-8") == "UTF-8");
    CHECK(fetch::canonical_charset("latin1") == "windows-1252");
    CHECK(fetch::canonical_charset("ISO-8859-1") == "windows-1252");
    CHECK(fetch::canonical_charset("us-ascii") == "windows-1252");
    CHECK(fetch::canonical_charset("big5-hkscs") == "Big5");
    CHECK(fetch::canonical_charset("x-sjis") == "Shift_JIS");
    CHECK(fetch::canonical_charset("windows-31j") == "Shift_JIS");
    CHECK(fetch::canonical_charset("ks_c_5601-1987") == "EUC-KR");
    CHECK(fetch::canonical_charset("utf-16") == "UTF-16LE");
    CHECK(fetch::canonical_charset("unicodefffe") == "UTF-16BE");
    CHECK(fetch::canonical_charset("iso-8859-9") == "windows-1254");
    for (const char* label : {"", "   ", "klingon", "utf-7", "iso-8859-16", "x-user-defined", "replacement",
                              "hz-gb-2312", "iso-2022-cn", "gbk2312", "utf-8-and-a-very-long-label-that-is-nothing"}) {
        INFO(label);
        CHECK(fetch::canonical_charset(label).empty());
    }
}

TEST_CASE("fetch::charset_from_content_type parsing") {
    CHECK(fetch::charset_from_content_type("text/html; charset=GBK") == "GBK");
    CHECK(fetch::charset_from_content_type("text/html;charset=gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("text/html; Charset=\"gb2312\"") == "gb2312");
    CHECK(fetch::charset_from_content_type("TEXT/HTML; CHARSET = 'UTF-8'") == "UTF-8");
    CHECK(fetch::charset_from_content_type("text/html; charset=utf-8; boundary=x") == "utf-8");
    CHECK(fetch::charset_from_content_type("text/html; charset=\"gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("text/html, charset=gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("text/html; xcharset=big5; charset=gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("text/html; charset; charset=gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("charset=gbk") == "gbk");
    CHECK(fetch::charset_from_content_type("text/html").empty());
    CHECK(fetch::charset_from_content_type("text/html; charset=").empty());
    CHECK(fetch::charset_from_content_type("text/html; charset=\"\"").empty());
    CHECK(fetch::charset_from_content_type("").empty());
}

TEST_CASE("fetch::decode_to_utf8 fixtures") {
    struct Fixture {
        const char* file;
        const char* encoding;
        CharsetSource source;
        const char* label;
        std::size_t replaced;
        const char* contains;
    };
    const std::vector<Fixture> fixtures = {
        {"meta-charset-typo-httpequiv.html", "GB18030", CharsetSource::meta, "gb2312", 0, "<title>高平市政府信息公开</title>"},
        {"meta-charset-typo-http_equiv.html", "GB18030", CharsetSource::meta, "gb2312", 0, "行政复议和行政诉讼情况"},
        {"meta-charset-typo-mismatched-quotes.html", "GB18030", CharsetSource::meta, "gb2312", 0, "高平市人民政府"},
        {"meta-charset-typo-spaces-upper-case.html", "GB18030", CharsetSource::meta, "GBK", 0, "高平市人民政府"},
        {"meta-charset-after-comment.html", "GB18030", CharsetSource::meta, "gbk", 0, "高平市人民政府"},
        {"meta-charset-beyond-1024-bytes.html", "GB18030", CharsetSource::detected, "", 0, "高平市人民政府"},
        {"undeclared-gbk-report.html", "GB18030", CharsetSource::detected, "", 0, "《中华人民共和国政府信息公开条例》"},
        {"undeclared-big5-report.html", "Big5", CharsetSource::detected, "", 0, "臺北市政府秘書處"},
        {"undeclared-utf8-truncated.html", "UTF-8", CharsetSource::detected, "", 1, "高平市人民政府"},
        {"declared-utf8-really-gbk.html", "GB18030", CharsetSource::detected, "utf-8", 0, "高平市人民政府"},
        {"declared-gbk-really-utf8.html", "UTF-8", CharsetSource::detected, "gbk", 0, "高平市人民政府办公室"},
        {"utf8-bom-report.html", "UTF-8", CharsetSource::bom, "", 0, "高平市人民政府"},
        {"utf16le-bom-report.html", "UTF-16LE", CharsetSource::bom, "", 0, "高平市人民政府"},
    };
    for (const Fixture& f : fixtures) {
        INFO(f.file);
        const Decoded d = decode(read_fixture(f.file));
        CHECK(d.encoding == f.encoding);
        CHECK(d.source == f.source);
        CHECK(d.declared_label == f.label);
        CHECK(d.replaced == f.replaced);
        CHECK(d.text.find(f.contains) != std::string::npos);
        CHECK(d.text.starts_with("<html><head>"));  // no BOM left, markup intact
    }
}
