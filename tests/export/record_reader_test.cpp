// extractor/record_reader: JSON records back into typed Records.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "extractor/record_reader.hpp"

namespace {

using namespace zfxxgk::extractor;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Record extract_file(const std::filesystem::path& path) {
    const std::string bytes = read_file(path);
    Source source;
    source.path = path.filename().string();
    source.sha256 = sha256_hex(bytes);
    source.bytes = bytes.size();
    return looks_like_html(bytes) ? extract_html(bytes, source) : extract_text(bytes, source);
}

const std::string& seed_json() {
    static const std::string json =
        to_json(extract_file(std::string(ZFXXGK_SOURCE_DIR) + "/fixtures/reports/gb2021-seed-gaoping-2023.txt"));
    return json;
}

}  // namespace

TEST_CASE("extractor::read_record is the inverse of to_json for every fixture report") {
    int n = 0;
    for (const char* dir : {"/fixtures/reports", "/fixtures/export"}) {
        for (const auto& entry : std::filesystem::directory_iterator(std::string(ZFXXGK_SOURCE_DIR) + dir)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".txt" && ext != ".html") continue;
            INFO(entry.path().string());
            const Record record = extract_file(entry.path());
            for (JsonLayout layout : {JsonLayout::compact, JsonLayout::pretty}) {
                const std::string json = to_json(record, layout);
                const ReadRecordResult read = read_record(json);
                REQUIRE(read.ok());
                CHECK(read.schema_version == kSchemaVersion);
                CHECK(read.extractor_version == extractor_version());
                CHECK(to_json(read.record, layout) == json);
            }
            ++n;
        }
    }
    CHECK(n >= 18);
}

TEST_CASE("extractor::read_record RecordTables::skip leaves tables and unplaced out, keeps the rest") {
    const ReadRecordResult full = read_record(seed_json());
    const ReadRecordResult light = read_record(seed_json(), {RecordTables::skip});
    REQUIRE(light.ok());
    CHECK(!full.record.tables.empty());
    CHECK(light.record.tables.empty());
    CHECK(light.record.unplaced.empty());
    REQUIRE(light.record.values.size() == full.record.values.size());
    CHECK(light.record.values[12].path == full.record.values[12].path);
    CHECK(light.record.values[12].provenance.raw == full.record.values[12].provenance.raw);
    CHECK(light.record.checks.size() == full.record.checks.size());
    CHECK(light.record.sections == full.record.sections);
}

TEST_CASE("extractor::read_record reports text that is not JSON with the byte position") {
    const ReadRecordResult r = read_record(seed_json().substr(0, 300));
    CHECK(r.failure == ReadFailure::not_json);
    CHECK_THAT(r.error, Catch::StartsWith("not valid JSON at byte 300: "));
    CHECK(r.record.values.empty());
}

TEST_CASE("extractor::read_record refuses a newer schema_version and says to upgrade") {
    std::string json = seed_json();
    json.replace(json.find("\"schema_version\":1"), 18, "\"schema_version\":2");
    const ReadRecordResult r = read_record(json);
    CHECK(r.failure == ReadFailure::newer_schema);
    CHECK(r.error == "schema_version 2 is newer than this zfxxgk reads (1): upgrade zfxxgk");
}

TEST_CASE("extractor::read_record refuses JSON that is not a record") {
    CHECK(read_record("[1,2]").failure == ReadFailure::not_a_record);
    CHECK(read_record("{\"a\":1}").error == "not a zfxxgk record: no schema_version");
    CHECK(read_record("{\"schema_version\":1,\"source\":{}}").error == "not a zfxxgk record: no template");
    std::string json = seed_json();
    json.replace(json.find("\"year\":2023"), 11, "\"year\":\"2023\"");
    CHECK(read_record(json).error == "not a zfxxgk record: year is not an integer or null");
    json = seed_json();
    json.replace(json.find("\"status\":\"number\""), 17, "\"status\":\"plenty\"");
    CHECK(read_record(json).error == "not a zfxxgk record: provenance.status \"plenty\" is not a known value status");
    json = seed_json();
    json.replace(json.find("\"checks\":["), 10, "\"checks\":{\"a\":[");
    json.replace(json.find("],\"warnings\""), 2, "]},");
    CHECK(read_record(json).error == "not a zfxxgk record: checks is not an array");
}

TEST_CASE("extractor::read_record ignores unknown keys") {
    std::string json = seed_json();
    json.insert(1, "\"later_key\":{\"x\":[1,2,{\"y\":null}]},");
    const ReadRecordResult r = read_record(json);
    REQUIRE(r.ok());
    CHECK(to_json(r.record) == seed_json());
}

TEST_CASE("extractor::read_record_head reads identity from a prefix and says when it needs more") {
    const RecordHead head = read_record_head(seed_json().substr(0, 400));
    CHECK(head.complete);
    CHECK(head.schema_version == 1);
    CHECK(head.agency == "高平市人民政府办公室");
    CHECK(head.year == 2023);
    const RecordHead cut = read_record_head(seed_json().substr(0, 60));
    CHECK_FALSE(cut.complete);
    const RecordHead null_agency = read_record_head(R"({"schema_version":1,"agency":null,"year":null,"template":"2021"})");
    CHECK(null_agency.complete);
    CHECK_FALSE(null_agency.agency);
    CHECK_FALSE(null_agency.year);
    CHECK_FALSE(read_record_head("not json").complete);
}
