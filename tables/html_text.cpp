#include "tables/html_text.hpp"

#include <algorithm>
#include <cstring>

namespace zfxxgk::tables::html_detail {

namespace {

// Length of the whitespace at p (0 when p starts text): ASCII whitespace is one byte,
// U+00A0 is the two bytes C2 A0 in UTF-8.
std::size_t whitespace_at(const char* p, const char* end) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        return 1;
    }
    if (c == 0xC2 && end - p > 1 && static_cast<unsigned char>(p[1]) == 0xA0) {
        return 2;
    }
    return 0;
}

}  // namespace

void TextCollector::append(std::string_view text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        std::size_t ws = whitespace_at(p, end);
        if (ws != 0) {
            space_ = true;
            do {
                p += ws;
            } while (p < end && (ws = whitespace_at(p, end)) != 0);
            continue;
        }
        const char* run = p;
        do {
            ++p;
        } while (p < end && whitespace_at(p, end) == 0);
        if (!buf_.empty()) {
            if (line_) {
                buf_.push_back('\n');
            } else if (space_) {
                buf_.push_back(' ');
            }
        }
        space_ = false;
        line_ = false;
        buf_.append(run, static_cast<std::size_t>(p - run));
    }
}

std::string TextCollector::take() {
    std::string out(buf_);
    clear();
    return out;
}

void TextCollector::clear() {
    buf_.clear();
    space_ = false;
    line_ = false;
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin; p < end;) {
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (nl == nullptr) {
            break;
        }
        newlines_.push_back(static_cast<std::uint32_t>(nl - begin));
        p = nl + 1;
    }
}

SourcePos LineIndex::at(std::uint32_t offset) const {
    if (offset > size_) {
        return {};
    }
    const auto before = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
    const std::uint32_t line_start = before == newlines_.begin() ? 0 : *(before - 1) + 1;
    return SourcePos{static_cast<std::uint32_t>(before - newlines_.begin()) + 1, offset - line_start + 1, offset};
}

}  // namespace zfxxgk::tables::html_detail
