#include <catch2/catch.hpp>
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
