// ridgeworks-cli models: which models this installation has and where they are, so lab IT
// can check an install (or a folder of trained models) without opening the workbench.
#include "Commands.h"
#include "ShippedModels.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ModelCatalog.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

nlohmann::json describe(const ModelEntry& entry)
{
    const auto card = nlohmann::json::parse(entry.card.toJson());
    return {{"name", entry.path.stem().string()},
            {"file", entry.path.string()},
            {"shipped", entry.shipped},
            {"architecture", card.value("architecture", "")},
            {"card", card.value("name", "")},
            {"createdUtc", card.value("createdUtc", "")},
            {"weightsSha256", card.value("weightsSha256", "")},
            // The hash a case records for the model it used (compare before trusting a copy).
            {"fileSha256", checkpointSha256(entry.path)}};
}

}  // namespace

void addModelsCommand(CLI::App& app, int& exitCode)
{
    auto folders = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand(
        "models", "List the shipped models (and checkpoints in other folders) with their cards");
    cmd->add_option("--dir", *folders,
                    "Also list the checkpoints (.rwm) in this folder; repeatable");
    cmd->callback([folders, &exitCode] {
        const std::filesystem::path shipped = shippedModelsDir(executableDirectory());
        std::vector<std::filesystem::path> shippedDirs;
        if (!shipped.empty())
            shippedDirs.push_back(shipped);
        const std::vector<std::filesystem::path> userDirs(folders->begin(), folders->end());
        const ModelListing listing = listModels(shippedDirs, userDirs);

        nlohmann::json out = {
            {"shippedDir", nullptr},
            {"models", nlohmann::json::array()},
            {"unreadable", nlohmann::json::array()},
            // What --model also accepts without a file: always present.
            {"methods", nlohmann::json::array({{{"name", kRidgeContinuationMethod},
                                                {"title", kRidgeContinuationTitle},
                                                {"network", false},
                                                {"modes", {"selective"}}}})}};
        if (!shipped.empty())
            out["shippedDir"] = shipped.string();
        for (const ModelEntry& entry : listing.models)
            out["models"].push_back(describe(entry));
        for (const UnreadableModel& bad : listing.unreadable)
            out["unreadable"].push_back({{"file", bad.path.string()}, {"reason", bad.reason}});
        std::cout << out.dump(2) << '\n';

        // A broken installation or a bad checkpoint is a failure a script should see.
        exitCode = 0;
        if (shipped.empty()) {
            std::cerr
                << "ridgeworks-cli: no shipped models found (looked in $RIDGEWORKS_MODELS_DIR "
                   "and ../share/ridgeworks/models next to the program)\n";
            exitCode = 1;
        }
        for (const UnreadableModel& bad : listing.unreadable) {
            std::cerr << "ridgeworks-cli: " << bad.path.string() << ": " << bad.reason << '\n';
            exitCode = 1;
        }
    });
}

}  // namespace rw::cli
