#pragma once
// The models a user can pick: the shipped ones (resources/models in the build tree,
// share/ridgeworks/models when installed) and the user's own trained checkpoints.
#include "ridgeworks/model/ModelCard.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rw {

struct ModelEntry {
    std::filesystem::path path;
    ModelCard card;
    bool shipped = false;
};

struct UnreadableModel {
    std::filesystem::path path;
    std::string reason;
};

struct ModelListing {
    std::vector<ModelEntry> models;  // sorted: shipped first, then by name
    std::vector<UnreadableModel> unreadable;
};

// Folder of the shipped models: $RIDGEWORKS_MODELS_DIR if set, else next to the program
// (../share/ridgeworks/models relative to `executableDir`), else the source tree's
// resources/models (build tree runs). Empty path if none exists.
std::filesystem::path shippedModelsDir(const std::filesystem::path& executableDir);

// Lists *.rwm files in the given folders (not recursive); a bad file is listed in
// `unreadable`, never fatal. Reads cards with peekModelCard (fast: no weights hashing);
// loading a model verifies the whole file.
ModelListing listModels(const std::vector<std::filesystem::path>& shippedDirs,
                        const std::vector<std::filesystem::path>& userDirs);

}  // namespace rw
