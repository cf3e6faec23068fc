#pragma once
// The crawler's HTTP engine: libcurl's multi interface driving many hosts at once, with one
// connection and at most one request in flight per host (a host name: http://x, https://x and
// x:8080 are one host), a delay between the end of one response and the start of the next
// request to the same host, retries with exponential
// backoff and jitter, Retry-After honored as a pause of the whole host, and hard limits
// (timeouts, body size). Redirects are not followed here: every hop is a response of its own,
// so that the caller can archive it and check robots.txt and scope before the next.
//
// Bodies are kept exactly as received — transfer and content codings intact — for the
// archive; fetch/http_message.hpp decodes them. No curl type appears in this header.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fetch/http_retry.hpp"

namespace zfxxgk::fetch {

struct HttpOptions {
    std::string user_agent;                              // required: names the tool and a contact
    std::chrono::milliseconds connect_timeout{15000};
    std::chrono::milliseconds total_timeout{120000};
    long low_speed_bytes = 256;                          // abort a transfer slower than this (bytes/s) …
    std::chrono::seconds low_speed_time{30};             // … for this long
    std::uint64_t max_body_bytes = 50ull << 20;          // raw body cap; larger responses fail with too_large
    RetryPolicy retry;
    std::size_t max_parallel = 32;                       // transfers at once (hosts at once)
    std::size_t max_active_hosts = 256;                  // hosts holding a connection between requests
    int host_turn = 32;                                  // requests a host makes before waiting hosts get its place
    std::vector<std::string> resolve;                    // curl CURLOPT_RESOLVE entries "host:port:addr" (tests)
    std::string ca_file;                                 // PEM CA certificates (CURLOPT_CAINFO); "": curl's bundle
};

enum class TlsVerification : std::uint8_t { verify, skip };

struct HttpRequest {
    std::uint64_t id = 0;                                // the caller's handle, returned in HttpResult
    std::string url;                                     // absolute http(s) URL in normal form
    std::string host_key;                                // the caller's grouping, returned as is (the crawler: the origin)
    // Requests with one politeness key share a connection, a delay and a place among the
    // active hosts: the URL's host name. Empty: taken from `url`.
    std::string politeness_key;
    std::string if_none_match;                           // conditional GET (RFC 9110 §13.1)
    std::string if_modified_since;
    TlsVerification tls = TlsVerification::verify;
};

// One try: what was sent and what came back, bytes as on the wire.
struct HttpExchange {
    std::string url;
    std::chrono::system_clock::time_point started;       // wall clock, for WARC-Date and fetched_at
    std::chrono::steady_clock::time_point started_steady;
    std::chrono::steady_clock::time_point finished_steady;
    std::string ip;
    std::string request_head;                            // "" if nothing was sent
    std::string response_head;                           // final response's status line and headers
    std::string body;                                    // raw body received (maybe partial on error)
    int status = 0;                                      // 0: no response head arrived
    FetchError error = FetchError::none;
    std::string error_message;                           // curl's words (its error buffer), for the state and the log
};

struct HttpResult {
    HttpRequest request;
    std::vector<HttpExchange> attempts;                  // every try in order; never empty
    // Set when the server asked for a pause longer than RetryPolicy::max_retry_after (or the
    // tries ran out while it was asking): come back after this long.
    std::optional<std::chrono::seconds> retry_after;

    [[nodiscard]] const HttpExchange& outcome() const { return attempts.back(); }
};

class HttpEngine {
public:
    explicit HttpEngine(HttpOptions options);
    ~HttpEngine();
    HttpEngine(const HttpEngine&) = delete;
    HttpEngine& operator=(const HttpEngine&) = delete;

    // Queues a request behind the others of its host (FIFO per politeness key).
    void submit(HttpRequest request);

    // Minimum pause between the end of a response and the next request to the host
    // (a politeness key).
    void set_host_delay(const std::string& politeness_key, std::chrono::milliseconds delay);

    // Runs transfers for at most `max_wait` (less if something finishes) and returns the
    // requests that are done — successfully, with an HTTP error status, or out of tries.
    std::vector<HttpResult> poll(std::chrono::milliseconds max_wait);

    // Requests queued or in flight.
    [[nodiscard]] std::size_t pending() const;
    [[nodiscard]] std::size_t in_flight() const;
    // Hosts that currently have work queued or running.
    [[nodiscard]] std::size_t busy_hosts() const;

    // Drops everything queued and aborts running transfers (their results are not returned).
    void cancel_all();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace zfxxgk::fetch
