#include "cli/labels_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "extractor/template.hpp"

namespace zfxxgk::cli {
namespace {

struct LabelsOptions {
    std::string template_id;  // empty: all
    std::string format = "tsv";
};

int run_labels(const LabelsOptions& opt) {
    const bool md = opt.format == "markdown";
    for (const extractor::TemplateSpec* t : extractor::all_templates()) {
        if (!opt.template_id.empty() && opt.template_id != t->id) continue;
        if (md) {
            std::cout << "\n### Template " << t->id << " (" << t->notice << ")\n\n"
                      << "| path | table | row label | column label |\n|---|---|---|---|\n";
        }
        for (const auto& table : t->tables) {
            for (const auto& row : table.rows) {
                for (const auto& col : table.column_sets[static_cast<std::size_t>(row.column_set)]) {
                    const std::string path = std::string(table.object) + "." + std::string(row.path) + "." + std::string(col.key);
                    if (md) {
                        std::cout << "| `" << path << "` | " << table.section_zh << " | " << row.label << " | " << col.label << " |\n";
                    } else {
                        std::cout << t->id << '\t' << path << '\t' << table.section_zh << '\t' << row.label << '\t' << col.label << '\n';
                    }
                }
            }
        }
    }
    return kExitOk;
}

}  // namespace

Command labels_command() {
    return Command{"labels", "Print the label dictionary: canonical paths and their official Chinese labels",
                   [](CLI::App& sub) -> std::function<int()> {
                       auto opt = std::make_shared<LabelsOptions>();
                       sub.add_option("--template", opt->template_id, "Only this template")
                           ->check(CLI::IsMember({"2021", "2019"}));
                       sub.add_option("--format", opt->format, "tsv (default) or markdown")
                           ->check(CLI::IsMember({"tsv", "markdown"}));
                       return [opt] { return run_labels(*opt); };
                   }};
}

}  // namespace zfxxgk::cli
