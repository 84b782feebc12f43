// Names of the Henry classes as they appear on the command line, in file names and in
// reports; kept next to each other so the two directions cannot drift apart.
#include "ridgeworks/synth/SyntheticPrint.h"

#include <array>
#include <utility>

namespace rw {
namespace {

constexpr std::array<std::pair<FingerprintClass, const char*>, 5> kNames{{
    {FingerprintClass::Arch, "arch"},
    {FingerprintClass::TentedArch, "tented-arch"},
    {FingerprintClass::LeftLoop, "left-loop"},
    {FingerprintClass::RightLoop, "right-loop"},
    {FingerprintClass::Whorl, "whorl"},
}};

}  // namespace

const char* toString(FingerprintClass cls)
{
    for (const auto& [value, name] : kNames) {
        if (value == cls)
            return name;
    }
    return "unknown";
}

std::optional<FingerprintClass> fingerprintClassFromString(const std::string& name)
{
    for (const auto& [value, known] : kNames) {
        if (name == known)
            return value;
    }
    return std::nullopt;
}

std::vector<FingerprintClass> allFingerprintClasses()
{
    std::vector<FingerprintClass> classes;
    for (const auto& entry : kNames)
        classes.push_back(entry.first);
    return classes;
}

}  // namespace rw
