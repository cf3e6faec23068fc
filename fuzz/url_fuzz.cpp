// libFuzzer target: URL parsing and href resolution (fetch/url) on arbitrary bytes, IDNA
// included. The whole input is parsed as a URL and resolved as an href against a fixed base;
// its first line is also a base for the rest, and a host for host_to_ascii.
// Invariants: a URL that parses is in normal form (parsing its text gives the same text), is
// printable ASCII (so it can go into a request line and the crawl state as is), starts with
// its origin, has a path starting with '/', and a host whose registrable domain is a suffix of
// it; host_to_ascii gives ASCII and is idempotent; an error has a message.
//   ./build-fuzz/fuzz/url_fuzz -max_len=4096 fixtures/fuzz/url/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "fetch/url.hpp"

using namespace zfxxgk::fetch;

namespace {

[[noreturn]] void fail(const char* what, const std::string& url) {
    std::fprintf(stderr, "url_fuzz: %s: %s\n", what, url.c_str());
    std::abort();
}

bool printable_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
    }
    return true;
}

void check(const std::optional<Url>& url) {
    if (!url) return;
    const std::string text = url->str();
    if (url->scheme != "http" && url->scheme != "https") fail("scheme", text);
    if (url->host.empty()) fail("empty host", text);
    if (url->path.empty() || url->path.front() != '/') fail("path without '/'", text);
    if (!printable_ascii(text)) fail("not printable ASCII", text);
    if (text.rfind(url->origin(), 0) != 0) fail("does not start with its origin", text);
    const auto again = parse_url_checked(text);
    if (!again) fail(("normal form does not parse: " + again.error().message).c_str(), text);
    if (again->str() != text) fail(("normal form parses to " + again->str()).c_str(), text);
    if (again->host != url->host || again->port != url->port) fail("host or port changed", text);
    const std::string domain = registrable_domain(url->host);
    if (domain.empty() || domain.size() > url->host.size() ||
        url->host.compare(url->host.size() - domain.size(), domain.size(), domain) != 0) {
        fail(("registrable domain is no suffix: " + domain).c_str(), text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_url_checked(text);
    if (!parsed && parsed.error().message.empty()) fail("error without a message", std::string(text));
    check(parse_url(text));

    static const Url base = *parse_url("http://www.例子.公司.cn/xxgk/ndbg/index.html?page=1");
    check(resolve_url(base, text));

    const std::size_t nl = text.find('\n');
    const std::string_view first = text.substr(0, nl);
    if (nl != std::string_view::npos) {
        if (const auto b = parse_url(first)) check(resolve_url(*b, text.substr(nl + 1)));
    }

    const auto host = host_to_ascii(first);
    if (host) {
        for (char c : host.value()) {
            if (static_cast<unsigned char>(c) >= 0x80) fail("host_to_ascii gave non-ASCII", host.value());
        }
        const auto again = host_to_ascii(host.value());
        if (!again || again.value() != host.value()) fail("host_to_ascii is not idempotent", host.value());
    } else if (host.error().message.empty()) {
        fail("host error without a message", std::string(first));
    }
    return 0;
}
