#include "cli/crawl_command.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "crawl/crawler.hpp"
#include "crawl/portal_list.hpp"

namespace zfxxgk::cli {
namespace {

struct CrawlArgs {
    std::string portals;
    std::string output;
    std::string contact;
    double delay = 2;
    bool attachments = false;
    std::size_t parallel = 32;
    double connect_timeout = 15;
    double timeout = 120;
    double low_speed_time = 30;
    std::uint64_t max_bytes = 50ull << 20;
    int max_redirects = 5;
    int retries = 3;
    double backoff = 2;
    double max_retry_after = 600;
    double revisit_listings = 20;
    double revisit_reports = 168;
    double retry_failed_after = 1;
    int max_pages = 500;
    std::uint64_t warc_size_mb = 1024;
    std::string summary_json;
    bool pretty = false;
    bool no_progress = false;
    std::vector<std::string> resolve;
    std::string ca_file;
};

std::chrono::milliseconds ms(double seconds) { return std::chrono::milliseconds(static_cast<long long>(seconds * 1000)); }
std::chrono::seconds hours(double h) { return std::chrono::seconds(static_cast<long long>(h * 3600)); }

crawl::CrawlOptions to_options(const CrawlArgs& a) {
    crawl::CrawlOptions o;
    o.dataset = a.output;
    o.contact = a.contact;
    o.delay = ms(a.delay);
    o.revisit_listings = hours(a.revisit_listings);
    o.revisit_reports = hours(a.revisit_reports);
    o.retry_failed_after = hours(a.retry_failed_after);
    o.max_redirects = a.max_redirects;
    o.max_listing_pages = a.max_pages;
    o.max_decoded_bytes = a.max_bytes;
    o.warc_file_bytes = a.warc_size_mb << 20;
    o.attachments = a.attachments ? crawl::Attachments::download : crawl::Attachments::record;
    o.progress = a.no_progress ? crawl::Progress::never : crawl::Progress::automatic;
    o.layout = a.pretty ? crawl::RecordLayout::pretty : crawl::RecordLayout::compact;
    if (!a.summary_json.empty()) o.summary_json = a.summary_json;
    o.http.connect_timeout = ms(a.connect_timeout);
    o.http.total_timeout = ms(a.timeout);
    o.http.low_speed_time = std::chrono::seconds(static_cast<long long>(a.low_speed_time + 0.5));
    o.http.max_body_bytes = a.max_bytes;
    o.http.retry.max_attempts = a.retries + 1;
    o.http.retry.base = ms(a.backoff);
    o.http.retry.max = std::max(ms(a.backoff), std::chrono::milliseconds(120000));
    o.http.retry.max_retry_after = ms(a.max_retry_after);
    o.http.max_parallel = a.parallel;
    o.http.max_active_hosts = std::max<std::size_t>(a.parallel * 4, 64);
    o.http.resolve = a.resolve;
    o.http.ca_file = a.ca_file;
    return o;
}

// --ca-file must name a readable file with at least one PEM certificate; otherwise every https
// request would fail with a TLS error, one URL at a time. Returns an error message or "".
std::string check_ca_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return path + ": is a directory; --ca-file needs a PEM file of CA certificates";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || in.bad()) {
        return path + ": cannot read the CA file given with --ca-file (no such file, or not readable)";
    }
    if (ss.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
        return path + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in the CA file given with --ca-file";
    }
    return {};
}

int run_crawl_command(const CrawlArgs& args) {
    if (!args.ca_file.empty()) {
        if (const std::string err = check_ca_file(args.ca_file); !err.empty()) {
            std::cerr << err << '\n';
            return kExitUsage;
        }
    }
    std::string text;
    if (args.portals == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    } else {
        std::ifstream in(args.portals, std::ios::binary);
        if (!in) {
            std::cerr << args.portals << ": cannot read the portal list (no such file, or not readable)\n";
            return kExitUsage;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
    }
    const crawl::PortalList list = crawl::parse_portal_list(text);
    for (const auto& e : list.errors) std::cerr << args.portals << ":" << e.line << ": " << e.message << '\n';
    try {
        const crawl::CrawlOutcome out = crawl::run_crawl(list, to_options(args), std::cerr);
        std::cerr << out.summary.to_text();
        return out.exit_code;
    } catch (const std::exception& e) {
        std::cerr << "zfxxgk crawl: " << e.what() << '\n';
        return kExitUsage;
    }
}

}  // namespace

Command crawl_command() {
    return Command{
        "crawl", "Crawl portals' annual-report listings into the dataset (incremental, polite, archived)",
        [](CLI::App& sub) -> std::function<int()> {
            auto a = std::make_shared<CrawlArgs>();
            sub.add_option("portals", a->portals, "Portal list (TSV: agency, [region code], listing URL, [options]); - reads stdin")
                ->required();
            sub.add_option("-o,--output", a->output, "Dataset directory (records, crawl-state.sqlite, warc/)")->required();
            sub.add_option("--contact", a->contact, "E-mail or URL for site operators, sent in the User-Agent")->required();
            sub.add_option("--delay", a->delay, "Seconds between requests to one host (default 2; robots.txt Crawl-delay may raise it)")
                ->check(CLI::Range(0.0, 3600.0));
            sub.add_flag("--attachments", a->attachments, "Download attachments (PDF, DOC, …) into the archive");
            sub.add_option("--parallel", a->parallel, "Hosts fetched at once (default 32)")->check(CLI::Range(1, 4096));
            sub.add_option("--connect-timeout", a->connect_timeout, "Connect timeout in seconds (default 15)")->check(CLI::PositiveNumber);
            sub.add_option("--timeout", a->timeout, "Whole-response timeout in seconds (default 120)")->check(CLI::PositiveNumber);
            sub.add_option("--low-speed-time", a->low_speed_time,
                           "Abort a response slower than 256 bytes/s for this many seconds (default 30)")
                ->check(CLI::PositiveNumber);
            sub.add_option("--max-bytes", a->max_bytes, "Largest body accepted, compressed or not (default 50 MiB)")
                ->check(CLI::PositiveNumber);
            sub.add_option("--max-redirects", a->max_redirects, "Redirects followed per URL (default 5)")->check(CLI::Range(0, 50));
            sub.add_option("--retries", a->retries, "Tries after the first on timeouts, resets, 5xx, 429 (default 3)")
                ->check(CLI::Range(0, 20));
            sub.add_option("--backoff", a->backoff, "First retry backoff in seconds, doubled each try, with jitter (default 2)")
                ->check(CLI::Range(0.0, 3600.0));
            sub.add_option("--max-retry-after", a->max_retry_after,
                           "Longest Retry-After waited within a run, in seconds (default 600); longer ones defer the host")
                ->check(CLI::Range(0.0, 86400.0));
            sub.add_option("--revisit-listings", a->revisit_listings, "Hours before a listing page is fetched again (default 20)")
                ->check(CLI::Range(0.0, 1e6));
            sub.add_option("--revisit-reports", a->revisit_reports,
                           "Hours before a report or attachment is fetched again (default 168)")
                ->check(CLI::Range(0.0, 1e6));
            sub.add_option("--retry-failed-after", a->retry_failed_after, "Hours before a failed URL is tried again (default 1)")
                ->check(CLI::Range(0.0, 1e6));
            sub.add_option("--max-pages", a->max_pages, "Listing pages per portal (default 500; max-pages= in the list wins)")
                ->check(CLI::PositiveNumber);
            sub.add_option("--warc-size", a->warc_size_mb, "Start a new WARC file after this many MiB (default 1024)")
                ->check(CLI::PositiveNumber);
            sub.add_option("--summary-json", a->summary_json,
                           "Write the run summary here (default DATASET/crawl-summary.json; - for stdout)");
            sub.add_flag("--pretty", a->pretty, "Indent the record files");
            sub.add_flag("--no-progress", a->no_progress, "No live progress line, even on a terminal");
            sub.add_option("--resolve", a->resolve,
                           "HOST:PORT:ADDRESS — use this address for HOST:PORT (as curl --resolve); repeatable");
            sub.add_option("--ca-file", a->ca_file,
                           "PEM file of CA certificates to verify TLS servers with, instead of curl's bundle "
                           "(a TLS proxy's or a government CA); the system's certificate directory stays in use");
            return [a] { return run_crawl_command(*a); };
        }};
}

}  // namespace zfxxgk::cli
