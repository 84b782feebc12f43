// ridgeworks-cli: the workbench without a window, for batch work, scripts and CI.
#include "Commands.h"
#include "ridgeworks/common/Error.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"Ridgeworks — fingerprint reconstruction workbench (command line)",
                 "ridgeworks-cli"};
    app.set_version_flag("--version", std::string("ridgeworks-cli ") + RIDGEWORKS_VERSION);
    app.require_subcommand(1);

    int exitCode = 0;
    rw::cli::addSynthCommand(app, exitCode);
    rw::cli::addInfoCommand(app, exitCode);
    rw::cli::addDamageCommand(app, exitCode);
    std::string commandLine = "ridgeworks-cli";
    for (int i = 1; i < argc; ++i)
        commandLine += std::string(" ") + argv[i];
    rw::cli::addTrainCommand(app, exitCode, commandLine);
    rw::cli::addBenchCommand(app, exitCode);
    rw::cli::addModelCardCommand(app, exitCode);
    rw::cli::addModelsCommand(app, exitCode);
    rw::cli::addReconstructCommand(app, exitCode);
    rw::cli::addEvalCommand(app, exitCode);
    rw::cli::addCaseCommand(app, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 prints the message (or --help/--version) and has its own codes (100+);
        // scripts expect the usual 2 for a usage error.
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const rw::Error& e) {
        std::cerr << "ridgeworks-cli: " << e.what() << '\n';
        return e.kind() == rw::ErrorKind::Cancelled ? 130 : 1;
    } catch (const std::exception& e) {
        std::cerr << "ridgeworks-cli: unexpected error: " << e.what() << '\n';
        return 1;
    }
    return exitCode;
}
