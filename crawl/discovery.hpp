#pragma once
// What to follow from a fetched page. A focused crawl: from listing pages only report links
// (link text or title naming a 年度报告/年报 of 信息公开 with a year), pagination ("下一页",
// page numbers, index_N pages, page counts announced in script) and redirect hints; from report
// pages only attachments and redirect hints. Everything stays inside the portal's scope.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/url.hpp"
#include "tables/html_links.hpp"

namespace zfxxgk::crawl {

enum class UrlKind : std::uint8_t { listing, report, attachment };
const char* to_string(UrlKind k);
UrlKind url_kind_from(std::string_view s);  // inverse of to_string; unknown → listing

// The registrable domains a portal's crawl may enter.
struct Scope {
    std::string domain;                 // the portal's own registrable domain
    std::vector<std::string> allowed;   // more, from the portal list's allow= option
    [[nodiscard]] bool contains(const fetch::Url& url) const;
};

enum class FoundBy : std::uint8_t { report_link, attachment_link, pagination_link, script_page_count, redirect_hint, frame };

struct Found {
    fetch::Url url;
    UrlKind kind = UrlKind::listing;
    FoundBy by = FoundBy::report_link;
    std::string name;                   // link text (or title) as shown on the page
};

struct Discovery {
    std::vector<Found> found;           // deduplicated, in page order
    int out_of_scope = 0;               // links that matched but lead outside the scope
    bool shell = false;                 // the page is only a redirect (meta refresh or script)
};

struct DiscoveryOptions {
    int max_script_pages = 1000;        // cap on pages generated from a script page count
};

Discovery discover(const tables::PageLinks& links, const fetch::Url& page, UrlKind page_kind, const Scope& scope,
                   const DiscoveryOptions& options = {});

// A redirect page: a meta refresh, or a script redirect on a page with hardly any links (≤ 3).
bool is_shell(const tables::PageLinks& links);

// 年度报告/年报 + 信息公开 + a year (1990-2099 in digits, or 二〇/二零 numerals).
bool is_report_title(std::string_view text);
// Attachment file types we record (not parse): pdf doc docx wps xls xlsx et.
bool is_attachment_extension(std::string_view ext);

}  // namespace zfxxgk::crawl
