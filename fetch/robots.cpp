#include "fetch/robots.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace zfxxgk::fetch {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

enum class Key : std::uint8_t { user_agent, allow, disallow, crawl_delay, sitemap, other };

// Record names, with the misspellings common enough that major crawlers accept them.
Key classify(std::string_view key) {
    for (std::string_view k : {"user-agent", "useragent", "user agent", "user_agent"}) {
        if (iequals(key, k)) return Key::user_agent;
    }
    for (std::string_view k : {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}) {
        if (iequals(key, k)) return Key::disallow;
    }
    if (iequals(key, "allow")) return Key::allow;
    if (iequals(key, "crawl-delay") || iequals(key, "crawl_delay") || iequals(key, "crawldelay")) return Key::crawl_delay;
    if (iequals(key, "sitemap") || iequals(key, "site-map")) return Key::sitemap;
    return Key::other;
}

// §2.2.1: the product token is the value's leading run of [a-zA-Z_-].
std::string_view product_token_of(std::string_view value) {
    std::size_t n = 0;
    while (n < value.size() && (std::isalpha(static_cast<unsigned char>(value[n])) || value[n] == '_' || value[n] == '-')) ++n;
    return value.substr(0, n);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool unreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

struct Group {
    std::vector<std::string> agents;
    std::vector<RobotsRule> rules;
    std::optional<double> crawl_delay;
};

std::optional<double> parse_delay(std::string_view v) {
    const std::string s(v.substr(0, 32));
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !(d >= 0) || d > 86400) return std::nullopt;
    return d;
}

}  // namespace

Robots Robots::allow_all() {
    Robots r;
    r.mode = Mode::allow_all;
    return r;
}

Robots Robots::disallow_all() {
    Robots r;
    r.mode = Mode::disallow_all;
    return r;
}

std::string normalize_robots_path(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (c == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 && hex_value(path[i + 2]) >= 0) {
            const auto decoded = static_cast<unsigned char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
            if (unreserved(decoded)) {
                out.push_back(static_cast<char>(decoded));
            } else {
                out.push_back('%');
                out.push_back(kHex[decoded >> 4]);
                out.push_back(kHex[decoded & 15]);
            }
            i += 2;
        } else if (c <= 0x20 || c >= 0x7F) {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
    bool anchored = false;
    if (!pattern.empty() && pattern.back() == '$') {
        anchored = true;
        pattern.remove_suffix(1);
    }
    // Greedy glob with backtracking to the last '*': O(|pattern| × |path|) worst case.
    std::size_t p = 0;
    std::size_t s = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_s = 0;
    while (s < path.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_s = s;
        } else if (p < pattern.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
        } else if (p == pattern.size() && !anchored) {
            return true;  // the pattern is a prefix of the path
        } else if (star != std::string_view::npos) {
            p = star + 1;
            s = ++star_s;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool Robots::allowed(std::string_view path) const {
    if (mode == Mode::allow_all) return true;
    if (path == "/robots.txt") return true;
    if (mode == Mode::disallow_all) return false;
    const std::string norm = normalize_robots_path(path.empty() ? "/" : path);
    // §2.2.2: the most specific (longest) match wins; allow wins a tie.
    std::size_t best_len = 0;
    bool found = false;
    bool allow = true;
    for (const RobotsRule& rule : rules) {
        if (!robots_pattern_matches(rule.pattern, norm)) continue;
        const std::size_t len = rule.pattern.size();
        const bool is_allow = rule.kind == RobotsRule::Kind::allow;
        if (!found || len > best_len || (len == best_len && is_allow)) {
            best_len = len;
            allow = is_allow;
            found = true;
        }
    }
    return allow;
}

Robots parse_robots(std::string_view body, std::string_view product_token) {
    body = body.substr(0, std::min(body.size(), kRobotsParseLimit));
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    std::vector<Group> groups;
    bool in_agent_lines = false;  // the previous record was a user-agent line
    Robots robots;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(pos, end - pos);
        pos = end + 1;
        const std::size_t hash = line.find('#');
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const Key key = classify(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        switch (key) {
            case Key::user_agent:
                if (!in_agent_lines || groups.empty()) groups.emplace_back();
                groups.back().agents.emplace_back(value == "*" ? std::string_view("*") : product_token_of(value));
                in_agent_lines = true;
                break;
            case Key::allow:
            case Key::disallow:
                in_agent_lines = false;
                if (groups.empty() || value.empty()) break;  // rules before any group; "Disallow:" is no rule
                groups.back().rules.push_back(
                    {key == Key::allow ? RobotsRule::Kind::allow : RobotsRule::Kind::disallow, normalize_robots_path(value)});
                break;
            case Key::crawl_delay:
                in_agent_lines = false;
                if (!groups.empty()) {
                    if (auto d = parse_delay(value)) groups.back().crawl_delay = d;
                }
                break;
            case Key::sitemap:
                if (robots.sitemaps.size() < 100) robots.sitemaps.emplace_back(value);
                break;
            case Key::other:
                break;
        }
    }
    // §2.2.1: combine every group naming our token; else every "*" group.
    auto combine = [&](auto&& matches) {
        bool any = false;
        for (const Group& g : groups) {
            if (!std::any_of(g.agents.begin(), g.agents.end(), matches)) continue;
            any = true;
            robots.rules.insert(robots.rules.end(), g.rules.begin(), g.rules.end());
            if (g.crawl_delay && (!robots.crawl_delay || *g.crawl_delay > *robots.crawl_delay)) robots.crawl_delay = g.crawl_delay;
        }
        return any;
    };
    robots.matched_product_token =
        !product_token.empty() && combine([&](const std::string& a) { return !a.empty() && iequals(a, product_token); });
    if (!robots.matched_product_token) combine([](const std::string& a) { return a == "*"; });
    return robots;
}

}  // namespace zfxxgk::fetch
