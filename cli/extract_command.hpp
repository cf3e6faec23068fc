#pragma once
#include "cli/commands.hpp"

namespace zfxxgk::cli {

// `zfxxgk extract FILE... [-o DIR] [--pretty] [--max-bytes N]`: saved pages → records.
Command extract_command();

}  // namespace zfxxgk::cli
