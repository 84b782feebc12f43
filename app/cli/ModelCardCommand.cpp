// ridgeworks-cli model-card: prints the model card of a checkpoint (after verifying its
// checksum), so a lab can see what a model is and how it was trained without the GUI.
#include "Commands.h"
#include "ShippedModels.h"
#include "ridgeworks/model/Checkpoint.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rw::cli {

void addModelCardCommand(CLI::App& app, int& exitCode)
{
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand("model-card", "Print the model card of checkpoints (.rwm)");
    cmd->add_option("FILE", *files, "Checkpoint files, or names of shipped models")
        ->required()
        ->transform(shippedModelName());
    cmd->callback([files, &exitCode] {
        nlohmann::json cards = nlohmann::json::array();
        for (const std::string& file : *files) {
            auto card = nlohmann::json::parse(readModelCard(file).toJson());
            card["file"] = file;
            card["fileSha256"] = checkpointSha256(file);
            cards.push_back(std::move(card));
        }
        std::cout << (cards.size() == 1 ? cards.front() : cards).dump(2) << '\n';
        exitCode = 0;
    });
}

}  // namespace rw::cli
