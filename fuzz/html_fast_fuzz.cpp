// libFuzzer target, differential: whenever parse_html_fast returns a Document it must be
// the one parse_html gives; a difference aborts so the fuzzer keeps the input.
//   ./build-fast-fuzz/fuzz/html_fast_fuzz -max_len=16384 -dict=fixtures/fuzz/html_fast.dict SCRATCH fixtures/fuzz/html_fast/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tables/html.hpp"
#include "tables/html_fast.hpp"
#include "tables/html_fast_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace zfxxgk::tables;
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    // Small limits too, so that too_many_tables and table_too_large are compared as well.
    HtmlOptions small;
    small.max_tables = 3;
    small.max_slots = 40;
    small.max_colspan = 5;
    small.max_rowspan = 4;
    for (const HtmlOptions& options : {HtmlOptions{}, small}) {
        const std::optional<Document> fast = parse_html_fast(html, options);
        if (!fast) {
            return 0;   // given up: parse_html decides
        }
        const std::string difference = first_difference(*fast, parse_html(html, options));
        if (!difference.empty()) {
            std::fprintf(stderr, "html_fast_fuzz: fast path differs from parse_html: %s\n", difference.c_str());
            std::abort();
        }
    }
    return 0;
}
