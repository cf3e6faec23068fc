#include "extractor/extract.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "extractor/align.hpp"
#include "extractor/checks.hpp"
#include "extractor/metadata.hpp"
#include "extractor/normalize.hpp"
#include "extractor/page.hpp"
#include "extractor/prose.hpp"
#include "extractor/record_tables.hpp"
#include "extractor/template.hpp"
#include "tables/cell_value.hpp"
#include "tables/html.hpp"
#include "tables/html_fast.hpp"

namespace zfxxgk::extractor {
namespace {

constexpr std::array<const char*, 6> kSectionNumerals = {"一", "二", "三", "四", "五", "六"};
constexpr int kMinTableScore = 3;

// A line that is a date and nothing else: digits, separators, 年/月/日, spaces.
bool only_date(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.' || c == ' ') {
            ++i;
        } else if (line.substr(i, 3) == "年" || line.substr(i, 3) == "月" || line.substr(i, 3) == "日") {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

// "六、存在的主要问题" → "六": the numeral a section heading starts with.
std::string heading_numeral(std::string_view heading) {
    static constexpr std::array<std::string_view, 10> kNumerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::string out;
    heading = tables::trim_cell(heading);
    for (bool more = true; more;) {
        more = false;
        for (auto n : kNumerals) {
            if (heading.substr(0, n.size()) == n) {
                out += n;
                heading.remove_prefix(n.size());
                more = true;
                break;
            }
        }
    }
    return out;
}

struct Sections {
    std::vector<int> of_table;  // section index per document table, -1 before any heading
    std::vector<std::string> numeral_of_table;  // the numeral of the heading the table stands under (一…十), as the page writes it
    std::array<std::optional<std::string>, 6> text;
    std::optional<std::string> signed_on;  // the date under the report's signature, YYYY-MM-DD
    int headings = 0;
    bool template_outline = false;  // 三、收到和处理…申请情况: the national templates' outline
    bool freeform_outline = false;  // 概述 / 依申请公开…: the pre-2019 outline
};

Sections read_sections(const tables::Document& doc, std::size_t body_end) {
    Sections s;
    s.of_table.assign(doc.tables.size(), -1);
    s.numeral_of_table.assign(doc.tables.size(), std::string());
    std::string numeral;
    int current = -1;
    std::array<std::vector<const std::string*>, 6> paragraphs;
    for (std::size_t i = 0; i < body_end && i < doc.blocks.size(); ++i) {
        const auto& b = doc.blocks[i];
        if (b.kind == tables::BlockKind::table) {
            s.of_table[b.table] = current;
            s.numeral_of_table[b.table] = numeral;
            continue;
        }
        if (const int sec = section_of_heading(b.text); sec >= 0) {
            current = sec;
            numeral = heading_numeral(b.text);
            ++s.headings;
            if (!s.text[static_cast<std::size_t>(sec)]) s.text[static_cast<std::size_t>(sec)] = std::string();
            const std::string n = normalize_label(b.text);
            if (n.find("收到和处理") != std::string::npos) s.template_outline = true;
            if (n.find("概述") != std::string::npos || n.find("依申请公开") != std::string::npos) s.freeform_outline = true;
            continue;
        }
        if (current < 0) continue;
        paragraphs[static_cast<std::size_t>(current)].push_back(&b.text);
    }
    // The signature closing the report ("高平市人民政府办公室" / "2024年1月20日") is not part of
    // its last section; its date is when the report was signed.
    for (std::size_t sec = paragraphs.size(); sec-- > 0;) {
        auto& list = paragraphs[sec];
        if (list.empty()) continue;
        if (list.back()->size() <= 30) {
            if (auto date = parse_date(*list.back()); date && only_date(*list.back())) {
                s.signed_on = date;
                list.pop_back();
                if (!list.empty() && list.back()->size() <= 90 && list.back()->find("。") == std::string::npos &&
                    list.back()->find("，") == std::string::npos && list.back()->find(',') == std::string::npos) {
                    list.pop_back();
                }
            }
        }
        break;
    }
    for (std::size_t sec = 0; sec < paragraphs.size(); ++sec) {
        for (const std::string* p : paragraphs[sec]) {
            auto& text = *s.text[sec];
            if (!text.empty()) text += '\n';
            text += *p;
        }
    }
    return s;
}

// Which template's version of a table the labels show: the one with more marker labels; the
// 2021 table 3 is told by its split （六）其他处理 rows, and the 2019 one by their absence.
const TemplateSpec* decide_table_template(int number, const ReadDocument& doc, const std::vector<int>& doc_tables) {
    if (doc_tables.empty()) return nullptr;
    int best = 0;
    const TemplateSpec* winner = nullptr;
    bool tie = false;
    for (const TemplateSpec* t : all_templates()) {
        const TableSpec& spec = t->tables[static_cast<std::size_t>(number - 2)];
        if (spec.markers.empty()) continue;
        int count = 0;
        for (int d : doc_tables) count += marker_count(spec, doc.tables[static_cast<std::size_t>(d)]);
        if (count > best) {
            best = count;
            winner = t;
            tie = false;
        } else if (count == best && count > 0) {
            tie = true;
        }
    }
    if (tie) return nullptr;
    if (number == 3 && winner == nullptr) {
        // no split （六） rows: the 2019 single row, if （六）其他处理 is there with values of its own
        const TableSpec& spec19 = template_2019().tables[1];
        AlignResult probe = align_table(spec19, doc, doc_tables, false);
        for (const auto& v : probe.values) {
            if (v.path == "applications.outcomes.other.unsplit.total" && v.status != ValueStatus::missing) {
                return &template_2019();
            }
        }
    }
    return winner;
}

Warning place_warning(const PendingWarning& w, const std::vector<BuiltTable>& built, const std::vector<int>& record_index) {
    Warning out{w.code, w.message, -1, -1};
    if (w.at) {
        out.table = record_index[static_cast<std::size_t>(w.at->table)];
        out.row = built[static_cast<std::size_t>(w.at->table)].places[static_cast<std::size_t>(w.at->row)]
                      [static_cast<std::size_t>(w.at->slot)].row;
    }
    return out;
}

// A hostile or broken page can repeat one problem thousands of times: each code is kept at most
// kWarningsPerCode times, and one `warnings_truncated` warning counts the rest.
constexpr std::size_t kWarningsPerCode = 20;

void cap_warnings(std::vector<Warning>& warnings) {
    std::map<std::string, std::size_t> seen;
    std::vector<Warning> kept;
    for (auto& w : warnings) {
        if (++seen[w.code] <= kWarningsPerCode) kept.push_back(std::move(w));
    }
    std::string dropped;
    for (const auto& [code, n] : seen) {
        if (n > kWarningsPerCode) dropped += (dropped.empty() ? "" : ", ") + code + " ×" + std::to_string(n - kWarningsPerCode);
    }
    if (!dropped.empty()) kept.push_back({"warnings_truncated", "more warnings of the same codes were left out: " + dropped, -1, -1});
    warnings = std::move(kept);
}

}  // namespace

tables::TextOptions text_options() {
    tables::TextOptions o;
    o.is_heading = [](std::string_view line) { return section_of_heading(line) >= 0; };
    return o;
}

namespace {

// Title, agency, year and date: the report's own words first, the portal's metadata table
// second, the closing signature last.
void read_identity(Record& rec, const tables::Document& doc, const PageLayout& page, const Sections& sections) {
    const Metadata meta = read_metadata(doc);
    rec.title = meta.title;
    rec.published = meta.published ? meta.published : page.date ? page.date : sections.signed_on;
    if (auto agency = meta.agency_as_written ? meta.agency_as_written : page.issuer) {
        rec.agency_as_written = agency;
        rec.agency = normalize_name(*agency);
    }
    rec.year = meta.title_year ? meta.title_year : meta.period_year;
    if (meta.title_year && meta.period_year && *meta.title_year != *meta.period_year) {
        rec.warnings.push_back({"year_conflict", "the title says " + std::to_string(*meta.title_year) +
                                                     ", the statistics period " + std::to_string(*meta.period_year) +
                                                     "; the title's year is used", -1, -1});
    }
    if (!rec.year) rec.warnings.push_back({"year_missing", "neither the title nor a 统计期限 sentence names the year reported on", -1, -1});
    if (!rec.agency) rec.warnings.push_back({"agency_missing", "no title naming the issuing body was found", -1, -1});
}

// Which body tables are which template table (2, 3, 4 → index 0, 1, 2), by their labels.
std::array<std::vector<int>, 3> assign_tables(const ReadDocument& read, const PageLayout& page) {
    std::array<std::vector<int>, 3> assigned;
    for (std::size_t t = 0; t < read.doc.tables.size(); ++t) {
        if (page.roles[t] != TableRole::body) continue;
        int best = 0, best_table = -1;
        for (const TemplateSpec* tpl : all_templates()) {
            for (const auto& spec : tpl->tables) {
                const int score = match_score(spec, read.tables[t]);
                if (score > best) {
                    best = score;
                    best_table = spec.number;
                }
            }
        }
        if (best >= kMinTableScore) assigned[static_cast<std::size_t>(best_table - 2)].push_back(static_cast<int>(t));
    }
    return assigned;
}

// Table 2 written as sentences in section 二; nullopt when no clause names a count.
std::optional<AlignResult> prose_table2(const TableSpec& spec, const std::string& section_text, Record& rec) {
    AlignResult prose = missing_table(spec);
    std::string read;
    for (const auto& p : read_prose_table2(spec, section_text)) {
        for (auto& v : prose.values) {
            if (v.path != p.path) continue;
            v.status = ValueStatus::prose;
            v.number = p.number;
            v.raw = p.clause;
            v.unit = p.unit;
        }
        read += (read.empty() ? "" : ", ") + p.path.substr(p.path.find('.') + 1);
    }
    if (read.empty()) return std::nullopt;
    rec.warnings.push_back({"value_from_prose", "table 2 is stated in prose; read from its sentences: " + read, -1, -1});
    return prose;
}

struct Alignment {
    std::vector<AlignResult> results;      // tables 2, 3, 4
    std::array<const TableSpec*, 3> used{};
    std::vector<std::vector<SlotRef>> value_slots, label_slots;  // per document table
};

// The template of each table, then each table aligned to it (or read from prose, or missing).
Alignment align_report(Record& rec, const ReadDocument& read, const std::array<std::vector<int>, 3>& assigned,
                       const PageLayout& page, const Sections& sections) {
    const tables::Document& doc = read.doc;
    Alignment out;
    out.value_slots.resize(doc.tables.size());
    out.label_slots.resize(doc.tables.size());
    const TemplateSpec* t2 = decide_table_template(2, read, assigned[0]);
    const TemplateSpec* t3 = decide_table_template(3, read, assigned[1]);
    const TemplateSpec* overall = t2 != nullptr ? t2 : t3;
    if (overall == nullptr) {
        overall = &template_2021();
        rec.warnings.push_back({"template_inferred",
                                "no label tells the 2019 template from the 2021 one; the 2021 template is assumed", -1, -1});
    }
    if (t2 != nullptr && t3 != nullptr && t2 != t3) {
        rec.warnings.push_back({"template_mixed", "table 2 follows the " + std::string(t2->id) + " template and table 3 the " +
                                                      std::string(t3->id) + " template; each is read with its own", -1, -1});
    }
    rec.template_id = std::string(overall->id);
    const std::array<const TemplateSpec*, 3> per_table = {t2 ? t2 : overall, t3 ? t3 : overall, overall};
    // a document cut inside its last body table
    const std::size_t body_end = std::min(page.body_end, doc.blocks.size());
    const std::size_t last_block_table =
        body_end > 0 && doc.blocks[body_end - 1].kind == tables::BlockKind::table ? doc.blocks[body_end - 1].table : doc.tables.size();
    for (std::size_t n = 0; n < 3; ++n) {
        const TableSpec& spec = per_table[n]->tables[n];
        out.used[n] = &spec;
        if (assigned[n].empty()) {
            if (n == 0 && sections.text[1]) {
                if (auto prose = prose_table2(spec, *sections.text[1], rec)) {
                    out.results.push_back(std::move(*prose));
                    continue;
                }
            }
            out.results.push_back(missing_table(spec));
            rec.warnings.push_back({"table_missing", "table " + std::to_string(spec.number) + " (" +
                                                         std::string(kSectionNumerals[static_cast<std::size_t>(spec.number - 1)]) +
                                                         ") was not found in the document", -1, -1});
            continue;
        }
        const bool truncated = static_cast<std::size_t>(assigned[n].back()) == last_block_table;
        out.results.push_back(align_table(spec, read, assigned[n], truncated));
        for (const auto& r : out.results.back().value_slots) out.value_slots[static_cast<std::size_t>(r.table)].push_back(r);
        for (const auto& r : out.results.back().row_label_slots) out.label_slots[static_cast<std::size_t>(r.table)].push_back(r);
    }
    return out;
}

// Values, warnings and unplaced cells with their places in the record's own tables.
void place_results(Record& rec, std::vector<AlignResult>& results, const std::vector<BuiltTable>& built,
                   const std::vector<int>& record_index) {
    const auto place = [&](const SlotRef& at) -> const SlotPlace& {
        return built[static_cast<std::size_t>(at.table)].places[static_cast<std::size_t>(at.row)][static_cast<std::size_t>(at.slot)];
    };
    for (auto& result : results) {
        for (auto& v : result.values) {
            Value value;
            value.path = std::move(v.path);
            value.number = v.number;
            value.provenance.raw = std::move(v.raw);
            value.provenance.status = v.status;
            value.provenance.inferred = v.inferred;
            value.provenance.unit = std::move(v.unit);
            if (v.at) {
                value.provenance.table = record_index[static_cast<std::size_t>(v.at->table)];
                value.provenance.row = place(*v.at).row;
                value.provenance.col = place(*v.at).col;
            }
            rec.values.push_back(std::move(value));
        }
        for (const auto& w : result.warnings) rec.warnings.push_back(place_warning(w, built, record_index));
        for (const auto& u : result.unplaced) {
            rec.unplaced.push_back({record_index[static_cast<std::size_t>(u.at.table)], place(u.at).row, place(u.at).col, u.raw, u.reason});
        }
    }
}

}  // namespace

Record extract_document(const tables::Document& doc, Source source, std::vector<Warning> input_warnings) {
    Record rec;
    rec.source = std::move(source);
    rec.warnings = std::move(input_warnings);

    const PageLayout page = find_body(doc);
    const Sections sections = read_sections(doc, page.body_end);
    rec.sections = sections.text;
    read_identity(rec, doc, page, sections);

    const ReadDocument read = read_cells(doc);
    const std::array<std::vector<int>, 3> assigned = assign_tables(read, page);
    const bool any_table = std::any_of(assigned.begin(), assigned.end(), [](const auto& v) { return !v.empty(); });
    Alignment alignment;
    if (any_table) {
        alignment = align_report(rec, read, assigned, page, sections);
    } else {
        alignment.value_slots.resize(doc.tables.size());
        alignment.label_slots.resize(doc.tables.size());
        rec.template_id = sections.freeform_outline && !sections.template_outline ? "freeform" : "unknown";
        if (rec.template_id == "unknown" && sections.template_outline) {
            rec.warnings.push_back({"table_missing", "the report follows a national template's outline but none of its tables was found", -1, -1});
        }
    }

    // The record's tables: every table of the report body, with the places of its slots.
    std::vector<BuiltTable> built(doc.tables.size());
    std::vector<int> record_index(doc.tables.size(), -1);
    int listed = 0;
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
        if (page.roles[t] != TableRole::body) continue;
        record_index[t] = listed;
        const bool aligned = std::any_of(assigned.begin(), assigned.end(), [&](const std::vector<int>& a) {
            return std::find(a.begin(), a.end(), static_cast<int>(t)) != a.end();
        });
        built[t] = build_record_table(doc.tables[t], read.tables[t], listed++, alignment.value_slots[t], alignment.label_slots[t],
                                      aligned ? LabelExtent::until_value : LabelExtent::first_cell);
        if (!sections.numeral_of_table[t].empty()) built[t].table.section = sections.numeral_of_table[t];
    }
    place_results(rec, alignment.results, built, record_index);
    for (const auto& d : doc.diagnostics) {
        rec.warnings.push_back({d.code, "line " + std::to_string(d.pos.line) + ": " + d.message, -1, -1});
    }
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
        if (record_index[t] >= 0) rec.tables.push_back(std::move(built[t].table));
    }
    cap_warnings(rec.warnings);
    if (any_table) rec.checks = run_checks(rec, alignment.used[1], alignment.used[2]);
    return rec;
}

Record extract_text(std::string_view utf8_text, Source source, std::vector<Warning> input_warnings) {
    const tables::Document doc = tables::parse_text(utf8_text, text_options());
    source.form = "text";
    return extract_document(doc, std::move(source), std::move(input_warnings));
}

Record extract_html(std::string_view utf8_html, Source source, std::vector<Warning> input_warnings) {
    // The fast path gives parse_html's Document, or nothing when the markup needs gumbo.
    std::optional<tables::Document> doc = tables::parse_html_fast(utf8_html);
    if (!doc) doc = tables::parse_html(utf8_html);
    source.form = "html";
    return extract_document(*doc, std::move(source), std::move(input_warnings));
}

namespace {

// Whether `s` starts with `lower_prefix` (lowercase ASCII), ignoring ASCII case.
bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[i]) return false;
    }
    return true;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    std::size_t i = head.rfind("\xef\xbb\xbf", 0) == 0 ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i < head.size() && head[i] == '<') {
        const std::string_view rest = head.substr(i + 1);
        for (std::string_view start : {"!doctype", "!--", "html", "head", "meta", "body", "table", "div", "title", "?xml"}) {
            if (starts_with_nocase(rest, start)) return true;
        }
    }
    // a tag further in; memchr finds the candidates
    for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
        const std::string_view rest = head.substr(at + 1);
        if (starts_with_nocase(rest, "html") || starts_with_nocase(rest, "body") || starts_with_nocase(rest, "table")) return true;
    }
    return false;
}

}  // namespace zfxxgk::extractor
