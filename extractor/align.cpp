#include "extractor/align.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/label_match.hpp"
#include "extractor/normalize.hpp"

namespace zfxxgk::extractor {
namespace {

using tables::CellKind;

struct Token {
    SlotRef ref;
    const std::string* text = nullptr;
    const CellInfo* info = nullptr;
    tables::Positions positions = tables::Positions::exact;

    [[nodiscard]] const tables::CellValue& cv() const { return info->value; }
    [[nodiscard]] const std::string& norm() const { return info->norm; }
    [[nodiscard]] const LabelKey& key() const { return info->key; }
};

std::vector<Token> tokens_of(const ReadDocument& doc, const std::vector<int>& doc_tables) {
    std::vector<Token> toks;
    for (int t : doc_tables) {
        const auto& grid = doc.doc.tables[static_cast<std::size_t>(t)];
        const auto& info = doc.tables[static_cast<std::size_t>(t)];
        for (std::size_t r = 0; r < grid.rows.size(); ++r) {
            const auto& row = grid.rows[r];
            for (std::size_t s = 0; s < row.slots.size(); ++s) {
                const auto& slot = row.slots[s];
                if (slot.kind != tables::SlotKind::origin) continue;
                toks.push_back({{t, static_cast<int>(r), static_cast<int>(s)}, &slot.text, &info.rows[r][s], grid.positions});
            }
        }
    }
    return toks;
}

bool same_grid_row(const SlotRef& a, const SlotRef& b) { return a.table == b.table && a.row == b.row; }

// A row label of the spec's, for a token.
const RowLabel* match_row(const TableMatcher& m, const Token& t) { return match_row(m, *t.info); }
bool is_structure(const TableMatcher& m, const Token& t) { return is_structure(m, *t.info); }
HeaderMatch match_header(const TableMatcher& m, const Token& t) { return match_header(m, *t.info); }

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Aligner {
public:
    Aligner(const TableSpec& spec, const ReadDocument& doc, const std::vector<int>& doc_tables, bool truncated)
        : spec_(spec), m_(matcher_for(spec)), toks_(tokens_of(doc, doc_tables)), truncated_(truncated) {
        rows_.resize(spec.rows.size());
    }

    AlignResult run() {
        if (spec_.shape == TableShape::single_row) {
            single_row();
        } else {
            labelled_rows();
        }
        header_check();
        return std::move(out_);
    }

private:
    struct RowState {
        const Token* label = nullptr;
        std::vector<const Token*> values;
        const Token* run_together = nullptr;  // "规章555规范性文件141414"
    };

    const TableSpec& spec_;
    const TableMatcher& m_;
    std::vector<Token> toks_;
    bool truncated_;
    std::vector<RowState> rows_;
    std::vector<const Token*> header_prefix_;   // header cells read by prefix or as fragments
    std::set<std::string> header_exact_;        // bodies of header cells read exactly
    AlignResult out_;

    std::size_t columns_of(std::size_t row) const {
        return spec_.column_sets[static_cast<std::size_t>(spec_.rows[row].column_set)].size();
    }

    const std::string& path_of(std::size_t row, std::size_t col) const { return m_.paths[row][col]; }

    std::string row_name(std::size_t row) const { return std::string(spec_.rows[row].label); }

    void warn(std::string code, std::string message, const Token* at) {
        PendingWarning w{std::move(code), std::move(message), std::nullopt};
        if (at != nullptr) w.at = at->ref;
        out_.warnings.push_back(std::move(w));
    }

    void unplace(const Token& t, std::string reason) {
        out_.unplaced.push_back({t.ref, *t.text, std::move(reason)});
    }

    // Reads a text token that is not a row label; returns false when nothing knows it.
    bool read_label(const Token& t, bool last_token) {
        if (is_structure(m_, t)) return true;
        switch (match_header(m_, t)) {
            case HeaderMatch::exact:
                header_exact_.insert(t.key().body);
                return true;
            case HeaderMatch::prefix:
            case HeaderMatch::fragment:
                header_prefix_.push_back(&t);
                return true;
            case HeaderMatch::none:
                break;
        }
        if (has_digit(t.norm())) {
            bool any = false;
            for (const auto& r : m_.rows) {
                const auto pos = t.norm().find(r.label.key.body);
                if (r.label.key.body.size() >= 6 && pos != std::string::npos && pos + r.label.key.body.size() < t.norm().size() &&
                    t.norm()[pos + r.label.key.body.size()] >= '0' && t.norm()[pos + r.label.key.body.size()] <= '9') {
                    auto& st = rows_[static_cast<std::size_t>(r.row)];
                    if (st.label == nullptr && st.run_together == nullptr) st.run_together = &t;
                    any = true;
                }
            }
            if (any) return true;
        }
        if (last_token && truncated_) {
            if (t.key().body.size() >= 6) {  // a label cut off by the end of the document
                for (const auto& r : m_.rows) {
                    if (starts_with(r.label.key.body, t.key().body)) return true;
                }
                for (const auto& st : m_.structure) {
                    if (starts_with(st.key.body, t.key().body)) return true;
                }
            }
        }
        return false;
    }

    void labelled_rows() {
        int current = -1;
        const Token* current_label = nullptr;
        bool duplicate = false;
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const Token& t = toks_[i];
            if (t.cv().kind == CellKind::text) {
                // Inside a row whose markup gives its cells, text after the label is a value.
                const RowLabel* rl = match_row(m_, t);
                if (rl == nullptr && current >= 0 && t.positions != tables::Positions::stream &&
                    same_grid_row(current_label->ref, t.ref) && !is_structure(m_, t)) {
                    take_value(current, duplicate, t);
                    continue;
                }
                if (rl != nullptr) {
                    current = rl->row;
                    current_label = &t;
                    auto& st = rows_[static_cast<std::size_t>(current)];
                    duplicate = st.label != nullptr;
                    if (duplicate) {
                        warn("label_duplicate", "row " + row_name(static_cast<std::size_t>(current)) +
                                                    " appears twice; the first one is used", &t);
                    } else {
                        st.label = &t;
                        out_.row_label_slots.push_back(t.ref);
                        ++out_.rows_found;
                        if (rl->foreign) {
                            warn("template_mixed", "label \"" + *t.text + "\" belongs to another template; read as " +
                                                       row_name(static_cast<std::size_t>(current)), &t);
                        }
                    }
                    continue;
                }
                current = -1;
                if (!read_label(t, i + 1 == toks_.size())) {
                    warn("label_unmatched", "label \"" + *t.text + "\" matches no row of table " +
                                                std::to_string(spec_.number) + "; values after it are not placed", &t);
                }
                continue;
            }
            if (current >= 0) {
                take_value(current, duplicate, t);
            } else if (t.cv().kind != CellKind::blank) {
                unplace(t, "value under no known row label");
            }
        }
        assign_rows();
    }

    void take_value(int row, bool duplicate, const Token& t) {
        if (duplicate) {
            if (t.cv().kind != CellKind::blank) unplace(t, "value of a duplicated row " + row_name(static_cast<std::size_t>(row)));
            return;
        }
        rows_[static_cast<std::size_t>(row)].values.push_back(&t);
    }

    // The row whose label came last in the table: the one a truncated document cuts.
    std::size_t last_row_seen() const {
        std::size_t best = rows_.size();
        const Token* best_tok = nullptr;
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            if (rows_[r].label != nullptr && (best_tok == nullptr || rows_[r].label > best_tok)) {
                best_tok = rows_[r].label;
                best = r;
            }
        }
        return best;
    }

    void assign_rows() {
        const std::size_t last = last_row_seen();
        std::vector<std::size_t> cut_rows;    // rows after the point where a truncated document ends
        std::vector<std::size_t> empty_rows;  // rows with a label and no values
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            const auto& st = rows_[r];
            const std::size_t n = columns_of(r);
            if (st.label == nullptr) {
                if (st.run_together != nullptr) {
                    for (std::size_t c = 0; c < n; ++c) {
                        AlignedValue v{path_of(r, c), ValueStatus::ambiguous, std::nullopt, *st.run_together->text, "",
                                       st.run_together->ref, false};
                        out_.values.push_back(std::move(v));
                    }
                    out_.value_slots.push_back(st.run_together->ref);  // the cell holds values, whatever else
                    warn("value_ambiguous", "cells of row " + row_name(r) + " run together with their label (\"" +
                                                *st.run_together->text + "\"); digits are not split by guesswork",
                         st.run_together);
                    continue;
                }
                fill_missing(r, 0);
                if (spec_.rows[r].optional) continue;
                if (truncated_ && (last == rows_.size() || r > last)) {
                    cut_rows.push_back(r);
                } else {
                    warn("row_missing", "table " + std::to_string(spec_.number) + " has no row " + row_name(r), nullptr);
                }
                continue;
            }
            const auto& vals = st.values;
            if (vals.size() >= n) {
                for (std::size_t c = 0; c < n; ++c) place(r, c, *vals[c]);
                extra(r, n);
            } else if (r == last && truncated_) {
                for (std::size_t c = 0; c < vals.size(); ++c) place(r, c, *vals[c]);
                fill_missing(r, vals.size());
                warn("row_missing", "the document ends inside row " + row_name(r) + ": " +
                                        std::to_string(n - vals.size()) + " of its " + std::to_string(n) +
                                        " values are missing", st.label);
            } else if (vals.empty()) {
                fill_missing(r, 0);
                empty_rows.push_back(r);
            } else {
                for (std::size_t c = 0; c < n; ++c) {
                    out_.values.push_back({path_of(r, c), ValueStatus::ambiguous, std::nullopt, std::nullopt, "",
                                           std::nullopt, false});
                }
                for (const Token* v : vals) unplace(*v, "row " + row_name(r) + " has fewer values than columns");
                warn("column_count_mismatch", "row " + row_name(r) + " has " + std::to_string(vals.size()) +
                                                  " values for " + std::to_string(n) +
                                                  " columns: cells were lost, positions unknown; values not placed",
                     st.label);
            }
        }
        if (!empty_rows.empty()) {
            std::string message = "table " + std::to_string(spec_.number) + ": " + std::to_string(empty_rows.size()) +
                                  (empty_rows.size() == 1 ? " row has" : " rows have") + " a label but no values (" +
                                  row_name(empty_rows.front());
            if (empty_rows.size() > 1) message += " … " + row_name(empty_rows.back());
            warn("values_missing", message + ")", rows_[empty_rows.front()].label);
        }
        if (!cut_rows.empty()) {
            std::string message = "the document ends inside table " + std::to_string(spec_.number) + ": " +
                                  std::to_string(cut_rows.size()) + " rows missing (" + row_name(cut_rows.front());
            if (cut_rows.size() > 1) message += " … " + row_name(cut_rows.back());
            warn("row_missing", message + ")", nullptr);
        }
    }

    void extra(std::size_t r, std::size_t n) {
        const auto& vals = rows_[r].values;
        bool warned = false;
        for (std::size_t c = n; c < vals.size(); ++c) {
            if (vals[c]->cv().kind == CellKind::blank) continue;
            unplace(*vals[c], "more values than row " + row_name(r) + " has columns");
            if (!warned) {
                warn("column_count_mismatch", "row " + row_name(r) + " has more values than its " +
                                                  std::to_string(n) + " columns; the extra ones are unplaced",
                     rows_[r].label);
                warned = true;
            }
        }
    }

    void fill_missing(std::size_t r, std::size_t from) {
        for (std::size_t c = from; c < columns_of(r); ++c) {
            out_.values.push_back({path_of(r, c), ValueStatus::missing, std::nullopt, std::nullopt, "", std::nullopt, false});
        }
    }

    void place(std::size_t r, std::size_t c, const Token& t) {
        AlignedValue v;
        v.path = path_of(r, c);
        v.raw = *t.text;
        v.at = t.ref;
        v.unit = t.cv().unit;
        v.inferred = t.positions == tables::Positions::stream;
        switch (t.cv().kind) {
            case CellKind::number:
                v.status = ValueStatus::number;
                v.number = t.cv().number;
                if (t.cv().stray_chars) {
                    warn("value_cleaned", "value \"" + *t.text + "\" of " + v.path + " read as a number after skipping stray characters", &t);
                }
                break;
            case CellKind::blank:
                v.status = ValueStatus::blank;
                break;
            case CellKind::not_applicable:
                v.status = ValueStatus::not_applicable;
                break;
            case CellKind::text:
                v.status = ValueStatus::unparsed;
                warn("value_unparsed", "cell \"" + *t.text + "\" of " + v.path + " is not a number", &t);
                break;
        }
        out_.value_slots.push_back(t.ref);
        out_.values.push_back(std::move(v));
    }

    // Table 4: a header, then one row of values, read in column order.
    void single_row() {
        std::vector<const Token*> vals;
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const Token& t = toks_[i];
            if (t.cv().kind == CellKind::text) {
                if (!vals.empty()) {
                    unplace(t, "text after the values of table " + std::to_string(spec_.number));
                    continue;
                }
                if (match_row(m_, t) != nullptr) {
                    ++out_.rows_found;
                    continue;
                }
                if (!read_label(t, i + 1 == toks_.size())) {
                    warn("label_unmatched", "label \"" + *t.text + "\" matches nothing in table " +
                                                std::to_string(spec_.number), &t);
                }
                continue;
            }
            vals.push_back(&t);
        }
        // Blank cells before the first value are header spacers, not values.
        std::size_t start = 0;
        std::size_t total = 0;
        for (std::size_t r = 0; r < spec_.rows.size(); ++r) total += columns_of(r);
        while (start < vals.size() && vals.size() - start > total && vals[start]->cv().kind == CellKind::blank) ++start;
        const std::size_t have = vals.size() - start;
        const bool cut = have < total && truncated_;
        if (have < total && !cut && have > 0) {
            for (std::size_t r = 0; r < spec_.rows.size(); ++r) {
                for (std::size_t c = 0; c < columns_of(r); ++c) {
                    out_.values.push_back({path_of(r, c), ValueStatus::ambiguous, std::nullopt, std::nullopt, "", std::nullopt, false});
                }
            }
            for (std::size_t i = start; i < vals.size(); ++i) unplace(*vals[i], "table " + std::to_string(spec_.number) + " has fewer values than columns");
            warn("column_count_mismatch", "table " + std::to_string(spec_.number) + " has " + std::to_string(have) +
                                              " values for " + std::to_string(total) +
                                              " columns: cells were lost, positions unknown; values not placed",
                 vals[start]);
            return;
        }
        std::size_t k = start;
        for (std::size_t r = 0; r < spec_.rows.size(); ++r) {
            for (std::size_t c = 0; c < columns_of(r); ++c) {
                if (k < vals.size()) {
                    place(r, c, *vals[k++]);
                } else {
                    out_.values.push_back({path_of(r, c), ValueStatus::missing, std::nullopt, std::nullopt, "", std::nullopt, false});
                }
            }
        }
        if (have == 0) {
            warn("values_missing", "table " + std::to_string(spec_.number) + " has its header but no values", nullptr);
        } else if (cut) {
            warn("row_missing", "the document ends inside table " + std::to_string(spec_.number) + ": " +
                                    std::to_string(total - have) + " of its " + std::to_string(total) +
                                    " values are missing", nullptr);
        }
        for (; k < vals.size(); ++k) {
            if (vals[k]->cv().kind != CellKind::blank) unplace(*vals[k], "more values than table " + std::to_string(spec_.number) + " has columns");
        }
    }

    // Header cells read by prefix or as fragments, or column labels not found at all: the
    // columns come from the template, and the record says so.
    void header_check() {
        if (truncated_ && out_.rows_found == 0 && spec_.shape == TableShape::labelled_rows) return;
        std::vector<std::string> missing;
        for (std::size_t i = 0; i < m_.header_bodies.size(); ++i) {
            const std::string& body = m_.header_bodies[i];
            if (header_exact_.count(body) > 0) continue;
            const bool by_prefix = std::any_of(header_prefix_.begin(), header_prefix_.end(),
                                               [&](const Token* t) { return starts_with(body, t->key().body); });
            if (!by_prefix) missing.push_back(std::string(spec_.header_columns[i]));
        }
        if (header_prefix_.empty() && (missing.empty() || missing.size() == m_.header_bodies.size())) {
            if (!missing.empty() && out_.rows_found > 0 && spec_.shape == TableShape::labelled_rows) {
                warn("header_inferred", "table " + std::to_string(spec_.number) +
                                            " has no column header; columns taken from the template", nullptr);
            }
            return;
        }
        std::string cells;
        std::set<std::string> listed;
        for (const Token* t : header_prefix_) {
            if (!listed.insert(*t->text).second) continue;
            if (!cells.empty()) cells += ", ";
            cells += *t->text;
        }
        std::string message = "table " + std::to_string(spec_.number) + " header";
        if (!cells.empty()) message += " cells " + cells + " are truncated or split";
        if (!missing.empty()) {
            std::string list;
            for (const auto& s : missing) list += (list.empty() ? "" : ", ") + s;
            message += (cells.empty() ? " lacks " : "; lacks ") + list;
        }
        message += "; columns taken from the template";
        warn("header_inferred", message, header_prefix_.empty() ? nullptr : header_prefix_.front());
    }
};

}  // namespace

AlignResult align_table(const TableSpec& spec, const ReadDocument& doc, const std::vector<int>& doc_tables,
                        bool truncated) {
    return Aligner(spec, doc, doc_tables, truncated).run();
}

AlignResult missing_table(const TableSpec& spec) {
    AlignResult out;
    for (const auto& row : spec.rows) {
        for (const auto& col : spec.column_sets[static_cast<std::size_t>(row.column_set)]) {
            out.values.push_back({std::string(spec.object) + "." + std::string(row.path) + "." + std::string(col.key),
                                  ValueStatus::missing, std::nullopt, std::nullopt, "", std::nullopt, false});
        }
    }
    return out;
}

}  // namespace zfxxgk::extractor
