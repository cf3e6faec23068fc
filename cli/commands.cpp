#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/export_command.hpp"
#include "cli/crawl_command.hpp"
#include "cli/extract_command.hpp"
#include "cli/labels_command.hpp"
#include "cli/validate_command.hpp"

namespace zfxxgk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        crawl_command(),
        extract_command(),
        labels_command(),
        export_command(),
        validate_command(),
    };
    return list;
}

int run(int argc, char** argv) {
    CLI::App app{"zfxxgk: government information-disclosure annual reports -> research dataset"};
    app.set_version_flag("--version", std::string("zfxxgk ") + ZFXXGK_VERSION);
    app.require_subcommand(1);
    std::function<int()> selected;
    for (const auto& command : commands()) {
        CLI::App* sub = app.add_subcommand(command.name, command.summary);
        auto runner = std::make_shared<std::function<int()>>();
        *runner = command.setup(*sub);
        sub->callback([&selected, runner] { selected = *runner; });
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (!selected) {
        std::cerr << app.help();
        return kExitUsage;
    }
    return selected();
}

}  // namespace zfxxgk::cli
