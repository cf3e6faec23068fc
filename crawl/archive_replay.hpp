#pragma once
// The rule that decides which fetched responses become records, shared by the crawl and by
// `zfxxgk extract --warc` (which rebuilds records from the archive): a 2xx response to a URL
// the crawl took for a report page, that is neither a document file (PDF, Word, …) nor a
// redirect shell. The crawl marks every response record with the kind of its URL in the
// field kWarcKindField, so that the archive alone is enough to apply the rule.
#include <string>
#include <string_view>

#include "fetch/warc.hpp"

namespace zfxxgk::crawl {

// WARC response-record field naming the URL's kind: "listing", "report", "attachment", "robots".
inline constexpr const char* kWarcKindField = "Zfxxgk-Url-Kind";

// A body that is a document file by its Content-Type or its magic bytes (PDF, OLE2, ZIP/OOXML).
bool is_document(std::string_view content_type, std::string_view body);

// Whether the crawl would have extracted a record from this archived response.
// `record` is the response record, `response` what fetch::read_response made of it.
bool gives_record(const fetch::WarcRecord& record, const fetch::WarcResponse& response);

}  // namespace zfxxgk::crawl
