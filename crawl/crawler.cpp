#include "crawl/crawler.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <ctime>
#include <iostream>
#include <stdexcept>

#include "crawl/crawler_impl.hpp"
#include "extractor/dataset.hpp"

namespace zfxxgk::crawl {
namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) { g_signal = sig; }

// SIGINT/SIGTERM only set a flag: the loop stops taking work, finishes the writes in hand,
// commits, and returns 130/143. The previous handlers come back afterwards.
class SignalGuard {
public:
    SignalGuard() {
        g_signal = 0;
        struct sigaction sa {};
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old_int_);
        sigaction(SIGTERM, &sa, &old_term_);
    }
    ~SignalGuard() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

// One crawl per dataset at a time; the kernel drops the lock if the process dies.
class DatasetLock {
public:
    explicit DatasetLock(const std::filesystem::path& dataset) {
        const auto path = dataset / "crawl.lock";
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw std::runtime_error(path.string() + ": cannot create the lock file; is the dataset directory writable?");
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw std::runtime_error(dataset.string() + ": another zfxxgk crawl is running on this dataset; wait for it to finish");
        }
    }
    ~DatasetLock() { ::close(fd_); }
    DatasetLock(const DatasetLock&) = delete;
    DatasetLock& operator=(const DatasetLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace

std::string user_agent(const std::string& contact) {
    return std::string("zfxxgk/") + ZFXXGK_VERSION + " (+government information-disclosure report research crawler; contact: " +
           contact + ")";
}

namespace detail {

std::string rfc3339(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Crawler::Crawler(const PortalList& list, const CrawlOptions& options, std::ostream& log)
    : list_(list), options_(options), log_(log) {
    for (std::size_t i = 0; i < list_.portals.size(); ++i) {
        const Portal& p = list_.portals[i];
        portal_by_url_.emplace(p.url.str(), static_cast<int>(i));
        scopes_.push_back(Scope{p.domain, p.options.allowed_domains});
    }
    listing_count_.assign(list_.portals.size(), 0);
    listing_cap_logged_.assign(list_.portals.size(), false);
    insecure_logged_.assign(list_.portals.size(), false);
}

Crawler::~Crawler() = default;

std::int64_t Crawler::now_unix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Cuts every WARC file back to the size the state recorded as durable and removes files the
// state never heard of: what a kill -9 left after the last commit is fetched again.
void Crawler::recover_archive() {
    namespace fs = std::filesystem;
    const fs::path dir = options_.dataset / "warc";
    std::unordered_map<std::string, std::uint64_t> known;
    for (const auto& [name, bytes] : state_->warc_files()) known.emplace(name, bytes);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("zfxxgk-", 0) != 0 || name.size() < 8 || name.substr(name.size() - 8) != ".warc.gz") continue;
        const auto it = known.find(name);
        const std::uint64_t size = entry.file_size(ec);
        if (it == known.end() || it->second == 0) {
            fs::remove(entry.path(), ec);
        } else if (size > it->second) {
            if (const std::string err = fetch::truncate_file(entry.path(), it->second); !err.empty()) {
                throw std::runtime_error(err);
            }
        }
    }
    // Temporary record files of write_file_atomically that a kill left behind.
    for (auto it = fs::recursive_directory_iterator(options_.dataset, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (it.depth() <= 1 && name.size() > 1 && name.front() == '.' && name.find(".json.tmp.") != std::string::npos) {
            fs::remove(it->path(), ec);
        }
    }
}

void Crawler::seed() {
    const std::string now = rfc3339(std::chrono::system_clock::now());
    for (std::size_t i = 0; i < list_.portals.size(); ++i) {
        const Portal& p = list_.portals[i];
        state_->add_url(p.url.str(), UrlKind::listing, p.url.str(), std::nullopt, p.agency, 0, now);
        listing_count_[i] = state_->count_listings(p.url.str());
    }
    const std::int64_t now_s = now_unix();
    for (DueUrl& d : state_->due_urls(now_s)) {
        const auto it = portal_by_url_.find(d.portal);
        if (it == portal_by_url_.end()) continue;  // its portal is no longer in the list
        if (d.kind == UrlKind::attachment && options_.attachments == Attachments::record) continue;
        Task t;
        t.id = d.id;
        t.url = d.url;
        t.first_url = d.url;
        t.kind = d.kind;
        t.portal = it->second;
        t.etag = std::move(d.etag);
        t.last_modified = std::move(d.last_modified);
        t.name = std::move(d.name);
        enqueue(std::move(t));
    }
}

void Crawler::enqueue(Task task) {
    const auto url = fetch::parse_url(task.url);
    if (!url) return;
    if (task.id != 0 && task.hops == 0 && !queued_ids_.insert(task.id).second) return;  // already on its way
    ++queued_;
    // A no-op for URLs the crawl stored itself; a state written before hosts were converted to
    // punycode may hold a Unicode host, which is requested in its ASCII form.
    task.url = url->str();
    const std::string origin = url->origin();
    HostState& host = hosts_[origin];
    host.host = url->host;
    host.queue.push_back(std::move(task));
    pump(origin, host);
}

// Politeness is keyed by the host name of the URL requested (a robots.txt redirect may lead to
// another host of the registrable domain); robots.txt by the origin the task belongs to.
void Crawler::submit(const std::string& origin, HostState& host, Task task) {
    const auto url = fetch::parse_url(task.url);  // in normal form: parses
    const std::string host_name = url ? url->host : host.host;
    const Portal& portal = list_.portals[static_cast<std::size_t>(task.portal)];
    HostPoliteness& polite = politeness_[host_name];
    polite.delay = std::max(polite.delay, options_.delay);
    if (portal.options.delay_seconds) {
        polite.delay = std::max(polite.delay, std::chrono::milliseconds(static_cast<long long>(*portal.options.delay_seconds * 1000)));
    }
    polite.contacted = true;
    engine_->set_host_delay(host_name, polite.delay);
    fetch::HttpRequest req;
    req.id = next_request_id_++;
    req.url = task.url;
    req.host_key = origin;
    req.politeness_key = host_name;
    if (task.hops == 0) {
        req.if_none_match = task.etag;
        req.if_modified_since = task.last_modified;
    }
    req.tls = portal.options.tls;
    if (req.tls == fetch::TlsVerification::skip && task.url.rfind("https:", 0) == 0 &&
        !insecure_logged_[static_cast<std::size_t>(task.portal)]) {
        insecure_logged_[static_cast<std::size_t>(task.portal)] = true;
        log_ << portal.url.str() << ": TLS certificates are not verified for this portal (insecure in the portal list, line "
             << portal.line << ")\n";
    }
    ++host.in_engine;
    in_flight_.emplace(req.id, std::move(task));
    engine_->submit(std::move(req));
}

// Feeds the engine at most two requests per host: enough to keep its connection busy, while
// the rest of the host's frontier stays here in compact form.
void Crawler::pump(const std::string& origin, HostState& host) {
    using RS = HostState::RobotsState;
    if (host.robots_state == RS::unknown) {
        if (host.queue.empty()) return;
        const auto cached = state_->robots(origin);
        if (cached && now_unix() - cached->fetched_at < 24 * 3600) {
            robots_ready(origin, host,
                         cached->status >= 200 && cached->status < 300 ? fetch::parse_robots(cached->body, "zfxxgk")
                                                                        : fetch::Robots::allow_all());
            return;
        }
        host.robots_state = RS::fetching;
        Task robots;
        robots.robots = true;
        robots.url = origin + "/robots.txt";
        robots.first_url = robots.url;
        robots.portal = host.queue.front().portal;
        submit(origin, host, std::move(robots));
        return;
    }
    if (host.robots_state == RS::fetching) return;
    while (host.in_engine < 2 && !host.queue.empty()) {
        Task t = std::move(host.queue.front());
        host.queue.pop_front();
        const auto url = fetch::parse_url(t.url);
        if (!host.robots.allowed(url->target())) {
            if (host.robots.mode == fetch::Robots::Mode::disallow_all && !host.robots_failure_kind.empty()) {
                fail(t, host.robots_failure_kind, host.robots_failure, nullptr);
            } else if (host.robots.mode == fetch::Robots::Mode::disallow_all) {
                fail(t, "robots_unreachable", "robots.txt could not be fetched, so nothing on this host is (RFC 9309 §2.3.1.4)", nullptr);
            } else {
                ++summary_.robots_disallowed;
                state_->set_due(t.id, now_unix() + options_.revisit_listings.count(), "robots_disallowed",
                                "robots.txt disallows " + url->target());
                --queued_;
            }
            continue;
        }
        submit(origin, host, std::move(t));
    }
}

void Crawler::robots_ready(const std::string& origin, HostState& host, fetch::Robots robots) {
    host.robots = std::move(robots);
    host.robots_state = HostState::RobotsState::ready;
    if (host.robots.crawl_delay) {
        // The origin's Crawl-delay applies to its host, so to the host's other origins too; where
        // two origins of a host disagree, the larger wins. Applied at once, also to requests of
        // the host already waiting in the engine.
        const auto cd = std::chrono::milliseconds(static_cast<long long>(*host.robots.crawl_delay * 1000));
        HostPoliteness& polite = politeness_[host.host];
        const std::chrono::milliseconds capped = std::min<std::chrono::milliseconds>(cd, options_.max_crawl_delay);
        polite.delay = std::max({polite.delay, options_.delay, capped});
        engine_->set_host_delay(host.host, polite.delay);
    }
    pump(origin, host);
}

// Looks at a result before crawler_pages.cpp handles it: a TLS failure is one of configuration
// (an unknown CA, a certificate for another name), so its message says what to do; and when
// it is robots.txt that failed so, the origin's URLs fail as `tls` rather than as
// robots_unreachable.
void Crawler::before_result(fetch::HttpResult& result) {
    if (result.attempts.empty()) return;
    fetch::HttpExchange& ex = result.attempts.back();
    if (ex.error != fetch::FetchError::tls) return;
    ex.error_message += " (a CA missing from the system's store can be given with --ca-file; insecure on the portal's line "
                        "skips verification)";
    const auto it = in_flight_.find(result.request.id);
    if (it == in_flight_.end() || !it->second.robots) return;
    HostState& host = hosts_[result.request.host_key];
    host.robots_failure_kind = fetch::to_string(fetch::FetchError::tls);
    host.robots_failure = "robots.txt (" + ex.url + ") failed: " + ex.error_message;
}

// The archive and the records are made durable before the state that points at them is
// committed: records are written without fsync and flushed together here.
void Crawler::maybe_commit(bool force) {
    const auto now = std::chrono::steady_clock::now();
    if (!force && uncommitted_ < 1000 && now - last_commit_ < options_.commit_interval) return;
    auto sizes = warc_->sync();
    if (!sizes) throw std::runtime_error(sizes.error());
    if (const std::string err = extractor::sync_file_system(options_.dataset); !err.empty()) throw std::runtime_error(err);
    for (const auto& f : *sizes) state_->set_warc_size(f.file, f.bytes);
    state_->commit();
    state_->begin();
    uncommitted_ = 0;
    last_commit_ = now;
}

void Crawler::show_progress(bool final) {
    if (!progress_line_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress_ < std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    if (final) {
        std::cerr << "\r\033[K" << std::flush;
        return;
    }
    std::cerr << "\r\033[Kcrawl: " << summary_.pages << " pages, " << engine_->in_flight() << " in flight, " << queued_
              << " queued, " << summary_.records_written << " records, " << summary_.failure_count() << " failures"
              << std::flush;
}

CrawlOutcome Crawler::run() {
    namespace fs = std::filesystem;
    const auto wall_start = std::chrono::system_clock::now();
    started_ = std::chrono::steady_clock::now();
    summary_.started_at = rfc3339(wall_start);
    summary_.portals = static_cast<int>(list_.portals.size());
    summary_.bad_lines = static_cast<int>(list_.errors.size());
    std::error_code ec;
    fs::create_directories(options_.dataset, ec);
    if (ec) throw std::runtime_error(options_.dataset.string() + ": cannot create the dataset directory: " + ec.message());
    DatasetLock lock(options_.dataset);
    state_ = std::make_unique<State>(options_.dataset / "crawl-state.sqlite");
    recover_archive();
    const std::string ua = user_agent(options_.contact);
    warc_ = std::make_unique<fetch::WarcWriter>(fetch::WarcWriterOptions{
        options_.dataset / "warc", "zfxxgk", options_.warc_file_bytes, std::string("zfxxgk/") + ZFXXGK_VERSION, ua,
        options_.contact});
    fetch::HttpOptions http = options_.http;
    http.user_agent = ua;
    engine_ = std::make_unique<fetch::HttpEngine>(http);
    progress_line_ = options_.progress == Progress::automatic && ::isatty(STDERR_FILENO);
    SignalGuard signals;
    state_->begin();
    const std::int64_t run_id = state_->start_run(summary_.started_at);
    last_commit_ = std::chrono::steady_clock::now();
    seed();
    while (g_signal == 0) {
        for (fetch::HttpResult& r : engine_->poll(std::chrono::milliseconds(200))) {
            before_result(r);
            on_result(std::move(r));
            if (g_signal != 0) break;
        }
        maybe_commit(false);
        show_progress(false);
        if (queued_ == 0 && in_flight_.empty() && engine_->pending() == 0) break;
    }
    const int sig = g_signal;
    if (sig != 0) {
        engine_->cancel_all();
        summary_.stopped_by = sig == SIGINT ? "SIGINT" : "SIGTERM";
        summary_.left_in_queue = queued_;
    }
    show_progress(true);
    for (const auto& [name, polite] : politeness_) summary_.hosts += polite.contacted ? 1 : 0;
    const auto wall_end = std::chrono::system_clock::now();
    summary_.finished_at = rfc3339(wall_end);
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    CrawlOutcome out;
    out.exit_code = sig == SIGINT ? 130 : sig == SIGTERM ? 143 : (summary_.failure_count() > 0 || summary_.bad_lines > 0) ? 1 : 0;
    out.summary = summary_;
    const std::string json = summary_.to_json();
    state_->finish_run(run_id, summary_.finished_at, out.exit_code, json);
    maybe_commit(true);
    state_->commit();
    const fs::path summary_path = options_.summary_json.value_or(options_.dataset / "crawl-summary.json");
    if (summary_path == "-") {
        std::cout << json << '\n';
    } else if (const std::string err = extractor::write_file_atomically(summary_path, json + "\n"); !err.empty()) {
        log_ << err << '\n';
    }
    return out;
}

}  // namespace detail

CrawlOutcome run_crawl(const PortalList& list, const CrawlOptions& options, std::ostream& log) {
    detail::Crawler crawler(list, options, log);
    return crawler.run();
}

}  // namespace zfxxgk::crawl
