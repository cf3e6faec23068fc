#include "extractor/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace zfxxgk::extractor {

void JsonWriter::newline_indent(std::size_t depth) {
    out_.push_back('\n');
    out_.append(depth * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    Level& l = stack_.back();
    if (l.count++ > 0) out_.push_back(',');
    if (pretty_) newline_indent(stack_.size());
}

void JsonWriter::open(char c, bool object) {
    before_value();
    out_.push_back(c);
    stack_.push_back({object, 0});
}

void JsonWriter::close(char c) {
    const Level l = stack_.back();
    stack_.pop_back();
    if (pretty_ && l.count > 0) newline_indent(stack_.size());
    out_.push_back(c);
}

void JsonWriter::key(std::string_view k) {
    before_value();
    escaped(k);
    out_.push_back(':');
    if (pretty_) out_.push_back(' ');
    after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
    before_value();
    escaped(s);
}

void JsonWriter::value(std::int64_t n) {
    before_value();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
}

void JsonWriter::value(std::uint64_t n) {
    before_value();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
}

void JsonWriter::number(double d) {
    if (!std::isfinite(d)) {
        null();
        return;
    }
    if (std::fabs(d) < 9007199254740992.0 && std::floor(d) == d) {
        value(static_cast<std::int64_t>(d));
        return;
    }
    before_value();
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    out_.append(buf, r.ptr);
}

void JsonWriter::value(bool b) {
    before_value();
    out_.append(b ? "true" : "false");
}

void JsonWriter::null() {
    before_value();
    out_.append("null");
}

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF).
static std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    }
    return n;
}

void JsonWriter::escaped(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_.push_back('"');
    std::size_t i = 0;
    while (i < s.size()) {
        // copy the run of plain bytes at once
        std::size_t j = i;
        while (j < s.size()) {
            const auto c = static_cast<unsigned char>(s[j]);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            ++j;
        }
        out_.append(s.data() + i, j - i);
        i = j;
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_length(s, i);
            if (n == 0) {
                out_.append("\xEF\xBF\xBD");
                ++i;
            } else {
                out_.append(s.data() + i, n);
                i += n;
            }
            continue;
        }
        switch (c) {
            case '"': out_.append("\\\""); break;
            case '\\': out_.append("\\\\"); break;
            case '\b': out_.append("\\b"); break;
            case '\f': out_.append("\\f"); break;
            case '\n': out_.append("\\n"); break;
            case '\r': out_.append("\\r"); break;
            case '\t': out_.append("\\t"); break;
            default:
                out_.append("\\u00");
                out_.push_back(kHex[c >> 4]);
                out_.push_back(kHex[c & 15]);
        }
        ++i;
    }
    out_.push_back('"');
}

}  // namespace zfxxgk::extractor
