#include <catch2/catch.hpp>

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
