// The CSV export: RFC 4180 files in one directory (export/output_file.hpp for the dialect).
#include <array>

#include "export/sinks.hpp"
#include "export/tables.hpp"

namespace zfxxgk::exporting {
namespace {

using extractor::Record;

void write_fields(CsvWriter& w, const std::vector<Field>& fields) {
    for (const Field& f : fields) {
        switch (f.kind) {
            case Field::Kind::null: w.field(std::string_view()); break;
            case Field::Kind::integer: w.field(f.integer); break;
            case Field::Kind::number: w.number(f.number); break;
            case Field::Kind::text: w.field(f.text); break;
        }
    }
    w.end_row();
}

void write_header(CsvWriter& w, const TableSchema& table) {
    for (const Column& c : table.columns) w.field(std::string_view(c.name));
    w.end_row();
}

class CsvSink final : public Sink {
public:
    CsvSink(std::filesystem::path dir, HeaderLabels labels, Bom bom) : dir_(std::move(dir)), labels_(labels), bom_(bom) {}

    std::string open() override {
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);
        if (ec) return dir_.string() + ": cannot create the output directory: " + ec.message();
        for (auto [writer, name] : {std::pair{&long_, "long.csv"}, std::pair{&reports_, "reports.csv"},
                                    std::pair{&checks_, "checks.csv"}, std::pair{&warnings_, "warnings.csv"},
                                    std::pair{&dictionary_, "dictionary.csv"}}) {
            if (std::string error = writer->open(dir_ / name, bom_); !error.empty()) return error;
        }
        write_header(long_, kLongTable);
        write_header(reports_, kReportsTable);
        write_header(checks_, kChecksTable);
        write_header(warnings_, kWarningsTable);
        write_header(dictionary_, kDictionaryTable);
        for (const DictionaryEntry& e : dictionary()) {
            dictionary_fields(e, fields_);
            write_fields(dictionary_, fields_);
        }
        const auto& tables = wide_tables();
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (std::string error = wide_[t].open(dir_ / (tables[t].object + ".csv"), bom_); !error.empty()) return error;
            for (std::size_t i = 0; i < std::size(kWideKeyColumns); ++i) {
                wide_[t].field(std::string_view(labels_ == HeaderLabels::zh ? kWideKeyColumnsZh[i] : kWideKeyColumns[i]));
            }
            const auto& headers = labels_ == HeaderLabels::zh ? tables[t].labels_zh : tables[t].paths;
            for (const auto& h : headers) wide_[t].field(std::string_view(h));
            wide_[t].end_row();
        }
        return {};
    }

    void report(const ReportInfo& info, const Record& record) override {
        report_fields(info, record, fields_);
        write_fields(reports_, fields_);
        for (const auto& v : record.values) {
            long_fields(info, record, v, fields_);
            write_fields(long_, fields_);
        }
        write_wide(info, record);
        for (const auto& w : record.warnings) {
            warning_fields(info, record, w, fields_);
            write_fields(warnings_, fields_);
        }
    }

    void check(const CheckRow& row) override {
        check_fields(row, fields_);
        write_fields(checks_, fields_);
    }

    std::string commit() override {
        std::string first_error;
        for (CsvWriter* w : {&long_, &reports_, &checks_, &warnings_, &dictionary_, &wide_[0], &wide_[1], &wide_[2]}) {
            std::string error = w->commit();
            if (first_error.empty()) first_error = std::move(error);
        }
        return first_error;
    }

private:
    // One row per record that has the table, one column per canonical path; empty cells are
    // nulls (long.csv says why: blank, not_applicable, missing …).
    void write_wide(const ReportInfo& info, const Record& record) {
        const auto& tables = wide_tables();
        for (std::size_t t = 0; t < tables.size(); ++t) {
            values_.assign(tables[t].paths.size(), std::nullopt);
            bool any = false;
            for (const auto& v : record.values) {
                const int column = tables[t].column(v.path);
                if (column < 0) continue;
                values_[static_cast<std::size_t>(column)] = v.number;
                any = true;
            }
            if (!any) continue;
            CsvWriter& w = wide_[t];
            w.field(info.report_id);
            w.field(std::string_view(info.agency));
            w.field(record.agency);
            w.field(record.region_code);
            w.field(record.year);
            w.field(std::string_view(record.template_id));
            w.field(std::int64_t{info.in_panel ? 1 : 0});
            for (const auto& v : values_) w.number(v);
            w.end_row();
        }
    }

    std::filesystem::path dir_;
    HeaderLabels labels_;
    Bom bom_;
    CsvWriter long_, reports_, checks_, warnings_, dictionary_;
    std::array<CsvWriter, 3> wide_;
    std::vector<Field> fields_;
    std::vector<std::optional<double>> values_;
};

}  // namespace

std::unique_ptr<Sink> make_csv_sink(const std::filesystem::path& dir, HeaderLabels labels, Bom bom) {
    return std::make_unique<CsvSink>(dir, labels, bom);
}

}  // namespace zfxxgk::exporting
