#include "extractor/label_match.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/normalize.hpp"

namespace zfxxgk::extractor {

using tables::CellKind;

namespace {


KeyedLabel keyed(std::string_view label) {
    KeyedLabel k;
    k.full = normalize_label(label);
    k.key = label_key(k.full);
    k.official = label;
    return k;
}



TableMatcher build_matcher(const TableSpec& spec) {
    TableMatcher m;
    for (const auto& set : spec.column_sets) {
        for (const auto& c : set) m.column_bodies.push_back(keyed(c.label).key.body);
    }
    for (auto h : spec.header_columns) {
        auto body = keyed(h).key.body;
        m.header_bodies.push_back(body);
        m.column_bodies.push_back(body);
    }
    auto add_row = [&](std::string_view label, int row, bool foreign) {
        RowLabel r{keyed(label), row, false, foreign};
        r.need_number = std::find(m.column_bodies.begin(), m.column_bodies.end(), r.label.key.body) != m.column_bodies.end();
        m.rows.push_back(std::move(r));
    };
    for (std::size_t i = 0; i < spec.rows.size(); ++i) {
        add_row(spec.rows[i].label, static_cast<int>(i), false);
        for (auto alias : spec.rows[i].aliases) add_row(alias, static_cast<int>(i), false);
    }
    for (const TemplateSpec* other : all_templates()) {
        for (const auto& table : other->tables) {
            if (table.number != spec.number || &table == &spec) continue;
            for (const auto& orow : table.rows) {
                for (std::size_t i = 0; i < spec.rows.size(); ++i) {
                    if (spec.rows[i].path == orow.path && keyed(orow.label).key.body != keyed(spec.rows[i].label).key.body) {
                        add_row(orow.label, static_cast<int>(i), true);
                    }
                }
            }
        }
    }
    for (auto s : spec.structure) m.structure.push_back(keyed(s));
    for (auto mk : spec.markers) m.markers.push_back(normalize_label(mk));
    for (const auto& row : spec.rows) {
        auto& paths = m.paths.emplace_back();
        for (const auto& col : spec.column_sets[static_cast<std::size_t>(row.column_set)]) {
            paths.push_back(std::string(spec.object) + "." + std::string(row.path) + "." + std::string(col.key));
        }
    }
    return m;
}

}  // namespace

const TableMatcher& matcher_for(const TableSpec& spec) {
    thread_local std::map<const TableSpec*, TableMatcher> cache;
    auto it = cache.find(&spec);
    if (it == cache.end()) {
        it = cache.emplace(&spec, build_matcher(spec)).first;
        TableMatcher& m = it->second;
        for (std::size_t i = 0; i < m.rows.size(); ++i) m.rows_by_body[m.rows[i].label.key.body].push_back(i);
        for (std::size_t i = 0; i < m.structure.size(); ++i) m.structure_by_body[m.structure[i].key.body].push_back(i);
        for (const auto& c : m.column_bodies) m.column_body_set.insert(c);
    }
    return it->second;
}

const RowLabel* match_row(const TableMatcher& m, const CellInfo& t) {
    if (t.key.body.empty()) return nullptr;
    const auto found = m.rows_by_body.find(t.key.body);
    if (found == m.rows_by_body.end()) return nullptr;
    for (const std::size_t i : found->second) {
        const RowLabel& r = m.rows[i];
        if (r.need_number && t.key.number != r.label.key.number) continue;
        return &r;
    }
    return nullptr;
}

bool is_structure(const TableMatcher& m, const CellInfo& t) {
    if (t.key.body.empty()) return !t.norm.empty() && t.norm.front() == '(';  // a note in parentheses
    const auto found = m.structure_by_body.find(t.key.body);
    if (found == m.structure_by_body.end()) return false;
    for (const std::size_t i : found->second) {
        const KeyedLabel& s = m.structure[i];
        if (t.key.number.empty() || s.key.number.empty() || s.key.number == t.key.number) return true;
    }
    return false;
}


bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

namespace {
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

HeaderMatch match_header(const TableMatcher& m, const CellInfo& t) {
    const std::string& b = t.key.body;
    if (b.empty()) return HeaderMatch::none;
    if (m.column_body_set.count(b) > 0) return HeaderMatch::exact;
    if (b.size() < 6) return HeaderMatch::none;
    HeaderMatch best = HeaderMatch::none;
    for (const auto& c : m.column_bodies) {
        if (b.size() < c.size()) {
            // inline comparisons: this loop runs for every text cell against every template table
            if (c.compare(0, b.size(), b) == 0) {
                best = HeaderMatch::prefix;
            } else if (best == HeaderMatch::none && c.compare(c.size() - b.size(), b.size(), b) == 0) {
                best = HeaderMatch::fragment;
            }
        }
    }
    return best;
}

namespace {

int count_tokens(const TableSpec& spec, const TableInfo& table, bool markers_only) {
    const TableMatcher& m = matcher_for(spec);
    std::vector<char> seen(spec.rows.size(), 0);
    int score = 0;
    for (const auto& row : table.rows) {
        for (const CellInfo& c : row) {
            if (c.value.kind != CellKind::text || c.norm.empty()) continue;  // values and covered slots
            if (markers_only) {
                score += std::any_of(m.markers.begin(), m.markers.end(), [&](const std::string& mk) { return starts_with(c.norm, mk); });
                continue;
            }
            if (const RowLabel* rl = match_row(m, c); rl != nullptr && !rl->foreign) {
                auto& row_seen = seen[static_cast<std::size_t>(rl->row)];
                score += row_seen ? 0 : 2;
                row_seen = 1;
            } else if (is_structure(m, c) && !c.key.body.empty()) {
                ++score;
            } else if (match_header(m, c) != HeaderMatch::none) {
                ++score;
            }
        }
    }
    return score;
}

}  // namespace

int match_score(const TableSpec& spec, const TableInfo& table) { return count_tokens(spec, table, false); }

int marker_count(const TableSpec& spec, const TableInfo& table) { return count_tokens(spec, table, true); }

}  // namespace zfxxgk::extractor
