#pragma once
// A page's report body among its chrome: which tables belong to the report, which are page
// layout (tables that hold other tables), which are the portal's metadata table (索引号 /
// 发布机构 / 发文日期), and where the body ends (the footer: 版权所有, 主办单位, ICP备 …).
#include <optional>
#include <string>
#include <vector>

#include "tables/document.hpp"

namespace zfxxgk::extractor {

enum class TableRole : std::uint8_t { body, layout, metadata, chrome };

struct PageLayout {
    std::vector<TableRole> roles;       // per document table
    std::size_t body_end = 0;           // blocks at or after this index are footer chrome
    std::optional<std::string> issuer;  // 发布机构 / 发文机关 from the metadata table
    std::optional<std::string> date;    // 发文日期 / 发布日期 / 成文日期 from the metadata table, YYYY-MM-DD
};

PageLayout find_body(const tables::Document& doc);

// "2024-01-20", "2024年1月20日", "2024/01/20" at the start of `s` → "2024-01-20".
std::optional<std::string> parse_date(std::string_view s);

}  // namespace zfxxgk::extractor
