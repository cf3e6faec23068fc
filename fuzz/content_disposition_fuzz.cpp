// libFuzzer target: Content-Disposition parsing (RFC 6266, RFC 8187 filename*). Invariants: a
// filename is non-empty valid UTF-8 without path separators or control characters.
//   ./build-fuzz/fuzz/content_disposition_fuzz -max_len=4096 fixtures/fuzz/content_disposition/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fetch/content_disposition.hpp"

using namespace zfxxgk::fetch;

namespace {
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
        } else if (c >= 0x80) {
            return false;
        }
        if (i + n >= s.size() && n > 0) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n + 1;
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ContentDisposition cd = parse_content_disposition(std::string_view(reinterpret_cast<const char*>(data), size));
    if (cd.filename) {
        const std::string& f = *cd.filename;
        if (f.empty() || f.find('/') != std::string::npos || f.find('\\') != std::string::npos) std::abort();
        for (char c : f) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) std::abort();
        }
        if (!valid_utf8(f)) {
            std::fprintf(stderr, "content_disposition_fuzz: filename is not UTF-8\n");
            std::abort();
        }
    }
    return 0;
}
