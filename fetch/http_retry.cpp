#include "fetch/http_retry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

namespace zfxxgk::fetch {

const char* to_string(FetchError e) {
    switch (e) {
        case FetchError::none: return "none";
        case FetchError::dns: return "dns";
        case FetchError::connect: return "connect";
        case FetchError::timeout: return "timeout";
        case FetchError::reset: return "reset";
        case FetchError::truncated: return "truncated";
        case FetchError::too_large: return "too_large";
        case FetchError::tls: return "tls";
        case FetchError::cancelled: return "cancelled";
        case FetchError::other: return "other";
    }
    return "?";
}

bool is_retryable(FetchError error, int status) {
    switch (error) {
        case FetchError::connect:
        case FetchError::timeout:
        case FetchError::reset:
        case FetchError::truncated:
            return true;
        case FetchError::none:
            return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
        default:
            return false;
    }
}

std::chrono::milliseconds backoff_delay(int attempt, const RetryPolicy& policy, double unit_random) {
    const double exp = std::pow(2.0, std::clamp(attempt - 1, 0, 30));
    const double d = std::min(static_cast<double>(policy.max.count()), static_cast<double>(policy.base.count()) * exp);
    const double r = std::clamp(unit_random, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(d / 2 + r * d / 2));
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view value) {
    const std::string s(value.substr(0, 64));
    std::tm tm{};
    const char* formats[] = {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"};
    for (const char* f : formats) {
        tm = std::tm{};
        const char* end = strptime(s.c_str(), f, &tm);
        if (end != nullptr && *end == '\0') {
            const std::time_t t = timegm(&tm);
            if (t == static_cast<std::time_t>(-1)) return std::nullopt;
            return std::chrono::system_clock::from_time_t(t);
        }
    }
    return std::nullopt;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    long long secs = 0;
    const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), secs);
    if (ec == std::errc() && p == value.data() + value.size()) {
        if (secs < 0) return std::nullopt;
        return std::chrono::seconds(std::min<long long>(secs, 365LL * 86400));
    }
    const auto when = parse_http_date(value);
    if (!when) return std::nullopt;
    const auto diff = std::chrono::duration_cast<std::chrono::seconds>(*when - now);
    return std::max(diff, std::chrono::seconds(0));
}

}  // namespace zfxxgk::fetch
