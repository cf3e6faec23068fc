#include "tables/html_tokenizer.hpp"

#include <cstring>

#include "tables/html_tokenizer_text.hpp"

namespace zfxxgk::tables::html_detail {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

}  // namespace

bool equals_lowercase(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != lower[i]) return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------
// Tokens

Tokenizer::Tokenizer(std::string_view html)
    : html_(html), p_(html.data()), end_(html.data() + html.size()) {
    attributes_.reserve(16);
}

Token Tokenizer::next() {
    Token t = next_token();
    if (dropped_ != nullptr) {
        // gumbo starts the next token's position at a dropped "</>" (a quirk the positions follow)
        t.offset = static_cast<std::uint32_t>(dropped_ - html_.data());
        dropped_ = nullptr;
    } else if (t.kind == TokenKind::text && t.text.size() > 1 && t.text[0] == '\r' && t.text[1] == '\n') {
        ++t.offset;   // CR LF is one LF, and gumbo places it at the LF
    }
    return t;
}

Token Tokenizer::next_token() {
    for (;;) {
        if (p_ >= end_) {
            return Token{TokenKind::end_of_file, static_cast<std::uint32_t>(html_.size()), {}, false};
        }
        const char c = *p_;
        if (c == '&') return char_ref(p_);
        if (c != '<') return text(p_);
        const char* lt = p_;
        if (lt + 1 == end_) return text(lt);
        const char n = lt[1];
        if (is_alpha(n)) return tag(lt, false);
        if (n == '!') return markup_declaration(lt);
        if (n == '?') return bogus_comment(lt, lt + 1);
        if (n != '/') return text(lt);   // a '<' that starts nothing is text
        if (lt + 2 == end_) return text(lt);
        if (is_alpha(lt[2])) return tag(lt, true);
        if (lt[2] != '>') return bogus_comment(lt, lt + 2);
        if (dropped_ == nullptr) dropped_ = lt;   // "</>" is dropped
        p_ = lt + 3;
    }
}

// Text up to the next '<' or '&' (a '<' at `p` itself that starts no markup is included).
Token Tokenizer::text(const char* p) {
    const char* from = p;
    const char* stop = p + 1;
    const auto* lt = static_cast<const char*>(std::memchr(stop, '<', static_cast<std::size_t>(end_ - stop)));
    if (lt == nullptr) lt = end_;
    const auto* amp = static_cast<const char*>(std::memchr(stop, '&', static_cast<std::size_t>(lt - stop)));
    p_ = amp != nullptr ? amp : lt;
    return Token{TokenKind::text, static_cast<std::uint32_t>(from - html_.data()),
                 std::string_view(from, static_cast<std::size_t>(p_ - from)), false};
}

Token Tokenizer::char_ref(const char* amp) {
    const Ref ref = character_reference(amp, end_);
    const auto offset = static_cast<std::uint32_t>(amp - html_.data());
    if (ref.kind == RefKind::irregular) return Token{TokenKind::irregular, offset, {}, false};
    if (ref.kind == RefKind::literal) {
        p_ = amp + 1;
        return Token{TokenKind::text, offset, std::string_view(amp, 1), false};
    }
    p_ = amp + ref.length;
    return Token{TokenKind::char_ref, offset, std::string_view(ref_, encode_utf8(ref.code_point, ref_)), false};
}

// Tag open / end tag open state: the name runs to whitespace, '/' or '>'; then the
// attributes. A tag cut off by the end of the input is irregular (the spec drops it).
Token Tokenizer::tag(const char* lt, bool end) {
    const char* name = lt + (end ? 2 : 1);
    const char* p = name;
    while (p < end_ && !is_space(*p) && *p != '/' && *p != '>') ++p;
    const auto offset = static_cast<std::uint32_t>(lt - html_.data());
    if (p == end_) return Token{TokenKind::irregular, offset, {}, false};
    const std::string_view tag_name(name, static_cast<std::size_t>(p - name));
    attributes_.clear();
    bool self_closing = false;
    p = attributes_until_end(p, self_closing);
    if (p == nullptr) return Token{TokenKind::irregular, offset, {}, false};
    p_ = p;
    return Token{end ? TokenKind::end_tag : TokenKind::start_tag, offset, tag_name, self_closing};
}

// Before attribute name ... after attribute value (quoted) states, to the tag's '>'.
// Returns the position after '>' or nullptr at the end of the input.
const char* Tokenizer::attributes_until_end(const char* p, bool& self_closing) {
    for (;;) {
        while (p < end_ && is_space(*p)) ++p;
        if (p == end_) return nullptr;
        if (*p == '>') return p + 1;
        if (*p == '/') {   // self-closing start tag state; otherwise reconsumed as an attribute
            ++p;
            if (p == end_) return nullptr;
            if (*p == '>') {
                self_closing = true;
                return p + 1;
            }
            continue;
        }
        const char* name = p++;   // a leading '=' belongs to the name
        while (p < end_ && !is_space(*p) && *p != '/' && *p != '>' && *p != '=') ++p;
        TagAttribute a;
        a.name = std::string_view(name, static_cast<std::size_t>(p - name));
        a.value = std::string_view(p, 0);   // no value: the empty string
        while (p < end_ && is_space(*p)) ++p;
        if (p == end_) return nullptr;
        if (*p == '=') {
            ++p;
            while (p < end_ && is_space(*p)) ++p;
            if (p == end_) return nullptr;
            if (*p == '"' || *p == '\'') {
                const char quote = *p++;
                const auto* close = static_cast<const char*>(std::memchr(p, quote, static_cast<std::size_t>(end_ - p)));
                if (close == nullptr) return nullptr;
                a.value = std::string_view(p, static_cast<std::size_t>(close - p));
                p = close + 1;
            } else if (*p != '>') {
                const char* value = p;
                while (p < end_ && !is_space(*p) && *p != '>') ++p;
                a.value = std::string_view(value, static_cast<std::size_t>(p - value));
            }
            a.value_has_ref = a.value.find('&') != std::string_view::npos;
        }
        attributes_.push_back(a);
    }
}

// "<!": a comment, a doctype, or a bogus comment (Word's <![if !supportLists]> / <![endif]>).
Token Tokenizer::markup_declaration(const char* lt) {
    const char* p = lt + 2;
    const auto rest = static_cast<std::size_t>(end_ - p);
    if (rest >= 2 && p[0] == '-' && p[1] == '-') return comment(lt, p + 2);
    if (rest >= 7 && equals_lowercase(std::string_view(p, 7), "doctype")) {
        const auto* gt = static_cast<const char*>(std::memchr(p, '>', rest));
        if (gt == nullptr) return Token{TokenKind::irregular, static_cast<std::uint32_t>(lt - html_.data()), {}, false};
        p_ = gt + 1;
        return Token{TokenKind::doctype, static_cast<std::uint32_t>(lt - html_.data()),
                     std::string_view(p + 7, static_cast<std::size_t>(gt - p - 7)), false};
    }
    if (rest >= 7 && std::string_view(p, 7) == "[CDATA[") {   // foreign content only; not modelled
        return Token{TokenKind::irregular, static_cast<std::uint32_t>(lt - html_.data()), {}, false};
    }
    return bogus_comment(lt, p);
}

// Comment states: "<!-->" and "<!--->" end at once; otherwise the comment ends at the first
// "--" followed by any further '-'s and '>', or by "!>". Unterminated: irregular.
Token Tokenizer::comment(const char* lt, const char* body) {
    const auto offset = static_cast<std::uint32_t>(lt - html_.data());
    const char* p = body;
    if (p < end_ && *p == '>') {
        p_ = p + 1;
        return Token{TokenKind::comment, offset, {}, false};
    }
    if (end_ - p >= 2 && p[0] == '-' && p[1] == '>') {
        p_ = p + 2;
        return Token{TokenKind::comment, offset, {}, false};
    }
    for (;;) {
        const auto* dash = static_cast<const char*>(std::memchr(p, '-', static_cast<std::size_t>(end_ - p)));
        if (dash == nullptr || end_ - dash < 3) return Token{TokenKind::irregular, offset, {}, false};
        if (dash[1] != '-') {
            p = dash + 1;
            continue;
        }
        const char* q = dash + 2;
        while (q < end_ && *q == '-') ++q;
        if (q < end_ && *q == '>') {
            p_ = q + 1;
            return Token{TokenKind::comment, offset, {}, false};
        }
        if (end_ - q >= 2 && q[0] == '!' && q[1] == '>') {
            p_ = q + 2;
            return Token{TokenKind::comment, offset, {}, false};
        }
        p = dash + 1;
    }
}

// Bogus comment state: everything up to the next '>' (or the end of the input).
Token Tokenizer::bogus_comment(const char* lt, const char* body) {
    const auto* gt = static_cast<const char*>(std::memchr(body, '>', static_cast<std::size_t>(end_ - body)));
    p_ = gt == nullptr ? end_ : gt + 1;
    return Token{TokenKind::comment, static_cast<std::uint32_t>(lt - html_.data()), {}, false};
}

// RAWTEXT / RCDATA / script data: up to "</name" followed by whitespace, '/' or '>'
// (the "appropriate end tag"), whose attributes are then read like any tag's.
std::optional<std::string_view> Tokenizer::raw_text(std::string_view tag_name, bool script) {
    const char* const from = p_;
    const char* p = from;
    for (;;) {
        const auto* lt = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end_ - p)));
        if (lt == nullptr || static_cast<std::size_t>(end_ - lt) < tag_name.size() + 3) return std::nullopt;
        const char* after = lt + 2 + tag_name.size();
        if (lt[1] != '/' || !equals_lowercase(std::string_view(lt + 2, tag_name.size()), tag_name) ||
            !(is_space(*after) || *after == '/' || *after == '>')) {
            p = lt + 1;
            continue;
        }
        const std::string_view content(from, static_cast<std::size_t>(lt - from));
        if (script) {
            const std::size_t open = content.find("<!--");
            if (open != std::string_view::npos) {
                for (std::size_t i = content.find('<', open + 4); i != std::string_view::npos;
                     i = content.find('<', i + 1)) {
                    if (content.size() - i > 7 && equals_lowercase(content.substr(i + 1, 6), "script")) {
                        return std::nullopt;   // script data double escaped: not modelled
                    }
                }
            }
        }
        bool self_closing = false;
        attributes_.clear();
        const char* gt = attributes_until_end(after, self_closing);
        if (gt == nullptr) return std::nullopt;
        p_ = gt;
        return content;
    }
}

}  // namespace zfxxgk::tables::html_detail
