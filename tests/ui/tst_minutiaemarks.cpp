// The Minutiae mode's marks on a synthetic print with strokes drawn across its valleys inside a
// hole: they carry their reconstruction's key and whether a clean original was compared (which
// marks stand where is core's, tests/metrics/tst_minutiaestanding); the drawing puts each mark in
// its colour and leaves the rest of the print as it is.
#include "MinutiaeMarks.h"

#include "ComparisonImages.h"

#include "ErrorKindOf.h"
#include "StrokedPrint.h"

#include <ridgeworks/common/Error.h>

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

using rw::test::errorKindOf;
using rw::test::strokedPrint;       // the clean print with three strokes across its ridges
using rw::test::strokedPrintClean;  // the clean print
using rw::test::strokedPrintHole;   // the disc hole the strokes lie in

}  // namespace

class TestMinutiaeMarks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void marksCarryTheirReconstruction()
    {
        const rw::MinutiaeMarks marks = rw::findMinutiaeMarks(
            QStringLiteral("rec-1"), strokedPrint(), strokedPrintHole(), strokedPrintClean().image);
        QCOMPARE(marks.itemKey, QStringLiteral("rec-1"));
        QVERIFY(marks.comparedWithClean);
        QCOMPARE(
            marks.marks.size(),
            rw::markMinutiae(strokedPrint(), strokedPrintHole(), strokedPrintClean().image).size());
        QVERIFY(marks.count(rw::MinutiaStanding::Invented) >= 3);
        const rw::MinutiaeMarks alone = rw::findMinutiaeMarks(
            QStringLiteral("rec-1"), strokedPrint(), strokedPrintHole(), cv::Mat());
        QVERIFY(!alone.comparedWithClean);
        QVERIFY(alone.count(rw::MinutiaStanding::Estimated) >= 3);
        rw::CancelToken cancel;
        cancel.cancel();
        QCOMPARE(errorKindOf([&] {
                     rw::findMinutiaeMarks(QStringLiteral("rec-1"), strokedPrint(),
                                           strokedPrintHole(), {}, cancel);
                 }),
                 std::optional<rw::ErrorKind>(rw::ErrorKind::Cancelled));
    }

    void drawingPutsEachMarkInItsColour()
    {
        const cv::Mat estimate = strokedPrint();
        const rw::MinutiaeMarks marks = rw::findMinutiaeMarks(
            QStringLiteral("rec-1"), estimate, strokedPrintHole(), strokedPrintClean().image);
        QVERIFY(marks.count(rw::MinutiaStanding::Lost) > 0);  // every kind of mark is drawn
        const cv::Mat drawn = rw::drawMinutiaeMarks(estimate, strokedPrintHole(), marks);
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
            QVERIFY2(found > 0,
                     qPrintable(QStringLiteral("no mark at %1,%2").arg(centre.x).arg(centre.y)));
        }
        // Away from every mark and from the hole's outline, the print's own gray.
        const cv::Mat outline = rw::maskOutline(strokedPrintHole());
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

    void drawingRejectsColour()
    {
        cv::Mat colour;
        cv::cvtColor(strokedPrintClean().image, colour, cv::COLOR_GRAY2BGR);
        QCOMPARE(errorKindOf([&] { rw::drawMinutiaeMarks(colour, strokedPrintHole(), {}); }),
                 std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument));
    }
};

QTEST_GUILESS_MAIN(TestMinutiaeMarks)
#include "tst_minutiaemarks.moc"
