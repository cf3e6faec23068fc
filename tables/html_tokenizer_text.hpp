#pragma once
// Internal to tables/: what the fast path's tokenizer makes of characters — the code points
// gumbo would replace, and character references (tables/html_tokenizer_text.cpp).
#include <cstddef>
#include <cstdint>

namespace zfxxgk::tables::html_detail {

// The code points gumbo's input stream replaces by U+FFFD (utf8.c, besides malformed
// UTF-8): C0 controls except TAB LF FF CR, DEL, C1 controls, noncharacters. NUL too.
bool replaced_code_point(std::uint32_t c);

enum class RefKind : std::uint8_t {
    literal,     // not a reference: the '&' is text
    decoded,
    irregular,   // beyond the model
};

struct Ref {
    RefKind kind = RefKind::literal;
    std::size_t length = 0;   // bytes consumed from '&' on (decoded only)
    std::uint32_t code_point = 0;
};

// The character reference at amp ('&') in text or RCDATA (not in an attribute value).
Ref character_reference(const char* amp, const char* end);

// Writes c as UTF-8 to out (4 bytes of room); returns the length.
std::size_t encode_utf8(std::uint32_t c, char* out);

}  // namespace zfxxgk::tables::html_detail
