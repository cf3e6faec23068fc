// WARC reader: ISO 28500:2017 §4 record syntax (version line, named fields, Content-Length
// block, CRLF CRLF), over plain files, per-record gzip members and whole-file gzip.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "fetch/charset.hpp"
#include "fetch/warc.hpp"

namespace zfxxgk::fetch {

struct WarcReader::Impl {
    WarcReaderOptions options;
    std::FILE* file = nullptr;
    std::string memory;             // the input when reading from bytes
    std::size_t memory_pos = 0;
    bool gzip = false;
    bool sniffed = false;
    bool input_done = false;
    bool failed = false;
    z_stream zs{};
    bool zs_live = false;
    std::string raw;                // compressed bytes read but not yet inflated
    std::size_t raw_pos = 0;
    std::string buf;                // decompressed bytes not yet consumed
    std::size_t pos = 0;
    std::uint64_t index = 0;

    ~Impl() {
        if (file != nullptr) std::fclose(file);
        if (zs_live) inflateEnd(&zs);
    }

    // Reads up to 64 KiB of input bytes into `raw`; false at end of input.
    bool read_input() {
        if (raw_pos > 0) {
            raw.erase(0, raw_pos);
            raw_pos = 0;
        }
        char chunk[65536];
        std::size_t n = 0;
        if (file != nullptr) {
            n = std::fread(chunk, 1, sizeof chunk, file);
        } else {
            n = std::min(sizeof chunk, memory.size() - memory_pos);
            std::memcpy(chunk, memory.data() + memory_pos, n);
            memory_pos += n;
        }
        raw.append(chunk, n);
        return n > 0;
    }

    // Appends more decompressed bytes to `buf`; false when nothing more can come.
    Result<bool, WarcError> fill() {
        if (pos > (1u << 20)) {
            buf.erase(0, pos);
            pos = 0;
        }
        if (!sniffed) {
            while (raw.size() - raw_pos < 2 && read_input()) {
            }
            gzip = raw.size() - raw_pos >= 2 && static_cast<unsigned char>(raw[raw_pos]) == 0x1f &&
                   static_cast<unsigned char>(raw[raw_pos + 1]) == 0x8b;
            sniffed = true;
        }
        if (!gzip) {
            if (raw_pos < raw.size()) {
                buf.append(raw, raw_pos, std::string::npos);
                raw_pos = raw.size();
                return true;
            }
            return read_input() ? fill() : Result<bool, WarcError>(false);
        }
        while (true) {
            if (raw_pos == raw.size() && !read_input()) {
                if (zs_live && zs.total_in > 0) return unexpected(WarcError{"gzip stream ends in the middle of a member"});
                return false;
            }
            if (!zs_live) {
                zs = z_stream{};
                if (inflateInit2(&zs, 15 + 16) != Z_OK) return unexpected(WarcError{"zlib init failed"});
                zs_live = true;
            }
            char out[65536];
            zs.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_pos);
            zs.avail_in = static_cast<uInt>(raw.size() - raw_pos);
            zs.next_out = reinterpret_cast<Bytef*>(out);
            zs.avail_out = sizeof out;
            const int rc = inflate(&zs, Z_NO_FLUSH);
            raw_pos = raw.size() - zs.avail_in;
            const std::size_t produced = sizeof out - zs.avail_out;
            buf.append(out, produced);
            if (rc == Z_STREAM_END) {
                inflateEnd(&zs);
                zs_live = false;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                return unexpected(WarcError{std::string("corrupt gzip data (") + (zs.msg ? zs.msg : "zlib") + ")"});
            }
            if (produced > 0) return true;
        }
    }

    // Makes at least `n` unconsumed bytes available; false if input ends first.
    Result<bool, WarcError> need(std::size_t n) {
        while (buf.size() - pos < n) {
            auto r = fill();
            if (!r) return r;
            if (!*r) return false;
        }
        return true;
    }
};

WarcReader::WarcReader() : impl_(new Impl) {}
WarcReader::WarcReader(WarcReader&& o) noexcept : impl_(o.impl_) { o.impl_ = nullptr; }
WarcReader& WarcReader::operator=(WarcReader&& o) noexcept {
    std::swap(impl_, o.impl_);
    return *this;
}
WarcReader::~WarcReader() { delete impl_; }

Result<WarcReader, WarcError> WarcReader::open(const std::filesystem::path& path, WarcReaderOptions options) {
    WarcReader r;
    r.impl_->options = options;
    r.impl_->file = std::fopen(path.c_str(), "rb");
    if (r.impl_->file == nullptr) return unexpected(WarcError{path.string() + ": cannot open: " + std::strerror(errno)});
    return r;
}

WarcReader WarcReader::from_bytes(std::string bytes, WarcReaderOptions options) {
    WarcReader r;
    r.impl_->options = options;
    r.impl_->memory = std::move(bytes);
    return r;
}

std::optional<std::string> WarcRecord::get(std::string_view name) const {
    for (const auto& [n, v] : fields) {
        if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
            return v;
        }
    }
    return std::nullopt;
}

Result<std::optional<WarcRecord>, WarcError> WarcReader::next() {
    Impl& m = *impl_;
    const std::string where = "record " + std::to_string(m.index);
    auto error = [&](const std::string& what) {
        m.failed = true;
        return unexpected(WarcError{where + ": " + what});
    };
    if (m.failed) return std::optional<WarcRecord>();
    // Skip blank lines between records (lenient about the CRLF CRLF trailer).
    while (true) {
        auto r = m.need(1);
        if (!r) return error(r.error().message);
        if (!*r) return std::optional<WarcRecord>();
        const char c = m.buf[m.pos];
        if (c != '\r' && c != '\n') break;
        ++m.pos;
    }
    // The header ends at the first blank line; bounded so that junk cannot grow memory.
    std::size_t head_end = std::string::npos;
    while (true) {
        head_end = m.buf.find("\r\n\r\n", m.pos);
        if (head_end != std::string::npos) break;
        if (m.buf.size() - m.pos > (1u << 20)) return error("header longer than 1 MiB");
        auto r = m.need(m.buf.size() - m.pos + 1);
        if (!r) return error(r.error().message);
        if (!*r) return error("input ends inside a record header");
    }
    WarcRecord rec;
    rec.index = m.index++;
    const std::string_view head(m.buf.data() + m.pos, head_end - m.pos);
    const std::size_t eol = head.find("\r\n");
    rec.version = std::string(head.substr(0, eol));
    if (rec.version.rfind("WARC/", 0) != 0) return error("does not start with a WARC/ version line");
    std::size_t p = eol == std::string_view::npos ? head.size() : eol + 2;
    while (p < head.size()) {
        std::size_t e = head.find("\r\n", p);
        if (e == std::string_view::npos) e = head.size();
        const std::string_view line = head.substr(p, e - p);
        p = e + 2;
        if ((line.front() == ' ' || line.front() == '\t') && !rec.fields.empty()) {
            rec.fields.back().second += std::string(line);
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return error("field line without a colon");
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        rec.fields.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    m.pos = head_end + 4;
    const auto cl = rec.get("Content-Length");
    std::uint64_t length = 0;
    if (!cl) return error("no Content-Length");
    const auto [ptr, ec] = std::from_chars(cl->data(), cl->data() + cl->size(), length);
    if (ec != std::errc() || ptr != cl->data() + cl->size()) return error("bad Content-Length '" + *cl + "'");
    if (length > m.options.max_record_bytes) {
        return error("block of " + std::to_string(length) + " bytes exceeds the " +
                     std::to_string(m.options.max_record_bytes) + "-byte limit");
    }
    auto r = m.need(static_cast<std::size_t>(length));
    if (!r) return error(r.error().message);
    if (!*r) return error("input ends inside the block (truncated file?)");
    rec.block.assign(m.buf, m.pos, static_cast<std::size_t>(length));
    m.pos += static_cast<std::size_t>(length);
    return std::optional<WarcRecord>(std::move(rec));
}

Result<WarcResponse, WarcError> read_response(const WarcRecord& record, std::uint64_t max_body_bytes) {
    WarcResponse out;
    out.target_uri = record.get("WARC-Target-URI").value_or("");
    out.date = record.get("WARC-Date").value_or("");
    out.record_id = record.get("WARC-Record-ID").value_or("");
    const std::string where = out.target_uri.empty() ? "record " + std::to_string(record.index) : out.target_uri;
    if (record.type() != "response") return unexpected(WarcError{where + ": not a response record"});
    const auto head_end = find_head_end(record.block);
    if (!head_end) return unexpected(WarcError{where + ": no HTTP header block"});
    out.http = parse_response_head(std::string_view(record.block).substr(0, *head_end));
    if (out.http.status == 0) return unexpected(WarcError{where + ": no HTTP status line"});
    out.content_type = out.http.get("Content-Type").value_or("");
    out.charset = charset_from_content_type(out.content_type);
    auto body = decode_body(out.http, std::string_view(record.block).substr(*head_end), max_body_bytes);
    if (!body) return unexpected(WarcError{where + ": body " + to_string(body.error().kind) + ": " + body.error().message});
    out.body = std::move(body.value());
    return out;
}

}  // namespace zfxxgk::fetch
