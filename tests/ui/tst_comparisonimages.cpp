// The image functions behind the comparison modes, pixel by pixel: the heat map is the zero
// colour exactly where the images agree, the outline lies on the mask's boundary, the overlay
// leaves unchanged pixels alone and always keeps the outline, the swipe splits at its column.
#include "ComparisonImages.h"

#include "TestFiles.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

namespace {

cv::Mat print()
{
    return rw::test::stripedRegion(cv::Size(120, 90), cv::Rect(10, 10, 100, 70));
}

cv::Mat rectMask(cv::Size size, cv::Rect rect)
{
    cv::Mat mask(size, CV_8UC1, cv::Scalar(0));
    mask(rect).setTo(255);
    return mask;
}

int countColour(const cv::Mat& bgr, const cv::Vec3b& colour, const cv::Mat& where = {})
{
    int count = 0;
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x)
            if ((where.empty() || where.at<std::uint8_t>(y, x)) &&
                bgr.at<cv::Vec3b>(y, x) == colour)
                ++count;
    return count;
}

}  // namespace

class TestComparisonImages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heatMapIsZeroColourWhereImagesAgree()
    {
        const cv::Mat reference = print();
        cv::Mat estimate = reference.clone();
        // Change a block by known amounts: +40 gray levels, saturating at 255.
        const cv::Rect block(30, 20, 25, 30);
        estimate(block) += cv::Scalar(40);
        const cv::Mat heat = rw::heatMap(estimate, reference);
        QCOMPARE(heat.type(), CV_8UC3);
        QCOMPARE(heat.size(), reference.size());

        const cv::Mat difference = rw::differenceImage(estimate, reference);
        for (int y = 0; y < heat.rows; ++y)
            for (int x = 0; x < heat.cols; ++x) {
                const int d = difference.at<std::uint8_t>(y, x);
                QCOMPARE(heat.at<cv::Vec3b>(y, x), rw::heatColour(d));
                if (!block.contains(cv::Point(x, y)))
                    QCOMPARE(d, 0);
            }
        // Agreement is black; more difference is brighter.
        const cv::Vec3b zero = rw::heatColour(0);
        QVERIFY(zero[0] + zero[1] + zero[2] < 30);
        const cv::Vec3b high = rw::heatColour(255);
        QVERIFY(high[0] + high[1] + high[2] > 500);
        QCOMPARE(countColour(heat, zero), heat.rows * heat.cols - cv::countNonZero(difference));

        const cv::Mat legend = rw::heatLegend(256, 10);
        QCOMPARE(legend.at<cv::Vec3b>(5, 0), rw::heatColour(0));
        QCOMPARE(legend.at<cv::Vec3b>(5, 255), rw::heatColour(255));
        QCOMPARE(legend.at<cv::Vec3b>(5, 128), rw::heatColour(128));
    }

    void outlineLiesOnTheMaskBoundary()
    {
        const cv::Size size(60, 50);
        const cv::Rect rect(10, 12, 20, 15);
        const cv::Mat mask = rectMask(size, rect);
        const cv::Mat outline = rw::maskOutline(mask);
        // Exactly the rectangle's border pixels: its perimeter, inside the mask.
        QCOMPARE(cv::countNonZero(outline), 2 * (rect.width + rect.height) - 4);
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const bool onBorder =
                    rect.contains(cv::Point(x, y)) &&
                    (x == rect.x || y == rect.y || x == rect.br().x - 1 || y == rect.br().y - 1);
                QCOMPARE(outline.at<std::uint8_t>(y, x) != 0, onBorder);
            }
        // A mask touching the image edge is closed along the edge.
        const cv::Mat edge = rw::maskOutline(rectMask(size, cv::Rect(0, 0, 10, 10)));
        QVERIFY(edge.at<std::uint8_t>(0, 5) != 0);
        QVERIFY(edge.at<std::uint8_t>(5, 0) != 0);
        QCOMPARE(edge.at<std::uint8_t>(5, 5), std::uint8_t(0));

        const cv::Mat gray = print()(cv::Rect(0, 0, 60, 50)).clone();
        const cv::Mat drawn = rw::drawOutline(gray, mask);
        QCOMPARE(countColour(drawn, rw::kEstimateOutlineBgr, outline), cv::countNonZero(outline));
        cv::Mat expected;
        cv::cvtColor(gray, expected, cv::COLOR_GRAY2BGR);
        // Everything but the outline keeps its gray value.
        for (int y = 0; y < gray.rows; ++y)
            for (int x = 0; x < gray.cols; ++x)
                QCOMPARE(drawn.at<cv::Vec3b>(y, x), outline.at<std::uint8_t>(y, x)
                                                        ? rw::kEstimateOutlineBgr
                                                        : expected.at<cv::Vec3b>(y, x));
    }

    void overlayTintsOnlyEstimatesAndKeepsTheOutline()
    {
        const cv::Mat gray = print();
        const cv::Rect rect(20, 15, 40, 30);
        const cv::Mat changed = rectMask(gray.size(), rect);
        cv::Mat confidence(gray.size(), CV_32FC1, cv::Scalar(1.0f));
        confidence(cv::Rect(rect.x, rect.y, rect.width / 2, rect.height)).setTo(0.1f);
        confidence(cv::Rect(rect.x + rect.width / 2, rect.y, rect.width / 2, rect.height))
            .setTo(0.95f);
        const cv::Mat outline = rw::maskOutline(changed);

        const cv::Mat filled = rw::confidenceOverlay(gray, changed, confidence, 0.5, true);
        const cv::Mat plain = rw::confidenceOverlay(gray, changed, confidence, 0.5, false);
        cv::Mat grayBgr;
        cv::cvtColor(gray, grayBgr, cv::COLOR_GRAY2BGR);
        for (int y = 0; y < gray.rows; ++y)
            for (int x = 0; x < gray.cols; ++x) {
                const bool inside = changed.at<std::uint8_t>(y, x) != 0;
                const bool border = outline.at<std::uint8_t>(y, x) != 0;
                if (!inside) {
                    QCOMPARE(filled.at<cv::Vec3b>(y, x), grayBgr.at<cv::Vec3b>(y, x));
                    QCOMPARE(plain.at<cv::Vec3b>(y, x), grayBgr.at<cv::Vec3b>(y, x));
                } else if (border) {
                    // The marking stays whether or not the fill is shown.
                    QCOMPARE(filled.at<cv::Vec3b>(y, x), rw::kEstimateOutlineBgr);
                    QCOMPARE(plain.at<cv::Vec3b>(y, x), rw::kEstimateOutlineBgr);
                } else {
                    QCOMPARE(plain.at<cv::Vec3b>(y, x), grayBgr.at<cv::Vec3b>(y, x));
                }
            }
        // Low confidence reads red, high confidence green.
        const cv::Vec3b low = filled.at<cv::Vec3b>(rect.y + 10, rect.x + 5);
        const cv::Vec3b high = filled.at<cv::Vec3b>(rect.y + 10, rect.x + rect.width - 5);
        QVERIFY(low[2] > low[1]);
        QVERIFY(high[1] > high[2]);
        const cv::Vec3b red = rw::confidenceColour(0.0);
        const cv::Vec3b green = rw::confidenceColour(1.0);
        QVERIFY(red[2] > 200 && red[1] < 100);
        QVERIFY(green[1] > green[2] && green[1] > green[0]);
    }

    void swipeSplitsAtTheDivider()
    {
        const cv::Mat left(40, 50, CV_8UC3, cv::Scalar(10, 20, 30));
        const cv::Mat right(40, 50, CV_8UC3, cv::Scalar(200, 210, 220));
        for (const int divider : {0, 1, 17, 49, 50, 80}) {
            const cv::Mat composed = rw::composeSwipe(left, right, divider);
            const int x0 = std::clamp(divider, 0, 50);
            for (int x = 0; x < 50; ++x)
                QCOMPARE(composed.at<cv::Vec3b>(20, x),
                         x < x0 ? cv::Vec3b(10, 20, 30) : cv::Vec3b(200, 210, 220));
        }
    }

    void colourImagesRoundTrip()
    {
        const cv::Mat gray = print();
        QCOMPARE(cv::countNonZero(rw::grayMat(rw::colourImage(gray)) != gray), 0);
        const cv::Mat bgr(3, 4, CV_8UC3, cv::Scalar(1, 2, 250));
        const QImage image = rw::colourImage(bgr);
        QCOMPARE(image.pixelColor(1, 1), QColor(250, 2, 1));
    }
};

QTEST_GUILESS_MAIN(TestComparisonImages)
#include "tst_comparisonimages.moc"
