#include "extractor/page.hpp"

#include <array>
#include <cstdio>

#include "extractor/metadata.hpp"
#include "tables/cell_value.hpp"

namespace zfxxgk::extractor {
namespace {

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Where a portal page's report body ends: share and print bars, related links, footers.
constexpr std::array<std::string_view, 16> kFooterMarks = {
    "版权所有", "主办单位", "ICP备", "网站标识码", "技术支持", "承办单位", "網站標識碼", "版權所有",
    "分享到", "打印本页", "关闭窗口", "相关链接", "上一篇", "下一篇", "【打印】", "【关闭】"};
constexpr std::array<std::string_view, 4> kIssuerLabels = {"发布机构", "发文机关", "發布機構", "發文機關"};
constexpr std::array<std::string_view, 6> kDateLabels = {"发文日期", "发布日期", "成文日期", "發文日期", "發布日期", "成文日期"};

bool is_footer(std::string_view text) {
    if (text.size() > 600) return false;
    for (auto m : kFooterMarks) {
        if (contains(text, m)) return true;
    }
    return false;
}

// "发布机构：高平市人民政府办公室" or a label cell followed by its value cell.
std::optional<std::string> labelled_value(const std::vector<std::string_view>& cells, std::size_t i,
                                          std::string_view label) {
    const std::string_view c = cells[i];
    const auto at = c.find(label);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = c.substr(at + label.size());
    for (;;) {
        rest = tables::trim_cell(rest);
        if (starts_with(rest, "：")) {
            rest.remove_prefix(3);
        } else if (starts_with(rest, ":")) {
            rest.remove_prefix(1);
        } else {
            break;
        }
    }
    if (!rest.empty()) return std::string(rest);
    if (i + 1 < cells.size() && !tables::trim_cell(cells[i + 1]).empty()) return std::string(tables::trim_cell(cells[i + 1]));
    return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view s) {
    s = tables::trim_cell(s);
    int parts[3] = {0, 0, 0};
    std::size_t i = 0;
    for (int p = 0; p < 3; ++p) {
        std::size_t digits = 0;
        while (i < s.size() && is_digit(s[i]) && digits < 4) {
            parts[p] = parts[p] * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || (p == 0 && digits != 4)) return std::nullopt;
        if (p == 2) break;
        if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
            ++i;
        } else if (starts_with(s.substr(i), "年") || starts_with(s.substr(i), "月")) {
            i += 3;
        } else {
            return std::nullopt;
        }
    }
    if (parts[0] < 1990 || parts[0] > 2099 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31) {
        return std::nullopt;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    return std::string(buf);
}

PageLayout find_body(const tables::Document& doc) {
    PageLayout page;
    page.roles.assign(doc.tables.size(), TableRole::body);
    for (const auto& g : doc.tables) {
        if (g.parent >= 0 && static_cast<std::size_t>(g.parent) < page.roles.size()) {
            page.roles[static_cast<std::size_t>(g.parent)] = TableRole::layout;
        }
    }
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
        if (page.roles[t] != TableRole::body) continue;
        // A metadata table is small: a report table is never one, and is not searched.
        constexpr std::size_t kMaxMetadataCells = 24;
        std::size_t origins = 0;
        for (const auto& row : doc.tables[t].rows) {
            for (const auto& s : row.slots) origins += s.kind == tables::SlotKind::origin ? 1 : 0;
        }
        if (origins > kMaxMetadataCells) continue;
        std::vector<std::string_view> cells;
        for (const auto& row : doc.tables[t].rows) {
            for (const auto& s : row.slots) {
                if (s.kind == tables::SlotKind::origin) cells.push_back(s.text);
            }
        }
        bool index_number = false;
        for (const auto& c : cells) index_number = index_number || contains(c, "索引号") || contains(c, "索引號");
        std::optional<std::string> issuer, date;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            for (auto l : kIssuerLabels) {
                if (!issuer) issuer = labelled_value(cells, i, l);
            }
            for (auto l : kDateLabels) {
                if (!date) {
                    if (auto v = labelled_value(cells, i, l)) date = parse_date(*v);
                }
            }
        }
        if (index_number || (issuer && date)) {
            page.roles[t] = TableRole::metadata;
            if (!page.issuer) page.issuer = issuer;
            if (!page.date) page.date = date;
        }
    }
    // Before the first section heading: navigation and page tables, unless the report has no
    // section headings at all.
    std::size_t first_section = doc.blocks.size();
    std::size_t last_content = 0;
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
        const auto& block = doc.blocks[b];
        const bool section = block.kind != tables::BlockKind::table && section_of_heading(block.text) >= 0;
        if (section && first_section == doc.blocks.size()) first_section = b;
        if (section || (block.kind == tables::BlockKind::table && page.roles[block.table] == TableRole::body)) {
            last_content = b;
        }
    }
    for (std::size_t b = 0; b < first_section && first_section < doc.blocks.size(); ++b) {
        const auto& block = doc.blocks[b];
        if (block.kind == tables::BlockKind::table && page.roles[block.table] == TableRole::body) {
            page.roles[block.table] = TableRole::chrome;
        }
    }
    // The footer: the first footer mark after the last section heading or body table.
    page.body_end = doc.blocks.size();
    for (std::size_t b = last_content; b < doc.blocks.size(); ++b) {
        const auto& block = doc.blocks[b];
        if (block.kind != tables::BlockKind::table && is_footer(block.text)) {
            page.body_end = b;
            break;
        }
    }
    for (std::size_t b = page.body_end; b < doc.blocks.size(); ++b) {
        const auto& block = doc.blocks[b];
        if (block.kind == tables::BlockKind::table && page.roles[block.table] == TableRole::body) {
            page.roles[block.table] = TableRole::chrome;
        }
    }
    return page;
}

}  // namespace zfxxgk::extractor
