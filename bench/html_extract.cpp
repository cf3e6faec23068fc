// Full extraction of HTML pages on one core — read, decode, parse, align, check, record JSON —
// and, in the same run, the gumbo floor: parse each page with gumbo and walk the whole tree.
// Prints pages/s, MB/s and peak RSS; not a test.
//   bench_html_extract CORPUS_DIR [MAX_PAGES]
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "fetch/charset.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The floor: what any gumbo-based tool must at least spend per page.
std::size_t gumbo_walk(const std::string& html) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::size_t nodes = 0;
    std::vector<const GumboNode*> stack{out->root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        ++nodes;
        if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboVector& c = n->v.element.children;
            for (unsigned i = 0; i < c.length; ++i) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return nodes;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_html_extract CORPUS_DIR [MAX_PAGES]\n");
        return 2;
    }
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(fs::path(argv[1]) / "pages")) pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    if (argc > 2) pages.resize(std::min<std::size_t>(pages.size(), std::stoul(argv[2])));

    double bytes = 0;
    for (const auto& p : pages) bytes += static_cast<double>(fs::file_size(p));

    // zfxxgk: the whole job per page, file reading included
    std::size_t json = 0, passing = 0;
    auto t0 = Clock::now();
    for (const auto& p : pages) {
        const std::string raw = read(p);
        const zfxxgk::fetch::Decoded d = zfxxgk::fetch::decode_to_utf8(raw);
        zfxxgk::extractor::Source source;
        source.path = p.string();
        source.sha256 = zfxxgk::extractor::sha256_hex(raw);
        source.bytes = raw.size();
        source.encoding = d.encoding;
        const auto rec = zfxxgk::extractor::extract_html(d.text, source);
        passing += !rec.has_failed_check() && rec.template_id == "2021";
        json += zfxxgk::extractor::to_json(rec).size();
    }
    const double t_extract = seconds_since(t0);

    std::size_t nodes = 0;
    t0 = Clock::now();
    for (const auto& p : pages) nodes += gumbo_walk(read(p));
    const double t_gumbo = seconds_since(t0);

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double n = static_cast<double>(pages.size());
    std::printf("html corpus: %zu pages, %.1f MB\n", pages.size(), bytes / 1e6);
    std::printf("  zfxxgk extract (full record JSON): %7.1f pages/s %6.1f MB/s  (%zu of %zu records 2021 with no failed check)\n",
                n / t_extract, bytes / 1e6 / t_extract, passing, pages.size());
    std::printf("  gumbo parse + walk (floor):        %7.1f pages/s %6.1f MB/s  (%zu nodes)\n", n / t_gumbo,
                bytes / 1e6 / t_gumbo, nodes);
    std::printf("  ratio zfxxgk / gumbo floor: %.2f\n", t_gumbo / t_extract);
    std::printf("  peak RSS %ld MB; record JSON %.1f KB/page\n", ru.ru_maxrss / 1024, json / 1024.0 / n);
    return 0;
}
