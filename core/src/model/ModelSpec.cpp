#include "ridgeworks/model/ModelSpec.h"

#include <array>
#include <utility>

namespace rw {
namespace {

constexpr std::array<std::pair<Architecture, const char*>, 3> kArchitectures{{
    {Architecture::SeedAutoencoder, "seed-autoencoder"},
    {Architecture::UNetInpaint, "unet-inpaint"},
    {Architecture::DamageDetector, "damage-detector"},
}};
constexpr std::array<std::pair<LossKind, const char*>, 6> kLosses{{
    {LossKind::BinaryCrossEntropy, "bce"},
    {LossKind::L1, "l1"},
    {LossKind::SsimL1, "ssim-l1"},
    {LossKind::Inpaint, "inpaint"},
    {LossKind::InpaintCoherent, "inpaint-coherent"},
    {LossKind::InpaintOriented, "inpaint-oriented"},
}};
constexpr std::array<std::pair<PairMode, const char*>, 2> kPairModes{{
    {PairMode::DamagedToClean, "denoise"},
    {PairMode::CleanToClean, "identity"},
}};

template <typename Enum, std::size_t N>
const char* nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table,
                            const std::string& name)
{
    for (const auto& [v, n] : table)
        if (name == n)
            return v;
    return std::nullopt;
}

}  // namespace

const char* toString(Architecture architecture)
{
    return nameOf(kArchitectures, architecture);
}
std::optional<Architecture> architectureFromString(const std::string& name)
{
    return valueOf(kArchitectures, name);
}
std::vector<Architecture> allArchitectures()
{
    std::vector<Architecture> all;
    for (const auto& entry : kArchitectures)
        all.push_back(entry.first);
    return all;
}

const char* toString(LossKind loss)
{
    return nameOf(kLosses, loss);
}
std::optional<LossKind> lossFromString(const std::string& name)
{
    return valueOf(kLosses, name);
}

const char* toString(PairMode mode)
{
    return nameOf(kPairModes, mode);
}
std::optional<PairMode> pairModeFromString(const std::string& name)
{
    return valueOf(kPairModes, name);
}

int ModelSpec::inputChannels() const
{
    return architecture == Architecture::UNetInpaint ? 2 : 1;
}

int ModelSpec::effectiveBaseChannels() const
{
    if (baseChannels > 0)
        return baseChannels;
    switch (architecture) {
    case Architecture::SeedAutoencoder: return 32;  // fixed by the experiment
    case Architecture::UNetInpaint: return 24;
    case Architecture::DamageDetector: return 16;
    }
    return 32;
}

int ModelSpec::effectiveLevels() const
{
    if (architecture == Architecture::SeedAutoencoder)
        return 0;
    return levels > 0 ? levels : 3;
}

LossKind ModelSpec::defaultLoss() const
{
    return architecture == Architecture::UNetInpaint ? LossKind::InpaintCoherent
                                                     : LossKind::BinaryCrossEntropy;
}

}  // namespace rw
