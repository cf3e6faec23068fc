#pragma once
// HTTP/1.x messages as bytes: the head of a response as received (status line and header
// lines), chunked transfer coding, and the content codings servers use (gzip, deflate, br).
// Shared by the crawler (fresh responses) and the WARC reader (archived ones), so that a
// response read back from the archive decodes exactly as it did when it was fetched.
#include <cstdint>
#include <optional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fetch/result.hpp"

namespace zfxxgk::fetch {

using Header = std::pair<std::string, std::string>;  // name as received, value trimmed

struct ResponseHead {
    int status = 0;               // 0 when the status line does not parse
    std::string reason;
    std::vector<Header> headers;  // in order; obsolete line folding joined

    // The last header of that name (case-insensitive), or nullopt.
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
};

// Parses a response head ("HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\n"); lenient about
// bare LF and junk lines (skipped). `head` may include the blank line or not.
ResponseHead parse_response_head(std::string_view head);

// Where the head ends in `message` (index just after the blank line), or nullopt.
std::optional<std::size_t> find_head_end(std::string_view message);

enum class BodyError : std::uint8_t {
    truncated,       // chunked body or compressed stream ended early
    bad_encoding,    // malformed chunk sizes, corrupt gzip/deflate/br data
    unsupported,     // a content coding we do not decode (compress, zstd, …)
    too_large,       // decoding would exceed the size limit (a compression bomb)
};
const char* to_string(BodyError e);

struct BodyFailure {
    BodyError kind = BodyError::bad_encoding;
    std::string message;
};

// Removes chunked transfer coding (RFC 9112 §7.1); chunk extensions and trailers are dropped.
Result<std::string, BodyFailure> dechunk(std::string_view raw, std::uint64_t max_bytes);

// Undoes a Content-Encoding list ("gzip", "x-gzip", "deflate" — zlib or raw —, "br",
// "identity"), last coding first, never producing more than `max_bytes`.
Result<std::string, BodyFailure> decode_content(std::string_view body, std::string_view content_encoding,
                                                std::uint64_t max_bytes);

// The entity body of a response as the user agent sees it: transfer coding removed (when the
// head says chunked), then content codings undone.
Result<std::string, BodyFailure> decode_body(const ResponseHead& head, std::string_view raw_body,
                                             std::uint64_t max_bytes);

// The Accept-Encoding value matching what decode_content can undo.
const char* accepted_encodings();

// Lowercase hex SHA-256 (OpenSSL).
std::string sha256_hex(std::string_view data);
// The same for the concatenation of `pieces`, without building it.
std::string sha256_hex(std::initializer_list<std::string_view> pieces);

}  // namespace zfxxgk::fetch
