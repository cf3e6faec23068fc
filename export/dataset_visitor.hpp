#pragma once
// What a walk over a dataset directory hands to its consumers (the export formats, validate):
// each readable record with its place in the dataset, every check about it — the record's own
// checks and the panel checks across years — and each file that could not be used.
#include <cstdint>
#include <optional>
#include <string>

#include "extractor/record.hpp"

namespace zfxxgk::exporting {

struct ReportInfo {
    std::int64_t report_id = 0;  // 1, 2, … in walk order (agency id, year, file)
    std::string file;            // relative to the dataset directory, '/'-separated
    std::string agency;          // the agency id: the --agency-map id of the record's agency, else its name; "" when unknown
    bool in_panel = false;       // the record the panel checks use for its agency and year (one per agency-year)
    std::string extractor_version;
};

enum class CheckScope : std::uint8_t { report, panel };

// pass/fail/not_assessable as in records; `differs` is a soft panel check's mismatch (reported,
// not judged); `missing` marks a year absent from an agency's series.
enum class CheckOutcome : std::uint8_t { pass, fail, not_assessable, differs, missing };

const char* to_string(CheckScope s);
const char* to_string(CheckOutcome s);

struct CheckRow {
    std::int64_t report_id = 0;  // the record the check is about; 0 for a missing year
    std::string file;            // that record's file; for a missing year, the next year's record
    std::string agency;
    std::optional<int> year;     // for a missing year, the missing year
    CheckScope scope = CheckScope::report;
    std::string rule;     // e.g. "applications.balance", "panel.carried_over"
    std::string subject;  // a column key, a row path, a group, a section
    CheckOutcome outcome = CheckOutcome::not_assessable;
    std::optional<double> expected;
    std::optional<double> actual;
    std::string detail;  // panel checks: what was compared with what, in words
};

struct FileError {
    std::string file;     // as the user named it: the dataset directory joined with the relative path
    std::string message;  // what is wrong and what to do
};

class DatasetVisitor {
public:
    virtual ~DatasetVisitor() = default;
    virtual void report(const ReportInfo& info, const extractor::Record& record) = 0;
    virtual void check(const CheckRow& row) = 0;
    virtual void file_error(const FileError& error) = 0;
};

}  // namespace zfxxgk::exporting
