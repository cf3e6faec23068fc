// The real-world variants of TEMPLATES.md, on fixtures written from its forms (values are
// checked for every page by the accuracy harness; these cases check what else is said).
#include "support.hpp"

using namespace zfxxgk;
using namespace zfxxgk::test;

TEST_CASE("extractor::extract_text a complete 2019 report in flattened text: every check passes") {
    const auto r = extract_fixture("gb2019-row-per-line-complete.txt");
    CHECK(r.template_id == "2019");
    CHECK(r.checks.size() == 40);  // 7 + 7 + 23 row totals + 3
    for (const auto& c : r.checks) {
        INFO(c.rule << " " << c.subject);
        CHECK(c.status == extractor::CheckStatus::pass);
    }
    CHECK(value_at(r, "applications.outcomes.other.unsplit.total").number == std::optional<double>(0));
    CHECK(value_at(r, "active_disclosure.procurement.amount").provenance.unit == "元");
    CHECK(r.find("applications.outcomes.other.remaining.total") == nullptr);  // a 2021-template key
}

TEST_CASE("extractor::extract_text labels carrying parenthetical instructions match their rows (湖北 2020)") {
    const auto r = extract_fixture("gb2019-hubei-instructions-in-labels.txt");
    CHECK(value_at(r, "active_disclosure.regulations.total_published").number == std::optional<double>(0));
    CHECK(value_at(r, "active_disclosure.licensing.change").number == std::optional<double>(-3));
    CHECK(value_at(r, "active_disclosure.penalty.change").number == std::optional<double>(-4));  // 减少4
    CHECK(count_warnings(r, "label_unmatched") == 0);
    CHECK(count_warnings(r, "header_inferred") == 0);  // 本年增/减(指…) is the 本年增/减 column
}

TEST_CASE("extractor::extract_text table 2 stated in prose: only what a clause names, status prose") {
    const auto r = extract_fixture("gb2021-table2-in-prose.txt");
    CHECK(r.template_id == "2021");
    const auto& lic = value_at(r, "active_disclosure.licensing.decisions");
    CHECK(lic.number == std::optional<double>(3361));
    CHECK(lic.provenance.status == extractor::ValueStatus::prose);
    CHECK(lic.provenance.raw == std::optional<std::string>("行政许可办件量3361件"));
    CHECK(lic.provenance.table == -1);
    CHECK(value_at(r, "active_disclosure.coercion.decisions").number == std::optional<double>(0));
    // "未制定规章、行政规范性文件" and "未收取行政事业性收费" name no count: nothing read
    expect_all_missing(r, "active_disclosure.regulations");
    expect_all_missing(r, "active_disclosure.normative_documents");
    expect_all_missing(r, "active_disclosure.fees");
    CHECK(count_warnings(r, "value_from_prose") == 1);
    CHECK(count_warnings(r, "table_missing") == 0);
}

TEST_CASE("extractor::extract_text freeform report: sections by their own headings, tables as grids") {
    const auto r = extract_fixture("freeform-2016-outline-with-appendix-table.txt");
    CHECK(r.template_id == "freeform");
    CHECK(r.values.empty());
    REQUIRE(r.sections[0]);
    CHECK(r.sections[0]->rfind("2016年,我县紧紧围绕", 0) == 0);           // 一、概述
    CHECK(r.sections[2]->find("受理政府信息公开申请37件") != std::string::npos);  // 三、依申请公开…
    CHECK(r.sections[3]->find("行政复议1件") != std::string::npos);          // 五、因…行政复议、提起行政诉讼
    REQUIRE(r.tables.size() == 1);
    const auto& t = r.tables[0];
    CHECK(t.section == std::optional<std::string>("六"));
    // outside the templates a row's label is its first cell: the unit column is data
    CHECK(t.rows[0].label == std::vector<std::string>{"指标名称"});
    CHECK(t.rows[0].cells == std::vector<std::string>{"计量单位", "数量"});
    // the appendix's rows keyed by their own labels
    bool found = false;
    for (const auto& row : t.rows) {
        if (row.label == std::vector<std::string>{"三、依申请公开情况", "(一)收到申请数", "3.网络申请数"}) {
            found = true;
            CHECK(row.cells == std::vector<std::string>{"件", "25"});
        }
    }
    CHECK(found);
}


TEST_CASE("extractor::extract_text the template comes from the labels, never from the year") {
    std::string page = read_file("fixtures/reports/gb2019-row-per-line-complete.txt");
    for (std::string_view from : {"2019年政府信息公开", "自2019年1月1日起至2019年12月31日"}) {
        const auto at = page.find(from);
        REQUIRE(at != std::string::npos);
        std::string to(from);
        for (std::size_t p = to.find("2019"); p != std::string::npos; p = to.find("2019", p)) to.replace(p, 4, "2023");
        page.replace(at, from.size(), to);
    }
    const auto r = extract_string(page);
    CHECK(r.year == std::optional<int>(2023));
    CHECK(r.template_id == "2019");
    CHECK(count_warnings(r, "template_mixed") == 0);
}

TEST_CASE("extractor::extract_text a 2021 table 2 with a 2019 table 3 maps both, with template_mixed") {
    std::string page = read_file("fixtures/reports/gb2021-seed-gaoping-2023.txt");
    // (六)其他处理 as the 2019 template's single row instead of the 2021 sub-rows
    const auto a = page.find("(六)其他处理 |");
    const auto b = page.find("(七)总计 |");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    page.replace(a, b - a, "(六)其他处理 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 | ||\n");
    const auto r = extract_string(page);
    CHECK(r.template_id == "2021");
    CHECK(count_warnings(r, "template_mixed") == 1);
    CHECK(value_at(r, "active_disclosure.normative_documents.in_force").number == std::optional<double>(45));
    CHECK(value_at(r, "applications.outcomes.other.unsplit.total").number == std::optional<double>(0));
    CHECK(r.find("applications.outcomes.other.remaining.total") == nullptr);
    CHECK(value_at(r, "applications.outcomes.total.total").number == std::optional<double>(7));
    CHECK_FALSE(r.has_failed_check());
}

TEST_CASE("extractor::looks_like_html from the first tag or a telling tag in the first 4 KiB, any case") {
    using zfxxgk::extractor::looks_like_html;
    CHECK(looks_like_html("<!DOCTYPE html><html>"));
    CHECK(looks_like_html("\xef\xbb\xbf \r\n\t<META charset=gbk>"));
    CHECK(looks_like_html("<!-- saved page -->"));
    CHECK(looks_like_html("<?xml version=\"1.0\"?>"));
    CHECK(looks_like_html("报告全文如下\n<TaBlE border=1>"));
    CHECK(looks_like_html("一、总体情况\n<Body>"));
    CHECK_FALSE(looks_like_html("一、总体情况 <p>段落</p> 行政复议 < 5"));
    CHECK_FALSE(looks_like_html("规章|0|0|0\n<sup>注</sup>"));
    CHECK_FALSE(looks_like_html(std::string(4096, 'x') + "<html>"));  // beyond the first 4 KiB
    CHECK_FALSE(looks_like_html(""));
    CHECK_FALSE(looks_like_html("<"));
}
