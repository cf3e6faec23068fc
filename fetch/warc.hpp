#pragma once
// WARC/1.1 (ISO 28500:2017) archives: every HTTP exchange the crawler makes is stored as a
// request record and a response record holding the bytes exactly as sent and received
// (status line, headers, body with its transfer and content codings), each record its own
// gzip member, files rotated by size. The reader yields the records of such files (or of any
// WARC, compressed per record, as a whole, or not at all) so that `zfxxgk extract --warc`
// rebuilds the records without fetching again.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/http_message.hpp"
#include "fetch/result.hpp"

namespace zfxxgk::fetch {

// --- writing ---------------------------------------------------------------------------------

struct WarcWriterOptions {
    std::filesystem::path dir;                      // created if missing
    std::string prefix = "zfxxgk";                  // file names: <prefix>-<UTC time>-<pid>-<seq>.warc.gz
    std::uint64_t max_file_bytes = 1ull << 30;      // a file is closed once it reaches this size
    std::string software;                           // warcinfo "software"
    std::string user_agent;                         // warcinfo "http-header-user-agent"
    std::string operator_contact;                   // warcinfo "operator"
};

struct WarcExchange {
    std::string target_uri;
    std::chrono::system_clock::time_point date;     // when the request was sent
    std::string ip;                                 // remote address, "" when unknown
    std::string request_head;                       // request line + headers + blank line, as sent
    std::string response_head;                      // status line + headers + blank line, as received
    std::string response_body;                      // body bytes as received (codings intact)
    std::string truncated;                          // WARC-Truncated reason when the body is partial:
                                                    // "length", "time", "disconnect"; "" when complete
    std::vector<Header> extra_fields;               // more named fields for the response record
};

struct WarcLocation {
    std::string file;                 // file name within the directory
    std::string record_id;            // "<urn:uuid:…>" of the response record
    std::string request_record_id;
    std::uint64_t offset = 0;         // of the request record's gzip member
    std::uint64_t length = 0;         // bytes of both members
    std::string payload_sha256;       // hex SHA-256 of the payload (WARC-Payload-Digest), "" if none
};

struct WarcFileSize {
    std::string file;
    std::uint64_t bytes = 0;          // durable size (after fsync)
};

class WarcWriter {
public:
    explicit WarcWriter(WarcWriterOptions options);
    ~WarcWriter();
    WarcWriter(const WarcWriter&) = delete;
    WarcWriter& operator=(const WarcWriter&) = delete;

    // Appends request + response. Errors (disk full, …) are returned, not thrown.
    Result<WarcLocation, std::string> write_exchange(const WarcExchange& exchange);

    // Makes everything written so far durable (fflush + fsync) and returns the sizes of the
    // files touched since the last sync (the current one and any closed by rotation).
    Result<std::vector<WarcFileSize>, std::string> sync();

    // The file currently written to ("" before the first record).
    [[nodiscard]] const std::string& current_file() const { return current_name_; }

private:
    Result<bool, std::string> open_next();
    Result<bool, std::string> append_member(std::string_view record);
    std::string warcinfo_record();

    struct Deflater;                     // one libdeflate compressor, one gzip member per record
    WarcWriterOptions options_;
    std::unique_ptr<Deflater> deflater_;
    std::FILE* file_ = nullptr;
    std::string current_name_;
    std::uint64_t current_size_ = 0;
    unsigned sequence_ = 0;
    std::vector<WarcFileSize> touched_;  // closed files not yet reported by sync()
};

// "<urn:uuid:xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx>" from the OpenSSL random generator.
std::string new_warc_record_id();
// RFC 3339 UTC with microseconds and "Z": "2024-01-20T03:04:05.123456Z" (WARC-Date).
std::string warc_date(std::chrono::system_clock::time_point t);

// Crash recovery: cuts `path` back to `bytes` (the last size made durable and recorded).
std::string truncate_file(const std::filesystem::path& path, std::uint64_t bytes);

// --- reading ---------------------------------------------------------------------------------

struct WarcRecord {
    std::string version;                 // "WARC/1.1", "WARC/1.0"
    std::vector<Header> fields;          // named fields in order
    std::string block;                   // Content-Length bytes
    std::uint64_t index = 0;             // 0-based position in the file

    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
    [[nodiscard]] std::string type() const { return get("WARC-Type").value_or(""); }
};

struct WarcError {
    std::string message;                 // says where ("record 12: …")
};

struct WarcReaderOptions {
    std::uint64_t max_record_bytes = 1ull << 30;  // larger blocks are an error, not an allocation
};

class WarcReader {
public:
    // Reads a file; gzip (per record or whole) is recognised by its magic bytes.
    static Result<WarcReader, WarcError> open(const std::filesystem::path& path, WarcReaderOptions options = {});
    // Reads bytes held in memory (tests, fuzzing).
    static WarcReader from_bytes(std::string bytes, WarcReaderOptions options = {});

    WarcReader(WarcReader&&) noexcept;
    WarcReader& operator=(WarcReader&&) noexcept;
    ~WarcReader();

    // The next record; nullopt at a clean end of input. After an error, reading stops.
    Result<std::optional<WarcRecord>, WarcError> next();

private:
    WarcReader();
    struct Impl;
    Impl* impl_;
};

// A response record (WARC-Type: response, application/http) taken apart.
struct WarcResponse {
    std::string target_uri;
    std::string date;                    // WARC-Date as written
    std::string record_id;               // WARC-Record-ID
    ResponseHead http;                   // status and headers as received
    std::string content_type;            // the HTTP Content-Type, "" when absent
    std::string charset;                 // its charset parameter, "" when absent
    std::string body;                    // entity body with transfer and content codings undone
};

// nullopt-like failure for records that are not HTTP responses is a WarcError too; callers
// usually skip records whose type() != "response" before calling this.
Result<WarcResponse, WarcError> read_response(const WarcRecord& record, std::uint64_t max_body_bytes = 50ull << 20);

}  // namespace zfxxgk::fetch
