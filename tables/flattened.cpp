#include "tables/flattened.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "tables/cell_value.hpp"

namespace zfxxgk::tables {
namespace {

enum class LineKind : std::uint8_t { blank, pipe_only, piped, text };

struct Line {
    std::string_view raw;      // without the line terminator
    std::string_view trimmed;
    std::uint32_t number = 0;  // 1-based
    std::uint32_t offset = 0;  // byte offset of raw in the input
    LineKind kind = LineKind::blank;
    std::uint32_t pipes = 0;
    std::uint32_t segments = 0;  // non-empty texts between pipes
};

bool is_pipe_line(const Line& l) { return l.kind == LineKind::pipe_only || l.kind == LineKind::piped; }

SourcePos pos_of(const Line& l, std::string_view part) {
    const auto col = static_cast<std::uint32_t>(part.data() - l.raw.data());
    return SourcePos{l.number, col + 1, l.offset + col};
}

// Calls f(piece, closed) for each piece of `raw` between pipes, in order: `closed` is true
// when a pipe ends the piece. A line with n pipes has n + 1 pieces, the last never closed.
template <typename F>
void for_each_piece(std::string_view raw, F&& f) {
    const char* piece = raw.data();
    const char* const end = piece + raw.size();
    for (;;) {
        const auto* bar = static_cast<const char*>(std::memchr(piece, '|', static_cast<std::size_t>(end - piece)));
        if (bar == nullptr) {
            f(std::string_view(piece, static_cast<std::size_t>(end - piece)), false);
            return;
        }
        f(std::string_view(piece, static_cast<std::size_t>(bar - piece)), true);
        piece = bar + 1;
    }
}

Line make_line(std::string_view raw, std::uint32_t number, std::size_t offset) {
    Line l;
    l.raw = raw;
    l.trimmed = trim_cell(raw);
    l.number = number;
    l.offset = static_cast<std::uint32_t>(offset);
    if (l.trimmed.empty()) return l;  // only whitespace: no pipes either
    std::uint32_t segments = 0;
    for_each_piece(raw, [&](std::string_view piece, bool closed) {
        l.pipes += closed;
        segments += !trim_cell(piece).empty();
    });
    l.segments = l.pipes > 0 ? segments : 0;
    l.kind = l.pipes == 0 ? LineKind::text : l.segments == 0 ? LineKind::pipe_only : LineKind::piped;
    return l;
}

// The first `byte` in [from, end), or end.
const char* find_byte(const char* from, const char* end, char byte) {
    const void* at = std::memchr(from, byte, static_cast<std::size_t>(end - from));
    return at == nullptr ? end : static_cast<const char*>(at);
}

// Lines end at \n, \r\n or a lone \r. The next \n and the next \r are each searched for
// only once the split has passed the previous one, so the text is scanned once for each.
std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    if (text.empty()) return lines;
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* next_lf = find_byte(begin, end, '\n');
    const char* next_cr = find_byte(begin, end, '\r');
    const char* start = begin;
    std::uint32_t number = 1;
    while (start < end) {
        if (next_lf < start) next_lf = find_byte(start, end, '\n');
        if (next_cr < start) next_cr = find_byte(start, end, '\r');
        const char* stop = std::min(next_lf, next_cr);
        lines.push_back(make_line(std::string_view(start, static_cast<std::size_t>(stop - start)), number++,
                                  static_cast<std::size_t>(start - begin)));
        if (stop == end) break;
        start = stop + (*stop == '\r' && stop + 1 < end && stop[1] == '\n' ? 2 : 1);
    }
    return lines;
}

class TextParser {
public:
    TextParser(std::string_view text, const TextOptions& options)
        : options_(options), lines_(split_lines(text)), heading_(lines_.size(), Memo::unknown) {}

    Document run() {
        std::size_t i = 0;
        while (i < lines_.size()) {
            const Line& l = lines_[i];
            if (l.kind == LineKind::blank) {
                ++i;
            } else if (is_pipe_line(l) || (l.kind == LineKind::text && alternating_start(i))) {
                i = pipe_region(i);
            } else if (l.kind == LineKind::text && !heading(l) && cell_like(l)) {
                i = pipeless_run(i);
            } else {
                text_block(l);
                ++i;
            }
        }
        return std::move(doc_);
    }

private:
    enum class Memo : std::uint8_t { unknown, no, yes };

    const TextOptions& options_;
    std::vector<Line> lines_;
    mutable std::vector<Memo> heading_;  // by line index: the callback's answer once asked
    Document doc_;

    // The callback is asked at most once per line (it can be costly: extractor/ normalizes
    // the line), and only for lines whose reading depends on it.
    bool heading(const Line& l) const {
        if (!options_.is_heading) return false;
        Memo& m = heading_[l.number - 1];
        if (m == Memo::unknown) m = options_.is_heading(l.trimmed) ? Memo::yes : Memo::no;
        return m == Memo::yes;
    }

    bool cell_like(const Line& l) const {
        return l.kind == LineKind::text && l.trimmed.size() <= options_.max_pipeless_cell_bytes &&
               l.trimmed.find("。") == std::string_view::npos && !heading(l);
    }

    std::size_t next_nonblank(std::size_t k) const {
        while (k < lines_.size() && lines_[k].kind == LineKind::blank) ++k;
        return k;
    }

    bool kind_at(std::size_t k, LineKind kind) const { return k < lines_.size() && lines_[k].kind == kind; }

    // `text` / `|` / `text` / `|`: the alternating form starts here.
    bool alternating_start(std::size_t i) const {
        if (!cell_like(lines_[i])) return false;
        std::size_t a = next_nonblank(i + 1);
        if (!kind_at(a, LineKind::pipe_only)) return false;
        std::size_t b = next_nonblank(a + 1);
        if (!kind_at(b, LineKind::text) || !cell_like(lines_[b])) return false;
        return kind_at(next_nonblank(b + 1), LineKind::pipe_only);
    }

    void text_block(const Line& l) {
        Block b;
        b.kind = heading(l) ? BlockKind::heading : BlockKind::paragraph;
        b.text = std::string(l.trimmed);
        b.pos = pos_of(l, l.trimmed);
        doc_.blocks.push_back(std::move(b));
    }

    // Finds the end (exclusive) of the pipe region starting at i and turns it into blocks.
    std::size_t pipe_region(std::size_t i) {
        bool has_piped = false;
        std::size_t k = i;
        std::size_t end = i;
        while (k < lines_.size()) {
            const Line& l = lines_[k];
            if (is_pipe_line(l)) {
                has_piped = has_piped || l.kind == LineKind::piped;
                end = ++k;
                continue;
            }
            if (l.kind == LineKind::blank) {
                ++k;
                continue;
            }
            if (!cell_like(l)) break;
            const std::size_t next = next_nonblank(k + 1);
            bool accept = false;
            if (next >= lines_.size()) {
                accept = true;  // the document ends here, inside the table: a cut-off cell
            } else if (!has_piped) {
                // alternating form: a cell's text (maybe over two lines) before its pipe
                const std::size_t after = next_nonblank(next + 1);
                accept = kind_at(next, LineKind::pipe_only) ||
                         (kind_at(next, LineKind::text) && cell_like(lines_[next]) && kind_at(after, LineKind::pipe_only));
            } else {
                // a cell's text wrapped onto its own line before the line with its pipe
                accept = end == k && kind_at(next, LineKind::piped);
            }
            if (!accept) break;
            end = ++k;
        }
        build_region(i, end, has_piped);
        return end;
    }

    void build_region(std::size_t begin, std::size_t end, bool has_piped) {
        std::size_t piped = 0, multi = 0, cells = 0, pipes = 0;
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::piped) {
                ++piped;
                multi += l.segments >= 2;
            }
            cells += l.kind == LineKind::text ? 1 : l.segments;
            pipes += l.pipes;
        }
        if (cells < options_.min_table_cells || pipes > options_.chrome_pipes_per_cell * cells + 8) {
            chrome(begin, end);
            return;
        }
        Grid grid;
        grid.pos = pos_of(lines_[begin], lines_[begin].trimmed);
        if (piped > 0 && multi * 10 >= piped * 3) {
            grid.form = FlatForm::row_per_line;
            rows_per_line(begin, end, grid);
        } else if (!has_piped) {
            grid.form = FlatForm::alternating;
            cells_per_line(begin, end, grid);
        } else if (lines_[begin].kind == LineKind::pipe_only && lines_[begin].pipes == 1) {
            grid.form = FlatForm::row_separated;
            cells_per_line(begin, end, grid);
        } else {
            grid.form = FlatForm::cell_per_line;
            cells_per_line(begin, end, grid);
        }
        add_table(std::move(grid));
    }

    // Page layout: keep the texts as paragraphs.
    void chrome(std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) continue;
            std::string text;
            text.reserve(l.trimmed.size());
            for_each_piece(l.raw, [&](std::string_view piece, bool) {
                const auto part = trim_cell(piece);
                if (part.empty()) return;
                if (!text.empty()) text += ' ';
                text += part;
            });
            if (text.empty()) continue;
            Block b;
            b.text = std::move(text);
            b.pos = pos_of(l, l.trimmed);
            doc_.blocks.push_back(std::move(b));
        }
    }

    void add_table(Grid grid) {
        grid.rows.erase(std::remove_if(grid.rows.begin(), grid.rows.end(),
                                       [](const Row& r) {
                                           return std::none_of(r.slots.begin(), r.slots.end(), [](const Slot& s) {
                                               return s.kind == SlotKind::origin;
                                           });
                                       }),
                        grid.rows.end());
        if (grid.rows.empty()) return;
        if (grid.width == 0 && grid.positions != Positions::stream) {
            for (const auto& r : grid.rows) grid.width = std::max<std::uint32_t>(grid.width, r.slots.size());
        }
        Block b;
        b.kind = BlockKind::table;
        b.table = doc_.tables.size();
        b.pos = grid.pos;
        doc_.tables.push_back(std::move(grid));
        doc_.blocks.push_back(std::move(b));
    }

    static void add_origin(std::vector<Slot>& slots, std::string_view text, SourcePos pos) {
        Slot& s = slots.emplace_back();
        s.text.assign(text);
        s.pos = pos;
    }
    static void add_covered(std::vector<Slot>& slots, SourcePos pos) {
        Slot& s = slots.emplace_back();
        s.kind = SlotKind::covered;
        s.pos = pos;
    }

    // `a | b | | c |` rows. Leading pipes before the first text are covered slots (or one
    // Markdown-style decoration pipe when the table's first line starts with one); whitespace
    // between two pipes inside the row is a blank cell; pipes after the row's last text are
    // covered slots when written as a run (`| ||`), blank cells when separated by whitespace
    // (`| | |`). A row whose closing pipe wrapped onto the next line is joined with it.
    void rows_per_line(std::size_t begin, std::size_t end, Grid& grid) {
        grid.positions = Positions::as_given;
        const bool decoration = lines_[begin].trimmed.front() == '|';
        struct Piece {
            std::string_view raw;
            std::string_view text;  // raw, trimmed
            bool closed = false;    // by a pipe
        };
        std::vector<Piece> pieces;  // of the current line, reused
        grid.rows.reserve(end - begin);
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) continue;
            if (l.kind == LineKind::pipe_only) {
                // a wrapped closing pipe or stray covered slots: they belong to the row above
                if (!grid.rows.empty()) {
                    const bool wrapped = lines_[k - 1].kind == LineKind::piped && lines_[k - 1].trimmed.back() != '|';
                    for (std::uint32_t p = wrapped ? 1 : 0; p < l.pipes; ++p) add_covered(grid.rows.back().slots, pos_of(l, l.trimmed));
                }
                continue;
            }
            pieces.clear();
            for_each_piece(l.raw, [&](std::string_view piece, bool closed) { pieces.push_back({piece, trim_cell(piece), closed}); });
            std::size_t first = pieces.size(), last = 0;
            for (std::size_t p = 0; p < pieces.size(); ++p) {
                if (!pieces[p].text.empty()) {
                    first = std::min(first, p);
                    last = p;
                }
            }
            if (first == pieces.size()) continue;
            Row& row = grid.rows.emplace_back();
            row.pos = pos_of(l, l.trimmed);
            row.slots.reserve(pieces.size());  // lead + cells + trailing pipes never exceed it
            std::size_t lead = first;
            if (decoration && l.trimmed.front() == '|' && lead > 0) --lead;
            for (std::size_t p = 0; p < lead; ++p) add_covered(row.slots, row.pos);
            for (std::size_t p = first; p <= last; ++p) {
                const Piece& piece = pieces[p];
                add_origin(row.slots, piece.text, pos_of(l, piece.text.empty() ? piece.raw : piece.text));
            }
            // pieces after `last`: each closed piece is one trailing pipe
            std::size_t trailing = 0;
            bool adjacent = false;
            for (std::size_t p = last + 1; p < pieces.size(); ++p) {
                if (!pieces[p].closed) break;
                ++trailing;
                if (p > last + 1 && pieces[p].raw.empty()) adjacent = true;
            }
            const bool blanks = !adjacent;
            for (std::size_t p = 0; p < trailing; ++p) {
                if (blanks) {
                    add_origin(row.slots, "", row.pos);
                } else {
                    add_covered(row.slots, row.pos);
                }
            }
        }
    }

    // The cell-per-line family (seed form, bare-pipe separators, alternating lines): text
    // lines accumulate into a cell that the next pipe closes; further pipes before the next
    // text are covered slots. Rows: counted to the table width (the first row's pipes) in the
    // seed's form, split at bare `|` lines in the separated form, and unknown (stream) in the
    // alternating form.
    void cells_per_line(std::size_t begin, std::size_t end, Grid& grid) {
        struct Tok {
            Slot slot;
            bool separator = false;
        };
        std::vector<Tok> toks;
        std::size_t pipes = 0;
        for (std::size_t k = begin; k < end; ++k) pipes += lines_[k].pipes;
        toks.reserve(pipes + 1);  // one token per pipe, and a cut-off cell at the end
        std::string pending;
        SourcePos pending_pos;
        auto add_covered_tok = [&](SourcePos pos, bool separator) {
            Tok& t = toks.emplace_back();
            t.slot.kind = SlotKind::covered;
            t.slot.pos = pos;
            t.separator = separator;
        };
        auto add_pending_tok = [&] {
            Tok& t = toks.emplace_back();
            t.slot.text = std::move(pending);
            t.slot.pos = pending_pos;
            pending.clear();
        };
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) continue;
            if (grid.form == FlatForm::row_separated && l.kind == LineKind::pipe_only && l.pipes == 1 && pending.empty()) {
                const std::size_t next = next_nonblank(k + 1);
                if (k == begin || next >= end || lines_[next].kind != LineKind::pipe_only) {
                    add_covered_tok(pos_of(l, l.trimmed), true);
                    continue;
                }
            }
            for_each_piece(l.raw, [&](std::string_view piece, bool closed) {
                const auto part = trim_cell(piece);
                if (!part.empty()) {
                    if (pending.empty()) {
                        pending_pos = pos_of(l, part);
                    } else {
                        pending += '\n';
                    }
                    pending += part;
                }
                if (!closed) return;
                const std::string_view bar(piece.data() + piece.size(), 1);
                if (pending.empty()) {
                    add_covered_tok(pos_of(l, bar), false);
                } else {
                    add_pending_tok();
                }
            });
        }
        if (!pending.empty()) add_pending_tok();

        if (grid.form == FlatForm::alternating) {
            std::vector<Slot> slots;
            slots.reserve(toks.size());
            for (auto& t : toks) {
                if (!t.separator && t.slot.kind == SlotKind::origin) slots.push_back(std::move(t.slot));
            }
            stream_rows(std::move(slots), grid);
            return;
        }
        if (grid.form == FlatForm::row_separated) {
            grid.positions = Positions::as_given;
            Row row;
            for (auto& t : toks) {
                if (t.separator) {
                    if (!row.slots.empty()) grid.rows.push_back(std::move(row));
                    row = Row{};
                    continue;
                }
                if (row.slots.empty()) row.pos = t.slot.pos;
                row.slots.push_back(std::move(t.slot));
            }
            if (!row.slots.empty()) grid.rows.push_back(std::move(row));
            return;
        }
        // The seed's form: the first row's pipes give the width; every row accounts for it.
        std::uint32_t width = 0;
        bool seen_covered = false;
        for (const auto& t : toks) {
            if (t.slot.kind == SlotKind::covered) {
                seen_covered = true;
            } else if (seen_covered) {
                break;
            }
            ++width;
            if (width > 64) break;
        }
        if (!seen_covered || width < 2 || width > 64) {
            doc_.add_diagnostic({"pipe_rows_unknown",
                                 "table cells carry no covered-slot pipes to count rows by; rows are inferred from labels and values",
                                 grid.pos});
            std::vector<Slot> slots;
            slots.reserve(toks.size());
            for (auto& t : toks) {
                if (t.slot.kind == SlotKind::origin) slots.push_back(std::move(t.slot));
            }
            stream_rows(std::move(slots), grid);
            return;
        }
        grid.positions = Positions::as_given;
        grid.width = width;
        grid.rows.reserve(toks.size() / width + 1);
        for (std::size_t t = 0; t < toks.size(); t += width) {
            Row& row = grid.rows.emplace_back();
            row.pos = toks[t].slot.pos;
            const std::size_t row_end = std::min<std::size_t>(t + width, toks.size());
            row.slots.reserve(row_end - t);
            for (std::size_t u = t; u < row_end; ++u) row.slots.push_back(std::move(toks[u].slot));
        }
    }

    // No row boundaries in the markup: a row starts at a label that follows a value.
    static void stream_rows(std::vector<Slot> slots, Grid& grid) {
        grid.positions = Positions::stream;
        Row row;
        bool row_has_value = false;
        for (auto& s : slots) {
            const bool value = looks_like_value(s.text);
            if (!value && row_has_value) {
                grid.rows.push_back(std::exchange(row, Row{}));
                row_has_value = false;
            }
            if (row.slots.empty()) row.pos = s.pos;
            row_has_value = row_has_value || value;
            row.slots.push_back(std::move(s));
        }
        if (!row.slots.empty()) grid.rows.push_back(std::move(row));
    }

    std::size_t pipeless_run(std::size_t i) {
        std::size_t k = i, last = i, count = 0, values = 0, bytes = 0;
        while (k < lines_.size()) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) {
                ++k;
                continue;
            }
            if (!cell_like(l)) break;
            ++count;
            values += looks_like_value(l.trimmed);
            bytes += l.trimmed.size();
            last = k++;
        }
        // Enough short lines with values, or many lines, or a run of very short labels (a
        // table whose values were dropped): prose does not look like that.
        const bool table = count >= options_.min_pipeless_run &&
                           (values >= 2 || count >= 2 * options_.min_pipeless_run || bytes <= 24 * count);
        if (!table) {
            text_block(lines_[i]);
            return i + 1;
        }
        Grid grid;
        grid.form = FlatForm::no_pipes;
        grid.pos = pos_of(lines_[i], lines_[i].trimmed);
        std::vector<Slot> slots;
        slots.reserve(count);
        for (std::size_t j = i; j <= last; ++j) {
            const Line& l = lines_[j];
            if (l.kind != LineKind::blank) add_origin(slots, l.trimmed, pos_of(l, l.trimmed));
        }
        stream_rows(std::move(slots), grid);
        add_table(std::move(grid));
        return last + 1;
    }
};

}  // namespace

bool looks_like_value(std::string_view cell) { return read_cell_value(cell).kind != CellKind::text; }

Document parse_text(std::string_view utf8_text, const TextOptions& options) {
    return TextParser(utf8_text, options).run();
}

}  // namespace zfxxgk::tables
