#pragma once
// The export's columns as data: the data dictionary (every template's canonical paths with
// Chinese and English labels, type and unit; extractor/template.hpp + extractor/label_en.hpp)
// and the wide tables' columns (the union of both templates' paths, one column each).
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::exporting {

struct DictionaryEntry {
    std::string template_id;  // "2021" | "2019"
    std::string path;
    std::string label_zh;
    std::string label_en;
    std::string type;  // "integer" | "number"
    std::string unit;
};

// Template 2021's paths, then 2019's, each in template order.
const std::vector<DictionaryEntry>& dictionary();

// The labels of `path` in a record of `template_id`: that template's entry, else the first
// template's that has the path (a table read with the other template, `template_mixed`);
// nullptr when no template has it.
const DictionaryEntry* labels_for(std::string_view template_id, std::string_view path);

// docs/data-dictionary.md's generated part.
std::string dictionary_markdown();

enum class HeaderLabels : std::uint8_t { en, zh };

struct WideTable {
    std::string object;              // "active_disclosure", "applications", "reviews_litigation"
    std::vector<std::string> paths;  // the columns: 2021's rows with 2019's merged in at their places
    std::vector<std::string> labels_zh;
    // The column of `path`, or -1.
    [[nodiscard]] int column(std::string_view path) const;
};

// Tables 2, 3 and 4 in order.
const std::vector<WideTable>& wide_tables();

// The report columns before the values in a wide table, and their headers. `in_panel` = 1 picks
// one row per agency and year (conflict copies and records without an agency or year are 0).
inline constexpr const char* kWideKeyColumns[] = {"report_id", "agency", "agency_name", "region_code",
                                                  "year",      "template", "in_panel"};
inline constexpr const char* kWideKeyColumnsZh[] = {"报告编号", "机关", "机关名称", "行政区划代码", "年度", "模板", "纳入面板"};

}  // namespace zfxxgk::exporting
