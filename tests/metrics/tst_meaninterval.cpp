// Mean and 95 % Student-t interval on samples small enough to work out by hand.
#include "ridgeworks/metrics/PrintMetrics.h"

#include <QtTest>

#include <cmath>
#include <limits>

class TestMeanInterval : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownSample();
    void skipsNonFinite();
    void singleValue();
    void noValue();
    void largeSampleApproachesNormal();
};

void TestMeanInterval::knownSample()
{
    // {1..5}: mean 3, sample variance 2.5, t(0.975, 4) = 2.776445.
    const rw::Interval i = rw::meanInterval({1, 2, 3, 4, 5});
    QCOMPARE(i.n, std::size_t(5));
    QCOMPARE(i.mean, 3.0);
    const double half = 2.776445 * std::sqrt(2.5) / std::sqrt(5.0);
    QVERIFY(std::abs(i.high - (3.0 + half)) < 1e-5);
    QVERIFY(std::abs(i.low - (3.0 - half)) < 1e-5);
    // Against the 3-digit textbook value as well.
    QVERIFY(std::abs((i.high - i.mean) - 2.776 * std::sqrt(0.5)) < 1e-3);
}

void TestMeanInterval::skipsNonFinite()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const rw::Interval with = rw::meanInterval({nan, 1, 2, inf, 3, 4, 5, nan});
    const rw::Interval without = rw::meanInterval({1, 2, 3, 4, 5});
    QCOMPARE(with.n, std::size_t(5));
    QCOMPARE(with.mean, without.mean);
    QCOMPARE(with.low, without.low);
    QCOMPARE(with.high, without.high);
}

void TestMeanInterval::singleValue()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const rw::Interval i = rw::meanInterval({nan, 7.5});
    QCOMPARE(i.n, std::size_t(1));
    QCOMPARE(i.mean, 7.5);
    QCOMPARE(i.low, 7.5);
    QCOMPARE(i.high, 7.5);
}

void TestMeanInterval::noValue()
{
    for (const std::vector<double>& values :
         {std::vector<double>{}, std::vector<double>{std::numeric_limits<double>::quiet_NaN()}}) {
        const rw::Interval i = rw::meanInterval(values);
        QCOMPARE(i.n, std::size_t(0));
        QVERIFY(std::isnan(i.mean));
        QVERIFY(std::isnan(i.low));
        QVERIFY(std::isnan(i.high));
    }
}

void TestMeanInterval::largeSampleApproachesNormal()
{
    // 0, 1 alternating, n = 1000: sd = sqrt(0.25 * 1000 / 999); t(0.975, 999) = 1.962341.
    std::vector<double> values;
    for (int k = 0; k < 1000; ++k)
        values.push_back(k % 2);
    const rw::Interval i = rw::meanInterval(values);
    const double half = 1.962341 * std::sqrt(0.25 * 1000.0 / 999.0) / std::sqrt(1000.0);
    QCOMPARE(i.mean, 0.5);
    QVERIFY2(std::abs((i.high - i.mean) - half) < 1e-5,
             qPrintable(QString::number(i.high - i.mean, 'g', 10)));
    // And df = 35, past the table: t(0.975, 35) = 2.030108.
    std::vector<double> small(values.begin(), values.begin() + 36);
    const rw::Interval s = rw::meanInterval(small);
    const double sd = std::sqrt(0.25 * 36.0 / 35.0);
    QVERIFY(std::abs((s.high - s.mean) - 2.030108 * sd / 6.0) < 1e-5);
}

QTEST_GUILESS_MAIN(TestMeanInterval)
#include "tst_meaninterval.moc"
