#include "tables/html_links.hpp"

#include <gumbo.h>

#include "tables/gumbo_memory.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace zfxxgk::tables {
namespace {

using html_detail::GumboMemory;

// Appends text with runs of whitespace (and &nbsp;) collapsed to one space.
void append_collapsed(std::string& out, std::string_view text, std::size_t cap) {
    for (std::size_t i = 0; i < text.size() && out.size() < cap; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            space = true;
            ++i;
        } else if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[i + 2]) == 0x80) {
            space = true;  // U+3000 ideographic space
            i += 2;
        }
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
}

// Cuts at `cap` bytes (on a UTF-8 boundary), then drops trailing spaces — in this order, so
// that a cut right after a space leaves none (a fuzzer find).
std::string finish_text(std::string s, std::size_t cap) {
    if (s.size() > cap) {
        std::size_t cut = cap;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s.resize(cut);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string collapsed(std::string_view text, std::size_t cap) {
    std::string s;
    append_collapsed(s, text, cap + 8);
    return finish_text(std::move(s), cap);
}

const char* attr(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a != nullptr ? a->value : nullptr;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

// Text of all descendants of `node` (iteratively), collapsed.
std::string descendant_text(const GumboNode* node, std::size_t cap) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty() && out.size() < cap + 8) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            append_collapsed(out, n->v.text.text, cap + 8);
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboVector& ch = n->v.element.children;
            if (n != node && n->v.element.tag == GUMBO_TAG_IMG) {
                if (const char* alt = attr(n->v.element, "alt")) append_collapsed(out, alt, cap + 8);
            }
            for (unsigned i = ch.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(ch.data[i - 1]));
        }
    }
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return finish_text(std::move(out), cap);
}

std::size_t skip_ws(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// A JavaScript string literal at `i` ('…' or "…"); advances `i` past it. Escapes are kept
// except \/ (common in JSON-ish scripts).
std::optional<std::string> read_js_string(std::string_view s, std::size_t& i) {
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return std::nullopt;
    const char quote = s[i++];
    std::string out;
    while (i < s.size() && s[i] != quote) {
        if (s[i] == '\n') return std::nullopt;
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        out.push_back(s[i++]);
        if (out.size() > 4096) return std::nullopt;
    }
    if (i >= s.size()) return std::nullopt;
    ++i;
    return out;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

void scan_location(std::string_view s, PageLinks& out) {
    std::size_t from = 0;
    while (out.script_redirects.size() < 20) {
        const std::size_t at = s.find("location", from);
        if (at == std::string_view::npos) return;
        from = at + 8;
        if (at > 0 && ident_char(s[at - 1]) && s[at - 1] != '.') continue;  // "mylocation"
        std::size_t i = at + 8;
        if (s.substr(i, 5) == ".href") i += 5;
        i = skip_ws(s, i);
        bool call = false;
        if (s.substr(i, 8) == ".replace" || s.substr(i, 7) == ".assign") {
            i = skip_ws(s, i + (s[i + 1] == 'r' ? 8 : 7));
            if (i >= s.size() || s[i] != '(') continue;
            i = skip_ws(s, i + 1);
            call = true;
        } else if (i < s.size() && s[i] == '=' && (i + 1 >= s.size() || s[i + 1] != '=')) {
            i = skip_ws(s, i + 1);
        } else {
            continue;
        }
        const auto url = read_js_string(s, i);
        if (!url || url->empty()) continue;
        i = skip_ws(s, i);
        if (i < s.size() && s[i] == '+') continue;  // built at run time: not a fixed target
        if (call && (i >= s.size() || s[i] != ')')) continue;
        out.script_redirects.push_back(*url);
    }
}

std::optional<int> read_int(std::string_view s, std::size_t& i) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
    if (ec != std::errc() || p == s.data() + i) return std::nullopt;
    i = static_cast<std::size_t>(p - s.data());
    return v;
}

// createPageHTML(5, 0, "index", "html") or createPageHTML('page_div', 5, 0, 'index', 'html', 68):
// the first integer is the page count, the last two strings name the pages.
void scan_create_page_html(std::string_view s, PageLinks& out) {
    std::size_t from = 0;
    while (out.page_counts.size() < 20) {
        const std::size_t at = s.find("createPageHTML", from);
        if (at == std::string_view::npos) return;
        from = at + 14;
        std::size_t i = skip_ws(s, at + 14);
        if (i >= s.size() || s[i] != '(') continue;
        ++i;
        std::optional<int> count;
        std::vector<std::string> strings;
        bool ok = true;
        for (int arg = 0; arg < 10 && ok; ++arg) {
            i = skip_ws(s, i);
            if (i >= s.size()) {
                ok = false;
                break;
            }
            if (s[i] == '"' || s[i] == '\'') {
                auto str = read_js_string(s, i);
                if (!str) ok = false; else strings.push_back(*str);
            } else if (std::isdigit(static_cast<unsigned char>(s[i]))) {
                auto v = read_int(s, i);
                if (!v) ok = false; else if (!count) count = *v;
            } else {
                ok = false;  // an identifier or expression: the definition, or a computed call
                break;
            }
            i = skip_ws(s, i);
            if (i < s.size() && s[i] == ',') {
                ++i;
                continue;
            }
            if (i < s.size() && s[i] == ')') break;
            ok = false;
        }
        if (!ok || !count || *count < 1) continue;
        PageCount pc;
        pc.pattern = PageCountPattern::create_page_html;
        pc.count = *count;
        if (strings.size() >= 2) {
            pc.prefix = strings[strings.size() - 2];
            pc.extension = strings.back();
        }
        out.page_counts.push_back(std::move(pc));
    }
}

void scan_count_page(std::string_view s, PageLinks& out) {
    std::size_t from = 0;
    while (out.page_counts.size() < 20) {
        const std::size_t at = s.find("countPage", from);
        if (at == std::string_view::npos) return;
        from = at + 9;
        if (at > 0 && ident_char(s[at - 1])) continue;
        if (at + 9 < s.size() && ident_char(s[at + 9])) continue;
        std::size_t i = skip_ws(s, at + 9);
        if (i >= s.size() || s[i] != '=' || (i + 1 < s.size() && s[i + 1] == '=')) continue;
        i = skip_ws(s, i + 1);
        if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
        const auto v = read_int(s, i);
        if (!v || *v < 1) continue;
        out.page_counts.push_back({PageCountPattern::count_page, *v, "", ""});
    }
}

void visit_element(const GumboNode* node, PageLinks& out, const LinkOptions& options) {
    const GumboElement& e = node->v.element;
    auto add = [&](LinkElement kind, const char* href) {
        if (href == nullptr) return;
        if (out.links.size() >= options.max_links) {
            out.links_truncated = true;
            return;
        }
        Link l;
        l.href = collapsed(href, 8192);
        l.element = kind;
        if (const char* t = attr(e, "title")) l.title = collapsed(t, options.max_text_bytes);
        if (kind == LinkElement::a) l.text = descendant_text(node, options.max_text_bytes);
        if (kind == LinkElement::area) {
            if (const char* alt = attr(e, "alt")) l.text = collapsed(alt, options.max_text_bytes);
        }
        out.links.push_back(std::move(l));
    };
    switch (e.tag) {
        case GUMBO_TAG_A: add(LinkElement::a, attr(e, "href")); break;
        case GUMBO_TAG_AREA: add(LinkElement::area, attr(e, "href")); break;
        case GUMBO_TAG_FRAME: add(LinkElement::frame, attr(e, "src")); break;
        case GUMBO_TAG_IFRAME: add(LinkElement::iframe, attr(e, "src")); break;
        case GUMBO_TAG_BASE:
            if (out.base_href.empty()) {
                if (const char* h = attr(e, "href")) out.base_href = collapsed(h, 8192);
            }
            break;
        case GUMBO_TAG_TITLE:
            if (out.title.empty()) out.title = descendant_text(node, 2000);
            break;
        case GUMBO_TAG_META: {
            const char* equiv = attr(e, "http-equiv");
            const char* content = attr(e, "content");
            if (equiv != nullptr && content != nullptr && iequals(collapsed(equiv, 64), "refresh") && !out.meta_refresh) {
                out.meta_refresh = refresh_url(content);
            }
            break;
        }
        case GUMBO_TAG_SCRIPT: {
            const GumboVector& ch = e.children;
            for (unsigned i = 0; i < ch.length; ++i) {
                const auto* c = static_cast<const GumboNode*>(ch.data[i]);
                if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) scan_script(c->v.text.text, out);
            }
            break;
        }
        default: break;
    }
    if (const char* onload = attr(e, "onload")) scan_location(onload, out);
}

}  // namespace

std::optional<std::string> refresh_url(std::string_view content) {
    std::size_t i = skip_ws(content, 0);
    while (i < content.size() && (std::isdigit(static_cast<unsigned char>(content[i])) || content[i] == '.')) ++i;
    i = skip_ws(content, i);
    if (i < content.size() && (content[i] == ';' || content[i] == ',')) ++i;
    i = skip_ws(content, i);
    std::string_view rest = content.substr(i);
    if (rest.size() >= 3 && iequals(rest.substr(0, 3), "url")) {
        std::size_t j = skip_ws(rest, 3);
        if (j < rest.size() && rest[j] == '=') rest = rest.substr(skip_ws(rest, j + 1));
    }
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
        const char q = rest.front();
        rest.remove_prefix(1);
        const std::size_t end = rest.find(q);
        if (end != std::string_view::npos) rest = rest.substr(0, end);
    }
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\n' || rest.back() == '\r')) {
        rest.remove_suffix(1);
    }
    if (rest.empty()) return std::nullopt;
    return std::string(rest.substr(0, 8192));
}

void scan_script(std::string_view script, PageLinks& out) {
    scan_location(script, out);
    scan_create_page_html(script, out);
    scan_count_page(script, out);
}

PageLinks extract_links(std::string_view utf8_html, const LinkOptions& options) {
    PageLinks out;
    GumboMemory arena;  // declared first: the tree is freed after the walk, in one loop
    GumboOptions gumbo_options = kGumboDefaultOptions;
    gumbo_options.max_errors = 0;
    arena.install(gumbo_options);
    const char* data = utf8_html.empty() ? "" : utf8_html.data();
    const GumboOutput* output = gumbo_parse_with_options(&gumbo_options, data, utf8_html.size());
    std::vector<const GumboNode*> stack{output->document};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
        const GumboVector* children = nullptr;
        if (n->type == GUMBO_NODE_ELEMENT) {
            visit_element(n, out, options);
            children = &n->v.element.children;
        } else {
            children = &n->v.document.children;
        }
        for (unsigned i = children->length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
    return out;
}

}  // namespace zfxxgk::tables
