#include "tables/html_fast_builder.hpp"

namespace zfxxgk::tables::html_detail {

// The body: "in body" (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody)
// and the table modes (in table, in table body, in row, in cell, in caption).

void Builder::body_start_tag(Tag tag, const Token& t) {
    const bool table_part = tag == Tag::caption || is_row_group(tag) || tag == Tag::tr || is_cell(tag);
    for (;;) {
        switch (mode()) {
        case Mode::body:
            in_body_start(tag, t);
            return;
        case Mode::cell:
            if (!table_part) {
                in_body_start(tag, t);
                return;
            }
            close_cell();
            continue;
        case Mode::caption:
            if (!table_part) {
                in_body_start(tag, t);
                return;
            }
            generate_implied_end_tags();
            pop_until(Tag::caption, Formatting::cleared);
            continue;
        case Mode::row:
            if (is_cell(tag)) {
                insert_cell(tag, t);
                return;
            }
            if (!table_part) {
                in_table_start(tag, t);
                return;
            }
            pop();   // the tr
            continue;
        case Mode::table_body:
            if (tag == Tag::tr) {
                insert(Tag::tr, t.offset);
                return;
            }
            if (is_cell(tag)) irregular();   // a cell outside a row (HTML5 implies the <tr>)
            if (!table_part) {
                in_table_start(tag, t);
                return;
            }
            pop();   // the row group
            continue;
        case Mode::table:
            in_table_start(tag, t);
            return;
        }
    }
}

// "in table", for the tags that reach it in the table, table body and row modes.
void Builder::in_table_start(Tag tag, const Token& t) {
    switch (tag) {
    case Tag::caption:
    case Tag::tbody:
    case Tag::thead:
    case Tag::tfoot:
        insert(tag, t.offset);
        return;
    case Tag::tr:
        insert(Tag::tbody, t.offset);   // implied
        insert(Tag::tr, t.offset);
        return;
    case Tag::style:
    case Tag::script:
        insert_raw_text(tag, t);
        return;
    default:
        irregular();   // a cell outside a row, a table in a table, or foster parenting
    }
}

void Builder::in_body_start(Tag tag, const Token& t) {
    switch (tag_info(tag).group) {
    case TagGroup::formatting:
        if (tag == Tag::a && a_since_marker()) irregular();   // the adoption agency
        insert(tag, t.offset);
        return;
    case TagGroup::ordinary:
        insert(tag, t.offset);
        return;
    case TagGroup::block:
        if (in_scope(Tag::p)) close_p();
        insert(tag, t.offset);
        return;
    case TagGroup::heading:
        if (in_scope(Tag::p)) close_p();
        if (is_heading(current())) pop();   // a heading does not nest in a heading
        insert(tag, t.offset);
        return;
    case TagGroup::void_element:
        if (tag == Tag::hr && in_scope(Tag::p)) close_p();
        insert_void(tag, t.offset);
        return;
    case TagGroup::raw_text:
        insert_raw_text(tag, t);
        return;
    case TagGroup::other:
        break;
    }
    switch (tag) {
    case Tag::html:
    case Tag::body:
    case Tag::head:
        return;   // ignored (attributes merged)
    case Tag::title:
        insert_title(t);
        return;
    case Tag::p:
        if (in_scope(Tag::p)) close_p();
        insert(tag, t.offset);
        return;
    case Tag::li:
    case Tag::dd:
    case Tag::dt:
        start_li_like(tag, t);
        return;
    case Tag::form:
        if (form_ != 0) irregular();   // ignored by the spec; rare enough to leave to gumbo
        if (in_scope(Tag::p)) close_p();
        form_ = insert(tag, t.offset);
        return;
    case Tag::table:
        start_table(t);
        return;
    default:
        irregular();   // caption, row group, row or cell outside a table (HTML5 ignores them)
    }
}

// li: an open li closes, unless a special element other than address, div or p comes
// first; likewise dd and dt close an open dd or dt.
void Builder::start_li_like(Tag tag, const Token& t) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (tag == Tag::li ? node == Tag::li : (node == Tag::dd || node == Tag::dt)) {
            generate_implied_end_tags(node);
            pop_until(node, Formatting::forbidden);
            break;
        }
        if (tag_info(node).special && node != Tag::address && node != Tag::div && node != Tag::p) break;
    }
    if (in_scope(Tag::p)) close_p();
    insert(tag, t.offset);
}

void Builder::start_table(const Token& t) {
    if (in_scope(Tag::p)) {
        if (quirks_ == Quirks::unknown) irregular();
        if (quirks_ == Quirks::no_quirks) close_p();   // in quirks mode the table goes into the p
    }
    if (!table_context_.empty()) {
        const Open& o = stack_[table_context_.back()];
        if (is_cell(o.tag)) tree_.events[o.event].holds_table = true;
    }
    insert(Tag::table, t.offset);
}

void Builder::body_end_tag(Tag tag, const Token& t) {
    for (;;) {
        switch (mode()) {
        case Mode::body:
            in_body_end(tag, t);
            return;
        case Mode::cell:
            if (is_cell(tag)) {
                if (!in_scope(tag, Scope::table)) irregular();   // ignored
                generate_implied_end_tags();
                pop_until(tag, Formatting::cleared);
                return;
            }
            if (tag == Tag::table || is_row_group(tag) || tag == Tag::tr) {
                if (!in_scope(tag, Scope::table)) irregular();
                close_cell();
                continue;
            }
            if (tag == Tag::body || tag == Tag::caption || tag == Tag::html) irregular();   // ignored
            in_body_end(tag, t);
            return;
        case Mode::caption:
            if (tag == Tag::caption || tag == Tag::table) {
                generate_implied_end_tags();
                pop_until(Tag::caption, Formatting::cleared);
                if (tag == Tag::caption) return;
                continue;
            }
            if (tag == Tag::body || tag == Tag::html || is_row_group(tag) || tag == Tag::tr || is_cell(tag)) {
                irregular();   // ignored
            }
            in_body_end(tag, t);
            return;
        case Mode::row:
            if (tag == Tag::tr) {
                pop();
                return;
            }
            if (tag == Tag::table || (is_row_group(tag) && in_scope(tag, Scope::table))) {
                pop();
                continue;
            }
            irregular();   // ignored, or foster parented
        case Mode::table_body:
            if (is_row_group(tag) && current() == tag) {
                pop();
                return;
            }
            if (tag == Tag::table) {
                pop();
                continue;
            }
            irregular();
        case Mode::table:
            if (tag == Tag::table) {
                pop();
                return;
            }
            irregular();
        }
    }
}

void Builder::in_body_end(Tag tag, const Token& t) {
    const TagGroup group = tag_info(tag).group;
    if (tag == Tag::body || tag == Tag::html) {
        return;   // "after body" reads on like "in body"; only comments go elsewhere
    }
    if (group == TagGroup::block) {
        if (!in_scope(tag)) return;
        generate_implied_end_tags();
        pop_until(tag, Formatting::forbidden);
        return;
    }
    if (group == TagGroup::formatting) {
        if (current() == tag) {
            pop();
            return;
        }
        if (on_stack(tag)) irregular();   // the adoption agency
        return;                           // nothing to close: ignored
    }
    if (is_heading(tag)) {
        if (!heading_in_scope()) return;
        generate_implied_end_tags();
        while (!is_heading(current())) pop_implied(Formatting::forbidden);
        pop();
        return;
    }
    switch (tag) {
    case Tag::p:
        if (!in_scope(Tag::p)) {
            insert(Tag::p, t.offset);   // </p> without a p is <p></p>
            pop();
            return;
        }
        close_p();
        return;
    case Tag::li:
    case Tag::dd:
    case Tag::dt:
        if (!in_scope(tag, tag == Tag::li ? Scope::list_item : Scope::normal)) return;
        generate_implied_end_tags(tag);
        pop_until(tag, Formatting::forbidden);
        return;
    case Tag::form: {
        const std::uint32_t form = form_;
        form_ = 0;
        if (form == 0 || !form_in_scope(form)) return;
        generate_implied_end_tags();
        if (stack_.back().id != form) irregular();   // the form leaves the stack, its children stay open
        pop(TextNode::goes_on);   // gumbo: the form's pending text lands after it
        return;
    }
    case Tag::br:
        insert_void(Tag::br, t.offset);   // </br> is <br>
        return;
    default:
        any_other_end_tag(tag);
        return;
    }
}

// "Any other end tag": close the nearest element with this tag unless a special element
// comes first. gumbo compares tags, not names, so any unknown end tag closes the nearest
// unknown element.
void Builder::any_other_end_tag(Tag tag) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const Tag node = stack_[i].tag;
        if (node == tag) {
            generate_implied_end_tags(tag);
            while (stack_.size() > i + 1) pop_implied(Formatting::forbidden);
            pop();
            return;
        }
        if (tag_info(node).special) return;   // ignored
    }
}

}  // namespace zfxxgk::tables::html_detail
