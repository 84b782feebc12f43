// The trainer on tiny synthetic data: learning happens, checkpoints are exact, resume equals
// an uninterrupted run, fine-tuning starts from the given model, cancel stops within a batch,
// bad inputs are refused by name.
#include "ErrorKindOf.h"
#include "TinyTraining.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/Model.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace rw;

namespace {

std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name)
{
    return dir.filePath(QString::fromLatin1(name)).toStdString();
}

// The inpainting model's output on a fixed noise image with a square hole (64 px sides: a
// multiple of 16, so a 3- and a 4-level U-Net pad it alike).
cv::Mat predictOnNoise(const std::filesystem::path& model)
{
    cv::Mat image(64, 64, CV_32FC1), mask(64, 64, CV_32FC1, cv::Scalar(0));
    cv::RNG(17).fill(image, cv::RNG::UNIFORM, 0.0, 1.0);
    mask(cv::Rect(16, 16, 24, 24)).setTo(1.0);
    return Model::load(model).predict({{image, mask}}).front();
}

// How far from `reference` (predictOnNoise) the same run lands without --init-from: it starts
// from random weights.
double freshRunDistance(TrainConfig config, const std::filesystem::path& out,
                        const cv::Mat& reference)
{
    config.initFromPath.clear();
    config.outPath = out;
    train(config);
    return cv::norm(predictOnNoise(out), reference, cv::NORM_INF);
}

bool sameBytes(const cv::Mat& a, const cv::Mat& b)
{
    return a.size() == b.size() && a.type() == b.type() &&
           std::memcmp(a.data, b.data, a.total() * a.elemSize()) == 0;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::filesystem::path m_prints;

private Q_SLOTS:
    void initTestCase()
    {
        m_prints = std::filesystem::path(m_dataDir.path().toStdString()) / "prints";
        test::writeTinyPrintFolder(m_prints);
    }

    void lossDecreases()
    {
        QTemporaryDir dir;
        TrainConfig config =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "m.rwm"));
        config.epochs = 4;
        std::vector<double> batchLosses;
        std::vector<TrainingProgress> epochs;
        const TrainResult result = train(config, [&](const TrainingProgress& p) {
            if (p.phase == TrainingProgress::Phase::Batch && p.batch == 1)
                batchLosses.push_back(p.loss);  // first batch of each epoch: a single batch
            if (p.phase == TrainingProgress::Phase::Epoch)
                epochs.push_back(p);
        });
        QCOMPARE(result.epochsRun, 4);
        QCOMPARE(epochs.size(), std::size_t{4});
        const auto& history = result.card.history;
        QCOMPARE(history.size(), std::size_t{4});
        QVERIFY2(history.back().trainLoss < history.front().trainLoss,
                 qPrintable(QStringLiteral("train loss %1 → %2")
                                .arg(history.front().trainLoss)
                                .arg(history.back().trainLoss)));
        QVERIFY(history.back().validationLoss < history.front().validationLoss);
        QVERIFY(batchLosses.back() < batchLosses.front());
        for (const EpochMetrics& m : history) {
            QVERIFY(m.validationPsnr > 3.0 && m.validationPsnr < 60.0);
            QVERIFY(m.validationSsim > -1.0 && m.validationSsim <= 1.0);
            QVERIFY(m.imagesPerSecond > 0.0);
        }
        // Progress carries a sample reconstruction of the same validation example each epoch.
        QCOMPARE(epochs.front().sampleInput.size(), cv::Size(100, 100));
        QCOMPARE(epochs.front().sampleOutput.type(), CV_32FC1);
        QVERIFY(sameBytes(epochs.front().sampleTarget, epochs.back().sampleTarget));
        QVERIFY(!sameBytes(epochs.front().sampleOutput, epochs.back().sampleOutput));
        QVERIFY(std::filesystem::exists(config.outPath));
    }

    void checkpointHoldsTheBestEpochAndLoadsExactly()
    {
        QTemporaryDir dir;
        TrainConfig config =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "m.rwm"));
        config.epochs = 3;
        std::map<int, TrainingProgress> epochs;
        const TrainResult result = train(config, [&](const TrainingProgress& p) {
            if (p.phase == TrainingProgress::Phase::Epoch)
                epochs[p.epoch] = p;
        });
        const CheckpointFile file = readCheckpoint(config.outPath);
        QCOMPARE(file.card.bestEpoch, result.card.bestEpoch);
        QCOMPARE(file.card.epochsCompleted, 3);
        QVERIFY(!file.resumeState.empty());
        QCOMPARE(file.card.spec.architecture, Architecture::SeedAutoencoder);
        QCOMPARE(file.card.loss, LossKind::BinaryCrossEntropy);
        QCOMPARE(file.card.seed, std::uint64_t{7});
        QVERIFY(file.card.dataJson.find("folder:") != std::string::npos);
        QCOMPARE(file.card.weightsSha256.size(), std::size_t{64});
        // The best epoch has the lowest validation loss.
        double lowest = 1e9;
        int lowestEpoch = 0;
        for (const EpochMetrics& m : file.card.history)
            if (m.validationLoss < lowest - 1e-4 || lowestEpoch == 0)
                lowest = m.validationLoss, lowestEpoch = m.epoch;
        QCOMPARE(file.card.bestEpoch, lowestEpoch);
        // Loading reproduces the best epoch's output on its validation sample.
        const Model model = Model::load(config.outPath);
        const TrainingProgress& best = epochs.at(file.card.bestEpoch);
        const cv::Mat out = model.predict({{best.sampleInput, {}}}).front();
        // Exact to float rounding in fp32. Where either side ran in bf16 (training or
        // inference autocast on CPUs that compute it natively) bf16 keeps 8 mantissa bits:
        // a few thousandths.
        const bool bf16 = file.card.precision == "bf16" ||
                          resolvePrecision(Precision::Auto, detectCpuFeatures()) == Precision::Bf16;
        const double tolerance = bf16 ? 1e-2 : 1e-4;
        const double difference = cv::norm(out, best.sampleOutput, cv::NORM_INF);
        QVERIFY2(difference < tolerance,
                 qPrintable(QStringLiteral("the loaded model does not reproduce the trained one: "
                                           "%1 (%2)")
                                .arg(difference)
                                .arg(QString::fromStdString(file.card.precision))));
        // Same file, same model: a second load gives bit-identical outputs.
        const cv::Mat again = Model::load(config.outPath).predict({{best.sampleInput, {}}}).front();
        QVERIFY(sameBytes(out, again));
    }

    void resumeEqualsUninterruptedRun()
    {
        QTemporaryDir dir;
        TrainConfig whole =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "whole.rwm"));
        whole.epochs = 3;
        train(whole);

        TrainConfig first = whole;
        first.outPath = pathIn(dir, "part.rwm");
        first.epochs = 1;
        train(first);
        TrainConfig rest = whole;
        rest.outPath = pathIn(dir, "part.rwm");
        rest.resumePath = pathIn(dir, "part.rwm");
        const TrainResult resumed = train(rest);
        QCOMPARE(resumed.epochsRun, 2);

        const CheckpointFile a = readCheckpoint(whole.outPath);
        const CheckpointFile b = readCheckpoint(rest.outPath);
        QCOMPARE(b.card.epochsCompleted, 3);
        QCOMPARE(b.card.history.size(), std::size_t{3});
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(b.card.history[i].trainLoss, a.card.history[i].trainLoss);
            QCOMPARE(b.card.history[i].validationLoss, a.card.history[i].validationLoss);
        }
        QCOMPARE(b.card.weightsSha256, a.card.weightsSha256);
        QVERIFY(b.weights == a.weights);
    }

    void cancelStopsWithinOneBatchAndKeepsTheLastCheckpoint()
    {
        QTemporaryDir dir;
        TrainConfig config =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "m.rwm"));
        config.epochs = 5;
        CancelToken cancel;
        int batchesAfterCancel = 0;
        int epochsDone = 0;
        const auto kind = test::errorKindOf([&] {
            train(
                config,
                [&](const TrainingProgress& p) {
                    if (p.phase == TrainingProgress::Phase::Epoch)
                        ++epochsDone;
                    if (p.phase != TrainingProgress::Phase::Batch)
                        return;
                    if (cancel.isCancelled())
                        ++batchesAfterCancel;
                    if (p.epoch == 2 && p.batch == 1)
                        cancel.cancel();
                },
                cancel);
        });
        QCOMPARE(kind.value_or(ErrorKind::Missing), ErrorKind::Cancelled);
        QCOMPARE(batchesAfterCancel, 0);
        QCOMPARE(epochsDone, 1);
        const CheckpointFile kept = readCheckpoint(config.outPath);
        QCOMPARE(kept.card.epochsCompleted, 1);
    }

    void otherArchitecturesTrain_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("unet-inpaint") << int(Architecture::UNetInpaint);
        QTest::newRow("damage-detector") << int(Architecture::DamageDetector);
    }

    void otherArchitecturesTrain()
    {
        QFETCH(int, architecture);
        QTemporaryDir dir;
        TrainConfig config =
            test::tinyTraining(Architecture(architecture), m_prints, pathIn(dir, "m.rwm"));
        const TrainResult result = train(config);
        QCOMPARE(result.card.history.size(), std::size_t{2});
        QVERIFY(std::isfinite(result.card.history.back().validationLoss));
        const Model model = Model::load(config.outPath);
        QCOMPARE(model.spec().inputSize, 64);
        cv::Mat image(64, 64, CV_32FC1, cv::Scalar(0.5)), mask(64, 64, CV_32FC1, cv::Scalar(0));
        mask(cv::Rect(10, 10, 20, 20)).setTo(1.0);
        const cv::Mat out = model.predict({{image, mask}}).front();
        QCOMPARE(out.size(), cv::Size(64, 64));
        double lo = 0, hi = 0;
        cv::minMaxLoc(out, &lo, &hi);
        QVERIFY(lo >= 0.0 && hi <= 1.0);
        // The U-Nets take other sizes too (padded inside, cropped back), e.g. 100×100.
        cv::Mat big(100, 100, CV_32FC1, cv::Scalar(0.5)),
            bigMask(100, 100, CV_32FC1, cv::Scalar(0));
        QCOMPARE(model.predict({{big, bigMask}}).front().size(), cv::Size(100, 100));
        if (Architecture(architecture) == Architecture::DamageDetector) {
            const double iou = result.card.history.back().validationIou;
            QVERIFY(iou >= 0.0 && iou <= 1.0);
            QVERIFY(result.card.dataJson.find("\"holeFill\": \"grey\"") != std::string::npos);
        } else {
            // The U-Net learned from ridge-continuation fills, made by the data workers, and
            // a run with the other fill cannot continue it.
            QCOMPARE(model.spec().holeFill, HoleFill::RidgeContinuation);
            QVERIFY(result.card.dataJson.find("\"holeFill\": \"ridge-continuation\"") !=
                    std::string::npos);
            TrainConfig grey = config;
            grey.model.holeFill = HoleFill::Grey;
            grey.epochs = 3;
            grey.resumePath = config.outPath;
            grey.outPath = pathIn(dir, "grey.rwm");
            QCOMPARE(test::errorKindOf([&] { train(grey); }).value_or(ErrorKind::Missing),
                     ErrorKind::Incompatible);
        }
    }

    void initFromStartsANewRunFromTheModelsWeights()
    {
        QTemporaryDir dir;
        TrainConfig base =
            test::tinyTraining(Architecture::UNetInpaint, m_prints, pathIn(dir, "base.rwm"));
        base.epochs = 1;
        base.loss = LossKind::Inpaint;
        train(base);
        const CheckpointFile parent = readCheckpoint(base.outPath);

        // A fine-tuning run with another loss and a learning rate too small to move the
        // weights: its model must still be the parent's, and its card must say so.
        TrainConfig tune = base;
        tune.outPath = pathIn(dir, "tuned.rwm");
        tune.initFromPath = base.outPath;
        tune.loss = LossKind::InpaintCoherent;
        tune.learningRate = 1e-12;
        const TrainResult tuned = train(tune);
        QCOMPARE(tuned.epochsRun, 1);
        const CheckpointFile file = readCheckpoint(tune.outPath);  // the card through JSON
        QCOMPARE(file.card.loss, LossKind::InpaintCoherent);
        QCOMPARE(file.card.epochsCompleted, 1);
        QCOMPARE(file.card.initialisedFrom.weightsSha256, parent.card.weightsSha256);
        QCOMPARE(file.card.initialisedFrom.name, parent.card.name);
        QCOMPARE(file.card.initialisedFrom.epochs, 1);
        QCOMPARE(file.card.initialisedFrom.loss, std::string("inpaint"));
        QVERIFY(parent.card.initialisedFrom.weightsSha256.empty());

        const cv::Mat fromParent = predictOnNoise(base.outPath);
        const double tunedOff = cv::norm(predictOnNoise(tune.outPath), fromParent, cv::NORM_INF);
        // The same run without init-from starts from the random weights the parent started
        // from: it lacks the parent's epoch of learning.
        const double freshOff = freshRunDistance(tune, pathIn(dir, "fresh.rwm"), fromParent);
        QVERIFY2(tunedOff < 1e-3 && freshOff > 10.0 * std::max(tunedOff, 1e-3),
                 qPrintable(QStringLiteral("tuned %1, fresh %2").arg(tunedOff).arg(freshOff)));

        // Another model, another size, or resume and init-from together are refused.
        TrainConfig detector = tune;
        detector.model.architecture = Architecture::DamageDetector;
        detector.loss.reset();
        QCOMPARE(test::errorKindOf([&] { train(detector); }).value_or(ErrorKind::Missing),
                 ErrorKind::Incompatible);
        TrainConfig bigger = tune;
        bigger.model.inputSize = 96;
        QCOMPARE(test::errorKindOf([&] { train(bigger); }).value_or(ErrorKind::Missing),
                 ErrorKind::Incompatible);
        TrainConfig both = tune;
        both.resumePath = base.outPath;
        QCOMPARE(test::errorKindOf([&] { train(both); }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);
    }

    void initFromGrowsAUNetByOneLevel()
    {
        QTemporaryDir dir;
        TrainConfig base =
            test::tinyTraining(Architecture::UNetInpaint, m_prints, pathIn(dir, "base.rwm"));
        base.epochs = 1;
        train(base);

        // Grown by a level with a learning rate too small to move the weights: the larger
        // network must compute what the trained one does, and its card must say it has 4
        // levels.
        TrainConfig grow = base;
        grow.model.levels = 4;
        grow.outPath = pathIn(dir, "grown.rwm");
        grow.initFromPath = base.outPath;
        grow.learningRate = 1e-12;
        train(grow);
        const CheckpointFile grown = readCheckpoint(grow.outPath);
        QCOMPARE(grown.card.spec.effectiveLevels(), 4);
        QCOMPARE(readCheckpoint(base.outPath).card.spec.effectiveLevels(), 3);

        const cv::Mat fromBase = predictOnNoise(base.outPath);
        const double grownOff = cv::norm(predictOnNoise(grow.outPath), fromBase, cv::NORM_INF);
        // A 4-level network trained the same way from random weights is another function.
        const double freshOff = freshRunDistance(grow, pathIn(dir, "fresh.rwm"), fromBase);
        // (Measured: 0 for the grown network; 1.2e-4 when the new level's identity read the
        // wrong half of its input.)
        QVERIFY2(grownOff < 1e-6 && freshOff > 1e-2,
                 qPrintable(QStringLiteral("grown %1, fresh %2").arg(grownOff).arg(freshOff)));

        // Two levels more, or another number of levels when resuming, are refused.
        TrainConfig twoMore = grow;
        twoMore.model.levels = 5;
        QCOMPARE(test::errorKindOf([&] { train(twoMore); }).value_or(ErrorKind::Missing),
                 ErrorKind::Incompatible);
        TrainConfig resume = base;
        resume.epochs = 2;
        resume.model.levels = 4;
        resume.outPath = pathIn(dir, "resumed.rwm");
        resume.resumePath = base.outPath;
        QCOMPARE(test::errorKindOf([&] { train(resume); }).value_or(ErrorKind::Missing),
                 ErrorKind::Incompatible);
    }

    void badSettingsAreRefused_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("zero epochs") << "epochs";
        QTest::newRow("zero batch") << "batch";
        QTest::newRow("negative lr") << "lr";
        QTest::newRow("no output") << "out";
        QTest::newRow("autoencoder at 64") << "size";
        QTest::newRow("autoencoder with levels") << "autoencoder levels";
        QTest::newRow("U-Net of 6 levels") << "unet levels";
    }

    void badSettingsAreRefused()
    {
        QFETCH(QString, what);
        QTemporaryDir dir;
        TrainConfig config =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "m.rwm"));
        if (what == QLatin1String("epochs"))
            config.epochs = 0;
        if (what == QLatin1String("batch"))
            config.batchSize = 0;
        if (what == QLatin1String("lr"))
            config.learningRate = -1;
        if (what == QLatin1String("out"))
            config.outPath.clear();
        if (what == QLatin1String("size"))
            config.model.inputSize = 64;
        if (what == QLatin1String("autoencoder levels"))
            config.model.levels = 3;
        if (what == QLatin1String("unet levels")) {
            config.model.architecture = Architecture::UNetInpaint;
            config.model.inputSize = 64;
            config.model.levels = 6;
        }
        QCOMPARE(test::errorKindOf([&] { train(config); }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);
        QVERIFY(!std::filesystem::exists(pathIn(dir, "m.rwm")));
    }

    void badResumeCheckpointIsRefusedByName()
    {
        QTemporaryDir dir;
        const auto text = pathIn(dir, "notes.rwm");
        std::ofstream(text) << "hello";
        TrainConfig config =
            test::tinyTraining(Architecture::SeedAutoencoder, m_prints, pathIn(dir, "m.rwm"));
        config.resumePath = text;
        try {
            train(config);
            QFAIL("a text file was accepted as a checkpoint");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::WrongFormat);
            QCOMPARE(e.path(), text);
        }
        // A detector checkpoint cannot continue as an autoencoder.
        TrainConfig detector =
            test::tinyTraining(Architecture::DamageDetector, m_prints, pathIn(dir, "d.rwm"));
        detector.epochs = 1;
        train(detector);
        config.resumePath = detector.outPath;
        QCOMPARE(test::errorKindOf([&] { train(config); }).value_or(ErrorKind::Missing),
                 ErrorKind::Incompatible);
        QCOMPARE(test::errorKindOf([&] { Model::load(text); }).value_or(ErrorKind::Missing),
                 ErrorKind::WrongFormat);
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
