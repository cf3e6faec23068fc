#pragma once
// `zfxxgk validate`: the failed checks of a dataset directory — each record's own and the panel
// checks across years — with soft differences and missing years listed (docs/cli/validate.md).
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>

#include "export/agency_map.hpp"
#include "export/dataset_walk.hpp"

namespace zfxxgk::exporting {

enum class ValidateOutput : std::uint8_t { text, json };

struct ValidateOptions {
    std::filesystem::path dataset;
    const AgencyMap* agency_map = nullptr;
    ValidateOutput output = ValidateOutput::text;
};

struct ValidateResult {
    WalkResult walk;
    std::size_t report_failures = 0;   // records' own checks with status fail
    std::size_t panel_failures = 0;    // panel checks with outcome fail
    std::size_t soft_differences = 0;  // panel.in_force `differs`
    std::size_t missing_years = 0;
    std::string error;  // non-empty: the dataset directory cannot be walked
    [[nodiscard]] bool failed() const { return report_failures + panel_failures + walk.unreadable > 0; }
};

// Text: one line per finding on `out` as it is found ("FILE: rule subject: fail (expected …,
// actual …): detail"). JSON: one document on `out` at the end. Unusable files go to `errors`,
// one line each, in both modes (and into the JSON document's "unreadable").
ValidateResult run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& errors);

}  // namespace zfxxgk::exporting
