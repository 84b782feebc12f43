#pragma once
// Scans a SOCOFing folder: Real/ prints and Altered/Altered-<Level>/ prints, each altered
// print paired with its real one. Names that do not follow the layout, and altered prints
// without a real counterpart, are reported, not fatal.
#include "ridgeworks/data/DataSource.h"
#include "ridgeworks/data/SocofingName.h"

#include <filesystem>
#include <vector>

namespace rw {

struct SocofingPrint {
    std::filesystem::path path;
    SocofingName name;
};

struct SocofingPair {
    SocofingPrint real;
    SocofingPrint altered;  // name.alteration and name.level set
};

struct SocofingScan {
    std::vector<SocofingPrint> real;
    std::vector<SocofingPair> pairs;
    std::vector<SkippedFile> skipped;  // unparsable names, orphans (altered without real)
};

// Throws rw::Error(Missing) naming the folder when `root` or `root/Real` does not exist.
// Files are listed in a stable (sorted) order. Pixels are not read here.
SocofingScan scanSocofing(const std::filesystem::path& root);

}  // namespace rw
