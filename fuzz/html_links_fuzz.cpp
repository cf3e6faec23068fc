// libFuzzer target: link extraction from HTML (tables/html_links) and the crawl's discovery on
// its result. Invariants: link texts are collapsed (no leading/trailing or double spaces) and
// capped, every URL discovery returns is inside the scope and in normal form, page counts are
// positive.
//   ./build-fuzz/fuzz/html_links_fuzz -max_len=16384 -dict=fixtures/fuzz/html.dict fixtures/fuzz/html_links/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "crawl/discovery.hpp"
#include "tables/html_links.hpp"

using namespace zfxxgk;

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "html_links_fuzz: %s\n", what);
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    tables::LinkOptions options;
    options.max_links = 500;
    const tables::PageLinks links = tables::extract_links(html, options);
    if (links.links.size() > options.max_links) fail("too many links");
    for (const tables::Link& l : links.links) {
        for (const std::string* t : {&l.text, &l.title}) {
            if (t->size() > options.max_text_bytes) fail("text over the cap");
            if (!t->empty() && (t->front() == ' ' || t->back() == ' ' || t->find("  ") != std::string::npos)) {
                fail("text not collapsed");
            }
        }
    }
    for (const tables::PageCount& pc : links.page_counts) {
        if (pc.count < 1) fail("page count below 1");
    }
    const auto page = fetch::parse_url("http://www.example.gov.cn/xxgk/ndbg/index.html");
    const crawl::Scope scope{"example.gov.cn", {}};
    for (auto kind : {crawl::UrlKind::listing, crawl::UrlKind::report}) {
        crawl::DiscoveryOptions dopts;
        dopts.max_script_pages = 50;
        const crawl::Discovery d = crawl::discover(links, *page, kind, scope, dopts);
        for (const crawl::Found& f : d.found) {
            if (!scope.contains(f.url)) fail("discovered URL outside the scope");
            const auto again = fetch::parse_url(f.url.str());
            if (!again || again->str() != f.url.str()) {
                std::fprintf(stderr, "%s -> %s\n", f.url.str().c_str(), again ? again->str().c_str() : "(none)");
                fail("discovered URL not in normal form");
            }
        }
    }
    return 0;
}
