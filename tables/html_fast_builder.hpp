#pragma once
// Internal to tables/: the fast path's model of HTML5 tree construction
// (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction). It reads the
// tokens once, keeps the stack of open elements, and writes the tree as the emitter must
// see it, flattened into events; where the spec would do something the model does not
// follow it gives up (build_flat_tree returns nullopt). html_fast_builder.cpp has the
// phases before the body, the stack and text nodes; html_fast_body.cpp the "in body" and
// table insertion modes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tables/html_emitter.hpp"
#include "tables/html_fast_tags.hpp"
#include "tables/html_tokenizer.hpp"

namespace zfxxgk::tables::html_detail {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// Deeper nesting is left to gumbo: scope checks walk the stack, so the bound keeps the
// fast path linear in the input. Real pages stay far below it.
inline constexpr std::size_t kMaxOpenElements = 512;

// A slice of the input or of the flat tree's arena.
struct Slice {
    std::uint32_t start = 0;
    std::uint32_t length = kNone;   // kNone: absent
};

// Element starts and ends in document order, and text nodes. Elements the emitter ignores
// (inline and unknown ones, raw-text ones) are left out.
struct Event {
    enum class Kind : std::uint8_t { enter, leave, text };
    Kind kind = Kind::enter;
    TagClass cls = TagClass::other;
    bool foot = false;
    bool holds_table = false;
    bool in_arena = false;        // text: the slice is in the arena, not the input
    std::uint32_t offset = kUnknownOffset;
    std::uint32_t node = 0;
    std::uint32_t parent = 0;
    Slice text;                   // text
    std::uint32_t cell = kNone;   // cell: index in FlatTree::cells
};

struct CellSpans {
    Slice colspan;   // in the input
    Slice rowspan;
};

struct FlatTree {
    std::vector<Event> events;
    std::vector<CellSpans> cells;
    std::string arena;   // decoded text (character references, the title)
};

// The flattened tree of `html`, or nullopt when the markup is beyond the model.
// Precondition: acceptable_input(html), html.size() < kUnknownOffset.
std::optional<FlatTree> build_flat_tree(std::string_view html);

// The insertion modes before "in body" (https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode
// ff.). From "in body" on, the mode follows from the innermost table element on the stack.
enum class Phase : std::uint8_t { initial, before_html, before_head, in_head, after_head, body };
enum class Mode : std::uint8_t { body, table, table_body, row, cell, caption };
enum class Quirks : std::uint8_t { quirks, no_quirks, unknown };
// Whether popping an open formatting element without its end tag is fine: it is when a cell
// or caption closes (the list of active formatting elements is cleared to the marker);
// elsewhere the spec would reconstruct it later, which the model does not follow.
enum class Formatting : std::uint8_t { forbidden, cleared };
enum class Scope : std::uint8_t { normal, list_item, table };
// Whether taking an element off the stack ends the text node being collected: it does,
// except where gumbo removes the element without "popping" it (</form>), so that the text
// collected inside goes to the element below.
enum class TextNode : std::uint8_t { ends, goes_on };

// Thrown by the builder's rules when the markup is beyond the model; build_flat_tree
// catches it. A give-up can come from deep inside the rules, and the exception keeps every
// rule free of checks; it never leaves build_flat_tree.
struct Irregular {};
[[noreturn]] inline void irregular() { throw Irregular{}; }

class Builder {
public:
    explicit Builder(std::string_view html);

    // Reads all tokens; throws Irregular.
    void run();
    [[nodiscard]] FlatTree take() { return std::move(tree_); }

private:
    struct Open {
        Tag tag;
        std::uint32_t id;
        std::uint32_t event;   // its enter event, kNone if it has none
    };

    // tokens and the phases before the body (html_fast_builder.cpp)
    void text(std::string_view s, std::uint32_t offset, bool from_input);
    void append_text(std::string_view s, std::uint32_t offset, bool from_input);
    void start_tag(const Token& t);
    void end_tag(const Token& t);
    bool head_start_tag(Tag tag, const Token& t);
    void doctype(const Token& t);
    void end_of_file();

    // "in body" and the table modes (html_fast_body.cpp)
    void body_start_tag(Tag tag, const Token& t);
    void body_end_tag(Tag tag, const Token& t);
    void in_body_start(Tag tag, const Token& t);
    void in_body_end(Tag tag, const Token& t);
    void in_table_start(Tag tag, const Token& t);
    void any_other_end_tag(Tag tag);
    void start_li_like(Tag tag, const Token& t);
    void start_table(const Token& t);

    // the stack of open elements (html_fast_builder.cpp)
    std::uint32_t insert(Tag tag, std::uint32_t offset);
    void insert_cell(Tag tag, const Token& t);
    void insert_void(Tag tag, std::uint32_t offset);
    void insert_raw_text(Tag tag, const Token& t);
    void insert_title(const Token& t);
    void pop(TextNode text = TextNode::ends);
    void pop_implied(Formatting formatting);
    void pop_until(Tag tag, Formatting formatting);
    void generate_implied_end_tags(Tag except = Tag::count);
    void close_p();
    void close_cell();
    [[nodiscard]] bool in_scope(Tag tag, Scope scope = Scope::normal) const;
    [[nodiscard]] bool heading_in_scope() const;
    [[nodiscard]] bool form_in_scope(std::uint32_t id) const;
    [[nodiscard]] bool on_stack(Tag tag) const;
    [[nodiscard]] bool a_since_marker() const;
    [[nodiscard]] Tag current() const { return stack_.back().tag; }
    [[nodiscard]] Mode mode() const;

    // text nodes
    void flush();

    std::string_view html_;
    Tokenizer tokens_;
    FlatTree tree_;
    std::vector<Open> stack_;
    std::vector<std::uint32_t> table_context_;   // stack_ indices of the open table elements
    Phase phase_ = Phase::initial;
    Quirks quirks_ = Quirks::quirks;
    std::uint32_t next_id_ = 1;
    std::uint32_t form_ = 0;   // the form element pointer (its id), 0 = null

    // The text node being collected (gumbo ends one at each element or comment inserted
    // and each element popped; ignored tokens do not end it).
    struct PendingText {
        bool active = false;
        bool in_arena = false;
        std::uint32_t offset = 0;
        Slice text;
    } pending_;
};

}  // namespace zfxxgk::tables::html_detail
