// The confidence map: agreeing passes with ridge detail → high; a grey fill, disagreeing
// passes or an unsure detector → low.
#include "reconstruct/Confidence.h"

#include "CachedSyntheticPrint.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace rw::reconstruction;

namespace {

ConfidenceInputs inputsFor(const cv::Mat& print, const cv::Mat& estimate)
{
    ConfidenceInputs in;
    print.convertTo(in.estimate, CV_32FC1, 1.0 / 255.0);
    if (!estimate.empty())
        in.estimate = estimate;
    in.spread = cv::Mat::zeros(print.size(), CV_32FC1);
    in.input = print;
    return in;
}

double meanIn(const cv::Mat& map, const cv::Rect& r)
{
    return cv::mean(map(r))[0];
}

}  // namespace

class TstConfidence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ridgeDetailLikeThePrintsOwnIsTrusted()
    {
        const cv::Mat print = rw::test::cachedSyntheticPrint(3, 256, 256).image;
        const cv::Mat c = estimateConfidence(inputsFor(print, {}));
        QVERIFY2(meanIn(c, {96, 96, 64, 64}) > 0.8,
                 qPrintable(QString::number(meanIn(c, {96, 96, 64, 64}))));
    }

    void aGreyFillIsNotTrusted()
    {
        const cv::Mat print = rw::test::cachedSyntheticPrint(3, 256, 256).image;
        ConfidenceInputs in = inputsFor(print, {});
        in.estimate(cv::Rect(80, 80, 96, 96)).setTo(0.5);
        const cv::Mat c = estimateConfidence(in);
        QVERIFY2(meanIn(c, {104, 104, 48, 48}) < 0.05,
                 qPrintable(QString::number(meanIn(c, {104, 104, 48, 48}))));
        QVERIFY(meanIn(c, {10, 100, 40, 40}) > meanIn(c, {104, 104, 48, 48}));
    }

    void disagreeingPassesLowerIt()
    {
        const cv::Mat print = rw::test::cachedSyntheticPrint(3, 256, 256).image;
        ConfidenceInputs in = inputsFor(print, {});
        const double before = meanIn(estimateConfidence(in), {96, 96, 64, 64});
        in.spread.setTo(0.05);  // half of the spread that means "no confidence"
        const double after = meanIn(estimateConfidence(in), {96, 96, 64, 64});
        QVERIFY(std::abs(after - 0.5 * before) < 0.02);
        in.spread.setTo(0.2);
        QCOMPARE(cv::countNonZero(estimateConfidence(in)), 0);
    }

    void anUnsureDetectorHalvesIt()
    {
        const cv::Mat print = rw::test::cachedSyntheticPrint(3, 256, 256).image;
        ConfidenceInputs in = inputsFor(print, {});
        const double sure = meanIn(estimateConfidence(in), {96, 96, 64, 64});
        in.probability = cv::Mat(print.size(), CV_32FC1, cv::Scalar(0.5));  // at the threshold
        in.threshold = 0.5;
        QVERIFY(std::abs(meanIn(estimateConfidence(in), {96, 96, 64, 64}) - 0.5 * sure) < 1e-3);
        in.probability.setTo(1.0);
        QVERIFY(std::abs(meanIn(estimateConfidence(in), {96, 96, 64, 64}) - sure) < 1e-6);
    }

    void onlyTheWantedPixelsAreWorkedOutAndTheyAreExact()
    {
        // Reconstruction asks only for the changed pixels' confidence: there the map must be
        // exactly the whole print's, and it is 0 away from them.
        const cv::Mat print = rw::test::cachedSyntheticPrint(3, 256, 256).image;
        ConfidenceInputs in = inputsFor(print, {});
        cv::GaussianBlur(in.estimate(cv::Rect(90, 70, 80, 100)),
                         in.estimate(cv::Rect(90, 70, 80, 100)), {0, 0}, 1.5);
        cv::randu(in.spread, 0.0, 0.05);
        in.probability = cv::Mat(print.size(), CV_32FC1);
        cv::randu(in.probability, 0.5, 1.0);
        const cv::Mat whole = estimateConfidence(in);
        in.where = cv::Mat::zeros(print.size(), CV_8UC1);
        cv::circle(in.where, {130, 120}, 40, 255, cv::FILLED);
        const cv::Mat part = estimateConfidence(in);
        QCOMPARE(cv::countNonZero((whole != part) & in.where), 0);
        QVERIFY(cv::countNonZero((part > 0.0f) & in.where) > 0);  // not zeros agreeing
        QCOMPARE(cv::countNonZero(part(cv::Rect(0, 0, 40, 256))), 0);
    }

    void depthHalvesItAtThreeRidgePeriods()
    {
        // A hole over columns 20..80: column c lies c - 19 px from the known column 19, and
        // 1 / (1 + depth / (3 periods)) is its confidence.
        cv::Mat hole = cv::Mat::zeros(40, 101, CV_8UC1);
        hole.colRange(20, 81).setTo(255);
        const cv::Mat c = depthConfidence(hole, 3.0);
        QVERIFY(std::abs(c.at<float>(20, 28) - 0.5f) < 1e-4f);         // 9 px = 3 periods deep
        QVERIFY(std::abs(c.at<float>(20, 20) - 0.9f) < 1e-4f);         // 1 px
        QVERIFY(std::abs(c.at<float>(20, 37) - 1.0f / 3.0f) < 1e-4f);  // 18 px = 6 periods
        QCOMPARE(c.at<float>(20, 5), 1.0f);                            // known pixels: 1
        // No measured period: 8 px assumed, half at 24 px.
        QVERIFY(std::abs(depthConfidence(hole, 0.0).at<float>(20, 43) - 0.5f) < 1e-4f);
    }
};

QTEST_GUILESS_MAIN(TstConfidence)
#include "tst_confidence.moc"
