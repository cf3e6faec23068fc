#pragma once
// The check behind parse_html_fast's promise (tests/tables/html_fast_test.cpp,
// fuzz/html_fast_fuzz.cpp): two Documents compared field by field, every block, grid,
// slot and diagnostic with its position.
#include <string>

#include "tables/document.hpp"

namespace zfxxgk::tables {

// "" when a and b are equal; otherwise where they first differ and how, e.g.
// "tables[2].rows[3].slots[1].text: \"12\" vs \"\"".
std::string first_difference(const Document& a, const Document& b);

}  // namespace zfxxgk::tables
