#pragma once
#include "cli/commands.hpp"

namespace zfxxgk::cli {

// `zfxxgk labels [--template ID] [--format tsv|markdown]`: the label dictionary — every
// canonical path with its official Chinese labels, per template (docs/schema.md embeds it).
Command labels_command();

}  // namespace zfxxgk::cli
