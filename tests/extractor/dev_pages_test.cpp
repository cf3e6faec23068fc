// Real published pages in every flattened form (fixtures/reports/SOURCES.tsv): the values each
// page shows, read by hand, and nothing for the rows it does not show.
#include "support.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;

namespace {
const std::vector<std::string> kDocs21 = {"issued", "repealed", "in_force"};
const std::vector<std::string> kDocs19 = {"new_made", "new_published", "total_published"};
const std::vector<std::string> kItems19 = {"prior_year_items", "change", "decisions"};
const std::vector<double> kZeros7 = {0, 0, 0, 0, 0, 0, 0};
constexpr double M = kMissing;
constexpr double B = kBlank;
}  // namespace

TEST_CASE("extractor::extract_text alternating pipe lines (dev01), cut inside table 3") {
    const auto r = extract_fixture("gb2021-alternating-pipe-lines.txt");
    CHECK(r.template_id == "2021");
    CHECK_FALSE(r.year.has_value());  // the page names no title and no 统计期限
    expect_row(r, "active_disclosure.regulations", kDocs21, {0, 0, 6});
    expect_row(r, "active_disclosure.normative_documents", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.licensing", {"decisions"}, {0});
    expect_row(r, "active_disclosure.fees", {"amount_10k_yuan"}, {0});
    for (const char* row : {"received", "carried_over", "outcomes.granted", "outcomes.partially_granted",
                            "outcomes.denied.state_secret", "outcomes.denied.internal_affairs"}) {
        expect_row(r, std::string("applications.") + row, kApplicantColumns, kZeros7);
    }
    // "6.属于四类过程性信" is where the copy ends
    expect_all_missing(r, "applications.outcomes.denied.process_information");
    expect_all_missing(r, "applications.outcomes.total");
    expect_all_missing(r, "applications.carried_forward");
    expect_all_missing(r, "reviews_litigation");
    CHECK(count_warnings(r, "table_missing") == 1);
    CHECK(value_at(r, "applications.received.total").provenance.inferred);  // no row boundaries in this form
}

TEST_CASE("extractor::extract_text row per line (dev02), cut inside a row") {
    const auto r = extract_fixture("gb2021-row-per-line.txt");
    CHECK(r.year == std::optional<int>(2024));  // from the 统计期限 sentence
    expect_row(r, "active_disclosure.regulations", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.normative_documents", kDocs21, {5, 1, 25});
    expect_row(r, "active_disclosure.penalty", {"decisions"}, {0});
    expect_row(r, "applications.received", kApplicantColumns, {58, 7, 0, 0, 1, 0, 66});
    expect_row(r, "applications.carried_over", kApplicantColumns, {2, 0, 0, 0, 0, 0, 2});
    expect_row(r, "applications.outcomes.granted", kApplicantColumns, {2, 1, 0, 0, 0, 0, 3});
    expect_row(r, "applications.outcomes.partially_granted", kApplicantColumns, {16, 1, 0, 0, 0, 0, 17});
    expect_row(r, "applications.outcomes.denied.internal_affairs", kApplicantColumns, {1, 0, 0, 0, 0, 0, 1});
    // "7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |" and then the copy ends
    expect_row(r, "applications.outcomes.denied.enforcement_files", kApplicantColumns, {0, 0, 0, 0, 0, 0, M});
    expect_all_missing(r, "applications.outcomes.denied.administrative_query");
    CHECK(count_warnings(r, "row_missing") == 2);
}

TEST_CASE("extractor::extract_text Markdown-like pipes (dev03)") {
    const auto r = extract_fixture("gb2021-markdown-pipes.txt");
    for (const char* row : {"regulations", "normative_documents"}) {
        expect_row(r, std::string("active_disclosure.") + row, kDocs21, {0, 0, 0});
    }
    expect_row(r, "active_disclosure.coercion", {"decisions"}, {0});
    expect_row(r, "applications.received", kApplicantColumns, {3, 0, 0, 0, 0, 0, 3});
    expect_row(r, "applications.carried_over", kApplicantColumns, kZeros7);
    expect_all_missing(r, "applications.outcomes");
    CHECK(count_warnings(r, "label_unmatched") == 0);  // "| 三、本年度" is a cut-off label
}

TEST_CASE("extractor::extract_text traditional mirror, covered runs on their own lines (dev04)") {
    const auto r = extract_fixture("gb2021-traditional-covered-runs-own-line.txt");
    CHECK(r.template_id == "2021");
    expect_row(r, "active_disclosure.regulations", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.normative_documents", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.licensing", {"decisions"}, {2468});
    expect_row(r, "active_disclosure.penalty", {"decisions"}, {99});
    expect_row(r, "active_disclosure.coercion", {"decisions"}, {75});
    expect_row(r, "active_disclosure.fees", {"amount_10k_yuan"}, {2.02});
    expect_all_missing(r, "applications");
}

TEST_CASE("extractor::extract_text traditional mirror, bare pipe before every row (dev05)") {
    const auto r = extract_fixture("gb2021-traditional-bare-pipe-row-separators.txt");
    CHECK(r.agency == std::optional<std::string>("麻阳苗族自治县板栗树乡人民政府"));
    CHECK(r.agency_as_written == std::optional<std::string>("麻陽苗族自治縣板栗樹鄉人民政府"));
    CHECK(r.year == std::optional<int>(2022));
    expect_row(r, "active_disclosure.licensing", {"decisions"}, {4});
    expect_row(r, "active_disclosure.coercion", {"decisions"}, {0});
    expect_row(r, "applications.received", kApplicantColumns, kZeros7);
    expect_row(r, "applications.carried_over", kApplicantColumns, kZeros7);
    expect_row(r, "applications.outcomes.granted", kApplicantColumns, kZeros7);
    expect_all_missing(r, "applications.outcomes.partially_granted");  // only its label survived the cut
}

TEST_CASE("extractor::extract_text closing pipe wrapped onto the next line (dev08)") {
    const auto r = extract_fixture("gb2021-wrapped-closing-pipe.txt");
    CHECK(r.year == std::optional<int>(2023));
    expect_row(r, "active_disclosure.regulations", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.normative_documents", kDocs21, {0, 0, 0});
    expect_row(r, "active_disclosure.fees", {"amount_10k_yuan"}, {0});
    expect_all_missing(r, "applications");
    CHECK(r.unplaced.empty());
}

TEST_CASE("extractor::extract_text header split across rows, blank cells, leading covered pipes (dev11)") {
    const auto r = extract_fixture("gb2021-split-header-blank-cells.txt");
    expect_row(r, "active_disclosure.normative_documents", kDocs21, {3, 0, 101});
    expect_row(r, "applications.received", kApplicantColumns, {0, B, B, B, B, B, 0});
    expect_row(r, "applications.carried_over", kApplicantColumns, {B, B, B, B, B, B, 0});
    expect_row(r, "applications.outcomes.partially_granted", kApplicantColumns, {B, B, B, B, B, B, 0});
    expect_row(r, "applications.outcomes.denied.internal_affairs", kApplicantColumns, {B, B, B, B, B, B, 0});
    expect_all_missing(r, "applications.outcomes.denied.process_information");
    CHECK(count_warnings(r, "header_inferred") == 1);  // 商业 | 科研 … then 企业 | 机构
    // blank inputs: the row total cannot be checked
    for (const auto& c : r.checks) {
        if (c.rule == "applications.row_total" && c.subject == "carried_over") {
            CHECK(c.status == extractor::CheckStatus::not_assessable);
        }
    }
    const auto& t = r.tables[1];
    const auto& v = value_at(r, "applications.outcomes.denied.prohibited_by_law.total");
    CHECK(t.rows[static_cast<std::size_t>(v.provenance.row)].label ==
          std::vector<std::string>{"三、本年度办理结果", "(三)不予公开", "2.其他法律行政法规禁止公开"});
}

TEST_CASE("extractor::extract_text 2019 template without pipes (dev06): signed changes") {
    const auto r = extract_fixture("gb2019-no-pipes-blank-lines-signed-changes.txt");
    CHECK(r.template_id == "2019");
    CHECK(r.agency == std::optional<std::string>("彭水苗族土家族自治县善感乡人民政府"));
    CHECK(r.published == std::optional<std::string>("2020-01-30"));
    expect_row(r, "active_disclosure.regulations", kDocs19, {0, 0, 0});
    expect_row(r, "active_disclosure.licensing", kItems19, {10, -8, 0});  // 减少8
    expect_row(r, "active_disclosure.penalty", kItems19, {105, -45, 0});
    expect_row(r, "active_disclosure.fees", {"prior_year_items", "change"}, {0, 0});
    expect_row(r, "active_disclosure.procurement", {"items", "amount"}, {0, 0});
    expect_all_missing(r, "active_disclosure.other_documents");  // 湖北's extension row: not on this page
    CHECK(r.find("active_disclosure.licensing.change")->provenance.raw == std::optional<std::string>("减少8"));
}

TEST_CASE("extractor::extract_text 2019 template with values dropped (dev07): nothing invented") {
    const auto r = extract_fixture("gb2019-no-pipes-labels-only.txt");
    CHECK(r.template_id == "2019");
    for (const auto& v : r.values) {
        INFO(v.path);
        CHECK_FALSE(v.number.has_value());
    }
    // 规章 is followed by a single 0: which of three columns it belongs to is not known
    CHECK(value_at(r, "active_disclosure.regulations.new_made").provenance.status == extractor::ValueStatus::ambiguous);
    REQUIRE(r.unplaced.size() == 1);
    CHECK(r.unplaced[0].raw == "0");
    CHECK(count_warnings(r, "column_count_mismatch") == 1);
}

TEST_CASE("extractor::extract_text 2019 template, truncated headers and signed cells (dev09)") {
    const auto r = extract_fixture("gb2019-truncated-headers-signed-cells.txt");
    CHECK(r.template_id == "2019");
    CHECK(r.agency == std::optional<std::string>("乌海市工业和信息化局"));
    CHECK(r.year == std::optional<int>(2020));
    expect_row(r, "active_disclosure.regulations", kDocs19, {0, 0, 0});
    expect_row(r, "active_disclosure.licensing", kItems19, {1, 0, 0});
    expect_row(r, "active_disclosure.other_services", kItems19, {2, 2, 114});  // "+2"
    expect_row(r, "active_disclosure.penalty", kItems19, {25, -1, 0});
    expect_all_missing(r, "active_disclosure.fees");
    CHECK(count_warnings(r, "header_inferred") == 1);  // 本年新 | 本年新
}

TEST_CASE("extractor::extract_text 2019 template with 湖北's extra row (dev10)") {
    const auto r = extract_fixture("gb2019-hubei-extra-row.txt");
    CHECK(r.agency == std::optional<std::string>("孝感市人民政府办公室"));
    CHECK(r.year == std::optional<int>(2020));
    expect_row(r, "active_disclosure.regulations", kDocs19, {2, 2, 3});
    expect_row(r, "active_disclosure.normative_documents", kDocs19, {11, 11, 119});
    expect_row(r, "active_disclosure.other_documents", kDocs19, {56, 45, M});
}

TEST_CASE("extractor::extract_text freeform reports (dev12, dev13) keep no canonical values") {
    for (const char* name : {"freeform-2012-nanping.txt", "freeform-2017-lishui.txt"}) {
        const auto r = extract_fixture(name);
        INFO(name);
        CHECK(r.template_id == "freeform");
        CHECK(r.values.empty());
        CHECK(r.checks.empty());
    }
    CHECK(extract_fixture("freeform-2012-nanping.txt").year == std::optional<int>(2012));
    CHECK(extract_fixture("freeform-2017-lishui.txt").year == std::optional<int>(2017));
}
