// The names of damage kinds and levels as the CLI, the GUI and the JSON summaries spell them.
#include "ridgeworks/damage/Damage.h"

#include <array>

namespace rw {
namespace {

constexpr std::array kKinds{
    std::pair{DamageKind::Obliteration, "obliteration"},
    std::pair{DamageKind::Rotation, "rotation"},
    std::pair{DamageKind::ZCut, "zcut"},
    std::pair{DamageKind::ZPlasty, "zplasty"},
    std::pair{DamageKind::Mask, "mask"},
    std::pair{DamageKind::Blur, "blur"},
    std::pair{DamageKind::Contrast, "contrast"},
    std::pair{DamageKind::Elastic, "elastic"},
    std::pair{DamageKind::Scratch, "scratch"},
    std::pair{DamageKind::Occlusion, "occlusion"},
    std::pair{DamageKind::Background, "background"},
};

constexpr std::array kLevels{
    std::pair{DamageLevel::Easy, "easy"},
    std::pair{DamageLevel::Medium, "medium"},
    std::pair{DamageLevel::Hard, "hard"},
    std::pair{DamageLevel::Custom, "custom"},
};

}  // namespace

const char* toString(DamageKind kind)
{
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return name;
    return "unknown";
}

const char* toString(DamageLevel level)
{
    for (const auto& [l, name] : kLevels)
        if (l == level)
            return name;
    return "unknown";
}

std::optional<DamageKind> damageKindFromString(const std::string& name)
{
    for (const auto& [k, text] : kKinds)
        if (name == text)
            return k;
    return std::nullopt;
}

std::optional<DamageLevel> damageLevelFromString(const std::string& name)
{
    for (const auto& [l, text] : kLevels)
        if (name == text)
            return l;
    return std::nullopt;
}

std::vector<DamageKind> allDamageKinds()
{
    std::vector<DamageKind> kinds;
    for (const auto& entry : kKinds)
        kinds.push_back(entry.first);
    return kinds;
}

std::vector<DamageLevel> presetDamageLevels()
{
    return {DamageLevel::Easy, DamageLevel::Medium, DamageLevel::Hard};
}

}  // namespace rw
