#pragma once
// The links of an HTML page, for the crawler: anchors and frames with their text and title,
// <base href>, redirect hints (meta refresh, location assignments in scripts) and the page
// counts that portal CMSs announce in script instead of links (TRS-style
// `createPageHTML(N, i, "index", "html")`, `countPage = N`). gumbo stays in the .cpp.
//
// Untrusted input: never throws, iterative walk (deep nesting is fine), output capped.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::tables {

enum class LinkElement : std::uint8_t { a, area, frame, iframe };

struct Link {
    std::string href;            // attribute value as written (entities decoded), not resolved
    std::string text;            // descendant text, whitespace collapsed
    std::string title;           // title attribute, whitespace collapsed
    LinkElement element = LinkElement::a;
};

enum class PageCountPattern : std::uint8_t {
    create_page_html,            // createPageHTML(N, i, "index", "html") and its 6-argument variant
    count_page,                  // var countPage = N
};

// A listing split over N pages named <prefix>.<ext>, <prefix>_1.<ext> … <prefix>_{N-1}.<ext>.
struct PageCount {
    PageCountPattern pattern = PageCountPattern::create_page_html;
    int count = 0;               // N ≥ 1
    std::string prefix;          // "index"; empty when the script does not say
    std::string extension;       // "html"; empty when the script does not say
};

struct PageLinks {
    std::string title;
    std::string base_href;                    // first <base href>, "" when none
    std::vector<Link> links;                  // document order, at most LinkOptions::max_links
    bool links_truncated = false;
    std::optional<std::string> meta_refresh;  // URL of <meta http-equiv=refresh content="N; url=…">
    std::vector<std::string> script_redirects;  // location.href = "…", location.replace("…"), …
    std::vector<PageCount> page_counts;
};

struct LinkOptions {
    std::size_t max_links = 20000;
    std::size_t max_text_bytes = 1000;        // link text beyond this is cut (UTF-8 boundary)
};

PageLinks extract_links(std::string_view utf8_html, const LinkOptions& options = {});

// The script scanners on their own (also used on inline event handlers): appends what `script`
// says to `out`.
void scan_script(std::string_view script, PageLinks& out);

// The URL of a refresh declaration's content ("0; url='a.html'"), per the HTML "shared
// declarative refresh steps"; nullopt when it names none.
std::optional<std::string> refresh_url(std::string_view content);

}  // namespace zfxxgk::tables
