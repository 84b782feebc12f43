#include "EvidenceLoader.h"

#include "FilePaths.h"
#include "MatImage.h"

#include <ridgeworks/common/Error.h>
#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageLoader.h>
#include <ridgeworks/image/ImageWriter.h>

#include <QDir>
#include <QFileInfo>

#include <exception>

namespace rw {

namespace {

constexpr int kThumbnailSide = 96;

// Demo prints: a finger-sized canvas at 500 ppi (0.64 × 0.8 inch).
constexpr int kDemoWidth = 320;
constexpr int kDemoHeight = 400;

// Outside the crop the model sees nothing. The Working pane shows the original there, but
// faded, so the examiner can tell at a glance which part reached the model — and spot
// ridges the foreground search left out.
cv::Mat fadedBackground(const cv::Mat& gray)
{
    cv::Mat faded;
    gray.convertTo(faded, CV_8UC1, 0.3, 255.0 * 0.7);
    return faded;
}

void addWorkingImage(EvidenceItem& item)
{
    try {
        Preprocessed pre = preprocessForModel(item.print);
        const cv::Mat working =
            mapToSource(pre.image, pre.transform, fadedBackground(item.print.pixels));
        item.working = grayImage(working);
        item.preprocessed = std::move(pre);
    } catch (const std::exception& error) {
        item.preprocessError = QString::fromStdString(error.what());
    }
}

struct FileList {
    std::vector<QString> files;
    QStringList problems;
};

// Folders become their image files (recursively, sorted); files stay as they are, whatever
// their extension, so that a wrongly named file is reported rather than silently skipped.
FileList expandPaths(const QStringList& paths, const CancelToken& cancel)
{
    FileList list;
    QSet<QString> seen;
    auto add = [&](const QString& file) {
        const QString key = evidenceKeyForPath(file);
        if (!seen.contains(key)) {
            seen.insert(key);
            list.files.push_back(file);
        }
    };
    for (const QString& path : paths) {
        if (cancel.isCancelled())
            break;
        if (!QFileInfo(path).isDir()) {
            add(path);
            continue;
        }
        try {
            const std::vector<std::filesystem::path> files = listImageFiles(toFsPath(path));
            if (files.empty())
                list.problems.append(path + QStringLiteral(": the folder holds no image files "
                                                           "(BMP, PNG, TIFF, JPEG, JPEG 2000)"));
            for (const std::filesystem::path& file : files)
                add(fromFsPath(file));
        } catch (const std::exception& error) {
            list.problems.append(QString::fromStdString(error.what()));
        }
    }
    return list;
}

}  // namespace

QString evidenceKeyForPath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString demoPrintName(FingerprintClass cls, std::uint64_t seed)
{
    return QStringLiteral("demo-") + QString::fromUtf8(toString(cls)) + QStringLiteral("-seed-") +
           QString::number(seed);
}

EvidenceItem makeEvidenceItem(Print print, const QString& name, const QString& key,
                              PpiOrigin origin)
{
    EvidenceItem item;
    item.name = name;
    item.key = key;
    item.ppiOrigin = origin;
    if (origin == PpiOrigin::File)
        item.statedPpi = print.ppi;
    item.print = std::move(print);
    item.original = grayImage(item.print.pixels);
    item.thumbnail = thumbnailImage(item.print.pixels, kThumbnailSide);
    addWorkingImage(item);
    return item;
}

LoadOutcome loadEvidence(const QStringList& paths, const QSet<QString>& openKeys,
                         const ProgressSink& progress, const CancelToken& cancel)
{
    LoadOutcome outcome;
    report(progress, {0, 0, "Looking for image files", {}});
    FileList list = expandPaths(paths, cancel);
    outcome.problems = std::move(list.problems);

    const std::size_t total = list.files.size();
    for (std::size_t i = 0; i < total; ++i) {
        if (cancel.isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        const QString& file = list.files[i];
        const QString key = evidenceKeyForPath(file);
        const QString name = QFileInfo(file).fileName();
        report(progress, {i, total, name.toStdString(), {}});
        if (openKeys.contains(key)) {
            ++outcome.alreadyOpen;
            continue;
        }
        try {
            Print print = loadPrint(toFsPath(file));
            const PpiOrigin origin = print.ppiFromFile ? PpiOrigin::File : PpiOrigin::Default;
            outcome.items.push_back(makeEvidenceItem(std::move(print), name, key, origin));
        } catch (const std::exception& error) {
            // rw::Error::what() reads "file: reason"; anything else gets the file added.
            const auto* rwError = dynamic_cast<const Error*>(&error);
            outcome.problems.append(rwError ? QString::fromStdString(error.what())
                                            : file + QStringLiteral(": ") +
                                                  QString::fromStdString(error.what()));
        }
    }
    if (cancel.isCancelled())
        outcome.cancelled = true;
    report(progress, {total, total, "Done", {}});
    return outcome;
}

LoadOutcome synthesizeDemoEvidence(const QSet<QString>& openKeys, const ProgressSink& progress,
                                   const CancelToken& cancel)
{
    LoadOutcome outcome;
    const std::vector<FingerprintClass> classes = allFingerprintClasses();
    const std::size_t total = classes.size();
    for (std::size_t i = 0; i < total; ++i) {
        if (cancel.isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        // Seeds 1, 2, 3… in class order: the names say how to make each print again.
        const std::uint64_t seed = i + 1;
        const QString name = demoPrintName(classes[i], seed);
        report(progress, {i, total, name.toStdString(), {}});
        if (openKeys.contains(name)) {
            ++outcome.alreadyOpen;
            continue;
        }
        try {
            SynthOptions options;
            options.width = kDemoWidth;
            options.height = kDemoHeight;
            options.ppi = kDefaultPpi;
            options.seed = seed;
            options.cls = classes[i];
            const SyntheticPrint synthetic = generateSyntheticPrint(options);

            Print print;
            print.pixels = synthetic.image;
            print.ppi = synthetic.ppi;
            print.ppiFromFile = false;
            // The hash of the PNG it would be saved as: the same bytes a saved demo print has.
            print.sha256 = sha256Hex(encodePng(synthetic.image, synthetic.ppi));
            print.source = SourceFormat{"synthetic", 8, 1};
            outcome.items.push_back(
                makeEvidenceItem(std::move(print), name, name, PpiOrigin::Synthetic));
        } catch (const std::exception& error) {
            outcome.problems.append(name + QStringLiteral(": ") +
                                    QString::fromStdString(error.what()));
        }
    }
    if (cancel.isCancelled())
        outcome.cancelled = true;
    report(progress, {total, total, "Done", {}});
    return outcome;
}

}  // namespace rw
