// One-to-one minutiae matching on hand-made lists: tolerance edges, one-to-one pairing,
// region filtering, empty lists, and the count of invented (spurious) minutiae.
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/Minutiae.h"

#include <QtTest>

#include <cmath>
#include <numbers>

namespace {

rw::Minutia at(double x, double y, double angleDeg = 0.0,
               rw::Minutia::Type type = rw::Minutia::Type::Ending)
{
    rw::Minutia m;
    m.type = type;
    m.position = {x, y};
    m.angle = angleDeg * std::numbers::pi / 180.0;
    return m;
}

using rw::test::errorKindOf;

}  // namespace

class TestMinutiaeMatching : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalLists();
    void distanceEdge_data();
    void distanceEdge();
    void angleEdge_data();
    void angleEdge();
    void oneToOne();
    void closestPairsFirst();
    void typeOnRequest();
    void spuriousAndMissed();
    void regionFilters();
    void emptyLists();
    void pairsAreTheMatchedOnes();
    void regionGrowsByTheMatchDistance();
    void rejectsBadInput();
};

void TestMinutiaeMatching::identicalLists()
{
    const std::vector<rw::Minutia> list = {at(10, 10, 0), at(50, 20, 90),
                                           at(30, 60, 200, rw::Minutia::Type::Bifurcation)};
    const rw::MinutiaeAgreement a = rw::matchMinutiae(list, list);
    QCOMPARE(a.reference, std::size_t(3));
    QCOMPARE(a.candidate, std::size_t(3));
    QCOMPARE(a.matched, std::size_t(3));
    QCOMPARE(a.spurious, std::size_t(0));
    QCOMPARE(a.missed, std::size_t(0));
    QCOMPARE(a.precision, 1.0);
    QCOMPARE(a.recall, 1.0);
    QCOMPARE(a.f1, 1.0);
}

void TestMinutiaeMatching::distanceEdge_data()
{
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("dy");
    QTest::addColumn<bool>("matches");
    QTest::newRow("8.0 px, on the edge") << 8.0 << 0.0 << true;
    QTest::newRow("4.8, 6.4 = 8.0 px") << 4.8 << 6.4 << true;
    QTest::newRow("8.01 px") << 8.01 << 0.0 << false;
    QTest::newRow("6, 6 = 8.49 px") << 6.0 << 6.0 << false;
}

void TestMinutiaeMatching::distanceEdge()
{
    QFETCH(double, dx);
    QFETCH(double, dy);
    QFETCH(bool, matches);
    const rw::MinutiaeAgreement a = rw::matchMinutiae({at(20, 20)}, {at(20 + dx, 20 + dy)});
    QCOMPARE(a.matched, std::size_t(matches ? 1 : 0));
    QCOMPARE(a.spurious, std::size_t(matches ? 0 : 1));
    QCOMPARE(a.missed, std::size_t(matches ? 0 : 1));
}

void TestMinutiaeMatching::angleEdge_data()
{
    QTest::addColumn<double>("reference");
    QTest::addColumn<double>("candidate");
    QTest::addColumn<bool>("matches");
    QTest::newRow("30 deg apart") << 100.0 << 130.0 << true;
    QTest::newRow("31 deg apart") << 100.0 << 131.0 << false;
    QTest::newRow("across 0: 350 vs 15") << 350.0 << 15.0 << true;
    QTest::newRow("across 0: 340 vs 15") << 340.0 << 15.0 << false;
    // Directions, not axes: an ending pointing the other way is not the same ending.
    QTest::newRow("opposite") << 0.0 << 180.0 << false;
}

void TestMinutiaeMatching::angleEdge()
{
    QFETCH(double, reference);
    QFETCH(double, candidate);
    QFETCH(bool, matches);
    const rw::MinutiaeAgreement a =
        rw::matchMinutiae({at(20, 20, reference)}, {at(21, 20, candidate)});
    QCOMPARE(a.matched, std::size_t(matches ? 1 : 0));
}

void TestMinutiaeMatching::oneToOne()
{
    // Three candidates crowd around one reference minutia: one pair, two invented.
    const rw::MinutiaeAgreement a =
        rw::matchMinutiae({at(40, 40)}, {at(41, 40), at(40, 42), at(38, 39)});
    QCOMPARE(a.matched, std::size_t(1));
    QCOMPARE(a.spurious, std::size_t(2));
    QCOMPARE(a.missed, std::size_t(0));
    QCOMPARE(a.precision, 1.0 / 3.0);
    QCOMPARE(a.recall, 1.0);
    QCOMPARE(a.f1, 2.0 * (1.0 / 3.0) / (1.0 / 3.0 + 1.0));
    // And the other way round: one candidate cannot stand for two reference minutiae.
    const rw::MinutiaeAgreement b = rw::matchMinutiae({at(40, 40), at(43, 40)}, {at(41, 40)});
    QCOMPARE(b.matched, std::size_t(1));
    QCOMPARE(b.missed, std::size_t(1));
}

void TestMinutiaeMatching::closestPairsFirst()
{
    // R1 at x = 100 and R2 at 110, candidates at 106 and 112. C106 is nearer R2 (4 px) than
    // R1 (6 px), but the closest pair, R2-C112 (2 px), is taken first, which leaves C106 for
    // R1: both match.
    const rw::MinutiaeAgreement a =
        rw::matchMinutiae({at(100, 50), at(110, 50)}, {at(106, 50), at(112, 50)});
    QCOMPARE(a.matched, std::size_t(2));
}

void TestMinutiaeMatching::typeOnRequest()
{
    const std::vector<rw::Minutia> reference = {at(10, 10, 45, rw::Minutia::Type::Ending)};
    const std::vector<rw::Minutia> candidate = {at(11, 10, 45, rw::Minutia::Type::Bifurcation)};
    QCOMPARE(rw::matchMinutiae(reference, candidate).matched, std::size_t(1));
    rw::MinutiaeMatchTolerance strict;
    strict.typeMustMatch = true;
    QCOMPARE(rw::matchMinutiae(reference, candidate, {}, strict).matched, std::size_t(0));
}

void TestMinutiaeMatching::spuriousAndMissed()
{
    // Reference: 4 minutiae. Candidate: 2 of them (slightly moved), 1 turned around, 3 invented.
    const std::vector<rw::Minutia> reference = {at(10, 10, 0), at(40, 10, 90), at(70, 10, 180),
                                                at(100, 10, 270)};
    const std::vector<rw::Minutia> candidate = {at(12, 11, 10), at(40, 14, 80), at(70, 10, 0),
                                                at(10, 60, 0),  at(50, 60, 0),  at(90, 60, 0)};
    const rw::MinutiaeAgreement a = rw::matchMinutiae(reference, candidate);
    QCOMPARE(a.reference, std::size_t(4));
    QCOMPARE(a.candidate, std::size_t(6));
    QCOMPARE(a.matched, std::size_t(2));
    QCOMPARE(a.spurious, std::size_t(4));
    QCOMPARE(a.missed, std::size_t(2));
    QCOMPARE(a.precision, 2.0 / 6.0);
    QCOMPARE(a.recall, 2.0 / 4.0);
    QVERIFY(std::abs(a.f1 - 0.4) < 1e-12);  // 2 * (1/3 * 1/2) / (1/3 + 1/2)
}

void TestMinutiaeMatching::regionFilters()
{
    // Region: the left half of a 100 x 50 image. Minutiae right of it are not counted at all,
    // and neither are those outside the image.
    cv::Mat region = cv::Mat::zeros(50, 100, CV_8UC1);
    region(cv::Rect(0, 0, 50, 50)).setTo(255);
    const std::vector<rw::Minutia> reference = {at(10, 10), at(30, 30), at(80, 10)};
    const std::vector<rw::Minutia> candidate = {at(11, 10), at(70, 30), at(90, 40), at(-5, 10),
                                                at(20, 70)};
    const rw::MinutiaeAgreement a = rw::matchMinutiae(reference, candidate, region);
    QCOMPARE(a.reference, std::size_t(2));
    QCOMPARE(a.candidate, std::size_t(1));
    QCOMPARE(a.matched, std::size_t(1));
    QCOMPARE(a.spurious, std::size_t(0));
    QCOMPARE(a.missed, std::size_t(1));
    // A reference minutia at (49.4, 20) rounds into the region, one at (49.6, 20) out of it.
    QCOMPARE(rw::matchMinutiae({at(49.4, 20)}, {}, region).reference, std::size_t(1));
    QCOMPARE(rw::matchMinutiae({at(49.6, 20)}, {}, region).reference, std::size_t(0));
}

void TestMinutiaeMatching::emptyLists()
{
    const rw::MinutiaeAgreement none = rw::matchMinutiae({}, {});
    QCOMPARE(none.matched, std::size_t(0));
    QCOMPARE(none.precision, 1.0);
    QCOMPARE(none.recall, 1.0);
    QCOMPARE(none.f1, 1.0);
    // Everything missed: nothing invented (precision 1), nothing found (recall 0).
    const rw::MinutiaeAgreement lost = rw::matchMinutiae({at(1, 1), at(20, 20)}, {});
    QCOMPARE(lost.missed, std::size_t(2));
    QCOMPARE(lost.spurious, std::size_t(0));
    QCOMPARE(lost.precision, 1.0);
    QCOMPARE(lost.recall, 0.0);
    QCOMPARE(lost.f1, 0.0);
    // Everything invented.
    const rw::MinutiaeAgreement invented = rw::matchMinutiae({}, {at(1, 1)});
    QCOMPARE(invented.spurious, std::size_t(1));
    QCOMPARE(invented.precision, 0.0);
    QCOMPARE(invented.recall, 1.0);
    QCOMPARE(invented.f1, 0.0);
}

void TestMinutiaeMatching::pairsAreTheMatchedOnes()
{
    // The closest pair wins (candidate 1 at 1 px, not candidate 0 at 3 px), a candidate out of
    // the region pairs with nothing, and indices refer to the full lists.
    cv::Mat region = cv::Mat::zeros(50, 100, CV_8UC1);
    region(cv::Rect(0, 0, 50, 50)).setTo(255);
    const std::vector<rw::Minutia> reference = {at(80, 10), at(20, 20), at(40, 40)};
    const std::vector<rw::Minutia> candidate = {at(23, 20), at(21, 20), at(81, 10), at(40, 41, 90)};
    const std::vector<rw::MinutiaPair> pairs = rw::pairMinutiae(reference, candidate, region);
    QCOMPARE(pairs.size(), std::size_t(1));
    QCOMPARE(pairs[0].reference, std::size_t(1));
    QCOMPARE(pairs[0].candidate, std::size_t(1));
    QCOMPARE(rw::matchMinutiae(reference, candidate, region).matched, pairs.size());
    // Without a region the far pair counts too, and still each minutia joins one pair at most.
    const std::vector<rw::MinutiaPair> everywhere = rw::pairMinutiae(reference, candidate);
    // (Both pairs are 1 px apart; equal distances go by angle, then by reference index.)
    QCOMPARE(everywhere.size(), std::size_t(2));
    QCOMPARE(everywhere[0].reference, std::size_t(0));
    QCOMPARE(everywhere[0].candidate, std::size_t(2));
    QCOMPARE(everywhere[1].reference, std::size_t(1));
    QCOMPARE(everywhere[1].candidate, std::size_t(1));
    QVERIFY(rw::inRegion(at(49.4, 20), region));
    QVERIFY(!rw::inRegion(at(49.6, 20), region));
    QVERIFY(!rw::inRegion(at(-1, 20), region));
    QVERIFY(rw::inRegion(at(-1, 20), cv::Mat()));
}

void TestMinutiaeMatching::regionGrowsByTheMatchDistance()
{
    // One pixel grown by ceil(7.5) = 8: a disc of radius 8, so (20 + 8, 20) is in, (20 + 9, 20)
    // and the diagonal (26, 26) (8.5 px away) are out.
    cv::Mat region = cv::Mat::zeros(41, 41, CV_8UC1);
    region.at<unsigned char>(20, 20) = 1;
    rw::MinutiaeMatchTolerance tolerance;
    tolerance.distance = 7.5;
    const cv::Mat grown = rw::minutiaeRegion(region, tolerance);
    QCOMPARE(grown.type(), CV_8UC1);
    QCOMPARE(grown.at<unsigned char>(20, 28), std::uint8_t(255));
    QCOMPARE(grown.at<unsigned char>(20, 12), std::uint8_t(255));
    QCOMPARE(grown.at<unsigned char>(20, 29), std::uint8_t(0));
    QCOMPARE(grown.at<unsigned char>(26, 26), std::uint8_t(0));
    QCOMPARE(rw::minutiaeRegion(region, rw::MinutiaeMatchTolerance{0.0}).at<unsigned char>(20, 21),
             std::uint8_t(0));
}

void TestMinutiaeMatching::rejectsBadInput()
{
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([] { rw::matchMinutiae({}, {}, cv::Mat::zeros(4, 4, CV_32FC1)); }),
             invalid);
    rw::MinutiaeMatchTolerance negative;
    negative.distance = -1.0;
    QCOMPARE(errorKindOf([&] { rw::matchMinutiae({}, {}, {}, negative); }), invalid);
    QCOMPARE(errorKindOf([] { rw::pairMinutiae({}, {}, cv::Mat::zeros(4, 4, CV_32FC1)); }),
             invalid);
    QCOMPARE(errorKindOf([] { rw::minutiaeRegion(cv::Mat()); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::minutiaeRegion(cv::Mat::ones(4, 4, CV_8UC1), negative); }),
             invalid);
}

QTEST_GUILESS_MAIN(TestMinutiaeMatching)
#include "tst_minutiaematching.moc"
