#include "ridgeworks/data/SocofingScan.h"

#include "ridgeworks/common/Error.h"

#include <algorithm>
#include <map>

namespace fs = std::filesystem;

namespace rw {
namespace {

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

// Regular files under `folder` (recursively or not), sorted; hidden files left out.
std::vector<fs::path> listFiles(const fs::path& folder, bool recursive)
{
    std::vector<fs::path> files;
    std::error_code ec;
    auto add = [&](const fs::directory_entry& entry) {
        std::error_code fileEc;
        if (entry.is_regular_file(fileEc) && !isHidden(entry.path()))
            files.push_back(entry.path());
    };
    if (recursive) {
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec)
            throw Error(ErrorKind::Unreadable, "cannot list the folder: " + ec.message(), folder);
        for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
            if (ec)
                throw Error(ErrorKind::Unreadable, "cannot list the folder: " + ec.message(),
                            folder);
            add(*it);
        }
    } else {
        fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
        if (ec)
            throw Error(ErrorKind::Unreadable, "cannot list the folder: " + ec.message(), folder);
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec)
                throw Error(ErrorKind::Unreadable, "cannot list the folder: " + ec.message(),
                            folder);
            add(*it);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

void requireFolder(const fs::path& folder, const std::string& what)
{
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw Error(ErrorKind::Missing, what + " does not exist", folder);
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::Unreadable, what + " is not a folder", folder);
}

}  // namespace

SocofingScan scanSocofing(const fs::path& root)
{
    requireFolder(root, "the SOCOFing folder");
    requireFolder(root / "Real", "the SOCOFing folder's Real/ subfolder");

    SocofingScan scan;
    std::map<std::string, std::size_t> realByKey;
    for (const fs::path& file : listFiles(root / "Real", false)) {
        std::optional<SocofingName> name = parseSocofingName(file.filename().string());
        if (!name) {
            scan.skipped.push_back({file.string(),
                                    "name does not follow SOCOFing's <subject>__<M|F>_<Left|Right>_"
                                    "<finger>_finger.BMP"});
            continue;
        }
        if (name->alteration) {
            scan.skipped.push_back({file.string(), "an altered print's name inside Real/"});
            continue;
        }
        const std::string key = name->fingerKey();
        if (realByKey.count(key)) {
            scan.skipped.push_back(
                {file.string(), "a second real print of " + key + " (the first one is used)"});
            continue;
        }
        realByKey.emplace(key, scan.real.size());
        scan.real.push_back({file, *name});
    }

    const fs::path altered = root / "Altered";
    std::error_code ec;
    if (!fs::is_directory(altered, ec))
        return scan;  // a SOCOFing folder without alterations: real prints only
    for (const fs::path& file : listFiles(altered, true)) {
        std::optional<SocofingName> name = parseSocofingName(file.filename().string());
        if (!name) {
            scan.skipped.push_back({file.string(),
                                    "name does not follow SOCOFing's <subject>__<M|F>_<Left|Right>_"
                                    "<finger>_finger_<CR|Obl|Zcut>.BMP"});
            continue;
        }
        if (!name->alteration) {
            scan.skipped.push_back(
                {file.string(), "no alteration suffix (_CR, _Obl, _Zcut) inside Altered/"});
            continue;
        }
        name->level = socofingLevelFromFolder(file.parent_path().filename().string());
        const auto real = realByKey.find(name->fingerKey());
        if (real == realByKey.end()) {
            scan.skipped.push_back(
                {file.string(), "no real print " + name->fingerKey() + " in Real/ to pair with"});
            continue;
        }
        scan.pairs.push_back({scan.real[real->second], {file, *name}});
    }
    return scan;
}

}  // namespace rw
