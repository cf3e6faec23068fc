#include "extractor/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

namespace zfxxgk::extractor {
namespace {

class Normalizer {
public:
    Normalizer() {
        UErrorCode status = U_ZERO_ERROR;
        nfkc_ = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status)) nfkc_ = nullptr;
        status = U_ZERO_ERROR;
        t2s_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            t2s_.reset();
        } else {
            // The characters the transliterator can change: most labels have none of them, and
            // checking is far cheaper than transliterating.
            t2s_->getSourceSet(t2s_source_);
            t2s_source_.freeze();
        }
    }

    icu::UnicodeString nfkc_t2s(std::string_view s) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
        if (nfkc_ != nullptr) {
            UErrorCode status = U_ZERO_ERROR;
            icu::UnicodeString n = nfkc_->normalize(u, status);
            if (U_SUCCESS(status)) u = std::move(n);
        }
        if (t2s_ && !is_ascii(s) && !t2s_source_.containsNone(u)) t2s_->transliterate(u);
        return u;
    }

    // Looked up by string_view, without building a key string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Cache = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;
    Cache label_cache;
    Cache name_cache;

private:
    static bool is_ascii(std::string_view s) {
        for (unsigned char c : s) {
            if (c >= 0x80) return false;
        }
        return true;
    }
    const icu::Normalizer2* nfkc_ = nullptr;
    std::unique_ptr<icu::Transliterator> t2s_;
    icu::UnicodeSet t2s_source_;
};

Normalizer& normalizer() {
    thread_local Normalizer n;
    return n;
}

constexpr std::size_t kCacheCap = 1 << 16;

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

UChar32 unify(UChar32 c) {
    switch (c) {
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x300C: case 0x300D: case 0x300E:
        case 0x300F: case 0x2018: case 0x2019: case 0xFF02: case 0x0027:
            return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        case 0xFE58: case 0xFE63: case 0xFF0D: case 0x30FC:
            return '-';
        case 0x3010: case 0x3014: case 0x3016:  // 【 〔 〖
            return '(';
        case 0x3011: case 0x3015: case 0x3017:
            return ')';
        case 0x3001:  // 、 stays: it is part of numbering
        default:
            return c;
    }
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

template <typename Map, typename F>
const std::string& cached(Map& map, std::string_view key, F&& compute) {
    auto it = map.find(key);
    if (it != map.end()) return it->second;
    if (map.size() >= kCacheCap) map.clear();
    return map.emplace(std::string(key), compute()).first->second;
}

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

constexpr std::string_view kChineseDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

bool is_chinese_digit(std::string_view s, std::size_t at) {
    if (at + 3 > s.size()) return false;
    for (auto d : kChineseDigits) {  // all three bytes in UTF-8
        if (s[at] == d[0] && s[at + 1] == d[1] && s[at + 2] == d[2]) return true;
    }
    return false;
}

// Length of a run of Chinese numerals at the start of s (bytes).
std::size_t chinese_numeral_prefix(std::string_view s) {
    std::size_t n = 0;
    while (is_chinese_digit(s, n)) n += 3;
    return n;
}

constexpr std::string_view kEnumComma = "、";

// The numbering at the start of a normalized label: its length in bytes and its level
// (1 for "一、", 2 for "(一)", 3 for "1." and "1、"; 0 and length 0 without numbering).
std::size_t numbering_prefix(std::string_view s, int& level) {
    level = 0;
    if (std::size_t n = chinese_numeral_prefix(s); n > 0 && starts_with(s.substr(n), kEnumComma)) {
        level = 1;
        return n + kEnumComma.size();
    }
    if (starts_with(s, "(")) {
        const std::size_t n = chinese_numeral_prefix(s.substr(1));
        if (n > 0 && s.size() > 1 + n && s[1 + n] == ')') {
            level = 2;
            return n + 2;
        }
        return 0;
    }
    std::size_t d = 0;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    if (d > 0 && d < s.size() && (s[d] == '.' || starts_with(s.substr(d), kEnumComma))) {
        level = 3;
        return d + (s[d] == '.' ? 1 : kEnumComma.size());
    }
    return 0;
}

// NFKC and Traditional→Simplified, whitespace dropped; labels also get their punctuation
// variants unified.
enum class Punctuation : std::uint8_t { keep, unify };

std::string fold(std::string_view s, Punctuation punctuation) {
    Normalizer& n = normalizer();
    auto& cache = punctuation == Punctuation::unify ? n.label_cache : n.name_cache;
    return cached(cache, s, [&] {
        icu::UnicodeString u = n.nfkc_t2s(s);
        icu::UnicodeString out;
        for (int32_t i = 0; i < u.length();) {
            const UChar32 c = u.char32At(i);
            i += U16_LENGTH(c);
            if (!is_space(c)) out.append(punctuation == Punctuation::unify ? unify(c) : c);
        }
        return to_utf8(out);
    });
}

}  // namespace

std::string normalize_label(std::string_view label) { return fold(label, Punctuation::unify); }

std::string normalize_name(std::string_view name) { return fold(name, Punctuation::keep); }

LabelKey label_key(std::string_view s) {
    LabelKey key;
    const std::size_t skip = numbering_prefix(s, key.level);
    key.number = std::string(s.substr(0, skip));
    if (key.level == 3) key.number = std::string(s.substr(0, skip - (s[skip - 1] == '.' ? 1 : 3))) + ".";
    int depth = 0;
    key.body.reserve(s.size() - skip);
    for (char c : s.substr(skip)) {
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth > 0) --depth;
        } else if (depth == 0) {
            key.body.push_back(c);
        }
    }
    return key;
}

int numbering_level(std::string_view label) {
    int level = 0;
    numbering_prefix(normalize_label(label), level);
    return level;
}

}  // namespace zfxxgk::extractor
