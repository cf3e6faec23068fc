#include "export/validate.hpp"

#include <ostream>
#include <vector>

#include "export/output_file.hpp"
#include "extractor/json_writer.hpp"

namespace zfxxgk::exporting {
namespace {

bool is_finding(CheckOutcome o) {
    return o == CheckOutcome::fail || o == CheckOutcome::differs || o == CheckOutcome::missing;
}

std::string number_text(double d) {
    char buf[32];
    return std::string(format_number(d, buf));
}

class Collector final : public DatasetVisitor {
public:
    Collector(const ValidateOptions& options, ValidateResult& result, std::ostream& out, std::ostream& errors)
        : options_(options), result_(result), out_(out), errors_(errors), json_(true) {
        if (options_.output == ValidateOutput::json) {
            json_.begin_object();
            json_.key("dataset"), json_.value(options_.dataset.string());
            json_.key("findings");
            json_.begin_array();
        }
    }

    void report(const ReportInfo& /*info*/, const extractor::Record& /*record*/) override {}

    void check(const CheckRow& row) override {
        if (!is_finding(row.outcome)) return;
        if (row.outcome == CheckOutcome::differs) {
            ++result_.soft_differences;
        } else if (row.outcome == CheckOutcome::missing) {
            ++result_.missing_years;
        } else if (row.scope == CheckScope::report) {
            ++result_.report_failures;
        } else {
            ++result_.panel_failures;
        }
        const std::string file = (options_.dataset / row.file).string();
        if (options_.output == ValidateOutput::text) {
            out_ << file << ": " << row.rule;
            if (!row.subject.empty()) out_ << ' ' << row.subject;
            out_ << ": " << to_string(row.outcome);
            if (row.expected || row.actual) {
                out_ << " (";
                if (row.expected) out_ << "expected " << number_text(*row.expected) << (row.actual ? ", " : "");
                if (row.actual) out_ << "actual " << number_text(*row.actual);
                out_ << ')';
            }
            if (!row.detail.empty()) out_ << ": " << row.detail;
            out_ << '\n';
            return;
        }
        json_.begin_object();
        json_.key("file"), json_.value(file);
        json_.key("agency"), json_.value(row.agency);
        json_.key("year"), json_.value(row.year);
        json_.key("scope"), json_.value(to_string(row.scope));
        json_.key("rule"), json_.value(row.rule);
        json_.key("subject"), json_.value(row.subject);
        json_.key("status"), json_.value(to_string(row.outcome));
        json_.key("expected");
        row.expected ? json_.number(*row.expected) : json_.null();
        json_.key("actual");
        row.actual ? json_.number(*row.actual) : json_.null();
        json_.key("detail"), json_.value(row.detail);
        json_.end_object();
    }

    void file_error(const FileError& e) override {
        errors_ << e.file << ": " << e.message << '\n';
        unreadable_.push_back(e);
    }

    void finish() {
        if (options_.output != ValidateOutput::json) return;
        json_.end_array();
        json_.key("unreadable");
        json_.begin_array();
        for (const FileError& e : unreadable_) {
            json_.begin_object();
            json_.key("file"), json_.value(e.file);
            json_.key("error"), json_.value(e.message);
            json_.end_object();
        }
        json_.end_array();
        json_.key("summary");
        json_.begin_object();
        json_.key("records"), json_.value(static_cast<std::uint64_t>(result_.walk.records));
        json_.key("unreadable"), json_.value(static_cast<std::uint64_t>(result_.walk.unreadable));
        json_.key("failed_report_checks"), json_.value(static_cast<std::uint64_t>(result_.report_failures));
        json_.key("failed_panel_checks"), json_.value(static_cast<std::uint64_t>(result_.panel_failures));
        json_.key("soft_differences"), json_.value(static_cast<std::uint64_t>(result_.soft_differences));
        json_.key("missing_years"), json_.value(static_cast<std::uint64_t>(result_.missing_years));
        json_.end_object();
        json_.end_object();
        out_ << json_.take() << '\n';
    }

private:
    const ValidateOptions& options_;
    ValidateResult& result_;
    std::ostream& out_;
    std::ostream& errors_;
    extractor::JsonWriter json_;
    std::vector<FileError> unreadable_;
};

}  // namespace

ValidateResult run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& errors) {
    ValidateResult result;
    Collector collector(options, result, out, errors);
    result.walk = walk_dataset(options.dataset, {options.agency_map, extractor::RecordTables::skip}, collector);
    result.error = result.walk.error;
    if (result.error.empty()) collector.finish();
    return result;
}

}  // namespace zfxxgk::exporting
