#pragma once
// Internal to tables/: the byte tokenizer of the fast HTML path (tables/html_fast.cpp). It
// follows the WHATWG tokenization states (https://html.spec.whatwg.org/multipage/parsing.html#tokenization)
// for the markup pages use — tags with attributes, text, character references, comments,
// bogus comments (Word's <![if ...]>), doctypes, raw text — and reports `irregular` for
// anything whose handling it does not model exactly (the caller then falls back to gumbo).
// The input check and character references are in html_tokenizer_text.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::tables::html_detail {

// Whether the fast path may read `html` at all: strict UTF-8 with no NUL and none of the
// code points gumbo replaces by U+FFFD (C0 controls other than TAB, LF, FF, CR; DEL and
// C1 controls; noncharacters).
bool acceptable_input(std::string_view html);

enum class TokenKind : std::uint8_t {
    text,          // raw bytes, no '<' or '&' in them (CR not normalised: the caller's text rules treat it as space)
    char_ref,      // a character reference, decoded
    start_tag,
    end_tag,
    comment,       // also bogus comments (<!...>, <?...>, </ ...>)
    doctype,
    end_of_file,
    irregular,     // beyond the model: give up
};

struct TagAttribute {
    std::string_view name;    // as written (compare ASCII case-insensitively)
    std::string_view value;   // raw: character references not decoded
    bool value_has_ref = false;
};

struct Token {
    TokenKind kind = TokenKind::end_of_file;
    std::uint32_t offset = 0;   // of the token's first byte ('<', '&' or the first text byte)
    // text: the bytes; char_ref: the decoded UTF-8; tags: the name as written;
    // doctype: the bytes between "<!DOCTYPE" and '>'.
    std::string_view text;
    bool self_closing = false;
};

class Tokenizer {
public:
    explicit Tokenizer(std::string_view html);

    // The next token. A text token's offset is where gumbo places its first character.
    Token next();
    // The attributes of the last start tag, in markup order.
    [[nodiscard]] const std::vector<TagAttribute>& attributes() const { return attributes_; }

    // Right after the start tag of a raw-text element (script, style, iframe, ...) or of
    // <title> (RCDATA): the content up to the element's end tag, which is consumed too.
    // nullopt when the content runs to the end of the input, or when a script's content
    // needs the script-data escape states (`<!--` followed by `<script`).
    std::optional<std::string_view> raw_text(std::string_view tag_name, bool script);

private:
    Token next_token();
    Token tag(const char* lt, bool end);
    Token markup_declaration(const char* lt);
    Token comment(const char* lt, const char* body);
    Token bogus_comment(const char* lt, const char* body);
    Token text(const char* p);
    Token char_ref(const char* amp);
    const char* attributes_until_end(const char* p, bool& self_closing);

    std::string_view html_;
    const char* p_;
    const char* end_;
    std::vector<TagAttribute> attributes_;
    const char* dropped_ = nullptr;   // a "</>" just skipped
    char ref_[8];   // the decoded character reference of the last char_ref token
};

// Decodes the character references of RCDATA (a <title>'s content) into `out`; false
// when one is beyond the model (the caller gives up).
bool decode_rcdata(std::string_view raw, std::string& out);

// The names of the character references the tokenizer decodes (for the tests).
std::vector<std::string_view> known_entity_names();

// ASCII case-insensitive equality with a lowercase name.
bool equals_lowercase(std::string_view text, std::string_view lower);

}  // namespace zfxxgk::tables::html_detail
