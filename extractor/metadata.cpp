#include "extractor/metadata.hpp"

#include <array>

#include "extractor/normalize.hpp"
#include "extractor/page.hpp"
#include "tables/cell_value.hpp"

namespace zfxxgk::extractor {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

constexpr std::array<std::string_view, 6> kNumerals = {"一", "二", "三", "四", "五", "六"};

bool numbered_heading_prefix(std::string_view s) {
    for (auto n : kNumerals) {
        if (!starts_with(s, n)) continue;
        auto rest = tables::trim_cell(s.substr(n.size()));
        return starts_with(rest, "、") || starts_with(rest, ".") || starts_with(rest, "．") || starts_with(rest, ",") ||
               starts_with(rest, "，") || rest.size() < s.size() - n.size();
    }
    return false;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A 4-digit year 1990–2099 at s[i..i+4) followed by 年; returns the year or 0.
int year_at(std::string_view s, std::size_t i) {
    if (i + 4 > s.size() || (i > 0 && is_digit(s[i - 1]))) return 0;
    for (std::size_t k = 0; k < 4; ++k) {
        if (!is_digit(s[i + k])) return 0;
    }
    if (!starts_with(s.substr(i + 4), "年")) return 0;
    const int y = std::stoi(std::string(s.substr(i, 4)));
    return (y >= 1990 && y <= 2099) ? y : 0;
}

// First year written as "2023年" or "二〇二三年" in s; 0 when none. `at` gets its byte offset
// and `end` the offset after 年 (or 年度).
int find_year(std::string_view s, std::size_t* at = nullptr, std::size_t* end = nullptr) {
    static constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (std::size_t i = 0; i < s.size(); ++i) {
        int y = year_at(s, i);
        std::size_t len = 4;
        if (y == 0 && (starts_with(s.substr(i), "二〇") || starts_with(s.substr(i), "二零"))) {
            std::size_t k = i;
            int value = 0;
            int count = 0;
            while (count < 4) {
                bool found = false;
                for (int d = 0; d < 10; ++d) {
                    if (starts_with(s.substr(k), kDigits[static_cast<std::size_t>(d)]) ||
                        (d == 0 && starts_with(s.substr(k), "零"))) {
                        value = value * 10 + d;
                        k += 3;
                        ++count;
                        found = true;
                        break;
                    }
                }
                if (!found) break;
            }
            if (count == 4 && starts_with(s.substr(k), "年") && value >= 1990 && value <= 2099) {
                y = value;
                len = k - i;
            }
        }
        if (y != 0) {
            if (at != nullptr) *at = i;
            if (end != nullptr) {
                std::size_t e = i + len + std::string_view("年").size();
                if (starts_with(s.substr(e), "度")) e += std::string_view("度").size();
                *end = e;
            }
            return y;
        }
    }
    return 0;
}

bool title_like(std::string_view line) {
    return line.size() <= 240 && !contains(line, "。") &&
           (contains(line, "年度报告") || contains(line, "年度報告") || contains(line, "年报") || contains(line, "年報") ||
            ((contains(line, "工作报告") || contains(line, "工作報告")) &&
             (contains(line, "信息公开") || contains(line, "信息公開"))));
}

std::string_view strip_punct(std::string_view s) {
    for (;;) {
        s = tables::trim_cell(s);
        bool changed = false;
        for (std::string_view p : {"：", ":", "，", ",", "《", "》", "\"", "“", "”", "—", "-", "_"}) {
            if (starts_with(s, p)) {
                s.remove_prefix(p.size());
                changed = true;
            }
            if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
                s.remove_suffix(p.size());
                changed = true;
            }
        }
        if (!changed) return s;
    }
}

// The issuing body named in a title: before its year, or between the year and 政府信息公开.
std::optional<std::string> agency_in_title(std::string_view title) {
    std::string_view t = strip_punct(title);
    for (std::string_view p : {"关于", "關於"}) {
        if (starts_with(t, p)) t.remove_prefix(p.size());
    }
    std::size_t topic = std::string_view::npos;
    for (std::string_view k : {"政府信息公开", "政府信息公開", "政务公开", "政務公開", "信息公开", "信息公開"}) {
        topic = std::min(topic, t.find(k));
    }
    std::size_t at = 0, end = 0;
    const int year = find_year(t, &at, &end);
    std::string_view agency;
    if (year != 0 && at > 0 && (topic == std::string_view::npos || at < topic)) {
        agency = t.substr(0, at);
    } else if (year != 0 && at == 0 && topic != std::string_view::npos && topic > end) {
        agency = t.substr(end, topic - end);
    } else if (year == 0 && topic != std::string_view::npos && topic > 0) {
        agency = t.substr(0, topic);
    }
    agency = strip_punct(agency);
    if (agency.size() < 6) return std::nullopt;  // fewer than two CJK characters
    return std::string(agency);
}

// 统计期限 (statistics period): "统计期限自2023年1月1日起至2023年12月31日止" and its variants.
int period_year(std::string_view para) {
    for (std::string_view key : {"统计", "統計"}) {
        std::size_t pos = 0;
        while ((pos = para.find(key, pos)) != std::string_view::npos) {
            pos += key.size();
            const std::string_view window = para.substr(pos, 90);
            std::size_t at = 0, end = 0;
            const int y = find_year(window, &at, &end);
            if (y == 0) continue;
            std::string rest;
            for (char c : window.substr(end, 24)) {
                if (c != ' ') rest.push_back(c);
            }
            if (starts_with(rest, "1月1日") || starts_with(rest, "01月01日") || starts_with(rest, "1月1號")) return y;
        }
    }
    return 0;
}

// "日期:2020-01-30", "发布日期：2024年1月20日", "发布时间: 2024/01/20".
std::optional<std::string> date_after_label(std::string_view line) {
    std::size_t pos = std::string_view::npos;
    for (std::string_view k : {"日期", "时间", "時間"}) {
        pos = std::min(pos, line.find(k));
    }
    if (pos == std::string_view::npos || line.size() > 200) return std::nullopt;
    std::string_view rest = line.substr(pos + 6);
    while (!rest.empty() && !is_digit(rest.front())) {
        if (rest.size() >= 3 && (starts_with(rest, "：") || starts_with(rest, "\xE3\x80\x80"))) {
            rest.remove_prefix(3);
        } else if (rest.front() == ':' || rest.front() == ' ') {
            rest.remove_prefix(1);
        } else {
            return std::nullopt;
        }
    }
    return parse_date(rest);
}

}  // namespace

int section_of_heading(std::string_view line) {
    line = tables::trim_cell(line);
    if (line.size() > 150 || !numbered_heading_prefix(line)) return -1;
    const auto dot = line.find("。");
    if (dot != std::string_view::npos && dot + 3 < line.size()) return -1;
    const std::string n = normalize_label(line);
    if (contains(n, "数量") || contains(n, "结转")) return -1;  // table-3 row labels
    if (contains(n, "复议") || contains(n, "诉讼")) return 3;
    if (contains(n, "主动公开")) return 1;
    if (contains(n, "申请")) return 2;
    if (contains(n, "总体情况") || contains(n, "概述") || contains(n, "概况") || contains(n, "基本情况")) return 0;
    if (contains(n, "问题") || contains(n, "改进")) return 4;
    if (contains(n, "其他") && (contains(n, "报告") || contains(n, "事项"))) return 5;
    return -1;
}

Metadata read_metadata(const tables::Document& doc) {
    Metadata meta;
    const tables::Block* previous = nullptr;
    bool before_sections = true;
    bool title_has_year = false;
    for (const auto& b : doc.blocks) {
        if (b.kind == tables::BlockKind::table) {
            previous = nullptr;
            continue;
        }
        if (b.kind == tables::BlockKind::heading || section_of_heading(b.text) >= 0) before_sections = false;
        if (!meta.period_year) {
            if (int y = period_year(b.text); y != 0) meta.period_year = y;
        }
        if (!before_sections) continue;
        if (!meta.published) meta.published = date_after_label(b.text);
        // The title: the first title-like line naming a year, else the first title-like line
        // (navigation links such as 政府信息公开年报 name none).
        if (title_like(b.text) && (!meta.title || (!title_has_year && find_year(b.text) != 0))) {
            std::string title = b.text;
            // "高平市人民政府办公室" / "2023年政府信息公开工作年度报告" on two lines
            if (!agency_in_title(title) && previous != nullptr && previous->text.size() <= 90 &&
                !contains(previous->text, "。") && find_year(previous->text) == 0 && !title_like(previous->text)) {
                title = previous->text + b.text;
            }
            title_has_year = find_year(title) != 0;
            meta.title = std::move(title);
        }
        previous = &b;
    }
    // <title> of an HTML page, without the portal's name after "_", "-" or "|"
    if ((!meta.title || !title_has_year) && !doc.title.empty() && title_like(doc.title) && find_year(doc.title) != 0) {
        std::string_view t = doc.title;
        for (std::string_view sep : {"_", "|", " - ", "－", "——"}) {
            const auto cut = t.find(sep);
            if (cut != std::string_view::npos && title_like(t.substr(0, cut))) t = t.substr(0, cut);
        }
        meta.title = std::string(tables::trim_cell(t));
    }
    if (meta.title) {
        meta.agency_as_written = agency_in_title(*meta.title);
        if (int y = find_year(*meta.title); y != 0) meta.title_year = y;
    }
    return meta;
}

}  // namespace zfxxgk::extractor
