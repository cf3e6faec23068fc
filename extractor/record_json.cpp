#include "extractor/record_json.hpp"

#include <string_view>
#include <vector>

#include "extractor/json_writer.hpp"

namespace zfxxgk::extractor {
namespace {

void write_source(JsonWriter& w, const Source& s) {
    w.begin_object();
    w.key("path"), w.value(s.path);
    w.key("url"), w.value(s.url);
    w.key("sha256"), w.value(s.sha256);
    w.key("bytes"), w.value(s.bytes);
    w.key("encoding"), w.value(s.encoding);
    w.key("form"), w.value(s.form);
    w.key("fetched_at"), w.value(s.fetched_at);
    w.key("warc_file"), w.value(s.warc_file);
    w.key("warc_record_id"), w.value(s.warc_record_id);
    w.end_object();
}

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) return parts;
        start = dot + 1;
    }
}

// The three table objects, nested from the values' dotted paths (which come grouped, in
// template order); null for a table without values.
void write_tables(JsonWriter& w, const std::vector<Value>& values) {
    for (std::string_view object : {"active_disclosure", "applications", "reviews_litigation"}) {
        w.key(object);
        std::vector<std::string_view> open;  // path components of the objects open below `object`
        bool any = false;
        for (const auto& v : values) {
            auto parts = split_path(v.path);
            if (parts.front() != object) continue;
            if (!any) {
                w.begin_object();
                any = true;
            }
            parts.erase(parts.begin());
            const std::string_view leaf = parts.back();
            parts.pop_back();
            std::size_t common = 0;
            while (common < open.size() && common < parts.size() && open[common] == parts[common]) ++common;
            while (open.size() > common) {
                w.end_object();
                open.pop_back();
            }
            for (std::size_t i = common; i < parts.size(); ++i) {
                w.key(parts[i]);
                w.begin_object();
                open.push_back(parts[i]);
            }
            w.key(leaf);
            if (v.number) {
                w.number(*v.number);
            } else {
                w.null();
            }
        }
        if (!any) {
            w.null();
            continue;
        }
        for (std::size_t i = 0; i < open.size(); ++i) w.end_object();
        w.end_object();
    }
}

void write_provenance(JsonWriter& w, const Provenance& p) {
    w.begin_object();
    w.key("raw"), w.value(p.raw);
    w.key("status"), w.value(to_string(p.status));
    if (p.table >= 0) {
        w.key("table"), w.value(p.table);
        w.key("row"), w.value(p.row);
        w.key("col"), w.value(p.col);
    }
    if (p.inferred) w.key("inferred"), w.value(true);
    if (!p.unit.empty()) w.key("unit"), w.value(p.unit);
    w.end_object();
}

void write_optional_number(JsonWriter& w, const std::optional<double>& d) {
    if (d) {
        w.number(*d);
    } else {
        w.null();
    }
}

void write_table(JsonWriter& w, const RecordTable& t) {
    w.begin_object();
    w.key("index"), w.value(t.index);
    w.key("section"), w.value(t.section);
    w.key("columns"), w.value(t.columns);
    w.key("header_rows"), w.value(t.header_rows);
    w.key("rows");
    w.begin_array();
    for (const auto& r : t.rows) {
        w.begin_object();
        w.key("label");
        w.begin_array();
        for (const auto& s : r.label) w.value(s);
        w.end_array();
        w.key("cells");
        w.begin_array();
        for (const auto& s : r.cells) w.value(s);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

}  // namespace

const char* extractor_version() { return ZFXXGK_VERSION; }

std::string to_json(const Record& r, JsonLayout layout) {
    JsonWriter w(layout == JsonLayout::pretty);
    w.begin_object();
    w.key("schema_version"), w.value(kSchemaVersion);
    w.key("extractor_version"), w.value(extractor_version());
    w.key("agency"), w.value(r.agency);
    w.key("agency_as_written"), w.value(r.agency_as_written);
    w.key("region_code"), w.value(r.region_code);
    w.key("year"), w.value(r.year);
    w.key("title"), w.value(r.title);
    w.key("published"), w.value(r.published);
    w.key("template"), w.value(r.template_id);
    w.key("source"), write_source(w, r.source);
    write_tables(w, r.values);
    w.key("sections");
    w.begin_object();
    for (std::size_t i = 0; i < kSectionKeys.size(); ++i) w.key(kSectionKeys[i]), w.value(r.sections[i]);
    w.end_object();
    w.key("checks");
    w.begin_array();
    for (const auto& c : r.checks) {
        w.begin_object();
        w.key("rule"), w.value(c.rule);
        w.key("subject"), w.value(c.subject);
        w.key("status"), w.value(to_string(c.status));
        w.key("expected"), write_optional_number(w, c.expected);
        w.key("actual"), write_optional_number(w, c.actual);
        w.end_object();
    }
    w.end_array();
    w.key("warnings");
    w.begin_array();
    for (const auto& wn : r.warnings) {
        w.begin_object();
        w.key("code"), w.value(wn.code);
        w.key("message"), w.value(wn.message);
        if (wn.table >= 0) w.key("table"), w.value(wn.table);
        if (wn.row >= 0) w.key("row"), w.value(wn.row);
        w.end_object();
    }
    w.end_array();
    w.key("provenance");
    w.begin_object();
    for (const auto& v : r.values) w.key(v.path), write_provenance(w, v.provenance);
    w.end_object();
    w.key("unplaced");
    w.begin_array();
    for (const auto& u : r.unplaced) {
        w.begin_object();
        w.key("table"), w.value(u.table);
        w.key("row"), w.value(u.row);
        w.key("col"), w.value(u.col);
        w.key("raw"), w.value(u.raw);
        w.key("reason"), w.value(u.reason);
        w.end_object();
    }
    w.end_array();
    w.key("tables");
    w.begin_array();
    for (const auto& t : r.tables) write_table(w, t);
    w.end_array();
    w.end_object();
    return w.take();
}

}  // namespace zfxxgk::extractor
