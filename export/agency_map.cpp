#include "export/agency_map.hpp"

#include <fstream>

namespace zfxxgk::exporting {
namespace {

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view AgencyMap::id_for(std::string_view name) const {
    if (ids_.empty()) return name;
    const auto it = ids_.find(name);
    return it == ids_.end() ? name : std::string_view(it->second);
}

bool AgencyMap::add(std::string variant, std::string id) {
    const auto [it, inserted] = ids_.emplace(std::move(variant), id);
    return inserted || it->second == id;
}

AgencyMapLoad load_agency_map(const std::filesystem::path& file) {
    AgencyMapLoad out;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        out.error = file.string() + ": cannot be read; give a TSV file of `name variant<TAB>agency id` lines";
        return out;
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from Excel
        const std::string_view body = trim(line);
        if (body.empty() || body.front() == '#') continue;
        const std::size_t tab = body.find('\t');
        const std::string where = file.string() + ":" + std::to_string(number) + ": ";
        if (tab == std::string_view::npos) {
            out.error = where + "no tab: each line is `name variant<TAB>agency id`";
            return out;
        }
        const std::string_view variant = trim(body.substr(0, tab));
        const std::string_view id = trim(body.substr(tab + 1));
        if (variant.empty() || id.empty() || id.find('\t') != std::string_view::npos) {
            out.error = where + "each line is `name variant<TAB>agency id`, both non-empty";
            return out;
        }
        if (!out.map.add(std::string(variant), std::string(id))) {
            out.error = where + "\"" + std::string(variant) + "\" already maps to another agency id";
            return out;
        }
    }
    return out;
}

}  // namespace zfxxgk::exporting
