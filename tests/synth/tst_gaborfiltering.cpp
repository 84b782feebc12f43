// The Gabor filter at one pixel and at four at once (what ridge growth and ridge continuation
// run on every pass): the four-pixel version must give bit-identical sums, whether the four
// pixels share a kernel or not, so the speed-up changes no grown ridge.
#include "synth/GaborBank.h"
#include "synth/GaborFiltering.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <cstring>

using rw::synth::GaborBank;
using rw::synth::GaborKernel;
using rw::synth::PaddedImage;

namespace {

// A padded image of uniform noise in [-1, 1] (the growth's signal range).
PaddedImage noiseImage(cv::Size size, int radius, int seed)
{
    PaddedImage image(size, radius);
    cv::Mat values(size, CV_32FC1);
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    rng.fill(values, cv::RNG::UNIFORM, -1.0f, 1.0f);
    for (int y = 0; y < size.height; ++y)
        std::memcpy(image.row(y), values.ptr<float>(y), sizeof(float) * std::size_t(size.width));
    return image;
}

bool sameBits(float a, float b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

class TstGaborFiltering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fourAtOnceEqualsOneByOne_data()
    {
        QTest::addColumn<double>("period");
        QTest::addColumn<bool>("sharedKernel");
        QTest::newRow("period 5.8, one kernel") << 5.8 << true;
        QTest::newRow("period 5.8, four kernels") << 5.8 << false;
        QTest::newRow("period 9.1, one kernel") << 9.1 << true;
        QTest::newRow("period 9.1, four kernels") << 9.1 << false;
        QTest::newRow("period 18, four kernels") << 18.0 << false;
    }

    void fourAtOnceEqualsOneByOne()
    {
        QFETCH(double, period);
        QFETCH(bool, sharedKernel);
        const std::vector<GaborKernel>& bank = GaborBank::kernels(GaborBank::periodBin(period));
        const cv::Size size(64, 48);
        const PaddedImage image = noiseImage(size, bank.front().radius, 11);
        cv::RNG rng(7);
        int compared = 0;
        for (int trial = 0; trial < 200; ++trial) {
            cv::Point points[4];
            const GaborKernel* kernels[4];
            const int sharedBin = rng.uniform(0, GaborBank::kOrientationBins);
            for (int j = 0; j < 4; ++j) {
                points[j] = {rng.uniform(0, size.width), rng.uniform(0, size.height)};
                kernels[j] = &bank[std::size_t(
                    sharedKernel ? sharedBin : rng.uniform(0, GaborBank::kOrientationBins))];
            }
            float sums[4];
            rw::synth::filterAt4(image, kernels, points, sums);
            for (int j = 0; j < 4; ++j) {
                const float single =
                    rw::synth::filterAt(image, *kernels[j], points[j].x, points[j].y);
                QVERIFY2(sameBits(sums[j], single),
                         qPrintable(QStringLiteral("%1 against %2").arg(sums[j]).arg(single)));
                QVERIFY(single != 0.0f);  // a real response, not two zeros agreeing
                ++compared;
            }
        }
        QCOMPARE(compared, 800);
    }
};

QTEST_APPLESS_MAIN(TstGaborFiltering)
#include "tst_gaborfiltering.moc"
