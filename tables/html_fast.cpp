#include "tables/html_fast.hpp"

#include <vector>

#include "tables/html_emitter.hpp"
#include "tables/html_fast_builder.hpp"
#include "tables/html_tokenizer.hpp"

namespace zfxxgk::tables {

namespace {

using html_detail::CellSpans;
using html_detail::ElementStart;
using html_detail::Event;
using html_detail::FlatTree;
using html_detail::HtmlEmitter;
using html_detail::kNone;
using html_detail::Slice;

// Feeds the flat tree to the emitter as gumbo's walk feeds it the tree.
Document replay(const FlatTree& tree, std::string_view html, const HtmlOptions& options) {
    const auto slice = [&](const Slice& s, bool in_arena) {
        return (in_arena ? std::string_view(tree.arena) : html).substr(s.start, s.length);
    };
    HtmlEmitter emitter(html, options);
    std::vector<HtmlEmitter::Exit> exits;
    exits.reserve(64);
    std::size_t skipping = 0;   // depth inside an element the emitter skips
    for (const Event& e : tree.events) {
        switch (e.kind) {
        case Event::Kind::enter: {
            if (skipping != 0) {
                ++skipping;
                break;
            }
            ElementStart s;
            s.cls = e.cls;
            s.node = e.node;
            s.parent = e.parent;
            s.offset = e.offset;
            s.foot = e.foot;
            s.holds_table = e.holds_table;
            if (e.cell != kNone) {
                const CellSpans& c = tree.cells[e.cell];
                if (c.colspan.length != kNone) s.colspan = slice(c.colspan, false);
                if (c.rowspan.length != kNone) s.rowspan = slice(c.rowspan, false);
            }
            const HtmlEmitter::Exit exit = emitter.enter(s);
            if (exit == HtmlEmitter::Exit::skip) {
                skipping = 1;
            } else {
                exits.push_back(exit);
            }
            break;
        }
        case Event::Kind::leave:
            if (skipping != 0) {
                --skipping;
                break;
            }
            emitter.leave(exits.back());
            exits.pop_back();
            break;
        case Event::Kind::text:
            if (skipping == 0) emitter.text(slice(e.text, e.in_arena), e.offset);
            break;
        }
    }
    return emitter.finish();
}

}  // namespace

std::optional<Document> parse_html_fast(std::string_view utf8_html, const HtmlOptions& options) {
    if (utf8_html.size() >= html_detail::kUnknownOffset || !html_detail::acceptable_input(utf8_html)) {
        return std::nullopt;
    }
    const std::optional<FlatTree> tree = html_detail::build_flat_tree(utf8_html);
    if (!tree) {
        return std::nullopt;
    }
    return replay(*tree, utf8_html, options);
}

}  // namespace zfxxgk::tables
