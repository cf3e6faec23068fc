#include "tables/html_emitter.hpp"

#include <string>
#include <utility>

namespace zfxxgk::tables::html_detail {

// Text goes to the innermost "sink": the document's paragraph, a heading, the title, a
// caption, a table cell, or nowhere (inside table structure and <head>).
HtmlEmitter::HtmlEmitter(std::string_view html, const HtmlOptions& options)
    : options_(options), lines_(html), budget_{0, options.max_slots} {
    sinks_.reserve(16);
    push_sink(SinkKind::paragraph, {});
}

void HtmlEmitter::push_sink(SinkKind kind, SourcePos pos) {
    if (depth_ == sinks_.size()) {
        sinks_.emplace_back();
    }
    Sink& s = sinks_[depth_++];
    s.kind = kind;
    s.text.clear();
    s.pos = pos;
}

void HtmlEmitter::text(std::string_view text, std::uint32_t offset) {
    Sink& s = sink();
    if (s.kind == SinkKind::none) {
        return;
    }
    const bool was_empty = s.text.empty();
    s.text.append(text);
    if (was_empty && s.kind == SinkKind::paragraph && !s.text.empty()) {
        s.pos = pos(offset);
    }
}

HtmlEmitter::Exit HtmlEmitter::enter(const ElementStart& e) {
    switch (e.cls) {
    case TagClass::skip:
        return Exit::skip;
    case TagClass::other:
        return Exit::none;
    case TagClass::line_break:
        boundary();
        return Exit::skip;
    case TagClass::head:
        push_sink(SinkKind::none, {});
        return Exit::pop_sink;
    case TagClass::title:
        if (title_done_) {
            return Exit::skip;
        }
        push_sink(SinkKind::title, {});
        return Exit::title;
    case TagClass::heading:
        if (sink().kind == SinkKind::paragraph) {
            flush_paragraph(sink());
            push_sink(SinkKind::heading, pos(e.offset));
            return Exit::heading;
        }
        break;   // inside a cell, caption or heading: a plain block
    case TagClass::table:
        if (doc_.tables.size() < options_.max_tables) {
            enter_table(e);
            return Exit::table;
        }
        if (!table_limit_reported_) {
            table_limit_reported_ = true;
            doc_.add_diagnostic(Diagnostic{"too_many_tables",
                                           "more than " + std::to_string(options_.max_tables) +
                                               " tables (HtmlOptions::max_tables); the rest are read as text",
                                           pos(e.offset)});
        }
        break;
    case TagClass::caption:
    case TagClass::row_group:
    case TagClass::row:
    case TagClass::cell:
        if (enter_table_part(e)) {
            switch (e.cls) {
            case TagClass::caption: return Exit::caption;
            case TagClass::row_group: return Exit::row_group;
            case TagClass::row: return Exit::row;
            default: return Exit::cell;
            }
        }
        break;
    case TagClass::block:
        break;
    }
    boundary();
    return Exit::boundary;
}

// Caption, row group, row and cell of the innermost open table, where the tree puts
// them; false if the element is not one (it is then read as a block).
bool HtmlEmitter::enter_table_part(const ElementStart& e) {
    if (tables_.empty()) {
        return false;
    }
    OpenTable& t = tables_.back();
    switch (e.cls) {
    case TagClass::caption:
        if (e.parent != t.node) {
            return false;
        }
        push_sink(SinkKind::caption, pos(e.offset));
        return true;
    case TagClass::row_group:
        if (e.parent != t.node) {
            return false;
        }
        t.builder.begin_row_group(e.foot ? RowGroupKind::foot : RowGroupKind::head_or_body);
        t.group = e.node;
        return true;
    case TagClass::row:
        if (e.parent != t.node && (t.group == 0 || e.parent != t.group)) {
            return false;
        }
        t.builder.begin_row(pos(e.offset));
        t.row = e.node;
        return true;
    case TagClass::cell:
        if (t.row == 0 || e.parent != t.row) {
            return false;
        }
        t.in_cell = true;
        t.cell_holds_table = false;
        t.colspan = colspan_value(e.colspan, options_.max_colspan);
        t.rowspan = rowspan_value(e.rowspan, options_.max_rowspan);
        t.cell_pos = pos(e.offset);
        // A cell that holds a table is page layout (a portal's frame around the report): its
        // paragraphs, headings and tables are the document's blocks, in reading order, and
        // the layout grid keeps the cell empty.
        t.layout_cell = e.holds_table;
        push_sink(t.layout_cell ? SinkKind::paragraph : SinkKind::cell, t.cell_pos);
        return true;
    default:
        return false;
    }
}

void HtmlEmitter::enter_table(const ElementStart& e) {
    boundary();
    std::int32_t parent = -1;
    if (!tables_.empty()) {
        OpenTable& outer = tables_.back();
        parent = static_cast<std::int32_t>(outer.index);
        outer.cell_holds_table = outer.cell_holds_table || outer.in_cell;
    }
    const std::size_t index = doc_.tables.size();
    const SourcePos table_pos = pos(e.offset);
    doc_.tables.emplace_back();
    doc_.blocks.push_back(Block{BlockKind::table, {}, index, table_pos});
    tables_.emplace_back(e.node, index, doc_.blocks.size() - 1, parent, table_pos, GridBuilder(index, budget_, doc_));
    push_sink(SinkKind::none, {});
}

void HtmlEmitter::leave_table() {
    OpenTable& t = tables_.back();
    Grid grid = t.builder.finish();
    grid.pos = t.pos;
    grid.parent = t.parent;
    doc_.tables[t.index] = std::move(grid);
    tables_.pop_back();
    pop_sink();
    boundary();
}

// A caption is a paragraph placed just before its table's block.
void HtmlEmitter::leave_caption() {
    Sink& s = sink();
    if (!s.text.empty()) {
        OpenTable& t = tables_.back();
        doc_.blocks.insert(doc_.blocks.begin() + static_cast<std::ptrdiff_t>(t.block),
                           Block{BlockKind::paragraph, s.text.take(), 0, s.pos});
        ++t.block;
    }
    pop_sink();
}

void HtmlEmitter::leave(Exit exit) {
    switch (exit) {
    case Exit::skip:
    case Exit::none:
        return;
    case Exit::boundary:
        boundary();
        return;
    case Exit::pop_sink:
        pop_sink();
        return;
    case Exit::title:
        doc_.title = sink().text.take();
        title_done_ = true;
        pop_sink();
        return;
    case Exit::heading: {
        Sink& s = sink();
        if (!s.text.empty()) {
            doc_.blocks.push_back(Block{BlockKind::heading, s.text.take(), 0, s.pos});
        }
        pop_sink();
        return;
    }
    case Exit::caption:
        leave_caption();
        return;
    case Exit::table:
        leave_table();
        return;
    case Exit::row_group:
        tables_.back().builder.end_row_group();
        tables_.back().group = 0;
        return;
    case Exit::row:
        tables_.back().row = 0;
        return;
    case Exit::cell: {
        OpenTable& t = tables_.back();
        if (t.layout_cell) flush_paragraph(sink());
        t.builder.add_cell(sink().text.take(), t.colspan, t.rowspan, t.cell_pos, t.cell_holds_table);
        t.in_cell = false;
        pop_sink();
        return;
    }
    }
}

// A <br> or the edge of a block: ends a paragraph, starts a new line in a cell, separates
// words in a heading, the title or a caption.
void HtmlEmitter::boundary() {
    Sink& s = sink();
    switch (s.kind) {
    case SinkKind::paragraph:
        flush_paragraph(s);
        return;
    case SinkKind::cell:
        s.text.line_break();
        return;
    case SinkKind::heading:
    case SinkKind::title:
    case SinkKind::caption:
        s.text.space();
        return;
    case SinkKind::none:
        return;
    }
}

void HtmlEmitter::flush_paragraph(Sink& s) {
    if (!s.text.empty()) {
        doc_.blocks.push_back(Block{BlockKind::paragraph, s.text.take(), 0, s.pos});
    }
}

Document HtmlEmitter::finish() {
    flush_paragraph(sinks_[0]);
    return std::move(doc_);
}

}  // namespace zfxxgk::tables::html_detail
