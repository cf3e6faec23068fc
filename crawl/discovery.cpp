#include "crawl/discovery.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace zfxxgk::crawl {
namespace {

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

bool has_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const bool digits = std::isdigit(static_cast<unsigned char>(s[i])) && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
                            std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3]));
        if (!digits) continue;
        const bool left_ok = i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]));
        const bool right_ok = i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]));
        const int year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (left_ok && right_ok && year >= 1990 && year <= 2099) return true;
    }
    return contains(s, "二〇") || contains(s, "二零") || contains(s, "二O") || contains(s, "二○");
}

// "下一页", "下页", "后页", "尾页", "末页" and traditional forms; "2", "[3]", "第4页".
bool is_pagination_text(std::string_view text) {
    for (std::string_view w : {"下一页", "下页", "后页", "尾页", "末页", "下一頁", "尾頁", "末頁", "下一页>", ">>", "»"}) {
        if (text == w || (text.size() <= 24 && contains(text, w) && w.size() >= 6)) return true;
    }
    std::string_view t = text;
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') t = t.substr(1, t.size() - 2);
    if (t.size() > 6 && t.substr(0, 3) == "第" && t.substr(t.size() - 3) == "页") t = t.substr(3, t.size() - 6);
    return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// index_3.html, index_12.shtml, list_2.htm …: a numbered sibling of a listing page.
bool is_numbered_page(const fetch::Url& url) {
    const std::size_t slash = url.path.rfind('/');
    const std::string_view name = std::string_view(url.path).substr(slash + 1);
    const std::size_t us = name.rfind('_');
    const std::size_t dot = name.rfind('.');
    if (us == std::string_view::npos || dot == std::string_view::npos || dot < us + 2) return false;
    const std::string_view num = name.substr(us + 1, dot - us - 1);
    const std::string_view ext = name.substr(dot + 1);
    if (!std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return ext == "html" || ext == "htm" || ext == "shtml";
}

std::string directory_of(const std::string& path) { return path.substr(0, path.rfind('/') + 1); }

// Page k (k ≥ 1) of a listing split as prefix.ext, prefix_1.ext, …
std::vector<fetch::Url> script_pages(const fetch::Url& page, const tables::PageCount& pc, int cap) {
    std::string prefix = pc.prefix;
    std::string ext = pc.extension;
    if (prefix.empty() || ext.empty()) {
        const std::string name = page.path.substr(page.path.rfind('/') + 1);
        const std::size_t dot = name.rfind('.');
        std::string stem = dot == std::string::npos ? std::string() : name.substr(0, dot);
        const std::size_t us = stem.rfind('_');
        if (us != std::string::npos) stem = stem.substr(0, us);
        if (prefix.empty()) prefix = stem.empty() ? "index" : stem;
        if (ext.empty()) ext = dot == std::string::npos ? "html" : name.substr(dot + 1);
    }
    std::vector<fetch::Url> out;
    const int n = std::min(pc.count, cap);
    for (int k = 1; k < n; ++k) {
        // Resolved as a relative reference, so that names from script are encoded like any href.
        if (auto u = fetch::resolve_url(page, prefix + "_" + std::to_string(k) + "." + ext)) out.push_back(std::move(*u));
    }
    return out;
}

}  // namespace

const char* to_string(UrlKind k) {
    switch (k) {
        case UrlKind::listing: return "listing";
        case UrlKind::report: return "report";
        case UrlKind::attachment: return "attachment";
    }
    return "?";
}

UrlKind url_kind_from(std::string_view s) {
    if (s == "report") return UrlKind::report;
    if (s == "attachment") return UrlKind::attachment;
    return UrlKind::listing;
}

bool Scope::contains(const fetch::Url& url) const {
    const std::string d = fetch::registrable_domain(url.host);
    return d == domain || std::find(allowed.begin(), allowed.end(), d) != allowed.end();
}

bool is_shell(const tables::PageLinks& links) {
    return links.meta_refresh.has_value() || (!links.script_redirects.empty() && links.links.size() <= 3);
}

bool is_report_title(std::string_view text) {
    return (contains(text, "年度报告") || contains(text, "年报")) && contains(text, "信息公开") && has_year(text);
}

bool is_attachment_extension(std::string_view ext) {
    for (std::string_view e : {"pdf", "doc", "docx", "wps", "xls", "xlsx", "et"}) {
        if (ext == e) return true;
    }
    return false;
}

Discovery discover(const tables::PageLinks& links, const fetch::Url& page, UrlKind page_kind, const Scope& scope,
                   const DiscoveryOptions& options) {
    Discovery out;
    fetch::Url base = page;
    if (!links.base_href.empty()) {
        if (auto b = fetch::resolve_url(page, links.base_href)) base = *b;
    }
    std::unordered_set<std::string> seen{page.str()};
    auto add = [&](std::optional<fetch::Url> url, UrlKind kind, FoundBy by, std::string name) {
        if (!url) return;
        if (!scope.contains(*url)) {
            ++out.out_of_scope;
            return;
        }
        if (!seen.insert(url->str()).second) return;
        out.found.push_back({std::move(*url), kind, by, std::move(name)});
    };
    // Redirect shells: a meta refresh, or a script redirect on a page with hardly any links.
    out.shell = is_shell(links);
    if (links.meta_refresh) add(fetch::resolve_url(base, *links.meta_refresh), page_kind, FoundBy::redirect_hint, "");
    if (out.shell) {
        for (const auto& r : links.script_redirects) add(fetch::resolve_url(base, r), page_kind, FoundBy::redirect_hint, "");
    }
    if (page_kind == UrlKind::attachment) return out;
    for (const tables::Link& l : links.links) {
        auto url = fetch::resolve_url(base, l.href);
        if (!url) continue;
        const std::string& name = l.text.empty() ? l.title : l.text;
        const bool attachment = is_attachment_extension(fetch::path_extension(url->path));
        if (page_kind == UrlKind::report) {
            if (attachment) add(std::move(url), UrlKind::attachment, FoundBy::attachment_link, name);
            continue;
        }
        const bool report = is_report_title(l.text) || is_report_title(l.title);
        if (report) {
            add(std::move(url), attachment ? UrlKind::attachment : UrlKind::report,
                attachment ? FoundBy::attachment_link : FoundBy::report_link, name);
        } else if (l.element == tables::LinkElement::frame || l.element == tables::LinkElement::iframe) {
            if (!attachment) add(std::move(url), UrlKind::listing, FoundBy::frame, name);
        } else if (!attachment && (is_pagination_text(l.text) || is_numbered_page(*url))) {
            // Pagination stays in the listing's own directory tree and host.
            if (url->host == page.host && url->path.rfind(directory_of(page.path), 0) == 0) {
                add(std::move(url), UrlKind::listing, FoundBy::pagination_link, name);
            } else if (url->host == page.host && is_pagination_text(l.text) && url->path == page.path) {
                add(std::move(url), UrlKind::listing, FoundBy::pagination_link, name);  // ?page=2 on the same script
            }
        }
    }
    if (page_kind == UrlKind::listing) {
        for (const tables::PageCount& pc : links.page_counts) {
            for (auto& u : script_pages(page, pc, options.max_script_pages)) {
                add(std::move(u), UrlKind::listing, FoundBy::script_page_count, "");
            }
        }
    }
    return out;
}

}  // namespace zfxxgk::crawl
