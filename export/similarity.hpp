#pragma once
// Year-on-year copied text (a transparency-index criterion: 总体情况 and 存在的主要问题及改进情况
// repeated from the previous year's report). The measure is the Jaccard similarity of the two
// texts' sets of character bigrams, |A ∩ B| / |A ∪ B|, after normalization: whitespace is
// dropped and every run of digits becomes one '#', so a text copied with its years and counts
// updated still scores as copied. Order-insensitive and O(n log n): a set is a sorted vector of
// 64-bit codes, intersected by a merge. Chinese text has no word boundaries, so characters,
// not words, are the unit; bigrams keep enough order that two reports sharing only the
// template's stock phrases score well below a copy (typically under 0.5 against over 0.9).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace zfxxgk::exporting {

// A text's normalized bigram set: sorted, unique.
using BigramSet = std::vector<std::uint64_t>;

BigramSet bigram_set(std::string_view utf8);

// |A ∩ B| / |A ∪ B|; 0 when both are empty.
double jaccard(const BigramSet& a, const BigramSet& b);

// Texts shorter than this many bigrams ("无。") are not compared: short stock answers repeat
// every year without being copies.
inline constexpr std::size_t kMinBigrams = 20;
// At or above this similarity the later text counts as copied.
inline constexpr double kCopiedThreshold = 0.9;

}  // namespace zfxxgk::exporting
