// The Minutiae mode's marks on a synthetic print with strokes drawn across its valleys inside a
// hole (the "enhancement" that invents bifurcations): against the clean original the red marks
// are exactly the Metrics dock's invented minutiae and lie on the strokes; without one, every
// minutia near the hole is marked estimated and none away from it; the drawing puts each mark
// in its colour and leaves the rest of the print as it is.
#include "MinutiaeMarks.h"

#include "ComparisonImages.h"

#include "CachedSyntheticPrint.h"
#include "DiscMask.h"
#include "ErrorKindOf.h"

#include <ridgeworks/common/Error.h>
#include <ridgeworks/metrics/PrintMetrics.h>

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

const cv::Point kHoleCentre(128, 128);
constexpr int kHoleRadius = 40;

const rw::SyntheticPrint& print()
{
    return rw::test::cachedSyntheticPrint(2, 256, 256);
}

cv::Mat hole()
{
    return rw::test::discMask(print().image.size(), kHoleCentre, kHoleRadius);
}

std::vector<cv::Point2d> strokeCentres()
{
    return {{106, 110}, {128, 128}, {150, 146}};
}

// The clean print with three dark strokes across the ridge flow inside the hole.
cv::Mat withStrokes()
{
    const rw::SyntheticPrint& p = print();
    cv::Mat out = p.image.clone();
    for (const cv::Point2d& c : strokeCentres()) {
        const double across = p.orientation.at<float>(cv::Point(c)) + CV_PI / 2.0;
        const cv::Point2d half(7.0 * std::cos(across), 7.0 * std::sin(across));
        cv::line(out, c - half, c + half, cv::Scalar(40), 3);
    }
    return out;
}

double distanceToStrokes(const cv::Point2d& p)
{
    double nearest = 1e9;
    for (const cv::Point2d& c : strokeCentres())
        nearest = std::min(nearest, cv::norm(p - c));
    return nearest;
}

bool inGrownHole(const rw::Minutia& m)
{
    return cv::norm(m.position - cv::Point2d(kHoleCentre)) <= kHoleRadius + 8.5;
}

using rw::test::errorKindOf;

}  // namespace

class TestMinutiaeMarks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void againstTheCleanOriginalTheRedOnesAreTheInventedOnes()
    {
        const cv::Mat estimate = withStrokes();
        const rw::MinutiaeMarks marks =
            rw::markMinutiae(QStringLiteral("rec-1"), estimate, hole(), print().image);
        QCOMPARE(marks.itemKey, QStringLiteral("rec-1"));
        QVERIFY(marks.comparedWithClean);
        // The Metrics dock's numbers for the same estimate and hole (the hole lies inside the
        // print, so its part in the foreground is all of it).
        const rw::PrintMetrics m = rw::measurePrint(print().image, estimate, hole());
        QCOMPARE(marks.count(rw::MinutiaStanding::Invented), m.minutiaeInside.spurious);
        QCOMPARE(marks.count(rw::MinutiaStanding::Agrees), m.minutiaeInside.matched);
        QCOMPARE(marks.count(rw::MinutiaStanding::Lost), m.minutiaeInside.missed);
        QCOMPARE(marks.count(rw::MinutiaStanding::Estimated), std::size_t(0));
        QVERIFY(marks.count(rw::MinutiaStanding::Invented) >= 3);
        QVERIFY(marks.count(rw::MinutiaStanding::Evidence) > 10);  // the rest of the print
        for (const rw::MinutiaMark& mark : marks.marks) {
            if (mark.standing == rw::MinutiaStanding::Invented)
                QVERIFY2(distanceToStrokes(mark.minutia.position) < 14.0,
                         qPrintable(QString::number(distanceToStrokes(mark.minutia.position))));
            QCOMPARE(mark.standing == rw::MinutiaStanding::Evidence, !inGrownHole(mark.minutia));
        }
        // The clean print as its own "reconstruction": nothing invented, nothing lost.
        const rw::MinutiaeMarks own =
            rw::markMinutiae(QStringLiteral("rec-2"), print().image, hole(), print().image);
        QCOMPARE(own.count(rw::MinutiaStanding::Invented), std::size_t(0));
        QCOMPARE(own.count(rw::MinutiaStanding::Lost), std::size_t(0));
        QVERIFY(own.count(rw::MinutiaStanding::Agrees) > 0);
    }

    void withoutAnOriginalEveryMinutiaNearTheHoleIsAnEstimate()
    {
        const rw::MinutiaeMarks marks =
            rw::markMinutiae(QStringLiteral("rec-1"), withStrokes(), hole(), cv::Mat());
        QVERIFY(!marks.comparedWithClean);
        QVERIFY(marks.count(rw::MinutiaStanding::Estimated) >= 3);
        QVERIFY(marks.count(rw::MinutiaStanding::Evidence) > 10);
        for (const rw::MinutiaMark& mark : marks.marks) {
            QVERIFY(mark.standing == rw::MinutiaStanding::Estimated ||
                    mark.standing == rw::MinutiaStanding::Evidence);
            QCOMPARE(mark.standing == rw::MinutiaStanding::Estimated, inGrownHole(mark.minutia));
        }
        // Nothing estimated: every minutia is the print's own.
        const rw::MinutiaeMarks none = rw::markMinutiae(
            QStringLiteral("rec-3"), withStrokes(), cv::Mat::zeros(hole().size(), CV_8UC1), {});
        QCOMPARE(none.count(rw::MinutiaStanding::Estimated), std::size_t(0));
        QCOMPARE(none.count(rw::MinutiaStanding::Evidence), none.marks.size());
    }

    void drawingPutsEachMarkInItsColour()
    {
        const cv::Mat estimate = withStrokes();
        const rw::MinutiaeMarks marks =
            rw::markMinutiae(QStringLiteral("rec-1"), estimate, hole(), print().image);
        const cv::Mat drawn = rw::drawMinutiaeMarks(estimate, hole(), marks);
        QCOMPARE(drawn.type(), CV_8UC3);
        QCOMPARE(drawn.size(), estimate.size());
        const int size = std::max(3, 256 / 64);
        cv::Mat nearAMark = cv::Mat::zeros(estimate.size(), CV_8UC1);
        for (const rw::MinutiaMark& mark : marks.marks) {
            const cv::Point centre(cvRound(mark.minutia.position.x),
                                   cvRound(mark.minutia.position.y));
            cv::circle(nearAMark, centre, 3 * size, cv::Scalar(255), cv::FILLED);
            // The mark's colour on its outline (the circle or square around the centre).
            const cv::Vec3b colour = rw::standingColour(mark.standing);
            int found = 0;
            for (int dy = -size - 1; dy <= size + 1; ++dy)
                for (int dx = -size - 1; dx <= size + 1; ++dx) {
                    const cv::Point q = centre + cv::Point(dx, dy);
                    if (cv::Rect(0, 0, drawn.cols, drawn.rows).contains(q) &&
                        drawn.at<cv::Vec3b>(q) == colour)
                        ++found;
                }
            QVERIFY2(found > 0, qPrintable(QStringLiteral("no mark at %1,%2")
                                               .arg(centre.x)
                                               .arg(centre.y)));
        }
        // Away from every mark and from the hole's outline, the print's own gray.
        const cv::Mat outline = rw::maskOutline(hole());
        int checked = 0;
        for (int y = 0; y < drawn.rows; ++y)
            for (int x = 0; x < drawn.cols; ++x) {
                if (nearAMark.at<std::uint8_t>(y, x) || outline.at<std::uint8_t>(y, x))
                    continue;
                const std::uint8_t g = estimate.at<std::uint8_t>(y, x);
                QCOMPARE(drawn.at<cv::Vec3b>(y, x), cv::Vec3b(g, g, g));
                ++checked;
            }
        QVERIFY(checked > 20000);
        // The hole's outline is amber, as in every mode.
        QVERIFY(cv::countNonZero(outline) > 100);
    }

    void standingsHaveTheirOwnColours()
    {
        using S = rw::MinutiaStanding;
        const std::vector<S> all = {S::Evidence, S::Estimated, S::Agrees, S::Invented, S::Lost};
        for (std::size_t i = 0; i < all.size(); ++i)
            for (std::size_t j = i + 1; j < all.size(); ++j)
                QVERIFY(rw::standingColour(all[i]) != rw::standingColour(all[j]));
        QCOMPARE(rw::standingColour(S::Estimated), rw::kEstimateOutlineBgr);
    }

    void rejectsBadInput()
    {
        const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
        const cv::Mat image = print().image;
        QCOMPARE(errorKindOf([&] { rw::markMinutiae({}, cv::Mat(), hole(), {}); }), invalid);
        QCOMPARE(errorKindOf([&] {
                     rw::markMinutiae({}, image, cv::Mat::zeros(10, 10, CV_8UC1), {});
                 }),
                 invalid);
        QCOMPARE(errorKindOf([&] {
                     rw::markMinutiae({}, image, hole(), cv::Mat::zeros(10, 10, CV_8UC1));
                 }),
                 invalid);
        cv::Mat colour;
        cv::cvtColor(image, colour, cv::COLOR_GRAY2BGR);
        QCOMPARE(errorKindOf([&] { rw::markMinutiae({}, colour, hole(), {}); }), invalid);
    }
};

QTEST_GUILESS_MAIN(TestMinutiaeMarks)
#include "tst_minutiaemarks.moc"
