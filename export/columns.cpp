#include "export/columns.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "extractor/label_en.hpp"
#include "extractor/template.hpp"

namespace zfxxgk::exporting {
namespace {

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// path → indexes into dictionary(), in template order.
const std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>>& entries_by_path() {
    static const auto index = [] {
        std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>> m;
        const auto& d = dictionary();
        for (std::size_t i = 0; i < d.size(); ++i) m[d[i].path].push_back(i);
        return m;
    }();
    return index;
}

// The rows of `object` in every template, merged: the first template's order, and each row of a
// later template that the first lacks inserted before the next row both have (other_documents
// before licensing, outcomes.other.unsplit before outcomes.total), or at the end.
std::vector<std::string_view> merged_rows(std::string_view object) {
    std::vector<std::string_view> merged;
    for (const extractor::TemplateSpec* spec : extractor::all_templates()) {
        for (const auto& table : spec->tables) {
            if (table.object != object) continue;
            std::size_t next = merged.size();
            for (auto row = table.rows.rbegin(); row != table.rows.rend(); ++row) {
                const auto at = std::find(merged.begin(), merged.end(), row->path);
                if (at != merged.end()) {
                    next = static_cast<std::size_t>(at - merged.begin());
                } else {
                    merged.insert(merged.begin() + static_cast<std::ptrdiff_t>(next), row->path);
                }
            }
        }
    }
    return merged;
}

WideTable wide_table(std::string_view object) {
    WideTable t;
    t.object = object;
    for (std::string_view row : merged_rows(object)) {
        const std::string prefix = std::string(object) + "." + std::string(row) + ".";
        for (const DictionaryEntry& e : dictionary()) {
            if (!e.path.starts_with(prefix) || e.path.find('.', prefix.size()) != std::string::npos) continue;
            if (std::find(t.paths.begin(), t.paths.end(), e.path) != t.paths.end()) continue;
            t.paths.push_back(e.path);
            t.labels_zh.push_back(e.label_zh);
        }
    }
    return t;
}

std::string escape_markdown_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\";
        out.push_back(c);
    }
    return out;
}

}  // namespace

const std::vector<DictionaryEntry>& dictionary() {
    static const std::vector<DictionaryEntry> entries = [] {
        std::vector<DictionaryEntry> out;
        for (const extractor::TemplateSpec* spec : extractor::all_templates()) {
            for (const std::string& path : extractor::canonical_paths(*spec)) {
                const auto d = extractor::describe_path(*spec, path);
                out.push_back({std::string(spec->id), path, d ? d->label_zh : "", d ? d->label_en : "",
                               std::string(d ? d->type : "number"), std::string(d ? d->unit : "")});
            }
        }
        return out;
    }();
    return entries;
}

const DictionaryEntry* labels_for(std::string_view template_id, std::string_view path) {
    const auto& index = entries_by_path();
    const auto it = index.find(path);
    if (it == index.end()) return nullptr;
    const auto& d = dictionary();
    for (std::size_t i : it->second) {
        if (d[i].template_id == template_id) return &d[i];
    }
    return &d[it->second.front()];
}

std::string dictionary_markdown() {
    std::string out;
    for (const extractor::TemplateSpec* spec : extractor::all_templates()) {
        out += "\n### Template ";
        out += spec->id;
        out += " (";
        out += spec->notice;
        out += ")\n\n| path | Chinese label | English description | type | unit |\n|---|---|---|---|---|\n";
        for (const DictionaryEntry& e : dictionary()) {
            if (e.template_id != spec->id) continue;
            out += "| `" + e.path + "` | " + escape_markdown_cell(e.label_zh) + " | " + escape_markdown_cell(e.label_en) +
                   " | " + e.type + " | " + e.unit + " |\n";
        }
    }
    return out;
}

int WideTable::column(std::string_view path) const {
    // Tables are small (≤ 200 columns) and rows come in template order: a linear scan from
    // the last hit would do, but a lookup keeps the cost flat.
    static const auto index = [] {
        std::unordered_map<std::string, int, Hash, std::equal_to<>> m;
        for (const WideTable& t : wide_tables()) {
            for (std::size_t i = 0; i < t.paths.size(); ++i) m.emplace(t.paths[i], static_cast<int>(i));
        }
        return m;
    }();
    if (!path.starts_with(object) || path.size() <= object.size() || path[object.size()] != '.') return -1;
    const auto it = index.find(path);
    return it == index.end() ? -1 : it->second;
}

const std::vector<WideTable>& wide_tables() {
    static const std::vector<WideTable> tables = {wide_table("active_disclosure"), wide_table("applications"),
                                                  wide_table("reviews_litigation")};
    return tables;
}

}  // namespace zfxxgk::exporting
