#pragma once
// Labels for researchers, next to the templates: English for every table object, row path and
// column key, the type and unit of each column, and the Chinese group labels the templates
// nest rows and columns under (三、本年度办理结果, （三）不予公开, 行政诉讼, 法人或其他组织). The
// official Chinese row and column labels themselves stay in template.cpp. docs/data-dictionary.md
// is generated from this data (`zfxxgk export --dictionary`).
#include <optional>
#include <string>
#include <string_view>

#include "extractor/template.hpp"

namespace zfxxgk::extractor {

// "applications" → "Applications for disclosure (table 3)"; "" for an unknown object.
std::string_view table_label_en(std::string_view object);
// ("applications", "outcomes.denied.state_secret") → "Outcome: not disclosed — state secret"; "" when unknown.
std::string_view row_label_en(std::string_view object, std::string_view row_path);
// ("applications", "natural_person") → "natural persons"; "" when unknown.
std::string_view column_label_en(std::string_view object, std::string_view column_key);

struct PathDescription {
    std::string label_zh;   // groups, row and column labels joined by "／": "三、本年度办理结果／（一）予以公开／自然人"
    std::string label_en;   // row and column in English joined by " / ": "Outcome: disclosed / natural persons"
    std::string_view type;  // "integer" (counts, signed changes) or "number" (amounts)
    std::string_view unit;  // "applications", "cases", "documents", "10,000 yuan", …
};

// The labels of a canonical path ("applications.outcomes.granted.natural_person") in a template;
// nullopt when the path is not one of the template's.
std::optional<PathDescription> describe_path(const TemplateSpec& spec, std::string_view path);

}  // namespace zfxxgk::extractor
