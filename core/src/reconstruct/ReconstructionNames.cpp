// Names of reconstruction modes and mask origins, as the CLI, JSON and GUI spell them.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <algorithm>
#include <cctype>

namespace rw {

const char* toString(ReconstructionMode mode)
{
    return mode == ReconstructionMode::Full ? "full" : "selective";
}

std::optional<ReconstructionMode> reconstructionModeFromString(const std::string& name)
{
    std::string lowered = name;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lowered == "full")
        return ReconstructionMode::Full;
    if (lowered == "selective")
        return ReconstructionMode::Selective;
    return std::nullopt;
}

const char* toString(MaskOrigin origin)
{
    switch (origin) {
    case MaskOrigin::None: return "none";
    case MaskOrigin::Given: return "given";
    case MaskOrigin::Detected: return "detected";
    }
    return "none";
}

}  // namespace rw
