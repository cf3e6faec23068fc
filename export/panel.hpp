#pragma once
// Panel checks: one agency's reports across consecutive years.
//   panel.carried_over  carried_over(y) = carried_forward(y−1), per applicant column (table 3, both templates)
//   panel.in_force      in_force(y) = in_force(y−1) + issued(y) − repealed(y) for 规章 and 行政规范性文件;
//                       soft (outcome `differs`, never `fail`): documents change status in ways the
//                       table does not count. 2021-template keys: skipped when either year is not 2021.
//   panel.copied_text   sections 一 (overview) and 五 (problems) at ≥ 90% similarity to the previous
//                       year's (export/similarity.hpp)
//   panel.missing_year  a year absent between two years of the series
// Only the previous year's few numbers and bigram sets are kept, so records must arrive grouped
// by agency and in year order, one per agency-year.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "export/dataset_visitor.hpp"
#include "export/similarity.hpp"
#include "extractor/record.hpp"

namespace zfxxgk::exporting {

struct PanelFacts {
    std::int64_t report_id = 0;
    std::string file;
    int year = 0;
    std::string template_id;
    bool has_applications = false;  // the record has table 3 (template 2021 or 2019)
    std::array<std::optional<double>, 7> carried_over{};     // applicant columns in template order
    std::array<std::optional<double>, 7> carried_forward{};
    struct Documents {
        std::optional<double> issued, repealed, in_force;
    };
    std::array<Documents, 2> documents{};  // regulations, normative_documents (2021 keys)
    std::optional<BigramSet> overview;     // nullopt: the section's heading was not found
    std::optional<BigramSet> problems;
};

// `year` is the record's (the caller checks it is known).
PanelFacts panel_facts(const ReportInfo& info, const extractor::Record& record, int year);

class Panel {
public:
    // The next record of `agency` (a new agency restarts the series). Appends the checks of its
    // year against the previous one, or the missing years before it, to `out`.
    void add(const std::string& agency, PanelFacts facts, std::vector<CheckRow>& out);

private:
    std::string agency_;
    std::optional<PanelFacts> previous_;
};

}  // namespace zfxxgk::exporting
