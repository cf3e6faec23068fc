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

// Splits a dotted path into `parts`, all components but the last, and returns the last.
std::string_view split_path(std::string_view path, std::vector<std::string_view>& parts) {
    parts.clear();
    for (std::size_t dot; (dot = path.find('.')) != std::string_view::npos; path.remove_prefix(dot + 1)) {
        parts.push_back(path.substr(0, dot));
    }
    return path;
}

// The three table objects, nested from the values' dotted paths (which come grouped, in
// template order); null for a table without values.
void write_tables(JsonWriter& w, const std::vector<Value>& values) {
    std::vector<std::string_view> open;   // path components of the objects open below `object`
    std::vector<std::string_view> parts;  // the value's path components between `object` and the leaf
    for (std::string_view object : {"active_disclosure", "applications", "reviews_litigation"}) {
        w.key(object);
        open.clear();
        bool any = false;
        for (const auto& v : values) {
            std::string_view rest = v.path;
            if (!rest.starts_with(object) || rest.size() <= object.size() || rest[object.size()] != '.') continue;
            rest.remove_prefix(object.size() + 1);
            if (!any) {
                w.begin_object();
                any = true;
            }
            const std::string_view leaf = split_path(rest, parts);
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

std::size_t size(const std::optional<std::string>& s) { return s ? s->size() : 0; }

// An estimate of the record's JSON size, to reserve the output once: the variable strings'
// bytes plus an allowance per item for its keys and punctuation, and an eighth for slack;
// pretty output adds about three quarters for newlines and indentation (measured on the
// fixture reports: the estimate is 1.1 to 1.5 times the size of a template report's JSON).
std::size_t estimated_size(const Record& r, JsonLayout layout) {
    std::size_t n = 1024;
    for (const auto& v : r.values) n += v.path.size() + size(v.provenance.raw) + 80;
    for (const auto& s : r.sections) n += size(s) + 24;
    for (const auto& c : r.checks) n += c.rule.size() + c.subject.size() + 64;
    for (const auto& wn : r.warnings) n += wn.code.size() + wn.message.size() + 48;
    for (const auto& u : r.unplaced) n += u.raw.size() + u.reason.size() + 64;
    for (const auto& t : r.tables) {
        for (const auto& row : t.rows) {
            n += 24;
            for (const auto& l : row.label) n += l.size() + 3;
            for (const auto& c : row.cells) n += c.size() + 3;
        }
    }
    return layout == JsonLayout::pretty ? n * 7 / 4 : n + n / 8;
}

}  // namespace

const char* extractor_version() { return ZFXXGK_VERSION; }

std::string to_json(const Record& r, JsonLayout layout) {
    JsonWriter w(layout == JsonLayout::pretty, estimated_size(r, layout));
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
