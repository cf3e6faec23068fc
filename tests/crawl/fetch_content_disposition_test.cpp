// fetch/content_disposition: RFC 6266 / RFC 8187, and what Chinese government servers send.
#include <catch2/catch.hpp>

#include "fetch/content_disposition.hpp"

using namespace zfxxgk::fetch;

TEST_CASE("fetch::parse_content_disposition filename* wins; RFC 6266 appendix D examples") {
    auto cd = parse_content_disposition("Attachment; filename=example.html");
    CHECK(cd.type == "attachment");
    CHECK(cd.filename == "example.html");
    CHECK(parse_content_disposition("INLINE; FILENAME= \"an example.html\"").filename == "an example.html");
    CHECK(parse_content_disposition("attachment; filename*= UTF-8''%e2%82%ac%20rates").filename == "€ rates");
    CHECK(parse_content_disposition("attachment; filename=\"EURO rates\"; filename*=utf-8''%e2%82%ac%20rates").filename ==
          "€ rates");
    CHECK(parse_content_disposition("attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf; filename=\"x.pdf\"").filename ==
          "年报.pdf");
}

TEST_CASE("fetch::parse_content_disposition percent-encoded, raw UTF-8, raw GBK, GBK ext-value, paths") {
    CHECK(parse_content_disposition("attachment;filename=%E5%B9%B4%E6%8A%A5.docx").filename == "年报.docx");
    CHECK(parse_content_disposition("attachment; filename=\"年报.doc\"").filename == "年报.doc");
    CHECK(parse_content_disposition("attachment; filename=\"\xC4\xEA\xB1\xA8.doc\"").filename == "年报.doc");
    CHECK(parse_content_disposition("attachment; filename*=gbk'zh'%C4%EA%B1%A8.xls").filename == "年报.xls");
    CHECK(parse_content_disposition("attachment; filename=\"..\\\\dir/evil.pdf\"").filename == "evil.pdf");
    CHECK(parse_content_disposition("attachment; filename=\"a\\\"b.pdf\"").filename == "a\"b.pdf");
    CHECK_FALSE(parse_content_disposition("attachment").filename);
    CHECK_FALSE(parse_content_disposition("").filename);
    CHECK(parse_content_disposition("filename=x.pdf").filename == "x.pdf");
}
