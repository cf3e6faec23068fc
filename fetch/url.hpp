#pragma once
// URLs as the crawler needs them: parsing of absolute http(s) URLs, resolution of hrefs found in
// pages against a base (RFC 3986 §5.2 with the WHATWG leniencies browsers apply to hrefs), a
// normal form used as the crawl's identity of a URL, and registrable domains from the Public
// Suffix List (libpsl), so that `gov.cn` counts as a suffix and `www.gaoping.gov.cn` belongs to
// `gaoping.gov.cn`. Host names written in Unicode (`http://政府.中国/`) become their ASCII
// (punycode) form while parsing (IDNA, UTS #46), so everything after the parser — scope,
// politeness, robots.txt, the crawl state — sees one spelling of a host.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fetch/result.hpp"

namespace zfxxgk::fetch {

struct Url {
    std::string scheme;  // "http" | "https", lowercase
    std::string host;    // lowercase; IPv6 literals keep their brackets
    int port = -1;       // -1: the scheme's default
    std::string path;    // starts with '/', dot segments removed, percent-encoded as needed
    std::string query;   // without '?'
    bool has_query = false;

    [[nodiscard]] int effective_port() const { return port >= 0 ? port : (scheme == "https" ? 443 : 80); }
    // "http://host[:port]" — the origin robots.txt is kept per (RFC 9309); politeness is kept
    // per `host`.
    [[nodiscard]] std::string origin() const;
    // The normal form: scheme://host[:port]/path[?query], no fragment, no default port.
    [[nodiscard]] std::string str() const;
    // Path and query as sent in a request line.
    [[nodiscard]] std::string target() const;
};

// Why a text is not an absolute http(s) URL.
struct UrlError {
    enum class Kind : std::uint8_t {
        scheme,  // not http: or https:
        host,    // no host, or characters no host name has (spaces, '%', "..", …)
        idn,     // a Unicode (or xn--) host that IDNA (UTS #46) rejects
        port,    // not a number in 1–65535
    };
    Kind kind = Kind::scheme;
    std::string message;  // what is wrong, e.g. "host 'xn--zz.cn' is not a valid internationalized domain name (bad punycode)"
};

// An absolute http/https URL, or why not. Surrounding whitespace and embedded tabs/newlines
// are dropped, '\\' counts as '/', the host is lowercased and, when it is not plain ASCII or
// has an xn-- label, converted to ASCII by IDNA (host_to_ascii); bytes outside printable ASCII
// (and spaces) in path and query are percent-encoded, the fragment is dropped.
Result<Url, UrlError> parse_url_checked(std::string_view text);
// The same, without the reason.
std::optional<Url> parse_url(std::string_view text);

// `href` resolved against `base` (RFC 3986 §5.2.2); nullopt for javascript:, mailto:, data:,
// empty and fragment-only references (they lead back to the page itself), and anything that
// does not end as an http(s) URL.
std::optional<Url> resolve_url(const Url& base, std::string_view href);

// A host name as DNS and the Public Suffix List know it: IDNA domain-to-ASCII per UTS #46 with
// the WHATWG URL Standard's settings (nontransitional, CheckBidi and CheckJoiners on, STD3 rules
// and hyphen and length checks off): "政府.中国" -> "xn--mxtq1m.xn--fiqs8s", "ＷＷＷ.例子.公司.cn" ->
// "www.xn--fsqu00a.xn--55qx5d.cn". Plain ASCII without an xn-- label is only lowercased. An
// error (kind idn) names the host and what UTS #46 objects to. Invalid UTF-8 is an error.
Result<std::string, UrlError> host_to_ascii(std::string_view host);

// The registrable domain of a host per the Public Suffix List ("www.gaoping.gov.cn" ->
// "gaoping.gov.cn"); an IP address, "localhost" or a host that is itself a public suffix is
// its own domain. Lowercase ASCII (punycode) input expected (Url::host is).
std::string registrable_domain(std::string_view host);

// Path component's last segment's extension, lowercase, without the dot ("pdf"); "" if none.
std::string path_extension(std::string_view path);

}  // namespace zfxxgk::fetch
