#include "ShippedModels.h"

#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ModelCatalog.h"

#include <system_error>

namespace rw::cli {
namespace fs = std::filesystem;

fs::path executableDirectory()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path(ec) : self.parent_path();
}

fs::path resolveModelArgument(const std::string& given)
{
    std::error_code ec;
    const fs::path asPath(given);
    // Anything with a folder or an extension is a path, existing or not.
    if (given.empty() || fs::exists(asPath, ec) || asPath.has_parent_path() ||
        asPath.has_extension())
        return asPath;
    const fs::path shippedDir = shippedModelsDir(executableDirectory());
    if (shippedDir.empty())
        return asPath;
    const fs::path shipped = shippedDir / (given + kCheckpointExtension);
    return fs::is_regular_file(shipped, ec) ? shipped : asPath;
}

CLI::Validator shippedModelName()
{
    return CLI::Validator(
        [](std::string& value) {
            value = resolveModelArgument(value).string();
            return std::string();
        },
        "", "shipped model name");
}

std::string shippedModelsHelp()
{
    return " (a .rwm file, or the name of a shipped model: seed-autoencoder, unet-inpaint, "
           "damage-detector)";
}

}  // namespace rw::cli
