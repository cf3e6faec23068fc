// Reports per second for a flattened text report (default: the seed), one core, full
// extraction: parse, align, checks, record JSON. Prints figures; not a test.
//   bench_text_extract [FILE] [SECONDS]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "fixtures/reports/gb2021-seed-gaoping-2023.txt";
    const double seconds = argc > 2 ? std::stod(argv[2]) : 3.0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot be read\n", path.c_str());
        return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    zfxxgk::extractor::Source source;
    source.path = path;
    source.sha256 = zfxxgk::extractor::sha256_hex(text);
    source.bytes = text.size();

    using Clock = std::chrono::steady_clock;
    std::size_t json_bytes = 0;
    // warm-up: the first call builds ICU objects and label caches
    json_bytes += zfxxgk::extractor::to_json(zfxxgk::extractor::extract_text(text, source)).size();
    long n = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    while (elapsed < seconds) {
        for (int i = 0; i < 50; ++i) {
            zfxxgk::extractor::Source s = source;
            s.sha256 = zfxxgk::extractor::sha256_hex(text);  // part of the real per-file work
            json_bytes += zfxxgk::extractor::to_json(zfxxgk::extractor::extract_text(text, s)).size();
        }
        n += 50;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("text extract: %s (%zu bytes)\n", path.c_str(), text.size());
    std::printf("  %ld reports in %.2f s: %.0f reports/s, %.1f MB/s of input, %.3f ms/report\n", n, elapsed, n / elapsed,
                n * static_cast<double>(text.size()) / elapsed / 1e6, 1000.0 * elapsed / n);
    std::printf("  record JSON %.1f KB/report; peak RSS %ld MB\n", json_bytes / 1024.0 / (n + 1), ru.ru_maxrss / 1024);
    return 0;
}
