#include "tables/html.hpp"

#include <gumbo.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "tables/gumbo_memory.hpp"
#include "tables/html_emitter.hpp"

namespace zfxxgk::tables {

namespace {

using html_detail::GumboMemory;
using html_detail::ElementStart;
using html_detail::HtmlEmitter;
using html_detail::NodeId;
using html_detail::TagClass;

constexpr std::array<TagClass, GUMBO_TAG_LAST + 1> make_tag_classes() {
    std::array<TagClass, GUMBO_TAG_LAST + 1> c{};
    for (GumboTag t : {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
                       GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES}) {
        c[t] = TagClass::skip;
    }
    for (GumboTag t : {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
                       GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
                       GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
                       GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_FRAMESET, GUMBO_TAG_HEADER,
                       GUMBO_TAG_HGROUP, GUMBO_TAG_HR, GUMBO_TAG_LEGEND, GUMBO_TAG_LI, GUMBO_TAG_LISTING,
                       GUMBO_TAG_MAIN, GUMBO_TAG_MENU, GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_OPTION, GUMBO_TAG_P,
                       GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE, GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_UL,
                       GUMBO_TAG_XMP, GUMBO_TAG_COLGROUP}) {
        c[t] = TagClass::block;
    }
    for (GumboTag t : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6}) {
        c[t] = TagClass::heading;
    }
    c[GUMBO_TAG_BR] = TagClass::line_break;
    c[GUMBO_TAG_TITLE] = TagClass::title;
    c[GUMBO_TAG_HEAD] = TagClass::head;
    c[GUMBO_TAG_TABLE] = TagClass::table;
    c[GUMBO_TAG_CAPTION] = TagClass::caption;
    c[GUMBO_TAG_THEAD] = TagClass::row_group;
    c[GUMBO_TAG_TBODY] = TagClass::row_group;
    c[GUMBO_TAG_TFOOT] = TagClass::row_group;
    c[GUMBO_TAG_TR] = TagClass::row;
    c[GUMBO_TAG_TD] = TagClass::cell;
    c[GUMBO_TAG_TH] = TagClass::cell;
    return c;
}

constexpr std::array<TagClass, GUMBO_TAG_LAST + 1> kTagClasses = make_tag_classes();

TagClass classify(const GumboElement& el) {
    const TagClass c = kTagClasses[static_cast<std::size_t>(el.tag) <= GUMBO_TAG_LAST ? el.tag : GUMBO_TAG_UNKNOWN];
    if (el.tag_namespace == GUMBO_NAMESPACE_HTML || c == TagClass::skip) {
        return c;
    }
    return TagClass::other;   // <svg><title>, <math><table>...: just text
}

const GumboVector& children_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

std::optional<std::string_view> attribute(const GumboElement& el, std::string_view name) {
    for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
        if (name == a->name) {
            return std::string_view(a->value);
        }
    }
    return std::nullopt;
}

// Whether an element has a <table> among its descendants (iterative: input nesting is unbounded).
bool holds_table(const GumboNode* node) {
    std::vector<const GumboNode*> todo{node};
    while (!todo.empty()) {
        const GumboNode* n = todo.back();
        todo.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
        if (n != node && n->v.element.tag == GUMBO_TAG_TABLE) return true;
        const GumboVector& children = n->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) todo.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    return false;
}

// gumbo counts columns in code points with tabs expanded; SourcePos counts bytes, so
// positions come from the byte offset alone. Elements the parser implied have line 0.
std::uint32_t offset_of(const GumboSourcePosition& gp) {
    return gp.line == 0 ? html_detail::kUnknownOffset : gp.offset;
}

// One pass over gumbo's tree with an explicit stack (deep nesting cannot overflow the
// call stack), feeding the emitter in document order.
Document walk(const GumboNode* document, std::string_view html, const HtmlOptions& options) {
    struct Frame {
        const GumboNode* node;
        unsigned next;
        HtmlEmitter::Exit exit;
    };
    HtmlEmitter emitter(html, options);
    std::vector<Frame> stack;
    stack.reserve(64);
    stack.push_back(Frame{document, 0, HtmlEmitter::Exit::none});
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboVector& children = children_of(f.node);
        if (f.next == children.length) {
            const HtmlEmitter::Exit exit = f.exit;
            stack.pop_back();
            emitter.leave(exit);
            continue;
        }
        const auto* node = static_cast<const GumboNode*>(children.data[f.next++]);   // f may dangle below
        switch (node->type) {
        case GUMBO_NODE_ELEMENT: {
            const GumboElement& el = node->v.element;
            ElementStart e;
            e.cls = classify(el);
            e.node = reinterpret_cast<NodeId>(node);
            e.parent = reinterpret_cast<NodeId>(node->parent);
            e.offset = offset_of(el.start_pos);
            e.foot = el.tag == GUMBO_TAG_TFOOT;
            if (e.cls == TagClass::cell) {
                e.holds_table = holds_table(node);
                e.colspan = attribute(el, "colspan");
                e.rowspan = attribute(el, "rowspan");
            }
            const HtmlEmitter::Exit exit = emitter.enter(e);
            if (exit == HtmlEmitter::Exit::skip) {
                break;
            }
            if (el.children.length != 0) {
                stack.push_back(Frame{node, 0, exit});
            } else {
                emitter.leave(exit);
            }
            break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            emitter.text(node->v.text.text, offset_of(node->v.text.start_pos));
            break;
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_COMMENT:
        case GUMBO_NODE_TEMPLATE:   // <template> content is inert
            break;
        }
    }
    return emitter.finish();
}

}  // namespace

Document parse_html(std::string_view utf8_html, const HtmlOptions& options) {
    GumboMemory memory;   // declared first: the tree outlives the walk, then goes in one loop
    GumboOptions gumbo_options = kGumboDefaultOptions;
    gumbo_options.max_errors = 0;   // do not record parse errors
    memory.install(gumbo_options);
    const char* data = utf8_html.empty() ? "" : utf8_html.data();
    const GumboOutput* output = gumbo_parse_with_options(&gumbo_options, data, utf8_html.size());
    return walk(output->document, utf8_html, options);
}

}  // namespace zfxxgk::tables
