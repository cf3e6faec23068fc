#pragma once
// robots.txt per RFC 9309 (Robots Exclusion Protocol): groups, the product-token match, the
// longest-match rule with "allow wins a tie", "*" and "$", percent-encoding normalization, the
// 500 KiB parse limit, and what a fetch status means for access (§2.3.1.2-4). Crawl-delay is
// not in the RFC; it is read from the matched group as the common extension.
//
// Untrusted input of any size: nothing here throws or takes more than O(rules × path) per
// check; lines that are not records are skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::fetch {

struct RobotsRule {
    enum class Kind : std::uint8_t { allow, disallow };
    Kind kind = Kind::disallow;
    std::string pattern;  // normalized (percent-encoding as in RFC 9309 §2.2.2)
};

class Robots {
public:
    enum class Mode : std::uint8_t { rules, allow_all, disallow_all };

    // RFC 9309 §2.3.1.3: a 4xx robots.txt means "unavailable": everything may be crawled.
    static Robots allow_all();
    // §2.3.1.4: 5xx or a network error means "unreachable": nothing may be crawled.
    static Robots disallow_all();

    // `path` is a request target ("/a/b?x=1"). "/robots.txt" is always allowed (§2.2.2).
    [[nodiscard]] bool allowed(std::string_view path) const;

    Mode mode = Mode::rules;
    std::vector<RobotsRule> rules;          // the groups that match us, combined (§2.2.1)
    std::optional<double> crawl_delay;      // seconds, from the matched group(s); the largest wins
    std::vector<std::string> sitemaps;      // informative only
    bool matched_product_token = false;     // a group named us (otherwise "*" or nothing applied)
};

// RFC 9309 §2.5: crawlers MUST parse at least 500 KiB; we parse exactly that much.
inline constexpr std::size_t kRobotsParseLimit = 500 * 1024;

// Parses a robots.txt body for the crawler whose product token is `product_token` ("zfxxgk").
Robots parse_robots(std::string_view body, std::string_view product_token);

// RFC 9309 §2.2.2 normal form of a path or pattern: non-ASCII and controls percent-encoded,
// %XX of unreserved characters decoded, hex digits upper case.
std::string normalize_robots_path(std::string_view path);

// Glob match of a normalized pattern ("*" any run, trailing "$" = end) against a normalized
// path; a pattern without "$" matches any path it is a prefix of.
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace zfxxgk::fetch
