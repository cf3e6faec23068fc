#include "extractor/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace zfxxgk::extractor {
namespace {

// "\n" and the indentation of 32 levels: one put for the usual depths.
constexpr std::array<char, 1 + 32 * 2> kNewlineIndent = [] {
    std::array<char, 1 + 32 * 2> a{};
    a.fill(' ');
    a[0] = '\n';
    return a;
}();

// The ASCII bytes JSON strings take as they are: everything but control characters, '"' and
// '\\'. 0x7f stays as it is, as in nlohmann::json::dump without ensure_ascii.
constexpr std::array<bool, 128> kPlainAscii = [] {
    std::array<bool, 128> t{};
    for (std::size_t c = 0x20; c < 128; ++c) t[c] = c != '"' && c != '\\';
    return t;
}();

// Whether the 8 bytes at p are all plain ASCII, tested in one 64-bit word (portable, any byte
// order): "some byte is zero" is (v - 0x01..) & ~v & 0x80.., exact as a yes/no answer
// (Bit Twiddling Hacks, "Determine if a word has a zero byte"), applied to the byte
// differences with '"' and '\\'; bytes below 0x20 are the ones that borrow from x - 0x20..;
// bytes from 0x80 up have their top bit set.
inline bool plain_ascii_word(const unsigned char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101, top = 0x8080808080808080;
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    const std::uint64_t quote = x ^ ('"' * ones), backslash = x ^ ('\\' * ones);
    const std::uint64_t control = (x - 0x20 * ones) & ~x;
    const std::uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
    return ((x | control | is_quote | is_backslash) & top) == 0;
}

// Length of the valid UTF-8 sequence at p (p < end, *p >= 0x80), or 0 when invalid
// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
inline std::size_t utf8_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = p[0];
    const auto left = static_cast<std::size_t>(end - p);
    const auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    // First the common case, CJK among it: leads E1..EC, EE, EF take any two continuation bytes.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED) return left >= 3 && cont(p[1]) && cont(p[2]) ? 3 : 0;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(p[1]) ? 2 : 0;
    unsigned char lo = 0x80, hi = 0xBF;
    std::size_t n = 0;
    if (c == 0xE0 || c == 0xED) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (left < n || p[1] < lo || p[1] > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (!cont(p[k])) return 0;
    }
    return n;
}

// Length of the prefix of s that goes into a JSON string as it is: plain ASCII and valid UTF-8
// sequences.
std::size_t clean_prefix(std::string_view s) {
    const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const end = begin + s.size();
    const auto* p = begin;
    while (p != end) {
        if (*p >= 0x80) {
            const std::size_t n = utf8_length(p, end);
            if (n == 0) break;
            p += n;
        } else if (end - p >= 8 && plain_ascii_word(p)) {
            p += 8;
        } else if (kPlainAscii[*p]) {
            ++p;
        } else {
            break;
        }
    }
    return static_cast<std::size_t>(p - begin);
}

// What a byte that clean_prefix stops at becomes: its escape, or U+FFFD for a byte that starts
// no valid UTF-8 sequence. `buf` holds the \u00XX form.
std::string_view escape(unsigned char c, char (&buf)[6]) {
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\b': return "\\b";
        case '\f': return "\\f";
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        default:
            if (c >= 0x80) return "\xEF\xBF\xBD";
            buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0', buf[4] = kHex[c >> 4], buf[5] = kHex[c & 15];
            return {buf, 6};
    }
}

}  // namespace

void JsonWriter::grow(std::size_t n) {
    out_.resize(std::max({size_ + n, 2 * out_.size(), std::size_t{256}}));
}

std::string JsonWriter::take() {
    out_.resize(size_);
    std::string out = std::move(out_);
    out_ = std::string();
    size_ = 0;
    return out;
}

void JsonWriter::newline_indent(std::size_t depth) {
    const std::size_t n = 1 + depth * 2;
    if (n <= kNewlineIndent.size()) {
        put(std::string_view(kNewlineIndent.data(), n));
    } else {
        put('\n');
        for (std::size_t i = 0; i < depth; ++i) put("  ");
    }
}

void JsonWriter::value(std::int64_t n) {
    before_value();
    constexpr std::size_t kMax = 20;  // "-9223372036854775808"
    char* out = room(kMax);
    size_ += static_cast<std::size_t>(std::to_chars(out, out + kMax, n).ptr - out);
}

void JsonWriter::value(std::uint64_t n) {
    before_value();
    constexpr std::size_t kMax = 20;  // "18446744073709551615"
    char* out = room(kMax);
    size_ += static_cast<std::size_t>(std::to_chars(out, out + kMax, n).ptr - out);
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
    constexpr std::size_t kMax = 32;  // shortest round-trip form: at most 24 characters
    char* out = room(kMax);
    size_ += static_cast<std::size_t>(std::to_chars(out, out + kMax, d).ptr - out);
}

void JsonWriter::value(bool b) {
    before_value();
    put(b ? "true" : "false");
}

void JsonWriter::null() {
    before_value();
    put("null");
}

// Copies the clean runs with one write each; only the bytes between them are looked at one by
// one.
void JsonWriter::escaped(std::string_view s) {
    std::size_t n = clean_prefix(s);
    char* out = room(n + 2);  // usually all of it: the string needs no escapes
    *out = '"';
    std::memcpy(out + 1, s.data(), n);
    size_ += 1 + n;
    while (n != s.size()) {
        char buf[6];
        put(escape(static_cast<unsigned char>(s[n]), buf));
        s.remove_prefix(n + 1);
        n = clean_prefix(s);
        put(s.substr(0, n));
    }
    put('"');
}

}  // namespace zfxxgk::extractor
