// PSNR, SSIM and MAE on images whose answer is known by hand: identical images, a constant
// offset, and a mask splitting the image into a changed and an unchanged half.
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/ImageQuality.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <cmath>

namespace {

// A textured image (not flat), so SSIM has structure to compare.
cv::Mat texture(cv::Size size)
{
    cv::Mat image(size, CV_8UC1);
    cv::RNG rng(11);
    rng.fill(image, cv::RNG::UNIFORM, 40, 200);
    return image;
}

using rw::test::errorKindOf;

}  // namespace

class TestImageQuality : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalImages();
    void constantOffset_data();
    void constantOffset();
    void maskSeparatesHalves();
    void emptyMaskLeavesInsideEmpty();
    void regionLimitsAllThree();
    void ssimDropsWithNoise();
    void rejectsBadInput();
};

void TestImageQuality::identicalImages()
{
    const cv::Mat image = texture({64, 48});
    const rw::ImageQuality q = rw::measureImageQuality(image, image.clone(), {});
    QCOMPARE(q.whole.pixels, std::size_t(64 * 48));
    QCOMPARE(q.whole.psnr, rw::kPsnrCapDb);
    QCOMPARE(q.whole.ssim, 1.0);
    QCOMPARE(q.whole.mae, 0.0);
    const cv::Mat map = rw::ssimMap(image, image);
    QCOMPARE(map.type(), CV_32FC1);
    QCOMPARE(map.size(), image.size());
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(map, &lo, &hi);
    QCOMPARE(lo, 1.0);
    QCOMPARE(hi, 1.0);
}

void TestImageQuality::constantOffset_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("1") << 1;
    QTest::newRow("5") << 5;
    QTest::newRow("-20") << -20;
}

void TestImageQuality::constantOffset()
{
    QFETCH(int, offset);
    const cv::Mat image = texture({40, 40});  // 40..199: no saturation for |offset| <= 40
    cv::Mat shifted;
    image.convertTo(shifted, CV_8U, 1.0, offset);
    const rw::ImageQuality q = rw::measureImageQuality(image, shifted, {});
    QCOMPARE(q.whole.mae, double(std::abs(offset)));
    // MSE = offset^2, so PSNR = 10 log10(255^2 / offset^2) = 20 log10(255 / |offset|).
    QVERIFY(std::abs(q.whole.psnr - 20.0 * std::log10(255.0 / std::abs(offset))) < 1e-9);
    // A shift of the mean changes only SSIM's luminance term: slightly below 1.
    QVERIFY(q.whole.ssim < 1.0);
    QVERIFY(q.whole.ssim > 0.9);
}

void TestImageQuality::maskSeparatesHalves()
{
    // Left half changed by +10, right half untouched; the mask covers the left half.
    const cv::Mat image = texture({64, 32});
    cv::Mat candidate = image.clone();
    candidate(cv::Rect(0, 0, 32, 32)) += cv::Scalar(10);
    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8UC1);
    mask(cv::Rect(0, 0, 32, 32)).setTo(255);

    const rw::ImageQuality q = rw::measureImageQuality(image, candidate, mask);
    QCOMPARE(q.inside.pixels, std::size_t(32 * 32));
    QCOMPARE(q.outside.pixels, std::size_t(32 * 32));
    QCOMPARE(q.whole.pixels, std::size_t(64 * 32));
    QCOMPARE(q.inside.mae, 10.0);
    QVERIFY(std::abs(q.inside.psnr - 20.0 * std::log10(25.5)) < 1e-9);
    QCOMPARE(q.outside.mae, 0.0);
    QCOMPARE(q.outside.psnr, rw::kPsnrCapDb);
    QCOMPARE(q.whole.mae, 5.0);
    // Whole MSE = 50: PSNR = 10 log10(255^2 / 50).
    QVERIFY(std::abs(q.whole.psnr - 10.0 * std::log10(255.0 * 255.0 / 50.0)) < 1e-9);
    // SSIM's window reaches 5 px across the cut: the outside far from it is perfect.
    const cv::Mat map = rw::ssimMap(image, candidate);
    double lo = 0.0;
    cv::minMaxLoc(map(cv::Rect(40, 0, 24, 32)), &lo);
    QCOMPARE(lo, 1.0);
    QVERIFY(q.inside.ssim < 1.0);
    QVERIFY(q.outside.ssim > q.inside.ssim);
}

void TestImageQuality::emptyMaskLeavesInsideEmpty()
{
    const cv::Mat image = texture({20, 20});
    for (const cv::Mat& mask : {cv::Mat(), cv::Mat(cv::Mat::zeros(image.size(), CV_8UC1))}) {
        const rw::ImageQuality q = rw::measureImageQuality(image, image + 3, mask);
        QCOMPARE(q.inside.pixels, std::size_t(0));
        QVERIFY(std::isnan(q.inside.psnr));
        QVERIFY(std::isnan(q.inside.ssim));
        QVERIFY(std::isnan(q.inside.mae));
        QCOMPARE(q.outside.pixels, std::size_t(400));
        QCOMPARE(q.outside.mae, 3.0);
    }
}

void TestImageQuality::regionLimitsAllThree()
{
    // Candidate differs by 7 in the top half and by 1 in the bottom; only the top is counted.
    const cv::Mat image = texture({30, 30});
    cv::Mat candidate = image + 1;
    candidate(cv::Rect(0, 0, 30, 15)) += cv::Scalar(6);
    cv::Mat region = cv::Mat::zeros(image.size(), CV_8UC1);
    region(cv::Rect(0, 0, 30, 15)).setTo(1);  // any nonzero value counts
    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8UC1);
    mask(cv::Rect(0, 0, 10, 30)).setTo(255);
    const rw::ImageQuality q = rw::measureImageQuality(image, candidate, mask, region);
    QCOMPARE(q.whole.pixels, std::size_t(450));
    QCOMPARE(q.inside.pixels, std::size_t(150));
    QCOMPARE(q.outside.pixels, std::size_t(300));
    QCOMPARE(q.whole.mae, 7.0);
    QCOMPARE(q.inside.mae, 7.0);
}

void TestImageQuality::ssimDropsWithNoise()
{
    const cv::Mat image = texture({64, 64});
    cv::Mat noise(image.size(), CV_8UC1);
    cv::RNG rng(3);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
    const double noisy = rw::measureImageQuality(image, noise, {}).whole.ssim;
    QVERIFY2(noisy < 0.2, qPrintable(QString::number(noisy)));
}

void TestImageQuality::rejectsBadInput()
{
    const cv::Mat image = texture({16, 16});
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([&] { rw::measureImageQuality(image, texture({16, 17}), {}); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::measureImageQuality(cv::Mat(), image, {}); }), invalid);
    cv::Mat asFloat;
    image.convertTo(asFloat, CV_32F, 1.0 / 255.0);
    QCOMPARE(errorKindOf([&] { rw::measureImageQuality(image, asFloat, {}); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::measureImageQuality(image, image, texture({8, 8})); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::measureImageQuality(image, image, {}, asFloat); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::ssimMap(image, texture({16, 17})); }), invalid);
}

QTEST_GUILESS_MAIN(TestImageQuality)
#include "tst_imagequality.moc"
