#include "crawl/portal_list.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <unordered_map>

namespace zfxxgk::crawl {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || static_cast<unsigned char>(s.front()) == 0xA0)) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, std::string_view seps) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        const std::size_t end = std::min(s.find_first_of(seps, pos), s.size());
        out.push_back(s.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

bool looks_like_url(std::string_view s) {
    auto starts = [&](std::string_view p) {
        return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.begin(), [](char a, char b) {
                   return a == std::tolower(static_cast<unsigned char>(b));
               });
    };
    return starts("http://") || starts("https://");
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Returns an error message, empty when the options parse.
std::string parse_options(std::string_view text, PortalOptions& out) {
    for (std::string_view token : split(text, " ;")) {
        token = trim(token);
        if (token.empty()) continue;
        const std::size_t eq = token.find('=');
        const std::string key = lower(token.substr(0, eq));
        const std::string_view value = eq == std::string_view::npos ? std::string_view() : token.substr(eq + 1);
        if (key == "insecure" && eq == std::string_view::npos) {
            out.tls = fetch::TlsVerification::skip;
        } else if (key == "delay" && !value.empty()) {
            const std::string v(value);
            char* end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (end != v.c_str() + v.size() || !(d >= 0) || d > 3600) {
                return "option delay=" + v + ": give seconds between 0 and 3600, e.g. delay=5";
            }
            out.delay_seconds = d;
        } else if (key == "allow" && !value.empty()) {
            for (std::string_view d : split(value, ",")) {
                d = trim(d);
                if (d.empty()) continue;
                if (d.find('/') != std::string_view::npos || d.find(':') != std::string_view::npos) {
                    return "option allow=" + std::string(value) + ": give domain names, e.g. allow=example.gov.cn,example.cn";
                }
                // A Unicode name (allow=例子.公司.cn) is compared in its punycode form, as URLs' hosts are.
                auto dom = fetch::host_to_ascii(d);
                if (!dom) return "option allow=" + std::string(value) + ": " + dom.error().message;
                out.allowed_domains.push_back(fetch::registrable_domain(dom.value()));
            }
        } else if (key == "max-pages" && !value.empty()) {
            int n = 0;
            const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || p != value.data() + value.size() || n < 1) {
                return "option max-pages=" + std::string(value) + ": give a positive number of listing pages";
            }
            out.max_pages = n;
        } else {
            return "unknown option '" + std::string(token) + "' (known: insecure, delay=SECONDS, allow=DOMAINS, max-pages=N)";
        }
    }
    return {};
}

bool valid_region_code(std::string_view s) {
    return (s.size() == 6 || s.size() == 9 || s.size() == 12) &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

PortalList parse_portal_list(std::string_view text) {
    PortalList out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::unordered_map<std::string, int> seen;
    int line_no = 0;
    for (std::string_view line : split(text, "\n")) {
        ++line_no;
        if (out.errors.size() > 10000) break;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        auto error = [&](std::string message) { out.errors.push_back({line_no, std::move(message)}); };
        std::vector<std::string_view> cols = split(line, "\t");
        for (auto& c : cols) c = trim(c);
        while (!cols.empty() && cols.back().empty()) cols.pop_back();
        if (cols.size() < 2) {
            error("expected agency<TAB>[region code]<TAB>listing URL[<TAB>options]; found no tab-separated URL");
            continue;
        }
        Portal p;
        p.line = line_no;
        p.agency = std::string(cols[0]);
        std::string_view url;
        std::string_view options;
        if (looks_like_url(cols[1])) {
            url = cols[1];
            if (cols.size() > 3) {
                error("too many columns: expected agency<TAB>[region code]<TAB>listing URL[<TAB>options]");
                continue;
            }
            if (cols.size() == 3) options = cols[2];
        } else {
            if (cols.size() < 3) {
                error("'" + std::string(cols[1]) + "' is not an http(s) URL");
                continue;
            }
            if (cols.size() > 4) {
                error("too many columns: expected agency<TAB>[region code]<TAB>listing URL[<TAB>options]");
                continue;
            }
            if (!cols[1].empty()) {
                if (!valid_region_code(cols[1])) {
                    error("region code '" + std::string(cols[1]) + "' is not 6, 9 or 12 digits (GB/T 2260)");
                    continue;
                }
                p.region_code = std::string(cols[1]);
            }
            url = cols[2];
            if (cols.size() == 4) options = cols[3];
        }
        if (p.agency.empty()) {
            error("the agency column is empty");
            continue;
        }
        const auto parsed = fetch::parse_url_checked(url);
        if (!parsed) {
            const auto& e = parsed.error();
            error("'" + std::string(url) + "' is not an absolute http(s) URL" +
                  (e.kind == fetch::UrlError::Kind::scheme ? "" : ": " + e.message));
            continue;
        }
        p.url = *parsed;
        p.domain = fetch::registrable_domain(p.url.host);
        if (const std::string msg = parse_options(options, p.options); !msg.empty()) {
            error(msg);
            continue;
        }
        const auto [it, inserted] = seen.emplace(p.url.str(), line_no);
        if (!inserted) {
            error("listing URL already given on line " + std::to_string(it->second) + "; this line is ignored");
            continue;
        }
        out.portals.push_back(std::move(p));
    }
    return out;
}

}  // namespace zfxxgk::crawl
