#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extractor/record_json.hpp"
#include "tests/extractor/support.hpp"

using namespace zfxxgk;
using extractor::JsonLayout;
using extractor::to_json;

namespace {
// to_json's output against nlohmann's dump of the same document.
void check_equals_nlohmann(const extractor::Record& r) {
    for (auto layout : {JsonLayout::compact, JsonLayout::pretty}) {
        const std::string json = to_json(r, layout);
        CHECK(json == nlohmann::ordered_json::parse(json).dump(layout == JsonLayout::pretty ? 2 : -1));
    }
}

extractor::Value value(std::string path, std::optional<double> number) {
    extractor::Value v;
    v.path = std::move(path);
    v.number = number;
    return v;
}
}  // namespace

TEST_CASE("extractor::to_json equals nlohmann::json::dump, compact and pretty, for every fixture report") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(ZFXXGK_SOURCE_DIR) + "/fixtures/reports")) {
        if (e.path().extension() != ".txt" && e.path().extension() != ".html") continue;
        const std::string bytes = test::read_file("fixtures/reports/" + e.path().filename().string());
        extractor::Source source;
        source.path = e.path().filename().string();
        INFO(source.path);
        check_equals_nlohmann(extractor::looks_like_html(bytes) ? extractor::extract_html(bytes, source)
                                                                : extractor::extract_text(bytes, source));
        ++n;
    }
    CHECK(n > 10);
}

TEST_CASE("extractor::to_json escapes every string field as nlohmann::json::dump does") {
    const std::string nasty = "引号\"反斜杠\\换行\n\t\x01\x1f\x7f 分隔\xE2\x80\xA8 \"\"\\\\ abcdefgh\"";
    extractor::Record r = test::extract_fixture("gb2021-seed-gaoping-2023.txt");
    r.agency = r.title = r.published = nasty;
    r.source.path = r.source.sha256 = nasty;
    r.source.url = nasty;
    for (auto& s : r.sections) s = nasty + s.value_or("");
    r.values.push_back(value("applications.\"quoted\\key\".x\ny", 1.5));
    for (auto& v : r.values) v.provenance.raw = nasty, v.provenance.unit = nasty;
    for (auto& c : r.checks) c.subject = nasty;
    r.warnings.push_back({nasty, nasty, 1, 2});
    r.unplaced.push_back({1, 2, 3, nasty, nasty});
    for (auto& t : r.tables) {
        t.section = nasty;
        for (auto& row : t.rows) {
            for (auto& s : row.label) s += nasty;
            for (auto& s : row.cells) s = nasty + s;
        }
    }
    check_equals_nlohmann(r);
    CHECK(nlohmann::json::parse(to_json(r))["provenance"]["applications.\"quoted\\key\".x\ny"]["raw"] == nasty);
}

TEST_CASE("extractor::to_json nests the table values by their dotted paths, in order; a table without values is null") {
    extractor::Record r;
    for (auto&& v : {value("applications.a", 1), value("applications.b.c", 2), value("applications.b.d", std::nullopt),
                     value("applications.e.f.g", 3), value("applications.h", 4), value("reviews_litigation.x", 5),
                     value("reviews_litigation..y", 6)}) {
        r.values.push_back(v);
    }
    const std::string json = to_json(r);
    CHECK_THAT(json, Catch::Contains("\"active_disclosure\":null,"
                                     "\"applications\":{\"a\":1,\"b\":{\"c\":2,\"d\":null},\"e\":{\"f\":{\"g\":3}},\"h\":4},"
                                     "\"reviews_litigation\":{\"x\":5,\"\":{\"y\":6}},\"sections\":"));
    check_equals_nlohmann(r);
}
