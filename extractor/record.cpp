#include "extractor/record.hpp"

#include <algorithm>

namespace zfxxgk::extractor {

const Value* Record::find(std::string_view path) const {
    auto it = std::find_if(values.begin(), values.end(), [&](const Value& v) { return v.path == path; });
    return it == values.end() ? nullptr : &*it;
}

bool Record::has_failed_check() const {
    return std::any_of(checks.begin(), checks.end(), [](const Check& c) { return c.status == CheckStatus::fail; });
}

const char* to_string(ValueStatus s) {
    switch (s) {
        case ValueStatus::number: return "number";
        case ValueStatus::blank: return "blank";
        case ValueStatus::not_applicable: return "not_applicable";
        case ValueStatus::unparsed: return "unparsed";
        case ValueStatus::ambiguous: return "ambiguous";
        case ValueStatus::prose: return "prose";
        case ValueStatus::missing: return "missing";
    }
    return "missing";
}

const char* to_string(CheckStatus s) {
    switch (s) {
        case CheckStatus::pass: return "pass";
        case CheckStatus::fail: return "fail";
        case CheckStatus::not_assessable: return "not_assessable";
    }
    return "not_assessable";
}

}  // namespace zfxxgk::extractor
