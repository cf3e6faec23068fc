// Checks zfxxgk on a generated corpus (../shared/bench/gen_corpus.py): every page's report
// tables 2–4 must equal its truth/ grids (spans expanded), its record must pass every check,
// and each GBK copy (enc/gbk/) must give the record of its UTF-8 page. Prints one line per
// problem and a closing "N passed, N failed".
//   corpus_check CORPUS_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/page.hpp"
#include "fetch/charset.hpp"
#include "tables/html.hpp"

namespace fs = std::filesystem;
using namespace zfxxgk;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

using Grid = std::vector<std::vector<std::string>>;

// Covered slots take their origin's text, as the truth files write spans.
Grid expand(const tables::Grid& g) {
    Grid out;
    for (const auto& row : g.rows) {
        std::vector<std::string> r;
        for (const auto& s : row.slots) {
            if (s.kind == tables::SlotKind::covered && s.origin_row >= 0) {
                r.push_back(g.rows[static_cast<std::size_t>(s.origin_row)].slots[static_cast<std::size_t>(s.origin_col)].text);
            } else {
                r.push_back(s.text);
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

// Cell text compares without whitespace: a header written 商业<br>企业 is the truth's 商业企业.
std::string squash(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != '\n' && c != ' ') out.push_back(c);
    }
    return out;
}

bool same(const Grid& a, const nlohmann::json& truth, std::string& why) {
    if (a.size() != truth.size()) {
        why = std::to_string(a.size()) + " rows, truth " + std::to_string(truth.size());
        return false;
    }
    for (std::size_t r = 0; r < a.size(); ++r) {
        if (a[r].size() != truth[r].size()) {
            why = "row " + std::to_string(r) + ": " + std::to_string(a[r].size()) + " slots, truth " + std::to_string(truth[r].size());
            return false;
        }
        for (std::size_t c = 0; c < a[r].size(); ++c) {
            if (squash(a[r][c]) != squash(truth[r][c].get<std::string>())) {
                why = "row " + std::to_string(r) + " col " + std::to_string(c) + ": \"" + a[r][c] + "\", truth \"" +
                      truth[r][c].get<std::string>() + "\"";
                return false;
            }
        }
    }
    return true;
}

extractor::Record record_of(const std::string& bytes, const std::string& name) {
    const fetch::Decoded d = fetch::decode_to_utf8(bytes);
    extractor::Source source;
    source.path = name;
    source.sha256 = extractor::sha256_hex(bytes);
    source.encoding = d.encoding;
    return extractor::extract_html(d.text, source);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: corpus_check CORPUS_DIR\n");
        return 2;
    }
    const fs::path root = argv[1];
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(root / "pages")) pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    int passed = 0, failed = 0;
    for (const auto& page : pages) {
        const std::string name = page.stem().string();
        const std::string bytes = read(page);
        const auto truth = nlohmann::json::parse(read(root / "truth" / (name + ".json")));
        const fetch::Decoded d = fetch::decode_to_utf8(bytes);
        const tables::Document doc = tables::parse_html(d.text);
        const extractor::PageLayout layout = extractor::find_body(doc);
        std::vector<std::size_t> body;
        for (std::size_t t = 0; t < doc.tables.size(); ++t) {
            if (layout.roles[t] == extractor::TableRole::body) body.push_back(t);
        }
        std::vector<std::string> problems;
        if (body.size() != 3) {
            problems.push_back(std::to_string(body.size()) + " body tables, want 3 (" + std::to_string(doc.tables.size()) + " in all)");
        } else {
            for (int n = 0; n < 3; ++n) {
                std::string why;
                if (!same(expand(doc.tables[body[static_cast<std::size_t>(n)]]), truth["table" + std::to_string(n + 2)], why)) {
                    problems.push_back("table " + std::to_string(n + 2) + ": " + why);
                }
            }
        }
        const extractor::Record rec = extractor::extract_document(doc, extractor::Source{});
        if (rec.template_id != "2021") problems.push_back("template " + rec.template_id);
        int failing = 0;
        for (const auto& c : rec.checks) failing += c.status != extractor::CheckStatus::pass;
        if (failing > 0 || rec.checks.size() != 42) {
            problems.push_back(std::to_string(failing) + " of " + std::to_string(rec.checks.size()) + " checks do not pass");
        }
        for (const auto& v : rec.values) {
            if (!v.number) {
                problems.push_back("no value for " + v.path);
                break;
            }
        }
        const fs::path gbk = root / "enc" / "gbk" / page.filename();
        if (fs::exists(gbk)) {
            const auto a = record_of(read(gbk), name);
            if (a.source.encoding != "GB18030") problems.push_back("GBK copy decoded as " + a.source.encoding);
            for (std::size_t i = 0; i < a.values.size() && i < rec.values.size(); ++i) {
                if (a.values[i].number != rec.values[i].number) {
                    problems.push_back("GBK copy differs at " + a.values[i].path);
                    break;
                }
            }
        }
        if (problems.empty()) {
            ++passed;
        } else {
            ++failed;
            for (const auto& p : problems) std::printf("%s: %s\n", name.c_str(), p.c_str());
        }
    }
    std::printf("corpus: %d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
