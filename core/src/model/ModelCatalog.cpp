#include "ridgeworks/model/ModelCatalog.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/Checkpoint.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace rw {
namespace fs = std::filesystem;

fs::path shippedModelsDir(const fs::path& executableDir)
{
    std::error_code ec;
    if (const char* env = std::getenv("RIDGEWORKS_MODELS_DIR"); env && *env)
        return fs::path(env);
    if (!executableDir.empty()) {
        const fs::path installed = executableDir / ".." / "share" / "ridgeworks" / "models";
        if (fs::is_directory(installed, ec))
            return fs::weakly_canonical(installed, ec);
    }
#ifdef RIDGEWORKS_SOURCE_MODELS_DIR
    // Running from the build tree: the models committed in the source tree.
    if (fs::is_directory(RIDGEWORKS_SOURCE_MODELS_DIR, ec))
        return fs::path(RIDGEWORKS_SOURCE_MODELS_DIR);
#endif
    return {};
}

namespace {

void listFolder(const fs::path& folder, bool shipped, ModelListing& listing)
{
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec))
        return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == kCheckpointExtension)
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        try {
            listing.models.push_back({file, peekModelCard(file), shipped});
        } catch (const Error& e) {
            listing.unreadable.push_back({file, e.reason()});
        }
    }
}

}  // namespace

ModelListing listModels(const std::vector<fs::path>& shippedDirs,
                        const std::vector<fs::path>& userDirs)
{
    ModelListing listing;
    for (const fs::path& dir : shippedDirs)
        listFolder(dir, true, listing);
    for (const fs::path& dir : userDirs)
        listFolder(dir, false, listing);
    std::stable_sort(listing.models.begin(), listing.models.end(),
                     [](const ModelEntry& a, const ModelEntry& b) {
                         if (a.shipped != b.shipped)
                             return a.shipped;
                         return a.card.name < b.card.name;
                     });
    return listing;
}

}  // namespace rw
