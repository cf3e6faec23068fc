// fetch::decode_to_utf8 on arbitrary bytes, sniffed and with a declared charset: it must
// not crash and must always produce valid UTF-8. Seeds: fixtures/fuzz/charset/.
#include "fetch/charset.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

// An independent UTF-8 check (RFC 3629, Unicode Table 3-7), so that the library's own
// validator is not trusted to judge itself.
bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b < 0x80) len = 1;
        else if (b >= 0xC2 && b <= 0xDF) len = 2;
        else if (b == 0xE0) len = 3, lo = 0xA0;
        else if (b == 0xED) len = 3, hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF) len = 3;
        else if (b == 0xF0) len = 4, lo = 0x90;
        else if (b == 0xF4) len = 4, hi = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3) len = 4;
        else return false;
        if (s.size() - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

void check(const zfxxgk::fetch::Decoded& d, const char* what) {
    if (!is_valid_utf8(d.text) || d.encoding.empty()) {
        std::fprintf(stderr, "charset_fuzz: %s: invalid UTF-8 or no encoding (encoding '%s')\n", what,
                     d.encoding.c_str());
        std::abort();
    }
}

constexpr std::array<const char*, 14> kLabels = {
    "utf-8", "gbk", "gb18030", "big5", "shift_jis", "euc-jp", "iso-2022-jp",
    "euc-kr", "utf-16le", "utf-16be", "windows-1252", "koi8-r", "x-mac-cyrillic", "klingon",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fetch = zfxxgk::fetch;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    check(fetch::decode_to_utf8(bytes), "sniffed");

    fetch::CharsetOptions declared;
    declared.http_charset = kLabels[size == 0 ? 0 : data[0] % kLabels.size()];
    check(fetch::decode_to_utf8(bytes, declared), declared.http_charset.c_str());

    fetch::CharsetOptions no_meta;
    no_meta.prescan_meta = false;
    check(fetch::decode_to_utf8(bytes, no_meta), "no meta prescan");

    // The helpers take untrusted strings too.
    (void)fetch::charset_from_content_type(bytes);
    (void)fetch::canonical_charset(bytes);
    const std::string label = fetch::prescan_meta_charset(bytes);
    if (!label.empty() && fetch::canonical_charset(label).empty()) {
        std::fprintf(stderr, "charset_fuzz: prescan returned an unknown label '%s'\n", label.c_str());
        std::abort();
    }
    return 0;
}
