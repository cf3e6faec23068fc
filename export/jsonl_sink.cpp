// The JSON Lines export: the long form, one compact object per line with long.csv's columns as
// keys, typed (numbers as numbers, absent values as null, so blank "" and missing null differ).
#include "export/sinks.hpp"
#include "export/tables.hpp"
#include "extractor/json_writer.hpp"

namespace zfxxgk::exporting {
namespace {

class JsonlSink final : public Sink {
public:
    explicit JsonlSink(std::filesystem::path file) : path_(std::move(file)) {}

    std::string open() override {
        std::error_code ec;
        if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
        if (ec) return path_.parent_path().string() + ": cannot create the output directory: " + ec.message();
        return file_.open(path_);
    }

    void report(const ReportInfo& info, const extractor::Record& record) override {
        for (const auto& v : record.values) {
            long_fields(info, record, v, fields_);
            extractor::JsonWriter w(false);
            w.begin_object();
            for (std::size_t i = 0; i < fields_.size(); ++i) {
                w.key(kLongTable.columns[i].name);
                const Field& f = fields_[i];
                switch (f.kind) {
                    case Field::Kind::null: w.null(); break;
                    case Field::Kind::integer: w.value(f.integer); break;
                    case Field::Kind::number: w.number(f.number); break;
                    case Field::Kind::text: w.value(f.text); break;
                }
            }
            w.end_object();
            file_.write(w.take());
            file_.put('\n');
        }
    }

    void check(const CheckRow& /*row*/) override {}

    std::string commit() override { return file_.commit(); }

private:
    std::filesystem::path path_;
    OutputFile file_;
    std::vector<Field> fields_;
};

}  // namespace

std::unique_ptr<Sink> make_jsonl_sink(const std::filesystem::path& file) { return std::make_unique<JsonlSink>(file); }

}  // namespace zfxxgk::exporting
