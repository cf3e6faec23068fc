#include "fetch/http_engine.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <queue>
#include <random>
#include <unordered_map>

#include "fetch/http_message.hpp"
#include "fetch/url.hpp"

namespace zfxxgk::fetch {
namespace {

using Clock = std::chrono::steady_clock;

struct Pending {
    HttpRequest request;
    std::vector<HttpExchange> attempts;
};

struct Host {
    std::string key;
    std::deque<Pending> queue;
    std::chrono::milliseconds delay{0};
    Clock::time_point ready_at{};
    Clock::time_point last_finished{};
    bool busy = false;     // a transfer is running
    bool active = false;   // admitted: may hold a connection and sits in the ready heap when idle
    bool waiting = false;  // queued for admission
    int turn = 0;          // requests started since the host was admitted
};

struct Transfer {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    Host* host = nullptr;
    Pending pending;
    HttpExchange ex;
    std::uint64_t max_body = 0;
    bool too_large = false;
    bool new_head = true;  // the next header line starts a new response head (after a 1xx)
    char error_buffer[CURL_ERROR_SIZE] = {};
};

FetchError classify(CURLcode rc, bool too_large) {
    if (too_large) return FetchError::too_large;
    switch (rc) {
        case CURLE_OK: return FetchError::none;
        case CURLE_COULDNT_RESOLVE_HOST: return FetchError::dns;
        case CURLE_COULDNT_CONNECT: return FetchError::connect;
        case CURLE_OPERATION_TIMEDOUT: return FetchError::timeout;
        case CURLE_PARTIAL_FILE: return FetchError::truncated;
        case CURLE_FILESIZE_EXCEEDED: return FetchError::too_large;
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return FetchError::reset;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return FetchError::tls;
        default:
            return FetchError::other;
    }
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t len = size * n;
    if (t->ex.body.size() + len > t->max_body) {
        t->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->ex.body.append(data, len);
    return len;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t len = size * n;
    const std::string_view line(data, len);
    if (t->new_head && line.substr(0, 5) == "HTTP/") {
        t->ex.response_head.clear();  // a 100 Continue (or other 1xx) came first
        t->new_head = false;
    }
    if (t->ex.response_head.size() + len > (1u << 20)) return 0;
    t->ex.response_head.append(line);
    if (line == "\r\n" || line == "\n") t->new_head = true;
    return len;
}

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type == CURLINFO_HEADER_OUT) static_cast<Transfer*>(user)->ex.request_head.append(data, size);
    return 0;
}

}  // namespace

struct HttpEngine::Impl {
    HttpOptions options;
    CURLM* multi = nullptr;
    curl_slist* resolve = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Host>> hosts;
    std::deque<Host*> waiting;
    std::size_t active_count = 0;
    using HeapEntry = std::pair<Clock::time_point, Host*>;
    std::priority_queue<HeapEntry, std::vector<HeapEntry>, std::greater<>> ready;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;
    std::size_t queued = 0;
    std::mt19937_64 rng{std::random_device{}()};
    std::vector<HttpResult> results;

    explicit Impl(HttpOptions o) : options(std::move(o)) {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options.max_active_hosts + options.max_parallel));
        for (const auto& r : options.resolve) resolve = curl_slist_append(resolve, r.c_str());
    }

    ~Impl() {
        for (auto& [easy, t] : transfers) release(*t);
        curl_multi_cleanup(multi);
        curl_slist_free_all(resolve);
    }

    void release(Transfer& t) {
        curl_multi_remove_handle(multi, t.easy);
        curl_easy_cleanup(t.easy);
        curl_slist_free_all(t.headers);
    }

    Host& host(const std::string& key) {
        auto& h = hosts[key];
        if (!h) {
            h = std::make_unique<Host>();
            h->key = key;
        }
        return *h;
    }

    void wake(Host& h) {
        if (!h.active && !h.waiting) {
            h.waiting = true;
            waiting.push_back(&h);
        }
    }

    void admit() {
        while (active_count < options.max_active_hosts && !waiting.empty()) {
            Host* h = waiting.front();
            waiting.pop_front();
            h->waiting = false;
            h->active = true;
            h->turn = 0;
            ++active_count;
            if (!h->busy) ready.emplace(h->ready_at, h);
        }
    }

    void start(Host& h) {
        auto t = std::make_unique<Transfer>();
        t->host = &h;
        t->pending = std::move(h.queue.front());
        h.queue.pop_front();
        --queued;
        h.busy = true;
        t->max_body = options.max_body_bytes;
        const HttpRequest& req = t->pending.request;
        t->ex.url = req.url;
        t->ex.started = std::chrono::system_clock::now();
        t->ex.started_steady = Clock::now();
        CURL* e = curl_easy_init();
        t->easy = e;
        curl_easy_setopt(e, CURLOPT_URL, req.url.c_str());
        curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
        // Keep the bytes as received: the archive stores them, http_message.hpp decodes them.
        curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
        curl_easy_setopt(e, CURLOPT_HTTP_TRANSFER_DECODING, 0L);
        curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_time.count()));
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
        curl_easy_setopt(e, CURLOPT_DEBUGDATA, t.get());
        curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
        if (resolve != nullptr) curl_easy_setopt(e, CURLOPT_RESOLVE, resolve);
        // Verification is curl's default: the peer's chain against the CA store, and the host
        // name against the certificate's subjectAltName.
        if (!options.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options.ca_file.c_str());
        if (req.tls == TlsVerification::skip) {
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        t->headers = curl_slist_append(t->headers, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        t->headers = curl_slist_append(t->headers, "Accept-Language: zh-CN,zh;q=0.9,en;q=0.5");
        t->headers = curl_slist_append(t->headers, (std::string("Accept-Encoding: ") + accepted_encodings()).c_str());
        if (!req.if_none_match.empty()) {
            t->headers = curl_slist_append(t->headers, ("If-None-Match: " + req.if_none_match).c_str());
        }
        if (!req.if_modified_since.empty()) {
            t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + req.if_modified_since).c_str());
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
        curl_multi_add_handle(multi, e);
        transfers.emplace(e, std::move(t));
    }

    // Starts transfers for hosts whose pause is over, as long as there is room.
    void schedule(Clock::time_point now) {
        admit();
        while (transfers.size() < options.max_parallel && !ready.empty() && ready.top().first <= now) {
            auto [at, h] = ready.top();
            ready.pop();
            if (!h->active || h->busy || at != h->ready_at) continue;  // stale entry
            if (h->queue.empty()) {
                h->active = false;  // idle: give its place (and its connection) to a waiting host
                --active_count;
                admit();
                continue;
            }
            if (h->turn >= options.host_turn && !waiting.empty()) {
                h->active = false;  // its turn is over: to the back of the line, so that every host advances
                --active_count;
                wake(*h);
                admit();
                continue;
            }
            ++h->turn;
            start(*h);
        }
    }

    void finish(Transfer& t, CURLcode rc) {
        Host& h = *t.host;
        HttpExchange& ex = t.ex;
        ex.finished_steady = Clock::now();
        long status = 0;
        curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
        char* ip = nullptr;
        if (curl_easy_getinfo(t.easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) ex.ip = ip;
        ex.status = ex.response_head.empty() ? 0 : static_cast<int>(status);
        ex.error = classify(rc, t.too_large);
        if (ex.error != FetchError::none) {
            ex.error_message = t.too_large                  ? "body exceeds " + std::to_string(options.max_body_bytes) + " bytes"
                               : t.error_buffer[0] != '\0' ? std::string(t.error_buffer)
                                                           : std::string(curl_easy_strerror(rc));
        }
        h.busy = false;
        h.last_finished = ex.finished_steady;
        Pending p = std::move(t.pending);
        p.attempts.push_back(std::move(ex));
        const HttpExchange& last = p.attempts.back();
        std::optional<std::chrono::seconds> retry_after;
        if (last.status == 429 || last.status == 503) {
            const ResponseHead head = parse_response_head(last.response_head);
            if (auto v = head.get("Retry-After")) retry_after = parse_retry_after(*v, std::chrono::system_clock::now());
        }
        const auto now = Clock::now();
        const bool too_long = retry_after && *retry_after > options.retry.max_retry_after;
        if (is_retryable(last.error, last.status) && static_cast<int>(p.attempts.size()) < options.retry.max_attempts && !too_long) {
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            auto wait = backoff_delay(static_cast<int>(p.attempts.size()), options.retry, unit(rng));
            if (retry_after) wait = std::max<std::chrono::milliseconds>(wait, *retry_after);
            h.ready_at = now + std::max(wait, h.delay);
            h.queue.push_front(std::move(p));
            ++queued;
        } else {
            h.ready_at = now + h.delay;
            HttpResult r{std::move(p.request), std::move(p.attempts), std::nullopt};
            if (too_long) {
                r.retry_after = retry_after;
                defer_host(h, *retry_after);
            }
            results.push_back(std::move(r));
        }
        if (h.active) ready.emplace(h.ready_at, &h);
    }

    // The server asked for a longer pause than we wait within a run: everything queued for the
    // host comes back now, marked to be tried after that pause.
    void defer_host(Host& h, std::chrono::seconds pause) {
        while (!h.queue.empty()) {
            Pending p = std::move(h.queue.front());
            h.queue.pop_front();
            --queued;
            HttpExchange ex;
            ex.url = p.request.url;
            ex.started = std::chrono::system_clock::now();
            ex.started_steady = ex.finished_steady = Clock::now();
            ex.error = FetchError::other;
            ex.error_message = "not tried: the host asked for a pause of " + std::to_string(pause.count()) + " s (Retry-After)";
            p.attempts.push_back(std::move(ex));
            results.push_back(HttpResult{std::move(p.request), std::move(p.attempts), pause});
        }
    }

    void drain_done() {
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            auto it = transfers.find(msg->easy_handle);
            if (it == transfers.end()) continue;
            std::unique_ptr<Transfer> t = std::move(it->second);
            transfers.erase(it);
            const CURLcode rc = msg->data.result;
            finish(*t, rc);
            release(*t);
        }
    }
};

HttpEngine::HttpEngine(HttpOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
HttpEngine::~HttpEngine() = default;

void HttpEngine::submit(HttpRequest request) {
    if (request.politeness_key.empty()) {
        const auto url = parse_url(request.url);
        request.politeness_key = url ? url->host : request.url;
    }
    Host& h = impl_->host(request.politeness_key);
    h.queue.push_back(Pending{std::move(request), {}});
    ++impl_->queued;
    if (h.active && !h.busy) impl_->ready.emplace(h.ready_at, &h);
    impl_->wake(h);
}

void HttpEngine::set_host_delay(const std::string& politeness_key, std::chrono::milliseconds delay) {
    Host& h = impl_->host(politeness_key);
    if (delay == h.delay) return;
    h.delay = delay;
    // A longer delay learnt after the last response (robots.txt Crawl-delay) applies to it too.
    if (!h.busy && h.last_finished != Clock::time_point{} && h.last_finished + delay > h.ready_at) {
        h.ready_at = h.last_finished + delay;
        if (h.active) impl_->ready.emplace(h.ready_at, &h);
    }
}

std::vector<HttpResult> HttpEngine::poll(std::chrono::milliseconds max_wait) {
    Impl& m = *impl_;
    const auto deadline = Clock::now() + max_wait;
    while (m.results.empty()) {
        auto now = Clock::now();
        m.schedule(now);
        if (m.transfers.empty() && m.ready.empty() && m.waiting.empty()) break;
        auto until = deadline;
        if (!m.ready.empty() && m.transfers.size() < m.options.max_parallel) until = std::min(until, m.ready.top().first);
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
        if (!m.transfers.empty()) {
            curl_multi_poll(m.multi, nullptr, 0, static_cast<int>(std::clamp<long long>(wait, 0, 1000)), nullptr);
            int running = 0;
            curl_multi_perform(m.multi, &running);
            m.drain_done();
        } else if (wait > 0) {
            curl_multi_poll(m.multi, nullptr, 0, static_cast<int>(std::min<long long>(wait, 1000)), nullptr);
        }
        if (Clock::now() >= deadline) break;
    }
    std::vector<HttpResult> out = std::move(m.results);
    m.results.clear();
    return out;
}

std::size_t HttpEngine::pending() const { return impl_->queued + impl_->transfers.size(); }
std::size_t HttpEngine::in_flight() const { return impl_->transfers.size(); }

std::size_t HttpEngine::busy_hosts() const {
    std::size_t n = 0;
    for (const auto& [k, h] : impl_->hosts) n += (h->busy || !h->queue.empty()) ? 1 : 0;
    return n;
}

void HttpEngine::cancel_all() {
    Impl& m = *impl_;
    for (auto& [easy, t] : m.transfers) {
        t->host->busy = false;
        m.release(*t);
    }
    m.transfers.clear();
    for (auto& [k, h] : m.hosts) h->queue.clear();
    m.queued = 0;
    m.waiting.clear();
}

}  // namespace zfxxgk::fetch
