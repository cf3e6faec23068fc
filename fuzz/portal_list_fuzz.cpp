// libFuzzer target: the portal list parser (and through it URL parsing) on arbitrary bytes.
// Invariants: every portal's URL is in normal form (parsing its text gives the same text),
// listing URLs are unique, line numbers increase, every error has a line number and a message.
//   ./build-fuzz/fuzz/portal_list_fuzz -max_len=8192 fixtures/fuzz/portal_list/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

#include "crawl/portal_list.hpp"

using namespace zfxxgk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const crawl::PortalList list = crawl::parse_portal_list(std::string_view(reinterpret_cast<const char*>(data), size));
    std::set<std::string> urls;
    int last = 0;
    for (const crawl::Portal& p : list.portals) {
        const std::string text = p.url.str();
        const auto again = fetch::parse_url(text);
        if (!again || again->str() != text) {
            std::fprintf(stderr, "portal_list_fuzz: URL not in normal form: %s\n", text.c_str());
            std::abort();
        }
        if (!urls.insert(text).second || p.line <= last || p.agency.empty() || p.domain.empty()) std::abort();
        last = p.line;
    }
    for (const crawl::PortalListError& e : list.errors) {
        if (e.line < 1 || e.message.empty()) std::abort();
    }
    return 0;
}
