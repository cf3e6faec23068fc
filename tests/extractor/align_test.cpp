// Alignment cases written from the forms in TEMPLATES.md and FLATTENED.md.
#include "support.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;

namespace {

const std::string kTable2Head = "二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n";
const std::string kTable2Rest =
    "第二十条第(五)项 |\n信息内容 | 本年处理决定数量 |\n行政许可 | 0 |\n第二十条第(六)项 |\n信息内容 | 本年处理决定数量 |\n"
    "行政处罚 | 0 |\n行政强制 | 0 |\n第二十条第(八)项 |\n信息内容 | 本年收费金额(单位:万元) |\n行政事业性收费 | 0 |\n"
    "三、收到和处理政府信息公开申请情况\n";

}  // namespace

TEST_CASE("extractor::align cells run together with their labels are never split") {
    const auto r = extract_string(kTable2Head + "规章555规范性文件141414\n" + kTable2Rest);
    for (const char* row : {"regulations", "normative_documents"}) {
        for (const char* col : {"issued", "repealed", "in_force"}) {
            const auto& v = value_at(r, std::string("active_disclosure.") + row + "." + col);
            INFO(row << "." << col);
            CHECK_FALSE(v.number.has_value());
            CHECK(v.provenance.status == extractor::ValueStatus::ambiguous);
            CHECK(v.provenance.raw == std::optional<std::string>("规章555规范性文件141414"));
        }
    }
    CHECK(count_warnings(r, "value_ambiguous") == 2);
    expect_row(r, "active_disclosure.licensing", {"decisions"}, {0});
}

TEST_CASE("extractor::align an old label in a new table maps with template_mixed") {
    const auto r = extract_string(kTable2Head + "规章 | 0 | 0 | 0 |\n规范性文件 | 4 | 1 | 30 |\n" + kTable2Rest);
    CHECK(r.template_id == "2021");
    expect_row(r, "active_disclosure.normative_documents", {"issued", "repealed", "in_force"}, {4, 1, 30});
    CHECK(count_warnings(r, "template_mixed") == 1);
}

TEST_CASE("extractor::align blank, zero and not-applicable stay distinct; text cells are unparsed") {
    const auto r = extract_string(kTable2Head + "规章 | / | 0 | |\n行政规范性文件 | 见附件 | — | ? 3 |\n" + kTable2Rest);
    using S = extractor::ValueStatus;
    CHECK(value_at(r, "active_disclosure.regulations.issued").provenance.status == S::not_applicable);
    CHECK(value_at(r, "active_disclosure.regulations.repealed").number == std::optional<double>(0));
    CHECK(value_at(r, "active_disclosure.regulations.in_force").provenance.status == S::blank);
    CHECK(value_at(r, "active_disclosure.normative_documents.issued").provenance.status == S::unparsed);
    CHECK(value_at(r, "active_disclosure.normative_documents.repealed").provenance.status == S::not_applicable);
    CHECK(value_at(r, "active_disclosure.normative_documents.in_force").number == std::optional<double>(3));
    CHECK(count_warnings(r, "value_unparsed") == 1);
    CHECK(count_warnings(r, "value_cleaned") == 1);
}

TEST_CASE("extractor::align more values than columns: extras unplaced, never dropped") {
    const auto r = extract_string(kTable2Head + "规章 | 1 | 2 | 3 | 4 |\n行政规范性文件 | 0 | 0 | 0 |\n" + kTable2Rest);
    expect_row(r, "active_disclosure.regulations", {"issued", "repealed", "in_force"}, {1, 2, 3});
    REQUIRE(r.unplaced.size() == 1);
    CHECK(r.unplaced[0].raw == "4");
    CHECK(count_warnings(r, "column_count_mismatch") == 1);
}

TEST_CASE("extractor::checks a report whose arithmetic is off fails the check, keeps the data") {
    std::string seed = read_file("fixtures/reports/gb2021-seed-gaoping-2023.txt");
    // (七)总计 7 → 8 for natural persons: balance, outcomes sum and row total break
    const std::string from = "(七)总计 |\n7 |";
    const auto at = seed.find(from);
    REQUIRE(at != std::string::npos);
    seed.replace(at, from.size(), "(七)总计 |\n8 |");
    const auto r = extract_string(seed);
    CHECK(value_at(r, "applications.outcomes.total.natural_person").number == std::optional<double>(8));
    std::vector<std::string> failed;
    for (const auto& c : r.checks) {
        if (c.status == extractor::CheckStatus::fail) failed.push_back(c.rule + ":" + c.subject);
    }
    CHECK(failed == std::vector<std::string>{"applications.balance:natural_person",
                                             "applications.outcomes_sum:natural_person",
                                             "applications.row_total:outcomes.total"});
    for (const auto& c : r.checks) {
        if (c.rule == "applications.balance" && c.subject == "natural_person") {
            CHECK(c.expected == std::optional<double>(9));
            CHECK(c.actual == std::optional<double>(10));
        }
    }
    CHECK(r.has_failed_check());
}

TEST_CASE("extractor::extract_text a document without tables or headings is unknown") {
    const auto r = extract_string("这是一段文字。\n另一段文字。\n");
    CHECK(r.template_id == "unknown");
    CHECK(r.values.empty());
    CHECK(r.tables.empty());
}

TEST_CASE("extractor::extract_text a problem repeated thousands of times is warned about 20 times, then counted") {
    std::string text = kTable2Head;
    for (int i = 0; i < 500; ++i) text += "规章 | 1 | 2 | 3 |\n";
    text += kTable2Rest;
    const auto r = extract_string(text);
    CHECK(count_warnings(r, "label_duplicate") == 20);
    REQUIRE(count_warnings(r, "warnings_truncated") == 1);
    CHECK(r.warnings.back().message.find("label_duplicate ×479") != std::string::npos);
    CHECK(r.unplaced.size() == 499 * 3);  // values are never dropped
    expect_row(r, "active_disclosure.regulations", {"issued", "repealed", "in_force"}, {1, 2, 3});
}
