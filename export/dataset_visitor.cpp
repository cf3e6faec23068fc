#include "export/dataset_visitor.hpp"

namespace zfxxgk::exporting {

const char* to_string(CheckScope s) { return s == CheckScope::report ? "report" : "panel"; }

const char* to_string(CheckOutcome s) {
    switch (s) {
        case CheckOutcome::pass: return "pass";
        case CheckOutcome::fail: return "fail";
        case CheckOutcome::not_assessable: return "not_assessable";
        case CheckOutcome::differs: return "differs";
        case CheckOutcome::missing: return "missing";
    }
    return "not_assessable";
}

}  // namespace zfxxgk::exporting
