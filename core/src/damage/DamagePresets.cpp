// The parameter table of every damage kind: the easy/medium/hard presets and the range each
// value must lie in. README.md and docs/damage.md show the same table.
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"

#include <cmath>
#include <sstream>

namespace rw {
namespace {

struct ParameterDef {
    const char* name;
    double easy, medium, hard;
    double min, max;
    bool minExclusive;  // (min, max] rather than [min, max]
    bool integer;
};

// Sizes ending in "Px" are pixels at 500 ppi (scaled with the print's ppi when applied).
std::vector<ParameterDef> definitions(DamageKind kind)
{
    switch (kind) {
    case DamageKind::Obliteration:
        return {{"areaFraction", 0.10, 0.20, 0.35, 0.0, 0.9, true, false},
                {"blobs", 2, 3, 4, 1, 20, false, true},
                {"irregularity", 0.3, 0.4, 0.5, 0.0, 0.9, false, false},
                {"scar", 0.3, 0.6, 1.0, 0.0, 1.0, false, false},
                {"smudgeSigmaPx", 8, 8, 8, 1, 64, false, false}};
    case DamageKind::Rotation:
        return {{"areaFraction", 0.08, 0.15, 0.25, 0.0, 0.9, true, false},
                {"angleMinDeg", 8, 20, 40, 0, 180, false, false},
                {"angleMaxDeg", 15, 35, 70, 0, 180, false, false}};
    case DamageKind::ZCut:
        return {{"areaFraction", 0.08, 0.15, 0.25, 0.0, 0.9, true, false},
                {"cutWidthPx", 2, 4, 7, 0, 64, false, false},
                {"displacementPx", 3, 6, 10, 0, 64, false, false}};
    case DamageKind::ZPlasty:  // the flaps are sewn back, not cut away: a thin seam
        return {{"areaFraction", 0.08, 0.15, 0.25, 0.0, 0.9, true, false},
                {"scarWidthPx", 1, 1, 2, 0, 64, false, false}};
    case DamageKind::Mask: return {{"smudgeSigmaPx", 8, 8, 8, 1, 64, false, false}};
    case DamageKind::Blur:
        return {{"sigmaMinPx", 0.8, 1.5, 2.5, 0.0, 32, true, false},
                {"sigmaMaxPx", 1.2, 2.2, 3.5, 0.0, 32, true, false}};
    case DamageKind::Contrast:
        return {{"contrastMin", 0.75, 0.5, 0.25, 0.0, 4, true, false},
                {"contrastMax", 0.9, 0.7, 0.45, 0.0, 4, true, false},
                {"brightness", 15, 30, 50, 0, 255, false, false}};
    case DamageKind::Elastic:
        return {{"amplitudePx", 1.5, 2.5, 4, 0.0, 64, true, false},
                {"smoothPx", 48, 40, 32, 2, 256, false, false}};
    case DamageKind::Scratch:
        return {{"count", 2, 4, 8, 1, 100, false, true},
                {"widthPx", 2, 3, 4, 1, 32, false, false},
                {"lengthFraction", 0.4, 0.6, 0.8, 0.0, 2.0, true, false}};
    case DamageKind::Occlusion:
        return {{"areaFraction", 0.05, 0.12, 0.25, 0.0, 0.9, true, false},
                {"patches", 1, 2, 3, 1, 20, false, true}};
    case DamageKind::Background:
        return {{"shapes", 10, 25, 50, 1, 500, false, true},
                {"opacity", 0.25, 0.4, 0.6, 0.0, 1.0, true, false}};
    }
    return {};
}

std::string formatNumber(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

[[noreturn]] void invalid(DamageKind kind, const std::string& what)
{
    throw Error(ErrorKind::InvalidArgument, std::string(toString(kind)) + ": " + what);
}

void checkMinMax(DamageKind kind, const DamageParameters& p, const char* lo, const char* hi)
{
    if (p.get(lo) > p.get(hi))
        invalid(kind, std::string("parameter '") + lo + "' (" + formatNumber(p.get(lo)) +
                          ") must not exceed '" + hi + "' (" + formatNumber(p.get(hi)) + ")");
}

}  // namespace

double DamageParameters::get(const std::string& name) const
{
    for (const auto& [key, value] : values)
        if (key == name)
            return value;
    throw Error(ErrorKind::InvalidArgument, "missing damage parameter '" + name + "'");
}

void DamageParameters::set(const std::string& name, double value)
{
    for (auto& [key, v] : values)
        if (key == name) {
            v = value;
            return;
        }
    values.emplace_back(name, value);
}

DamageParameters damagePreset(DamageKind kind, DamageLevel level)
{
    if (level == DamageLevel::Custom)
        throw Error(ErrorKind::InvalidArgument,
                    std::string(toString(kind)) + ": the custom level has no preset");
    DamageParameters p;
    for (const ParameterDef& d : definitions(kind))
        p.set(d.name, level == DamageLevel::Easy     ? d.easy
                      : level == DamageLevel::Medium ? d.medium
                                                     : d.hard);
    return p;
}

DamageParameters resolveDamageParameters(DamageKind kind, DamageLevel level,
                                         const DamageParameters& custom)
{
    const std::vector<ParameterDef> defs = definitions(kind);
    DamageParameters p =
        damagePreset(kind, level == DamageLevel::Custom ? DamageLevel::Medium : level);
    if (level == DamageLevel::Custom) {
        for (const auto& [name, value] : custom.values) {
            bool known = false;
            for (const ParameterDef& d : defs)
                known = known || name == d.name;
            if (!known) {
                std::string names;
                for (const ParameterDef& d : defs)
                    names += (names.empty() ? "" : ", ") + std::string(d.name);
                invalid(kind, "unknown parameter '" + name + "' (known: " + names + ")");
            }
            p.set(name, value);
        }
    }
    for (const ParameterDef& d : defs) {
        const double v = p.get(d.name);
        const bool below = d.minExclusive ? !(v > d.min) : !(v >= d.min);
        if (!std::isfinite(v) || below || v > d.max)
            invalid(kind, std::string("parameter '") + d.name + "' must be in " +
                              (d.minExclusive ? "(" : "[") + formatNumber(d.min) + ", " +
                              formatNumber(d.max) + "], got " + formatNumber(v));
        if (d.integer && std::floor(v) != v)
            invalid(kind, std::string("parameter '") + d.name + "' must be a whole number, got " +
                              formatNumber(v));
    }
    if (kind == DamageKind::Rotation)
        checkMinMax(kind, p, "angleMinDeg", "angleMaxDeg");
    if (kind == DamageKind::Blur)
        checkMinMax(kind, p, "sigmaMinPx", "sigmaMaxPx");
    if (kind == DamageKind::Contrast)
        checkMinMax(kind, p, "contrastMin", "contrastMax");
    return p;
}

}  // namespace rw
