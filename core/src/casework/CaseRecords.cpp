#include "casework/CaseRecords.h"

#include "ridgeworks/common/Error.h"

#include <cstdio>
#include <cstdlib>

namespace rw::casework {
namespace {

const std::string& parameter(const DerivedItem& item, const std::string& name)
{
    const auto found = item.parameters.find(name);
    if (found == item.parameters.end())
        throw Error(ErrorKind::WrongFormat,
                    item.id + " does not record its parameter \"" + name + "\"");
    return found->second;
}

int intParameter(const DerivedItem& item, const std::string& name)
{
    return std::stoi(parameter(item, name));
}

}  // namespace

std::filesystem::path maskFileOf(const Case& c, const std::string& itemId)
{
    const std::string suffix = "mask.png";
    if (const DerivedItem* d = findDerivedItem(c, itemId))
        for (const CaseFile& f : d->files)
            if (f.path.size() >= suffix.size() &&
                f.path.compare(f.path.size() - suffix.size(), suffix.size(), suffix) == 0)
                return c.folder / f.path;
    throw Error(ErrorKind::InvalidArgument, itemId + " holds no damage mask", c.folder);
}

std::string exactText(double value)
{
    // The shortest of 15–17 significant digits that reads back as the same double: 0.3, not
    // 0.29999999999999999.
    char text[40];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, value);
        if (std::strtod(text, nullptr) == value)
            break;
    }
    return text;
}

std::map<std::string, std::string> damageParameters(const DamageSpec& spec,
                                                    const DamageParameters& applied)
{
    std::map<std::string, std::string> p{{"kind", toString(spec.kind)},
                                         {"level", toString(spec.level)},
                                         {"seed", std::to_string(spec.seed)},
                                         {"ppi", exactText(spec.ppi)}};
    if (spec.level == DamageLevel::Custom)
        for (const auto& [name, value] : spec.custom.values)
            p["custom." + name] = exactText(value);
    for (const auto& [name, value] : applied.values)
        p["applied." + name] = exactText(value);
    return p;
}

DamageSpec damageSpecFrom(const DerivedItem& item)
{
    DamageSpec spec;
    const auto kind = damageKindFromString(parameter(item, "kind"));
    const auto level = damageLevelFromString(parameter(item, "level"));
    if (!kind || !level)
        throw Error(ErrorKind::WrongFormat, item.id + " records an unknown damage kind or level");
    spec.kind = *kind;
    spec.level = *level;
    spec.seed = std::stoull(parameter(item, "seed"));
    spec.ppi = std::stod(parameter(item, "ppi"));
    const std::string prefix = "custom.";
    for (const auto& [name, value] : item.parameters)
        if (name.rfind(prefix, 0) == 0)
            spec.custom.set(name.substr(prefix.size()), std::stod(value));
    return spec;
}

std::map<std::string, std::string> reconstructionParameters(const ReconstructionOptions& o)
{
    return {{"mode", toString(o.mode)},
            {"featherPixels", std::to_string(o.featherPixels)},
            {"augmentations", std::to_string(o.augmentations)},
            {"refinements", std::to_string(o.refinements)},
            {"regrowth", exactText(o.regrowth)},
            {"settling", std::to_string(o.settling)},
            {"turnBack", o.turnBackRotation ? "1" : "0"},
            {"slideBack", o.slideBackFlaps ? "1" : "0"},
            {"swapBack", o.swapBackFlaps ? "1" : "0"},
            {"ridgeReach", exactText(o.ridgeReach)},
            {"tileSize", std::to_string(o.tileSize)},
            {"tileOverlap", std::to_string(o.tileOverlap)},
            {"batchSize", std::to_string(o.batchSize)},
            {"detectorThreshold", exactText(o.detectorThreshold)}};
}

ReconstructionOptions reconstructionOptionsFrom(const DerivedItem& item)
{
    ReconstructionOptions o;
    const auto mode = reconstructionModeFromString(parameter(item, "mode"));
    if (!mode)
        throw Error(ErrorKind::WrongFormat, item.id + " records an unknown reconstruction mode");
    o.mode = *mode;
    o.featherPixels = intParameter(item, "featherPixels");
    o.augmentations = intParameter(item, "augmentations");
    // Cases recorded before refinement existed ran without it; replaying them must too.
    o.refinements = item.parameters.count("refinements") ? intParameter(item, "refinements") : 0;
    // Likewise ridge regrowth (2026-12-05).
    o.regrowth = item.parameters.count("regrowth") ? std::stod(parameter(item, "regrowth")) : 0.0;
    // And ridge settling (2026-12-06).
    o.settling = item.parameters.count("settling") ? intParameter(item, "settling") : 0;
    // And turning back a rotated patch (0.7.0).
    o.turnBackRotation = item.parameters.count("turnBack") && intParameter(item, "turnBack") != 0;
    // And sliding back a z-cut's flaps (0.11.0).
    o.slideBackFlaps = item.parameters.count("slideBack") && intParameter(item, "slideBack") != 0;
    // And swapping back a Z-plasty's flaps (0.12.0).
    o.swapBackFlaps = item.parameters.count("swapBack") && intParameter(item, "swapBack") != 0;
    // And the ridge reach (2026-12-06): before it, ridges were drawn everywhere in the hole.
    o.ridgeReach =
        item.parameters.count("ridgeReach") ? std::stod(parameter(item, "ridgeReach")) : 0.0;
    o.tileSize = intParameter(item, "tileSize");
    o.tileOverlap = intParameter(item, "tileOverlap");
    o.batchSize = intParameter(item, "batchSize");
    o.detectorThreshold = std::stod(parameter(item, "detectorThreshold"));
    return o;
}

}  // namespace rw::casework
