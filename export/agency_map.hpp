#pragma once
// Agency identity across years: by exact name, or through a mapping file for renamed bodies.
// The file is TSV, one `name variant<TAB>agency id` per line; blank lines and lines starting
// with '#' are ignored. A name that is no variant is its own id.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zfxxgk::exporting {

class AgencyMap {
public:
    // The id for a record's agency name (as the record has it: normalized).
    [[nodiscard]] std::string_view id_for(std::string_view name) const;
    [[nodiscard]] std::size_t size() const { return ids_.size(); }

    // Adds a variant; returns false when the variant already maps to another id.
    bool add(std::string variant, std::string id);

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> ids_;
};

struct AgencyMapLoad {
    AgencyMap map;
    std::string error;  // non-empty: "FILE:LINE: …", the map cannot be used
};

AgencyMapLoad load_agency_map(const std::filesystem::path& file);

}  // namespace zfxxgk::exporting
