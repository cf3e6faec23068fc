#include "extractor/record_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace zfxxgk::extractor {
namespace {

using Json = nlohmann::ordered_json;

Json number_json(double v) {
    if (std::isfinite(v) && std::fabs(v) < 9007199254740992.0 && std::floor(v) == v) {
        return Json(static_cast<std::int64_t>(v));
    }
    return Json(v);
}

template <typename T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json source_json(const Source& s) {
    Json j = Json::object();
    j["path"] = s.path;
    j["url"] = opt(s.url);
    j["sha256"] = s.sha256;
    j["bytes"] = s.bytes;
    j["encoding"] = s.encoding;
    j["form"] = s.form;
    j["fetched_at"] = opt(s.fetched_at);
    j["warc_file"] = opt(s.warc_file);
    j["warc_record_id"] = opt(s.warc_record_id);
    return j;
}

// "applications.outcomes.total.total" → j["applications"]["outcomes"]["total"]["total"]
void put_path(Json& root, const std::string& path, Json value) {
    Json* node = &root;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = path.find('.', start);
        const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (dot == std::string::npos) {
            (*node)[key] = std::move(value);
            return;
        }
        if (!node->contains(key)) (*node)[key] = Json::object();
        node = &(*node)[key];
        start = dot + 1;
    }
}

Json provenance_json(const Provenance& p) {
    Json j = Json::object();
    j["raw"] = opt(p.raw);
    j["status"] = to_string(p.status);
    if (p.table >= 0) {
        j["table"] = p.table;
        j["row"] = p.row;
        j["col"] = p.col;
    }
    if (p.inferred) j["inferred"] = true;
    if (!p.unit.empty()) j["unit"] = p.unit;
    return j;
}

Json check_json(const Check& c) {
    Json j = Json::object();
    j["rule"] = c.rule;
    j["subject"] = c.subject;
    j["status"] = to_string(c.status);
    j["expected"] = c.expected ? number_json(*c.expected) : Json(nullptr);
    j["actual"] = c.actual ? number_json(*c.actual) : Json(nullptr);
    return j;
}

Json warning_json(const Warning& w) {
    Json j = Json::object();
    j["code"] = w.code;
    j["message"] = w.message;
    if (w.table >= 0) j["table"] = w.table;
    if (w.row >= 0) j["row"] = w.row;
    return j;
}

Json table_json(const RecordTable& t) {
    Json j = Json::object();
    j["index"] = t.index;
    j["section"] = opt(t.section);
    j["columns"] = t.columns;
    j["header_rows"] = t.header_rows;
    Json rows = Json::array();
    for (const auto& r : t.rows) {
        Json row = Json::object();
        row["label"] = r.label;
        row["cells"] = r.cells;
        rows.push_back(std::move(row));
    }
    j["rows"] = std::move(rows);
    return j;
}

}  // namespace

const char* extractor_version() { return ZFXXGK_VERSION; }

std::string to_json(const Record& r, JsonLayout layout) {
    Json j = Json::object();
    j["schema_version"] = kSchemaVersion;
    j["extractor_version"] = extractor_version();
    j["agency"] = opt(r.agency);
    j["agency_as_written"] = opt(r.agency_as_written);
    j["region_code"] = opt(r.region_code);
    j["year"] = opt(r.year);
    j["title"] = opt(r.title);
    j["published"] = opt(r.published);
    j["template"] = r.template_id;
    j["source"] = source_json(r.source);
    Json tables = Json::object();
    tables["active_disclosure"] = nullptr;
    tables["applications"] = nullptr;
    tables["reviews_litigation"] = nullptr;
    for (const auto& v : r.values) {
        const std::string object = v.path.substr(0, v.path.find('.'));
        if (tables[object].is_null()) tables[object] = Json::object();
        put_path(tables[object], v.path.substr(object.size() + 1), v.number ? number_json(*v.number) : Json(nullptr));
    }
    for (auto& [key, value] : tables.items()) j[key] = std::move(value);
    Json sections = Json::object();
    for (std::size_t i = 0; i < kSectionKeys.size(); ++i) sections[kSectionKeys[i]] = opt(r.sections[i]);
    j["sections"] = std::move(sections);
    Json checks = Json::array();
    for (const auto& c : r.checks) checks.push_back(check_json(c));
    j["checks"] = std::move(checks);
    Json warnings = Json::array();
    for (const auto& w : r.warnings) warnings.push_back(warning_json(w));
    j["warnings"] = std::move(warnings);
    Json provenance = Json::object();
    for (const auto& v : r.values) provenance[v.path] = provenance_json(v.provenance);
    j["provenance"] = std::move(provenance);
    Json unplaced = Json::array();
    for (const auto& u : r.unplaced) {
        Json e = Json::object();
        e["table"] = u.table;
        e["row"] = u.row;
        e["col"] = u.col;
        e["raw"] = u.raw;
        e["reason"] = u.reason;
        unplaced.push_back(std::move(e));
    }
    j["unplaced"] = std::move(unplaced);
    Json tables_list = Json::array();
    for (const auto& t : r.tables) tables_list.push_back(table_json(t));
    j["tables"] = std::move(tables_list);
    return j.dump(layout == JsonLayout::pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace zfxxgk::extractor
