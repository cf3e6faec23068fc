#include "fetch/url.hpp"

#include <libpsl.h>
#include <unicode/uidna.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>
#include <vector>

namespace zfxxgk::fetch {
namespace {

// WHATWG URL parser: strip leading/trailing C0 controls and spaces, remove all tabs/newlines.
std::string clean_input(std::string_view in) {
    while (!in.empty() && static_cast<unsigned char>(in.front()) <= 0x20) in.remove_prefix(1);
    while (!in.empty() && static_cast<unsigned char>(in.back()) <= 0x20) in.remove_suffix(1);
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        if (c == '\t' || c == '\n' || c == '\r') continue;
        out.push_back(c == '\\' ? '/' : c);
    }
    return out;
}

// Percent-encodes bytes a request line cannot carry; existing %XX escapes stay as they are.
std::string encode_component(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' ||
            c == '|' || c == '^') {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        } else {
            out.push_back(ch);
        }
    }
    return out;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string_view> out;
    const bool absolute = !path.empty() && path.front() == '/';
    std::size_t i = absolute ? 1 : 0;
    bool trailing_slash = false;
    while (i <= path.size()) {
        const std::size_t slash = path.find('/', i);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        const std::string_view seg = path.substr(i, end - i);
        const bool last = slash == std::string_view::npos;
        if (seg == "." || seg == "%2e" || seg == "%2E") {
            trailing_slash = last;
        } else if (seg == ".." || seg == "%2e%2e" || seg == "%2E%2E" || seg == ".%2e" || seg == "%2e.") {
            if (!out.empty()) out.pop_back();
            trailing_slash = last;
        } else {
            out.push_back(seg);
            trailing_slash = false;
        }
        if (last) break;
        i = slash + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k > 0) result.push_back('/');
        result.append(out[k]);
    }
    if (trailing_slash && !result.empty() && result.back() != '/') result.push_back('/');
    return result;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool valid_host(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    if (host.front() == '[') {
        // An IPv6 literal (RFC 3986 §3.2.2): hex digits, ':' and a dotted IPv4 tail; no zone.
        if (host.back() != ']' || host.size() < 4) return false;
        const std::string_view inner = host.substr(1, host.size() - 2);
        return inner.find(':') != std::string_view::npos &&
               std::all_of(inner.begin(), inner.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; });
    }
    for (char ch : host) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == '/' || c == '?' || c == '#' || c == '@' || c == ':' || c == '%' || c == '\\' ||
            c == '<' || c == '>' || c == '^' || c == '|' || c == '[' || c == ']' || c == 0x7F) {
            return false;
        }
    }
    return host.find("..") == std::string_view::npos;
}

bool needs_idna(std::string_view host) {
    for (char c : host) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    for (std::size_t i = 0; i + 4 <= host.size(); ++i) {
        if ((host[i] == 'x' || host[i] == 'X') && (host[i + 1] == 'n' || host[i + 1] == 'N') && host[i + 2] == '-' &&
            host[i + 3] == '-' && (i == 0 || host[i - 1] == '.')) {
            return true;
        }
    }
    return false;
}

// The WHATWG URL Standard's "domain to ASCII" (beStrict = false) calls UTS #46 ToASCII with
// CheckHyphens, UseSTD3ASCIIRules and VerifyDnsLength off; ICU always reports hyphen and
// length problems, so those bits are not errors here. Empty labels are left to valid_host.
constexpr std::uint32_t kIgnoredIdnaErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                             UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                             UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

std::string idna_error_words(std::uint32_t errors) {
    static constexpr std::pair<std::uint32_t, const char*> kWords[] = {
        {UIDNA_ERROR_DISALLOWED, "a character not allowed in host names"},
        {UIDNA_ERROR_PUNYCODE, "bad punycode in an xn-- label"},
        {UIDNA_ERROR_INVALID_ACE_LABEL, "an xn-- label that does not decode to a valid label"},
        {UIDNA_ERROR_LEADING_COMBINING_MARK, "a label starting with a combining mark"},
        {UIDNA_ERROR_LABEL_HAS_DOT, "a dot inside a label"},
        {UIDNA_ERROR_BIDI, "right-to-left text against the bidi rule (RFC 5893)"},
        {UIDNA_ERROR_CONTEXTJ, "a zero-width joiner out of place (RFC 5892)"},
        {UIDNA_ERROR_CONTEXTO_PUNCTUATION, "punctuation out of place (RFC 5892)"},
        {UIDNA_ERROR_CONTEXTO_DIGITS, "mixed Arabic-Indic digits (RFC 5892)"},
    };
    std::string out;
    for (const auto& [bit, words] : kWords) {
        if ((errors & bit) == 0) continue;
        if (!out.empty()) out += "; ";
        out += words;
    }
    return out.empty() ? "rejected by UTS #46" : out;
}

UrlError idn_error(std::string_view host, std::string why) {
    return UrlError{UrlError::Kind::idn, "host '" + std::string(host) + "' is not a valid internationalized domain name (" +
                                             std::move(why) + ")"};
}

// Splits "path?query#fragment" into path and query (fragment dropped).
void split_path_query(std::string_view rest, std::string& path, std::string& query, bool& has_query) {
    const std::size_t hash = rest.find('#');
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    const std::size_t q = rest.find('?');
    if (q != std::string_view::npos) {
        query = encode_component(rest.substr(q + 1));
        has_query = true;
        rest = rest.substr(0, q);
    } else {
        query.clear();
        has_query = false;
    }
    path = encode_component(rest);
}

std::optional<std::string> parse_scheme(std::string_view s, std::size_t& colon) {
    colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return std::nullopt;
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return std::nullopt;
    }
    return lower(s.substr(0, colon));
}

// Parses "//authority/path?query" (after the scheme) into `url`; nullopt on success.
std::optional<UrlError> parse_authority_and_rest(std::string_view s, Url& url) {
    const auto host_error = [](std::string_view host, const char* why) {
        return UrlError{UrlError::Kind::host, "host '" + std::string(host) + "' " + why};
    };
    while (!s.empty() && s.front() == '/') s.remove_prefix(1);  // "http:///x" and "http:/x" are lenient forms
    std::size_t end = s.find_first_of("/?#");
    std::string_view authority = s.substr(0, end);
    const std::string_view rest = end == std::string_view::npos ? std::string_view() : s.substr(end);
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority = authority.substr(at + 1);  // userinfo is dropped
    std::string_view host = authority;
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return host_error(authority, "has no closing ']'");
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return host_error(authority, "has text after ']' that is not a port");
            port = authority.substr(close + 2);
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        if (colon != std::string_view::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
    }
    if (host.empty()) return UrlError{UrlError::Kind::host, "no host name"};
    if (host.front() == '[') {
        url.host = lower(host);
    } else {
        auto ascii = host_to_ascii(host);
        if (!ascii) return ascii.error();
        url.host = std::move(ascii.value());
    }
    while (!url.host.empty() && url.host.back() == '.') url.host.pop_back();
    if (!valid_host(url.host)) return host_error(url.host, "is not a valid host name");
    url.port = -1;
    if (!port.empty()) {
        int p = 0;
        const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
        if (ec != std::errc() || ptr != port.data() + port.size() || p <= 0 || p > 65535) {
            return UrlError{UrlError::Kind::port, "port '" + std::string(port) + "' is not a number from 1 to 65535"};
        }
        url.port = p;
    }
    if (url.port == (url.scheme == "https" ? 443 : 80)) url.port = -1;
    split_path_query(rest, url.path, url.query, url.has_query);
    url.path = remove_dot_segments(url.path.empty() ? "/" : url.path);
    if (url.path.empty() || url.path.front() != '/') url.path.insert(url.path.begin(), '/');
    return std::nullopt;
}

}  // namespace

Result<std::string, UrlError> host_to_ascii(std::string_view host) {
    if (!needs_idna(host)) return lower(host);
    // One UTS #46 object for the process: ICU documents it as immutable and thread-safe.
    static UIDNA* const idna = [] {
        UErrorCode ec = U_ZERO_ERROR;
        UIDNA* p = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &ec);
        return U_SUCCESS(ec) ? p : nullptr;
    }();
    if (idna == nullptr) return unexpected(idn_error(host, "ICU's IDNA data is not available"));
    if (host.size() > 4096) return unexpected(idn_error(host.substr(0, 64), "longer than 4096 bytes"));
    std::string out(host.size() * 2 + 64, '\0');
    UErrorCode ec = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    const auto convert = [&] {
        return uidna_nameToASCII_UTF8(idna, host.data(), static_cast<std::int32_t>(host.size()), out.data(),
                                      static_cast<std::int32_t>(out.size()), &info, &ec);
    };
    std::int32_t n = convert();
    if (ec == U_BUFFER_OVERFLOW_ERROR && n > 0) {  // mappings can lengthen a name many times (U+FDFA)
        out.resize(static_cast<std::size_t>(n));
        ec = U_ZERO_ERROR;
        info = UIDNA_INFO_INITIALIZER;
        n = convert();
    }
    if (U_FAILURE(ec)) {
        // U_INVALID_CHAR_FOUND and the like: the input is not well-formed UTF-8.
        return unexpected(idn_error(host, std::string("not well-formed UTF-8: ") + u_errorName(ec)));
    }
    const std::uint32_t errors = info.errors & ~kIgnoredIdnaErrors;
    if (errors != 0) return unexpected(idn_error(host, idna_error_words(errors)));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string Url::origin() const {
    std::string out = scheme + "://" + host;
    if (port >= 0) out += ":" + std::to_string(port);
    return out;
}

std::string Url::target() const { return has_query ? path + "?" + query : path; }

std::string Url::str() const { return origin() + target(); }

Result<Url, UrlError> parse_url_checked(std::string_view text) {
    const std::string s = clean_input(text);
    std::size_t colon = 0;
    const auto scheme = parse_scheme(s, colon);
    if (!scheme || (*scheme != "http" && *scheme != "https")) {
        return unexpected(UrlError{UrlError::Kind::scheme, "not an absolute http(s) URL"});
    }
    Url url;
    url.scheme = *scheme;
    if (auto error = parse_authority_and_rest(std::string_view(s).substr(colon + 1), url)) return unexpected(std::move(*error));
    return url;
}

std::optional<Url> parse_url(std::string_view text) {
    auto url = parse_url_checked(text);
    if (!url) return std::nullopt;
    return std::move(url.value());
}

std::optional<Url> resolve_url(const Url& base, std::string_view href) {
    const std::string s = clean_input(href);
    if (s.empty() || s.front() == '#') return std::nullopt;
    std::size_t colon = 0;
    if (const auto scheme = parse_scheme(s, colon)) {
        if (*scheme != "http" && *scheme != "https") return std::nullopt;
        const std::string_view rest = std::string_view(s).substr(colon + 1);
        // "http:page.html" with the base's scheme is a relative reference in browsers.
        if (*scheme == base.scheme && (rest.empty() || rest.front() != '/')) return resolve_url(base, rest);
        return parse_url(s);
    }
    Url url = base;
    if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
        if (parse_authority_and_rest(std::string_view(s).substr(2), url)) return std::nullopt;
        return url;
    }
    std::string path;
    std::string query;
    bool has_query = false;
    split_path_query(s, path, query, has_query);
    if (path.empty()) {
        url.query = has_query ? query : base.query;
        url.has_query = has_query || base.has_query;
        return url;
    }
    if (path.front() != '/') {
        const std::size_t slash = base.path.rfind('/');
        path = base.path.substr(0, slash == std::string::npos ? 0 : slash + 1) + path;
    }
    url.path = remove_dot_segments(path);
    if (url.path.empty() || url.path.front() != '/') url.path.insert(url.path.begin(), '/');
    url.query = query;
    url.has_query = has_query;
    return url;
}

std::string registrable_domain(std::string_view host) {
    if (host.empty()) return {};
    const std::string h(host);
    const bool ipv4 = std::all_of(h.begin(), h.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
    if (ipv4 || h.front() == '[' || h == "localhost") return h;
    static const psl_ctx_t* ctx = [] {
        const psl_ctx_t* c = psl_latest(nullptr);
        return c != nullptr ? c : psl_builtin();
    }();
    if (ctx == nullptr) return h;
    const char* reg = psl_registrable_domain(ctx, h.c_str());
    return reg != nullptr ? std::string(reg) : h;
}

std::string path_extension(std::string_view path) {
    const std::size_t q = path.find_first_of("?#");
    if (q != std::string_view::npos) path = path.substr(0, q);
    const std::size_t slash = path.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = last.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == last.size()) return {};
    return lower(last.substr(dot + 1));
}

}  // namespace zfxxgk::fetch
