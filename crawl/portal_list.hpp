#pragma once
// The portal list: one listing page per line, tab-separated,
//   agency <TAB> [region code] <TAB> listing URL [<TAB> options]
// `#` starts a comment line; blank lines are ignored; the region-code column may be left out
// entirely (agency <TAB> URL [<TAB> options]). Options are space- or ';'-separated:
//   insecure            skip TLS certificate checks for this portal (logged on every run)
//   delay=SECONDS       a longer per-host delay for this portal's hosts
//   allow=D1,D2         more registrable domains the crawl may enter from this portal (Unicode
//                       names are compared in their punycode form)
//   max-pages=N         at most N listing pages for this portal
// docs/cli/crawl.md has the same text. Bad lines are data: each is reported with its line
// number and reason, and the good lines are crawled.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/http_engine.hpp"
#include "fetch/url.hpp"

namespace zfxxgk::crawl {

struct PortalOptions {
    fetch::TlsVerification tls = fetch::TlsVerification::verify;
    std::optional<double> delay_seconds;
    std::vector<std::string> allowed_domains;  // registrable domains, lowercase
    std::optional<int> max_pages;
};

struct Portal {
    int line = 0;                          // 1-based line in the list
    std::string agency;
    std::optional<std::string> region_code;
    fetch::Url url;                        // the listing page
    std::string domain;                    // its registrable domain
    PortalOptions options;
};

struct PortalListError {
    int line = 0;
    std::string message;                   // what is wrong and what to write instead
};

struct PortalList {
    std::vector<Portal> portals;
    std::vector<PortalListError> errors;
};

PortalList parse_portal_list(std::string_view text);

}  // namespace zfxxgk::crawl
