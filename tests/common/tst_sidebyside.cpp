// runSideBySide: both pieces run and finish before it returns, side by side where OpenCV has two
// threads, failures come back after both have finished, and a parallel loop inside a piece still
// covers its whole range.
#include "common/SideBySide.h"

#include <QtTest>

#include <opencv2/core/utility.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace {

// Waits up to five seconds for `flag`; true if it was set.
bool waitFor(const std::atomic<bool>& flag)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!flag.load()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

}  // namespace

class TestSideBySide : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsBothPieces()
    {
        int first = 0, second = 0;
        rw::runSideBySide([&] { first = 41; }, [&] { second = 42; });
        QCOMPARE(first, 41);
        QCOMPARE(second, 42);
    }

    void runsThePiecesAtOnceWhenThereAreTwoThreads()
    {
        if (cv::getNumThreads() < 2)
            QSKIP("OpenCV has one thread here: the pieces run one after the other");
        // Each piece waits for the other to start: one after the other, the first would wait
        // in vain.
        std::atomic<bool> firstStarted{false}, secondStarted{false};
        bool firstSawSecond = false, secondSawFirst = false;
        rw::runSideBySide(
            [&] {
                firstStarted = true;
                firstSawSecond = waitFor(secondStarted);
            },
            [&] {
                secondStarted = true;
                secondSawFirst = waitFor(firstStarted);
            });
        QVERIFY(firstSawSecond);
        QVERIFY(secondSawFirst);
    }

    void rethrowsAFailureAfterBothHaveFinished()
    {
        bool secondFinished = false;
        try {
            rw::runSideBySide([] { throw std::runtime_error("first failed"); },
                              [&] {
                                  std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                  secondFinished = true;
                              });
            QFAIL("expected the first piece's exception");
        } catch (const std::runtime_error& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("first failed"));
        }
        QVERIFY(secondFinished);
    }

    void rethrowsTheFirstPiecesFailureWhenBothFail()
    {
        try {
            rw::runSideBySide([] { throw std::runtime_error("first"); },
                              [] { throw std::logic_error("second"); });
            QFAIL("expected an exception");
        } catch (const std::runtime_error& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("first"));
        } catch (const std::logic_error&) {
            QFAIL("the second piece's failure was passed on instead of the first's");
        }
    }

    void aParallelLoopInsideAPieceCoversItsRange()
    {
        std::atomic<long> sum{0};
        long other = 0;
        rw::runSideBySide(
            [&] {
                cv::parallel_for_(cv::Range(0, 1000), [&](const cv::Range& part) {
                    for (int i = part.start; i < part.end; ++i)
                        sum += i;
                });
            },
            [&] {
                for (int i = 0; i < 1000; ++i)
                    other += i;
            });
        QCOMPARE(sum.load(), 499500L);
        QCOMPARE(other, 499500L);
    }
};

QTEST_GUILESS_MAIN(TestSideBySide)
#include "tst_sidebyside.moc"
