// Training data from files: a plain folder of clean prints, or a SOCOFing folder (Real/ prints
// damaged on the fly, plus Altered/ ↔ Real/ pairs). Everything is loaded and preprocessed once
// into memory; examples are made from the cache.
#include "DataInternal.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"
#include "ridgeworks/data/SocofingScan.h"
#include "ridgeworks/data/SubjectSplit.h"
#include "ridgeworks/image/ImageLoader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace rw::data {
namespace {

struct Pair {
    std::size_t real = 0;  // index into the cached prints
    cv::Mat altered;       // CV_8UC1, cut like the real print
    std::string name;      // e.g. "1__M_Left_index_finger_CR (hard)"
};

// One file to load, with the subject it belongs to.
struct PrintFile {
    fs::path path;
    std::string subjectKey;
};

SkippedFile skippedFrom(const fs::path& file, const std::exception& error)
{
    if (const auto* rwError = dynamic_cast<const Error*>(&error))
        return {rwError->path().empty() ? file.string() : rwError->path().string(),
                rwError->reason()};
    return {file.string(), error.what()};
}

// maxPrints: the first N of a seeded shuffle, kept in their original order.
std::vector<std::size_t> choosePrints(std::size_t count, const DataConfig& config)
{
    std::vector<std::size_t> chosen(count);
    for (std::size_t i = 0; i < count; ++i)
        chosen[i] = i;
    if (config.maxPrints == 0 || config.maxPrints >= count)
        return chosen;
    Rng rng(deriveSeed({config.seed, kStreamMaxPrints}));
    for (std::size_t i = count - 1; i > 0; --i)
        std::swap(chosen[i],
                  chosen[static_cast<std::size_t>(rng.uniformInt(0, static_cast<int>(i)))]);
    chosen.resize(config.maxPrints);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

class FileTrainingData final : public TrainingData {
public:
    FileTrainingData(const DataConfig& config, const ProgressSink& progress,
                     const CancelToken& cancel);

    const DataConfig& config() const override { return m_config; }
    const DataSummary& summary() const override { return m_summary; }
    std::size_t size(DataSplit split) const override
    {
        const Side& side = split == DataSplit::Train ? m_train : m_validation;
        return side.prints.size() + side.pairs.size();
    }
    TrainingExample example(DataSplit split, std::uint64_t epoch, std::size_t index) const override;
    void prepareEpoch(std::uint64_t, const ProgressSink&, const CancelToken& cancel) override
    {
        cancel.throwIfCancelled();  // everything is cached already
    }

private:
    struct Side {
        std::vector<std::size_t> prints;  // indices into m_prints
        std::vector<std::size_t> pairs;   // indices into m_pairs
    };

    void loadPrints(const std::vector<PrintFile>& files, const ProgressSink& progress,
                    const CancelToken& cancel, std::vector<GeometricTransform>* transforms);
    void loadPairs(const std::vector<SocofingPair>& pairs,
                   const std::map<std::string, std::size_t>& printOfPath,
                   const std::vector<GeometricTransform>& transforms,
                   const std::set<std::string>& chosenStems, const ProgressSink& progress,
                   const CancelToken& cancel);
    void split(const fs::path& root);

    DataConfig m_config;
    DataSummary m_summary;
    std::vector<CachedPrint> m_prints;
    std::vector<std::string> m_subjectKeys;  // per cached print
    std::vector<Pair> m_pairs;
    Side m_train, m_validation;
};

FileTrainingData::FileTrainingData(const DataConfig& config, const ProgressSink& progress,
                                   const CancelToken& cancel)
    : m_config(config)
{
    const fs::path root = config.source.path;
    std::vector<PrintFile> files;
    std::vector<SocofingPair> pairs;
    if (config.source.kind == DataSourceKind::Socofing) {
        SocofingScan scan = scanSocofing(root);
        m_summary.skipped = std::move(scan.skipped);
        if (scan.real.empty())
            throw Error(ErrorKind::Missing,
                        "no SOCOFing real prints (e.g. 1__M_Left_index_finger.BMP)", root / "Real");
        for (const std::size_t i : choosePrints(scan.real.size(), config))
            files.push_back({scan.real[i].path, std::to_string(scan.real[i].name.subject)});
        if (config.useAlteredPairs)
            pairs = std::move(scan.pairs);
    } else {
        const std::vector<fs::path> listed = listImageFiles(root);  // names a missing folder
        if (listed.empty())
            throw Error(ErrorKind::Missing,
                        "the folder holds no image files (png, bmp, tif, jpg, jp2)", root);
        const std::vector<std::string> keys = folderSubjectKeys(listed, root);
        for (const std::size_t i : choosePrints(listed.size(), config))
            files.push_back({listed[i], keys[i]});
    }

    std::vector<GeometricTransform> transforms;
    loadPrints(files, progress, cancel, &transforms);
    if (m_prints.empty()) {
        // The summary dies with this object: name the first failure in the message itself.
        const SkippedFile& first = m_summary.skipped.back();
        throw Error(ErrorKind::InvalidArgument,
                    "none of the " + std::to_string(files.size()) +
                        " image files could be used; e.g. " + first.path + ": " + first.reason,
                    root);
    }
    if (!pairs.empty()) {
        std::map<std::string, std::size_t> printOfPath;
        for (std::size_t i = 0; i < m_prints.size(); ++i)
            printOfPath.emplace(m_prints[i].name, i);
        std::set<std::string> chosenStems;
        for (const PrintFile& file : files)
            chosenStems.insert(file.path.stem().string());
        loadPairs(pairs, printOfPath, transforms, chosenStems, progress, cancel);
    }
    split(root);
}

void FileTrainingData::loadPrints(const std::vector<PrintFile>& files, const ProgressSink& progress,
                                  const CancelToken& cancel,
                                  std::vector<GeometricTransform>* transforms)
{
    std::vector<std::optional<CachedPrint>> loaded(files.size());
    std::vector<GeometricTransform> loadedTransforms(files.size());
    std::vector<std::optional<SkippedFile>> failed(files.size());
    parallelFor(files.size(), m_config.workers, "loading prints", progress, cancel,
                [&](std::size_t i) {
                    try {
                        loaded[i] = cachePrint(loadPrint(files[i].path), m_config.imageSize,
                                               files[i].path.stem().string(), &loadedTransforms[i]);
                        measureForAppearance(*loaded[i], m_config);
                    } catch (const Error& e) {
                        if (e.kind() == ErrorKind::Cancelled)
                            throw;
                        failed[i] = skippedFrom(files[i].path, e);
                    } catch (const std::exception& e) {  // cv::Exception, bad_alloc
                        failed[i] = skippedFrom(files[i].path, e);
                    }
                });
    // Gathered in file order, so the cache does not depend on thread timing.
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (failed[i]) {
            m_summary.skipped.push_back(*failed[i]);
            continue;
        }
        loaded[i]->name = files[i].path.stem().string();
        m_prints.push_back(std::move(*loaded[i]));
        m_subjectKeys.push_back(files[i].subjectKey);
        transforms->push_back(loadedTransforms[i]);
    }
}

void FileTrainingData::loadPairs(const std::vector<SocofingPair>& pairs,
                                 const std::map<std::string, std::size_t>& printOfStem,
                                 const std::vector<GeometricTransform>& transforms,
                                 const std::set<std::string>& chosenStems,
                                 const ProgressSink& progress, const CancelToken& cancel)
{
    std::vector<std::optional<Pair>> loaded(pairs.size());
    std::vector<std::optional<SkippedFile>> failed(pairs.size());
    std::vector<char> realLeftOut(pairs.size(), 0);  // not vector<bool>: written in parallel
    parallelFor(
        pairs.size(), m_config.workers, "loading altered pairs", progress, cancel,
        [&](std::size_t i) {
            const SocofingPair& pair = pairs[i];
            const auto real = printOfStem.find(pair.real.path.stem().string());
            if (real == printOfStem.end()) {
                realLeftOut[i] = 1;  // maxPrints, or the real print was skipped
                return;
            }
            try {
                const Print altered = loadPrint(pair.altered.path);
                const GeometricTransform& t = transforms[real->second];
                if (altered.pixels.size() != t.sourceSize)
                    throw Error(ErrorKind::InvalidArgument,
                                "altered print is " + std::to_string(altered.width()) + "x" +
                                    std::to_string(altered.height()) + ", its real print " +
                                    std::to_string(t.sourceSize.width) + "x" +
                                    std::to_string(t.sourceSize.height),
                                pair.altered.path);
                Pair out;
                out.real = real->second;
                out.altered = applyTransform(altered.pixels, t);
                const cv::Mat mask = alteredPairMask(m_prints[out.real].image, out.altered);
                if (cv::countNonZero(mask) < 0.005 * mask.total())
                    throw Error(ErrorKind::InvalidArgument,
                                "the altered print hardly differs from its real print",
                                pair.altered.path);
                out.name = pair.altered.path.stem().string() +
                           (pair.altered.name.level
                                ? std::string(" (") + toString(*pair.altered.name.level) + ")"
                                : std::string());
                loaded[i] = std::move(out);
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::Cancelled)
                    throw;
                failed[i] = skippedFrom(pair.altered.path, e);
            } catch (const std::exception& e) {
                failed[i] = skippedFrom(pair.altered.path, e);
            }
        });
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (failed[i])
            m_summary.skipped.push_back(*failed[i]);
        else if (loaded[i])
            m_pairs.push_back(std::move(*loaded[i]));
        else if (realLeftOut[i] && chosenStems.count(pairs[i].real.path.stem().string()))
            m_summary.skipped.push_back(
                {pairs[i].altered.path.string(),
                 "its real print " + pairs[i].real.path.string() + " was skipped"});
    }
}

void FileTrainingData::split(const fs::path& root)
{
    // Subject keys → numbers, in sorted key order (independent of the file order).
    const std::set<std::string> distinct(m_subjectKeys.begin(), m_subjectKeys.end());
    std::map<std::string, int> number;
    for (const std::string& key : distinct)
        number.emplace(key, static_cast<int>(number.size()));
    std::vector<int> subjectOfPrint;
    subjectOfPrint.reserve(m_prints.size());
    for (const std::string& key : m_subjectKeys)
        subjectOfPrint.push_back(number.at(key));

    const SubjectSplit split =
        splitBySubject(subjectOfPrint, m_config.validationFraction, m_config.seed);
    if (split.validation.empty())
        throw Error(ErrorKind::InvalidArgument,
                    "no validation subject possible: all " + std::to_string(m_prints.size()) +
                        " usable prints belong to one subject (" + *distinct.begin() +
                        "); validation needs prints of at least two subjects (docs/data.md)",
                    root);
    std::vector<bool> inValidation(m_prints.size(), false);
    for (const std::size_t i : split.validation)
        inValidation[i] = true;
    m_train.prints = split.train;
    m_validation.prints = split.validation;
    for (std::size_t p = 0; p < m_pairs.size(); ++p)
        (inValidation[m_pairs[p].real] ? m_validation : m_train).pairs.push_back(p);

    std::set<int> trainSubjects, validationSubjects;
    for (const std::size_t i : split.train)
        trainSubjects.insert(subjectOfPrint[i]);
    for (const std::size_t i : split.validation)
        validationSubjects.insert(subjectOfPrint[i]);
    m_summary.source = toString(m_config.source);
    m_summary.trainPrints = split.train.size();
    m_summary.validationPrints = split.validation.size();
    m_summary.trainSubjects = trainSubjects.size();
    m_summary.validationSubjects = validationSubjects.size();
    m_summary.alteredPairs = m_pairs.size();
    m_summary.trainExamples = size(DataSplit::Train);
    m_summary.validationExamples = size(DataSplit::Validation);
    recordCommonSettings(m_config, m_summary);
}

TrainingExample FileTrainingData::example(DataSplit split, std::uint64_t epoch,
                                          std::size_t index) const
{
    const bool train = split == DataSplit::Train;
    const Side& side = train ? m_train : m_validation;
    // Damage of clean prints and the sensor look of every example (pairs too) draw from it.
    const std::uint64_t seed = train ? deriveSeed({m_config.seed, kStreamTrainDamage, epoch, index})
                                     : deriveSeed({m_config.seed, kStreamValidationDamage, index});
    if (index < side.prints.size())
        return damagedExample(m_prints[side.prints[index]], m_config, seed);
    if (index - side.prints.size() >= side.pairs.size())
        throw Error(ErrorKind::InvalidArgument, "example " + std::to_string(index) + " of " +
                                                    std::to_string(size(split)) + " requested");
    const Pair& pair = m_pairs[side.pairs[index - side.prints.size()]];
    return alteredPairExample(m_prints[pair.real], pair.altered, pair.name, m_config, seed);
}

}  // namespace

std::shared_ptr<TrainingData> openFileData(const DataConfig& config, const ProgressSink& progress,
                                           const CancelToken& cancel)
{
    return std::make_shared<FileTrainingData>(config, progress, cancel);
}

}  // namespace rw::data
