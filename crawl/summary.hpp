#pragma once
// What a crawl run did, counted: printed on stderr at the end, written as JSON
// (docs/cli/crawl.md lists the fields), and kept in the state's runs table.
#include <cstdint>
#include <map>
#include <string>

namespace zfxxgk::crawl {

struct Summary {
    std::string started_at;                    // RFC 3339 UTC
    std::string finished_at;
    double seconds = 0;
    int portals = 0;
    int bad_lines = 0;
    int hosts = 0;                             // origins contacted
    std::uint64_t requests = 0;                // HTTP exchanges, retries and robots.txt included
    std::uint64_t retries = 0;
    std::uint64_t bytes = 0;                   // response bytes received (heads and raw bodies)
    std::uint64_t pages = 0;                   // URLs fetched to an outcome (any kind)
    int listings_fetched = 0;
    int listings_unchanged = 0;
    int reports_new = 0;
    int reports_changed = 0;
    int reports_unchanged = 0;                 // 304, or the same content as last time
    int reports_duplicate = 0;                 // content already recorded under another URL
    int reports_not_extracted = 0;             // shells, or a report link that served a document file
    int attachments_found = 0;                 // new attachment URLs recorded
    int attachments_downloaded = 0;
    int records_written = 0;
    int conflicts = 0;
    int redirects = 0;
    int robots_disallowed = 0;
    int deferred = 0;                          // left for a later run (Retry-After, interrupted)
    std::uint64_t left_in_queue = 0;           // URLs not reached when the run stopped
    std::map<std::string, int> failures;       // by kind: timeout, connect, http_404, http_5xx, …
    std::string stopped_by;                    // "", "SIGINT" or "SIGTERM"

    [[nodiscard]] int failure_count() const;
    [[nodiscard]] std::string to_json() const;
    [[nodiscard]] std::string to_text() const;  // a few lines for stderr
};

}  // namespace zfxxgk::crawl
