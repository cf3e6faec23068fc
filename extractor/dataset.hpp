#pragma once
// A dataset directory: one record per agency and year, `<agency>/<year>.json`, written
// atomically (temp file + fsync + rename). Shared by `extract -o` and `crawl`.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/record.hpp"

namespace zfxxgk::extractor {

// Agency names made safe for file names: no '/', '\\', control characters or characters
// Windows refuses, no leading '.', at most 200 bytes (cut at a UTF-8 boundary).
std::string safe_file_name(std::string_view name);

// Where a record belongs, relative to the dataset root: "<agency>/<year>.json", or
// "_unknown/<first 16 hex of sha256>.json" when the agency or the year is unknown.
std::filesystem::path record_path(const Record& record);

struct WriteOutcome {
    std::filesystem::path path;  // the file written (absolute or relative to the root as given)
    bool conflict = false;       // another input had taken the record's place
    std::string error;           // non-empty: nothing was written
};

// Writes `json` for `record` below `root`. When the target exists and holds a record of a
// different source (sha256), the record goes to "<year>-<first 8 hex of its sha256>.json"
// instead and the outcome says conflict; a target from the same source is replaced.
WriteOutcome write_record(const std::filesystem::path& root, const Record& record, std::string_view json);

// Writes `data` to `path` atomically: a temporary file in the same directory, fsync, rename.
// Returns an error message, empty on success.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view data);

// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace zfxxgk::extractor
