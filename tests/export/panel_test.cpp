// export/panel: checks across an agency's consecutive years.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "export/panel.hpp"

using namespace zfxxgk::exporting;

namespace {

PanelFacts facts(int year, double carried_over_np, double carried_forward_np, std::string template_id = "2021") {
    PanelFacts f;
    f.report_id = year;
    f.file = "a/" + std::to_string(year) + ".json";
    f.year = year;
    f.template_id = std::move(template_id);
    f.has_applications = true;
    for (std::size_t i = 0; i < 7; ++i) {
        f.carried_over[i] = 0;
        f.carried_forward[i] = 0;
    }
    f.carried_over[0] = carried_over_np;
    f.carried_over[6] = carried_over_np;
    f.carried_forward[0] = carried_forward_np;
    f.carried_forward[6] = carried_forward_np;
    f.documents[1] = {2, 0, 45};
    return f;
}

std::vector<const CheckRow*> rows_of(const std::vector<CheckRow>& rows, const std::string& rule) {
    std::vector<const CheckRow*> out;
    for (const auto& r : rows) {
        if (r.rule == rule) out.push_back(&r);
    }
    return out;
}

}  // namespace

TEST_CASE("exporting::Panel carried_over(y) against carried_forward(y-1), per column") {
    Panel panel;
    std::vector<CheckRow> out;
    panel.add("a", facts(2022, 0, 2), out);
    CHECK(out.empty());  // the first year has nothing to compare with
    panel.add("a", facts(2023, 3, 0), out);
    const auto carried = rows_of(out, "panel.carried_over");
    REQUIRE(carried.size() == 7);
    CHECK(carried[0]->subject == "natural_person");
    CHECK(carried[0]->outcome == CheckOutcome::fail);
    CHECK(carried[0]->expected == 2);
    CHECK(carried[0]->actual == 3);
    CHECK(carried[0]->year == 2023);
    CHECK(carried[0]->report_id == 2023);
    CHECK(carried[0]->scope == CheckScope::panel);
    CHECK(carried[1]->outcome == CheckOutcome::pass);
    CHECK(carried[6]->subject == "total");
    CHECK(carried[6]->outcome == CheckOutcome::fail);
}

TEST_CASE("exporting::Panel carried_over with a null value is not assessable; without table 3 it is skipped") {
    Panel panel;
    std::vector<CheckRow> out;
    PanelFacts before = facts(2020, 0, 0, "2019");
    before.carried_forward[2].reset();
    panel.add("a", before, out);
    panel.add("a", facts(2021, 0, 0), out);
    const auto carried = rows_of(out, "panel.carried_over");
    REQUIRE(carried.size() == 7);
    CHECK(carried[2]->outcome == CheckOutcome::not_assessable);
    CHECK(carried[3]->outcome == CheckOutcome::pass);
    out.clear();
    PanelFacts freeform = facts(2022, 0, 0, "freeform");
    freeform.has_applications = false;
    panel.add("a", freeform, out);
    CHECK(rows_of(out, "panel.carried_over").empty());
}

TEST_CASE("exporting::Panel in_force is a soft check of 2021-template pairs only") {
    Panel panel;
    std::vector<CheckRow> out;
    panel.add("a", facts(2022, 0, 0), out);
    PanelFacts next = facts(2023, 0, 0);
    next.documents[1] = {3, 1, 46};  // 45 + 3 - 1 = 47
    panel.add("a", next, out);
    const auto in_force = rows_of(out, "panel.in_force");
    REQUIRE(in_force.size() == 2);
    CHECK(in_force[1]->subject == "normative_documents");
    CHECK(in_force[1]->outcome == CheckOutcome::differs);
    CHECK(in_force[1]->expected == 47);
    CHECK(in_force[1]->actual == 46);
    CHECK(in_force[0]->outcome == CheckOutcome::not_assessable);  // regulations: no values
    out.clear();
    Panel mixed;
    mixed.add("b", facts(2020, 0, 0, "2019"), out);
    mixed.add("b", facts(2021, 0, 0), out);
    CHECK(rows_of(out, "panel.in_force").empty());
}

TEST_CASE("exporting::Panel copied_text flags a section at >= 0.9 similarity; short texts are not assessed") {
    const std::string text = "本年度我局政务公开工作取得一定成效，但仍存在信息更新不及时、解读形式单一等问题，下一步将加强培训。";
    Panel panel;
    std::vector<CheckRow> out;
    PanelFacts before = facts(2022, 0, 0);
    before.overview = bigram_set("2022年" + text);
    before.problems = bigram_set("无。");
    panel.add("a", before, out);
    PanelFacts now = facts(2023, 0, 0);
    now.overview = bigram_set("2023年" + text);
    now.problems = bigram_set("无。");
    panel.add("a", now, out);
    const auto copied = rows_of(out, "panel.copied_text");
    REQUIRE(copied.size() == 2);
    CHECK(copied[0]->subject == "overview");
    CHECK(copied[0]->outcome == CheckOutcome::fail);
    CHECK(copied[0]->actual == 1.0);
    CHECK(copied[1]->subject == "problems");
    CHECK(copied[1]->outcome == CheckOutcome::not_assessable);
}

TEST_CASE("exporting::Panel lists missing years and compares nothing across the gap") {
    Panel panel;
    std::vector<CheckRow> out;
    panel.add("a", facts(2019, 0, 1), out);
    panel.add("a", facts(2022, 5, 0), out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].rule == "panel.missing_year");
    CHECK(out[0].year == 2020);
    CHECK(out[0].subject == "2020");
    CHECK(out[0].outcome == CheckOutcome::missing);
    CHECK(out[0].report_id == 0);
    CHECK(out[1].year == 2021);
    CHECK(out[1].detail == "no record for 2021 between 2019 (a/2019.json) and 2022 (a/2022.json)");
}

TEST_CASE("exporting::Panel restarts the series for another agency") {
    Panel panel;
    std::vector<CheckRow> out;
    panel.add("a", facts(2022, 0, 2), out);
    panel.add("b", facts(2023, 3, 0), out);
    CHECK(out.empty());
}
