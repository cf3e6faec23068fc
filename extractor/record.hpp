#pragma once
// The report record (schema version 1, ../shared/spec/SCHEMA.md) as typed data. JSON exists
// only at the edge (extractor/record_json.hpp).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zfxxgk::extractor {

inline constexpr int kSchemaVersion = 1;

enum class ValueStatus : std::uint8_t { number, blank, not_applicable, unparsed, ambiguous, prose, missing };
enum class CheckStatus : std::uint8_t { pass, fail, not_assessable };

struct Provenance {
    std::optional<std::string> raw;  // the cell's text as written; absent for missing values
    ValueStatus status = ValueStatus::missing;
    int table = -1;  // indexes into Record::tables and that table's rows/cells; -1 when none
    int row = -1;
    int col = -1;
    bool inferred = false;  // position decided by the template, not by the markup
    std::string unit;       // unit stated in the cell ("元"), empty when none
};

struct Value {
    std::string path;              // canonical path, e.g. "applications.received.natural_person"
    std::optional<double> number;  // null unless status == number
    Provenance provenance;
};

struct Check {
    std::string rule;     // e.g. "applications.balance"
    std::string subject;  // a column key, a row path or a group
    CheckStatus status = CheckStatus::not_assessable;
    std::optional<double> expected;
    std::optional<double> actual;
};

struct Warning {
    std::string code;     // documented in docs/warnings.md
    std::string message;
    int table = -1;
    int row = -1;
};

struct Unplaced {
    int table = -1;
    int row = -1;
    int col = -1;
    std::string raw;
    std::string reason;
};

struct RecordRow {
    std::vector<std::string> label;  // the row's label path, spans resolved
    std::vector<std::string> cells;  // the remaining cell texts
};

struct RecordTable {
    int index = 0;
    std::optional<std::string> section;  // "二", "三", … : the report section the table stands in
    std::uint32_t columns = 0;
    std::uint32_t header_rows = 0;
    std::vector<RecordRow> rows;
};

struct Source {
    std::string path;
    std::optional<std::string> url;
    std::string sha256;
    std::uint64_t bytes = 0;
    std::string encoding = "UTF-8";
    std::string form = "text";  // "text" | "html"
    std::optional<std::string> fetched_at;
    std::optional<std::string> warc_file;
    std::optional<std::string> warc_record_id;
};

// Section keys in order: 一 … 六.
inline constexpr std::array<const char*, 6> kSectionKeys = {"overview", "active_disclosure", "applications",
                                                           "reviews_litigation", "problems", "other"};

struct Record {
    std::optional<std::string> agency;
    std::optional<std::string> agency_as_written;
    std::optional<std::string> region_code;
    std::optional<int> year;
    std::optional<std::string> title;
    std::optional<std::string> published;  // YYYY-MM-DD
    std::string template_id = "unknown";   // "2021" | "2019" | "freeform" | "unknown"
    Source source;
    std::vector<Value> values;             // every canonical path of the template, in template order
    std::array<std::optional<std::string>, 6> sections;
    std::vector<Check> checks;
    std::vector<Warning> warnings;
    std::vector<Unplaced> unplaced;
    std::vector<RecordTable> tables;

    [[nodiscard]] const Value* find(std::string_view path) const;
    [[nodiscard]] bool has_failed_check() const;
};

const char* to_string(ValueStatus s);
const char* to_string(CheckStatus s);

}  // namespace zfxxgk::extractor
