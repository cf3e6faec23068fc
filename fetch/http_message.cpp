#include "fetch/http_message.hpp"

#include <openssl/evp.h>
#include <zlib.h>
#ifdef ZFXXGK_HAVE_BROTLI
#include <brotli/decode.h>
#endif

#include <algorithm>
#include <cctype>
#include <charconv>
#include <new>

namespace zfxxgk::fetch {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Unexpected<BodyFailure> fail(BodyError kind, std::string message) {
    return unexpected(BodyFailure{kind, std::move(message)});
}

// zlib inflate of gzip (multi-member) or zlib/raw deflate, bounded by max_bytes.
Result<std::string, BodyFailure> inflate_bounded(std::string_view in, bool gzip, std::uint64_t max_bytes) {
    // windowBits: 15+32 auto-detects gzip/zlib headers; -15 is raw deflate (old IIS "deflate").
    int window = gzip ? 15 + 16 : 15 + 32;
    for (int attempt = 0; attempt < 2; ++attempt) {
        z_stream zs{};
        if (inflateInit2(&zs, window) != Z_OK) return fail(BodyError::bad_encoding, "zlib init failed");
        std::string out;
        char buf[65536];
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0x7fffffff));
        int rc = Z_OK;
        bool ok = true;
        while (true) {
            zs.next_out = reinterpret_cast<Bytef*>(buf);
            zs.avail_out = sizeof buf;
            rc = inflate(&zs, Z_NO_FLUSH);
            const std::size_t produced = sizeof buf - zs.avail_out;
            if (out.size() + produced > max_bytes) {
                inflateEnd(&zs);
                return fail(BodyError::too_large, "decompressed body exceeds " + std::to_string(max_bytes) + " bytes");
            }
            out.append(buf, produced);
            if (rc == Z_STREAM_END) {
                // gzip allows several members one after another.
                if (gzip && zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
                    inflateReset(&zs);
                    continue;
                }
                break;
            }
            if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
                inflateEnd(&zs);
                return fail(BodyError::truncated, "compressed body ends early");
            }
            if (rc != Z_OK) {
                ok = false;
                break;
            }
        }
        inflateEnd(&zs);
        if (ok) return out;
        if (gzip || attempt == 1) return fail(BodyError::bad_encoding, "corrupt compressed data");
        window = -15;  // "deflate" that is really raw deflate
    }
    return fail(BodyError::bad_encoding, "corrupt compressed data");
}

#ifdef ZFXXGK_HAVE_BROTLI
Result<std::string, BodyFailure> brotli_bounded(std::string_view in, std::uint64_t max_bytes) {
    BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (st == nullptr) return fail(BodyError::bad_encoding, "brotli init failed");
    std::string out;
    std::size_t avail_in = in.size();
    const auto* next_in = reinterpret_cast<const std::uint8_t*>(in.data());
    std::uint8_t buf[65536];
    while (true) {
        std::size_t avail_out = sizeof buf;
        std::uint8_t* next_out = buf;
        const BrotliDecoderResult r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        const std::size_t produced = sizeof buf - avail_out;
        if (out.size() + produced > max_bytes) {
            BrotliDecoderDestroyInstance(st);
            return fail(BodyError::too_large, "decompressed body exceeds " + std::to_string(max_bytes) + " bytes");
        }
        out.append(reinterpret_cast<const char*>(buf), produced);
        if (r == BROTLI_DECODER_RESULT_SUCCESS) break;
        if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
        BrotliDecoderDestroyInstance(st);
        if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return fail(BodyError::truncated, "brotli body ends early");
        return fail(BodyError::bad_encoding, "corrupt brotli data");
    }
    BrotliDecoderDestroyInstance(st);
    return out;
}
#endif

}  // namespace

const char* to_string(BodyError e) {
    switch (e) {
        case BodyError::truncated: return "truncated";
        case BodyError::bad_encoding: return "bad_encoding";
        case BodyError::unsupported: return "unsupported_encoding";
        case BodyError::too_large: return "too_large";
    }
    return "?";
}

std::optional<std::string> ResponseHead::get(std::string_view name) const {
    for (auto it = headers.rbegin(); it != headers.rend(); ++it) {
        if (iequals(it->first, name)) return it->second;
    }
    return std::nullopt;
}

std::optional<std::size_t> find_head_end(std::string_view message) {
    const std::size_t crlf = message.find("\r\n\r\n");
    const std::size_t lf = message.find("\n\n");
    if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::nullopt;
    if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) return crlf + 4;
    return lf + 2;
}

ResponseHead parse_response_head(std::string_view head) {
    ResponseHead out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < head.size()) {
        std::size_t end = head.find('\n', pos);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (first) {
            first = false;
            // "HTTP/1.1 200 OK"
            if (line.substr(0, 5) != "HTTP/") continue;
            const std::size_t sp = line.find(' ');
            if (sp == std::string_view::npos) continue;
            std::string_view rest = line.substr(sp + 1);
            int code = 0;
            const auto [p, ec] = std::from_chars(rest.data(), rest.data() + std::min<std::size_t>(rest.size(), 3), code);
            if (ec == std::errc() && p == rest.data() + 3 && code >= 100 && code <= 999) out.status = code;
            if (rest.size() > 4) out.reason = std::string(trim(rest.substr(4)));
            continue;
        }
        if (line.empty()) break;
        if ((line.front() == ' ' || line.front() == '\t') && !out.headers.empty()) {
            out.headers.back().second += " " + std::string(trim(line));  // obsolete line folding
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        out.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
    return out;
}

Result<std::string, BodyFailure> dechunk(std::string_view raw, std::uint64_t max_bytes) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t eol = raw.find('\n', pos);
        if (eol == std::string_view::npos) return fail(BodyError::truncated, "chunked body ends inside a chunk header");
        std::string_view line = trim(raw.substr(pos, eol - pos));
        const std::size_t semi = line.find(';');
        if (semi != std::string_view::npos) line = trim(line.substr(0, semi));
        std::uint64_t size = 0;
        const auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.empty() || ec != std::errc() || p != line.data() + line.size()) {
            return fail(BodyError::bad_encoding, "malformed chunk size");
        }
        pos = eol + 1;
        if (size == 0) return out;  // trailers, if any, are ignored
        if (size > max_bytes || out.size() + size > max_bytes) {
            return fail(BodyError::too_large, "chunked body exceeds " + std::to_string(max_bytes) + " bytes");
        }
        if (raw.size() - pos < size) return fail(BodyError::truncated, "chunked body ends inside a chunk");
        out.append(raw.substr(pos, size));
        pos += size;
        if (pos < raw.size() && raw[pos] == '\r') ++pos;
        if (pos < raw.size() && raw[pos] == '\n') ++pos;
    }
}

Result<std::string, BodyFailure> decode_content(std::string_view body, std::string_view content_encoding,
                                                std::uint64_t max_bytes) {
    std::vector<std::string> codings;
    std::size_t pos = 0;
    while (pos <= content_encoding.size()) {
        std::size_t comma = content_encoding.find(',', pos);
        if (comma == std::string_view::npos) comma = content_encoding.size();
        const std::string c = lower(trim(content_encoding.substr(pos, comma - pos)));
        if (!c.empty() && c != "identity") codings.push_back(c);
        pos = comma + 1;
    }
    std::string data(body);
    if (data.size() > max_bytes) return fail(BodyError::too_large, "body exceeds " + std::to_string(max_bytes) + " bytes");
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
        Result<std::string, BodyFailure> r = fail(BodyError::unsupported, "content coding " + *it + " is not supported");
        if (*it == "gzip" || *it == "x-gzip") {
            r = inflate_bounded(data, true, max_bytes);
        } else if (*it == "deflate") {
            r = inflate_bounded(data, false, max_bytes);
#ifdef ZFXXGK_HAVE_BROTLI
        } else if (*it == "br") {
            r = brotli_bounded(data, max_bytes);
#endif
        }
        if (!r) return r;
        data = std::move(r.value());
    }
    return data;
}

Result<std::string, BodyFailure> decode_body(const ResponseHead& head, std::string_view raw_body, std::uint64_t max_bytes) {
    std::string entity;
    const auto te = head.get("Transfer-Encoding");
    if (te && lower(*te).find("chunked") != std::string::npos) {
        auto r = dechunk(raw_body, max_bytes);
        if (!r) return r;
        entity = std::move(r.value());
    } else {
        entity = std::string(raw_body);
    }
    return decode_content(entity, head.get("Content-Encoding").value_or(""), max_bytes);
}

const char* accepted_encodings() {
#ifdef ZFXXGK_HAVE_BROTLI
    return "gzip, deflate, br";
#else
    return "gzip, deflate";
#endif
}

std::string sha256_hex(std::string_view data) { return sha256_hex({data}); }

std::string sha256_hex(std::initializer_list<std::string_view> pieces) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (ctx == nullptr) throw std::bad_alloc();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    for (const std::string_view piece : pieces) EVP_DigestUpdate(ctx, piece.data(), piece.size());
    EVP_DigestFinal_ex(ctx, digest, &len);
    EVP_MD_CTX_free(ctx);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

}  // namespace zfxxgk::fetch
