#include "TestFiles.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/image/Preprocess.h"

#include <opencv2/imgproc.hpp>

#include <QtTest>

namespace {

rw::Print printOf(const cv::Mat& pixels, double ppi = 500.0)
{
    rw::Print print;
    print.pixels = pixels;
    print.ppi = ppi;
    return print;
}

}  // namespace

class TestPreprocess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cropsBlankSpaceAndScales()
    {
        const cv::Rect truth(70, 50, 120, 150);
        const rw::Print print = printOf(rw::test::stripedRegion({300, 260}, truth));
        const rw::Preprocessed p = rw::preprocessForModel(print);
        QCOMPARE(p.image.size(), cv::Size(100, 100));
        QCOMPARE(p.image.type(), CV_8UC1);
        const cv::Rect crop = p.transform.crop;
        QVERIFY(double((crop & truth).area()) / double((crop | truth).area()) > 0.85);
        // The factors are recorded, and the resolution follows them.
        QCOMPARE(p.transform.scaleX, 100.0 / crop.width);
        QCOMPARE(p.transform.scaleY, 100.0 / crop.height);
        QCOMPARE(p.ppiX, 500.0 * p.transform.scaleX);
        QCOMPARE(p.ppiY, 500.0 * p.transform.scaleY);
        // Almost all of the model input is print, not paper.
        QVERIFY(cv::countNonZero(p.foreground) > 0.8 * 100 * 100);
    }
    void transformRoundTrips()
    {
        rw::GeometricTransform t;
        t.crop = cv::Rect(17, 9, 150, 210);
        t.sourceSize = cv::Size(300, 300);
        t.outputSize = cv::Size(100, 100);
        t.scaleX = 100.0 / 150;
        t.scaleY = 100.0 / 210;
        for (const cv::Point2d p :
             {cv::Point2d(17, 9), cv::Point2d(100.5, 200.25), cv::Point2d(166, 218)}) {
            const cv::Point2d back = t.toSource(t.toOutput(p));
            QVERIFY(std::abs(back.x - p.x) < 1e-9 && std::abs(back.y - p.y) < 1e-9);
        }
        // The crop's outer pixel edges land on the output's outer edges.
        QVERIFY(std::abs(t.toOutput({16.5, 8.5}).x + 0.5) < 1e-9);
        QVERIFY(std::abs(t.toOutput({166.5, 218.5}).y - 99.5) < 1e-9);
    }
    void mapsBackOntoTheOriginal()
    {
        // A smooth image survives the down-and-up trip closely; outside the crop the
        // background is returned untouched.
        cv::Mat smooth(240, 200, CV_8UC1, cv::Scalar(255));
        const cv::Rect truth(40, 30, 120, 160);
        cv::Mat ridges = rw::test::stripedRegion(smooth.size(), truth, 30.0);
        const rw::Print print = printOf(ridges);
        const rw::Preprocessed p = rw::preprocessForModel(print);
        cv::Mat background(ridges.size(), CV_8UC1, cv::Scalar(7));
        const cv::Mat back = rw::mapToSource(p.image, p.transform, background);
        const cv::Rect inner = p.transform.crop;
        cv::Mat diff;
        cv::absdiff(back(inner), ridges(inner), diff);
        QVERIFY2(cv::mean(diff)[0] < 6.0, qPrintable(QString::number(cv::mean(diff)[0])));
        cv::Mat outsideMask(ridges.size(), CV_8UC1, cv::Scalar(255));
        outsideMask(inner).setTo(0);
        QCOMPARE(cv::countNonZero((back != 7) & outsideMask), 0);
    }
    void keepAspectPadsInsteadOfStretching()
    {
        const cv::Rect truth(20, 60, 200, 100);  // 2:1
        const rw::Print print = printOf(rw::test::stripedRegion({260, 220}, truth));
        rw::PreprocessOptions options;
        options.keepAspect = true;
        const rw::Preprocessed p = rw::preprocessForModel(print, options);
        QVERIFY(std::abs(p.transform.scaleX - p.transform.scaleY) < 1e-9);
        QVERIFY(std::abs(p.transform.crop.width - p.transform.crop.height) <= 1);
        // The print fills about half of the square.
        const double filled = cv::countNonZero(p.foreground) / 10000.0;
        QVERIFY2(filled > 0.4 && filled < 0.6, qPrintable(QString::number(filled)));
    }
    void givenForegroundIsUsedAsIs()
    {
        // The segmentation the caller already has gives the same result as segmenting here;
        // another mask moves the crop to it; a mask of the wrong size is refused.
        const cv::Rect truth(70, 50, 120, 150);
        const rw::Print print = printOf(rw::test::stripedRegion({300, 260}, truth));
        const rw::Preprocessed own = rw::preprocessForModel(print);
        rw::PreprocessOptions options;
        options.foreground = rw::segmentForeground(print.pixels);
        const rw::Preprocessed given = rw::preprocessForModel(print, options);
        QCOMPARE(given.transform.crop, own.transform.crop);
        QCOMPARE(cv::norm(given.image, own.image, cv::NORM_INF), 0.0);
        options.foreground = cv::Mat::zeros(print.pixels.size(), CV_8UC1);
        options.foreground(cv::Rect(10, 20, 30, 40)).setTo(255);
        QCOMPARE(rw::preprocessForModel(print, options).transform.crop, cv::Rect(10, 20, 30, 40));
        options.foreground = cv::Mat::zeros(10, 10, CV_8UC1);
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::preprocessForModel(print, options));
    }
    void badArgumentsAreErrors()
    {
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::preprocessForModel(printOf(cv::Mat())));
        rw::PreprocessOptions options;
        options.targetSize = {0, 100};
        QVERIFY_THROWS_EXCEPTION(
            rw::Error, rw::preprocessForModel(printOf(cv::Mat(50, 50, CV_8UC1)), options));
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
