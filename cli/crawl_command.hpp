#pragma once
#include "cli/commands.hpp"

namespace zfxxgk::cli {

// `zfxxgk crawl PORTALS.tsv -o DATASET --contact EMAIL [options]`: the nightly crawl
// (docs/cli/crawl.md).
Command crawl_command();

}  // namespace zfxxgk::cli
