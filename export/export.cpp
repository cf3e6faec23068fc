#include "export/export.hpp"

#include <filesystem>
#include <ostream>

#include "export/sinks.hpp"

namespace zfxxgk::exporting {
namespace {

// Hands records and checks to the sink and prints unusable files.
class Forward final : public DatasetVisitor {
public:
    Forward(Sink& sink, std::ostream& errors) : sink_(sink), errors_(errors) {}
    void report(const ReportInfo& info, const extractor::Record& record) override { sink_.report(info, record); }
    void check(const CheckRow& row) override { sink_.check(row); }
    void file_error(const FileError& e) override { errors_ << e.file << ": " << e.message << '\n'; }

private:
    Sink& sink_;
    std::ostream& errors_;
};

std::unique_ptr<Sink> make_sink(const ExportOptions& o) {
    switch (o.format) {
        case Format::csv: return make_csv_sink(o.output, o.labels, o.bom);
        case Format::jsonl: return make_jsonl_sink(o.output);
        case Format::sqlite: return make_sqlite_sink(o.output, o.labels);
    }
    return nullptr;
}

}  // namespace

ExportResult run_export(const ExportOptions& options, std::ostream& errors) {
    ExportResult result;
    std::error_code ec;
    if (!std::filesystem::is_directory(options.dataset, ec)) {
        result.error = options.dataset.string() + (std::filesystem::exists(options.dataset, ec)
                                                       ? ": is not a directory; give the dataset directory (zfxxgk extract -o DIR)"
                                                       : ": no such directory");
        return result;
    }
    std::unique_ptr<Sink> sink = make_sink(options);
    result.error = sink->open();
    if (!result.error.empty()) return result;
    Forward forward(*sink, errors);
    result.walk = walk_dataset(options.dataset, {options.agency_map, extractor::RecordTables::skip}, forward);
    if (!result.walk.error.empty()) {
        result.error = result.walk.error;
        return result;  // the sink's destructor removes its temporary files
    }
    result.error = sink->commit();
    return result;
}

}  // namespace zfxxgk::exporting
