#pragma once
// `zfxxgk export`: a dataset directory → research tables in one format (docs/cli/export.md).
#include <filesystem>
#include <iosfwd>
#include <string>

#include "export/agency_map.hpp"
#include "export/columns.hpp"
#include "export/dataset_walk.hpp"
#include "export/output_file.hpp"

namespace zfxxgk::exporting {

enum class Format : std::uint8_t { csv, jsonl, sqlite };

struct ExportOptions {
    std::filesystem::path dataset;
    std::filesystem::path output;  // a directory for csv, a file for jsonl and sqlite
    Format format = Format::csv;
    HeaderLabels labels = HeaderLabels::en;  // wide tables' headers: canonical paths or Chinese labels
    Bom bom = Bom::no;                       // csv only: --excel
    const AgencyMap* agency_map = nullptr;
};

struct ExportResult {
    WalkResult walk;
    std::string error;  // non-empty: the export failed as a whole (dataset or output unusable); nothing was written
};

// Files that cannot be used are reported on `errors` as they are met, one line each
// ("FILE: what is wrong; what to do"); the rest is exported.
ExportResult run_export(const ExportOptions& options, std::ostream& errors);

}  // namespace zfxxgk::exporting
