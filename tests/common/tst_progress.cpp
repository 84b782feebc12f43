#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Progress.h"

#include <QtTest>

class TestProgress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void copiesShareTheFlag()
    {
        rw::CancelToken token;
        const rw::CancelToken copy = token;
        QVERIFY(!copy.isCancelled());
        token.cancel();
        QVERIFY(copy.isCancelled());
        try {
            copy.throwIfCancelled();
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::Cancelled);
        }
    }
    void reportToleratesNoSink()
    {
        rw::report({}, {1, 2, "step", {}});
        int calls = 0;
        rw::report([&](const rw::ProgressEvent& e) { calls += static_cast<int>(e.step); },
                   {3, 4, "step", {}});
        QCOMPARE(calls, 3);
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
