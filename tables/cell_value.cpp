#include "tables/cell_value.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>

namespace zfxxgk::tables {
namespace {

// Byte loops rather than string_view::starts_with/ends_with: the marks below are 1–9 bytes
// and most cells differ from them in the first byte compared, where a loop stops after a
// couple of instructions and a memcmp call costs tens.
constexpr bool has_prefix(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (s[i] != p[i]) return false;
    }
    return true;
}

// Compares from the end: the last byte of a CJK character tells them apart soonest.
constexpr bool has_suffix(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    const std::size_t offset = s.size() - p.size();
    for (std::size_t i = p.size(); i-- > 0;) {
        if (s[offset + i] != p[i]) return false;
    }
    return true;
}

constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

constexpr std::string_view kNbsp = "\xC2\xA0";               // U+00A0
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

// Strips one of `options` from the front of `s`; returns true when one was stripped.
template <std::size_t N>
bool strip_prefix(std::string_view& s, const std::array<std::string_view, N>& options) {
    for (auto p : options) {
        if (!p.empty() && has_prefix(s, p)) {
            s.remove_prefix(p.size());
            return true;
        }
    }
    return false;
}

constexpr std::array<std::string_view, 12> kNotApplicable = {
    "/", "／", "-", "－", "—", "——", "--", "–", "无", "無", "不适用", "不適用"};
// Longest first, so that 减少 wins over 减.
constexpr std::array<std::string_view, 8> kNegative = {"减少", "減少", "减", "減", "-", "－", "−", "—"};
constexpr std::array<std::string_view, 5> kPositive = {"增加", "增", "+", "＋", "新增"};
// 万元 before 元, so that the longer unit wins.
constexpr std::array<std::string_view, 10> kUnits = {"万元", "萬元", "元", "件", "个", "個", "条", "條", "项", "次"};

bool is_not_applicable(std::string_view s) {
    for (auto na : kNotApplicable) {
        if (s.size() == na.size() && has_prefix(s, na)) return true;
    }
    return false;
}

// Removes stray replacement characters and '?' that flattening left before a number.
bool strip_stray(std::string_view& s) {
    bool any = false;
    for (;;) {
        if (has_prefix(s, "\xEF\xBF\xBD")) {
            s.remove_prefix(3);
        } else if (has_prefix(s, "?")) {
            s.remove_prefix(1);
        } else if (has_prefix(s, "？")) {
            s.remove_prefix(3);
        } else {
            break;
        }
        any = true;
        s = trim_cell(s);
    }
    return any;
}

// Digits (ASCII or full-width), at most one '.', ',' thousands separators in groups of three,
// at most 15 digits and dot together (beyond double's exact integers: not a count anyone
// reports). Integers are summed directly, exact below 10^15; a decimal goes through strtod
// as ever, so that its rounding stays what it was.
bool read_number(std::string_view s, double& out) {
    constexpr std::size_t kMaxChars = 15;
    std::array<char, kMaxChars + 1> chars{};  // the digits and the dot, NUL-terminated for strtod
    std::size_t n = 0;
    std::uint64_t integer = 0;
    bool seen_dot = false;
    bool seen_digit = false;
    std::size_t group = 0;
    bool grouped = false;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int digit = -1;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
            i += 1;
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            digit = static_cast<unsigned char>(s[i + 2]) - 0x90;
            i += 3;
        }
        if (digit >= 0) {
            if (n == kMaxChars) return false;
            chars[n++] = static_cast<char>('0' + digit);
            integer = integer * 10 + static_cast<unsigned>(digit);
            seen_digit = true;
            ++group;
        } else if (c == '.' && !seen_dot && seen_digit) {
            if (grouped && group != 3) return false;
            if (n == kMaxChars) return false;
            chars[n++] = '.';
            seen_dot = true;
            group = 0;
            grouped = false;
            ++i;
        } else if (c == ',' && !seen_dot && seen_digit && (!grouped ? group >= 1 && group <= 3 : group == 3)) {
            grouped = true;
            group = 0;
            ++i;
        } else {
            return false;
        }
    }
    if (!seen_digit || chars[n - 1] == '.' || (grouped && group != 3)) return false;
    out = seen_dot ? std::strtod(chars.data(), nullptr) : static_cast<double>(integer);
    return true;
}

}  // namespace

std::string_view trim_cell(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_ascii_space(s.front())) {
            s.remove_prefix(1);
        } else if (has_prefix(s, kNbsp)) {
            s.remove_prefix(kNbsp.size());
        } else if (has_prefix(s, kIdeographicSpace)) {
            s.remove_prefix(kIdeographicSpace.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && is_ascii_space(s.back())) {
            s.remove_suffix(1);
        } else if (has_suffix(s, kNbsp)) {
            s.remove_suffix(kNbsp.size());
        } else if (has_suffix(s, kIdeographicSpace)) {
            s.remove_suffix(kIdeographicSpace.size());
        } else {
            break;
        }
    }
    return s;
}

CellValue read_cell_value(std::string_view cell) {
    CellValue v;
    std::string_view s = trim_cell(cell);
    if (s.empty()) {
        v.kind = CellKind::blank;
        return v;
    }
    double sign = 1;
    std::string_view body = s;
    // Not-applicable marks, stray characters and signs all start with a non-digit byte, so a
    // cell that starts with an ASCII digit ("0", "45", "2.02") has none of them.
    if (!is_ascii_digit(s.front())) {
        if (is_not_applicable(s)) {
            v.kind = CellKind::not_applicable;
            return v;
        }
        v.stray_chars = strip_stray(s);
        body = s;
        if (strip_prefix(body, kNegative)) {
            sign = -1;
        } else {
            strip_prefix(body, kPositive);
        }
        body = trim_cell(body);
    }
    // Every unit ends in a byte of a multi-byte character, never in an ASCII digit.
    if (!body.empty() && !is_ascii_digit(body.back())) {
        for (auto unit : kUnits) {
            if (has_suffix(body, unit)) {
                v.unit = std::string(unit);
                body.remove_suffix(unit.size());
                body = trim_cell(body);
                break;
            }
        }
    }
    double number = 0;
    if (!read_number(body, number)) {
        v.unit.clear();
        v.stray_chars = false;
        return v;  // text
    }
    v.kind = CellKind::number;
    v.number = sign * number;
    if (v.number == 0) v.number = 0;  // no "-0" in output
    return v;
}

}  // namespace zfxxgk::tables
