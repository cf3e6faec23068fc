// WARC/1.1 writer: ISO 28500:2017 §4-§6 (record layout), §6.3 (warcinfo), §6.5-6.6
// (request/response with application/http blocks). Each record is one gzip member (Annex D).
#include <fcntl.h>
#include <libdeflate.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <new>

#include "fetch/warc.hpp"

namespace zfxxgk::fetch {
namespace fs = std::filesystem;

std::string new_warc_record_id() {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1) {
        // Fall back to a clock-and-counter id; still unique within the process.
        static unsigned long counter = 0;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(now >> (i * 8));
        for (int i = 0; i < 8; ++i) b[8 + i] = static_cast<unsigned char>((++counter) >> (i * 8));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "<urn:uuid:";
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 15]);
    }
    out.push_back('>');
    return out;
}

std::string warc_date(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto us = duration_cast<microseconds>(t.time_since_epoch()).count();
    const std::time_t secs = static_cast<std::time_t>(us / 1000000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(us % 1000000));
    return buf;
}

std::string truncate_file(const fs::path& path, std::uint64_t bytes) {
    if (::truncate(path.c_str(), static_cast<off_t>(bytes)) != 0) {
        return path.string() + ": cannot truncate to " + std::to_string(bytes) + " bytes: " + std::strerror(errno);
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return {};
}

namespace {

// A record whose block is `head` followed by `body` (an HTTP message), built in one string.
std::string record(std::string_view type, const std::vector<Header>& fields, std::string_view head, std::string_view body = {}) {
    std::string out;
    out.reserve(head.size() + body.size() + 512 + 64 * fields.size());
    out.append("WARC/1.1\r\nWARC-Type: ").append(type).append("\r\n");
    for (const auto& [name, value] : fields) {
        out.append(name).append(": ").append(value).append("\r\n");
    }
    out.append("WARC-Block-Digest: sha256:").append(sha256_hex({head, body})).append("\r\n");
    out.append("Content-Length: ").append(std::to_string(head.size() + body.size())).append("\r\n\r\n");
    out.append(head).append(body);
    out.append("\r\n\r\n");
    return out;
}

// WARC-Payload-Digest covers the entity body with transfer coding removed (§5.9).
std::string payload_digest(const WarcExchange& ex) {
    const ResponseHead head = parse_response_head(ex.response_head);
    const auto te = head.get("Transfer-Encoding");
    if (te && te->find("chunked") != std::string::npos) {
        auto d = dechunk(ex.response_body, ~0ull);
        if (d) return sha256_hex(*d);
        return {};
    }
    return sha256_hex(ex.response_body);
}

}  // namespace

// libdeflate, not zlib: the archive is written on the crawl's hot path, once per response, and
// libdeflate's level 1 compresses a report page about twice as fast as zlib's level 1 to the
// same size (bench/crawl.sh; the output is ordinary gzip, read by zlib, warcio and gzip -d).
// Level 1: the archive is written once and read rarely; speed matters more than the last 5 %.
struct WarcWriter::Deflater {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    Deflater() {
        if (c == nullptr) throw std::bad_alloc();
    }
    ~Deflater() { libdeflate_free_compressor(c); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // One gzip member holding `data`.
    std::string member(std::string_view data) {
        std::string out;
        out.resize(libdeflate_gzip_compress_bound(c, data.size()));
        const std::size_t n = libdeflate_gzip_compress(c, data.data(), data.size(), out.data(), out.size());
        out.resize(n);  // never 0: the buffer is the bound
        return out;
    }
};

WarcWriter::WarcWriter(WarcWriterOptions options) : options_(std::move(options)), deflater_(std::make_unique<Deflater>()) {}

WarcWriter::~WarcWriter() {
    if (file_ != nullptr) std::fclose(file_);
}

std::string WarcWriter::warcinfo_record() {
    std::string fields = "software: " + options_.software + "\r\nformat: WARC File Format 1.1\r\n"
                         "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
                         "robots: obey\r\n";
    if (!options_.operator_contact.empty()) fields += "operator: " + options_.operator_contact + "\r\n";
    if (!options_.user_agent.empty()) fields += "http-header-user-agent: " + options_.user_agent + "\r\n";
    return record("warcinfo",
                  {{"WARC-Record-ID", new_warc_record_id()},
                   {"WARC-Date", warc_date(std::chrono::system_clock::now())},
                   {"WARC-Filename", current_name_},
                   {"Content-Type", "application/warc-fields"}},
                  fields);
}

Result<bool, std::string> WarcWriter::open_next() {
    if (file_ != nullptr) {
        if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) {
            return unexpected(current_name_ + ": cannot flush: " + std::strerror(errno));
        }
        std::fclose(file_);
        file_ = nullptr;
        touched_.push_back({current_name_, current_size_});
    }
    std::error_code ec;
    fs::create_directories(options_.dir, ec);
    if (ec) return unexpected(options_.dir.string() + ": cannot create directory: " + ec.message());
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
    // The name is new: another writer of this process (a second crawl within the same second)
    // or a file left by an earlier run with the same pid moves the sequence number on.
    int fd = -1;
    fs::path path;
    for (int tries = 0; fd < 0; ++tries) {
        current_name_ = options_.prefix + "-" + stamp + "-" + std::to_string(::getpid()) + "-" +
                        std::to_string(sequence_++) + ".warc.gz";
        path = options_.dir / current_name_;
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && (errno != EEXIST || tries >= 10000)) {
            return unexpected(path.string() + ": cannot create: " + std::strerror(errno));
        }
    }
    file_ = ::fdopen(fd, "wb");
    current_size_ = 0;
    return append_member(warcinfo_record());
}

Result<bool, std::string> WarcWriter::append_member(std::string_view rec) {
    const std::string gz = deflater_->member(rec);
    if (std::fwrite(gz.data(), 1, gz.size(), file_) != gz.size()) {
        return unexpected(current_name_ + ": write failed: " + std::strerror(errno));
    }
    current_size_ += gz.size();
    return true;
}

Result<WarcLocation, std::string> WarcWriter::write_exchange(const WarcExchange& ex) {
    if (file_ == nullptr || current_size_ >= options_.max_file_bytes) {
        auto r = open_next();
        if (!r) return unexpected(r.error());
    }
    WarcLocation loc;
    loc.file = current_name_;
    loc.offset = current_size_;
    loc.record_id = new_warc_record_id();
    loc.request_record_id = new_warc_record_id();
    const std::string date = warc_date(ex.date);
    std::vector<Header> req_fields = {{"WARC-Record-ID", loc.request_record_id},
                                      {"WARC-Date", date},
                                      {"WARC-Target-URI", ex.target_uri},
                                      {"WARC-Concurrent-To", loc.record_id},
                                      {"Content-Type", "application/http;msgtype=request"}};
    std::vector<Header> resp_fields = {{"WARC-Record-ID", loc.record_id},
                                       {"WARC-Date", date},
                                       {"WARC-Target-URI", ex.target_uri},
                                       {"Content-Type", "application/http;msgtype=response"}};
    if (!ex.ip.empty()) {
        req_fields.insert(req_fields.begin() + 3, {"WARC-IP-Address", ex.ip});
        resp_fields.insert(resp_fields.begin() + 3, {"WARC-IP-Address", ex.ip});
    }
    loc.payload_sha256 = payload_digest(ex);
    if (!loc.payload_sha256.empty()) resp_fields.emplace_back("WARC-Payload-Digest", "sha256:" + loc.payload_sha256);
    if (!ex.truncated.empty()) resp_fields.emplace_back("WARC-Truncated", ex.truncated);
    resp_fields.insert(resp_fields.end(), ex.extra_fields.begin(), ex.extra_fields.end());
    auto r1 = append_member(record("request", req_fields, ex.request_head));
    if (!r1) return unexpected(r1.error());
    auto r2 = append_member(record("response", resp_fields, ex.response_head, ex.response_body));
    if (!r2) return unexpected(r2.error());
    loc.length = current_size_ - loc.offset;
    return loc;
}

Result<std::vector<WarcFileSize>, std::string> WarcWriter::sync() {
    std::vector<WarcFileSize> out = std::move(touched_);
    touched_.clear();
    if (file_ != nullptr) {
        if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) {
            return unexpected(current_name_ + ": cannot flush: " + std::strerror(errno));
        }
        out.push_back({current_name_, current_size_});
    }
    return out;
}

}  // namespace zfxxgk::fetch
