// The in-memory training set: folder and SOCOFing sources read from files written here,
// the synthetic source; determinism of examples, on-the-fly damage confined to its mask,
// altered-pair masks, bad files skipped and listed, clear errors naming the folder.
#include "DataTestFiles.h"
#include "ErrorKindOf.h"
#include "ridgeworks/data/TrainingData.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/image/Preprocess.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <atomic>
#include <set>

namespace fs = std::filesystem;

class TestTrainingData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void folderSourceSkipsAndListsBadFiles();
    void examplesAreWellFormed();
    void onTheFlyDamageStaysInsideItsMask();
    void ridgeContinuationFillsOnlyTheHole();
    void sameBytesForSameIndexAnyWorkers();
    void trainingChangesWithEpochValidationDoesNot();
    void maxPrintsAndProgress();
    void emptyOrUnusableFolderIsNamed();
    void oneSubjectLeavesNoValidation();
    void socofingPairsAndSplit();
    void socofingWithoutPairs();
    void syntheticSource();
    void cancelAndBadConfig();

private:
    rw::DataConfig folderConfig(int workers = 2) const;

    QTemporaryDir m_dir;
    fs::path m_folder;
    fs::path m_socofing;
    std::shared_ptr<rw::TrainingData> m_data;
    std::map<std::string, cv::Mat> m_trueMasks;  // applyDamage's masks of the altered prints
};

namespace {

bool sameExample(const rw::TrainingExample& a, const rw::TrainingExample& b)
{
    return rw::test::sameBytes(a.clean, b.clean) && rw::test::sameBytes(a.damaged, b.damaged) &&
           rw::test::sameBytes(a.mask, b.mask) && a.description == b.description;
}

int subjectOf(const std::string& description)
{
    return std::stoi(description.substr(0, description.find("__")));
}

}  // namespace

rw::DataConfig TestTrainingData::folderConfig(int workers) const
{
    rw::DataConfig config;
    config.source = rw::parseDataSourceSpec("folder:" + m_folder.string());
    config.validationFraction = 0.25;
    config.seed = 3;
    config.workers = workers;
    return config;
}

void TestTrainingData::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const fs::path base = m_dir.path().toStdString();
    // Plain folder: eight prints directly in it (each its own subject), two broken files.
    m_folder = base / "plain";
    fs::create_directories(m_folder);
    for (int i = 0; i < 8; ++i)
        rw::saveImage(m_folder / ("print" + std::to_string(i) + ".png"),
                      rw::test::smallPrint(100 + i), 500.0);
    rw::test::writeTruncated(m_folder / "truncated.png", rw::test::smallPrint(100), 300);
    rw::test::writeText(m_folder / "notes.png", "this is text, not a PNG");

    m_data = rw::TrainingData::open(folderConfig());
    QVERIFY(m_data);

    // SOCOFing: four subjects × two fingers, each with an obliterated (easy) and a rotated
    // (hard) altered version; one real print broken.
    m_socofing = base / "SOCOFing";
    using K = rw::DamageKind;
    using L = rw::DamageLevel;
    rw::test::writeSocofingFolder(
        m_socofing, 4, {{K::Obliteration, L::Easy}, {K::Rotation, L::Hard}}, &m_trueMasks);
    rw::test::writeText(m_socofing / "Real" / "5__M_Left_index_finger.BMP", "BM but not really");
}

void TestTrainingData::folderSourceSkipsAndListsBadFiles()
{
    const rw::DataSummary& summary = m_data->summary();
    QCOMPARE(summary.trainPrints + summary.validationPrints, std::size_t(8));
    QCOMPARE(summary.trainSubjects + summary.validationSubjects, std::size_t(8));
    QCOMPARE(summary.validationSubjects, std::size_t(2));  // 0.25 of 8 subjects
    QCOMPARE(m_data->size(rw::DataSplit::Train), summary.trainPrints);
    QCOMPARE(m_data->size(rw::DataSplit::Validation), summary.validationPrints);
    QCOMPARE(summary.skipped.size(), std::size_t(2));
    std::set<std::string> names;
    for (const auto& skipped : summary.skipped) {
        names.insert(fs::path(skipped.path).filename().string());
        QVERIFY(!skipped.reason.empty());
        QVERIFY2(skipped.reason.find(skipped.path) == std::string::npos,
                 "the reason should not repeat the path");
    }
    QCOMPARE(names, (std::set<std::string>{"notes.png", "truncated.png"}));
    QCOMPARE(summary.source, "folder:" + m_folder.string());
    QCOMPARE(summary.alteredPairs, std::size_t(0));
    QCOMPARE(summary.damageKinds.size(), std::size_t(3));
}

void TestTrainingData::examplesAreWellFormed()
{
    for (const rw::DataSplit split : {rw::DataSplit::Train, rw::DataSplit::Validation})
        for (std::size_t i = 0; i < m_data->size(split); ++i) {
            const rw::TrainingExample ex = m_data->example(split, 0, i);
            for (const cv::Mat* m : {&ex.clean, &ex.damaged, &ex.mask}) {
                QCOMPARE(m->type(), CV_32FC1);
                QCOMPARE(m->rows, 100);
                QCOMPARE(m->cols, 100);
                double lo = 0, hi = 0;
                cv::minMaxLoc(*m, &lo, &hi);
                QVERIFY(lo >= 0.0 && hi <= 1.0);
            }
            QCOMPARE(cv::countNonZero((ex.mask != 0.0f) & (ex.mask != 1.0f)), 0);
            QVERIFY(cv::countNonZero(ex.mask) > 0);
            QVERIFY(ex.description.find("seed") != std::string::npos);
        }
    QCOMPARE(rw::test::errorKindOf([&] {
                 m_data->example(rw::DataSplit::Train, 0, m_data->size(rw::DataSplit::Train));
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

void TestTrainingData::onTheFlyDamageStaysInsideItsMask()
{
    for (std::uint64_t epoch = 0; epoch < 3; ++epoch)
        for (std::size_t i = 0; i < m_data->size(rw::DataSplit::Train); ++i) {
            const rw::TrainingExample ex = m_data->example(rw::DataSplit::Train, epoch, i);
            const cv::Mat outside = ex.mask == 0.0f;
            const cv::Mat changed = ex.damaged != ex.clean;
            QCOMPARE(cv::countNonZero(changed & outside), 0);  // bit-identical outside
            QVERIFY(cv::countNonZero(changed) > 0);            // and something was damaged
        }
}

void TestTrainingData::ridgeContinuationFillsOnlyTheHole()
{
    // The U-Net's examples: the same damage, with the hole replaced by the classical fill of
    // the damaged print (prepareHoleInput); outside the hole the damaged print as it was.
    rw::DataConfig config = folderConfig();
    config.holeFill = rw::HoleFill::RidgeContinuation;
    const auto filled = rw::TrainingData::open(config);
    QCOMPARE(filled->summary().holeFill, std::string("ridge-continuation"));
    QCOMPARE(m_data->summary().holeFill, std::string("grey"));
    for (std::size_t i = 0; i < filled->size(rw::DataSplit::Train); ++i) {
        const rw::TrainingExample plain = m_data->example(rw::DataSplit::Train, 1, i);
        const rw::TrainingExample ex = filled->example(rw::DataSplit::Train, 1, i);
        QVERIFY(rw::test::sameBytes(ex.clean, plain.clean));
        QVERIFY(rw::test::sameBytes(ex.mask, plain.mask));
        QCOMPARE(ex.description, plain.description);
        const cv::Mat expected =
            rw::prepareHoleInput(rw::HoleFill::RidgeContinuation, plain.damaged, plain.mask);
        QVERIFY(rw::test::sameBytes(ex.damaged, expected));
        QCOMPARE(cv::countNonZero((ex.damaged != plain.damaged) & (plain.mask == 0.0f)), 0);
        QVERIFY(cv::countNonZero(ex.damaged != plain.damaged) > 0);
    }
    QVERIFY(rw::toJson(filled->summary()).find("\"holeFill\": \"ridge-continuation\"") !=
            std::string::npos);
}

void TestTrainingData::sameBytesForSameIndexAnyWorkers()
{
    const auto single = rw::TrainingData::open(folderConfig(1));
    QCOMPARE(single->size(rw::DataSplit::Train), m_data->size(rw::DataSplit::Train));
    for (const rw::DataSplit split : {rw::DataSplit::Train, rw::DataSplit::Validation})
        for (std::size_t i = 0; i < m_data->size(split); ++i) {
            const auto a = m_data->example(split, 4, i);
            QVERIFY(sameExample(a, m_data->example(split, 4, i)));
            QVERIFY(sameExample(a, single->example(split, 4, i)));
        }
    // Another data seed: other damage, possibly another split.
    rw::DataConfig other = folderConfig();
    other.seed = 4;
    const auto reseeded = rw::TrainingData::open(other);
    int differ = 0;
    for (std::size_t i = 0;
         i < std::min(reseeded->size(rw::DataSplit::Train), m_data->size(rw::DataSplit::Train));
         ++i)
        differ += !sameExample(reseeded->example(rw::DataSplit::Train, 0, i),
                               m_data->example(rw::DataSplit::Train, 0, i));
    QVERIFY(differ > 0);
}

void TestTrainingData::trainingChangesWithEpochValidationDoesNot()
{
    for (std::size_t i = 0; i < m_data->size(rw::DataSplit::Train); ++i) {
        const auto e0 = m_data->example(rw::DataSplit::Train, 0, i);
        const auto e1 = m_data->example(rw::DataSplit::Train, 1, i);
        QVERIFY(rw::test::sameBytes(e0.clean, e1.clean));  // same print from the cache
        QVERIFY(!rw::test::sameBytes(e0.damaged, e1.damaged) ||
                !rw::test::sameBytes(e0.mask, e1.mask));
        QVERIFY(e0.description != e1.description);
    }
    for (std::size_t i = 0; i < m_data->size(rw::DataSplit::Validation); ++i)
        QVERIFY(sameExample(m_data->example(rw::DataSplit::Validation, 0, i),
                            m_data->example(rw::DataSplit::Validation, 9, i)));
}

void TestTrainingData::maxPrintsAndProgress()
{
    rw::DataConfig config = folderConfig();
    config.maxPrints = 5;
    std::atomic<int> events{0};
    std::size_t lastTotal = 0, lastStep = 0;
    const auto data = rw::TrainingData::open(config, [&](const rw::ProgressEvent& e) {
        ++events;
        lastTotal = e.total;
        lastStep = e.step;
    });
    QCOMPARE(data->summary().trainPrints + data->summary().validationPrints, std::size_t(5));
    QVERIFY(events > 0);
    QCOMPARE(lastTotal, std::size_t(5));  // the files chosen (the broken ones may be among them)
    QCOMPARE(lastStep, std::size_t(5));
}

void TestTrainingData::emptyOrUnusableFolderIsNamed()
{
    const fs::path base = m_dir.path().toStdString();
    const fs::path empty = base / "empty";
    fs::create_directories(empty / "sub");
    rw::test::writeText(empty / "sub" / "readme.txt", "no images here");
    rw::DataConfig config = folderConfig();
    config.source.path = empty.string();
    try {
        rw::TrainingData::open(config);
        QFAIL("no error for an empty folder");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::Missing);
        QCOMPARE(e.path(), empty);
        QVERIFY(std::string(e.what()).find(empty.string()) != std::string::npos);
    }

    const fs::path junk = base / "junk";
    rw::test::writeText(junk / "a.png", "text");
    rw::test::writeText(junk / "b.BMP", "text");
    config.source.path = junk.string();
    try {
        rw::TrainingData::open(config);
        QFAIL("no error for a folder of unusable files");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::InvalidArgument);
        QCOMPARE(e.path(), junk);
        const std::string message = e.what();
        QVERIFY2(message.find((junk / "b.BMP").string()) != std::string::npos, e.what());
    }

    config.source.path = (base / "nowhere").string();
    try {
        rw::TrainingData::open(config);
        QFAIL("no error for a missing folder");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::Missing);
        QCOMPARE(e.path(), base / "nowhere");
    }
}

void TestTrainingData::oneSubjectLeavesNoValidation()
{
    const fs::path one = fs::path(m_dir.path().toStdString()) / "one-subject";
    fs::create_directories(one);
    rw::saveImage(one / "3__M_Left_index_finger.png", rw::test::smallPrint(1), 500.0);
    rw::saveImage(one / "3__M_Left_thumb_finger.png", rw::test::smallPrint(2), 500.0);
    rw::DataConfig config = folderConfig();
    config.source.path = one.string();
    try {
        rw::TrainingData::open(config);
        QFAIL("no error without a validation subject");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::InvalidArgument);
        QCOMPARE(e.path(), one);
        QVERIFY2(e.reason().find("validation") != std::string::npos, e.what());
    }
}

void TestTrainingData::socofingPairsAndSplit()
{
    rw::DataConfig config;
    config.source = rw::parseDataSourceSpec("socofing:" + m_socofing.string());
    config.validationFraction = 0.25;  // one of the four usable subjects
    config.workers = 2;
    const auto data = rw::TrainingData::open(config);
    const rw::DataSummary& summary = data->summary();
    QCOMPARE(summary.trainPrints + summary.validationPrints, std::size_t(8));
    QCOMPARE(summary.validationSubjects, std::size_t(1));
    QCOMPARE(summary.trainSubjects, std::size_t(3));
    QCOMPARE(summary.alteredPairs, std::size_t(16));
    QCOMPARE(data->size(rw::DataSplit::Train) + data->size(rw::DataSplit::Validation),
             std::size_t(8 + 16));
    QCOMPARE(summary.skipped.size(), std::size_t(1));
    QCOMPARE(fs::path(summary.skipped[0].path).filename().string(),
             std::string("5__M_Left_index_finger.BMP"));

    std::set<int> subjects[2];
    int pairs = 0;
    for (const rw::DataSplit split : {rw::DataSplit::Train, rw::DataSplit::Validation})
        for (std::size_t i = 0; i < data->size(split); ++i) {
            const rw::TrainingExample ex = data->example(split, 2, i);
            subjects[split == rw::DataSplit::Train ? 0 : 1].insert(subjectOf(ex.description));
            QCOMPARE(cv::countNonZero((ex.mask != 0.0f) & (ex.mask != 1.0f)), 0);
            if (ex.description.find("SOCOFing altered") == std::string::npos)
                continue;
            ++pairs;
            // Altered pairs are fixed: the same for every epoch.
            QVERIFY(sameExample(ex, data->example(split, 7, i)));
            // The mask is where the altered print differs: compare it with applyDamage's own
            // mask, cut and scaled like the real print.
            const std::string stem = ex.description.substr(0, ex.description.find(' '));
            QVERIFY2(m_trueMasks.count(stem), stem.c_str());
            const std::string realStem = stem.substr(0, stem.rfind('_'));
            const rw::Preprocessed real =
                rw::preprocessForModel(rw::loadPrint(m_socofing / "Real" / (realStem + ".BMP")));
            cv::Mat truth;
            cv::resize(m_trueMasks[stem](real.transform.crop), truth, {100, 100}, 0, 0,
                       cv::INTER_NEAREST);
            const cv::Mat mask = ex.mask != 0.0f;
            const double covered =
                cv::countNonZero(truth & mask) / static_cast<double>(cv::countNonZero(truth));
            cv::Mat near;
            cv::dilate(truth, near, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
            const double spill =
                cv::countNonZero(mask & ~near) / static_cast<double>(cv::countNonZero(mask));
            QVERIFY2(covered > 0.95, qPrintable(QString::number(covered) + " " + stem.c_str()));
            QVERIFY2(spill < 0.02, qPrintable(QString::number(spill) + " " + stem.c_str()));
            // Outside the mask the pair is (nearly) identical.
            cv::Mat diff;
            cv::absdiff(ex.damaged, ex.clean, diff);
            double outsideMax = 0;
            cv::minMaxLoc(diff, nullptr, &outsideMax, nullptr, nullptr, ex.mask == 0.0f);
            QVERIFY2(outsideMax <= 8.0 / 255.0 + 1e-6, ex.description.c_str());
        }
    QCOMPARE(pairs, 16);
    for (const int s : subjects[1])
        QVERIFY(!subjects[0].count(s));  // pairs follow their subject to its side
}

void TestTrainingData::socofingWithoutPairs()
{
    rw::DataConfig config;
    config.source = rw::parseDataSourceSpec("socofing:" + m_socofing.string());
    config.useAlteredPairs = false;
    config.validationFraction = 0.25;
    const auto data = rw::TrainingData::open(config);
    QCOMPARE(data->summary().alteredPairs, std::size_t(0));
    QCOMPARE(data->size(rw::DataSplit::Train) + data->size(rw::DataSplit::Validation),
             std::size_t(8));
}

void TestTrainingData::syntheticSource()
{
    rw::DataConfig config;
    config.syntheticCount = 2;
    config.syntheticValidationCount = 1;
    config.imageSize = 64;
    config.seed = 9;
    config.workers = 2;
    const auto data = rw::TrainingData::open(config);
    QCOMPARE(data->size(rw::DataSplit::Train), std::size_t(2));
    QCOMPARE(data->size(rw::DataSplit::Validation), std::size_t(1));
    QCOMPARE(data->summary().source, std::string("synthetic"));
    QCOMPARE(data->summary().trainPrints, std::size_t(2));
    QCOMPARE(data->summary().validationSubjects, std::size_t(1));

    data->prepareEpoch(0, {}, {});
    std::vector<rw::TrainingExample> epoch0;
    for (std::size_t i = 0; i < 2; ++i) {
        epoch0.push_back(data->example(rw::DataSplit::Train, 0, i));
        QCOMPARE(epoch0.back().clean.rows, 64);
        const cv::Mat changed = epoch0.back().damaged != epoch0.back().clean;
        QCOMPARE(cv::countNonZero(changed & (epoch0.back().mask == 0.0f)), 0);
    }
    QVERIFY(!rw::test::sameBytes(epoch0[0].clean, epoch0[1].clean));
    const auto validation = data->example(rw::DataSplit::Validation, 0, 0);

    data->prepareEpoch(1, {}, {});
    for (std::size_t i = 0; i < 2; ++i)  // new prints every epoch
        QVERIFY(
            !rw::test::sameBytes(epoch0[i].clean, data->example(rw::DataSplit::Train, 1, i).clean));
    // Validation is fixed for the run; an epoch that was not prepared is rendered on demand
    // with the very same bytes.
    QVERIFY(sameExample(validation, data->example(rw::DataSplit::Validation, 1, 0)));
    QVERIFY(sameExample(epoch0[1], data->example(rw::DataSplit::Train, 0, 1)));

    config.workers = 1;
    const auto again = rw::TrainingData::open(config);
    again->prepareEpoch(1, {}, {});
    QVERIFY(sameExample(validation, again->example(rw::DataSplit::Validation, 5, 0)));
    QVERIFY(sameExample(data->example(rw::DataSplit::Train, 1, 0),
                        again->example(rw::DataSplit::Train, 1, 0)));
}

void TestTrainingData::cancelAndBadConfig()
{
    rw::CancelToken cancel;
    cancel.cancel();
    QCOMPARE(rw::test::errorKindOf([&] { rw::TrainingData::open(folderConfig(), {}, cancel); }),
             std::optional(rw::ErrorKind::Cancelled));
    // Cancelled from the progress sink while loading, and a sink that throws: the workers
    // stop and the error comes out of open().
    rw::CancelToken midway;
    QCOMPARE(rw::test::errorKindOf([&] {
                 rw::TrainingData::open(
                     folderConfig(), [&](const rw::ProgressEvent&) { midway.cancel(); }, midway);
             }),
             std::optional(rw::ErrorKind::Cancelled));
    bool sinkError = false;
    try {
        rw::TrainingData::open(folderConfig(), [](const rw::ProgressEvent&) {
            throw std::runtime_error("sink failed");
        });
    } catch (const std::runtime_error& e) {
        sinkError = std::string(e.what()) == "sink failed";
    }
    QVERIFY(sinkError);

    rw::DataConfig config = folderConfig();
    config.imageSize = 8;
    QCOMPARE(rw::test::errorKindOf([&] { rw::TrainingData::open(config); }),
             std::optional(rw::ErrorKind::InvalidArgument));
    config = folderConfig();
    config.damageKinds.clear();
    QCOMPARE(rw::test::errorKindOf([&] { rw::TrainingData::open(config); }),
             std::optional(rw::ErrorKind::InvalidArgument));
    config = folderConfig();
    config.damageLevels = {rw::DamageLevel::Custom};
    QCOMPARE(rw::test::errorKindOf([&] { rw::TrainingData::open(config); }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

QTEST_GUILESS_MAIN(TestTrainingData)
#include "tst_trainingdata.moc"
