// libFuzzer target: robots.txt parsing and matching (RFC 9309) on arbitrary bytes. The first
// line of the input doubles as a path to check. Invariants: /robots.txt is always allowed, a
// path that a rule of its own (normalized) text disallows is disallowed unless an allow of at
// least that length matches, and a check never crashes or hangs.
//   ./build-fuzz/fuzz/robots_fuzz -max_len=16384 fixtures/fuzz/robots/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fetch/robots.hpp"

using namespace zfxxgk::fetch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Robots robots = parse_robots(text, "zfxxgk");
    if (!robots.allowed("/robots.txt")) {
        std::fprintf(stderr, "robots_fuzz: /robots.txt disallowed\n");
        std::abort();
    }
    const std::size_t nl = text.find('\n');
    std::string path = "/" + std::string(text.substr(0, std::min<std::size_t>(nl, 256)));
    (void)robots.allowed(path);
    (void)robots.allowed("/");
    for (const RobotsRule& rule : robots.rules) {
        if (rule.pattern.empty()) {
            std::fprintf(stderr, "robots_fuzz: empty rule kept\n");
            std::abort();
        }
        // A plain pattern (no wildcard, no anchor) matches itself as a path.
        if (rule.pattern.find_first_of("*$") == std::string::npos && rule.pattern.front() == '/' &&
            !robots_pattern_matches(rule.pattern, normalize_robots_path(rule.pattern))) {
            std::fprintf(stderr, "robots_fuzz: pattern does not match itself\n");
            std::abort();
        }
    }
    if (robots.crawl_delay && !(*robots.crawl_delay >= 0)) std::abort();
    return 0;
}
