#pragma once
// The nightly crawl: portal list → listing pages → report pages (→ attachments) → records in
// the dataset, politely (robots.txt, one connection and a delay per host), incrementally
// (conditional GET, content hashes, next-due times in crawl-state.sqlite) and crash-safely
// (archive first, then records, then the state; on start the archive is cut back to what the
// state knows). docs/cli/crawl.md describes the behaviour; this is its one entry point.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "crawl/portal_list.hpp"
#include "crawl/summary.hpp"
#include "fetch/http_engine.hpp"

namespace zfxxgk::crawl {

enum class Attachments : std::uint8_t { record, download };
enum class Progress : std::uint8_t { automatic, never };  // automatic: a live line when stderr is a terminal
enum class RecordLayout : std::uint8_t { compact, pretty };

struct CrawlOptions {
    std::filesystem::path dataset;                       // records, crawl-state.sqlite, warc/
    std::string contact;                                 // in the User-Agent: an e-mail or URL
    std::chrono::milliseconds delay{2000};               // per host, between a response and the next request
    std::chrono::seconds revisit_listings{20 * 3600};    // a listing page is due again after this
    std::chrono::seconds revisit_reports{7 * 24 * 3600}; // reports and attachments
    std::chrono::seconds retry_failed_after{3600};       // a failed URL is due again after this
    std::chrono::seconds max_crawl_delay{600};           // robots.txt Crawl-delay is honored up to this
    int max_redirects = 5;
    int max_listing_pages = 500;                         // per portal, unless the list says max-pages=
    std::uint64_t max_decoded_bytes = 50ull << 20;       // body after content decoding (bomb guard)
    std::uint64_t warc_file_bytes = 1ull << 30;
    Attachments attachments = Attachments::record;
    Progress progress = Progress::automatic;
    RecordLayout layout = RecordLayout::compact;
    std::optional<std::filesystem::path> summary_json;   // default: <dataset>/crawl-summary.json
    std::chrono::milliseconds commit_interval{500};      // archive fsync + state commit at least this often
    fetch::HttpOptions http;                             // timeouts, body cap, retries, parallelism, --resolve
};

struct CrawlOutcome {
    Summary summary;
    int exit_code = 0;                                   // 0, 1 (some failures), 130 (SIGINT), 143 (SIGTERM)
};

// The User-Agent sent: "zfxxgk/<version> (+government information-disclosure report research
// crawler; contact: <contact>)".
std::string user_agent(const std::string& contact);

// Runs one crawl. Fatal setup problems (dataset not writable, another crawl holding the
// lock, a state file that is not a database) throw std::runtime_error with a message that
// names the file; everything per URL is counted in the summary and logged to `log`.
CrawlOutcome run_crawl(const PortalList& list, const CrawlOptions& options, std::ostream& log);

}  // namespace zfxxgk::crawl
