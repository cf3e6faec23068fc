#pragma once
#include "cli/commands.hpp"

namespace zfxxgk::cli {

// `zfxxgk export DIR --format csv|jsonl|sqlite -o OUT [--labels en|zh] [--excel] [--agency-map FILE]`:
// a dataset directory → research tables; `--dictionary` prints the data dictionary.
Command export_command();

}  // namespace zfxxgk::cli
