#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tables/cell_value.hpp"

using namespace zfxxgk::tables;

TEST_CASE("tables::read_cell_value numbers, signs, units, decimals") {
    struct Case {
        const char* text;
        double number;
        const char* unit;
    };
    for (const Case& c : {Case{"0", 0, ""}, Case{" 0", 0, ""}, Case{"45", 45, ""}, Case{"2.02", 2.02, ""},
                          Case{"减4", -4, ""}, Case{"减少8", -8, ""}, Case{"減少45", -45, ""}, Case{"+2", 2, ""},
                          Case{"-1", -1, ""}, Case{"增加3", 3, ""}, Case{"80618元", 80618, "元"},
                          Case{"52.15万元", 52.15, "万元"}, Case{"1,234", 1234, ""}, Case{"１２", 12, ""},
                          Case{"\xC2\xA0" "7\xC2\xA0", 7, ""}}) {
        INFO(c.text);
        const CellValue v = read_cell_value(c.text);
        REQUIRE(v.kind == CellKind::number);
        CHECK(v.number == Approx(c.number));
        CHECK(v.unit == c.unit);
        CHECK_FALSE(v.stray_chars);
    }
}

TEST_CASE("tables::read_cell_value blank, not applicable and text stay distinct") {
    CHECK(read_cell_value("").kind == CellKind::blank);
    CHECK(read_cell_value(" \xC2\xA0 ").kind == CellKind::blank);
    CHECK(read_cell_value("\xE3\x80\x80").kind == CellKind::blank);
    for (const char* na : {"/", "-", "—", "无", "不适用", "／"}) {
        INFO(na);
        CHECK(read_cell_value(na).kind == CellKind::not_applicable);
    }
    for (const char* text : {"规章", "规章555规范性文件141414", "12a", "1,23", "1.", ".5", "2023-01-30", "1234567890123456"}) {
        INFO(text);
        CHECK(read_cell_value(text).kind == CellKind::text);
    }
}

TEST_CASE("tables::read_cell_value stray replacement characters before a number") {
    const CellValue v = read_cell_value("? 0");
    CHECK(v.kind == CellKind::number);
    CHECK(v.stray_chars);
    CHECK(read_cell_value("\xEF\xBF\xBD" "3").number == 3);
}

TEST_CASE("tables::trim_cell NBSP, ideographic space and ASCII whitespace at both ends") {
    const std::string nbsp = "\xC2\xA0", ideo = "\xE3\x80\x80";
    CHECK(trim_cell(nbsp + "规章" + nbsp) == "规章");
    CHECK(trim_cell(ideo + "规章" + ideo) == "规章");
    CHECK(trim_cell(" \t" + nbsp + ideo + " 0 " + ideo + nbsp + "\r\n\f\v") == "0");
    CHECK(trim_cell(nbsp + ideo + nbsp) == "");
    CHECK(trim_cell("a " + nbsp + " b") == "a " + nbsp + " b");  // inner spaces stay
    // partial sequences are not whitespace: a lone lead byte, a lone continuation byte
    CHECK(trim_cell("\xC2") == "\xC2");
    CHECK(trim_cell("\xA0") == "\xA0");
    CHECK(trim_cell("\xE3\x80") == "\xE3\x80");
    CHECK(trim_cell(" \x80\x80 ") == "\x80\x80");
    CHECK(trim_cell("\xE3\x80 ") == "\xE3\x80");
    // the result is a view into the argument
    const std::string_view s = "\xC2\xA0x\xE3\x80\x80";
    CHECK(trim_cell(s).data() == s.data() + 2);
}

TEST_CASE("tables::read_cell_value integers, decimals and full-width digits are exact") {
    struct Case {
        const char* text;
        double number;
        const char* unit;
    };
    for (const Case& c : {Case{"减少8", -8, ""}, Case{"８０６１８元", 80618, "元"}, Case{"1,234.5", 1234.5, ""},
                          Case{"12,345,678", 12345678, ""}, Case{"2.02", 2.02, ""}, Case{"0.1", 0.1, ""},
                          Case{"１２.５", 12.5, ""}, Case{"007", 7, ""}, Case{"123456789012345", 123456789012345.0, ""},
                          Case{"1234567890123.5", 1234567890123.5, ""}, Case{"5 件", 5, "件"}, Case{"5万元", 5, "万元"},
                          Case{"3萬元", 3, "萬元"}, Case{"+ 3", 3, ""}, Case{"—5", -5, ""}, Case{"新增2次", 2, "次"},
                          Case{"\xE3\x80\x80" "减 4 \xC2\xA0", -4, ""}}) {
        INFO(c.text);
        const CellValue v = read_cell_value(c.text);
        REQUIRE(v.kind == CellKind::number);
        CHECK(v.number == c.number);  // exactly: integers are summed, decimals go through strtod
        CHECK(v.unit == c.unit);
    }
    const CellValue minus_zero = read_cell_value("减0");
    CHECK(minus_zero.kind == CellKind::number);
    CHECK_FALSE(std::signbit(minus_zero.number));
    CHECK_FALSE(std::signbit(read_cell_value("-0").number));
}

TEST_CASE("tables::read_cell_value what is not a number stays text without unit or stray flag") {
    for (const char* text : {"12345678901234.5", "1,2345", "12.345,6", ",123", "1,,234", "1.2.3", "元", "增加", "减",
                             "?", "\xEF\xBC", "\xEF\xBC\x9A", "5元元", "规章5"}) {
        INFO(text);
        const CellValue v = read_cell_value(text);
        CHECK(v.kind == CellKind::text);
        CHECK(v.unit.empty());
        CHECK_FALSE(v.stray_chars);
    }
    CHECK(read_cell_value("——").kind == CellKind::not_applicable);
    CHECK(read_cell_value(" 不適用\xE3\x80\x80").kind == CellKind::not_applicable);
    CHECK(read_cell_value("/5").kind == CellKind::text);
    const CellValue stray = read_cell_value("？ ?\xEF\xBF\xBD 3件");
    CHECK(stray.kind == CellKind::number);
    CHECK(stray.number == 3);
    CHECK(stray.unit == "件");
    CHECK(stray.stray_chars);
}
