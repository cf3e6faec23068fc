#include "cli/commands.hpp"

int main(int argc, char** argv) { return zfxxgk::cli::run(argc, argv); }
