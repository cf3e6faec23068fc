#pragma once
// Table 2 stated in prose instead of a table ("本机关未制定规章、行政规范性文件;办理行政许可办件量
// 3361件,行政处罚案件13件、行政强制案件0件;…"): only what a clause names unambiguously — a
// row's label followed, inside the same clause, by one count with its unit — is read, with
// status `prose`; nothing is inferred from "未制定" or from sums.
#include <string>
#include <string_view>
#include <vector>

#include "extractor/template.hpp"

namespace zfxxgk::extractor {

struct ProseValue {
    std::string path;    // full canonical path
    double number = 0;
    std::string clause;  // the words it was read from
    std::string unit;
};

std::vector<ProseValue> read_prose_table2(const TableSpec& table2, std::string_view section_text);

}  // namespace zfxxgk::extractor
