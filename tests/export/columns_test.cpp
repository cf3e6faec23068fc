// export/columns and extractor/label_en: the data dictionary and the wide tables' columns.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "export/columns.hpp"
#include "extractor/label_en.hpp"
#include "extractor/template.hpp"

using namespace zfxxgk;
using namespace zfxxgk::exporting;

TEST_CASE("exporting::dictionary has every canonical path of every template, fully labelled") {
    std::size_t expected = 0;
    for (const auto* spec : extractor::all_templates()) expected += extractor::canonical_paths(*spec).size();
    REQUIRE(dictionary().size() == expected);
    for (const auto& e : dictionary()) {
        INFO(e.template_id << " " << e.path);
        CHECK(!e.label_zh.empty());
        CHECK(e.label_en.find(" / ") != std::string::npos);
        CHECK(e.label_en.front() != ' ');  // a row label exists
        CHECK(e.label_en.back() != ' ');   // a column label exists
        CHECK((e.type == "integer" || e.type == "number"));
        CHECK(!e.unit.empty());
    }
}

TEST_CASE("extractor::describe_path joins group, row and column labels") {
    const auto granted = extractor::describe_path(extractor::template_2021(), "applications.outcomes.denied.state_secret.commercial");
    REQUIRE(granted);
    CHECK(granted->label_zh == "三、本年度办理结果／（三）不予公开／1.属于国家秘密／法人或其他组织／商业企业");
    CHECK(granted->label_en == "Outcome: not disclosed — state secret / commercial enterprises");
    CHECK(granted->unit == "applications");
    // 2019's single （六）其他处理 row is not nested under its own label
    const auto unsplit = extractor::describe_path(extractor::template_2019(), "applications.outcomes.other.unsplit.total");
    REQUIRE(unsplit);
    CHECK(unsplit->label_zh == "三、本年度办理结果／（六）其他处理／总计");
    const auto litigation = extractor::describe_path(extractor::template_2021(), "reviews_litigation.litigation_direct.pending");
    REQUIRE(litigation);
    CHECK(litigation->label_zh == "行政诉讼／未经复议直接起诉／尚未审结");
    const auto fees = extractor::describe_path(extractor::template_2021(), "active_disclosure.fees.amount_10k_yuan");
    REQUIRE(fees);
    CHECK(fees->type == "number");
    CHECK(fees->unit == "10,000 yuan");
    CHECK_FALSE(extractor::describe_path(extractor::template_2021(), "active_disclosure.procurement.items"));
    CHECK_FALSE(extractor::describe_path(extractor::template_2021(), "nonsense"));
}

TEST_CASE("exporting::labels_for prefers the record's template and falls back to another") {
    CHECK(labels_for("2019", "active_disclosure.licensing.decisions")->label_zh == "行政许可／处理决定数量");
    CHECK(labels_for("2021", "active_disclosure.licensing.decisions")->label_zh == "行政许可／本年处理决定数量");
    // a 2019 table 2 inside a 2021 record (template_mixed)
    CHECK(labels_for("2021", "active_disclosure.procurement.items")->template_id == "2019");
    CHECK(labels_for("2021", "applications.nonsense") == nullptr);
}

TEST_CASE("exporting::wide_tables hold each path once, 2019's rows merged in place, unique headers") {
    const auto& tables = wide_tables();
    REQUIRE(tables.size() == 3);
    std::size_t columns = 0;
    for (const auto& t : tables) {
        INFO(t.object);
        CHECK(std::set<std::string>(t.paths.begin(), t.paths.end()).size() == t.paths.size());
        CHECK(std::set<std::string>(t.labels_zh.begin(), t.labels_zh.end()).size() == t.labels_zh.size());
        for (std::size_t i = 0; i < t.paths.size(); ++i) CHECK(t.column(t.paths[i]) == static_cast<int>(i));
        columns += t.paths.size();
    }
    std::set<std::string> all;
    for (const auto& e : dictionary()) all.insert(e.path);
    CHECK(columns == all.size());
    const auto at = [&](std::size_t table, const std::string& path) { return tables[table].column(path); };
    CHECK(at(0, "active_disclosure.regulations.new_made") < at(0, "active_disclosure.normative_documents.issued"));
    CHECK(at(0, "active_disclosure.other_documents.new_made") < at(0, "active_disclosure.licensing.decisions"));
    CHECK(at(0, "active_disclosure.procurement.amount") == static_cast<int>(tables[0].paths.size()) - 1);
    CHECK(at(1, "applications.outcomes.other.remaining.total") < at(1, "applications.outcomes.other.unsplit.natural_person"));
    CHECK(at(1, "applications.outcomes.other.unsplit.total") < at(1, "applications.outcomes.total.natural_person"));
    CHECK(tables[1].column("active_disclosure.fees.amount_10k_yuan") == -1);
    CHECK(tables[1].column("applications.nonsense") == -1);
}
