#pragma once
// Small data sets written into a temporary folder for the core/data suites: synthetic prints
// (SOCOFing's size, 96×103) saved under SOCOFing's real file names, with altered versions
// made by core/damage, plus a few broken files. Generating prints is the slow part, so each
// print is made once per test program.
#include "CachedSyntheticPrint.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace rw::test {

inline const cv::Mat& smallPrint(std::uint64_t seed)
{
    return cachedSyntheticPrint(seed, 96, 103).image;  // SOCOFing's size
}

inline void writeImage(const std::filesystem::path& path, const cv::Mat& image)
{
    std::filesystem::create_directories(path.parent_path());
    QVERIFY2(cv::imwrite(path.string(), image), path.string().c_str());
}

inline void writeText(const std::filesystem::path& path, const std::string& text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// The first `bytes` bytes of a valid image file: a truncated file.
inline void writeTruncated(const std::filesystem::path& path, const cv::Mat& image,
                           std::size_t bytes)
{
    std::vector<std::uint8_t> encoded;
    cv::imencode(path.extension().string(), image, encoded);
    encoded.resize(std::min(bytes, encoded.size()));
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(encoded.data()),
               static_cast<std::streamsize>(encoded.size()));
}

inline std::string socofingStem(int subject, const char* hand, const char* finger)
{
    return std::to_string(subject) + "__" + (subject % 2 ? "M" : "F") + "_" + hand + "_" + finger +
           "_finger";
}

// A SOCOFing-shaped folder: `subjects` subjects × 2 fingers in Real/, and for each real print
// an altered version per (kind, level) in `alterations` under Altered/Altered-<Level>/.
// Returns the numbers of real and altered prints written.
struct SocofingFolder {
    int realPrints = 0;
    int alteredPrints = 0;
};

// `trueMasks`, when given, receives applyDamage's mask of every altered print, by file stem.
inline SocofingFolder
writeSocofingFolder(const std::filesystem::path& root, int subjects,
                    const std::vector<std::pair<rw::DamageKind, rw::DamageLevel>>& alterations,
                    std::map<std::string, cv::Mat>* trueMasks = nullptr)
{
    SocofingFolder made;
    for (int subject = 1; subject <= subjects; ++subject)
        for (const char* finger : {"index", "thumb"}) {
            const std::string stem = socofingStem(subject, "Left", finger);
            const cv::Mat& print = smallPrint(static_cast<std::uint64_t>(subject * 10 + finger[0]));
            writeImage(root / "Real" / (stem + ".BMP"), print);
            ++made.realPrints;
            for (const auto& [kind, level] : alterations) {
                rw::DamageSpec spec;
                spec.kind = kind;
                spec.level = level;
                spec.seed = static_cast<std::uint64_t>(subject);
                const rw::DamagedPrint damaged = rw::applyDamage(print, {}, spec);
                const char* suffix = kind == rw::DamageKind::Rotation       ? "_CR"
                                     : kind == rw::DamageKind::Obliteration ? "_Obl"
                                                                            : "_Zcut";
                const char* folder = level == rw::DamageLevel::Easy     ? "Altered-Easy"
                                     : level == rw::DamageLevel::Medium ? "Altered-Medium"
                                                                        : "Altered-Hard";
                writeImage(root / "Altered" / folder / (stem + suffix + ".BMP"), damaged.image);
                if (trueMasks)
                    (*trueMasks)[stem + suffix] = damaged.mask;
                ++made.alteredPrints;
            }
        }
    return made;
}

inline bool sameBytes(const cv::Mat& a, const cv::Mat& b)
{
    return a.size() == b.size() && a.type() == b.type() &&
           std::equal(a.datastart, a.dataend, b.datastart, b.dataend);
}

}  // namespace rw::test
