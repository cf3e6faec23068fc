#pragma once
// URLs as the crawler needs them: parsing of absolute http(s) URLs, resolution of hrefs found in
// pages against a base (RFC 3986 §5.2 with the WHATWG leniencies browsers apply to hrefs), a
// normal form used as the crawl's identity of a URL, and registrable domains from the Public
// Suffix List (libpsl), so that `gov.cn` counts as a suffix and `www.gaoping.gov.cn` belongs to
// `gaoping.gov.cn`.
#include <optional>
#include <string>
#include <string_view>

namespace zfxxgk::fetch {

struct Url {
    std::string scheme;  // "http" | "https", lowercase
    std::string host;    // lowercase; IPv6 literals keep their brackets
    int port = -1;       // -1: the scheme's default
    std::string path;    // starts with '/', dot segments removed, percent-encoded as needed
    std::string query;   // without '?'
    bool has_query = false;

    [[nodiscard]] int effective_port() const { return port >= 0 ? port : (scheme == "https" ? 443 : 80); }
    // "http://host[:port]" — the origin robots.txt and politeness are kept per.
    [[nodiscard]] std::string origin() const;
    // The normal form: scheme://host[:port]/path[?query], no fragment, no default port.
    [[nodiscard]] std::string str() const;
    // Path and query as sent in a request line.
    [[nodiscard]] std::string target() const;
};

// An absolute http/https URL, or nullopt (other schemes, no host, bad port, spaces in host…).
// Surrounding whitespace and embedded tabs/newlines are dropped, '\\' counts as '/', bytes
// outside printable ASCII (and spaces) in path and query are percent-encoded, the fragment is
// dropped.
std::optional<Url> parse_url(std::string_view text);

// `href` resolved against `base` (RFC 3986 §5.2.2); nullopt for javascript:, mailto:, data:,
// empty and fragment-only references (they lead back to the page itself), and anything that
// does not end as an http(s) URL.
std::optional<Url> resolve_url(const Url& base, std::string_view href);

// The registrable domain of a host per the Public Suffix List ("www.gaoping.gov.cn" ->
// "gaoping.gov.cn"); an IP address, "localhost" or a host that is itself a public suffix is
// its own domain. Lowercase input expected (Url::host is).
std::string registrable_domain(std::string_view host);

// Path component's last segment's extension, lowercase, without the dot ("pdf"); "" if none.
std::string path_extension(std::string_view path);

}  // namespace zfxxgk::fetch
