#include <catch2/catch.hpp>
#include <limits>
#include <optional>
#include <nlohmann/json.hpp>

#include "extractor/json_writer.hpp"

using zfxxgk::extractor::JsonWriter;

namespace {
std::string sample(bool pretty) {
    JsonWriter w(pretty);
    w.begin_object();
    w.key("s"), w.value("引号\"反斜杠\\换行\n\t\x01\x1f制表");
    w.key("n"), w.number(2.02);
    w.key("i"), w.number(-8);
    w.key("big"), w.number(1e20);
    w.key("tiny"), w.number(1.5e-7);
    w.key("null"), w.null();
    w.key("empty_array"), w.begin_array(), w.end_array();
    w.key("empty_object"), w.begin_object(), w.end_object();
    w.key("list"), w.begin_array(), w.value(1), w.value(true), w.begin_object(), w.key("x"), w.value("y"), w.end_object(), w.end_array();
    w.end_object();
    return w.take();
}
}  // namespace

TEST_CASE("extractor::JsonWriter output equals nlohmann::json::dump, compact and pretty") {
    const auto j = nlohmann::ordered_json::parse(sample(false));
    CHECK(sample(false) == j.dump());
    CHECK(sample(true) == j.dump(2));
}

TEST_CASE("extractor::JsonWriter invalid UTF-8 bytes become U+FFFD, the output stays valid") {
    JsonWriter w(false);
    w.value(std::string_view("a\xff" "b\xe4\xb8" "c\xed\xa0\x80"));
    const std::string out = w.take();
    // one U+FFFD per byte that starts no valid sequence
    CHECK(out == "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    CHECK_NOTHROW(nlohmann::json::parse(out));
}

namespace {
// The writer's contract for one string, byte by byte: the reference the fast scan must match.
// Escapes as nlohmann::json::dump does (0x7f and U+2028 stay as they are); each byte that
// starts no valid UTF-8 sequence becomes U+FFFD (nlohmann's validator decides what is valid).
std::string reference_string(std::string_view s) {
    const auto dumped = [](std::string_view piece) {  // without the quotes; nullopt when invalid
        try {
            const std::string d = nlohmann::json(std::string(piece)).dump();
            return std::optional<std::string>(d.substr(1, d.size() - 2));
        } catch (const nlohmann::json::type_error&) {
            return std::optional<std::string>();
        }
    };
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // as the lead byte says
        const auto d = i + n <= s.size() ? dumped(s.substr(i, n)) : std::nullopt;
        out += d ? *d : "\xEF\xBF\xBD";
        i += d ? n : 1;
    }
    return out + "\"";
}

std::string written(std::string_view s, std::size_t capacity_hint = 0) {
    JsonWriter w(false, capacity_hint);
    w.value(s);
    return w.take();
}
}  // namespace

TEST_CASE("extractor::JsonWriter strings: every special byte at every position of clean runs up to 40 bytes") {
    // Specials at and around the 8-byte word boundaries of the scan, inside ASCII and CJK runs.
    const std::vector<std::string> specials = {
        "\"", "\\", std::string(1, '\0'), "\x01", "\b", "\t", "\n", "\f", "\r", "\x1f", "\x7f", " ", "/",
        "\xE2\x80\xA8",      // U+2028: not escaped, as by nlohmann
        "\xF0\x9F\x98\x80",  // 4 bytes
        "\xC3\xA9", "\xE9\xAB\x98",
        "\xFF", "\x80", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",  // invalid
        "\xE4\xB8", "\xF0\x9F\x98", "\xC3",                                               // truncated
    };
    for (const std::string& fill : {std::string("a"), std::string("\xE9\xAB\x98")}) {
        for (std::size_t len = 0; len <= 40; ++len) {
            for (std::size_t at = 0; at <= len; ++at) {
                for (const auto& sp : specials) {
                    std::string s;
                    for (std::size_t i = 0; i < len; ++i) s += i == at ? sp : fill;
                    if (at == len) s += sp;
                    INFO("fill " << fill << ", length " << len << ", special at " << at);
                    REQUIRE(written(s) == reference_string(s));
                }
            }
        }
    }
}

TEST_CASE("extractor::JsonWriter strings equal nlohmann::json::dump for valid UTF-8, escapes next to each other") {
    for (const std::string s : {"", "\"\"", "\\\\", "\n\n\n\n\n\n\n\n\n", "a\"b\\c\x01" "d\x1f", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f",
                                "\"abcdefgh\\abcdefg\x02", "高平\"市\\人\n民\x7f政府\xE2\x80\xA8\xE2\x80\xA9办公室"}) {
        CHECK(written(s) == nlohmann::json(s).dump());
    }
}

TEST_CASE("extractor::JsonWriter output does not depend on the capacity hint") {
    std::string s;
    for (int i = 0; i < 300; ++i) s += "高平 \"x\"\n\\\x01\xFF";
    const std::string expected = reference_string(s);
    for (std::size_t hint : {0, 1, 2, 7, 100, 1000, 100000}) CHECK(written(s, hint) == expected);
}

TEST_CASE("extractor::JsonWriter literal keys that need escaping are escaped, other keys too") {
    for (bool pretty : {false, true}) {
        JsonWriter w(pretty);
        w.begin_object();
        w.key("plain_key"), w.value(1);
        w.key("quote\"key"), w.value(2);
        w.key("back\\slash"), w.value(3);
        w.key("new\nline"), w.value(4);
        w.key("高平"), w.value(5);
        w.key(std::string("run\"time")), w.value(6);
        w.key(std::string_view("view\tkey")), w.value(7);
        const char* pointer = "pointer\x01key";
        w.key(pointer), w.value(8);
        w.end_object();
        const std::string out = w.take();
        const auto j = nlohmann::ordered_json::parse(out);
        CHECK(j.size() == 8);
        CHECK(out == j.dump(pretty ? 2 : -1));
    }
}

TEST_CASE("extractor::JsonWriter pretty output deeper than the indentation table equals nlohmann::json::dump") {
    for (bool pretty : {false, true}) {
        JsonWriter w(pretty);
        for (int i = 0; i < 40; ++i) w.begin_object(), w.key("k"), w.begin_array(), w.value(i);
        w.begin_object(), w.end_object();
        for (int i = 0; i < 40; ++i) w.end_array(), w.end_object();
        const std::string out = w.take();
        CHECK(out == nlohmann::ordered_json::parse(out).dump(pretty ? 2 : -1));
    }
}

TEST_CASE("extractor::JsonWriter integers at their limits equal nlohmann::json::dump") {
    JsonWriter w(false);
    w.begin_array();
    w.value(std::numeric_limits<std::int64_t>::min());
    w.value(std::numeric_limits<std::int64_t>::max());
    w.value(std::numeric_limits<std::uint64_t>::max());
    w.value(std::uint32_t{0});
    w.number(-9007199254740991.0);
    w.number(9007199254740992.0);
    w.number(-2.2250738585072014e-308);
    w.number(std::numeric_limits<double>::infinity());
    w.end_array();
    const std::string out = w.take();
    CHECK(out == "[-9223372036854775808,9223372036854775807,18446744073709551615,0,-9007199254740991,"
                 "9007199254740992,-2.2250738585072014e-308,null]");
    CHECK(out == nlohmann::json::parse(out).dump());
}
