#include "fetch/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace zfxxgk::fetch {
namespace {

// ---------------------------------------------------------------------------------------
// Encodings and their labels: the WHATWG Encoding Standard §4.2 "Names and labels"
// (https://encoding.spec.whatwg.org/#names-and-labels), with GBK and gb18030 merged into
// "GB18030" (a superset: every GBK byte sequence decodes the same), plus a few labels
// written on Chinese pages (kExtraLabels). Left out: ISO-8859-16 (not in Debian's ICU data),
// "replacement" and x-user-defined (no ICU converter); canonical_charset returns "" for them.
//
// The ICU converter is named by ICU's own name, because several friendlier aliases are
// ambiguous in ICU's alias table. As in WHATWG, Big5 is Big5-HKSCS, EUC-KR is windows-949
// and Shift_JIS is windows-31j.
struct Encoding {
    std::string_view name;    // our canonical name
    std::string_view icu;     // ICU converter
    std::string_view labels;  // space-separated, lower case
};

constexpr auto kEncodings = std::to_array<Encoding>({
    {"UTF-8", "UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"GB18030", "gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030"},
    {"Big5", "ibm-1375_P100-2008", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", "euc-jp-2007", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", "ISO_2022,locale=ja,version=0", "csiso2022jp iso-2022-jp"},
    {"Shift_JIS", "ibm-943_P15A-2003", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"EUC-KR", "windows-949-2000",
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949"},
    {"UTF-16BE", "UTF-16BE", "unicodefffe utf-16be"},
    {"UTF-16LE", "UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    {"IBM866", "ibm-866_P100-1995", "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2", "ibm-912_P100-1995",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"},
    {"ISO-8859-3", "ibm-913_P100-2000",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"},
    {"ISO-8859-4", "ibm-914_P100-1995",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"},
    {"ISO-8859-5", "ibm-915_P100-1995",
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"},
    {"ISO-8859-6", "ibm-1089_P100-1995",
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
     "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"},
    {"ISO-8859-7", "ibm-9005_X110-2007",
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 "
     "iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8", "ibm-5012_P100-1999",
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 "
     "iso_8859-8:1988 visual"},
    {"ISO-8859-8-I", "ibm-5012_P100-1999", "csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", "iso-8859_10-1998", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"ISO-8859-13", "ibm-921_P100-1995", "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", "iso-8859_14-1998", "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", "ibm-923_P100-1998", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"KOI8-R", "ibm-878_P100-1996", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", "ibm-1168_P100-2002", "koi8-ru koi8-u"},
    {"macintosh", "macos-0_2-10.2", "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "windows-874-2000", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", "ibm-5346_P100-1998", "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", "ibm-5347_P100-1998", "cp1251 windows-1251 x-cp1251"},
    {"windows-1252", "ibm-5348_P100-1997",
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
     "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"},
    {"windows-1253", "ibm-5349_P100-1998", "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", "ibm-5350_P100-1998",
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
     "windows-1254 x-cp1254"},
    {"windows-1255", "ibm-9447_P100-2002", "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "ibm-9448_X100-2005", "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "ibm-9449_P100-2002", "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "ibm-5354_P100-1998", "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "macos-7_3-10.2", "x-mac-cyrillic x-mac-ukrainian"},
});

constexpr std::string_view kExtraLabels[][2] = {
    {"cp936", "GB18030"}, {"ms936", "GB18030"}, {"windows-936", "GB18030"}, {"euc-cn", "GB18030"},
    {"x-euc-cn", "GB18030"}, {"gb-2312", "GB18030"}, {"gb2312-80", "GB18030"}, {"gb-18030", "GB18030"},
    {"utf_8", "UTF-8"}, {"uft-8", "UTF-8"},
};

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kGb18030 = "GB18030";
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

bool is_space(unsigned char c) { return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20; }
bool is_quote(unsigned char c) { return c == '"' || c == '\''; }
unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'z'); }
bool is_label_char(unsigned char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == ':'; }

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view s, std::size_t pos, std::string_view prefix) {
    return pos <= s.size() && s.size() - pos >= prefix.size() && iequals(s.substr(pos, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || is_quote(s.front()))) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || is_quote(s.back()))) s.remove_suffix(1);
    return s;
}

// The encoding label that starts `s` after spaces and stray quotes; a closing quote, '>',
// ';' or anything else that cannot be part of a label ends it.
std::string_view leading_label(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (is_space(s[i]) || is_quote(s[i]))) ++i;
    std::size_t end = i;
    while (end < s.size() && is_label_char(s[end])) ++end;
    return s.substr(i, end - i);
}

// HTML "extracting a character encoding from a meta element"
// (https://html.spec.whatwg.org/#algorithm-for-extracting-a-character-encoding-from-a-meta-element),
// also used for Content-Type headers. Tolerant: "charset" must start a word, and the value
// is the leading label after '=' whatever quotes surround it (mismatched or missing).
std::string_view charset_parameter(std::string_view s) {
    std::size_t pos = 0;
    constexpr std::string_view kCharset = "charset";
    while (pos + kCharset.size() <= s.size()) {
        const std::size_t at = pos;
        pos = at + 1;
        if (!istarts_with(s, at, kCharset)) continue;
        if (at > 0 && is_label_char(s[at - 1])) continue;
        std::size_t i = at + kCharset.size();
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size() || s[i] != '=') continue;
        return leading_label(s.substr(i + 1));
    }
    return {};
}

// ---------------------------------------------------------------------------------------
// UTF-8. WHATWG Encoding §8.1.1 "UTF-8 decoder": an invalid sequence is the longest prefix
// of a valid sequence (at least one byte) and becomes one U+FFFD.
struct Utf8Step {
    std::size_t length;  // bytes consumed
    bool valid;
};

Utf8Step utf8_step(const unsigned char* p, std::size_t avail) {
    const unsigned char b = p[0];
    if (b < 0x80) return {1, true};
    std::size_t need = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) low = 0xA0;
        if (b == 0xED) high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) low = 0x90;
        if (b == 0xF4) high = 0x8F;
    } else {
        return {1, false};
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (k >= avail || p[k] < low || p[k] > high) return {k, false};
        low = 0x80;
        high = 0xBF;
    }
    return {need + 1, true};
}

struct Utf8Scan {
    std::size_t first_invalid;    // bytes.size() when valid
    std::size_t first_non_ascii;  // bytes.size() when pure ASCII
};

Utf8Scan scan_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    std::size_t first_non_ascii = n;
    while (i < n) {
        if (i + 8 <= n) {  // skip ASCII eight bytes at a time
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        first_non_ascii = std::min(first_non_ascii, i);
        // Well-formed 2- and 3-byte sequences (all of CJK) inline; utf8_step decides the rest.
        const unsigned char b = p[i];
        if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if ((b & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
            (b != 0xE0 || p[i + 1] >= 0xA0) && (b != 0xED || p[i + 1] < 0xA0)) {
            i += 3;
            continue;
        }
        const Utf8Step step = utf8_step(p + i, n - i);
        if (!step.valid) return {i, first_non_ascii};
        i += step.length;
    }
    return {n, first_non_ascii};
}

// Appends `bytes` decoded as UTF-8 to `out`; returns the number of U+FFFD written.
std::size_t append_repaired_utf8(std::string_view bytes, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t replaced = 0;
    std::size_t done = 0;
    out.reserve(out.size() + bytes.size() + 16);
    while (done < bytes.size()) {
        const std::string_view rest = bytes.substr(done);
        const std::size_t bad = scan_utf8(rest).first_invalid;
        out.append(rest.substr(0, bad));
        done += bad;
        if (done == bytes.size()) break;
        out.append(kReplacementUtf8);
        ++replaced;
        done += utf8_step(p + done, bytes.size() - done).length;
    }
    return replaced;
}

// ---------------------------------------------------------------------------------------
// ICU conversion: bytes -> UTF-16 in chunks -> UTF-8, counting invalid sequences.
struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

std::string_view icu_name(std::string_view name) {
    for (const Encoding& encoding : kEncodings) {
        if (encoding.name == name) return encoding.icu;
    }
    return {};
}

struct ToUnicodeState {
    std::size_t replaced = 0;
    bool euro_at_0x80 = false;  // WHATWG gb18030 decoder: a lone 0x80 is U+20AC (as in GBK); ICU says invalid
};

// Called by ICU once per invalid or unmappable sequence: write one U+FFFD and count it
// (ICU's own substitute callback writes U+001A for some converters).
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* err) {
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to substitute
    auto& state = *static_cast<ToUnicodeState*>(const_cast<void*>(context));
    *err = U_ZERO_ERROR;
    static constexpr UChar kEuro = 0x20AC;
    static constexpr UChar kReplacement = 0xFFFD;
    if (state.euro_at_0x80 && length == 1 && static_cast<unsigned char>(units[0]) == 0x80) {
        ucnv_cbToUWriteUChars(args, &kEuro, 1, 0, err);
        return;
    }
    ++state.replaced;
    ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Appends UTF-16 `units` to `out` as UTF-8; returns the lone surrogates replaced. Three
// bytes per unit always suffice (a surrogate pair is four bytes for two units), so ICU
// cannot fail here short of a bug; if it did, the chunk becomes one counted U+FFFD.
std::size_t append_utf16(const UChar* units, std::size_t count, std::string& out) {
    if (count == 0) return 0;
    const std::size_t old = out.size();
    out.resize(old + count * 3);
    int32_t written = 0;
    int32_t substitutions = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data() + old, static_cast<int32_t>(count * 3), &written, units,
                       static_cast<int32_t>(count), 0xFFFD, &substitutions, &err);
    if (U_FAILURE(err)) {
        out.resize(old);
        out.append(kReplacementUtf8);
        return 1;
    }
    out.resize(old + static_cast<std::size_t>(written));
    return static_cast<std::size_t>(substitutions);
}

// Decodes `bytes` with the ICU converter for our decoder `name`. nullopt when ICU cannot
// open the converter, otherwise the number of sequences replaced.
std::optional<std::size_t> decode_with_icu(std::string_view bytes, std::string_view name, std::string& out) {
    const std::string icu(icu_name(name));
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr converter(icu.empty() ? nullptr : ucnv_open(icu.c_str(), &err));
    if (!converter || U_FAILURE(err)) return std::nullopt;
    ToUnicodeState state;
    state.euro_at_0x80 = name == kGb18030;
    ucnv_setToUCallBack(converter.get(), substitute_and_count, &state, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return std::nullopt;

    constexpr std::size_t kChunk = 16 * 1024;
    std::vector<UChar> units(std::min(kChunk, bytes.size() + 8));
    out.reserve(out.size() + bytes.size() + bytes.size() / 2);
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    std::size_t carried = 0;  // a lead surrogate held back from the previous chunk
    for (;;) {
        UChar* target = units.data() + carried;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end, nullptr,
                       /*flush=*/true, &err);
        const bool more = err == U_BUFFER_OVERFLOW_ERROR;
        if (U_FAILURE(err) && !more) return std::nullopt;
        const auto produced = static_cast<std::size_t>(target - units.data());
        carried = more && produced > 0 && U16_IS_LEAD(units[produced - 1]) ? 1 : 0;
        state.replaced += append_utf16(units.data(), produced - carried, out);
        if (!more) break;
        if (carried) units[0] = units[produced - 1];
    }
    return state.replaced;
}

// ---------------------------------------------------------------------------------------
// Detection with ICU's ucsdet, restricted to what a page of Chinese government text can
// sensibly be: UTF-8 with a few broken bytes, or a CJK multi-byte encoding. ICU's
// single-byte guesses (ISO-8859-x, windows-125x) on such pages are noise.
constexpr std::array<std::string_view, 6> kDetectable = {kUtf8, kGb18030, "Big5", "Shift_JIS", "EUC-JP",
                                                         "EUC-KR"};
constexpr int32_t kMinConfidence = 10;
// ICU's cost grows with the text it is given (about 0.15 ms per KB), and its multi-byte
// recognizers only count non-ASCII characters; so it gets a few KB of the page with long
// ASCII runs (markup, scripts) squeezed out.
constexpr std::size_t kDetectSample = 2 * 1024;
constexpr std::size_t kLongAsciiRun = 32;

// From `from` (a byte that starts a character), bytes with every run of kLongAsciiRun or
// more ASCII bytes cut to its first byte and a space. The first byte of a run may be the
// trail byte of a double-byte character; the later ones cannot be, so what follows a cut
// still starts a character.
std::string detection_sample(std::string_view bytes, std::size_t from) {
    std::string sample;
    std::size_t i = from;
    while (i < bytes.size() && sample.size() < kDetectSample) {
        std::size_t run = i;
        while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
        if (run - i >= kLongAsciiRun) {
            sample.push_back(bytes[i]);
            sample.push_back(' ');
        } else {
            sample.append(bytes.substr(i, run - i));
        }
        std::size_t high = run;
        while (high < bytes.size() && static_cast<unsigned char>(bytes[high]) >= 0x80) ++high;
        sample.append(bytes.substr(run, std::min(high - run, kDetectSample)));
        i = high;
    }
    return sample;
}

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// The sensible encoding ICU is most confident of, GB18030 winning ties; "" if none.
std::string detect_encoding(std::string_view bytes, std::size_t first_non_ascii) {
    const std::string sample = detection_sample(bytes, first_non_ascii);
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&err));
    if (U_FAILURE(err)) return {};
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &err);
    if (U_FAILURE(err) || matches == nullptr) return {};
    std::string best;
    int32_t best_confidence = kMinConfidence;
    for (int32_t i = 0; i < count; ++i) {  // in decreasing confidence
        const int32_t confidence = ucsdet_getConfidence(matches[i], &err);
        const char* label = ucsdet_getName(matches[i], &err);
        if (U_FAILURE(err) || confidence < best_confidence) break;
        std::string name = canonical_charset(label != nullptr ? label : "");
        if (std::find(kDetectable.begin(), kDetectable.end(), name) == kDetectable.end()) continue;
        if (best.empty() || name == kGb18030) best = std::move(name);
        best_confidence = confidence;
    }
    return best;
}

// ---------------------------------------------------------------------------------------
// Decisions.
void decode_utf8(std::string_view bytes, Decoded& out) {
    out.encoding = kUtf8;
    out.replaced = append_repaired_utf8(bytes, out.text);
}

// Decodes with `name`; a decoder ICU cannot open falls back to UTF-8 (and says so).
void decode_as(std::string_view bytes, std::string_view name, Decoded& out) {
    if (name == kUtf8) return decode_utf8(bytes, out);
    if (const auto replaced = decode_with_icu(bytes, name, out.text)) {
        out.encoding = name;
        out.replaced = *replaced;
        return;
    }
    out.text.clear();
    out.source = CharsetSource::default_utf8;
    decode_utf8(bytes, out);
}

// A declared encoding is used, except that a "UTF-8" page with more than 1% of its bytes
// invalid that decodes as GB18030 without a single error is GB18030: real pages lie.
// Declared GBK/GB2312 over bytes that are all valid UTF-8 with Chinese in them: a portal that
// moved to UTF-8 and kept its old <meta>. GBK text of any length is practically never valid
// UTF-8 (its trail bytes are not continuation bytes), so at least 16 non-ASCII bytes decide.
bool utf8_despite_gbk_label(std::string_view bytes) {
    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.first_invalid != bytes.size() || scan.first_non_ascii == bytes.size()) return false;
    std::size_t non_ascii = 0;
    for (std::size_t i = scan.first_non_ascii; i < bytes.size() && non_ascii < 16; ++i) {
        non_ascii += static_cast<unsigned char>(bytes[i]) >= 0x80;
    }
    return non_ascii >= 16;
}

void decode_declared(std::string_view bytes, std::string_view name, CharsetSource source, Decoded& out) {
    out.source = source;
    if (name == kGb18030 && utf8_despite_gbk_label(bytes)) {
        out.text.assign(bytes);
        out.encoding = std::string(kUtf8);
        out.source = CharsetSource::detected;
        return;
    }
    decode_as(bytes, name, out);
    if (out.encoding != kUtf8 || out.replaced * 100 <= bytes.size()) return;
    std::string gb;
    const auto replaced = decode_with_icu(bytes, kGb18030, gb);
    if (replaced && *replaced == 0) {
        out.text = std::move(gb);
        out.encoding = kGb18030;
        out.replaced = 0;
        out.source = CharsetSource::detected;
    }
}

struct Bom {
    std::string_view encoding;
    std::size_t length;
};

std::optional<Bom> sniff_bom(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return Bom{kUtf8, 3};
    if (bytes.starts_with("\xFE\xFF")) return Bom{"UTF-16BE", 2};
    if (bytes.starts_with("\xFF\xFE")) return Bom{"UTF-16LE", 2};
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// HTML "prescan a byte stream to determine its encoding" (https://html.spec.whatwg.org/
// #prescan-a-byte-stream-to-determine-its-encoding), over the first 1024 bytes. Running off
// the end of those bytes ends the prescan without a result. Tolerated beyond the spec, as
// seen on Chinese government portals: "httpequiv" and "http_equiv", a quoted value also
// ends at '>' (a missing closing quote), and labels end at the first byte that cannot be
// part of a label (a stray or mismatched quote: charset=gbk').
constexpr std::size_t kPrescanBytes = 1024;

struct Attribute {
    std::string name;  // lower case, "http-equiv" for its misspellings
    std::string_view value;
};

class Prescan {
public:
    explicit Prescan(std::string_view bytes) : s_(bytes.substr(0, kPrescanBytes)) {}

    std::string_view run() {
        for (; pos_ < s_.size(); ++pos_) {
            if (s_.compare(pos_, 4, "<!--") == 0) {
                pos_ = s_.find("-->", pos_ + 2);  // "<!-->" is a whole comment
                if (pos_ == std::string_view::npos) return {};
                pos_ += 2;
            } else if (istarts_with(s_, pos_, "<meta") && pos_ + 5 < s_.size() &&
                       (is_space(s_[pos_ + 5]) || s_[pos_ + 5] == '/')) {
                pos_ += 5;
                const std::string_view label = meta();
                if (!label.empty() || ended_) return label;
            } else if (s_[pos_] == '<' && pos_ + 2 < s_.size() &&
                       (is_alpha(s_[pos_ + 1]) || (s_[pos_ + 1] == '/' && is_alpha(s_[pos_ + 2])))) {
                skip_tag();
                if (ended_) return {};
            } else if (s_[pos_] == '<' && pos_ + 1 < s_.size() &&
                       (s_[pos_ + 1] == '!' || s_[pos_ + 1] == '/' || s_[pos_ + 1] == '?')) {
                pos_ = s_.find('>', pos_ + 2);
                if (pos_ == std::string_view::npos) return {};
            }
        }
        return {};
    }

private:
    static bool is_alpha(unsigned char c) { return lower(c) >= 'a' && lower(c) <= 'z'; }

    // The attributes of one <meta>: the charset label it declares, or "".
    std::string_view meta() {
        bool got_pragma = false;
        bool seen_http_equiv = false, seen_content = false, seen_charset = false;
        std::optional<bool> need_pragma;
        std::string_view charset;
        while (const auto attribute = next_attribute()) {
            if (attribute->name == "http-equiv" && !std::exchange(seen_http_equiv, true)) {
                got_pragma = iequals(trim(attribute->value), "content-type");
            } else if (attribute->name == "content" && !std::exchange(seen_content, true)) {
                if (charset.empty()) {
                    charset = charset_parameter(attribute->value);
                    if (!charset.empty()) need_pragma = true;
                }
            } else if (attribute->name == "charset" && !std::exchange(seen_charset, true)) {
                charset = leading_label(attribute->value);
                need_pragma = false;
            }
        }
        if (ended_ || !need_pragma || (*need_pragma && !got_pragma)) return {};
        return canonical_charset(charset).empty() ? std::string_view{} : charset;
    }

    // Any other tag: its name, then its attributes, so that a '>' inside a quoted value
    // does not end it. Leaves pos_ on the '>'.
    void skip_tag() {
        while (more() && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
        while (next_attribute()) {
        }
    }

    // HTML "get an attribute": nullopt at the '>' that ends the tag, or at the end of the
    // bytes (then ended_ is set).
    std::optional<Attribute> next_attribute() {
        while (more() && (is_space(s_[pos_]) || s_[pos_] == '/')) ++pos_;
        if (!more() || s_[pos_] == '>') return std::nullopt;
        Attribute attribute;
        for (; more(); ++pos_) {
            const unsigned char c = s_[pos_];
            if (c == '=' && !attribute.name.empty()) break;
            if (c == '/' || c == '>') return normalized(std::move(attribute));
            if (is_space(c)) {
                while (more() && is_space(s_[pos_])) ++pos_;
                if (more() && s_[pos_] != '=') return normalized(std::move(attribute));
                break;
            }
            attribute.name.push_back(static_cast<char>(lower(c)));
        }
        if (!more()) return std::nullopt;
        ++pos_;  // '='
        while (more() && is_space(s_[pos_])) ++pos_;
        if (!more()) return std::nullopt;
        const std::size_t start = pos_;
        if (is_quote(s_[pos_])) {
            const std::size_t end = s_.find_first_of(s_[pos_] == '"' ? "\">" : "'>", pos_ + 1);
            if (end == std::string_view::npos) {
                pos_ = s_.size();
                ended_ = true;
                return std::nullopt;
            }
            attribute.value = s_.substr(start + 1, end - start - 1);
            pos_ = s_[end] == '>' ? end : end + 1;
            return normalized(std::move(attribute));
        }
        while (more() && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
        if (!more()) return std::nullopt;
        attribute.value = s_.substr(start, pos_ - start);
        return normalized(std::move(attribute));
    }

    // False at the end of the bytes, and remembers that the prescan ran out.
    bool more() {
        if (pos_ < s_.size()) return true;
        ended_ = true;
        return false;
    }

    static Attribute normalized(Attribute attribute) {
        if (attribute.name == "httpequiv" || attribute.name == "http_equiv") attribute.name = "http-equiv";
        return attribute;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    bool ended_ = false;
};

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    return std::string(charset_parameter(content_type));
}

std::string prescan_meta_charset(std::string_view bytes) { return std::string(Prescan(bytes).run()); }

std::string canonical_charset(std::string_view label) {
    label = trim(label);
    if (label.empty() || label.size() > 32) return {};
    for (const Encoding& encoding : kEncodings) {
        std::string_view labels = encoding.labels;
        while (!labels.empty()) {
            const std::size_t space = std::min(labels.find(' '), labels.size());
            if (iequals(labels.substr(0, space), label)) return std::string(encoding.name);
            labels.remove_prefix(std::min(space + 1, labels.size()));
        }
    }
    for (const auto& [extra, name] : kExtraLabels) {
        if (iequals(extra, label)) return std::string(name);
    }
    return {};
}

Decoded decode_to_utf8(std::string_view bytes, const CharsetOptions& options) {
    Decoded out;
    const std::string_view http = trim(options.http_charset);
    out.declared_label = http;

    if (const auto bom = sniff_bom(bytes)) {
        out.source = CharsetSource::bom;
        decode_as(bytes.substr(bom->length), bom->encoding, out);
        return out;
    }
    if (const std::string name = canonical_charset(http); !name.empty()) {
        decode_declared(bytes, name, CharsetSource::declared, out);
        return out;
    }
    if (options.prescan_meta) {
        if (const std::string label = prescan_meta_charset(bytes); !label.empty()) {
            std::string name = canonical_charset(label);
            // HTML prescan: a UTF-16 declaration in ASCII bytes cannot be true; it means UTF-8.
            if (name == "UTF-16LE" || name == "UTF-16BE") name = kUtf8;
            out.declared_label = label;
            decode_declared(bytes, name, CharsetSource::meta, out);
            return out;
        }
    }
    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.first_invalid == bytes.size()) {
        out.text.assign(bytes);
        out.encoding = kUtf8;
        out.source = scan.first_non_ascii == bytes.size() ? CharsetSource::default_utf8 : CharsetSource::detected;
        return out;
    }
    if (const std::string name = detect_encoding(bytes, scan.first_non_ascii); !name.empty()) {
        out.source = CharsetSource::detected;
        decode_as(bytes, name, out);
        return out;
    }
    out.source = CharsetSource::default_utf8;
    decode_utf8(bytes, out);
    return out;
}

}  // namespace zfxxgk::fetch
