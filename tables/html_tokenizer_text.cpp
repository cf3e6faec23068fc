#include "tables/html_tokenizer_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tables/html_tokenizer.hpp"

namespace zfxxgk::tables::html_detail {

// ---------------------------------------------------------------------------------------
// Input check

bool replaced_code_point(std::uint32_t c) {
    if (c < 0x20) {
        return c != '\t' && c != '\n' && c != '\f' && c != '\r';
    }
    return (c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

namespace {

// Bytes below 0x20 other than TAB LF FF CR, DEL, and bytes from 0x80 (multi-byte
// sequences, checked one by one): nonzero when a 16-byte block has any of them.
#if defined(__SSE2__)
int unusual_bytes(const unsigned char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes from 0x80 are negative, so "below 0x20" catches them too.
    const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
    return _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(allowed, low), del));
}
#else
int unusual_bytes(const unsigned char* p) {
    int mask = 0;
    for (int i = 0; i < 16; ++i) {
        const unsigned char b = p[i];
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b >= 0x7F) mask |= 1 << i;
    }
    return mask;
}
#endif

// One character at p (p < end): its length when the fast path accepts it, 0 otherwise.
std::size_t acceptable_character(const unsigned char* p, const unsigned char* end) {
    const unsigned char b = *p;
    if (b < 0x80) {
        return replaced_code_point(b) ? 0 : 1;
    }
    const auto left = static_cast<std::size_t>(end - p);
    // The common case first: three bytes led by E1..EC or EE (most of CJK), which can be
    // neither overlong, a surrogate nor a noncharacter.
    if (b >= 0xE1 && b != 0xED && b != 0xEF && b <= 0xEE && left >= 3 && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        return 3;
    }
    std::uint32_t c;
    std::size_t n;
    if (b >= 0xC2 && b <= 0xDF) {
        c = b & 0x1Fu;
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        c = b & 0x0Fu;
        n = 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
        c = b & 0x07u;
        n = 4;
    } else {
        return 0;
    }
    if (left < n) return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    const bool overlong = (n == 3 && c < 0x800) || (n == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || replaced_code_point(c)) return 0;
    return n;
}

}  // namespace

bool acceptable_input(std::string_view html) {
    const auto* p = reinterpret_cast<const unsigned char*>(html.data());
    const unsigned char* const end = p + html.size();
    while (end - p >= 16) {
        const int mask = unusual_bytes(p);
        if (mask == 0) {
            p += 16;
            continue;
        }
        p += std::countr_zero(static_cast<unsigned>(mask));   // plain ASCII up to there
        // Then character by character while they are not ASCII (a run of CJK text).
        do {
            const std::size_t n = acceptable_character(p, end);
            if (n == 0) return false;
            p += n;
        } while (p < end && *p >= 0x80);
    }
    while (p < end) {
        const std::size_t n = acceptable_character(p, end);
        if (n == 0) return false;
        p += n;
    }
    return true;
}

// ---------------------------------------------------------------------------------------
// Character references (https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state)

namespace {

struct Entity {
    std::string_view name;   // without '&' and ';'
    std::uint32_t code_point;
    bool legacy;             // also recognised without the ';' (the HTML 3.2 / Latin-1 set)
};

// U+00A0..U+00FF in order: the Latin-1 entities, all of them legacy.
constexpr std::array<std::string_view, 96> kLatin1 = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// The rest of what the fast path decodes: the other legacy names and the ';'-only names
// real pages use. Anything else written `&name;` makes the page irregular.
constexpr Entity kOthers[] = {
    {"AMP", '&', true},       {"COPY", 0xA9, true},     {"GT", '>', true},        {"LT", '<', true},
    {"QUOT", '"', true},      {"REG", 0xAE, true},      {"amp", '&', true},       {"gt", '>', true},
    {"lt", '<', true},        {"quot", '"', true},      {"apos", '\'', false},    {"ldquo", 0x201C, false},
    {"rdquo", 0x201D, false}, {"lsquo", 0x2018, false}, {"rsquo", 0x2019, false}, {"sbquo", 0x201A, false},
    {"bdquo", 0x201E, false}, {"mdash", 0x2014, false}, {"ndash", 0x2013, false}, {"hellip", 0x2026, false},
    {"bull", 0x2022, false},  {"emsp", 0x2003, false},  {"ensp", 0x2002, false},  {"thinsp", 0x2009, false},
    {"zwnj", 0x200C, false},  {"zwj", 0x200D, false},   {"lrm", 0x200E, false},   {"rlm", 0x200F, false},
    {"permil", 0x2030, false}, {"prime", 0x2032, false}, {"Prime", 0x2033, false}, {"lsaquo", 0x2039, false},
    {"rsaquo", 0x203A, false}, {"oline", 0x203E, false}, {"frasl", 0x2044, false}, {"euro", 0x20AC, false},
    {"trade", 0x2122, false}, {"larr", 0x2190, false},  {"uarr", 0x2191, false},  {"rarr", 0x2192, false},
    {"darr", 0x2193, false},  {"harr", 0x2194, false},  {"minus", 0x2212, false}, {"radic", 0x221A, false},
    {"infin", 0x221E, false}, {"asymp", 0x2248, false}, {"ne", 0x2260, false},    {"equiv", 0x2261, false},
    {"le", 0x2264, false},    {"ge", 0x2265, false},    {"dagger", 0x2020, false}, {"Dagger", 0x2021, false},
    {"circ", 0x02C6, false},  {"tilde", 0x02DC, false}, {"OElig", 0x0152, false}, {"oelig", 0x0153, false},
    {"Scaron", 0x0160, false}, {"scaron", 0x0161, false}, {"Yuml", 0x0178, false}, {"fnof", 0x0192, false},
    {"sum", 0x2211, false},   {"prod", 0x220F, false},  {"loz", 0x25CA, false},   {"hearts", 0x2665, false},
};

std::vector<Entity> make_entity_table() {
    std::vector<Entity> t;
    for (std::size_t i = 0; i < kLatin1.size(); ++i) {
        t.push_back(Entity{kLatin1[i], static_cast<std::uint32_t>(0xA0 + i), true});
    }
    for (const Entity& e : kOthers) {
        t.push_back(e);
    }
    std::sort(t.begin(), t.end(), [](const Entity& a, const Entity& b) { return a.name < b.name; });
    return t;
}

const std::vector<Entity>& entities() {
    static const std::vector<Entity> table = make_entity_table();
    return table;
}

const Entity* find_entity(std::string_view name) {
    const std::vector<Entity>& t = entities();
    const auto it = std::lower_bound(t.begin(), t.end(), name,
                                     [](const Entity& e, std::string_view n) { return e.name < n; });
    return it != t.end() && it->name == name ? &*it : nullptr;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Numeric references: "&#" then decimal or "x" and hex digits, an optional ';'. Code points
// gumbo would replace or remap (0, C1 range, surrogates, beyond U+10FFFF, controls,
// noncharacters) and whitespace (which the tree builder treats differently) are irregular.
Ref numeric_ref(const char* amp, const char* end) {
    const char* p = amp + 2;
    const bool hex = p < end && (*p == 'x' || *p == 'X');
    if (hex) ++p;
    const char* digits = p;
    std::uint64_t value = 0;
    while (p < end && (hex ? is_hex(*p) : is_digit(*p))) {
        const char c = *p++;
        const std::uint64_t d = is_digit(c) ? static_cast<std::uint64_t>(c - '0')
                                            : static_cast<std::uint64_t>((c | 0x20) - 'a' + 10);
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + d, 0x110000);
    }
    if (p == digits) {
        return {};   // "&#" / "&#x" without digits are text
    }
    if (p < end && *p == ';') ++p;
    const auto c = static_cast<std::uint32_t>(value);
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || replaced_code_point(c) || c == ' ' ||
        c == '\t' || c == '\n' || c == '\f' || c == '\r') {
        return Ref{RefKind::irregular, 0, 0};
    }
    return Ref{RefKind::decoded, static_cast<std::size_t>(p - amp), c};
}

// Named references in text: "&name;" from the table, or the longest legacy name that
// prefixes the run of letters and digits (gumbo's and the spec's "consume the maximum
// number of characters possible"). An unknown "&name;" may be a real entity: irregular.
Ref named_ref(const char* amp, const char* end) {
    const char* p = amp + 1;
    while (p < end && is_alnum(*p)) ++p;
    const std::string_view run(amp + 1, static_cast<std::size_t>(p - amp - 1));
    if (p < end && *p == ';') {
        const Entity* e = find_entity(run);
        if (e == nullptr) return Ref{RefKind::irregular, 0, 0};
        return Ref{RefKind::decoded, run.size() + 2, e->code_point};
    }
    for (std::size_t n = std::min<std::size_t>(run.size(), 6); n >= 2; --n) {
        const Entity* e = find_entity(run.substr(0, n));
        if (e != nullptr && e->legacy) return Ref{RefKind::decoded, n + 1, e->code_point};
    }
    return {};
}

}  // namespace

std::size_t encode_utf8(std::uint32_t c, char* out) {
    if (c < 0x80) {
        out[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = static_cast<char>(0xC0 | (c >> 6));
        out[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (c >> 12));
        out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (c >> 18));
    out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

Ref character_reference(const char* amp, const char* end) {
    if (amp + 1 < end && amp[1] == '#') return numeric_ref(amp, end);
    if (amp + 1 < end && is_alnum(amp[1])) return named_ref(amp, end);
    return {};
}

std::vector<std::string_view> known_entity_names() {
    std::vector<std::string_view> names;
    for (const Entity& e : entities()) {
        names.push_back(e.name);
    }
    return names;
}

bool decode_rcdata(std::string_view raw, std::string& out) {
    const char* p = raw.data();
    const char* const end = p + raw.size();
    while (p < end) {
        const auto* amp = static_cast<const char*>(std::memchr(p, '&', static_cast<std::size_t>(end - p)));
        if (amp == nullptr) {
            out.append(p, end);
            return true;
        }
        out.append(p, amp);
        const Ref ref = character_reference(amp, end);
        if (ref.kind == RefKind::irregular) return false;
        if (ref.kind == RefKind::literal) {
            out.push_back('&');
            p = amp + 1;
            continue;
        }
        char buf[4];
        out.append(buf, encode_utf8(ref.code_point, buf));
        p = amp + ref.length;
    }
    return true;
}

}  // namespace zfxxgk::tables::html_detail
