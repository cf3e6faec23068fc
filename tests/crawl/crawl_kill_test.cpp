// Crash safety: the crawler, run as a child process, is killed with SIGKILL at random moments
// several times and then allowed to finish; the dataset must equal that of an uninterrupted
// crawl (up to fetch times and WARC record ids), the archive must read back cleanly — with our
// reader and with warcio.js — and every record must point at a response that is in it.
// Also: SIGTERM stops a crawl gracefully with exit status 143.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "crawl_support.hpp"
#include "fetch/warc.hpp"
#include "portal_simulator.hpp"

using namespace zfxxgk::test;
using nlohmann::json;

namespace {

fs::path zfxxgk_binary() {
    if (const char* env = std::getenv("ZFXXGK_BIN")) return env;
    return fs::canonical("/proc/self/exe").parent_path().parent_path() / "cli" / "zfxxgk";
}

// Report fixtures with distinct agency/year (or no agency: content-addressed), so that the
// dataset does not depend on the order of fetches.
const std::vector<std::string> kReports = {
    "freeform-2012-nanping.txt", "freeform-2017-lishui.txt", "gb2019-hubei-extra-row.txt",
    "gb2019-no-pipes-blank-lines-signed-changes.txt", "gb2019-no-pipes-labels-only.txt",
    "gb2019-truncated-headers-signed-cells.txt", "gb2021-alternating-pipe-lines.txt", "gb2021-markdown-pipes.txt",
    "gb2021-row-per-line.txt", "gb2021-split-header-blank-cells.txt", "gb2021-traditional-bare-pipe-row-separators.txt",
    "gb2021-traditional-covered-runs-own-line.txt", "gb2021-wrapped-closing-pipe.txt",
    "gb2021-seed-gaoping-2023-word.html", "gb2019-word-5col-procurement.html"};

struct KillSites {
    std::vector<std::unique_ptr<Site>> sites;
    explicit KillSites(int latency_ms) {
        const int kSites = 3;
        const int kPages = 12;  // listing pages per site (createPageHTML)
        for (int s = 0; s < kSites; ++s) {
            auto site = std::make_unique<Site>("www.county" + std::to_string(s) + ".gov.cn");
            site->set_latency(latency_ms);
            site->page("/robots.txt", Page{200, "text/plain", "User-agent: *\nDisallow: /admin/\n"});
            for (int p = 0; p < kPages; ++p) {
                std::string items;
                for (std::size_t r = 0; r < kReports.size(); ++r) {
                    if (static_cast<int>(r % kSites) != s || static_cast<int>(r / kSites) % kPages != p) continue;
                    const std::string path = "/ndbg/r" + std::to_string(r) + (kReports[r].find(".html") != std::string::npos ? ".html" : ".txt");
                    items += "<li><a href=\"" + path + "\">第" + std::to_string(r) + "份：2023年政府信息公开工作年度报告</a></li>";
                    const bool html = path.find(".html") != std::string::npos;
                    site->page(path, Page{200, html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
                                          read_fixture("fixtures/reports/" + kReports[r])});
                }
                const std::string name = p == 0 ? "/ndbg/index.html" : "/ndbg/index_" + std::to_string(p) + ".html";
                site->html(name, "<html><head><meta charset=\"utf-8\"><script>createPageHTML(" + std::to_string(kPages) + ", " +
                                     std::to_string(p) + ", \"index\", \"html\");</script></head><body><ul>" + items +
                                     "</ul></body></html>");
            }
            site->start();
            sites.push_back(std::move(site));
        }
    }
    std::string portal_list() const {
        std::string out;
        for (std::size_t i = 0; i < sites.size(); ++i) {
            out += "县" + std::to_string(i) + "人民政府\t14058" + std::to_string(i) + "\t" + sites[i]->url("/ndbg/index.html") + "\n";
        }
        return out;
    }
    std::vector<std::string> args(const fs::path& list, const fs::path& out) const {
        std::vector<std::string> v = {"crawl", list.string(), "-o", out.string(), "--contact", "kill-test@example.org",
                                      "--delay", "0.01", "--no-progress"};
        for (const auto& s : sites) {
            v.push_back("--resolve");
            v.push_back(s->resolve());
        }
        return v;
    }
    std::size_t requests(const std::string& path_prefix) const {
        std::size_t n = 0;
        for (const auto& s : sites) {
            for (const auto& r : s->requests()) n += r.path.rfind(path_prefix, 0) == 0 ? 1 : 0;
        }
        return n;
    }
};

pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
    const fs::path bin = zfxxgk_binary();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<std::string> a = args;
        std::vector<char*> argv{const_cast<char*>(bin.c_str())};
        for (auto& s : a) argv.push_back(s.data());
        argv.push_back(nullptr);
        FILE* f = std::freopen(log.c_str(), "a", stderr);
        (void)f;
        ::execv(bin.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

std::vector<fs::path> warc_files(const fs::path& dataset) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dataset / "warc")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Every record of every file, read with our reader: (record id → target URI) for responses.
std::map<std::string, std::string> read_archive(const fs::path& dataset, std::size_t& records) {
    std::map<std::string, std::string> responses;
    records = 0;
    for (const auto& file : warc_files(dataset)) {
        auto reader = zfxxgk::fetch::WarcReader::open(file);
        REQUIRE(reader);
        while (true) {
            auto rec = reader->next();
            INFO(file.string());
            REQUIRE(rec);  // no error anywhere: recovery cut every file back to whole records
            if (!rec.value()) break;
            ++records;
            if (rec.value()->type() == "response") {
                responses.emplace(rec.value()->get("WARC-Record-ID").value_or(""), rec.value()->get("WARC-Target-URI").value_or(""));
            }
        }
    }
    return responses;
}

void check_records_point_into_archive(const fs::path& dataset) {
    std::size_t count = 0;
    const auto responses = read_archive(dataset, count);
    for (const auto& [path, text] : dataset_records(dataset)) {
        INFO(path);
        const json src = json::parse(text)["source"];
        const auto it = responses.find(src["warc_record_id"].get<std::string>());
        REQUIRE(it != responses.end());
        CHECK(it->second == src["url"]);
    }
}

// warcio.js reads every file; its view of the records equals ours.
void check_with_warcio(const fs::path& dataset, const fs::path& tmp) {
    std::string cmd = "bash " + std::string(ZFXXGK_SOURCE_DIR) + "/tests/crawl/warcio_check.sh";
    for (const auto& f : warc_files(dataset)) cmd += " '" + f.string() + "'";
    cmd += " > '" + (tmp / "warcio.json").string() + "'";
    const int rc = std::system(cmd.c_str());
    const json out = json::parse(slurp(tmp / "warcio.json"));
    INFO(out["problems"].dump(1));
    CHECK(rc == 0);
    CHECK(out["problems"].empty());
    std::size_t ours = 0;
    const auto responses = read_archive(dataset, ours);
    CHECK(out["records"].size() == ours);
    std::size_t matched = 0;
    for (const auto& r : out["records"]) {
        if (r["type"] != "response") continue;
        const auto it = responses.find(r["id"].get<std::string>());
        REQUIRE(it != responses.end());
        CHECK(it->second == r["uri"]);
        CHECK(r["status"].get<int>() >= 200);
        ++matched;
    }
    CHECK(matched == responses.size());
}

}  // namespace

TEST_CASE("crawl kill -9 at random moments, then resume: same dataset as an uninterrupted crawl; warcio reads the archive") {
    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    const fs::path log = tmp.path() / "crawl.log";

    // The reference: one uninterrupted crawl.
    KillSites sim(0);
    std::ofstream(list) << sim.portal_list();
    fs::path reference = tmp.path() / "reference";
    REQUIRE(wait_exit(spawn(sim.args(list, reference), log)) == 0);
    const auto expected = dataset_records(reference);
    REQUIRE(expected.size() == kReports.size());

    // The same portals, stretched (every response waits 40 ms), killed four times.
    for (auto& site : sim.sites) {
        site->set_latency(40);
        site->clear_log();
    }
    const fs::path ds = tmp.path() / "killed";
    std::random_device rd;
    const unsigned seed = rd();
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> when(50, 900);
    int kills = 0;
    for (int i = 0; i < 4; ++i) {
        const pid_t pid = spawn(sim.args(list, ds), log);
        ::usleep(static_cast<useconds_t>(when(rng)) * 1000);
        if (::kill(pid, SIGKILL) == 0) ++kills;
        wait_exit(pid);
    }
    // Killed runs print no summary; at least two of the four must have been cut short.
    auto summaries = [&] {
        const std::string text = slurp(log);
        std::size_t n = 0;
        for (std::size_t at = text.find("zfxxgk crawl:"); at != std::string::npos; at = text.find("zfxxgk crawl:", at + 1)) ++n;
        return n;
    };
    CHECK(summaries() <= 1 + 2);
    const pid_t pid = spawn(sim.args(list, ds), log);
    INFO(slurp(log));
    REQUIRE(wait_exit(pid) == 0);

    // Same records, up to the fields that differ between any two crawls.
    const auto got = dataset_records(ds);
    REQUIRE(got.size() == expected.size());
    for (const auto& [path, text] : expected) {
        INFO(path);
        REQUIRE(got.count(path) == 1);
        CHECK(stable_record(got.at(path)) == stable_record(text));
    }
    // Nothing stored was fetched again more than once per kill; a further run fetches nothing.
    CHECK(sim.requests("/ndbg/r") <= kReports.size() * (1 + static_cast<std::size_t>(kills)));
    const std::size_t before = sim.requests("/");
    REQUIRE(wait_exit(spawn(sim.args(list, ds), log)) == 0);
    CHECK(sim.requests("/") == before);

    check_records_point_into_archive(ds);
    check_records_point_into_archive(reference);
    check_with_warcio(ds, tmp.path());
}

TEST_CASE("crawl SIGTERM stops gracefully: exit 143, summary written, the rest is left for the next run") {
    TempDir tmp;
    KillSites sim(60);
    const fs::path list = tmp.path() / "portals.tsv";
    std::ofstream(list) << sim.portal_list();
    const fs::path ds = tmp.path() / "ds";
    const pid_t pid = spawn(sim.args(list, ds), tmp.path() / "log");
    ::usleep(500 * 1000);
    ::kill(pid, SIGTERM);
    CHECK(wait_exit(pid) == 143);
    const json s = read_json(ds / "crawl-summary.json");
    CHECK(s["stopped_by"] == "SIGTERM");
    CHECK(s["left_in_queue"].get<int>() > 0);
    CHECK(wait_exit(spawn(sim.args(list, ds), tmp.path() / "log")) == 0);
    CHECK(dataset_records(ds).size() == kReports.size());
}
