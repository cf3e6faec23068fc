// Accuracy of canonical values on every fixture page with a hand-read expected file
// (fixtures/reports/*.expected.json, written by expected_values.py): precision and recall per
// template and per table, and the values produced that the page does not support (must be 0).
// A produced value is a number (status number or prose) or a blank; it is correct when the
// expected file has the same number, or null for a blank.
//   accuracy [FIXTURE_DIR]
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/extract_command.hpp"

namespace fs = std::filesystem;
using namespace zfxxgk;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Tally {
    int produced = 0, expected = 0, correct = 0, unsupported = 0;
};

void add(Tally& t, const Tally& d) {
    t.produced += d.produced;
    t.expected += d.expected;
    t.correct += d.correct;
    t.unsupported += d.unsupported;
}

std::string pct(int a, int b) {
    if (b == 0) return "    -";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.3f", static_cast<double>(a) / b);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? argv[1] : "fixtures/reports";
    std::map<std::string, Tally> by_group;  // "template / table"
    Tally all;
    int problems = 0, pages = 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.size() > 14 && n.substr(n.size() - 14) == ".expected.json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string stem = file.filename().string().substr(0, file.filename().string().size() - 14);
        fs::path page = dir / (stem + ".txt");
        if (!fs::exists(page)) page = dir / (stem + ".html");
        if (!fs::exists(page)) {
            std::printf("%s: no page for it\n", file.string().c_str());
            ++problems;
            continue;
        }
        ++pages;
        const auto expected = nlohmann::json::parse(read(file));
        extractor::Source source;
        source.path = page.string();
        const extractor::Record rec = cli::extract_page(read(page), source);
        const auto& want = expected["_record"];
        if (want.value("template", "") != rec.template_id) {
            std::printf("%s: template %s, expected %s\n", page.filename().c_str(), rec.template_id.c_str(),
                        want.value("template", "").c_str());
            ++problems;
        }
        if (want.contains("year") && !want["year"].is_null() && rec.year != want["year"].get<int>()) {
            std::printf("%s: year differs\n", page.filename().c_str());
            ++problems;
        }
        if (want.contains("agency") && !want["agency"].is_null() && rec.agency != want["agency"].get<std::string>()) {
            std::printf("%s: agency %s, expected %s\n", page.filename().c_str(), rec.agency.value_or("null").c_str(),
                        want["agency"].get<std::string>().c_str());
            ++problems;
        }
        for (const auto& [path, value] : expected.items()) {
            if (path.front() == '_') continue;
            const std::string group = rec.template_id + " / " + path.substr(0, path.find('.'));
            ++by_group[group].expected;
            if (rec.find(path) == nullptr) std::printf("%s: %s not in the record\n", page.filename().c_str(), path.c_str());
        }
        for (const auto& v : rec.values) {
            const auto s = v.provenance.status;
            const bool produced = s == extractor::ValueStatus::number || s == extractor::ValueStatus::prose ||
                                  s == extractor::ValueStatus::blank;
            if (!produced) continue;
            Tally& g = by_group[rec.template_id + " / " + v.path.substr(0, v.path.find('.'))];
            ++g.produced;
            if (!expected.contains(v.path)) {
                ++g.unsupported;
                std::printf("%s: %s produced, the page does not support it\n", page.filename().c_str(), v.path.c_str());
                continue;
            }
            const auto& e = expected[v.path];
            const bool ok = e.is_null() ? s == extractor::ValueStatus::blank
                                        : v.number && std::fabs(*v.number - e.get<double>()) < 1e-9;
            if (ok) {
                ++g.correct;
            } else {
                std::printf("%s: %s = %s, expected %s\n", page.filename().c_str(), v.path.c_str(),
                            v.number ? std::to_string(*v.number).c_str() : "blank", e.dump().c_str());
            }
        }
    }
    std::printf("accuracy over %d fixture pages\n%-34s %8s %8s %8s %9s %7s %11s\n", pages, "template / table", "expected",
                "produced", "correct", "precision", "recall", "unsupported");
    for (const auto& [group, t] : by_group) {
        std::printf("%-34s %8d %8d %8d %9s %7s %11d\n", group.c_str(), t.expected, t.produced, t.correct,
                    pct(t.correct, t.produced).c_str(), pct(t.correct, t.expected).c_str(), t.unsupported);
        add(all, t);
    }
    std::printf("%-34s %8d %8d %8d %9s %7s %11d\n", "all", all.expected, all.produced, all.correct,
                pct(all.correct, all.produced).c_str(), pct(all.correct, all.expected).c_str(), all.unsupported);
    const bool ok = problems == 0 && all.unsupported == 0 && all.correct == all.produced && all.correct == all.expected;
    std::printf("accuracy: %d passed, %d failed\n", ok ? 1 : 0, ok ? 0 : 1);
    return ok ? 0 : 1;
}
