#pragma once
// Helpers for extractor tests: fixtures by name, values by path.
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"

namespace zfxxgk::test {

inline std::string read_file(const std::string& relative) {
    std::ifstream in(std::string(ZFXXGK_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline extractor::Record extract_fixture(const std::string& name) {
    const std::string bytes = read_file("fixtures/reports/" + name);
    extractor::Source source;
    source.path = name;
    source.sha256 = extractor::sha256_hex(bytes);
    source.bytes = bytes.size();
    return extractor::extract_text(bytes, source);
}

inline extractor::Record extract_string(const std::string& text) {
    extractor::Source source;
    source.path = "inline";
    source.sha256 = extractor::sha256_hex(text);
    return extractor::extract_text(text, source);
}

inline const extractor::Value& value_at(const extractor::Record& r, const std::string& path) {
    const extractor::Value* v = r.find(path);
    INFO("path " << path);
    REQUIRE(v != nullptr);
    return *v;
}

inline const std::vector<std::string> kApplicantColumns = {"natural_person", "commercial", "research", "social_welfare",
                                                           "legal_services", "other_org", "total"};
inline const std::vector<std::string> kReviewColumns = {"upheld", "corrected", "other", "pending", "total"};

// A value the page shows as a number.
constexpr double kBlank = -1e300;    // the page shows the cell empty
constexpr double kMissing = -2e300;  // the page does not show the cell at all

inline void expect_row(const extractor::Record& r, const std::string& prefix, const std::vector<std::string>& columns,
                       const std::vector<double>& expected) {
    REQUIRE(columns.size() == expected.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string path = prefix + "." + columns[i];
        const auto& v = value_at(r, path);
        INFO("path " << path);
        if (expected[i] == kBlank) {
            CHECK_FALSE(v.number.has_value());
            CHECK(v.provenance.status == extractor::ValueStatus::blank);
        } else if (expected[i] == kMissing) {
            CHECK_FALSE(v.number.has_value());
            CHECK(v.provenance.status == extractor::ValueStatus::missing);
            CHECK(v.provenance.table == -1);
        } else {
            REQUIRE(v.number.has_value());
            CHECK(*v.number == Approx(expected[i]));
            CHECK(v.provenance.status == extractor::ValueStatus::number);
        }
    }
}

// Every value whose path starts with `prefix` is missing (the page does not show it).
inline void expect_all_missing(const extractor::Record& r, const std::string& prefix) {
    int seen = 0;
    for (const auto& v : r.values) {
        if (v.path.rfind(prefix, 0) != 0) continue;
        ++seen;
        INFO("path " << v.path);
        CHECK_FALSE(v.number.has_value());
        CHECK(v.provenance.status == extractor::ValueStatus::missing);
    }
    CHECK(seen > 0);
}

inline int count_warnings(const extractor::Record& r, const std::string& code) {
    int n = 0;
    for (const auto& w : r.warnings) n += w.code == code;
    return n;
}

}  // namespace zfxxgk::test
