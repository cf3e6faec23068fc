#pragma once
// Helpers of the crawl tests: temporary directories, running `zfxxgk crawl` in-process with
// stderr captured, reading a dataset's records and the summary.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "tests/temp_dir.hpp"

namespace zfxxgk::test {

namespace fs = std::filesystem;

struct CliRun {
    int exit_code = 0;
    std::string err;
};

// Runs `zfxxgk ARGS...` in this process; std::cerr is captured.
inline CliRun run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "zfxxgk");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::ostringstream captured;
    std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
    CliRun out;
    try {
        out.exit_code = zfxxgk::cli::run(static_cast<int>(args.size()), argv.data());
    } catch (...) {
        std::cerr.rdbuf(old);
        throw;
    }
    std::cerr.rdbuf(old);
    out.err = captured.str();
    return out;
}

inline nlohmann::json read_json(const fs::path& p) { return nlohmann::json::parse(slurp(p)); }

// The dataset's record files (relative path → content), without the crawl's own files.
inline std::map<std::string, std::string> dataset_records(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = fs::relative(e.path(), root);
        const std::string first = rel.begin()->string();
        if (first == "warc" || rel.parent_path().empty()) continue;  // warc/, crawl-state.sqlite, summary, lock
        out.emplace(rel.string(), slurp(e.path()));
    }
    return out;
}

// A record without the fields that legitimately differ between two crawls of the same content.
inline nlohmann::json stable_record(const std::string& text) {
    nlohmann::json j = nlohmann::json::parse(text);
    for (const char* k : {"fetched_at", "warc_file", "warc_record_id"}) j["source"].erase(k);
    return j;
}

}  // namespace zfxxgk::test
