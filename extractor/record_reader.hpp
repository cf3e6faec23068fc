#pragma once
// Reading records back: JSON text (schema version 1, as record_json.cpp writes it) → the typed
// Record, so that tools over a dataset directory (export, validate) never pass JSON around.
// The inverse of to_json: to_json(read_record(to_json(r)).record) == to_json(r) (a test checks).
// Keys the reader does not know are ignored (a later minor version may add some); a known key
// with a value of the wrong type makes the text "not a record".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/record.hpp"

namespace zfxxgk::extractor {

// `tables` and `unplaced` are the bulk of a record that dataset tools do not use.
enum class RecordTables : std::uint8_t { read, skip };

struct ReadRecordOptions {
    RecordTables tables = RecordTables::read;
};

enum class ReadFailure : std::uint8_t {
    none,
    not_json,      // a JSON syntax error
    not_a_record,  // JSON, but not a record: no schema_version/template/source, or a key of the wrong type
    newer_schema,  // schema_version is above kSchemaVersion: written by a newer zfxxgk
};

struct ReadRecordResult {
    Record record;
    int schema_version = 0;
    std::string extractor_version;
    ReadFailure failure = ReadFailure::none;
    std::string error;  // why, without the file name, e.g. "not valid JSON (byte 57): …"
    [[nodiscard]] bool ok() const { return failure == ReadFailure::none; }
};

ReadRecordResult read_record(std::string_view json, const ReadRecordOptions& options = {});

// The identity keys of a record, read from the start of its text (they come first in the
// writer's order, so a few hundred bytes are enough). `complete` is false when `json_prefix`
// ended, or was not JSON, before all three keys were seen: read the whole text then.
struct RecordHead {
    std::optional<int> schema_version;
    std::optional<std::string> agency;
    std::optional<int> year;
    bool complete = false;
};

RecordHead read_record_head(std::string_view json_prefix);

}  // namespace zfxxgk::extractor
