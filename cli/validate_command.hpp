#pragma once
#include "cli/commands.hpp"

namespace zfxxgk::cli {

// `zfxxgk validate DIR [--json] [--agency-map FILE]`: failed checks of a dataset directory,
// per report and across years; exit 1 when any fails.
Command validate_command();

}  // namespace zfxxgk::cli
