#pragma once
#include <string>

// Each sub-command registers its options on the app and returns the exit code when run.
namespace CLI {
class App;
}

namespace rw::cli {

void addSynthCommand(CLI::App& app, int& exitCode);
void addInfoCommand(CLI::App& app, int& exitCode);
void addDamageCommand(CLI::App& app, int& exitCode);
// `commandLine` is recorded in the model card so a run can be repeated.
void addTrainCommand(CLI::App& app, int& exitCode, const std::string& commandLine);
void addBenchCommand(CLI::App& app, int& exitCode);
void addModelCardCommand(CLI::App& app, int& exitCode);
void addModelsCommand(CLI::App& app, int& exitCode);
void addReconstructCommand(CLI::App& app, int& exitCode);
void addEvalCommand(CLI::App& app, int& exitCode);
void addCaseCommand(CLI::App& app, int& exitCode);

}  // namespace rw::cli
