#pragma once
// A walk over a dataset directory (`<agency>/<year>.json`, conflict files `<year>-<sha8>.json`,
// `_unknown/*.json`, as `zfxxgk extract -o` writes): every record once, in a stable order —
// by agency id, year, then `<year>.json` before other files of that year, then file name;
// records without an agency or a year last — with the panel checks computed on the way.
//
// Memory: one record at a time. A first pass reads only the head of each file (schema_version,
// agency, year) to sort; the second reads records fully, one by one, and the panel keeps only
// the previous year's facts of the current agency.
#include <cstddef>
#include <filesystem>
#include <string>

#include "export/agency_map.hpp"
#include "export/dataset_visitor.hpp"
#include "extractor/record_reader.hpp"

namespace zfxxgk::exporting {

struct WalkOptions {
    const AgencyMap* agency_map = nullptr;                          // null: agencies by exact name
    extractor::RecordTables tables = extractor::RecordTables::skip;  // export and validate do not use them
};

struct WalkResult {
    std::size_t files = 0;       // record files found
    std::size_t records = 0;     // read and handed to the visitor
    std::size_t unreadable = 0;  // reported through DatasetVisitor::file_error
    std::string error;           // non-empty: the directory itself cannot be walked (nothing was visited)
};

WalkResult walk_dataset(const std::filesystem::path& dir, const WalkOptions& options, DatasetVisitor& visitor);

}  // namespace zfxxgk::exporting
