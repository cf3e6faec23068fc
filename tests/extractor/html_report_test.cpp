// HTML pages (fixtures/reports/HTML-FIXTURES.md): the seed rendered as Word-exported HTML
// must give the record its text form gives; the 2019 Word page gives its expected values.
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;

namespace {

// UTF-8 pages only: the extractor sees decoded text (the GBK copy goes through the CLI's
// decoder in tests/cli/golden.sh).
extractor::Record extract_html_fixture(const std::string& name) {
    const std::string bytes = read_file("fixtures/reports/" + name);
    extractor::Source source;
    source.path = name;
    source.sha256 = extractor::sha256_hex(bytes);
    return extractor::extract_html(bytes, source);
}

}  // namespace

TEST_CASE("extractor::extract_html the seed as Word-exported HTML equals its text form") {
    const auto html = extract_html_fixture("gb2021-seed-gaoping-2023-word.html");
    const auto text = extract_fixture("gb2021-seed-gaoping-2023.txt");
    CHECK(html.template_id == "2021");
    CHECK(html.agency == text.agency);
    CHECK(html.year == text.year);
    CHECK(html.title == text.title);
    CHECK(html.published == std::optional<std::string>("2024-01-20"));  // the page's metadata table
    REQUIRE(html.values.size() == text.values.size());
    for (std::size_t i = 0; i < text.values.size(); ++i) {
        INFO(text.values[i].path);
        CHECK(html.values[i].path == text.values[i].path);
        CHECK(html.values[i].number == text.values[i].number);
        CHECK(html.values[i].provenance.status == text.values[i].provenance.status);
    }
    REQUIRE(html.checks.size() == text.checks.size());
    for (std::size_t i = 0; i < text.checks.size(); ++i) {
        CHECK(html.checks[i].rule == text.checks[i].rule);
        CHECK(html.checks[i].subject == text.checks[i].subject);
        CHECK(html.checks[i].status == text.checks[i].status);
    }
    for (std::size_t s = 0; s < 6; ++s) {
        INFO("section " << s);
        CHECK(html.sections[s] == text.sections[s]);
    }
    // chrome is not listed: the layout table, the metadata table, navigation and footer
    CHECK(html.tables.size() == 3);
    CHECK(html.warnings.empty());  // full header labels: nothing inferred
}

TEST_CASE("extractor::extract_html a 2019 Word page with a 5-column table 2, blanks and units") {
    const auto r = extract_html_fixture("gb2019-word-5col-procurement.html");
    const auto expected = nlohmann::json::parse(read_file("fixtures/reports/gb2019-word-5col-procurement.expected.json"));
    CHECK(r.template_id == "2019");
    CHECK(r.agency == std::optional<std::string>(expected["_record"]["agency"].get<std::string>()));
    CHECK(r.year == std::optional<int>(expected["_record"]["year"].get<int>()));
    CHECK(r.published == std::optional<std::string>(expected["_record"]["published"].get<std::string>()));
    int checked = 0;
    for (const auto& [path, value] : expected.items()) {
        if (path.front() == '_') continue;
        const auto& v = value_at(r, path);
        INFO(path);
        if (value.is_null()) {
            CHECK_FALSE(v.number.has_value());
            CHECK(v.provenance.status == extractor::ValueStatus::blank);
        } else {
            REQUIRE(v.number.has_value());
            CHECK(*v.number == Approx(value.get<double>()));
        }
        ++checked;
    }
    CHECK(checked == 198);
    for (const auto& path : expected["_blank"]) {
        CHECK(value_at(r, path.get<std::string>()).provenance.status == extractor::ValueStatus::blank);
    }
    CHECK(value_at(r, "active_disclosure.procurement.amount").provenance.unit == "元");
    // nothing the page does not give: the 湖北 row is absent
    expect_all_missing(r, "active_disclosure.other_documents");
    // a blank total makes its checks not assessable, never failed
    CHECK_FALSE(r.has_failed_check());
    for (const auto& c : r.checks) {
        if (c.rule == "applications.balance" && c.subject == "total") {
            CHECK(c.status == extractor::CheckStatus::not_assessable);
        }
    }
}
