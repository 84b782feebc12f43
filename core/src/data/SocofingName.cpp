#include "ridgeworks/data/SocofingName.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace rw {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::vector<std::string> splitOn(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            return parts;
        start = end + 1;
    }
}

// The last path component without its extension; both '/' and '\\' separate folders.
std::string stemOf(const std::string& fileName)
{
    const std::size_t slash = fileName.find_last_of("/\\");
    std::string base = slash == std::string::npos ? fileName : fileName.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    if (dot != std::string::npos)
        base.erase(dot);
    return base;
}

}  // namespace

std::string SocofingName::fingerKey() const
{
    return std::to_string(subject) + "__" + gender + "_" + hand + "_" + finger + "_finger";
}

std::optional<SocofingName> parseSocofingName(const std::string& fileName)
{
    // <subject>__<M|F>_<Left|Right>_<finger>_finger[_CR|_Obl|_Zcut]
    const std::string stem = stemOf(fileName);
    const std::size_t sep = stem.find("__");
    if (sep == std::string::npos || sep == 0 || sep > 9)
        return std::nullopt;
    const std::string number = stem.substr(0, sep);
    if (!std::all_of(number.begin(), number.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }))
        return std::nullopt;
    SocofingName name;
    name.subject = std::stoi(number);
    if (name.subject <= 0)
        return std::nullopt;

    const std::vector<std::string> parts = splitOn(stem.substr(sep + 2), '_');
    if (parts.size() != 4 && parts.size() != 5)
        return std::nullopt;
    const std::string gender = lower(parts[0]);
    if (gender != "m" && gender != "f")
        return std::nullopt;
    name.gender = gender == "m" ? 'M' : 'F';
    const std::string hand = lower(parts[1]);
    if (hand != "left" && hand != "right")
        return std::nullopt;
    name.hand = hand == "left" ? "Left" : "Right";
    static const std::array<const char*, 5> fingers{"thumb", "index", "middle", "ring", "little"};
    name.finger = lower(parts[2]);
    if (std::find(fingers.begin(), fingers.end(), name.finger) == fingers.end())
        return std::nullopt;
    if (lower(parts[3]) != "finger")
        return std::nullopt;
    if (parts.size() == 5) {
        const std::string suffix = lower(parts[4]);
        if (suffix == "cr")
            name.alteration = DamageKind::Rotation;
        else if (suffix == "obl")
            name.alteration = DamageKind::Obliteration;
        else if (suffix == "zcut")
            name.alteration = DamageKind::ZCut;
        else
            return std::nullopt;
    }
    return name;
}

std::optional<DamageLevel> socofingLevelFromFolder(const std::string& folderName)
{
    const std::string name = lower(folderName);
    if (name == "altered-easy")
        return DamageLevel::Easy;
    if (name == "altered-medium")
        return DamageLevel::Medium;
    if (name == "altered-hard")
        return DamageLevel::Hard;
    return std::nullopt;
}

}  // namespace rw
