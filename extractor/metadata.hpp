#pragma once
// What a report says about itself: section headings 一…六, title, agency, year, publication date.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tables/document.hpp"

namespace zfxxgk::extractor {

// The report section a heading opens: 0 for 一 (总体情况/概述) … 5 for 六 (其他需要报告的事项);
// -1 when the line is not a section heading. Works on raw lines (normalizes itself), tolerates
// the variants of TEMPLATES.md (spaces, traditional characters, 二、行政机关主动公开政府信息情况),
// and refuses table-3 row labels such as 三、本年度办理结果 or 四、结转下年度继续办理.
int section_of_heading(std::string_view line);

struct Metadata {
    std::optional<std::string> title;
    std::optional<std::string> agency_as_written;
    std::optional<int> title_year;
    std::optional<int> period_year;      // from the 统计期限 sentence
    std::optional<std::string> published;  // YYYY-MM-DD
};

// Reads title, agency, years and date from the document's blocks before the first section
// heading (and the statistics-period sentence wherever it stands).
Metadata read_metadata(const tables::Document& doc);

}  // namespace zfxxgk::extractor
