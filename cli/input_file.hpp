#pragma once
// Reading one input of a subcommand: a file or "-" (standard input), with the failures a user
// must be told about (missing, unreadable, empty, binary, over the size cap) as values.
#include <cstdint>
#include <string>

namespace zfxxgk::cli {

struct InputFile {
    std::string name;   // as given on the command line ("-" for stdin)
    std::string bytes;  // the content, when ok
    std::string error;  // non-empty: why the input cannot be used (without the name)
};

InputFile read_input(const std::string& name, std::uint64_t max_bytes);

}  // namespace zfxxgk::cli
