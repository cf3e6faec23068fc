#pragma once
// Internal to tables/: the tags the fast HTML path models, with what HTML5 tree
// construction and the emitter make of each.
#include <cstdint>
#include <string_view>

#include "tables/html_emitter.hpp"

namespace zfxxgk::tables::html_detail {

enum class Tag : std::uint8_t {
    unknown,       // a name gumbo does not know: an ordinary element; gumbo matches any such end tag to any such element
    unsupported,   // a tag gumbo knows whose rules the fast path does not model
    html, head, body, title, base, basefont, bgsound, link, meta, script, style, iframe, noembed, noframes,
    address, article, aside, blockquote, center, div, dl, fieldset, figcaption, figure, footer, header, hgroup,
    main, nav, ol, p, section, ul,
    h1, h2, h3, h4, h5, h6, li, dd, dt,
    hr, br, img, input, wbr, area, embed, param, source, track,
    form, table, caption, tbody, thead, tfoot, tr, td, th,
    a, b, big, code, em, font, i, s, small, strike, strong, tt, u,
    span, abbr, acronym, bdi, bdo, cite, data, dfn, del, ins, kbd, label, mark, q, samp, sub, sup, time, var,
    count
};

// How "in body" treats a start tag (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody).
enum class TagGroup : std::uint8_t {
    ordinary,     // "any other start tag"
    formatting,   // a, b, big, code, em, font, i, s, small, strike, strong, tt, u
    block,        // closes a p in button scope; its end tag: "address, article, ..." rule
    heading,
    void_element, // inserted and popped at once
    raw_text,     // script, style, iframe, noembed, noframes: content skipped
    other,        // rules of their own (html, head, body, title, p, li, dd, dt, form, table parts)
};

struct TagInfo {
    TagClass cls = TagClass::other;   // what the emitter makes of it (same as for gumbo's tag)
    TagGroup group = TagGroup::ordinary;
    bool special = false;             // the spec's "special" category
};

[[nodiscard]] const TagInfo& tag_info(Tag tag);

// The tag for a name as written (ASCII case-insensitive).
[[nodiscard]] Tag lookup_tag(std::string_view name);

[[nodiscard]] inline bool is_heading(Tag t) { return t >= Tag::h1 && t <= Tag::h6; }
[[nodiscard]] inline bool is_cell(Tag t) { return t == Tag::td || t == Tag::th; }
[[nodiscard]] inline bool is_row_group(Tag t) { return t == Tag::tbody || t == Tag::thead || t == Tag::tfoot; }
// Elements with a table insertion mode of their own (the "reset the insertion mode" list).
[[nodiscard]] inline bool is_table_context(Tag t) {
    return t == Tag::table || t == Tag::caption || is_row_group(t) || t == Tag::tr || is_cell(t);
}

}  // namespace zfxxgk::tables::html_detail
