#include "cli/validate_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "export/validate.hpp"

namespace zfxxgk::cli {
namespace {

struct ValidateCliOptions {
    std::string dataset;
    bool json = false;
    std::string agency_map;
};

int run_validate(const ValidateCliOptions& opt) {
    exporting::AgencyMapLoad map;
    if (!opt.agency_map.empty()) {
        map = exporting::load_agency_map(opt.agency_map);
        if (!map.error.empty()) {
            std::cerr << map.error << '\n';
            return kExitUsage;
        }
    }
    exporting::ValidateOptions options;
    options.dataset = opt.dataset;
    options.agency_map = opt.agency_map.empty() ? nullptr : &map.map;
    options.output = opt.json ? exporting::ValidateOutput::json : exporting::ValidateOutput::text;
    const exporting::ValidateResult r = exporting::run_validate(options, std::cout, std::cerr);
    std::cout.flush();
    if (!r.error.empty()) {
        std::cerr << r.error << '\n';
        return kExitSomeFailed;
    }
    const auto plural = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::cerr << "zfxxgk validate: " << opt.dataset << ": " << plural(r.walk.records, "record", "records") << ", "
              << r.walk.unreadable << " unreadable: "
              << plural(r.report_failures, "failed report check", "failed report checks") << ", "
              << plural(r.panel_failures, "failed panel check", "failed panel checks") << ", "
              << plural(r.soft_differences, "soft difference", "soft differences") << ", "
              << plural(r.missing_years, "missing year", "missing years") << '\n';
    return r.failed() ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command validate_command() {
    return Command{"validate", "List the failed checks of a dataset directory, per report and across years",
                   [](CLI::App& sub) -> std::function<int()> {
                       auto opt = std::make_shared<ValidateCliOptions>();
                       sub.add_option("dataset", opt->dataset, "Dataset directory of <agency>/<year>.json records")
                           ->required();
                       sub.add_flag("--json", opt->json, "One JSON document on stdout, for machines");
                       sub.add_option("--agency-map", opt->agency_map,
                                      "TSV file: name variant<TAB>agency id, for agencies renamed across years");
                       return [opt] { return run_validate(*opt); };
                   }};
}

}  // namespace zfxxgk::cli
