#pragma once
// The crawl state: one SQLite database (WAL) in the dataset directory. It remembers every URL
// (kind, portal, validators, content hash, last status and error, attempts, when it is due
// again, where its response sits in the archive, which record it gave), robots.txt per origin,
// the durable size of every WARC file, content hashes seen (to record identical content once)
// and one row per run with its summary. Writes are batched in transactions; the crawler
// commits after making the archive durable, so the state never points past it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawl/discovery.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace zfxxgk::crawl {

// One URL the crawl will fetch now.
struct DueUrl {
    std::int64_t id = 0;
    std::string url;
    UrlKind kind = UrlKind::listing;
    std::string portal;              // the portal's listing URL (normal form)
    std::string name;
    std::string etag;
    std::string last_modified;
    int attempts = 0;
};

// What the state knew about a URL before this fetch.
struct Previous {
    std::string sha256;
    std::string record_path;         // relative to the dataset root
};

struct FetchUpdate {
    std::int64_t id = 0;
    std::string fetched_at;          // RFC 3339 UTC
    int status = 0;
    std::string error_kind;          // "" on success; the failure kind otherwise
    std::string error;               // message
    bool failed = false;             // counts towards attempts
    std::int64_t next_due = 0;       // unix seconds
    std::optional<std::string> etag;
    std::optional<std::string> last_modified;
    std::optional<std::string> sha256;
    std::optional<std::int64_t> bytes;
    std::optional<std::string> final_url;
    std::optional<std::string> warc_file;
    std::optional<std::string> warc_record_id;
    std::optional<std::string> record_path;
    std::optional<std::int64_t> duplicate_of;
    std::optional<std::string> name;
};

// A URL's row as stored (for tests, debugging and docs/cli/crawl.md's queries).
struct UrlRow {
    std::int64_t id = 0;
    std::string url;
    UrlKind kind = UrlKind::listing;
    std::string name;
    int status = 0;
    std::string error_kind;
    int attempts = 0;
    std::int64_t next_due = 0;
    std::string etag;
    std::string last_modified;
    std::string sha256;
    std::string warc_file;
    std::string warc_record_id;
    std::string record_path;
    std::optional<std::int64_t> duplicate_of;
};

struct CachedRobots {
    int status = 0;                  // 0: unreachable at that time
    std::string body;
    std::int64_t fetched_at = 0;     // unix seconds
};

class State {
public:
    // Opens (creating) the database; throws std::runtime_error naming the file on failure.
    explicit State(const std::filesystem::path& file);
    ~State();
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    void begin();
    void commit();

    // Adds a URL if unknown; returns its id and whether it was new.
    std::pair<std::int64_t, bool> add_url(const std::string& url, UrlKind kind, const std::string& portal,
                                          std::optional<std::int64_t> parent, const std::string& name,
                                          std::int64_t due, const std::string& now);
    // URLs due at `now` (unix seconds), listings first, then by id.
    std::vector<DueUrl> due_urls(std::int64_t now);
    Previous previous(std::int64_t id);
    std::optional<UrlRow> lookup(const std::string& url);
    std::vector<UrlRow> all_urls();
    void record_fetch(const FetchUpdate& u);
    // Pushes the next visit of a URL back without counting a failure (robots.txt said no,
    // the host asked for a pause, the crawl was stopped).
    void set_due(std::int64_t id, std::int64_t next_due, const std::string& error_kind, const std::string& error);
    int count_listings(const std::string& portal);

    // The URL whose content (sha256) was first recorded, if any.
    std::optional<std::int64_t> content_owner(const std::string& sha256);
    void add_content(const std::string& sha256, std::int64_t id);

    std::optional<CachedRobots> robots(const std::string& origin);
    void store_robots(const std::string& origin, const CachedRobots& robots);

    // WARC files and their durable sizes.
    std::vector<std::pair<std::string, std::uint64_t>> warc_files();
    void set_warc_size(const std::string& file, std::uint64_t bytes);

    std::int64_t start_run(const std::string& started_at);
    void finish_run(std::int64_t run, const std::string& finished_at, int exit_code, const std::string& summary_json);

private:
    sqlite3_stmt* prepare(const char* sql);
    void exec(const char* sql);

    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
    struct Statements;
    std::unique_ptr<Statements> st_;
};

}  // namespace zfxxgk::crawl
