#include "ridgeworks/data/DataSource.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/data/SocofingName.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace fs = std::filesystem;

namespace rw {
namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    return true;
}

bool allDigits(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

// FVC naming "<finger>_<impression>": the finger number, or empty.
std::string fvcFinger(const std::string& stem)
{
    const std::size_t sep = stem.find('_');
    if (sep == std::string::npos || stem.find('_', sep + 1) != std::string::npos)
        return {};
    const std::string finger = stem.substr(0, sep);
    if (!allDigits(finger) || !allDigits(stem.substr(sep + 1)))
        return {};
    return finger;
}

}  // namespace

DataSourceSpec parseDataSourceSpec(const std::string& text)
{
    DataSourceSpec spec;
    const auto withPath = [&](DataSourceKind kind, std::size_t prefixLength) {
        spec.kind = kind;
        spec.path = text.substr(prefixLength);
        if (spec.path.empty())
            throw Error(ErrorKind::InvalidArgument,
                        "data source \"" + text + "\" names no folder (e.g. \"" +
                            text.substr(0, prefixLength) + "/data/SOCOFing\")");
        return spec;
    };
    if (startsWith(text, "socofing:"))
        return withPath(DataSourceKind::Socofing, 9);
    if (startsWith(text, "folder:"))
        return withPath(DataSourceKind::Folder, 7);
    std::string lowered = text;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lowered == "synthetic")
        return spec;
    throw Error(ErrorKind::InvalidArgument,
                "unknown data source \"" + text + "\"; use socofing:DIR, folder:DIR or synthetic");
}

std::string toString(const DataSourceSpec& spec)
{
    switch (spec.kind) {
    case DataSourceKind::Socofing: return "socofing:" + spec.path;
    case DataSourceKind::Folder: return "folder:" + spec.path;
    case DataSourceKind::Synthetic: return "synthetic";
    }
    return "synthetic";
}

const char* toString(AppearanceAugmentation appearance)
{
    switch (appearance) {
    case AppearanceAugmentation::None: return "none";
    case AppearanceAugmentation::Sensor: return "sensor";
    case AppearanceAugmentation::SensorBinarised: return "sensor-binarised";
    }
    return "none";
}

bool usesSensorLooks(AppearanceAugmentation appearance)
{
    return appearance == AppearanceAugmentation::Sensor ||
           appearance == AppearanceAugmentation::SensorBinarised;
}

std::optional<AppearanceAugmentation> appearanceAugmentationFromString(const std::string& name)
{
    std::string lowered = name;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto appearance : {AppearanceAugmentation::None, AppearanceAugmentation::Sensor,
                                  AppearanceAugmentation::SensorBinarised})
        if (lowered == toString(appearance))
            return appearance;
    return std::nullopt;
}

std::vector<std::string> folderSubjectKeys(const std::vector<fs::path>& files, const fs::path& root)
{
    std::vector<std::string> keys(files.size());
    std::vector<std::string> parents(files.size());
    std::set<std::string> otherFolders;  // folders of files that rules 1 and 2 do not name
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        fs::path relative = fs::relative(files[i], root, ec);
        if (ec || relative.empty())
            relative = files[i].filename();
        parents[i] = relative.parent_path().generic_string();
        const std::string stem = files[i].stem().string();
        if (const auto socofing = parseSocofingName(stem))
            keys[i] = "socofing:" + std::to_string(socofing->subject);
        else if (const std::string finger = fvcFinger(stem); !finger.empty())
            keys[i] = "fvc:" + parents[i] + "/" + std::to_string(std::stoull(finger));
        else if (!parents[i].empty())
            otherFolders.insert(parents[i]);
    }
    const bool perSubjectFolders = otherFolders.size() >= 2;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!keys[i].empty())
            continue;
        if (perSubjectFolders && !parents[i].empty())
            keys[i] = "folder:" + parents[i];
        else
            keys[i] = "file:" + files[i].generic_string();
    }
    return keys;
}

std::string toJson(const DataSummary& summary, std::size_t maxSkipped)
{
    nlohmann::ordered_json json;
    json["source"] = summary.source;
    json["imageSize"] = summary.imageSize;
    json["trainPrints"] = summary.trainPrints;
    json["validationPrints"] = summary.validationPrints;
    json["trainSubjects"] = summary.trainSubjects;
    json["validationSubjects"] = summary.validationSubjects;
    json["alteredPairs"] = summary.alteredPairs;
    json["trainExamples"] = summary.trainExamples;
    json["validationExamples"] = summary.validationExamples;
    json["seed"] = summary.seed;
    json["damageKinds"] = summary.damageKinds;
    json["damageLevels"] = summary.damageLevels;
    json["appearance"] = summary.appearance;
    json["holeFill"] = summary.holeFill;
    json["skippedCount"] = summary.skipped.size();
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < summary.skipped.size() && i < maxSkipped; ++i)
        skipped.push_back(
            {{"path", summary.skipped[i].path}, {"reason", summary.skipped[i].reason}});
    json["skipped"] = std::move(skipped);
    json["skippedListTruncated"] = summary.skipped.size() > maxSkipped;
    // Invalid UTF-8 in a file name must not make the model card unwritable.
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace rw
