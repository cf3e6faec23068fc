#pragma once
// Label and name normalization for matching (never applied to whole documents: the ICU
// Traditional→Simplified transliterator runs at about 10 MB/s).
#include <string>
#include <string_view>

namespace zfxxgk::extractor {

// For matching labels: NFKC, Traditional→Simplified, all whitespace (line breaks included)
// removed, quote variants → '"', dash variants → '-', full-width brackets/colons/commas → ASCII
// (NFKC does most of that). Results are cached per thread.
std::string normalize_label(std::string_view label);

// For names shown to users (agency): NFKC and Traditional→Simplified, whitespace removed.
std::string normalize_name(std::string_view name);

// A label split into its numbering ("一、", "(三)", "1.") and its body with every
// parenthetical "(…)" removed; both already normalized.
struct LabelKey {
    std::string number;
    std::string body;
    int level = 0;  // 1 for "一、", 2 for "(一)", 3 for "1." and "1、"; 0 without numbering
};
LabelKey label_key(std::string_view normalized_label);

// The numbering level of a raw label (as label_key(normalize_label(s)).level, but cheap).
int numbering_level(std::string_view label);

}  // namespace zfxxgk::extractor
