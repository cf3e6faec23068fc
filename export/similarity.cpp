#include "export/similarity.hpp"

#include <algorithm>

namespace zfxxgk::exporting {
namespace {

// Decodes the code point at s[i] and advances i; an invalid byte decodes as itself (records are
// valid UTF-8, this only keeps a bad byte from derailing the scan).
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
    i += n;
    return cp;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x3000 ||
           c == 0xFEFF;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

}  // namespace

BigramSet bigram_set(std::string_view utf8) {
    BigramSet set;
    set.reserve(utf8.size() / 2);
    char32_t prev = 0;
    bool have_prev = false;
    std::size_t i = 0;
    while (i < utf8.size()) {
        char32_t c = next_code_point(utf8, i);
        if (is_space(c)) continue;
        if (is_digit(c)) {
            if (have_prev && prev == '#') continue;  // the rest of a digit run
            c = '#';
        }
        if (have_prev) set.push_back((static_cast<std::uint64_t>(prev) << 21) | c);
        prev = c;
        have_prev = true;
    }
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

double jaccard(const BigramSet& a, const BigramSet& b) {
    std::size_t common = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    const std::size_t all = a.size() + b.size() - common;
    return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

}  // namespace zfxxgk::exporting
