// The batch loader: every example exactly once per epoch, seeded order, contents equal to
// TrainingData::example() whatever the number of workers, cancel while waiting, worker errors
// passed on, prompt shutdown.
#include "DataTestFiles.h"
#include "ErrorKindOf.h"
#include "ridgeworks/data/BatchLoader.h"
#include "ridgeworks/image/ImageWriter.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace fs = std::filesystem;

namespace {

// A stand-in data set whose examples encode (split, epoch, index), with hooks to make the
// workers slow, block or fail.
class FakeData : public rw::TrainingData {
public:
    explicit FakeData(std::size_t count)
        : m_count(count)
    {
        m_config.imageSize = 4;
    }
    const rw::DataConfig& config() const override { return m_config; }
    const rw::DataSummary& summary() const override { return m_summary; }
    std::size_t size(rw::DataSplit) const override { return m_count; }
    rw::TrainingExample example(rw::DataSplit split, std::uint64_t epoch,
                                std::size_t index) const override
    {
        ++calls;
        while (blocked.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (delayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        if (index == failAt)
            throw rw::Error(rw::ErrorKind::Truncated, "broken example", "fake.png");
        rw::TrainingExample ex;
        ex.clean = cv::Mat(4, 4, CV_32FC1, cv::Scalar(static_cast<double>(index) / 1000.0));
        ex.damaged = cv::Mat(4, 4, CV_32FC1, cv::Scalar(static_cast<double>(epoch) / 100.0));
        ex.mask = cv::Mat(4, 4, CV_32FC1, cv::Scalar(split == rw::DataSplit::Train ? 1.0 : 0.0));
        return ex;
    }
    void prepareEpoch(std::uint64_t, const rw::ProgressSink&, const rw::CancelToken&) override {}

    mutable std::atomic<int> calls{0};
    std::atomic<bool> blocked{false};
    int delayMs = 0;
    std::size_t failAt = static_cast<std::size_t>(-1);

private:
    std::size_t m_count;
    rw::DataConfig m_config;
    rw::DataSummary m_summary;
};

std::vector<std::size_t> epochOrder(const std::shared_ptr<const rw::TrainingData>& data,
                                    std::uint64_t epoch, const rw::BatchLoaderOptions& options)
{
    rw::BatchLoader loader(data, rw::DataSplit::Train, epoch, options);
    std::vector<std::size_t> order;
    rw::Batch batch;
    while (loader.next(batch))
        order.insert(order.end(), batch.indices.begin(), batch.indices.end());
    return order;
}

}  // namespace

class TestBatchLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyIndexOncePerEpoch_data();
    void everyIndexOncePerEpoch();
    void orderIsSeededPerEpoch();
    void batchesHoldTheExamples();
    void workerCountDoesNotChangeBytes();
    void cancelWhileWaiting();
    void workerErrorIsRethrown();
    void destructorStopsPromptly();
    void badOptions();
};

void TestBatchLoader::everyIndexOncePerEpoch_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<bool>("dropLast");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<int>("expectedBatches");
    QTest::newRow("even") << 64 << 8 << false << true << 8;
    QTest::newRow("ragged") << 50 << 8 << false << true << 7;
    QTest::newRow("ragged, dropLast") << 50 << 8 << true << true << 6;
    QTest::newRow("in order") << 10 << 3 << false << false << 4;
    QTest::newRow("fewer than a batch, dropLast") << 5 << 8 << true << true << 0;
    QTest::newRow("empty") << 0 << 4 << false << true << 0;
}

void TestBatchLoader::everyIndexOncePerEpoch()
{
    QFETCH(int, count);
    QFETCH(int, batchSize);
    QFETCH(bool, dropLast);
    QFETCH(bool, shuffle);
    QFETCH(int, expectedBatches);
    const auto data = std::make_shared<FakeData>(static_cast<std::size_t>(count));
    rw::BatchLoaderOptions options;
    options.batchSize = batchSize;
    options.dropLast = dropLast;
    options.shuffle = shuffle;
    options.workers = 3;
    options.prefetchBatches = 2;
    rw::BatchLoader loader(data, rw::DataSplit::Train, 0, options);
    QCOMPARE(loader.batchCount(), static_cast<std::size_t>(expectedBatches));
    std::vector<std::size_t> seen;
    rw::Batch batch;
    std::size_t batches = 0;
    while (loader.next(batch)) {
        ++batches;
        const bool last = batches == loader.batchCount();
        if (!last || dropLast)
            QCOMPARE(batch.count, batchSize);
        QCOMPARE(batch.size, 4);
        QCOMPARE(batch.indices.size(), static_cast<std::size_t>(batch.count));
        QCOMPARE(batch.clean.size(), static_cast<std::size_t>(batch.count) * 16);
        seen.insert(seen.end(), batch.indices.begin(), batch.indices.end());
    }
    QCOMPARE(batches, loader.batchCount());
    QVERIFY(!loader.next(batch));  // stays finished
    const std::size_t expected =
        dropLast ? static_cast<std::size_t>(expectedBatches * batchSize) : std::size_t(count);
    QCOMPARE(seen.size(), expected);
    std::vector<std::size_t> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // no repeats
    if (!dropLast)
        for (std::size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(sorted[i], i);
    if (!shuffle)
        QCOMPARE(seen, sorted);
}

void TestBatchLoader::orderIsSeededPerEpoch()
{
    const auto data = std::make_shared<FakeData>(40);
    rw::BatchLoaderOptions options;
    options.batchSize = 6;
    options.shuffleSeed = 17;
    options.workers = 2;
    const auto first = epochOrder(data, 3, options);
    options.workers = 1;  // thread count and prefetch depth do not matter
    options.prefetchBatches = 1;
    QCOMPARE(epochOrder(data, 3, options), first);
    QVERIFY(epochOrder(data, 4, options) != first);
    options.shuffleSeed = 18;
    QVERIFY(epochOrder(data, 3, options) != first);
    std::vector<std::size_t> identity(40);
    for (std::size_t i = 0; i < identity.size(); ++i)
        identity[i] = i;
    QVERIFY(first != identity);
}

void TestBatchLoader::batchesHoldTheExamples()
{
    const auto data = std::make_shared<FakeData>(23);
    rw::BatchLoaderOptions options;
    options.batchSize = 5;
    options.workers = 4;
    rw::BatchLoader loader(data, rw::DataSplit::Validation, 6, options);
    rw::Batch batch;
    while (loader.next(batch))
        for (int b = 0; b < batch.count; ++b) {
            const auto ex = data->example(rw::DataSplit::Validation, 6, batch.indices[b]);
            for (int p = 0; p < 16; ++p) {
                QCOMPARE(batch.clean[b * 16 + p], ex.clean.at<float>(p / 4, p % 4));
                QCOMPARE(batch.damaged[b * 16 + p], ex.damaged.at<float>(p / 4, p % 4));
                QCOMPARE(batch.mask[b * 16 + p], 0.0f);
            }
        }
}

void TestBatchLoader::workerCountDoesNotChangeBytes()
{
    // Real examples from a small folder, damaged on the fly: batch planes are exactly the
    // examples' pixels, for one worker and for three.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path folder = fs::path(dir.path().toStdString());
    for (int i = 0; i < 12; ++i) {
        std::string name = "p";  // (not "p" + to_string: GCC 12's -Wrestrict false positive)
        name += std::to_string(i) + ".png";
        rw::saveImage(folder / name, rw::test::smallPrint(200 + i), 500.0);
    }
    rw::DataConfig config;
    config.source = rw::parseDataSourceSpec("folder:" + folder.string());
    config.validationFraction = 0.2;
    config.imageSize = 64;
    const std::shared_ptr<const rw::TrainingData> data = rw::TrainingData::open(config);
    const std::size_t area = 64 * 64;

    std::vector<std::vector<float>> runs;
    for (const int workers : {1, 3}) {
        rw::BatchLoaderOptions options;
        options.batchSize = 4;
        options.workers = workers;
        rw::BatchLoader loader(data, rw::DataSplit::Train, 2, options);
        std::vector<float> all;
        rw::Batch batch;
        while (loader.next(batch)) {
            for (int b = 0; b < batch.count; ++b) {
                const auto ex = data->example(rw::DataSplit::Train, 2, batch.indices[b]);
                QVERIFY(std::equal(ex.damaged.begin<float>(), ex.damaged.end<float>(),
                                   batch.damaged.begin() + b * area));
                QVERIFY(std::equal(ex.mask.begin<float>(), ex.mask.end<float>(),
                                   batch.mask.begin() + b * area));
                QVERIFY(std::equal(ex.clean.begin<float>(), ex.clean.end<float>(),
                                   batch.clean.begin() + b * area));
            }
            all.insert(all.end(), batch.damaged.begin(), batch.damaged.end());
            all.insert(all.end(), batch.mask.begin(), batch.mask.end());
        }
        QCOMPARE(all.size(), 2 * data->size(rw::DataSplit::Train) * area);
        runs.push_back(std::move(all));
    }
    QVERIFY(runs[0] == runs[1]);
}

void TestBatchLoader::cancelWhileWaiting()
{
    const auto data = std::make_shared<FakeData>(20);
    data->blocked = true;  // the workers cannot finish anything: next() has to wait
    rw::BatchLoaderOptions options;
    options.batchSize = 4;
    options.workers = 2;
    rw::CancelToken cancel;
    std::optional<rw::ErrorKind> kind;
    qint64 waitedMs = 0;
    {
        rw::BatchLoader loader(data, rw::DataSplit::Train, 0, options);
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            cancel.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        rw::Batch batch;
        kind = rw::test::errorKindOf([&] { loader.next(batch, cancel); });
        waitedMs = timer.elapsed();
        canceller.join();
        data->blocked = false;  // let the workers finish their item so the loader can stop
    }
    QCOMPARE(kind, std::optional(rw::ErrorKind::Cancelled));
    QVERIFY2(waitedMs < 500, qPrintable(QString::number(waitedMs)));
}

void TestBatchLoader::workerErrorIsRethrown()
{
    const auto data = std::make_shared<FakeData>(30);
    data->failAt = 7;
    rw::BatchLoaderOptions options;
    options.batchSize = 4;
    options.shuffle = false;
    options.workers = 2;
    rw::BatchLoader loader(data, rw::DataSplit::Train, 0, options);
    rw::Batch batch;
    try {
        while (loader.next(batch)) {
        }
        QFAIL("the worker's error was not passed on");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::Truncated);
        QCOMPARE(e.path(), fs::path("fake.png"));
    }
}

void TestBatchLoader::destructorStopsPromptly()
{
    const auto data = std::make_shared<FakeData>(2000);
    data->delayMs = 2;
    rw::BatchLoaderOptions options;
    options.batchSize = 8;
    options.workers = 2;
    options.prefetchBatches = 3;
    QElapsedTimer timer;
    {
        rw::BatchLoader loader(data, rw::DataSplit::Train, 0, options);
        rw::Batch batch;
        QVERIFY(loader.next(batch));
        timer.start();
    }
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    // Only the batches in the ring were produced, not the whole epoch.
    QVERIFY2(data->calls.load() <= 8 * 4 + 2, qPrintable(QString::number(data->calls.load())));
}

void TestBatchLoader::badOptions()
{
    const auto data = std::make_shared<FakeData>(3);
    rw::BatchLoaderOptions options;
    options.batchSize = 0;
    QCOMPARE(
        rw::test::errorKindOf([&] { rw::BatchLoader(data, rw::DataSplit::Train, 0, options); }),
        std::optional(rw::ErrorKind::InvalidArgument));
    options.batchSize = 2;
    options.prefetchBatches = 0;
    QCOMPARE(
        rw::test::errorKindOf([&] { rw::BatchLoader(data, rw::DataSplit::Train, 0, options); }),
        std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(rw::test::errorKindOf([&] { rw::BatchLoader(nullptr, rw::DataSplit::Train, 0, {}); }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

QTEST_GUILESS_MAIN(TestBatchLoader)
#include "tst_batchloader.moc"
