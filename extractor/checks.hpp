#pragma once
// The arithmetic a report's own tables promise (勾稽关系), checked per template. A failed
// check never drops data; an input that is null makes the check not_assessable.
#include <vector>

#include "extractor/record.hpp"
#include "extractor/template.hpp"

namespace zfxxgk::extractor {

// `table3` and `table4` are the specs the record's tables 3 and 4 were read with (null when
// the record has none).
std::vector<Check> run_checks(const Record& record, const TableSpec* table3, const TableSpec* table4);

}  // namespace zfxxgk::extractor
