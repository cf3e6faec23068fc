#include "cli/extract_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/input_file.hpp"
#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "fetch/charset.hpp"

namespace zfxxgk::cli {
namespace {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string form = "auto";  // auto | text | html
    std::string output_dir;
    bool pretty = false;
    std::uint64_t max_bytes = 50ull << 20;
};

struct Tally {
    int extracted = 0;
    int failed_checks = 0;
    int with_warnings = 0;
    int conflicts = 0;
    int failed = 0;
};

int run_extract(const ExtractOptions& opt) {
    const bool to_dir = !opt.output_dir.empty();
    const bool several = opt.inputs.size() > 1;
    Tally tally;
    for (const auto& name : opt.inputs) {
        const InputFile in = read_input(name, opt.max_bytes);
        if (!in.error.empty()) {
            std::cerr << name << ": " << in.error << '\n';
            ++tally.failed;
            continue;
        }
        extractor::Source source;
        source.path = in.name;
        const PageForm form = opt.form == "html" ? PageForm::html : opt.form == "text" ? PageForm::text : PageForm::automatic;
        const extractor::Record record = extract_page(in.bytes, std::move(source), form);
        const bool pretty = opt.pretty && (to_dir || !several);
        const std::string json =
            extractor::to_json(record, pretty ? extractor::JsonLayout::pretty : extractor::JsonLayout::compact);
        if (to_dir) {
            const auto outcome = extractor::write_record(opt.output_dir, record, json);
            if (!outcome.error.empty()) {
                std::cerr << name << ": not written: " << outcome.error << '\n';
                ++tally.failed;
                continue;
            }
            if (outcome.conflict) {
                std::cerr << name << ": conflict: another source already gave " << extractor::record_path(record).string()
                          << "; written as " << outcome.path.string() << '\n';
                ++tally.conflicts;
            }
        } else {
            std::cout << json << '\n';
        }
        ++tally.extracted;
        tally.failed_checks += record.has_failed_check();
        tally.with_warnings += !record.warnings.empty();
    }
    std::cout.flush();
    if (several || to_dir) {
        std::cerr << "zfxxgk extract: " << opt.inputs.size() << " input" << (opt.inputs.size() == 1 ? "" : "s") << ": "
                  << tally.extracted << " extracted (" << tally.failed_checks << " with failed checks, "
                  << tally.with_warnings << " with warnings), " << tally.conflicts << " conflicts, " << tally.failed
                  << " failed" << (to_dir ? ", into " + opt.output_dir : std::string()) << '\n';
    }
    return tally.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

extractor::Record extract_page(std::string_view bytes, extractor::Source source, PageForm form) {
    fetch::CharsetOptions copts;
    copts.prescan_meta = form != PageForm::text;
    fetch::Decoded decoded = fetch::decode_to_utf8(bytes, copts);
    std::vector<extractor::Warning> warnings;
    if (decoded.replaced > 0) {
        warnings.push_back({"encoding_replaced_bytes",
                            std::to_string(decoded.replaced) + " invalid byte sequences in " + decoded.encoding +
                                " input were replaced by U+FFFD",
                            -1, -1});
    }
    source.sha256 = extractor::sha256_hex(bytes);
    source.bytes = bytes.size();
    source.encoding = decoded.encoding;
    const bool html = form == PageForm::html || (form == PageForm::automatic && extractor::looks_like_html(decoded.text));
    if (html) return extractor::extract_html(decoded.text, std::move(source), std::move(warnings));
    return extractor::extract_text(decoded.text, std::move(source), std::move(warnings));
}

Command extract_command() {
    return Command{
        "extract", "Extract report records from saved pages (HTML or flattened text)",
        [](CLI::App& sub) -> std::function<int()> {
            auto opt = std::make_shared<ExtractOptions>();
            sub.add_option("inputs", opt->inputs, "Saved report pages; - reads standard input")->required();
            sub.add_option("-o,--output", opt->output_dir,
                           "Write <agency>/<year>.json records into this dataset directory");
            sub.add_option("--form", opt->form, "auto (default: by content), html or text")
                ->check(CLI::IsMember({"auto", "html", "text"}));
            sub.add_flag("--pretty", opt->pretty, "Indent the JSON (one record to stdout, or files with -o)");
            sub.add_option("--max-bytes", opt->max_bytes, "Refuse inputs larger than this many bytes (default 50 MiB)")
                ->check(CLI::PositiveNumber);
            return [opt] { return run_extract(*opt); };
        }};
}

}  // namespace zfxxgk::cli
