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

// Whether a write is flushed to stable storage before it returns (fsync), or left to the
// caller, who makes a batch of writes durable at once (syncfs) before recording them as done.
enum class Durability { now, deferred };

struct WriteOutcome {
    std::filesystem::path path;      // the file written (absolute or relative to the root as given)
    std::filesystem::path relative;  // the same, relative to the root
    bool conflict = false;       // another input had taken the record's place
    bool replaced_broken = false;  // the place held a file that is not JSON (empty, cut short): replaced
    std::string error;           // non-empty: nothing was written
};

// Writes `json` for `record` below `root`. When the target exists and holds a record of a
// different source (sha256), the record goes to "<year>-<first 8 hex of its sha256>.json"
// instead and the outcome says conflict; a target from the same source is replaced, and so is a
// target that is not JSON at all (a record cut short by a power failure).
WriteOutcome write_record(const std::filesystem::path& root, const Record& record, std::string_view json,
                          Durability durability = Durability::now);

// Writes `data` to `path` atomically: a temporary file in the same directory, fsync (unless
// deferred), rename. Readers see the old file or the new one, never a part. Returns an error
// message, empty on success.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view data,
                                  Durability durability = Durability::now);
// The same for `data` followed by `trailer` (a record and its final newline), without joining them.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view data, std::string_view trailer,
                                  Durability durability = Durability::now);

// Makes every write to the file system holding `dir` durable (syncfs): the commit point for
// writes made with Durability::deferred. Returns an error message, empty on success.
std::string sync_file_system(const std::filesystem::path& dir);

// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace zfxxgk::extractor
