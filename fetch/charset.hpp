#pragma once
// Bytes of a fetched page to UTF-8, choosing the encoding the way a browser does (WHATWG
// Encoding Standard and HTML "encoding sniffing", simplified; docs/charsets.md gives the
// order and the typos accepted). ICU does the converting; no ICU type appears here.
//
// Untrusted input of any size is fine: nothing here throws on bad bytes, reads out of
// bounds or takes more than linear time. Invalid bytes become U+FFFD and are counted.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zfxxgk::fetch {

// What decided the encoding, in the order the decisions are taken.
enum class CharsetSource : std::uint8_t {
    bom,           // a UTF-8 or UTF-16 byte order mark
    declared,      // CharsetOptions::http_charset
    meta,          // <meta charset> or <meta http-equiv=Content-Type> in the first 1024 bytes
    detected,      // the bytes themselves: valid UTF-8 with non-ASCII, ICU's detector, or a
                   // declared UTF-8 that was really GB18030
    default_utf8,  // nothing said anything (pure ASCII, or detection found nothing sensible)
};

struct Decoded {
    std::string text;              // valid UTF-8, BOM removed
    std::string encoding;          // canonical name of the decoder used: "UTF-8", "GB18030", "UTF-16LE", "Big5", "windows-1252", ...
    CharsetSource source = CharsetSource::default_utf8;
    std::size_t replaced = 0;      // number of invalid byte sequences replaced by U+FFFD
    // The label as found (HTTP header or meta), empty if none: the declaration that was
    // used, or else the first one seen that could not be used (unknown label, overridden by
    // a BOM), so that callers can warn about it.
    std::string declared_label;
};

struct CharsetOptions {
    std::string http_charset;      // charset parameter from an HTTP Content-Type, when the caller knows it
    bool prescan_meta = true;      // look for <meta charset> in the first 1024 bytes (HTML input)
};

Decoded decode_to_utf8(std::string_view bytes, const CharsetOptions& options = {});

// "text/html; charset=GBK" -> "GBK" (the label as written, without quotes); tolerant of
// quotes, spaces and case. "" when there is no charset parameter.
std::string charset_from_content_type(std::string_view content_type);

// The label of the first <meta> in the first 1024 bytes that declares a charset that
// canonical_charset knows, as written (without quotes and trailing junk); "" when none.
std::string prescan_meta_charset(std::string_view bytes);

// WHATWG label -> our decoder name ("gbk" -> "GB18030", "latin1" -> "windows-1252",
// "utf8" -> "UTF-8"); "" for unknown labels and for encodings we do not decode
// (WHATWG "replacement", x-user-defined, ISO-8859-16).
std::string canonical_charset(std::string_view label);

}  // namespace zfxxgk::fetch
