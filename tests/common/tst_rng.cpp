#include "ridgeworks/common/Random.h"

#include <QtTest>

#include <cmath>

class TestRng : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameSequence()
    {
        rw::Rng a(42), b(42), c(43);
        bool differs = false;
        for (int i = 0; i < 1000; ++i) {
            const auto va = a.nextU64();
            QCOMPARE(va, b.nextU64());
            differs |= va != c.nextU64();
        }
        QVERIFY(differs);
    }
    void knownFirstValueIsStable()
    {
        // Pinned so that a change of algorithm (which would change every synthetic print
        // and every recorded seed's meaning) cannot slip in unnoticed.
        rw::Rng rng(1);
        QCOMPARE(rng.nextU64(), std::uint64_t(0xb3f2af6d0fc710c5ULL));
    }
    void uniformAndNormalHaveTheirMoments()
    {
        rw::Rng rng(7);
        const int n = 200000;
        double sumU = 0, sumN = 0, sumN2 = 0;
        int lo = 100, hi = -100;
        for (int i = 0; i < n; ++i) {
            const double u = rng.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
            sumU += u;
            const double g = rng.normal(2.0, 3.0);
            sumN += g;
            sumN2 += g * g;
            const int k = rng.uniformInt(-3, 4);
            lo = std::min(lo, k);
            hi = std::max(hi, k);
        }
        QVERIFY(std::abs(sumU / n - 0.5) < 0.005);
        const double mean = sumN / n;
        QVERIFY(std::abs(mean - 2.0) < 0.03);
        QVERIFY(std::abs(std::sqrt(sumN2 / n - mean * mean) - 3.0) < 0.03);
        QCOMPARE(lo, -3);
        QCOMPARE(hi, 4);
    }
};

QTEST_GUILESS_MAIN(TestRng)
#include "tst_rng.moc"
