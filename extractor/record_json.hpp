#pragma once
// The record as JSON text (schema version 1). The only place that knows the JSON layout.
#include <string>

#include "extractor/record.hpp"

namespace zfxxgk::extractor {

enum class JsonLayout : std::uint8_t { compact, pretty };

std::string to_json(const Record& record, JsonLayout layout = JsonLayout::compact);

// The extractor version written into records.
const char* extractor_version();

}  // namespace zfxxgk::extractor
