#pragma once
// Document → report record: sections, metadata, template detection, alignment, checks.
#include <string_view>
#include <vector>

#include "extractor/record.hpp"
#include "tables/document.hpp"
#include "tables/flattened.hpp"

namespace zfxxgk::extractor {

// The options the flattened-text parser needs from the extractor (its section headings).
tables::TextOptions text_options();

// `input_warnings` are problems found before parsing (replaced bytes, …); they lead the
// record's warnings.
Record extract_document(const tables::Document& doc, Source source, std::vector<Warning> input_warnings = {});

// Flattened or plain text (UTF-8) → record.
Record extract_text(std::string_view utf8_text, Source source, std::vector<Warning> input_warnings = {});

// An HTML page (UTF-8) → record.
Record extract_html(std::string_view utf8_html, Source source, std::vector<Warning> input_warnings = {});

// Whether bytes look like HTML rather than text: markup at the start (after a BOM and
// whitespace) or an <html>/<body>/<table> tag in the first 4 KiB.
bool looks_like_html(std::string_view bytes);

}  // namespace zfxxgk::extractor
