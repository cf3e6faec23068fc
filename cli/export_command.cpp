#include "cli/export_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "export/columns.hpp"
#include "export/export.hpp"

namespace zfxxgk::cli {
namespace {

struct ExportCliOptions {
    std::string dataset;
    std::string output;
    std::string format = "csv";
    std::string labels = "en";
    bool excel = false;
    std::string agency_map;
    bool dictionary = false;
};

int usage(const std::string& message) {
    std::cerr << "zfxxgk export: " << message << " (zfxxgk export --help)\n";
    return kExitUsage;
}

int run_export(const ExportCliOptions& opt) {
    if (opt.dictionary) {
        std::cout << exporting::dictionary_markdown();
        return kExitOk;
    }
    if (opt.dataset.empty() || opt.output.empty()) return usage("give the dataset directory and -o OUT");
    if (opt.excel && opt.format != "csv") return usage("--excel applies to --format csv only");
    exporting::AgencyMapLoad map;
    if (!opt.agency_map.empty()) {
        map = exporting::load_agency_map(opt.agency_map);
        if (!map.error.empty()) {
            std::cerr << map.error << '\n';
            return kExitUsage;
        }
    }
    exporting::ExportOptions options;
    options.dataset = opt.dataset;
    options.output = opt.output;
    options.format = opt.format == "jsonl"    ? exporting::Format::jsonl
                     : opt.format == "sqlite" ? exporting::Format::sqlite
                                              : exporting::Format::csv;
    options.labels = opt.labels == "zh" ? exporting::HeaderLabels::zh : exporting::HeaderLabels::en;
    options.bom = opt.excel ? exporting::Bom::yes : exporting::Bom::no;
    options.agency_map = opt.agency_map.empty() ? nullptr : &map.map;
    const exporting::ExportResult result = exporting::run_export(options, std::cerr);
    if (!result.error.empty()) {
        std::cerr << result.error << '\n';
        return kExitSomeFailed;
    }
    const auto& w = result.walk;
    std::cerr << "zfxxgk export: " << opt.dataset << ": " << w.files << " record file" << (w.files == 1 ? "" : "s")
              << ": " << w.records << " exported, " << w.unreadable << " unreadable, into " << opt.output << " ("
              << opt.format << ")\n";
    if (w.files == 0) {
        std::cerr << opt.dataset << ": no records found; a dataset directory holds <agency>/<year>.json files "
                  << "(zfxxgk extract -o DIR)\n";
        return kExitSomeFailed;
    }
    return w.unreadable > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command export_command() {
    return Command{
        "export", "Export a dataset directory as research tables (CSV, JSON Lines, SQLite) with panel checks",
        [](CLI::App& sub) -> std::function<int()> {
            auto opt = std::make_shared<ExportCliOptions>();
            sub.add_option("dataset", opt->dataset, "Dataset directory of <agency>/<year>.json records");
            sub.add_option("-o,--output", opt->output, "Output: a directory for csv, a file for jsonl and sqlite");
            sub.add_option("--format", opt->format, "csv (default), jsonl or sqlite")
                ->check(CLI::IsMember({"csv", "jsonl", "sqlite"}));
            sub.add_option("--labels", opt->labels,
                           "Wide tables' headers: en (default: canonical paths) or zh (Chinese labels)")
                ->check(CLI::IsMember({"en", "zh"}));
            sub.add_flag("--excel", opt->excel, "Start each CSV file with a UTF-8 BOM, for Excel");
            sub.add_option("--agency-map", opt->agency_map,
                           "TSV file: name variant<TAB>agency id, for agencies renamed across years");
            sub.add_flag("--dictionary", opt->dictionary, "Print the data dictionary (Markdown) and exit");
            return [opt] { return run_export(*opt); };
        }};
}

}  // namespace zfxxgk::cli
