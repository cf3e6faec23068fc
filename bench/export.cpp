// `zfxxgk export` and `zfxxgk validate` over a synthetic dataset: N records (default 100,000)
// written to a temporary directory, 5 years for each of N/5 agencies, every record a full copy
// of the seed report's record (≈40 KB: values, provenance, checks, sections, tables) with its
// own agency, year, numbers and sha256. Each run is a child process of the real binary;
// records/s, input MB/s, output size and the child's peak RSS are printed. Not a test.
//   bench_export [RECORDS] [ZFXXGK] [FORMAT...]     (formats: csv jsonl sqlite validate; default all)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

zfxxgk::extractor::Record seed_record() {
    const std::string path = "fixtures/reports/gb2021-seed-gaoping-2023.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot be read; run from the repository root\n", path.c_str());
        std::exit(2);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    zfxxgk::extractor::Source source;
    source.path = path;
    source.sha256 = zfxxgk::extractor::sha256_hex(ss.str());
    return zfxxgk::extractor::extract_text(ss.str(), source);
}

// Writes the records; returns the bytes written.
std::uintmax_t generate(const fs::path& dir, long n) {
    const zfxxgk::extractor::Record seed = seed_record();
    std::uintmax_t bytes = 0;
    for (long i = 0; i < n; ++i) {
        zfxxgk::extractor::Record r = seed;
        const long agency = i / 5;
        r.agency = "合成市第" + std::to_string(agency) + "局";
        r.agency_as_written = r.agency;
        r.year = 2019 + static_cast<int>(i % 5);
        r.title = *r.agency + std::to_string(*r.year) + "年政府信息公开工作年度报告";
        r.source.path = "synthetic/" + std::to_string(i) + ".txt";
        r.source.sha256 = zfxxgk::extractor::sha256_hex(r.source.path);
        long k = i;
        for (auto& v : r.values) {
            if (!v.number) continue;
            v.number = static_cast<double>((k++ * 7919) % 23);
            v.provenance.raw = std::to_string(static_cast<long>(*v.number));
        }
        // every third agency copies its overview from year to year; the others vary it
        if (agency % 3 != 0 && r.sections[0]) r.sections[0] = std::to_string(i) + "年度," + *r.sections[0];
        const std::string json = zfxxgk::extractor::to_json(r) + "\n";
        const fs::path file = dir / zfxxgk::extractor::record_path(r);
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << json;
        bytes += json.size();
    }
    return bytes;
}

struct Run {
    double seconds = 0;
    long peak_rss_kb = 0;
    int status = 0;
};

Run run_child(const std::vector<std::string>& argv) {
    Run run;
    const auto start = Clock::now();
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(127);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    run.peak_rss_kb = ru.ru_maxrss;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return run;
}

std::uintmax_t size_of(const fs::path& p) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
    std::uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    }
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::stol(argv[1]) : 100000;
    std::string zfxxgk = argc > 2 ? argv[2] : (fs::canonical("/proc/self/exe").parent_path().parent_path() / "cli/zfxxgk").string();
    std::vector<std::string> formats;
    for (int i = 3; i < argc; ++i) formats.emplace_back(argv[i]);
    if (formats.empty()) formats = {"csv", "jsonl", "sqlite", "validate"};

    char tmpl[] = "/tmp/zfxxgk-bench-export-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path tmp = tmpl;
    const fs::path dataset = tmp / "dataset";
    auto start = Clock::now();
    const std::uintmax_t input = generate(dataset, n);
    const double gen = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("export bench: %ld synthetic records, %.0f MB of record JSON (%.1f KB/record), generated in %.1f s\n", n,
                input / 1e6, input / 1024.0 / static_cast<double>(n), gen);
    int failures = 0;
    for (const std::string& format : formats) {
        const fs::path out = tmp / ("out." + format);
        std::vector<std::string> args = {zfxxgk, "export", dataset.string(), "--format", format, "-o", out.string()};
        if (format == "validate") args = {zfxxgk, "validate", dataset.string()};
        const Run run = run_child(args);
        // validate exits 1: the synthetic records copy overviews and break the carried-over series
        const bool ok = run.status == 0 || (format == "validate" && run.status == 1);
        failures += !ok;
        std::printf("  %-8s %6.1f s  %8.0f records/s  %6.1f MB/s in  %7.0f MB out  peak RSS %ld MB%s\n", format.c_str(),
                    run.seconds, n / run.seconds, input / run.seconds / 1e6,
                    format == "validate" ? 0.0 : size_of(out) / 1e6, run.peak_rss_kb / 1024,
                    ok ? "" : "  (FAILED)");
        std::error_code ec;
        fs::remove_all(out, ec);
    }
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return failures == 0 ? 0 : 1;
}
