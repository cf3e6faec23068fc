#include "tables/html_fast_tags.hpp"

#include <array>
#include <cstddef>

namespace zfxxgk::tables::html_detail {

namespace {

struct Named {
    std::string_view name;
    Tag tag;
    TagClass cls;
    TagGroup group;
    bool special;
};

using C = TagClass;
using G = TagGroup;

// The modelled tags. The emitter classes repeat tables/html.cpp's table for gumbo's tags.
constexpr Named kModelled[] = {
    {"html", Tag::html, C::block, G::other, true},
    {"head", Tag::head, C::head, G::other, true},
    {"body", Tag::body, C::block, G::other, true},
    {"title", Tag::title, C::title, G::other, true},
    {"base", Tag::base, C::other, G::void_element, true},
    {"basefont", Tag::basefont, C::other, G::void_element, true},
    {"bgsound", Tag::bgsound, C::other, G::void_element, true},
    {"link", Tag::link, C::other, G::void_element, true},
    {"meta", Tag::meta, C::other, G::void_element, true},
    {"script", Tag::script, C::skip, G::raw_text, true},
    {"style", Tag::style, C::skip, G::raw_text, true},
    {"iframe", Tag::iframe, C::skip, G::raw_text, true},
    {"noembed", Tag::noembed, C::skip, G::raw_text, true},
    {"noframes", Tag::noframes, C::skip, G::raw_text, true},
    {"address", Tag::address, C::block, G::block, true},
    {"article", Tag::article, C::block, G::block, true},
    {"aside", Tag::aside, C::block, G::block, true},
    {"blockquote", Tag::blockquote, C::block, G::block, true},
    {"center", Tag::center, C::block, G::block, true},
    {"div", Tag::div, C::block, G::block, true},
    {"dl", Tag::dl, C::block, G::block, true},
    {"fieldset", Tag::fieldset, C::block, G::block, true},
    {"figcaption", Tag::figcaption, C::block, G::block, true},
    {"figure", Tag::figure, C::block, G::block, true},
    {"footer", Tag::footer, C::block, G::block, true},
    {"header", Tag::header, C::block, G::block, true},
    {"hgroup", Tag::hgroup, C::block, G::block, true},
    {"main", Tag::main, C::block, G::block, false},   // gumbo 0.10.1 does not count it special
    {"nav", Tag::nav, C::block, G::block, true},
    {"ol", Tag::ol, C::block, G::block, true},
    {"p", Tag::p, C::block, G::other, true},
    {"section", Tag::section, C::block, G::block, true},
    {"ul", Tag::ul, C::block, G::block, true},
    {"h1", Tag::h1, C::heading, G::heading, true},
    {"h2", Tag::h2, C::heading, G::heading, true},
    {"h3", Tag::h3, C::heading, G::heading, true},
    {"h4", Tag::h4, C::heading, G::heading, true},
    {"h5", Tag::h5, C::heading, G::heading, true},
    {"h6", Tag::h6, C::heading, G::heading, true},
    {"li", Tag::li, C::block, G::other, true},
    {"dd", Tag::dd, C::block, G::other, true},
    {"dt", Tag::dt, C::block, G::other, true},
    {"hr", Tag::hr, C::block, G::void_element, true},
    {"br", Tag::br, C::line_break, G::void_element, true},
    {"img", Tag::img, C::other, G::void_element, true},
    {"input", Tag::input, C::other, G::void_element, true},
    {"wbr", Tag::wbr, C::other, G::void_element, true},
    {"area", Tag::area, C::other, G::void_element, true},
    {"embed", Tag::embed, C::other, G::void_element, true},
    {"param", Tag::param, C::other, G::void_element, true},
    {"source", Tag::source, C::other, G::void_element, true},
    {"track", Tag::track, C::other, G::void_element, true},
    {"form", Tag::form, C::block, G::other, true},
    {"table", Tag::table, C::table, G::other, true},
    {"caption", Tag::caption, C::caption, G::other, true},
    {"tbody", Tag::tbody, C::row_group, G::other, true},
    {"thead", Tag::thead, C::row_group, G::other, true},
    {"tfoot", Tag::tfoot, C::row_group, G::other, true},
    {"tr", Tag::tr, C::row, G::other, true},
    {"td", Tag::td, C::cell, G::other, true},
    {"th", Tag::th, C::cell, G::other, true},
    {"a", Tag::a, C::other, G::formatting, false},
    {"b", Tag::b, C::other, G::formatting, false},
    {"big", Tag::big, C::other, G::formatting, false},
    {"code", Tag::code, C::other, G::formatting, false},
    {"em", Tag::em, C::other, G::formatting, false},
    {"font", Tag::font, C::other, G::formatting, false},
    {"i", Tag::i, C::other, G::formatting, false},
    {"s", Tag::s, C::other, G::formatting, false},
    {"small", Tag::small, C::other, G::formatting, false},
    {"strike", Tag::strike, C::other, G::formatting, false},
    {"strong", Tag::strong, C::other, G::formatting, false},
    {"tt", Tag::tt, C::other, G::formatting, false},
    {"u", Tag::u, C::other, G::formatting, false},
    {"span", Tag::span, C::other, G::ordinary, false},
    {"abbr", Tag::abbr, C::other, G::ordinary, false},
    {"acronym", Tag::acronym, C::other, G::ordinary, false},
    {"bdi", Tag::bdi, C::other, G::ordinary, false},
    {"bdo", Tag::bdo, C::other, G::ordinary, false},
    {"cite", Tag::cite, C::other, G::ordinary, false},
    {"data", Tag::data, C::other, G::ordinary, false},
    {"dfn", Tag::dfn, C::other, G::ordinary, false},
    {"del", Tag::del, C::other, G::ordinary, false},
    {"ins", Tag::ins, C::other, G::ordinary, false},
    {"kbd", Tag::kbd, C::other, G::ordinary, false},
    {"label", Tag::label, C::other, G::ordinary, false},
    {"mark", Tag::mark, C::other, G::ordinary, false},
    {"q", Tag::q, C::other, G::ordinary, false},
    {"samp", Tag::samp, C::other, G::ordinary, false},
    {"sub", Tag::sub, C::other, G::ordinary, false},
    {"sup", Tag::sup, C::other, G::ordinary, false},
    {"time", Tag::time, C::other, G::ordinary, false},
    {"var", Tag::var, C::other, G::ordinary, false},
};

// The rest of gumbo 0.10.1's tag names: rules of their own, foreign content, or elements
// the fast path leaves to gumbo to be safe.
constexpr std::string_view kUnsupported[] = {
    "noscript", "template", "pre", "dir", "details", "summary", "menu", "menuitem", "listing", "xmp",
    "plaintext", "textarea", "select", "option", "optgroup", "datalist", "button", "keygen", "output",
    "progress", "meter", "legend", "ruby", "rt", "rp", "rb", "rtc", "image", "video", "audio", "canvas",
    "map", "object", "applet", "marquee", "nobr", "math", "mi", "mo", "mn", "ms", "mtext", "mglyph",
    "malignmark", "annotation-xml", "svg", "foreignobject", "desc", "colgroup", "col", "frame", "frameset",
    "isindex", "nextid", "blink", "multicol", "spacer",
};

constexpr std::size_t kSlots = 512;

struct Slot {
    std::string_view name;   // lowercase; empty = free
    Tag tag = Tag::unknown;
};

std::size_t hash_lowercase(std::string_view lower) {
    std::size_t h = 2166136261u;
    for (const char c : lower) {
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    return h;
}

struct Tables {
    std::array<TagInfo, static_cast<std::size_t>(Tag::count)> info{};
    std::array<Slot, kSlots> slots{};

    Tables() {
        info[static_cast<std::size_t>(Tag::unknown)] = TagInfo{C::other, G::ordinary, false};
        info[static_cast<std::size_t>(Tag::unsupported)] = TagInfo{C::other, G::other, true};
        for (const Named& n : kModelled) {
            info[static_cast<std::size_t>(n.tag)] = TagInfo{n.cls, n.group, n.special};
            add(n.name, n.tag);
        }
        for (const std::string_view name : kUnsupported) {
            add(name, Tag::unsupported);
        }
    }

    void add(std::string_view name, Tag tag) {
        std::size_t i = hash_lowercase(name) % kSlots;
        while (!slots[i].name.empty()) {
            i = (i + 1) % kSlots;
        }
        slots[i] = Slot{name, tag};
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

const TagInfo& tag_info(Tag tag) { return tables().info[static_cast<std::size_t>(tag)]; }

Tag lookup_tag(std::string_view name) {
    char lower[16];
    if (name.size() > sizeof lower) {
        return Tag::unknown;   // longer than any tag gumbo knows
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    const std::string_view key(lower, name.size());
    const Tables& t = tables();
    for (std::size_t i = hash_lowercase(key) % kSlots;; i = (i + 1) % kSlots) {
        const Slot& s = t.slots[i];
        if (s.name.empty()) return Tag::unknown;
        if (s.name == key) return s.tag;
    }
}

}  // namespace zfxxgk::tables::html_detail
