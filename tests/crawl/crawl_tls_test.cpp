// TLS against an HTTPS portal on 127.0.0.1 whose certificates the test makes: certificates are
// verified (chain and host name), `insecure` skips that and says so on every run, --ca-file
// trusts another CA, and TLS failures are counted as `tls`.
#include <catch2/catch.hpp>

#include "crawl_support.hpp"
#include "portal_simulator.hpp"
#include "test_certificates.hpp"

using namespace zfxxgk::test;
using nlohmann::json;

namespace {

// A test CA, a certificate it signs for localhost and 127.0.0.1, and one it signs for another
// name; made once per test run.
struct TestPki {
    TempDir dir;
    fs::path ca_file = dir.path() / "ca.pem";
    fs::path server_cert = dir.path() / "localhost.pem";
    fs::path server_key = dir.path() / "localhost.key";
    fs::path wrong_cert = dir.path() / "other.pem";
    fs::path wrong_key = dir.path() / "other.key";

    TestPki() {
        const KeyAndCert ca = make_ca("zfxxgk test CA");
        write_certificate(ca_file, ca);
        const KeyAndCert server = make_server_certificate(ca, "localhost", "IP:127.0.0.1,DNS:localhost", 2);
        write_certificate(server_cert, server);
        write_private_key(server_key, server);
        const KeyAndCert wrong = make_server_certificate(ca, "www.other.gov.cn", "DNS:www.other.gov.cn", 3);
        write_certificate(wrong_cert, wrong);
        write_private_key(wrong_key, wrong);
    }
};

// WARC files are named by UTC second, pid and a per-writer counter (fetch/warc_writer.cpp),
// so two runs in one process within one second would pick the same name; wait for the next.
void next_wall_second() {
    const auto now = std::chrono::system_clock::now();
    std::this_thread::sleep_until(std::chrono::ceil<std::chrono::seconds>(now) + std::chrono::milliseconds(5));
}

const TestPki& pki() {
    static const TestPki p;
    return p;
}

// An HTTPS portal at localhost: robots.txt, a listing, one report.
struct HttpsPortal {
    Site site{"localhost"};

    explicit HttpsPortal(const fs::path& cert, const fs::path& key) {
        site.use_tls(cert.string(), key.string());
        site.page("/robots.txt", Page{200, "text/plain", "User-agent: *\nAllow: /\n"});
        site.html("/ndbg/index.html",
                  "<html><body><ul><li><a href=\"/ndbg/1.txt\">某县2021年政府信息公开工作年度报告</a></li></ul></body></html>");
        site.page("/ndbg/1.txt", Page{200, "text/plain; charset=utf-8", read_fixture("fixtures/reports/gb2021-row-per-line.txt")});
        site.start();
    }

    std::string listing() const { return site.url("/ndbg/index.html"); }

    CliRun crawl(const TempDir& tmp, const std::string& options, std::vector<std::string> extra = {}) const {
        const fs::path list = tmp.path() / "portals.tsv";
        std::ofstream(list) << "某县\t" << listing() << (options.empty() ? "" : "\t" + options) << "\n";
        std::vector<std::string> args = {"crawl", list.string(), "-o", (tmp.path() / "ds").string(), "--contact", "test@example.org",
                                         "--delay", "0", "--retries", "0", "--no-progress", "--resolve", site.resolve()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args);
    }
};

}  // namespace

TEST_CASE("crawl TLS: a certificate from an unknown CA fails as tls; nothing is fetched or written") {
    HttpsPortal portal(pki().server_cert, pki().server_key);
    TempDir tmp;
    const CliRun run = portal.crawl(tmp, "");
    INFO(run.err);
    CHECK(run.exit_code == 1);  // as for any failed URL
    const json s = read_json(tmp.path() / "ds" / "crawl-summary.json");
    INFO(s.dump(2));
    CHECK(s["failures"] == json{{"tls", 1}});
    CHECK(s["failures_total"] == 1);
    CHECK(s["records_written"] == 0);
    CHECK(dataset_records(tmp.path() / "ds").empty());
    CHECK(portal.site.requests().empty());  // no request got past the handshake
    // The listing URL is named with the kind, curl's reason and what to do.
    CHECK(run.err.find(portal.listing() + ": tls: robots.txt (" + portal.site.url("/robots.txt") + ") failed: SSL certificate problem") !=
          std::string::npos);
    CHECK(run.err.find("--ca-file") != std::string::npos);
    CHECK(run.err.find("failures: 1 (tls 1)") != std::string::npos);
}

TEST_CASE("crawl TLS: insecure on the portal's line skips verification and says so on every run") {
    HttpsPortal portal(pki().server_cert, pki().server_key);
    TempDir tmp;
    const std::vector<std::string> again = {"--revisit-listings", "0", "--revisit-reports", "0"};
    for (int run_no = 1; run_no <= 2; ++run_no) {
        if (run_no > 1) next_wall_second();
        const CliRun run = portal.crawl(tmp, "insecure", again);
        INFO("run " << run_no << "\n" << run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.err.find(portal.listing() + ": TLS certificates are not verified for this portal (insecure in the portal list, line 1)") !=
              std::string::npos);
        const json s = read_json(tmp.path() / "ds" / "crawl-summary.json");
        CHECK(s["failures_total"] == 0);
        CHECK(s["reports"][run_no == 1 ? "new" : "unchanged"] == 1);
    }
    const auto records = dataset_records(tmp.path() / "ds");
    REQUIRE(records.size() == 1);
    CHECK(json::parse(records.begin()->second)["source"]["url"] == portal.site.url("/ndbg/1.txt"));
    CHECK(portal.site.requests_for("/ndbg/1.txt").size() == 2);
}

TEST_CASE("crawl TLS: --ca-file trusts the portal's CA; the certificate is verified, host name included") {
    SECTION("the right name: fetched and extracted") {
        HttpsPortal portal(pki().server_cert, pki().server_key);
        TempDir tmp;
        const CliRun run = portal.crawl(tmp, "", {"--ca-file", pki().ca_file.string()});
        INFO(run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.err.find("not verified") == std::string::npos);
        const json s = read_json(tmp.path() / "ds" / "crawl-summary.json");
        CHECK(s["failures_total"] == 0);
        CHECK(s["records_written"] == 1);
        CHECK(dataset_records(tmp.path() / "ds").size() == 1);
        CHECK(portal.site.requests().size() == 3);  // robots.txt, the listing, the report
    }
    SECTION("a certificate for another name: tls failure") {
        HttpsPortal portal(pki().wrong_cert, pki().wrong_key);
        TempDir tmp;
        const CliRun run = portal.crawl(tmp, "", {"--ca-file", pki().ca_file.string()});
        INFO(run.err);
        CHECK(run.exit_code == 1);
        const json s = read_json(tmp.path() / "ds" / "crawl-summary.json");
        CHECK(s["failures"] == json{{"tls", 1}});
        CHECK(dataset_records(tmp.path() / "ds").empty());
        CHECK(portal.site.requests().empty());
        CHECK(run.err.find(portal.listing() + ": tls: ") != std::string::npos);
        CHECK(run.err.find("'localhost'") != std::string::npos);  // curl names the host the certificate does not match
    }
}

TEST_CASE("crawl --ca-file that cannot be used is a usage error naming the file") {
    TempDir tmp;
    const fs::path list = tmp.path() / "portals.tsv";
    std::ofstream(list) << "某县\thttps://localhost:1/ndbg/\n";
    const fs::path not_pem = tmp.path() / "ca.txt";
    std::ofstream(not_pem) << "not a certificate\n";
    for (const fs::path& bad : {tmp.path() / "missing.pem", not_pem, tmp.path()}) {
        const CliRun run = run_cli({"crawl", list.string(), "-o", (tmp.path() / "ds").string(), "--contact", "t@example.org",
                                    "--no-progress", "--ca-file", bad.string()});
        INFO(run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.err.rfind(bad.string() + ": ", 0) == 0);
        CHECK(run.err.find("--ca-file") != std::string::npos);
        CHECK_FALSE(fs::exists(tmp.path() / "ds"));  // the crawl did not start
    }
}
