#include "crawl/archive_replay.hpp"

#include "crawl/discovery.hpp"
#include "extractor/extract.hpp"
#include "fetch/charset.hpp"
#include "tables/html_links.hpp"

namespace zfxxgk::crawl {

bool is_document(std::string_view content_type, std::string_view body) {
    for (std::string_view t : {"application/pdf", "application/msword", "application/vnd.", "application/octet-stream",
                               "application/x-download", "application/kswps", "application/wps"}) {
        if (content_type.find(t) != std::string_view::npos) return true;
    }
    return body.substr(0, 5) == "%PDF-" || body.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
           body.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
}

bool gives_record(const fetch::WarcRecord& record, const fetch::WarcResponse& response) {
    if (record.get(kWarcKindField).value_or("") != "report") return false;
    if (record.get("WARC-Truncated")) return false;  // a body cut short never gave a record
    if (response.http.status < 200 || response.http.status >= 300) return false;
    if (is_document(response.content_type, response.body)) return false;
    fetch::CharsetOptions copts;
    copts.http_charset = response.charset;
    const fetch::Decoded decoded = fetch::decode_to_utf8(response.body, copts);
    return !extractor::looks_like_html(decoded.text) || !is_shell(tables::extract_links(decoded.text));
}

}  // namespace zfxxgk::crawl
