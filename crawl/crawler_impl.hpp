#pragma once
// Private to crawl/: the crawler's moving parts, shared by crawler.cpp (setup, scheduling,
// the main loop) and crawler_pages.cpp (what a response leads to).
#include <deque>
#include <iosfwd>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "crawl/crawler.hpp"
#include "crawl/discovery.hpp"
#include "crawl/state.hpp"
#include "fetch/robots.hpp"
#include "fetch/warc.hpp"

namespace zfxxgk::crawl::detail {

// One URL on its way: the first hop is the URL the state knows (id); redirects change `url`.
struct Task {
    std::int64_t id = 0;             // urls.id; 0 for robots.txt
    std::string url;                 // this hop
    std::string first_url;           // urls.url
    UrlKind kind = UrlKind::listing;
    bool robots = false;
    int portal = -1;                 // index into the portal list
    int hops = 0;
    std::string etag;
    std::string last_modified;
    std::string name;
};

// Per origin (scheme, host, port): robots.txt, which RFC 9309 §2.3 keeps per origin, and the
// origin's URLs waiting for it. Politeness is per host name (HostPoliteness).
struct HostState {
    enum class RobotsState : std::uint8_t { unknown, fetching, ready };
    RobotsState robots_state = RobotsState::unknown;
    fetch::Robots robots;
    std::deque<Task> queue;          // waiting for robots.txt or for room in the engine
    int in_engine = 0;
    std::string host;                // the origin's host name: its HostPoliteness
    // robots.txt failed on TLS: the origin's URLs would fail the same way, so they fail as
    // this kind (`tls`) instead of robots_unreachable, which would hide the cause.
    std::string robots_failure_kind;
    std::string robots_failure;
};

// Per host name, shared by its origins (http://x, https://x, x:8080): one connection (the
// engine's politeness key) and one delay — the largest of --delay, the delay= of the portals
// whose URLs go there, and the Crawl-delay of every origin's robots.txt.
struct HostPoliteness {
    std::chrono::milliseconds delay{0};
    bool contacted = false;
};

class Crawler {
public:
    Crawler(const PortalList& list, const CrawlOptions& options, std::ostream& log);
    ~Crawler();
    CrawlOutcome run();

private:
    // crawler.cpp
    void recover_archive();
    void seed();
    void enqueue(Task task);
    void pump(const std::string& origin, HostState& host);
    void submit(const std::string& origin, HostState& host, Task task);
    void robots_ready(const std::string& origin, HostState& host, fetch::Robots robots);
    void before_result(fetch::HttpResult& result);
    void maybe_commit(bool force);
    void show_progress(bool final);
    std::int64_t now_unix() const;

    // crawler_pages.cpp
    void on_result(fetch::HttpResult result);
    std::optional<fetch::WarcLocation> archive(const fetch::HttpResult& result, const Task& task);
    void on_robots(Task& task, const fetch::HttpResult& result);
    void on_redirect(Task& task, const fetch::HttpExchange& ex, const fetch::ResponseHead& head,
                     const std::optional<fetch::WarcLocation>& loc);
    void on_content(Task& task, const fetch::HttpExchange& ex, const fetch::ResponseHead& head,
                    const std::optional<fetch::WarcLocation>& loc);
    void on_report(Task& task, FetchUpdate& update, const std::string& body, const fetch::ResponseHead& head,
                   std::chrono::system_clock::time_point fetched, const std::optional<fetch::WarcLocation>& loc);
    void write_failed(Task& task, FetchUpdate& update, const std::string& error);
    void follow(const Task& from, const Discovery& found);
    void fail(Task& task, const std::string& kind, const std::string& message, const fetch::HttpExchange* ex,
              std::optional<std::chrono::seconds> retry_after = std::nullopt);
    std::int64_t next_due_after_success(UrlKind kind) const;

    const PortalList& list_;
    CrawlOptions options_;
    std::ostream& log_;
    std::unique_ptr<State> state_;
    std::unique_ptr<fetch::HttpEngine> engine_;
    std::unique_ptr<fetch::WarcWriter> warc_;
    Summary summary_;
    std::unordered_map<std::string, int> portal_by_url_;
    std::vector<Scope> scopes_;
    std::vector<int> listing_count_;
    std::vector<bool> listing_cap_logged_;
    std::vector<bool> insecure_logged_;
    std::unordered_map<std::string, HostState> hosts_;             // by origin
    std::unordered_map<std::string, HostPoliteness> politeness_;   // by host name
    std::unordered_map<std::uint64_t, Task> in_flight_;
    std::unordered_set<std::int64_t> queued_ids_;
    std::uint64_t next_request_id_ = 1;
    std::uint64_t queued_ = 0;
    std::chrono::steady_clock::time_point last_commit_;
    std::chrono::steady_clock::time_point last_progress_;
    std::chrono::steady_clock::time_point started_;
    std::size_t uncommitted_ = 0;
    bool progress_line_ = false;
};

// RFC 3339 UTC, seconds: "2024-01-20T03:04:05Z".
std::string rfc3339(std::chrono::system_clock::time_point t);

}  // namespace zfxxgk::crawl::detail
