#pragma once
// Content-Disposition (RFC 6266) for attachment names: `filename*` (RFC 8187 ext-value:
// charset'language'percent-encoded) wins over `filename`; a plain `filename` is taken as
// browsers take what Chinese government servers send: quoted or token, percent-encoded
// UTF-8, raw UTF-8, or raw GBK bytes.
//
// Untrusted input: never throws; a value that does not parse gives no filename.
#include <optional>
#include <string>
#include <string_view>

namespace zfxxgk::fetch {

struct ContentDisposition {
    std::string type;                     // "attachment", "inline", … lowercase; "" when absent
    std::optional<std::string> filename;  // UTF-8, path components and controls removed
};

ContentDisposition parse_content_disposition(std::string_view value);

}  // namespace zfxxgk::fetch
