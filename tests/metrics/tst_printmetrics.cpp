// measurePrint on synthetic prints: a clean print against itself is perfect, heavier blur is
// worse on every ridge measure, drawn-in strokes count as invented minutiae, and the flat view
// names every number. Also its speed, which an evaluation pays thousands of times.
#include "CachedSyntheticPrint.h"
#include "ErrorKindOf.h"
#include "StrokedPrint.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/PrintMetrics.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <ctime>
#include <set>

namespace {

const rw::SyntheticPrint& print(std::uint64_t seed = 2)
{
    return rw::test::cachedSyntheticPrint(seed, 256, 256);
}

cv::Mat discMask(cv::Size size, cv::Point centre, int radius)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(mask, centre, radius, cv::Scalar(255), cv::FILLED);
    return mask;
}

cv::Mat blurred(const cv::Mat& image, double sigma)
{
    cv::Mat out;
    cv::GaussianBlur(image, out, cv::Size(0, 0), sigma);
    return out;
}

// Every field of two results equal (NaN equal to NaN).
bool sameMetrics(const rw::PrintMetrics& a, const rw::PrintMetrics& b)
{
    const auto fa = rw::flatten(a);
    const auto fb = rw::flatten(b);
    for (const auto& [name, value] : fa) {
        const double other = fb.at(name);
        if (!(value == other || (std::isnan(value) && std::isnan(other))))
            return false;
    }
    return true;
}

using rw::test::errorKindOf;

}  // namespace

class TestPrintMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanAgainstItself();
    void noMaskLeavesInsideNaN();
    void heavierBlurIsWorse();
    void blankedHoleLosesRidges();
    void drawnStrokesAreSpurious();
    void candidateMinutiaeAreTheCountedOnes();
    void reuseGivesSameResult();
    void flattenNamesEveryValue();
    void speed();
    void rejectsBadInput();
};

void TestPrintMetrics::cleanAgainstItself()
{
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = discMask(p.image.size(), {128, 128}, 40);
    const rw::PrintMetrics m = rw::measurePrint(p.image, p.image.clone(), mask, p.foreground);
    for (const rw::RegionQuality* q : {&m.quality.whole, &m.quality.inside, &m.quality.outside}) {
        QVERIFY(q->pixels > 0);
        QCOMPARE(q->psnr, rw::kPsnrCapDb);
        QCOMPARE(q->ssim, 1.0);
        QCOMPARE(q->mae, 0.0);
    }
    QCOMPARE(m.quality.whole.pixels, std::size_t(cv::countNonZero(p.foreground)));
    for (const rw::RidgeStructureError* r : {&m.ridgesWhole, &m.ridgesInside}) {
        QCOMPARE(r->orientationDeg, 0.0);
        QCOMPARE(r->frequencyPercent, 0.0);
        QVERIFY(r->blocks > 0);
    }
    QVERIFY(m.minutiaeWhole.reference >= 10);
    QVERIFY(m.minutiaeInside.reference >= 1);
    for (const rw::MinutiaeAgreement* a : {&m.minutiaeWhole, &m.minutiaeInside}) {
        QCOMPARE(a->candidate, a->reference);
        QCOMPARE(a->matched, a->reference);
        QCOMPARE(a->spurious, std::size_t(0));
        QCOMPARE(a->missed, std::size_t(0));
        QCOMPARE(a->f1, 1.0);
    }
}

void TestPrintMetrics::noMaskLeavesInsideNaN()
{
    const rw::SyntheticPrint& p = print();
    const rw::PrintMetrics m = rw::measurePrint(p.image, blurred(p.image, 1.0), {}, p.foreground);
    QCOMPARE(m.quality.inside.pixels, std::size_t(0));
    QVERIFY(std::isnan(m.quality.inside.psnr));
    QVERIFY(std::isnan(m.ridgesInside.orientationDeg));
    QVERIFY(std::isnan(m.ridgesInside.frequencyPercent));
    QVERIFY(std::isnan(m.minutiaeInside.f1));
    QCOMPARE(m.minutiaeInside.reference, std::size_t(0));
    QVERIFY(std::isfinite(m.minutiaeWhole.f1));
    // Whole and outside are the same region without a mask.
    QCOMPARE(m.quality.outside.psnr, m.quality.whole.psnr);
}

void TestPrintMetrics::heavierBlurIsWorse()
{
    for (std::uint64_t seed : {1, 2, 3}) {
        const rw::SyntheticPrint& p = print(seed);
        const rw::PrintMetrics light =
            rw::measurePrint(p.image, blurred(p.image, 0.8), {}, p.foreground);
        const rw::PrintMetrics heavy =
            rw::measurePrint(p.image, blurred(p.image, 3.0), {}, p.foreground);
        qInfo("seed %d: missed %zu -> %zu, spurious %zu -> %zu, orientation %.2f -> %.2f deg, "
              "frequency %.1f -> %.1f %%",
              int(seed), light.minutiaeWhole.missed, heavy.minutiaeWhole.missed,
              light.minutiaeWhole.spurious, heavy.minutiaeWhole.spurious,
              light.ridgesWhole.orientationDeg, heavy.ridgesWhole.orientationDeg,
              light.ridgesWhole.frequencyPercent, heavy.ridgesWhole.frequencyPercent);
        QVERIFY(heavy.minutiaeWhole.missed > light.minutiaeWhole.missed);
        QVERIFY(heavy.minutiaeWhole.f1 < light.minutiaeWhole.f1);
        QVERIFY(heavy.ridgesWhole.orientationDeg > light.ridgesWhole.orientationDeg);
        QVERIFY(heavy.ridgesWhole.frequencyPercent > light.ridgesWhole.frequencyPercent);
        QVERIFY(heavy.quality.whole.psnr < light.quality.whole.psnr);
        QVERIFY(heavy.quality.whole.ssim < light.quality.whole.ssim);
        // A light blur keeps most minutiae.
        QVERIFY(light.minutiaeWhole.f1 > 0.6);
    }
}

void TestPrintMetrics::blankedHoleLosesRidges()
{
    // The hole painted paper-white: outside untouched, inside every ridge measure fails.
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = discMask(p.image.size(), {120, 130}, 36);
    cv::Mat damaged = p.image.clone();
    damaged.setTo(cv::mean(p.image, ~p.foreground), mask);
    const rw::PrintMetrics m = rw::measurePrint(p.image, damaged, mask, p.foreground);
    QCOMPARE(m.quality.outside.mae, 0.0);
    QCOMPARE(m.quality.outside.psnr, rw::kPsnrCapDb);
    QVERIFY(m.quality.inside.mae > 20.0);
    QVERIFY2(m.ridgesInside.frequencyPercent > 50.0,
             qPrintable(QString::number(m.ridgesInside.frequencyPercent)));
    QVERIFY(m.ridgesInside.orientationDeg > m.ridgesWhole.orientationDeg);
    QVERIFY(m.minutiaeInside.reference > 0);
    QVERIFY(m.minutiaeInside.missed > 0);
    QVERIFY(m.minutiaeInside.recall < 0.5);
}

void TestPrintMetrics::drawnStrokesAreSpurious()
{
    // "Enhancement" that draws dark strokes across the valleys inside the mask: pixel scores
    // barely move, but the strokes make bifurcations that are not in the clean print.
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = rw::test::strokedPrintHole();
    const cv::Mat invented = rw::test::strokedPrint();
    const rw::PrintMetrics m = rw::measurePrint(p.image, invented, mask, p.foreground);
    qInfo("inside: PSNR %.1f dB, SSIM %.3f, spurious %zu, missed %zu", m.quality.inside.psnr,
          m.quality.inside.ssim, m.minutiaeInside.spurious, m.minutiaeInside.missed);
    QVERIFY(m.quality.inside.ssim > 0.8);
    QVERIFY(m.minutiaeInside.spurious >= 3);
    QCOMPARE(m.minutiaeWhole.spurious, m.minutiaeInside.spurious);
}

void TestPrintMetrics::candidateMinutiaeAreTheCountedOnes()
{
    // The strokes above, found again by candidateMinutiae and pairMinutiae: the unpaired ones
    // in the grown mask are exactly the spurious count, and they lie where the strokes are.
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = rw::test::strokedPrintHole();
    const cv::Mat invented = rw::test::strokedPrint();
    const rw::PrintReference reference = rw::prepareReference(p.image, p.foreground);
    const rw::PrintMetrics m = rw::measurePrint(reference, invented, mask);
    const std::vector<rw::Minutia> found = rw::candidateMinutiae(reference, invented);
    const cv::Mat region = rw::minutiaeRegion(mask & p.foreground);
    const std::vector<rw::MinutiaPair> pairs = rw::pairMinutiae(reference.minutiae, found, region);
    std::vector<bool> paired(found.size(), false);
    for (const rw::MinutiaPair& pair : pairs)
        paired[pair.candidate] = true;
    std::size_t unpaired = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (paired[i] || !rw::inRegion(found[i], region))
            continue;
        ++unpaired;
        // Within a stroke's reach: 7 px half-length, 3 px width, a few px of thinning.
        const double nearest = rw::test::distanceToStrokes(found[i].position);
        QVERIFY2(nearest < 14.0, qPrintable(QString::number(nearest)));
    }
    QCOMPARE(unpaired, m.minutiaeInside.spurious);
    QCOMPARE(pairs.size(), m.minutiaeInside.matched);
    QVERIFY(unpaired >= 3);
    // On the clean print itself every minutia pairs with itself.
    const std::vector<rw::Minutia> own = rw::candidateMinutiae(reference, p.image);
    QCOMPARE(own.size(), reference.minutiae.size());
    QCOMPARE(rw::pairMinutiae(reference.minutiae, own).size(), own.size());
}

void TestPrintMetrics::reuseGivesSameResult()
{
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = discMask(p.image.size(), {100, 140}, 30);
    const cv::Mat candidate = blurred(p.image, 1.5);
    const rw::PrintMetrics plain = rw::measurePrint(p.image, candidate, mask, p.foreground);
    const std::vector<rw::Minutia> cleanMinutiae = rw::extractMinutiae(p.image, p.foreground);
    const rw::PrintMetrics reused =
        rw::measurePrint(p.image, candidate, mask, p.foreground, &cleanMinutiae);
    const rw::PrintReference reference = rw::prepareReference(p.image, p.foreground);
    const rw::PrintMetrics prepared = rw::measurePrint(reference, candidate, mask);
    QCOMPARE(reference.minutiae.size(), cleanMinutiae.size());
    QVERIFY(sameMetrics(plain, reused));
    QVERIFY(sameMetrics(plain, prepared));
    // Another foreground gives other numbers: the check above can fail.
    cv::Mat smaller;
    cv::erode(p.foreground, smaller, cv::getStructuringElement(cv::MORPH_RECT, {31, 31}));
    QVERIFY(!sameMetrics(plain, rw::measurePrint(p.image, candidate, mask, smaller)));
}

void TestPrintMetrics::flattenNamesEveryValue()
{
    const std::vector<std::string> names = rw::metricNames();
    const std::set<std::string> unique(names.begin(), names.end());
    QCOMPARE(unique.size(), names.size());
    // The order is part of the CSV format.
    QCOMPARE(names.front(), std::string("psnr"));
    QCOMPARE(names.at(1), std::string("ssim"));
    QCOMPARE(names.at(2), std::string("mae"));
    QCOMPARE(names.at(3), std::string("psnr_inside"));

    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = discMask(p.image.size(), {128, 128}, 30);
    const rw::PrintMetrics m = rw::measurePrint(p.image, blurred(p.image, 1.2), mask, p.foreground);
    const std::map<std::string, double> flat = rw::flatten(m);
    QCOMPARE(flat.size(), names.size());
    for (const std::string& name : names)
        QVERIFY2(flat.count(name) == 1, name.c_str());
    QCOMPARE(flat.at("psnr"), m.quality.whole.psnr);
    QCOMPARE(flat.at("ssim_inside"), m.quality.inside.ssim);
    QCOMPARE(flat.at("mae_outside"), m.quality.outside.mae);
    QCOMPARE(flat.at("orientation_deg"), m.ridgesWhole.orientationDeg);
    QCOMPARE(flat.at("orientation_deg_inside"), m.ridgesInside.orientationDeg);
    QCOMPARE(flat.at("frequency_pct_inside"), m.ridgesInside.frequencyPercent);
    QCOMPARE(flat.at("minutiae_f1"), m.minutiaeWhole.f1);
    QCOMPARE(flat.at("minutiae_f1_inside"), m.minutiaeInside.f1);
    QCOMPARE(flat.at("spurious_minutiae"), double(m.minutiaeWhole.spurious));
    QCOMPARE(flat.at("spurious_minutiae_inside"), double(m.minutiaeInside.spurious));
    QCOMPARE(flat.at("missed_minutiae_inside"), double(m.minutiaeInside.missed));
}

void TestPrintMetrics::speed()
{
    const rw::SyntheticPrint& p = print();
    const cv::Mat mask = discMask(p.image.size(), {128, 128}, 40);
    const cv::Mat candidate = blurred(p.image, 1.0);
    const int previousThreads = cv::getNumThreads();
    cv::setNumThreads(1);  // one core: what each worker of an evaluation gets
    // Processor time of this (single) thread as well as wall time: on a shared machine the
    // wall time says more about the neighbours than about the code.
    struct Cost {
        double wallMs;
        double cpuMs;
    };
    const auto time = [](const auto& work) {
        constexpr int kRuns = 10;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        for (int i = 0; i < kRuns; ++i)
            work();
        const double cpu = 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const double wall =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return Cost{wall / kRuns, cpu / kRuns};
    };
    const Cost full = time([&] { rw::measurePrint(p.image, candidate, mask, p.foreground); });
    const rw::PrintReference reference = rw::prepareReference(p.image, p.foreground);
    const Cost prepared = time([&] { rw::measurePrint(reference, candidate, mask); });
    cv::setNumThreads(previousThreads);
    qInfo("measurePrint 256x256, one thread: %.1f ms wall, %.1f ms CPU; with a prepared "
          "reference: %.1f ms wall, %.1f ms CPU",
          full.wallMs, full.cpuMs, prepared.wallMs, prepared.cpuMs);
    // Generous bound: the build machines are shared. The figure to watch is the one printed.
    QVERIFY(full.cpuMs < 500.0);
}

void TestPrintMetrics::rejectsBadInput()
{
    const rw::SyntheticPrint& p = print();
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([&] { rw::measurePrint(p.image, cv::Mat::zeros(10, 10, CV_8UC1), {}); }),
             invalid);
    QCOMPARE(
        errorKindOf([&] { rw::measurePrint(p.image, p.image, cv::Mat::zeros(10, 10, CV_8UC1)); }),
        invalid);
    QCOMPARE(
        errorKindOf([&] { rw::measurePrint(p.image, p.image, {}, cv::Mat::zeros(9, 9, CV_8UC1)); }),
        invalid);
    cv::Mat asFloat;
    p.image.convertTo(asFloat, CV_32F);
    QCOMPARE(errorKindOf([&] { rw::measurePrint(asFloat, p.image, {}); }), invalid);
    const rw::PrintReference reference = rw::prepareReference(p.image, p.foreground);
    QCOMPARE(errorKindOf([&] { rw::measurePrint(reference, asFloat, {}); }), invalid);
    rw::PrintReference handMade;
    handMade.image = p.image;
    QCOMPARE(errorKindOf([&] { rw::measurePrint(handMade, p.image, {}); }), invalid);
}

QTEST_GUILESS_MAIN(TestPrintMetrics)
#include "tst_printmetrics.moc"
