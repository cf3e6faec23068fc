#include "cli/extract_command.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/input_file.hpp"
#include "crawl/archive_replay.hpp"
#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "fetch/charset.hpp"
#include "fetch/warc.hpp"

namespace zfxxgk::cli {
namespace {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string form = "auto";  // auto | text | html
    bool warc = false;          // the inputs are WARC files
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

PageForm form_of(const ExtractOptions& opt) {
    return opt.form == "html" ? PageForm::html : opt.form == "text" ? PageForm::text : PageForm::automatic;
}

// One record out: to stdout, or into the dataset directory.
void emit(const ExtractOptions& opt, Tally& tally, const std::string& name, const extractor::Record& record) {
    const bool to_dir = !opt.output_dir.empty();
    const bool pretty = opt.pretty && (to_dir || (opt.inputs.size() == 1 && !opt.warc));
    const std::string json = extractor::to_json(record, pretty ? extractor::JsonLayout::pretty : extractor::JsonLayout::compact);
    if (to_dir) {
        const auto outcome = extractor::write_record(opt.output_dir, record, json);
        if (!outcome.error.empty()) {
            std::cerr << name << ": not written: " << outcome.error << '\n';
            ++tally.failed;
            return;
        }
        if (outcome.conflict) {
            std::cerr << name << ": conflict: another source already gave " << extractor::record_path(record).string()
                      << "; written as " << outcome.path.string() << '\n';
            ++tally.conflicts;
        }
        if (outcome.replaced_broken) {
            std::cerr << name << ": " << outcome.path.string() << " held no record (empty or not JSON); replaced\n";
        }
    } else {
        std::cout << json << '\n';
    }
    ++tally.extracted;
    tally.failed_checks += record.has_failed_check();
    tally.with_warnings += !record.warnings.empty();
}

// Content types a report page can have; attachments (PDF, Word, …) are archived, not parsed.
bool page_content_type(const std::string& content_type) {
    if (content_type.empty()) return true;
    std::string t;
    for (char c : content_type.substr(0, content_type.find(';'))) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t == "text/html" || t == "text/plain" || t == "application/xhtml+xml";
}

// Every 2xx HTML/text response of a WARC file (as `zfxxgk crawl` archives them) → a record
// whose source names the URL, fetch time, file and record id. Reading stops at the first
// broken record; the records before it are kept.
void extract_warc(const ExtractOptions& opt, Tally& tally, int& records, const std::string& file) {
    auto reader = fetch::WarcReader::open(file);
    if (!reader) {
        std::cerr << file << ": " << reader.error().message << '\n';
        ++tally.failed;
        return;
    }
    for (;;) {
        auto next = reader->next();
        if (!next) {
            std::cerr << file << ": " << next.error().message << "; the records before it were extracted\n";
            ++tally.failed;
            return;
        }
        if (!next->has_value()) return;
        const fetch::WarcRecord& rec = **next;
        if (rec.type() != "response") continue;
        auto response = fetch::read_response(rec, opt.max_bytes);
        if (!response) {
            std::cerr << file << ": " << response.error().message << '\n';
            ++tally.failed;
            continue;
        }
        // The crawl's own rule where the archive says what each URL was (Zfxxgk-Url-Kind);
        // for archives of other tools, every complete 2xx page that is not a document file.
        const bool page = rec.get(crawl::kWarcKindField)
                              ? crawl::gives_record(rec, *response)
                              : response->http.status >= 200 && response->http.status < 300 &&
                                    page_content_type(response->content_type) &&
                                    !crawl::is_document(response->content_type, response->body);
        if (!page) continue;
        ++records;
        // source as the crawl writes it, so that a rebuilt record equals the crawled one
        const std::filesystem::path warc_path(file);
        extractor::Source source;
        source.path = response->target_uri;
        source.url = response->target_uri;
        source.fetched_at = response->date;
        source.warc_file = warc_path.parent_path().filename() == "warc" ? "warc/" + warc_path.filename().string()
                                                                         : warc_path.filename().string();
        source.warc_record_id = response->record_id;
        const extractor::Record record = extract_page(response->body, std::move(source), form_of(opt), response->charset);
        emit(opt, tally, file + " " + response->target_uri, record);
    }
}

int run_extract(const ExtractOptions& opt) {
    const bool to_dir = !opt.output_dir.empty();
    Tally tally;
    int items = 0;
    for (const auto& name : opt.inputs) {
        if (opt.warc) {
            extract_warc(opt, tally, items, name);
            continue;
        }
        ++items;
        const InputFile in = read_input(name, opt.max_bytes);
        if (!in.error.empty()) {
            std::cerr << name << ": " << in.error << '\n';
            ++tally.failed;
            continue;
        }
        extractor::Source source;
        source.path = in.name;
        emit(opt, tally, name, extract_page(in.bytes, std::move(source), form_of(opt)));
    }
    std::cout.flush();
    if (opt.inputs.size() > 1 || to_dir || opt.warc) {
        std::cerr << "zfxxgk extract: " << items << (opt.warc ? " page" : " input") << (items == 1 ? "" : "s")
                  << (opt.warc ? " in " + std::to_string(opt.inputs.size()) + " WARC file" + (opt.inputs.size() == 1 ? "" : "s") : "")
                  << ": " << tally.extracted << " extracted (" << tally.failed_checks << " with failed checks, "
                  << tally.with_warnings << " with warnings), " << tally.conflicts << " conflicts, " << tally.failed
                  << " failed" << (to_dir ? ", into " + opt.output_dir : std::string()) << '\n';
    }
    return tally.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

extractor::Record extract_page(std::string_view bytes, extractor::Source source, PageForm form, std::string_view http_charset) {
    fetch::CharsetOptions copts;
    copts.http_charset = std::string(http_charset);
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
            sub.add_flag("--warc", opt->warc,
                         "The inputs are WARC files (as zfxxgk crawl archives them): extract every HTML/text response");
            sub.add_flag("--pretty", opt->pretty, "Indent the JSON (one record to stdout, or files with -o)");
            sub.add_option("--max-bytes", opt->max_bytes, "Refuse inputs larger than this many bytes (default 50 MiB)")
                ->check(CLI::PositiveNumber);
            return [opt] { return run_extract(*opt); };
        }};
}

}  // namespace zfxxgk::cli
