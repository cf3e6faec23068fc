#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/dataset.hpp"
#include "tests/temp_dir.hpp"

using namespace zfxxgk::extractor;
namespace fs = std::filesystem;

namespace {

using zfxxgk::test::slurp;
using zfxxgk::test::TempDir;

void put(const fs::path& p, const std::string& data) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
}

Record record_of(const std::string& sha) {
    Record r;
    r.agency = "高平市人民政府办公室";
    r.year = 2023;
    r.source.sha256 = sha;
    return r;
}

std::string json_of(const std::string& sha) { return R"({"source":{"sha256":")" + sha + R"("}})"; }

}  // namespace

TEST_CASE("extractor::write_record places, replaces and sets aside records") {
    TempDir dir;
    const std::string a(64, 'a');
    const std::string b(64, 'b');
    const fs::path place = dir.path() / "高平市人民政府办公室" / "2023.json";

    const auto first = write_record(dir.path(), record_of(a), json_of(a));
    CHECK(first.error.empty());
    CHECK_FALSE(first.conflict);
    CHECK(first.relative == fs::path("高平市人民政府办公室") / "2023.json");
    CHECK(first.path == place);
    CHECK(slurp(place) == json_of(a) + "\n");

    // the same source again: replaced in place
    const auto again = write_record(dir.path(), record_of(a), json_of(a), Durability::deferred);
    CHECK(again.error.empty());
    CHECK_FALSE(again.conflict);
    CHECK_FALSE(again.replaced_broken);

    // another source for the same agency and year: set aside beside it, the first kept
    const auto other = write_record(dir.path(), record_of(b), json_of(b));
    CHECK(other.conflict);
    CHECK(other.relative == fs::path("高平市人民政府办公室") / "2023-bbbbbbbb.json");
    CHECK(slurp(place) == json_of(a) + "\n");
    CHECK(slurp(dir.path() / other.relative) == json_of(b) + "\n");
}

TEST_CASE("extractor::write_record replaces a file that is no record (empty or cut short), keeps other JSON") {
    TempDir dir;
    const std::string a(64, 'a');
    const fs::path place = dir.path() / "高平市人民政府办公室" / "2023.json";

    put(place, "");  // what a power failure can leave of a record whose flush was pending
    auto out = write_record(dir.path(), record_of(a), json_of(a), Durability::deferred);
    CHECK(out.replaced_broken);
    CHECK_FALSE(out.conflict);
    CHECK(slurp(place) == json_of(a) + "\n");

    put(place, R"({"schema_version": 1, "sour)");
    out = write_record(dir.path(), record_of(a), json_of(a));
    CHECK(out.replaced_broken);
    CHECK(slurp(place) == json_of(a) + "\n");

    // valid JSON that is not a record of this source: someone's file, never overwritten
    put(place, R"({"note": "kept by hand"})");
    out = write_record(dir.path(), record_of(a), json_of(a));
    CHECK_FALSE(out.replaced_broken);
    CHECK(out.conflict);
    CHECK(slurp(place) == R"({"note": "kept by hand"})");
}

TEST_CASE("extractor::sync_file_system flushes a directory's file system and names what it cannot open") {
    TempDir dir;
    CHECK(sync_file_system(dir.path()).empty());
    const std::string err = sync_file_system(dir.path() / "missing");
    CHECK(err.find((dir.path() / "missing").string()) == 0);
    CHECK(err.find("cannot open") != std::string::npos);
}
