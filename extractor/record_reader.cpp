#include "extractor/record_reader.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace zfxxgk::extractor {
namespace {

using json = nlohmann::json;

// One JSON scalar as the SAX parser hands it over.
struct Scalar {
    enum class Kind : std::uint8_t { null, boolean, integer, number, string } kind = Kind::null;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    std::string* string = nullptr;

    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    [[nodiscard]] bool is_number() const { return kind == Kind::integer || kind == Kind::number; }
    [[nodiscard]] double as_double() const { return kind == Kind::integer ? static_cast<double>(integer) : number; }
    [[nodiscard]] std::optional<std::int64_t> as_integer() const {
        if (kind == Kind::integer) return integer;
        if (kind == Kind::number && number == static_cast<double>(static_cast<std::int64_t>(number))) {
            return static_cast<std::int64_t>(number);
        }
        return std::nullopt;
    }
};

struct Frame {
    bool object = true;
    std::string key;  // objects: the key whose value is being read
};

bool is_table_object(std::string_view key) {
    return key == "active_disclosure" || key == "applications" || key == "reviews_litigation";
}

// The top-level key whose value is being read, classified once per key rather than compared
// per scalar (a record has thousands of scalars below a dozen keys).
enum class Top : std::uint8_t { other, table_object, source, sections, checks, warnings, provenance, unplaced, tables };

Top classify(std::string_view key) {
    if (is_table_object(key)) return Top::table_object;
    if (key == "source") return Top::source;
    if (key == "sections") return Top::sections;
    if (key == "checks") return Top::checks;
    if (key == "warnings") return Top::warnings;
    if (key == "provenance") return Top::provenance;
    if (key == "unplaced") return Top::unplaced;
    if (key == "tables") return Top::tables;
    return Top::other;
}

template <typename Enum, std::size_t N>
std::optional<Enum> enum_from(std::string_view s, const Enum (&all)[N]) {
    for (Enum e : all) {
        if (s == to_string(e)) return e;
    }
    return std::nullopt;
}

constexpr ValueStatus kValueStatuses[] = {ValueStatus::number,    ValueStatus::blank, ValueStatus::not_applicable,
                                          ValueStatus::unparsed,  ValueStatus::ambiguous, ValueStatus::prose,
                                          ValueStatus::missing};
constexpr CheckStatus kCheckStatuses[] = {CheckStatus::pass, CheckStatus::fail, CheckStatus::not_assessable};

// "parse error at line 1, column 58: syntax error while parsing object - …" → the part after the position.
std::string parse_error_detail(const nlohmann::detail::exception& ex) {
    const std::string what = ex.what();
    const std::size_t at = what.find("parse error");
    const std::size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Builds a Record from SAX events. The frame stack mirrors the open objects and arrays; a
// scalar is placed by the keys on the stack (see docs/schema.md for the layout).
class RecordHandler final : public json::json_sax_t {
public:
    RecordHandler(ReadRecordResult& out, RecordTables tables) : out_(out), skip_tables_(tables == RecordTables::skip) {}

    bool null() override { return scalar({}); }
    bool boolean(bool b) override {
        Scalar s;
        s.kind = Scalar::Kind::boolean;
        s.boolean = b;
        return scalar(s);
    }
    bool number_integer(number_integer_t n) override {
        Scalar s;
        s.kind = Scalar::Kind::integer;
        s.integer = n;
        return scalar(s);
    }
    bool number_unsigned(number_unsigned_t n) override {
        Scalar s;
        s.kind = n > static_cast<number_unsigned_t>(INT64_MAX) ? Scalar::Kind::number : Scalar::Kind::integer;
        s.integer = static_cast<std::int64_t>(n);
        s.number = static_cast<double>(n);
        return scalar(s);
    }
    bool number_float(number_float_t d, const string_t& /*text*/) override {
        Scalar s;
        s.kind = Scalar::Kind::number;
        s.number = d;
        return scalar(s);
    }
    bool string(string_t& text) override {
        Scalar s;
        s.kind = Scalar::Kind::string;
        s.string = &text;
        return scalar(s);
    }
    bool binary(binary_t& /*bin*/) override { return true; }

    bool key(string_t& k) override {
        frames_.back().key.assign(k);
        if (frames_.size() == 1) top_ = classify(k);
        return true;
    }
    bool start_object(std::size_t /*n*/) override { return open(true); }
    bool start_array(std::size_t /*n*/) override { return open(false); }
    bool end_object() override {
        frames_.pop_back();
        return true;
    }
    bool end_array() override {
        frames_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) override {
        // `position` counts the characters read, the offending one included: its offset is one less
        const std::size_t offset = position > 0 ? position - 1 : 0;
        return fail(ReadFailure::not_json, "not valid JSON at byte " + std::to_string(offset) + ": " + parse_error_detail(ex));
    }

    void finish() {
        if (out_.failure != ReadFailure::none) return;
        if (!seen_schema_version_) {
            fail(ReadFailure::not_a_record, "not a zfxxgk record: no schema_version");
        } else if (!seen_template_) {
            fail(ReadFailure::not_a_record, "not a zfxxgk record: no template");
        } else if (!seen_source_) {
            fail(ReadFailure::not_a_record, "not a zfxxgk record: no source");
        }
    }

private:
    Record& rec() { return out_.record; }

    bool fail(ReadFailure f, std::string message) {
        if (out_.failure == ReadFailure::none) {
            out_.failure = f;
            out_.error = std::move(message);
        }
        return false;
    }
    bool wrong_type(std::string_view what, std::string_view expected) {
        return fail(ReadFailure::not_a_record,
                    "not a zfxxgk record: " + std::string(what) + " is not " + std::string(expected));
    }

    // A container opens: check the top-level keys' types and start array elements.
    bool open(bool object) {
        const std::size_t depth = frames_.size();
        if (depth == 0 && !object) return fail(ReadFailure::not_a_record, "not a zfxxgk record: not a JSON object");
        if (depth == 1) {
            const bool wants_array = top_ == Top::checks || top_ == Top::warnings || top_ == Top::unplaced || top_ == Top::tables;
            const bool wants_object = top_ == Top::source || top_ == Top::sections || top_ == Top::provenance ||
                                      top_ == Top::table_object;
            if ((wants_array && object) || (wants_object && !object)) {
                return wrong_type(frames_[0].key, wants_array ? "an array" : "an object");
            }
            if (top_ == Top::source) seen_source_ = true;
        } else if (depth == 2 && object && !frames_[1].object) {
            if (top_ == Top::checks) rec().checks.emplace_back();
            if (top_ == Top::warnings) rec().warnings.emplace_back();
            if (top_ == Top::unplaced && !skip_tables_) rec().unplaced.emplace_back();
            if (top_ == Top::tables && !skip_tables_) rec().tables.emplace_back();
        } else if (depth == 2 && object && top_ == Top::provenance) {
            provenance_ = provenance_for(frames_[1].key);
        } else if (depth == 4 && object && top_ == Top::tables && frames_[2].key == "rows" && !skip_tables_ &&
                   !rec().tables.empty()) {
            rec().tables.back().rows.emplace_back();
        }
        frames_.push_back({object, {}});
        return true;
    }

    bool scalar(const Scalar& v) {
        const std::size_t depth = frames_.size();
        if (depth == 0) return fail(ReadFailure::not_a_record, "not a zfxxgk record: not a JSON object");
        if (depth == 1) return top_level(frames_[0].key, v);
        switch (top_) {
            case Top::table_object: return table_value(v);
            case Top::source: return depth == 2 ? source_field(frames_[1].key, v) : true;
            case Top::sections: return depth == 2 ? section(frames_[1].key, v) : true;
            case Top::checks: return depth == 3 && !rec().checks.empty() ? check_field(frames_[2].key, v) : true;
            case Top::warnings: return depth == 3 && !rec().warnings.empty() ? warning_field(frames_[2].key, v) : true;
            case Top::provenance: return depth == 3 && provenance_ != nullptr ? provenance_field(frames_[2].key, v) : true;
            case Top::unplaced:
                return depth == 3 && !skip_tables_ && !rec().unplaced.empty() ? unplaced_field(frames_[2].key, v) : true;
            case Top::tables: return skip_tables_ || rec().tables.empty() ? true : table_scalar(depth, v);
            case Top::other: return true;
        }
        return true;
    }

    bool table_scalar(std::size_t depth, const Scalar& v) {
        if (depth == 3) return table_field(frames_[2].key, v);
        if (depth == 6 && frames_[2].key == "rows" && !frames_[5].object && !rec().tables.back().rows.empty()) {
            if (v.kind != Scalar::Kind::string) return wrong_type("a table row's label or cell", "a string");
            RecordRow& row = rec().tables.back().rows.back();
            (frames_[4].key == "label" ? row.label : row.cells).push_back(std::move(*v.string));
        }
        return true;
    }

    // --- typed assignments; each returns false (and records why) on a type mismatch ---
    bool set(std::string& dst, const Scalar& v, std::string_view what) {
        if (v.kind != Scalar::Kind::string) return wrong_type(what, "a string");
        dst = std::move(*v.string);
        return true;
    }
    bool set(std::optional<std::string>& dst, const Scalar& v, std::string_view what) {
        if (v.is_null()) {
            dst.reset();
            return true;
        }
        if (v.kind != Scalar::Kind::string) return wrong_type(what, "a string or null");
        dst = std::move(*v.string);
        return true;
    }
    template <typename Int>
    bool set_int(Int& dst, const Scalar& v, std::string_view what) {
        const auto i = v.as_integer();
        if (!i) return wrong_type(what, "an integer");
        dst = static_cast<Int>(*i);
        return true;
    }
    bool set(std::optional<int>& dst, const Scalar& v, std::string_view what) {
        if (v.is_null()) {
            dst.reset();
            return true;
        }
        const auto i = v.as_integer();
        if (!i) return wrong_type(what, "an integer or null");
        dst = static_cast<int>(*i);
        return true;
    }
    bool set(std::optional<double>& dst, const Scalar& v, std::string_view what) {
        if (v.is_null()) {
            dst.reset();
            return true;
        }
        if (!v.is_number()) return wrong_type(what, "a number or null");
        dst = v.as_double();
        return true;
    }

    bool top_level(const std::string& key, const Scalar& v) {
        if (key == "schema_version") {
            const auto i = v.as_integer();
            if (!i) return wrong_type("schema_version", "an integer");
            seen_schema_version_ = true;
            out_.schema_version = static_cast<int>(*i);
            if (*i > kSchemaVersion) {
                return fail(ReadFailure::newer_schema, "schema_version " + std::to_string(*i) +
                                                           " is newer than this zfxxgk reads (" +
                                                           std::to_string(kSchemaVersion) + "): upgrade zfxxgk");
            }
            if (*i < 1) return wrong_type("schema_version", "1 or more");
            return true;
        }
        if (key == "extractor_version") return set(out_.extractor_version, v, key);
        if (key == "agency") return set(rec().agency, v, key);
        if (key == "agency_as_written") return set(rec().agency_as_written, v, key);
        if (key == "region_code") return set(rec().region_code, v, key);
        if (key == "year") return set(rec().year, v, key);
        if (key == "title") return set(rec().title, v, key);
        if (key == "published") return set(rec().published, v, key);
        if (key == "template") {
            seen_template_ = true;
            return set(rec().template_id, v, key);
        }
        if (is_table_object(key) || key == "sections") {
            return v.is_null() ? true : wrong_type(key, "an object or null");
        }
        if (key == "source" || key == "provenance") return wrong_type(key, "an object");
        if (key == "checks" || key == "warnings" || key == "unplaced" || key == "tables") return wrong_type(key, "an array");
        return true;
    }

    bool source_field(const std::string& key, const Scalar& v) {
        Source& s = rec().source;
        if (key == "path") return set(s.path, v, "source.path");
        if (key == "url") return set(s.url, v, "source.url");
        if (key == "sha256") return set(s.sha256, v, "source.sha256");
        if (key == "bytes") return set_int(s.bytes, v, "source.bytes");
        if (key == "encoding") return set(s.encoding, v, "source.encoding");
        if (key == "form") return set(s.form, v, "source.form");
        if (key == "fetched_at") return set(s.fetched_at, v, "source.fetched_at");
        if (key == "warc_file") return set(s.warc_file, v, "source.warc_file");
        if (key == "warc_record_id") return set(s.warc_record_id, v, "source.warc_record_id");
        return true;
    }

    bool section(const std::string& key, const Scalar& v) {
        for (std::size_t i = 0; i < kSectionKeys.size(); ++i) {
            if (key == kSectionKeys[i]) return set(rec().sections[i], v, "sections." + key);
        }
        return true;
    }

    // A leaf of a table object: its path is the keys on the stack.
    bool table_value(const Scalar& v) {
        path_.clear();
        for (const Frame& f : frames_) {
            if (!path_.empty()) path_.push_back('.');
            path_ += f.key;
        }
        if (!v.is_null() && !v.is_number()) return wrong_type(path_, "a number or null");
        Value value;
        value.path = path_;
        if (!v.is_null()) value.number = v.as_double();
        rec().values.push_back(std::move(value));
        return true;
    }

    // Provenance comes in the values' order; a path without a value gets a null value.
    Provenance* provenance_for(const std::string& path) {
        auto& values = rec().values;
        if (cursor_ < values.size() && values[cursor_].path == path) return &values[cursor_++].provenance;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i].path == path) {
                cursor_ = i + 1;
                return &values[i].provenance;
            }
        }
        values.push_back(Value{path, std::nullopt, {}});
        cursor_ = values.size();
        return &values.back().provenance;
    }

    bool provenance_field(const std::string& key, const Scalar& v) {
        Provenance& p = *provenance_;
        if (key == "raw") return set(p.raw, v, "provenance.raw");
        if (key == "status") {
            if (v.kind != Scalar::Kind::string) return wrong_type("provenance.status", "a string");
            const auto s = enum_from(*v.string, kValueStatuses);
            if (!s) return wrong_type("provenance.status \"" + *v.string + "\"", "a known value status");
            p.status = *s;
            return true;
        }
        if (key == "table") return set_int(p.table, v, "provenance.table");
        if (key == "row") return set_int(p.row, v, "provenance.row");
        if (key == "col") return set_int(p.col, v, "provenance.col");
        if (key == "inferred") {
            if (v.kind != Scalar::Kind::boolean) return wrong_type("provenance.inferred", "a boolean");
            p.inferred = v.boolean;
            return true;
        }
        if (key == "unit") return set(p.unit, v, "provenance.unit");
        return true;
    }

    bool check_field(const std::string& key, const Scalar& v) {
        Check& c = rec().checks.back();
        if (key == "rule") return set(c.rule, v, "checks.rule");
        if (key == "subject") return set(c.subject, v, "checks.subject");
        if (key == "status") {
            if (v.kind != Scalar::Kind::string) return wrong_type("checks.status", "a string");
            const auto s = enum_from(*v.string, kCheckStatuses);
            if (!s) return wrong_type("checks.status \"" + *v.string + "\"", "a known check status");
            c.status = *s;
            return true;
        }
        if (key == "expected") return set(c.expected, v, "checks.expected");
        if (key == "actual") return set(c.actual, v, "checks.actual");
        return true;
    }

    bool warning_field(const std::string& key, const Scalar& v) {
        Warning& w = rec().warnings.back();
        if (key == "code") return set(w.code, v, "warnings.code");
        if (key == "message") return set(w.message, v, "warnings.message");
        if (key == "table") return set_int(w.table, v, "warnings.table");
        if (key == "row") return set_int(w.row, v, "warnings.row");
        return true;
    }

    bool unplaced_field(const std::string& key, const Scalar& v) {
        Unplaced& u = rec().unplaced.back();
        if (key == "table") return set_int(u.table, v, "unplaced.table");
        if (key == "row") return set_int(u.row, v, "unplaced.row");
        if (key == "col") return set_int(u.col, v, "unplaced.col");
        if (key == "raw") return set(u.raw, v, "unplaced.raw");
        if (key == "reason") return set(u.reason, v, "unplaced.reason");
        return true;
    }

    bool table_field(const std::string& key, const Scalar& v) {
        RecordTable& t = rec().tables.back();
        if (key == "index") return set_int(t.index, v, "tables.index");
        if (key == "section") return set(t.section, v, "tables.section");
        if (key == "columns") return set_int(t.columns, v, "tables.columns");
        if (key == "header_rows") return set_int(t.header_rows, v, "tables.header_rows");
        return true;
    }

    ReadRecordResult& out_;
    bool skip_tables_;
    std::vector<Frame> frames_;
    Top top_ = Top::other;
    std::string path_;
    std::size_t cursor_ = 0;
    Provenance* provenance_ = nullptr;
    bool seen_schema_version_ = false;
    bool seen_template_ = false;
    bool seen_source_ = false;
};

// Collects schema_version, agency and year from the root object and stops once it has all three.
class HeadHandler final : public json::json_sax_t {
public:
    explicit HeadHandler(RecordHead& out) : out_(out) {}

    bool null() override { return take(std::nullopt, nullptr); }
    bool boolean(bool /*b*/) override { return true; }
    bool number_integer(number_integer_t n) override { return take(n, nullptr); }
    bool number_unsigned(number_unsigned_t n) override { return take(static_cast<std::int64_t>(n), nullptr); }
    bool number_float(number_float_t /*d*/, const string_t& /*s*/) override { return take(std::nullopt, nullptr); }
    bool string(string_t& s) override { return take(std::nullopt, &s); }
    bool binary(binary_t& /*b*/) override { return true; }
    bool key(string_t& k) override {
        if (depth_ == 1) key_.assign(k);
        return true;
    }
    bool start_object(std::size_t /*n*/) override {
        ++depth_;
        return true;
    }
    bool start_array(std::size_t /*n*/) override {
        ++depth_;
        return true;
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool end_array() override {
        --depth_;
        return true;
    }
    bool parse_error(std::size_t /*p*/, const std::string& /*t*/, const nlohmann::detail::exception& /*e*/) override {
        return false;
    }

private:
    bool take(std::optional<std::int64_t> n, std::string* s) {
        if (depth_ != 1) return true;
        if (key_ == "schema_version") {
            seen_version_ = true;
            if (n) out_.schema_version = static_cast<int>(*n);
        } else if (key_ == "agency") {
            seen_agency_ = true;
            if (s != nullptr) out_.agency = std::move(*s);
        } else if (key_ == "year") {
            seen_year_ = true;
            if (n) out_.year = static_cast<int>(*n);
        }
        out_.complete = seen_version_ && seen_agency_ && seen_year_;
        return !out_.complete;  // stop parsing once all three are known
    }

    RecordHead& out_;
    int depth_ = 0;
    std::string key_;
    bool seen_version_ = false;
    bool seen_agency_ = false;
    bool seen_year_ = false;
};

}  // namespace

ReadRecordResult read_record(std::string_view text, const ReadRecordOptions& options) {
    ReadRecordResult out;
    RecordHandler handler(out, options.tables);
    json::sax_parse(text.begin(), text.end(), &handler);
    handler.finish();
    if (!out.ok()) out.record = Record{};
    return out;
}

RecordHead read_record_head(std::string_view json_prefix) {
    RecordHead head;
    HeadHandler handler(head);
    json::sax_parse(json_prefix.begin(), json_prefix.end(), &handler);
    return head;
}

}  // namespace zfxxgk::extractor
