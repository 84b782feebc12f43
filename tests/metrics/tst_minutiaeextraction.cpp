// Minutiae extraction on drawn ridges whose minutiae are known by construction (a cut ridge
// gives two endings, a Y join a bifurcation), and on synthetic prints.
#include "CachedSyntheticPrint.h"
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/metrics/Minutiae.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <numbers>

namespace {

constexpr double kPi = std::numbers::pi;

// Dark horizontal ridges (4 px thick, period 10) on white paper, 200 x 160. Ridge y = 50 is
// cut at x = 90..109; ridges y = 100 and y = 110 join into one at y = 105 left of x = 110.
cv::Mat drawnRidges()
{
    cv::Mat image(160, 200, CV_8UC1, cv::Scalar(255));
    const auto ridge = [&](cv::Point a, cv::Point b) {
        cv::line(image, a, b, cv::Scalar(0), 4, cv::LINE_8);
    };
    for (int y = 20; y <= 140; y += 10) {
        if (y == 100 || y == 110)
            continue;
        ridge({0, y}, {199, y});
    }
    image(cv::Rect(90, 47, 20, 7)).setTo(255);  // the cut
    ridge({0, 105}, {110, 105});                // the stem ...
    ridge({110, 105}, {122, 100});              // ... and its two forks
    ridge({110, 105}, {122, 110});
    ridge({122, 100}, {199, 100});
    ridge({122, 110}, {199, 110});
    return image;
}

const rw::Minutia* nearest(const std::vector<rw::Minutia>& minutiae, cv::Point2d p)
{
    const rw::Minutia* best = nullptr;
    for (const rw::Minutia& m : minutiae)
        if (!best || cv::norm(m.position - p) < cv::norm(best->position - p))
            best = &m;
    return best;
}

double angleDifference(double a, double b)
{
    const double d = std::fmod(std::abs(a - b), 2.0 * kPi);
    return std::min(d, 2.0 * kPi - d);
}

QString describe(const std::vector<rw::Minutia>& minutiae)
{
    QString text;
    for (const rw::Minutia& m : minutiae)
        text += QStringLiteral("%1(%2,%3 %4deg) ")
                    .arg(m.type == rw::Minutia::Type::Ending ? QStringLiteral("E")
                                                             : QStringLiteral("B"))
                    .arg(m.position.x)
                    .arg(m.position.y)
                    .arg(m.angle * 180.0 / kPi, 0, 'f', 0);
    return text;
}

using rw::test::errorKindOf;

}  // namespace

class TestMinutiaeExtraction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void drawnEndingsAndBifurcation();
    void plainRidgesHaveNone();
    void borderMarginDropsEdgeMinutiae();
    void shortFragmentIsIgnored();
    void syntheticPrintIsDeterministic();
    void foregroundIsSegmentedWhenNotGiven();
    void rejectsBadInput();
    void flatPatchHasNoMinutiae();
};

void TestMinutiaeExtraction::drawnEndingsAndBifurcation()
{
    const cv::Mat image = drawnRidges();
    // The whole image is print: its edges are the foreground's.
    const cv::Mat foreground(image.size(), CV_8UC1, cv::Scalar(255));
    const std::vector<rw::Minutia> found = rw::extractMinutiae(image, foreground);
    const QString text = describe(found);
    qInfo("%s", qPrintable(text));

    struct Expected {
        cv::Point2d position;
        rw::Minutia::Type type;
        double angle;  // the ridge leaving the point
    };
    const std::vector<Expected> expected = {
        {{89.0, 50.0}, rw::Minutia::Type::Ending, kPi},   // left end of the cut, ridge to the left
        {{110.0, 50.0}, rw::Minutia::Type::Ending, 0.0},  // right end, ridge to the right
        // The valley between the 4 px forks opens where their centres are 4 px apart,
        // 12 * 4 / 10 = 4.8 px right of the drawn join: the bifurcation is there.
        {{114.0, 105.0}, rw::Minutia::Type::Bifurcation, kPi}  // stem to the left
    };
    // The drawn image's interior: nothing else there (ridges end at the image's edges, which
    // the border margin takes care of).
    QCOMPARE(found.size(), expected.size());
    for (const Expected& e : expected) {
        const rw::Minutia* m = nearest(found, e.position);
        QVERIFY(m);
        QVERIFY2(cv::norm(m->position - e.position) <= 3.0, qPrintable(text));
        QVERIFY2(m->type == e.type, qPrintable(text));
        QVERIFY2(angleDifference(m->angle, e.angle) < 20.0 * kPi / 180.0, qPrintable(text));
    }
}

void TestMinutiaeExtraction::plainRidgesHaveNone()
{
    cv::Mat image(120, 160, CV_8UC1, cv::Scalar(230));
    for (int y = 15; y < 110; y += 9)
        cv::line(image, {0, y}, {159, y + 12}, cv::Scalar(40), 4);
    QCOMPARE(rw::extractMinutiae(image, cv::Mat(image.size(), CV_8UC1, cv::Scalar(255))).size(),
             std::size_t(0));
}

void TestMinutiaeExtraction::borderMarginDropsEdgeMinutiae()
{
    // The cut's endings are 40 and 50 px from the foreground's edge once it is limited to
    // the middle band x = 50..149: kept with the default margin, dropped with a 45 px one
    // (the right ending too, 39 px from the right edge of the band).
    const cv::Mat image = drawnRidges();
    cv::Mat band = cv::Mat::zeros(image.size(), CV_8UC1);
    band(cv::Rect(50, 0, 100, 160)).setTo(255);
    rw::MinutiaeOptions options;
    const std::vector<rw::Minutia> kept = rw::extractMinutiae(image, band, options);
    QVERIFY2(nearest(kept, {89, 50}) &&
                 cv::norm(nearest(kept, {89, 50})->position - cv::Point2d(89, 50)) <= 3.0,
             qPrintable(describe(kept)));
    options.borderMargin = 45;
    const std::vector<rw::Minutia> dropped = rw::extractMinutiae(image, band, options);
    for (const rw::Minutia& m : dropped)
        QVERIFY2(cv::norm(m.position - cv::Point2d(89, 50)) > 3.0 &&
                     cv::norm(m.position - cv::Point2d(110, 50)) > 3.0,
                 qPrintable(describe(dropped)));
}

void TestMinutiaeExtraction::shortFragmentIsIgnored()
{
    // A 6 x 4 px speck in the middle of the cut thins to a stub shorter than
    // minRidgeLength: dirt, not a ridge with two endings.
    cv::Mat image = drawnRidges();
    image(cv::Rect(97, 48, 6, 4)).setTo(0);
    const cv::Mat all(image.size(), CV_8UC1, cv::Scalar(255));
    const std::vector<rw::Minutia> found = rw::extractMinutiae(image, all);
    QVERIFY2(found.size() == 3, qPrintable(describe(found)));
    // Without the pruning the speck's two ends are read as endings.
    rw::MinutiaeOptions unpruned;
    unpruned.minRidgeLength = 0;
    const std::vector<rw::Minutia> raw = rw::extractMinutiae(image, all, unpruned);
    QVERIFY2(raw.size() == 5, qPrintable(describe(raw)));
}

void TestMinutiaeExtraction::syntheticPrintIsDeterministic()
{
    const rw::SyntheticPrint& print = rw::test::cachedSyntheticPrint(3, 256, 256);
    const std::vector<rw::Minutia> a = rw::extractMinutiae(print.image, print.foreground);
    const std::vector<rw::Minutia> b = rw::extractMinutiae(print.image, print.foreground);
    qInfo("%zu minutiae", a.size());
    // A 256 x 256 print at 500 ppi holds a few dozen minutiae.
    QVERIFY2(a.size() >= 10 && a.size() <= 120, qPrintable(QString::number(a.size())));
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].position, b[i].position);
        QCOMPARE(a[i].angle, b[i].angle);
        QVERIFY(a[i].angle >= 0.0 && a[i].angle < 2.0 * kPi);
        // At least the border margin (8 px) inside the foreground.
        QVERIFY(print.foreground.at<unsigned char>(cv::Point(a[i].position)) != 0);
    }
}

void TestMinutiaeExtraction::foregroundIsSegmentedWhenNotGiven()
{
    const rw::SyntheticPrint& print = rw::test::cachedSyntheticPrint(3, 256, 256);
    const std::vector<rw::Minutia> own = rw::extractMinutiae(print.image);
    const std::vector<rw::Minutia> given =
        rw::extractMinutiae(print.image, rw::segmentForeground(print.image));
    QVERIFY(!own.empty());
    QCOMPARE(own.size(), given.size());
    for (std::size_t i = 0; i < own.size(); ++i)
        QCOMPARE(own[i].position, given[i].position);
}

void TestMinutiaeExtraction::rejectsBadInput()
{
    const cv::Mat image = drawnRidges();
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([] { rw::extractMinutiae(cv::Mat()); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::extractMinutiae(image, cv::Mat::zeros(10, 10, CV_8UC1)); }),
             invalid);
    cv::Mat asFloat;
    image.convertTo(asFloat, CV_32F);
    QCOMPARE(errorKindOf([&] { rw::extractMinutiae(asFloat); }), invalid);
    rw::MinutiaeOptions negative;
    negative.borderMargin = -1;
    QCOMPARE(errorKindOf([&] { rw::extractMinutiae(image, {}, negative); }), invalid);
}

// A flat grey fill (an erased area, a blurred reconstruction) shows no ridges: no minutia
// inside it, and the ridges that run into it do not "end" at its edge.
void TestMinutiaeExtraction::flatPatchHasNoMinutiae()
{
    const cv::Mat clean = rw::test::cachedSyntheticPrint(21, 256, 256).image;
    const cv::Mat foreground = rw::segmentForeground(clean);
    cv::Mat filled = clean.clone();
    const cv::Rect patch(88, 88, 80, 80);
    filled(patch).setTo(150);
    cv::Mat near = cv::Mat::zeros(clean.size(), CV_8UC1);
    near(cv::Rect(patch.x - 4, patch.y - 4, patch.width + 8, patch.height + 8)).setTo(255);
    int inside = 0;
    for (const rw::Minutia& m : rw::extractMinutiae(filled, foreground))
        if (near.at<unsigned char>(cv::Point(m.position)))
            ++inside;
    QCOMPARE(inside, 0);
    // The clean print does have minutiae there: the check above can fail.
    int cleanInside = 0;
    for (const rw::Minutia& m : rw::extractMinutiae(clean, foreground))
        if (near.at<unsigned char>(cv::Point(m.position)))
            ++cleanInside;
    QVERIFY(cleanInside > 0);
}

QTEST_GUILESS_MAIN(TestMinutiaeExtraction)
#include "tst_minutiaeextraction.moc"
