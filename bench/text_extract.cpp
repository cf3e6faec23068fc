// Reports per second for a flattened text report (default: the seed), one core, full
// extraction: parse, align, checks, record JSON. Then the record JSON alone: to_json on the
// one extracted record, compact and pretty. Prints figures; not a test.
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

namespace {

using Clock = std::chrono::steady_clock;

// Times to_json(record, layout) for about `seconds`; prints records/s and MB/s of JSON.
void bench_json(const zfxxgk::extractor::Record& record, zfxxgk::extractor::JsonLayout layout, const char* name,
                double seconds) {
    std::size_t bytes = zfxxgk::extractor::to_json(record, layout).size();  // warm-up
    long n = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    while (elapsed < seconds) {
        for (int i = 0; i < 500; ++i) bytes += zfxxgk::extractor::to_json(record, layout).size();
        n += 500;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::printf("  record JSON only (%s): %.0f records/s, %.1f MB/s of JSON, %.1f us/record\n", name, n / elapsed,
                static_cast<double>(bytes) * n / (n + 1) / elapsed / 1e6, 1e6 * elapsed / n);
}

}  // namespace

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

    std::size_t json_bytes = 0;
    // warm-up: the first call builds ICU objects and label caches
    const zfxxgk::extractor::Record record = zfxxgk::extractor::extract_text(text, source);
    json_bytes += zfxxgk::extractor::to_json(record).size();
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
    bench_json(record, zfxxgk::extractor::JsonLayout::compact, "compact", seconds);
    bench_json(record, zfxxgk::extractor::JsonLayout::pretty, "pretty", seconds);
    return 0;
}
