// JobRunner: results, progress, failures and cancellation arrive as queued signals on the
// runner's thread, in order, one job at a time.
#include "JobRunner.h"

#include <ridgeworks/common/Error.h>

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;

class TestJobRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversResultOnRunnerThread()
    {
        rw::JobRunner runner;
        QSignalSpy succeeded(&runner, &rw::JobRunner::jobSucceeded);
        Qt::HANDLE workerThread = nullptr;
        Qt::HANDLE resultThread = nullptr;
        int result = 0;
        runner.submitForResult(
            QStringLiteral("answer"),
            [&workerThread](const rw::ProgressSink&, const rw::CancelToken&) {
                workerThread = QThread::currentThreadId();
                return 42;
            },
            [&](int value) {
                resultThread = QThread::currentThreadId();
                result = value;
            });
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(result, 42);
        QCOMPARE(succeeded.first().first().toString(), QStringLiteral("answer"));
        QVERIFY(workerThread != QThread::currentThreadId());
        QCOMPARE(resultThread, QThread::currentThreadId());
        QVERIFY(!runner.isBusy());
    }

    void progressArrivesWithTheLastStep()
    {
        rw::JobRunner runner;
        QSignalSpy progress(&runner, &rw::JobRunner::progressChanged);
        QSignalSpy succeeded(&runner, &rw::JobRunner::jobSucceeded);
        runner.submit(QStringLiteral("count"),
                      [](const rw::ProgressSink& sink, const rw::CancelToken&) {
                          for (std::size_t i = 1; i <= 200; ++i)
                              rw::report(sink, {i, 200, "step " + std::to_string(i), {}});
                      });
        QVERIFY(succeeded.wait(5000));
        QVERIFY(!progress.isEmpty());
        // Coalesced, but never more events than steps, and the final state is never lost.
        QVERIFY(progress.size() <= 200);
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(0).toLongLong(), 200);
        QCOMPARE(last.at(1).toLongLong(), 200);
        QCOMPARE(last.at(2).toString(), QStringLiteral("step 200"));
    }

    void reportsCoreErrorsWithFileAndReason()
    {
        rw::JobRunner runner;
        QSignalSpy failed(&runner, &rw::JobRunner::jobFailed);
        QSignalSpy succeeded(&runner, &rw::JobRunner::jobSucceeded);
        bool doneCalled = false;
        runner.submit(
            QStringLiteral("load"),
            [](const rw::ProgressSink&, const rw::CancelToken&) {
                throw rw::Error(rw::ErrorKind::Truncated, "the PNG ends early", "/evidence/x.png");
            },
            [&doneCalled] { doneCalled = true; });
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("load"));
        QCOMPARE(failed.first().at(1).toString(),
                 QStringLiteral("/evidence/x.png: the PNG ends early"));
        QVERIFY(!doneCalled);
        QCOMPARE(succeeded.size(), 0);
    }

    void reportsStandardExceptions()
    {
        rw::JobRunner runner;
        QSignalSpy failed(&runner, &rw::JobRunner::jobFailed);
        runner.submit(QStringLiteral("bad"), [](const rw::ProgressSink&, const rw::CancelToken&) {
            throw std::runtime_error("out of cheese");
        });
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("out of cheese"));
    }

    void cancelStopsTheRunningJobAndDropsTheQueue()
    {
        rw::JobRunner runner;
        QSignalSpy cancelled(&runner, &rw::JobRunner::jobCancelled);
        QSignalSpy started(&runner, &rw::JobRunner::jobStarted);
        QSignalSpy busy(&runner, &rw::JobRunner::busyChanged);
        std::atomic<bool> running{false};
        std::atomic<bool> secondRan{false};
        runner.submit(QStringLiteral("long"),
                      [&running](const rw::ProgressSink&, const rw::CancelToken& cancel) {
                          running = true;
                          for (int i = 0; i < 1000; ++i) {  // 10 s unless cancelled
                              cancel.throwIfCancelled();
                              std::this_thread::sleep_for(10ms);
                          }
                      });
        runner.submit(
            QStringLiteral("queued"),
            [&secondRan](const rw::ProgressSink&, const rw::CancelToken&) { secondRan = true; });
        QCOMPARE(runner.queuedCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(running.load(), 5000);
        runner.cancelAll();
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(cancelled.first().first().toString(), QStringLiteral("long"));
        QTRY_VERIFY(!runner.isBusy());
        QVERIFY(!secondRan.load());
        QCOMPARE(started.size(), 1);
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).first().toBool(), true);
        QCOMPARE(busy.at(1).first().toBool(), false);
    }

    void runsJobsOneAtATimeInOrder()
    {
        rw::JobRunner runner;
        QStringList order;
        std::atomic<int> concurrent{0};
        std::atomic<int> maxConcurrent{0};
        auto work = [&](int ms) {
            return [&, ms](const rw::ProgressSink&, const rw::CancelToken&) {
                const int now = ++concurrent;
                maxConcurrent = std::max(maxConcurrent.load(), now);
                std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                --concurrent;
            };
        };
        runner.submit(QStringLiteral("a"), work(30), [&] { order << QStringLiteral("a"); });
        runner.submit(QStringLiteral("b"), work(1), [&] { order << QStringLiteral("b"); });
        runner.submit(QStringLiteral("c"), work(10), [&] { order << QStringLiteral("c"); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
        QCOMPARE(order,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(maxConcurrent.load(), 1);
    }

    void destructorWaitsForTheWorker()
    {
        std::atomic<bool> finished{false};
        {
            rw::JobRunner runner;
            runner.submit(QStringLiteral("slow"),
                          [&finished](const rw::ProgressSink&, const rw::CancelToken& cancel) {
                              for (int i = 0; i < 500 && !cancel.isCancelled(); ++i)
                                  std::this_thread::sleep_for(2ms);
                              finished = true;
                          });
            std::this_thread::sleep_for(20ms);
        }
        // The runner cancelled and waited: nothing is left running that could touch it.
        QVERIFY(finished.load());
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
