// export/output_file (RFC 4180 CSV, atomic files) and export/agency_map.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/temp_dir.hpp"
#include "export/agency_map.hpp"
#include "export/output_file.hpp"

using namespace zfxxgk::exporting;
namespace fs = std::filesystem;

namespace {

using zfxxgk::test::slurp;

}  // namespace

TEST_CASE("exporting::CsvWriter quotes per RFC 4180 and ends rows with CRLF") {
    zfxxgk::test::TempDir tmp("zfxxgk-export-test");
    CsvWriter w;
    REQUIRE(w.open(tmp.path() / "t.csv", Bom::no).empty());
    w.field(std::string_view("plain"));
    w.field(std::string_view("a,b"));
    w.field(std::string_view("say \"hi\""));
    w.field(std::string_view("two\nlines"));
    w.field(std::string_view(""));
    w.end_row();
    w.field(std::int64_t{-3});
    w.number(2.5);
    w.number(45.0);
    w.number(std::nullopt);
    w.field(std::optional<int>{});
    w.end_row();
    CHECK(fs::exists(tmp.path() / (".t.csv.tmp." + std::to_string(::getpid()))));
    CHECK_FALSE(fs::exists(tmp.path() / "t.csv"));  // not in place before commit
    REQUIRE(w.commit().empty());
    CHECK(slurp(tmp.path() / "t.csv") == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n-3,2.5,45,,\r\n");
    CHECK(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("exporting::CsvWriter Bom::yes starts the file with the UTF-8 BOM") {
    zfxxgk::test::TempDir tmp("zfxxgk-export-test");
    CsvWriter w;
    REQUIRE(w.open(tmp.path() / "t.csv", Bom::yes).empty());
    w.field(std::string_view("机关"));
    w.end_row();
    REQUIRE(w.commit().empty());
    CHECK(slurp(tmp.path() / "t.csv") == "\xEF\xBB\xBF机关\r\n");
}

TEST_CASE("exporting::OutputFile removes its temporary file when not committed") {
    zfxxgk::test::TempDir tmp("zfxxgk-export-test");
    {
        OutputFile f;
        REQUIRE(f.open(tmp.path() / "x.jsonl").empty());
        f.write("{}\n");
    }
    CHECK(fs::is_empty(tmp.path()));
    OutputFile g;
    CHECK_THAT(g.open(tmp.path() / "missing-dir" / "x"), Catch::Contains("cannot create"));
}

TEST_CASE("exporting::format_number writes integers without a point, other values shortest") {
    char buf[32];
    CHECK(format_number(0.0, buf) == "0");
    CHECK(format_number(-8.0, buf) == "-8");
    CHECK(format_number(2.02, buf) == "2.02");
    CHECK(format_number(0.9731, buf) == "0.9731");
}

TEST_CASE("exporting::load_agency_map reads TSV, skips comments, refuses conflicts with the line number") {
    zfxxgk::test::TempDir tmp("zfxxgk-export-test");
    std::ofstream(tmp.path() / "map.tsv") << "\xEF\xBB\xBF# variant\tid\n\n乌海市工信局\t乌海市工业和信息化局\r\n"
                                           "乌海市工业和信息化局\t乌海市工业和信息化局\n";
    const AgencyMapLoad ok = load_agency_map(tmp.path() / "map.tsv");
    REQUIRE(ok.error.empty());
    CHECK(ok.map.size() == 2);
    CHECK(ok.map.id_for("乌海市工信局") == "乌海市工业和信息化局");
    CHECK(ok.map.id_for("高平市人民政府办公室") == "高平市人民政府办公室");

    std::ofstream(tmp.path() / "bad.tsv") << "a\tb\nno tab here\n";
    CHECK(load_agency_map(tmp.path() / "bad.tsv").error ==
          (tmp.path() / "bad.tsv").string() + ":2: no tab: each line is `name variant<TAB>agency id`");
    std::ofstream(tmp.path() / "conflict.tsv") << "a\tb\na\tc\n";
    CHECK_THAT(load_agency_map(tmp.path() / "conflict.tsv").error, Catch::EndsWith(":2: \"a\" already maps to another agency id"));
    CHECK_THAT(load_agency_map(tmp.path() / "none.tsv").error, Catch::Contains("cannot be read"));
}
