#include "tables/html_fast_builder.hpp"

#include <utility>

namespace zfxxgk::tables::html_detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::size_t leading_space(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && is_space(s[n])) ++n;
    return n;
}

std::string_view raw_text_name(Tag tag) {
    switch (tag) {
    case Tag::script: return "script";
    case Tag::style: return "style";
    case Tag::iframe: return "iframe";
    case Tag::noembed: return "noembed";
    case Tag::noframes: return "noframes";
    default: return "title";
    }
}

}  // namespace

std::optional<FlatTree> build_flat_tree(std::string_view html) {
    Builder builder(html);
    try {
        builder.run();
    } catch (const Irregular&) {
        return std::nullopt;
    }
    return builder.take();
}

Builder::Builder(std::string_view html) : html_(html), tokens_(html) {
    tree_.events.reserve(html.size() / 64 + 16);
    stack_.reserve(64);
}

void Builder::run() {
    for (;;) {
        const Token t = tokens_.next();
        switch (t.kind) {
        case TokenKind::text:
            text(t.text, t.offset, true);
            break;
        case TokenKind::char_ref:
            text(t.text, t.offset, false);
            break;
        case TokenKind::start_tag:
            start_tag(t);
            break;
        case TokenKind::end_tag:
            end_tag(t);
            break;
        case TokenKind::comment:
            flush();   // a comment node ends the text node, wherever it goes
            break;
        case TokenKind::doctype:
            doctype(t);
            break;
        case TokenKind::end_of_file:
            end_of_file();
            return;
        case TokenKind::irregular:
            irregular();
        }
    }
}

// ---------------------------------------------------------------------------------------
// Text

void Builder::text(std::string_view s, std::uint32_t offset, bool from_input) {
    while (phase_ != Phase::body) {
        std::size_t space = leading_space(s);
        if (phase_ == Phase::in_head || phase_ == Phase::after_head) {
            if (space != 0) append_text(s.substr(0, space), offset, from_input);   // inserted
        }
        s.remove_prefix(space);   // before <head>: ignored
        if (s.empty()) return;
        if (space != 0) {   // the text goes on from its first non-space character
            offset = from_input ? static_cast<std::uint32_t>(s.data() - html_.data())
                                : offset + static_cast<std::uint32_t>(space);
        }
        switch (phase_) {
        case Phase::initial:
            phase_ = Phase::before_html;
            break;
        case Phase::before_html:
            insert(Tag::html, offset);
            phase_ = Phase::before_head;
            break;
        case Phase::before_head:
            insert(Tag::head, offset);
            phase_ = Phase::in_head;
            break;
        case Phase::in_head:
            pop();
            phase_ = Phase::after_head;
            break;
        case Phase::after_head:
            insert(Tag::body, offset);
            phase_ = Phase::body;
            break;
        case Phase::body:
            break;
        }
    }
    const Mode m = mode();
    if ((m == Mode::table || m == Mode::table_body || m == Mode::row) && leading_space(s) != s.size()) {
        irregular();   // foster parenting
    }
    append_text(s, offset, from_input);
}

void Builder::append_text(std::string_view s, std::uint32_t offset, bool from_input) {
    PendingText& p = pending_;
    if (!p.active) {
        p.active = true;
        p.offset = offset;
        p.in_arena = !from_input;
        if (from_input) {
            p.text = Slice{static_cast<std::uint32_t>(s.data() - html_.data()), static_cast<std::uint32_t>(s.size())};
            return;
        }
        p.text = Slice{static_cast<std::uint32_t>(tree_.arena.size()), 0};
    } else if (!p.in_arena) {
        if (from_input && s.data() == html_.data() + p.text.start + p.text.length) {
            p.text.length += static_cast<std::uint32_t>(s.size());   // contiguous in the input
            return;
        }
        const std::string_view before = html_.substr(p.text.start, p.text.length);
        p.text.start = static_cast<std::uint32_t>(tree_.arena.size());
        tree_.arena.append(before);
        p.in_arena = true;
    }
    tree_.arena.append(s);
    p.text.length = static_cast<std::uint32_t>(tree_.arena.size() - p.text.start);
}

void Builder::flush() {
    if (!pending_.active) return;
    pending_.active = false;
    Event e;
    e.kind = Event::Kind::text;
    e.offset = pending_.offset;
    e.text = pending_.text;
    e.in_arena = pending_.in_arena;
    tree_.events.push_back(e);
}

// ---------------------------------------------------------------------------------------
// Doctype and end of file

// Only "table closes an open p" depends on the mode; the doctypes real pages carry are
// recognised, any other makes that one case irregular.
void Builder::doctype(const Token& t) {
    if (phase_ != Phase::initial) return;   // ignored
    std::string collapsed;
    for (const char c : t.text) {
        if (is_space(c)) {
            if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
        } else {
            collapsed.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
        }
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    if (collapsed == "html" ||
        collapsed == "html public \"-//w3c//dtd xhtml 1.0 transitional//en\" "
                     "\"http://www.w3.org/tr/xhtml1/dtd/xhtml1-transitional.dtd\"" ||
        collapsed == "html public \"-//w3c//dtd xhtml 1.0 strict//en\" "
                     "\"http://www.w3.org/tr/xhtml1/dtd/xhtml1-strict.dtd\"") {
        quirks_ = Quirks::no_quirks;
    } else {
        quirks_ = Quirks::unknown;
    }
    phase_ = Phase::before_html;
}

void Builder::end_of_file() {
    switch (phase_) {
    case Phase::initial:
    case Phase::before_html:
        insert(Tag::html, kUnknownOffset);
        [[fallthrough]];
    case Phase::before_head:
        insert(Tag::head, kUnknownOffset);
        [[fallthrough]];
    case Phase::in_head:
        pop();
        [[fallthrough]];
    case Phase::after_head:
        insert(Tag::body, kUnknownOffset);
        break;
    case Phase::body:
        break;
    }
    if (!table_context_.empty()) {
        irregular();   // an unclosed table
    }
    while (!stack_.empty()) {
        pop();
    }
    flush();
}

Mode Builder::mode() const {
    if (table_context_.empty()) return Mode::body;
    const Tag t = stack_[table_context_.back()].tag;
    if (is_cell(t)) return Mode::cell;
    if (t == Tag::tr) return Mode::row;
    if (is_row_group(t)) return Mode::table_body;
    if (t == Tag::caption) return Mode::caption;
    return Mode::table;
}

// ---------------------------------------------------------------------------------------
// Tags before the body

void Builder::start_tag(const Token& t) {
    const Tag tag = lookup_tag(t.text);
    if (tag == Tag::unsupported) irregular();
    for (;;) {
        switch (phase_) {
        case Phase::initial:
            phase_ = Phase::before_html;
            continue;
        case Phase::before_html:
            insert(Tag::html, t.offset);
            phase_ = Phase::before_head;
            if (tag == Tag::html) return;
            continue;
        case Phase::before_head:
            if (tag == Tag::html) return;   // its attributes go to <html>
            insert(Tag::head, t.offset);
            phase_ = Phase::in_head;
            if (tag == Tag::head) return;
            continue;
        case Phase::in_head:
            if (head_start_tag(tag, t)) return;
            pop();   // the head
            phase_ = Phase::after_head;
            continue;
        case Phase::after_head:
            if (tag == Tag::body) {
                insert(Tag::body, t.offset);
                phase_ = Phase::body;
                return;
            }
            // gumbo puts these back into <head>; the emitter reads them the same anywhere
            if (head_start_tag(tag, t)) return;
            insert(Tag::body, t.offset);
            phase_ = Phase::body;
            continue;
        case Phase::body:
            body_start_tag(tag, t);
            return;
        }
    }
}

// "in head": true when the tag belongs there.
bool Builder::head_start_tag(Tag tag, const Token& t) {
    switch (tag) {
    case Tag::html:
    case Tag::head:
        return true;   // ignored
    case Tag::base:
    case Tag::basefont:
    case Tag::bgsound:
    case Tag::link:
    case Tag::meta:
        insert_void(tag, t.offset);
        return true;
    case Tag::title:
        insert_title(t);
        return true;
    case Tag::noframes:
    case Tag::style:
    case Tag::script:
        insert_raw_text(tag, t);
        return true;
    default:
        return false;
    }
}

void Builder::end_tag(const Token& t) {
    const Tag tag = lookup_tag(t.text);
    if (tag == Tag::unsupported) irregular();
    const bool ends_head = tag == Tag::head || tag == Tag::body || tag == Tag::html || tag == Tag::br;
    for (;;) {
        switch (phase_) {
        case Phase::initial:
            phase_ = Phase::before_html;
            continue;
        case Phase::before_html:
            if (!ends_head) return;   // ignored
            insert(Tag::html, t.offset);
            phase_ = Phase::before_head;
            continue;
        case Phase::before_head:
            if (!ends_head) return;
            insert(Tag::head, t.offset);
            phase_ = Phase::in_head;
            continue;
        case Phase::in_head:
            if (!ends_head) return;
            pop();
            phase_ = Phase::after_head;
            if (tag == Tag::head) return;
            continue;
        case Phase::after_head:
            if (!ends_head || tag == Tag::head) return;
            insert(Tag::body, t.offset);
            phase_ = Phase::body;
            continue;
        case Phase::body:
            body_end_tag(tag, t);
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// The stack of open elements

std::uint32_t Builder::insert(Tag tag, std::uint32_t offset) {
    if (stack_.size() == kMaxOpenElements) irregular();
    flush();
    const std::uint32_t id = next_id_++;
    const TagClass cls = tag_info(tag).cls;
    std::uint32_t event = kNone;
    if (cls != TagClass::other && cls != TagClass::skip) {
        Event e;
        e.kind = Event::Kind::enter;
        e.cls = cls;
        e.foot = tag == Tag::tfoot;
        e.offset = offset;
        e.node = id;
        e.parent = stack_.empty() ? 0 : stack_.back().id;
        event = static_cast<std::uint32_t>(tree_.events.size());
        tree_.events.push_back(e);
    }
    stack_.push_back(Open{tag, id, event});
    if (is_table_context(tag)) table_context_.push_back(static_cast<std::uint32_t>(stack_.size() - 1));
    return id;
}

void Builder::insert_cell(Tag tag, const Token& t) {
    CellSpans spans;
    bool seen_colspan = false;
    bool seen_rowspan = false;
    for (const TagAttribute& a : tokens_.attributes()) {
        const bool colspan = !seen_colspan && equals_lowercase(a.name, "colspan");
        const bool rowspan = !seen_rowspan && equals_lowercase(a.name, "rowspan");
        if (!colspan && !rowspan) continue;
        if (a.value_has_ref) irregular();
        const Slice value{static_cast<std::uint32_t>(a.value.data() - html_.data()),
                          static_cast<std::uint32_t>(a.value.size())};
        if (colspan) {
            spans.colspan = value;
            seen_colspan = true;
        } else {
            spans.rowspan = value;
            seen_rowspan = true;
        }
    }
    insert(tag, t.offset);
    tree_.events[stack_.back().event].cell = static_cast<std::uint32_t>(tree_.cells.size());
    tree_.cells.push_back(spans);
}

void Builder::insert_void(Tag tag, std::uint32_t offset) {
    insert(tag, offset);
    pop();
}

void Builder::insert_raw_text(Tag tag, const Token& t) {
    insert(tag, t.offset);
    if (!tokens_.raw_text(raw_text_name(tag), tag == Tag::script)) irregular();
    pop();
}

void Builder::insert_title(const Token& t) {
    insert(Tag::title, t.offset);
    const auto raw = tokens_.raw_text("title", false);
    if (!raw) irregular();
    if (!raw->empty()) {
        const auto start = static_cast<std::uint32_t>(tree_.arena.size());
        if (!decode_rcdata(*raw, tree_.arena)) irregular();
        pending_ = PendingText{true, true, static_cast<std::uint32_t>(raw->data() - html_.data()),
                               Slice{start, static_cast<std::uint32_t>(tree_.arena.size() - start)}};
    }
    pop();
}

void Builder::pop(TextNode text) {
    if (text == TextNode::ends) flush();
    const Open& o = stack_.back();
    if (o.event != kNone) {
        Event e;
        e.kind = Event::Kind::leave;
        tree_.events.push_back(e);
    }
    if (is_table_context(o.tag)) table_context_.pop_back();
    stack_.pop_back();
}

void Builder::pop_implied(Formatting formatting) {
    if (stack_.size() <= 1) irregular();   // never the <html>: the callers' scope checks keep it
    if (formatting == Formatting::forbidden && tag_info(current()).group == TagGroup::formatting) {
        irregular();   // the spec reconstructs it at the next text: not modelled
    }
    pop();
}

void Builder::pop_until(Tag tag, Formatting formatting) {
    while (current() != tag) pop_implied(formatting);
    pop();
}

void Builder::generate_implied_end_tags(Tag except) {
    for (;;) {
        const Tag c = current();
        if (c == except || (c != Tag::p && c != Tag::li && c != Tag::dd && c != Tag::dt)) return;
        pop();
    }
}

void Builder::close_p() {
    generate_implied_end_tags(Tag::p);
    pop_until(Tag::p, Formatting::forbidden);
}

void Builder::close_cell() {
    generate_implied_end_tags();
    while (!is_cell(current())) pop_implied(Formatting::cleared);
    pop();
}

// "Has an element in scope" (https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-the-specific-scope),
// for the elements the model keeps on its stack. Button scope is the normal one here: a
// <button> makes the page irregular.
bool Builder::in_scope(Tag tag, Scope scope) const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (node == tag) return true;
        if (node == Tag::html || node == Tag::table) return false;
        if (scope == Scope::table) continue;
        if (is_cell(node) || node == Tag::caption) return false;
        if (scope == Scope::list_item && (node == Tag::ol || node == Tag::ul)) return false;
    }
    return false;
}

bool Builder::heading_in_scope() const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (is_heading(node)) return true;
        if (node == Tag::html || node == Tag::table || is_cell(node) || node == Tag::caption) return false;
    }
    return false;
}

bool Builder::form_in_scope(std::uint32_t id) const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (stack_[i].id == id) return true;
        if (node == Tag::html || node == Tag::table || is_cell(node) || node == Tag::caption) return false;
    }
    return false;
}

bool Builder::on_stack(Tag tag) const {
    for (const Open& o : stack_) {
        if (o.tag == tag) return true;
    }
    return false;
}

// An <a> in the list of active formatting elements after the last marker: with the model's
// bail-outs that list is exactly the formatting elements open above the innermost cell or caption.
bool Builder::a_since_marker() const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (node == Tag::a) return true;
        if (is_cell(node) || node == Tag::caption) return false;
    }
    return false;
}

}  // namespace zfxxgk::tables::html_detail
