#include "tables/cell_value.hpp"

#include <array>
#include <cstdlib>

namespace zfxxgk::tables {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Strips one of `options` from the front of `s`; returns true when one was stripped.
template <std::size_t N>
bool strip_prefix(std::string_view& s, const std::array<std::string_view, N>& options) {
    for (auto p : options) {
        if (!p.empty() && starts_with(s, p)) {
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
constexpr std::array<std::string_view, 10> kUnits = {"万元", "萬元", "元", "件", "个", "個", "条", "條", "项", "次"};

// Removes stray replacement characters and '?' that flattening left before a number.
bool strip_stray(std::string_view& s) {
    bool any = false;
    for (;;) {
        if (starts_with(s, "\xEF\xBF\xBD")) {
            s.remove_prefix(3);
        } else if (starts_with(s, "?") || starts_with(s, "？")) {
            s.remove_prefix(s[0] == '?' ? 1 : 3);
        } else {
            break;
        }
        any = true;
        s = trim_cell(s);
    }
    return any;
}

// Digits (ASCII or full-width), at most one '.', ',' thousands separators in groups of three.
bool read_number(std::string_view s, double& out) {
    std::string digits;
    digits.reserve(s.size());
    bool seen_dot = false;
    bool seen_digit = false;
    std::size_t group = 0;
    bool grouped = false;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= '0' && c <= '9') {
            digits.push_back(static_cast<char>(c));
            seen_digit = true;
            ++group;
            ++i;
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            digits.push_back(static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90)));
            seen_digit = true;
            ++group;
            i += 3;
        } else if (c == '.' && !seen_dot && seen_digit) {
            if (grouped && group != 3) return false;
            digits.push_back('.');
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
    if (!seen_digit || digits.back() == '.' || (grouped && group != 3)) return false;
    if (digits.size() > 15) return false;  // beyond double's exact integers: not a count anyone reports
    out = std::strtod(digits.c_str(), nullptr);
    return true;
}

}  // namespace

std::string_view trim_cell(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n' ||
                           s.front() == '\f' || s.front() == '\v')) {
            s.remove_prefix(1);
        } else if (starts_with(s, "\xC2\xA0")) {
            s.remove_prefix(2);
        } else if (starts_with(s, "\xE3\x80\x80")) {
            s.remove_prefix(3);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n' ||
                           s.back() == '\f' || s.back() == '\v')) {
            s.remove_suffix(1);
        } else if (ends_with(s, "\xC2\xA0")) {
            s.remove_suffix(2);
        } else if (ends_with(s, "\xE3\x80\x80")) {
            s.remove_suffix(3);
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
    for (auto na : kNotApplicable) {
        if (s == na) {
            v.kind = CellKind::not_applicable;
            return v;
        }
    }
    v.stray_chars = strip_stray(s);
    double sign = 1;
    std::string_view body = s;
    if (strip_prefix(body, kNegative)) {
        sign = -1;
    } else {
        strip_prefix(body, kPositive);
    }
    body = trim_cell(body);
    for (auto unit : kUnits) {
        if (ends_with(body, unit)) {
            v.unit = std::string(unit);
            body.remove_suffix(unit.size());
            body = trim_cell(body);
            break;
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
