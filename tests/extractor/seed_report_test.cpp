// The report the project was founded on: every value of tables 2, 3 and 4 as the page says.
#include "support.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;

TEST_CASE("extractor::extract_text seed report: metadata and template") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    CHECK(r.agency == std::optional<std::string>("高平市人民政府办公室"));
    CHECK(r.agency_as_written == std::optional<std::string>("高平市人民政府办公室"));
    CHECK(r.year == std::optional<int>(2023));
    CHECK(r.title == std::optional<std::string>("高平市人民政府办公室2023年政府信息公开工作年度报告"));
    CHECK(r.template_id == "2021");
    CHECK(r.tables.size() == 3);
    CHECK(r.unplaced.empty());
    // the only inference: table 4's truncated header cells (结果 | 结果 | 其他 | 尚未)
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "header_inferred");
    CHECK(r.warnings[0].table == 2);
}

TEST_CASE("extractor::extract_text seed report: table 2 values") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    expect_row(r, "active_disclosure.regulations", {"issued", "repealed", "in_force"}, {0, 0, 0});
    expect_row(r, "active_disclosure.normative_documents", {"issued", "repealed", "in_force"}, {2, 0, 45});
    expect_row(r, "active_disclosure.licensing", {"decisions"}, {0});
    expect_row(r, "active_disclosure.penalty", {"decisions"}, {0});
    expect_row(r, "active_disclosure.coercion", {"decisions"}, {0});
    expect_row(r, "active_disclosure.fees", {"amount_10k_yuan"}, {0});
    const auto& v = value_at(r, "active_disclosure.normative_documents.in_force");
    CHECK(v.provenance.raw == std::optional<std::string>("45"));
    CHECK(v.provenance.table == 0);
    CHECK(r.tables[0].rows[static_cast<std::size_t>(v.provenance.row)].label == std::vector<std::string>{"行政规范性文件"});
}

TEST_CASE("extractor::extract_text seed report: table 3 values") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    const auto& cols = kApplicantColumns;
    expect_row(r, "applications.received", cols, {9, 0, 0, 0, 0, 0, 9});
    expect_row(r, "applications.carried_over", cols, {0, 0, 0, 0, 0, 0, 0});
    expect_row(r, "applications.outcomes.granted", cols, {0, 0, 0, 0, 0, 0, 0});
    expect_row(r, "applications.outcomes.partially_granted", cols, {2, 0, 0, 0, 0, 0, 2});
    for (const char* k : {"state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                          "internal_affairs", "process_information", "enforcement_files", "administrative_query"}) {
        expect_row(r, std::string("applications.outcomes.denied.") + k, cols, {0, 0, 0, 0, 0, 0, 0});
    }
    expect_row(r, "applications.outcomes.unavailable.not_held", cols, {5, 0, 0, 0, 0, 0, 5});
    expect_row(r, "applications.outcomes.unavailable.needs_creation", cols, {0, 0, 0, 0, 0, 0, 0});
    expect_row(r, "applications.outcomes.unavailable.unclear_after_correction", cols, {0, 0, 0, 0, 0, 0, 0});
    for (const char* k : {"complaints", "repeated", "publications", "excessive", "confirmation"}) {
        expect_row(r, std::string("applications.outcomes.not_processed.") + k, cols, {0, 0, 0, 0, 0, 0, 0});
    }
    for (const char* k : {"no_correction", "fee_unpaid", "remaining"}) {
        expect_row(r, std::string("applications.outcomes.other.") + k, cols, {0, 0, 0, 0, 0, 0, 0});
    }
    expect_row(r, "applications.outcomes.total", cols, {7, 0, 0, 0, 0, 0, 7});
    expect_row(r, "applications.carried_forward", cols, {2, 0, 0, 0, 0, 0, 2});
    CHECK(r.find("applications.outcomes.other.unsplit.total") == nullptr);  // a 2019-template key
}

TEST_CASE("extractor::extract_text seed report: table 4 has 15 zeros in their places") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    int col = 0;
    for (const char* group : {"review", "litigation_direct", "litigation_after_review"}) {
        for (const auto& c : kReviewColumns) {
            const auto& v = value_at(r, std::string("reviews_litigation.") + group + "." + c);
            INFO(group << "." << c);
            CHECK(v.number == std::optional<double>(0));
            CHECK(v.provenance.table == 2);
            CHECK(v.provenance.row == 3);
            CHECK(v.provenance.col == col++);
        }
    }
}

TEST_CASE("extractor::extract_text seed report: every check passes") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    // 7 balance + 7 outcome sums + 25 row totals + 3 review groups
    CHECK(r.checks.size() == 42);
    for (const auto& c : r.checks) {
        INFO(c.rule << " " << c.subject);
        CHECK(c.status == extractor::CheckStatus::pass);
    }
}

TEST_CASE("extractor::extract_text seed report: sections") {
    const auto r = extract_fixture("gb2021-seed-gaoping-2023.txt");
    REQUIRE(r.sections[0]);
    CHECK(r.sections[0]->rfind("(一)主动公开方面\n2023年,在高平市人民政府门户网站", 0) == 0);
    REQUIRE(r.sections[4]);
    CHECK(r.sections[4]->find("改进措施:下一步") != std::string::npos);
    REQUIRE(r.sections[5]);
    CHECK(*r.sections[5] ==
          "本机关2023年度未收取政府信息公开信息处理费。\n本报告电子版可从“高平市人民政府”门户网站(www.sxgp.gov.cn)下载。");
    CHECK(r.sections[2] == std::optional<std::string>(""));  // the heading is there; the section is only its table
}
