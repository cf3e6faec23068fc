#pragma once
// When a failed fetch is tried again, and after how long: exponential backoff with jitter,
// and Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace zfxxgk::fetch {

// What went wrong with one exchange; `none` means a complete response arrived (any status).
enum class FetchError : std::uint8_t {
    none,
    dns,          // the host name did not resolve
    connect,      // connection refused or unreachable
    timeout,      // connect, total or low-speed timeout
    reset,        // connection reset, nothing or a malformed reply received
    truncated,    // the body ended before its announced length
    too_large,    // the body exceeded the size cap
    tls,          // certificate or handshake failure
    cancelled,    // the crawl was stopped
    other,
};
const char* to_string(FetchError e);

struct RetryPolicy {
    int max_attempts = 4;                                  // first try included
    std::chrono::milliseconds base{2000};                  // first backoff
    std::chrono::milliseconds max{120000};                 // backoff cap
    std::chrono::milliseconds max_retry_after{600000};     // a longer Retry-After ends this run's tries
};

// Transient failures worth another try: timeouts, connection errors, resets, truncated
// bodies, 5xx (except 501 Not Implemented), 408 and 429.
bool is_retryable(FetchError error, int status);

// Backoff before try number `attempt + 1` (attempt ≥ 1): min(max, base·2^(attempt−1)), of
// which a random half is waited ("equal jitter"): the result lies in [d/2, d]. `unit_random`
// is in [0, 1).
std::chrono::milliseconds backoff_delay(int attempt, const RetryPolicy& policy, double unit_random);

// Retry-After as a delay from `now`: "120" or "Fri, 31 Dec 1999 23:59:59 GMT" (also the
// obsolete RFC 850 and asctime forms). nullopt when absent or unparsable; a date in the past
// gives zero.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now);

// An HTTP-date (IMF-fixdate, RFC 850 or asctime) as a time point; nullopt when unparsable.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view value);

}  // namespace zfxxgk::fetch
