#include "tables/flattened.hpp"

#include <algorithm>
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

Line make_line(std::string_view raw, std::uint32_t number, std::size_t offset) {
    Line l;
    l.raw = raw;
    l.trimmed = trim_cell(raw);
    l.number = number;
    l.offset = static_cast<std::uint32_t>(offset);
    for (char c : raw) l.pipes += (c == '|');
    if (l.pipes > 0) {
        std::size_t piece = 0;
        for (;;) {
            const std::size_t bar = raw.find('|', piece);
            if (!trim_cell(raw.substr(piece, bar == std::string_view::npos ? bar : bar - piece)).empty()) ++l.segments;
            if (bar == std::string_view::npos) break;
            piece = bar + 1;
        }
    }
    l.kind = l.trimmed.empty() ? LineKind::blank
             : l.pipes == 0    ? LineKind::text
             : l.segments == 0 ? LineKind::pipe_only
                               : LineKind::piped;
    return l;
}

// Lines end at \n, \r\n or a lone \r.
std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    std::size_t start = 0;
    std::uint32_t number = 1;
    while (start < text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(make_line(text.substr(start, end - start), number++, start));
        if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++end;
        start = end + 1;
    }
    return lines;
}

class TextParser {
public:
    TextParser(std::string_view text, const TextOptions& options)
        : options_(options), lines_(split_lines(text)) {}

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
    const TextOptions& options_;
    std::vector<Line> lines_;
    Document doc_;

    bool heading(const Line& l) const { return options_.is_heading && options_.is_heading(l.trimmed); }

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
            std::string text;
            std::size_t piece = 0;
            while (piece <= l.raw.size()) {
                std::size_t bar = l.raw.find('|', piece);
                if (bar == std::string_view::npos) bar = l.raw.size();
                auto part = trim_cell(l.raw.substr(piece, bar - piece));
                if (!part.empty()) {
                    if (!text.empty()) text += ' ';
                    text += part;
                }
                piece = bar + 1;
            }
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

    static Slot origin(std::string text, SourcePos pos) {
        Slot s;
        s.text = std::move(text);
        s.pos = pos;
        return s;
    }
    static Slot covered(SourcePos pos) {
        Slot s;
        s.kind = SlotKind::covered;
        s.pos = pos;
        return s;
    }

    // `a | b | | c |` rows. Leading pipes before the first text are covered slots (or one
    // Markdown-style decoration pipe when the table's first line starts with one); whitespace
    // between two pipes inside the row is a blank cell; pipes after the row's last text are
    // covered slots when written as a run (`| ||`), blank cells when separated by whitespace
    // (`| | |`). A row whose closing pipe wrapped onto the next line is joined with it.
    void rows_per_line(std::size_t begin, std::size_t end, Grid& grid) {
        grid.positions = Positions::as_given;
        const bool decoration = lines_[begin].trimmed.front() == '|';
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) continue;
            if (l.kind == LineKind::pipe_only) {
                // a wrapped closing pipe or stray covered slots: they belong to the row above
                if (!grid.rows.empty()) {
                    const bool wrapped = lines_[k - 1].kind == LineKind::piped && lines_[k - 1].trimmed.back() != '|';
                    for (std::uint32_t p = wrapped ? 1 : 0; p < l.pipes; ++p) grid.rows.back().slots.push_back(covered(pos_of(l, l.trimmed)));
                }
                continue;
            }
            Row row;
            row.pos = pos_of(l, l.trimmed);
            std::vector<std::pair<std::string_view, bool>> pieces;  // text, closed by a pipe
            std::size_t piece = 0;
            for (;;) {
                std::size_t bar = l.raw.find('|', piece);
                if (bar == std::string_view::npos) {
                    pieces.emplace_back(l.raw.substr(piece), false);
                    break;
                }
                pieces.emplace_back(l.raw.substr(piece, bar - piece), true);
                piece = bar + 1;
            }
            std::size_t first = pieces.size(), last = 0;
            for (std::size_t p = 0; p < pieces.size(); ++p) {
                if (!trim_cell(pieces[p].first).empty()) {
                    first = std::min(first, p);
                    last = p;
                }
            }
            if (first == pieces.size()) continue;
            std::size_t lead = first;
            if (decoration && l.trimmed.front() == '|' && lead > 0) --lead;
            for (std::size_t p = 0; p < lead; ++p) row.slots.push_back(covered(row.pos));
            for (std::size_t p = first; p <= last; ++p) {
                auto text = trim_cell(pieces[p].first);
                row.slots.push_back(origin(std::string(text), pos_of(l, text.empty() ? pieces[p].first : text)));
            }
            // pieces after `last`: each closed piece is one trailing pipe
            std::size_t trailing = 0;
            bool adjacent = false;
            for (std::size_t p = last + 1; p < pieces.size(); ++p) {
                if (!pieces[p].second) break;
                ++trailing;
                if (p > last + 1 && pieces[p].first.empty()) adjacent = true;
            }
            const bool blanks = !adjacent;
            for (std::size_t p = 0; p < trailing; ++p) {
                row.slots.push_back(blanks ? origin("", row.pos) : covered(row.pos));
            }
            grid.rows.push_back(std::move(row));
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
        std::string pending;
        SourcePos pending_pos;
        auto flush = [&](SourcePos pos) {
            if (pending.empty()) {
                toks.push_back({covered(pos), false});
            } else {
                toks.push_back({origin(std::move(pending), pending_pos), false});
                pending.clear();
            }
        };
        for (std::size_t k = begin; k < end; ++k) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::blank) continue;
            if (grid.form == FlatForm::row_separated && l.kind == LineKind::pipe_only && l.pipes == 1 && pending.empty()) {
                const std::size_t next = next_nonblank(k + 1);
                if (k == begin || next >= end || lines_[next].kind != LineKind::pipe_only) {
                    toks.push_back({covered(pos_of(l, l.trimmed)), true});
                    continue;
                }
            }
            std::size_t piece = 0;
            for (;;) {
                std::size_t bar = l.raw.find('|', piece);
                auto part = trim_cell(l.raw.substr(piece, bar == std::string_view::npos ? std::string_view::npos : bar - piece));
                if (!part.empty()) {
                    if (pending.empty()) {
                        pending_pos = pos_of(l, part);
                    } else {
                        pending += '\n';
                    }
                    pending += part;
                }
                if (bar == std::string_view::npos) break;
                flush(pos_of(l, l.raw.substr(bar, 1)));
                piece = bar + 1;
            }
        }
        if (!pending.empty()) toks.push_back({origin(std::move(pending), pending_pos), false});

        if (grid.form == FlatForm::alternating) {
            std::vector<Slot> slots;
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
            for (auto& t : toks) {
                if (t.slot.kind == SlotKind::origin) slots.push_back(std::move(t.slot));
            }
            stream_rows(std::move(slots), grid);
            return;
        }
        grid.positions = Positions::as_given;
        grid.width = width;
        Row row;
        for (auto& t : toks) {
            if (row.slots.empty()) row.pos = t.slot.pos;
            row.slots.push_back(std::move(t.slot));
            if (row.slots.size() == width) grid.rows.push_back(std::exchange(row, Row{}));
        }
        if (!row.slots.empty()) grid.rows.push_back(std::move(row));
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
        for (std::size_t j = i; j <= last; ++j) {
            const Line& l = lines_[j];
            if (l.kind != LineKind::blank) slots.push_back(origin(std::string(l.trimmed), pos_of(l, l.trimmed)));
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
