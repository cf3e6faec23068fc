#include "tables/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tables/html_grid.hpp"
#include "tables/html_text.hpp"

namespace zfxxgk::tables {

namespace {

using html_detail::GridBuilder;
using html_detail::LineIndex;
using html_detail::RowGroupKind;
using html_detail::SlotBudget;
using html_detail::TextCollector;

// Owns every block gumbo allocates. gumbo_destroy_output() frees the tree recursively and
// overflows the stack on deeply nested input (about 260,000 open elements with an 8 MiB
// stack), so parse_html never calls it: the blocks are linked in a list and freed in a loop.
// Measured as fast as plain malloc/free.
class GumboMemory {
public:
    GumboMemory() = default;
    GumboMemory(const GumboMemory&) = delete;
    GumboMemory& operator=(const GumboMemory&) = delete;
    ~GumboMemory() {
        for (Header* h = head_.next; h != &head_;) {
            Header* next = h->next;
            std::free(h);
            h = next;
        }
    }

    void install(GumboOptions& options) {
        options.allocator = &allocate;
        options.deallocator = &deallocate;
        options.userdata = this;
    }

private:
    struct alignas(std::max_align_t) Header {
        Header* prev;
        Header* next;
    };

    static void* allocate(void* self, std::size_t size) {
        auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
        if (h == nullptr) {
            std::abort();  // gumbo cannot handle a failed allocation; neither can we here
        }
        Header& head = static_cast<GumboMemory*>(self)->head_;
        h->prev = &head;
        h->next = head.next;
        head.next->prev = h;
        head.next = h;
        return h + 1;
    }

    static void deallocate(void* /*self*/, void* ptr) {
        if (ptr == nullptr) {
            return;
        }
        Header* h = static_cast<Header*>(ptr) - 1;
        h->prev->next = h->next;
        h->next->prev = h->prev;
        std::free(h);
    }

    Header head_{&head_, &head_};
};

// What an element means to the walker. Table-structure classes apply only where the
// markup puts them (a <tr> directly in the open table's row group, ...); elsewhere those
// elements are plain blocks.
enum class TagClass : std::uint8_t {
    other,       // inline or unknown (Word's <o:p>): descend, no boundary
    skip,        // subtree ignored
    block,       // block-level: a paragraph/line boundary before and after
    line_break,  // <br>
    heading,     // h1-h6
    title,
    head,
    table,
    caption,
    row_group,   // thead, tbody, tfoot
    row,
    cell,        // td, th
};

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

// One pass over gumbo's tree with an explicit stack (deep nesting cannot overflow the
// call stack). Text goes to the innermost "sink": the document's paragraph, a heading,
// the title, a caption, a table cell, or nowhere (inside table structure and <head>).
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

class Walker {
public:
    Walker(std::string_view html, const HtmlOptions& options)
        : options_(options), lines_(html), budget_{0, options.max_slots} {
        push_sink(SinkKind::paragraph, {});
    }

    Document run(const GumboNode* document);

private:
    enum class Exit : std::uint8_t { none, boundary, heading, title, caption, table, row_group, row, cell, pop_sink };
    struct Frame {
        const GumboNode* node;
        unsigned next;
        Exit exit;
    };
    enum class SinkKind : std::uint8_t { paragraph, heading, title, caption, cell, none };
    struct Sink {
        SinkKind kind = SinkKind::none;
        TextCollector text;
        SourcePos pos;
    };
    struct OpenTable {
        OpenTable(const GumboNode* table, std::size_t table_index, std::size_t block_index,
                  std::int32_t parent_index, SourcePos table_pos, GridBuilder grid)
            : node(table), index(table_index), block(block_index), parent(parent_index), pos(table_pos),
              builder(std::move(grid)) {}

        const GumboNode* node;
        const GumboNode* group = nullptr;   // the open thead/tbody/tfoot child, if any
        const GumboNode* row = nullptr;     // the open tr, if any
        std::size_t index;                  // in Document::tables
        std::size_t block;                  // in Document::blocks
        std::int32_t parent;
        SourcePos pos;
        GridBuilder builder;
        // The open cell, if any.
        bool in_cell = false;
        bool cell_holds_table = false;
        bool layout_cell = false;   // the cell holds a table: its content is read as blocks
        std::uint32_t colspan = 1;
        std::uint32_t rowspan = 1;
        SourcePos cell_pos;
    };

    void visit(const GumboNode* node);
    void enter_element(const GumboNode* node);
    void leave(Exit exit);
    bool enter_table_part(const GumboNode* node, TagClass cls);
    void enter_table(const GumboNode* node);
    void leave_table();
    void leave_caption();

    void push_frame(const GumboNode* node, Exit exit) {
        if (node->v.element.children.length != 0) {
            stack_.push_back(Frame{node, 0, exit});
        } else {
            leave(exit);
        }
    }
    void push_sink(SinkKind kind, SourcePos pos) {
        if (depth_ == sinks_.size()) {
            sinks_.emplace_back();
        }
        Sink& s = sinks_[depth_++];
        s.kind = kind;
        s.text.clear();
        s.pos = pos;
    }
    Sink& sink() { return sinks_[depth_ - 1]; }
    void pop_sink() { --depth_; }
    void boundary();
    void flush_paragraph(Sink& s);
    // gumbo counts columns in code points with tabs expanded; SourcePos counts bytes, so
    // positions come from the byte offset alone. Elements the parser implied have line 0.
    SourcePos pos(const GumboSourcePosition& gp) const { return gp.line == 0 ? SourcePos{} : lines_.at(gp.offset); }

    const HtmlOptions& options_;
    LineIndex lines_;
    SlotBudget budget_;
    Document doc_;
    std::vector<Frame> stack_;
    std::vector<Sink> sinks_;   // a pool: sinks_[0, depth_) are open, the rest keep their buffers
    std::size_t depth_ = 0;
    std::vector<OpenTable> tables_;
    bool title_done_ = false;
    bool table_limit_reported_ = false;
};

Document Walker::run(const GumboNode* document) {
    stack_.reserve(64);
    stack_.push_back(Frame{document, 0, Exit::none});
    while (!stack_.empty()) {
        Frame& f = stack_.back();
        const GumboVector& children = children_of(f.node);
        if (f.next < children.length) {
            visit(static_cast<const GumboNode*>(children.data[f.next++]));   // may push: f dangles
        } else {
            const Exit exit = f.exit;
            stack_.pop_back();
            leave(exit);
        }
    }
    flush_paragraph(sinks_[0]);
    return std::move(doc_);
}

void Walker::visit(const GumboNode* node) {
    switch (node->type) {
    case GUMBO_NODE_ELEMENT:
        enter_element(node);
        return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA: {
        Sink& s = sink();
        if (s.kind == SinkKind::none) {
            return;
        }
        const bool was_empty = s.text.empty();
        s.text.append(node->v.text.text);
        if (was_empty && s.kind == SinkKind::paragraph && !s.text.empty()) {
            s.pos = pos(node->v.text.start_pos);
        }
        return;
    }
    case GUMBO_NODE_WHITESPACE:
        sink().text.space();
        return;
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_COMMENT:
    case GUMBO_NODE_TEMPLATE:   // <template> content is inert
        return;
    }
}

void Walker::enter_element(const GumboNode* node) {
    const GumboElement& el = node->v.element;
    const TagClass cls = classify(el);
    switch (cls) {
    case TagClass::skip:
        return;
    case TagClass::other:
        push_frame(node, Exit::none);
        return;
    case TagClass::line_break:
        boundary();
        return;
    case TagClass::head:
        push_sink(SinkKind::none, {});
        push_frame(node, Exit::pop_sink);
        return;
    case TagClass::title:
        if (!title_done_) {
            push_sink(SinkKind::title, {});
            push_frame(node, Exit::title);
        }
        return;
    case TagClass::heading:
        if (sink().kind == SinkKind::paragraph) {
            flush_paragraph(sink());
            push_sink(SinkKind::heading, pos(el.start_pos));
            push_frame(node, Exit::heading);
            return;
        }
        break;   // inside a cell, caption or heading: a plain block
    case TagClass::table:
        if (doc_.tables.size() < options_.max_tables) {
            enter_table(node);
            return;
        }
        if (!table_limit_reported_) {
            table_limit_reported_ = true;
            doc_.add_diagnostic(Diagnostic{"too_many_tables",
                                           "more than " + std::to_string(options_.max_tables) +
                                               " tables (HtmlOptions::max_tables); the rest are read as text",
                                           pos(el.start_pos)});
        }
        break;
    case TagClass::caption:
    case TagClass::row_group:
    case TagClass::row:
    case TagClass::cell:
        if (enter_table_part(node, cls)) {
            return;
        }
        break;
    case TagClass::block:
        break;
    }
    boundary();
    push_frame(node, Exit::boundary);
}

// Caption, row group, row and cell of the innermost open table, where the markup puts
// them; false if the element is not one (it is then read as a block).
bool Walker::enter_table_part(const GumboNode* node, TagClass cls) {
    if (tables_.empty()) {
        return false;
    }
    OpenTable& t = tables_.back();
    const GumboElement& el = node->v.element;
    switch (cls) {
    case TagClass::caption:
        if (node->parent != t.node) {
            return false;
        }
        push_sink(SinkKind::caption, pos(el.start_pos));
        push_frame(node, Exit::caption);
        return true;
    case TagClass::row_group:
        if (node->parent != t.node) {
            return false;
        }
        t.builder.begin_row_group(el.tag == GUMBO_TAG_TFOOT ? RowGroupKind::foot : RowGroupKind::head_or_body);
        t.group = node;
        push_frame(node, Exit::row_group);
        return true;
    case TagClass::row:
        if (node->parent != t.node && (t.group == nullptr || node->parent != t.group)) {
            return false;
        }
        t.builder.begin_row(pos(el.start_pos));
        t.row = node;
        push_frame(node, Exit::row);
        return true;
    case TagClass::cell:
        if (t.row == nullptr || node->parent != t.row) {
            return false;
        }
        t.in_cell = true;
        t.cell_holds_table = false;
        t.colspan = html_detail::colspan_value(attribute(el, "colspan"), options_.max_colspan);
        t.rowspan = html_detail::rowspan_value(attribute(el, "rowspan"), options_.max_rowspan);
        t.cell_pos = pos(el.start_pos);
        // A cell that holds a table is page layout (a portal's frame around the report): its
        // paragraphs, headings and tables are the document's blocks, in reading order, and
        // the layout grid keeps the cell empty.
        t.layout_cell = holds_table(node);
        push_sink(t.layout_cell ? SinkKind::paragraph : SinkKind::cell, t.cell_pos);
        push_frame(node, Exit::cell);
        return true;
    default:
        return false;
    }
}

void Walker::enter_table(const GumboNode* node) {
    boundary();
    std::int32_t parent = -1;
    if (!tables_.empty()) {
        OpenTable& outer = tables_.back();
        parent = static_cast<std::int32_t>(outer.index);
        outer.cell_holds_table = outer.cell_holds_table || outer.in_cell;
    }
    const std::size_t index = doc_.tables.size();
    const SourcePos table_pos = pos(node->v.element.start_pos);
    doc_.tables.emplace_back();
    doc_.blocks.push_back(Block{BlockKind::table, {}, index, table_pos});
    tables_.emplace_back(node, index, doc_.blocks.size() - 1, parent, table_pos, GridBuilder(index, budget_, doc_));
    push_sink(SinkKind::none, {});
    push_frame(node, Exit::table);
}

void Walker::leave_table() {
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
void Walker::leave_caption() {
    Sink& s = sink();
    if (!s.text.empty()) {
        OpenTable& t = tables_.back();
        doc_.blocks.insert(doc_.blocks.begin() + static_cast<std::ptrdiff_t>(t.block),
                           Block{BlockKind::paragraph, s.text.take(), 0, s.pos});
        ++t.block;
    }
    pop_sink();
}

void Walker::leave(Exit exit) {
    switch (exit) {
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
        tables_.back().group = nullptr;
        return;
    case Exit::row:
        tables_.back().row = nullptr;
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
void Walker::boundary() {
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

void Walker::flush_paragraph(Sink& s) {
    if (!s.text.empty()) {
        doc_.blocks.push_back(Block{BlockKind::paragraph, s.text.take(), 0, s.pos});
    }
}

}  // namespace

Document parse_html(std::string_view utf8_html, const HtmlOptions& options) {
    GumboMemory memory;   // declared first: the tree outlives the walk, then goes in one loop
    GumboOptions gumbo_options = kGumboDefaultOptions;
    gumbo_options.max_errors = 0;   // do not record parse errors
    memory.install(gumbo_options);
    const char* data = utf8_html.empty() ? "" : utf8_html.data();
    const GumboOutput* output = gumbo_parse_with_options(&gumbo_options, data, utf8_html.size());
    Walker walker(utf8_html, options);
    return walker.run(output->document);
}

}  // namespace zfxxgk::tables
