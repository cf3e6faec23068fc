#pragma once
// The export formats: each turns the walk's records and checks into its files (export/tables.hpp
// says what the tables hold). A sink writes temporary files and renames them into place on
// commit; a sink destroyed without commit leaves nothing behind.
#include <filesystem>
#include <memory>
#include <string>

#include "export/columns.hpp"
#include "export/dataset_visitor.hpp"
#include "export/output_file.hpp"

namespace zfxxgk::exporting {

class Sink : public DatasetVisitor {
public:
    // Both return the error, empty on success; an error of either is fatal for the export.
    virtual std::string open() = 0;
    virtual std::string commit() = 0;
    void file_error(const FileError& /*error*/) override {}
};

// A directory: long.csv, active_disclosure.csv, applications.csv, reviews_litigation.csv,
// reports.csv, checks.csv, warnings.csv, dictionary.csv.
std::unique_ptr<Sink> make_csv_sink(const std::filesystem::path& dir, HeaderLabels labels, Bom bom);

// One file: the long form, one JSON object per line, keys as long.csv's columns.
std::unique_ptr<Sink> make_jsonl_sink(const std::filesystem::path& file);

// One SQLite database: tables reports, cells, checks, warnings, dictionary; views long,
// active_disclosure, applications, reviews_litigation.
std::unique_ptr<Sink> make_sqlite_sink(const std::filesystem::path& file, HeaderLabels labels);

}  // namespace zfxxgk::exporting
