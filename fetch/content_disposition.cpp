#include "fetch/content_disposition.hpp"

#include <algorithm>
#include <cctype>

#include "fetch/charset.hpp"

namespace zfxxgk::fetch {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c < 0x80) {
            n = 0;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
        } else {
            return false;
        }
        if (i + n >= s.size() && n > 0) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n + 1;
    }
    return true;
}

// Bytes of unknown charset → UTF-8: valid UTF-8 stays, anything else is read as GB18030.
std::string to_utf8(const std::string& bytes, std::string_view charset) {
    if (charset.empty() && valid_utf8(bytes)) return bytes;
    CharsetOptions opts;
    opts.http_charset = charset.empty() ? "GB18030" : std::string(charset);
    opts.prescan_meta = false;
    return decode_to_utf8(bytes, opts).text;
}

// Keeps the last path segment and drops controls, so the name is safe to show or store.
std::string clean_name(std::string name) {
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name = name.substr(slash + 1);
    name.erase(std::remove_if(name.begin(), name.end(),
                              [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }),
               name.end());
    return std::string(trim(name));
}

// Reads a token or quoted-string at `pos`; advances past it.
std::string read_value(std::string_view s, std::size_t& pos) {
    std::string out;
    if (pos < s.size() && s[pos] == '"') {
        ++pos;
        while (pos < s.size() && s[pos] != '"') {
            if (s[pos] == '\\' && pos + 1 < s.size()) ++pos;
            out.push_back(s[pos++]);
        }
        if (pos < s.size()) ++pos;
        return out;
    }
    while (pos < s.size() && s[pos] != ';') out.push_back(s[pos++]);
    return std::string(trim(out));
}

// RFC 8187: charset "'" [ language ] "'" value-chars
std::optional<std::string> decode_ext_value(std::string_view v) {
    const std::size_t q1 = v.find('\'');
    if (q1 == std::string_view::npos) return std::nullopt;
    const std::size_t q2 = v.find('\'', q1 + 1);
    if (q2 == std::string_view::npos) return std::nullopt;
    const std::string charset = lower(trim(v.substr(0, q1)));
    const std::string bytes = percent_decode(v.substr(q2 + 1));
    if (charset == "utf-8" || charset == "utf8") return to_utf8(bytes, valid_utf8(bytes) ? "" : "UTF-8");
    if (charset.empty()) return to_utf8(bytes, "");
    return to_utf8(bytes, charset);
}

}  // namespace

ContentDisposition parse_content_disposition(std::string_view value) {
    ContentDisposition out;
    std::size_t pos = value.find(';');
    out.type = lower(trim(value.substr(0, pos)));
    if (out.type.find('=') != std::string::npos) {  // no type, straight to parameters
        out.type.clear();
        pos = 0;
    }
    std::optional<std::string> plain;
    std::optional<std::string> ext;
    while (pos != std::string_view::npos && pos < value.size()) {
        if (value[pos] == ';') ++pos;
        while (pos < value.size() && (value[pos] == ' ' || value[pos] == '\t')) ++pos;
        const std::size_t eq = value.find_first_of("=;", pos);
        if (eq == std::string_view::npos) break;
        if (value[eq] == ';') {
            pos = eq;
            continue;
        }
        const std::string name = lower(trim(value.substr(pos, eq - pos)));
        pos = eq + 1;
        while (pos < value.size() && (value[pos] == ' ' || value[pos] == '\t')) ++pos;
        const std::string v = read_value(value, pos);
        if (name == "filename*" && !ext) {
            ext = decode_ext_value(v);
        } else if (name == "filename" && !plain) {
            plain = v;
        }
        pos = value.find(';', pos);
    }
    if (ext && !clean_name(*ext).empty()) {
        out.filename = clean_name(*ext);
    } else if (plain) {
        // Percent-encoded UTF-8 is what most servers send for non-ASCII names.
        std::string bytes = *plain;
        if (bytes.find('%') != std::string::npos) {
            const std::string decoded = percent_decode(bytes);
            if (valid_utf8(decoded)) bytes = decoded;
        }
        std::string name = clean_name(to_utf8(bytes, ""));
        if (!name.empty()) out.filename = std::move(name);
    }
    return out;
}

}  // namespace zfxxgk::fetch
