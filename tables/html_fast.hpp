#pragma once
// HTML -> Document without a parse tree: a byte tokenizer and a model of HTML5 tree
// construction for the markup real pages use, feeding the same emitter as parse_html.
// Where tree construction could do something the model does not follow (misnested tables,
// foster parenting, the adoption agency, foreign content, ...) it gives up instead of
// guessing. docs/tables-html.md, "Fast path", lists what it models and where it gives up.
#include <optional>
#include <string_view>

#include "tables/document.hpp"
#include "tables/html.hpp"

namespace zfxxgk::tables {

// The Document parse_html(utf8_html, options) gives, or nullopt when the markup is beyond
// the fast path's model (the caller then uses parse_html). Never a different Document.
std::optional<Document> parse_html_fast(std::string_view utf8_html, const HtmlOptions& options = {});

}  // namespace zfxxgk::tables
