// Zhang–Suen thinning and the crossing number on drawn shapes whose skeleton is known: a bar
// thins to a line with two ends, a ring to a closed loop, a cross to four arms.
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/Thinning.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <map>

namespace {

// How many skeleton pixels have each crossing number.
std::map<int, int> crossingHistogram(const cv::Mat& skeleton)
{
    std::map<int, int> histogram;
    for (int y = 0; y < skeleton.rows; ++y)
        for (int x = 0; x < skeleton.cols; ++x)
            if (skeleton.at<unsigned char>(y, x))
                ++histogram[rw::crossingNumber(skeleton, x, y)];
    return histogram;
}

// No 2x2 block of skeleton pixels: the skeleton is one pixel wide.
bool isThin(const cv::Mat& skeleton)
{
    for (int y = 0; y + 1 < skeleton.rows; ++y)
        for (int x = 0; x + 1 < skeleton.cols; ++x)
            if (skeleton.at<unsigned char>(y, x) && skeleton.at<unsigned char>(y + 1, x) &&
                skeleton.at<unsigned char>(y, x + 1) && skeleton.at<unsigned char>(y + 1, x + 1))
                return false;
    return true;
}

int components(const cv::Mat& binary)
{
    cv::Mat labels;
    return cv::connectedComponents(binary, labels, 8) - 1;
}

using rw::test::errorKindOf;

}  // namespace

class TestThinning : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barBecomesLine();
    void diagonalHasNoFalseJunction_data();
    void diagonalHasNoFalseJunction();
    void ringStaysClosed();
    void crossHasFourArms();
    void crossingNumberOfPatterns();
    void rejectsBadInput();
};

void TestThinning::barBecomesLine()
{
    cv::Mat image = cv::Mat::zeros(40, 80, CV_8UC1);
    image(cv::Rect(10, 15, 60, 9)).setTo(1);  // any nonzero value is ridge
    const cv::Mat skeleton = rw::thinRidges(image);
    QCOMPARE(skeleton.type(), CV_8UC1);
    QCOMPARE(skeleton.size(), image.size());
    QVERIFY(isThin(skeleton));
    QCOMPARE(components(skeleton), 1);
    // One pixel per column along the bar's middle part, on its centre row.
    for (int x = 20; x < 60; ++x) {
        QCOMPARE(cv::countNonZero(skeleton.col(x)), 1);
        QCOMPARE(int(skeleton.at<unsigned char>(19, x)), 255);
    }
    const std::map<int, int> histogram = crossingHistogram(skeleton);
    QCOMPARE(histogram.at(1), 2);
    QCOMPARE(histogram.count(3), std::size_t(0));
    // Inside the bar: nothing is added outside the drawn shape.
    QCOMPARE(cv::countNonZero(skeleton & ~(image * 255)), 0);
}

void TestThinning::diagonalHasNoFalseJunction_data()
{
    QTest::addColumn<int>("dx");
    QTest::addColumn<int>("dy");
    QTest::addColumn<int>("thickness");
    QTest::newRow("45 deg, 5 px") << 60 << 60 << 5;
    QTest::newRow("30 deg, 4 px") << 70 << 40 << 4;
    QTest::newRow("70 deg, 6 px") << 25 << 70 << 6;
    QTest::newRow("-20 deg, 5 px") << 70 << -25 << 5;
}

void TestThinning::diagonalHasNoFalseJunction()
{
    QFETCH(int, dx);
    QFETCH(int, dy);
    QFETCH(int, thickness);
    cv::Mat image = cv::Mat::zeros(100, 100, CV_8UC1);
    const cv::Point from(15, dy > 0 ? 15 : 85);
    cv::line(image, from, from + cv::Point(dx, dy), cv::Scalar(255), thickness);
    const cv::Mat skeleton = rw::thinRidges(image);
    QVERIFY(isThin(skeleton));
    QCOMPARE(components(skeleton), 1);
    const std::map<int, int> histogram = crossingHistogram(skeleton);
    QCOMPARE(histogram.at(1), 2);
    QCOMPARE(histogram.count(3), std::size_t(0));
    QCOMPARE(histogram.count(4), std::size_t(0));
}

void TestThinning::ringStaysClosed()
{
    cv::Mat image = cv::Mat::zeros(80, 80, CV_8UC1);
    cv::circle(image, {40, 40}, 25, cv::Scalar(255), 6);
    const cv::Mat skeleton = rw::thinRidges(image);
    QVERIFY(isThin(skeleton));
    QCOMPARE(components(skeleton), 1);
    const std::map<int, int> histogram = crossingHistogram(skeleton);
    QCOMPARE(histogram.count(1), std::size_t(0));  // a loop has no end
    QCOMPARE(histogram.count(3), std::size_t(0));
    QVERIFY(histogram.at(2) > 100);  // about 2 pi 25 pixels
    // The hole survives: the centre is still enclosed.
    cv::Mat flooded = skeleton.clone();
    cv::floodFill(flooded, cv::Point(0, 0), cv::Scalar(255));
    QCOMPARE(int(flooded.at<unsigned char>(40, 40)), 0);
}

void TestThinning::crossHasFourArms()
{
    cv::Mat image = cv::Mat::zeros(90, 90, CV_8UC1);
    image(cv::Rect(10, 41, 70, 7)).setTo(255);
    image(cv::Rect(41, 10, 7, 70)).setTo(255);
    const cv::Mat skeleton = rw::thinRidges(image);
    QVERIFY(isThin(skeleton));
    QCOMPARE(components(skeleton), 1);
    const std::map<int, int> histogram = crossingHistogram(skeleton);
    QCOMPARE(histogram.at(1), 4);
    // The junction: one pixel of crossing number 4, or two of 3 close together.
    const int junction =
        (histogram.count(3) ? histogram.at(3) : 0) + 2 * (histogram.count(4) ? histogram.at(4) : 0);
    QCOMPARE(junction, 2);
}

void TestThinning::crossingNumberOfPatterns()
{
    // A Y: stem from the left, two forks to the right; a dot; an end.
    cv::Mat s = cv::Mat::zeros(9, 9, CV_8UC1);
    for (int x = 0; x <= 4; ++x)
        s.at<unsigned char>(4, x) = 255;
    for (int k = 1; k <= 4; ++k) {
        s.at<unsigned char>(4 - k, 4 + k) = 255;
        s.at<unsigned char>(4 + k, 4 + k) = 255;
    }
    QCOMPARE(rw::crossingNumber(s, 4, 4), 3);
    QCOMPARE(rw::crossingNumber(s, 2, 4), 2);
    QCOMPARE(rw::crossingNumber(s, 0, 4), 1);  // the image edge counts as background
    QCOMPARE(rw::crossingNumber(s, 8, 0), 1);
    QCOMPARE(rw::crossingNumber(s, 1, 1), 0);  // background
    cv::Mat dot = cv::Mat::zeros(3, 3, CV_8UC1);
    dot.at<unsigned char>(1, 1) = 1;
    QCOMPARE(rw::crossingNumber(dot, 1, 1), 0);
}

void TestThinning::rejectsBadInput()
{
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([] { rw::thinRidges(cv::Mat()); }), invalid);
    QCOMPARE(errorKindOf([] { rw::thinRidges(cv::Mat::zeros(8, 8, CV_32FC1)); }), invalid);
}

QTEST_GUILESS_MAIN(TestThinning)
#include "tst_thinning.moc"
