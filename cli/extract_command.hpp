#pragma once
#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "extractor/record.hpp"

namespace zfxxgk::cli {

enum class PageForm : std::uint8_t { automatic, html, text };

// Bytes of a saved page → record: the charset found as a browser would (docs/charsets.md),
// HTML told from text by content unless `form` says which, then extracted. `source` gives
// path/url/fetch data; sha256, bytes and encoding are filled here. `http_charset` is the charset
// an HTTP Content-Type named, when the page came over HTTP.
extractor::Record extract_page(std::string_view bytes, extractor::Source source, PageForm form = PageForm::automatic,
                               std::string_view http_charset = {});

// `zfxxgk extract FILE... [-o DIR] [--pretty] [--max-bytes N]`: saved pages → records.
Command extract_command();

}  // namespace zfxxgk::cli
