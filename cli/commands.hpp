#pragma once
// The subcommand registry: every subcommand is one file pair cli/<name>_command.{hpp,cpp}
// that registers itself here; `zfxxgk --help` is generated from this list.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace zfxxgk::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

struct Command {
    std::string name;
    std::string summary;
    // Adds the subcommand's options to `sub` and returns the function that runs it after parsing.
    std::function<std::function<int()>(CLI::App& sub)> setup;
};

const std::vector<Command>& commands();

int run(int argc, char** argv);

}  // namespace zfxxgk::cli
