// Ridge continuation: fields from the surroundings, ridges grown inward from the rim.
#include "ridgeworks/inpaint/RidgeContinuation.h"

#include "FieldInterpolation.h"
#include "OrientationFill.h"
#include "OrientedFilterPass.h"
#include "common/SideBySide.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "synth/GaborBank.h"
#include "synth/GaborFiltering.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw {
namespace {

using synth::GaborBank;
using synth::GaborKernel;
using synth::PaddedImage;

// Amplification before clipping, as the generator grows ridges: > 1 lets the pattern spread.
constexpr float kGrowthGain = 3.0f;
// Ridge contrast below this share of the print's typical contrast is background: nothing to
// continue there.
constexpr double kBackgroundContrast = 0.25;
// Growth stops when this share of the hole is within a pixel of a value beyond this.
constexpr float kDevelopedValue = 0.2f;
constexpr double kDevelopedShare = 0.995;

struct SurroundingFields {
    cv::Mat mean;         // local brightness, CV_32FC1
    cv::Mat amplitude;    // local ridge contrast (standard deviation), CV_32FC1
    cv::Mat orientation;  // ridge direction, radians, CV_32FC1 (fillOrientation)
};

// Brightness and contrast over about a ridge and a valley, carried into the hole.
void interpolateBrightnessAndContrast(const cv::Mat& image, const cv::Mat& hole, double period,
                                      cv::Mat& mean, cv::Mat& amplitude)
{
    const cv::Mat known = hole == 0;
    cv::Mat knownWeight;
    known.convertTo(knownWeight, CV_32FC1, 1.0 / 255.0);
    const cv::Mat distance = inpaint::distanceToKnown(hole);
    mean = inpaint::interpolateFromSurroundings(image, knownWeight, distance, period);
    const cv::Mat deviation = image - mean;
    const cv::Mat variance = inpaint::interpolateFromSurroundings(deviation.mul(deviation),
                                                                  knownWeight, distance, period);
    // Grown ridges come out nearly square (clipped), so a square wave of the surroundings'
    // standard deviation matches their contrast.
    cv::sqrt(cv::max(variance, 0.0), amplitude);
}

// The median contrast of the pixels outside the hole.
double typicalAmplitude(const cv::Mat& amplitude, const cv::Mat& hole)
{
    std::vector<float> values;
    values.reserve(amplitude.total());
    for (int y = 0; y < amplitude.rows; ++y) {
        const float* a = amplitude.ptr<float>(y);
        const unsigned char* inHole = hole.ptr<unsigned char>(y);
        for (int x = 0; x < amplitude.cols; ++x)
            if (!inHole[x])
                values.push_back(a[x]);
    }
    if (values.empty())
        return 0.0;
    auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// The ridge signal in [-1, 1]: known ridges normalised by their local contrast (0 on
// background), grown into the hole pass by pass. Known pixels never change, so the grown
// ridges keep the phase of the real ones at the rim.
cv::Mat growIntoHole(const cv::Mat& image, const cv::Mat& hole, const SurroundingFields& fields,
                     double period, int maxIterations)
{
    const cv::Size size = image.size();
    const std::vector<GaborKernel>& bank = GaborBank::kernels(GaborBank::periodBin(period));
    const int radius = bank.front().radius;
    const double floorAmplitude = kBackgroundContrast * typicalAmplitude(fields.amplitude, hole);

    // Every pixel and every hole pixel's kernel on its own: rows are shared out between threads.
    PaddedImage current(size, radius);
    cv::parallel_for_(cv::Range(0, size.height), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const float* pixel = image.ptr<float>(y);
            const float* mean = fields.mean.ptr<float>(y);
            const float* amplitude = fields.amplitude.ptr<float>(y);
            const unsigned char* inHole = hole.ptr<unsigned char>(y);
            float* signal = current.row(y);
            for (int x = 0; x < size.width; ++x)
                signal[x] = inHole[x] || amplitude[x] < floorAmplitude
                                ? 0.0f
                                : std::clamp((pixel[x] - mean[x]) / amplitude[x], -1.0f, 1.0f);
        }
    });
    PaddedImage next = current;

    std::vector<cv::Point> holePixels;
    cv::findNonZero(hole, holePixels);
    std::vector<const GaborKernel*> kernelOf(holePixels.size());
    cv::parallel_for_(
        cv::Range(0, static_cast<int>(holePixels.size())), [&](const cv::Range& part) {
            for (int i = part.start; i < part.end; ++i)
                kernelOf[std::size_t(i)] = &bank[std::size_t(GaborBank::orientationBin(
                    fields.orientation.at<float>(holePixels[std::size_t(i)])))];
        });

    // Pass after pass the front moves about a kernel radius in; it stops once every hole
    // pixel carries a developed value, plus a few passes for the last-grown part to settle.
    constexpr int kSettlePasses = 3;
    int settled = -1;
    const cv::Mat reach =
        cv::getStructuringElement(cv::MORPH_RECT, {2 * radius + 1, 2 * radius + 1});
    // The per-pass maps below are read at hole pixels only, and there they depend on pixels
    // within a filter's reach: they are worked out on the hole's box and that reach around it.
    const cv::Rect box = inpaint::boxAround(hole, radius);
    const cv::Mat holeInBox = hole(box);
    cv::Mat active(box.size(), CV_8UC1);
    bool allActive = false;  // then `active` is left empty: every hole pixel is filtered
    for (int pass = 0; pass < maxIterations && settled < kSettlePasses; ++pass) {
        // Where no kernel reaches a non-zero value yet, the filter gives exactly 0: the
        // pixels ahead of the growing front are set without filtering (most of a deep hole
        // in the early passes). Once the front has reached every hole pixel the map is no
        // longer worked out (filtering a pixel no value reaches would give 0 all the same).
        if (!allActive) {
            for (int y = 0; y < box.height; ++y) {
                const float* v = current.row(box.y + y) + box.x;
                unsigned char* a = active.ptr<unsigned char>(y);
                for (int x = 0; x < box.width; ++x)
                    a[x] = v[x] != 0.0f ? 255 : 0;
            }
            cv::dilate(active, active, reach);
            allActive = cv::countNonZero(active & holeInBox) == int(holePixels.size());
            if (allActive)
                active = cv::Mat();
        }
        cv::parallel_for_(cv::Range(0, static_cast<int>(holePixels.size())),
                          [&](const cv::Range& range) {
                              inpaint::orientedFilterPass(current, next, holePixels, kernelOf,
                                                          kGrowthGain, active, box.tl(), range);
                          });
        std::swap(current, next);
        if (settled >= 0) {
            ++settled;
            continue;
        }
        // Developed: within a pixel of a clear ridge or valley value (zero crossings between
        // them are one pixel thin), on all but a few hole pixels.
        cv::Mat developed(box.size(), CV_8UC1);
        for (int y = 0; y < box.height; ++y) {
            const float* v = current.row(box.y + y) + box.x;
            unsigned char* d = developed.ptr<unsigned char>(y);
            for (int x = 0; x < box.width; ++x)
                d[x] = std::abs(v[x]) > kDevelopedValue ? 255 : 0;
        }
        cv::dilate(developed, developed, cv::Mat());
        const bool covered = cv::countNonZero(developed & holeInBox) >=
                             kDevelopedShare * static_cast<double>(holePixels.size());
        if (covered)
            settled = 0;
    }

    cv::Mat signal(size, CV_32FC1);
    for (int y = 0; y < size.height; ++y)
        std::copy_n(current.row(y), size.width, signal.ptr<float>(y));
    return signal;
}

// How far around the hole the fill looks (pixels): at least this, and at least the hole's own
// depth, since the brightness and contrast at a point d deep are averaged over about d around
// it. It covers the orientation tensor's window (σ a third of a ridge period, from 1 px
// outside) and the orientation membrane's 24 px.
constexpr int kWorkMargin = 48;

cv::Rect workRegion(const cv::Mat& hole)
{
    double depth = 0.0;
    cv::minMaxLoc(inpaint::distanceToKnown(hole), nullptr, &depth);
    return inpaint::boxAround(hole,
                              std::max(kWorkMargin, static_cast<int>(std::ceil(2.0 * depth))));
}

// The hole's box and, around it, the reach of the growth's filter at `period` (the known ridges
// it continues); the image's part of that.
cv::Rect growthReach(const cv::Mat& hole, double period)
{
    const int reach =
        period > 0.0 ? GaborBank::kernels(GaborBank::periodBin(period)).front().radius + 1 : 1;
    return inpaint::boxAround(hole, reach);
}

// grow()'s arguments: a guide (if any) of floats the image's size, a non-negative bound.
void checkGrowth(const cv::Mat& guideOrientation, cv::Size imageSize, int maxIterations)
{
    if (!guideOrientation.empty() &&
        (guideOrientation.type() != CV_32FC1 || guideOrientation.size() != imageSize))
        throw Error(ErrorKind::InvalidArgument,
                    "ridge continuation needs a float guide orientation the size of the image");
    if (maxIterations < 0)
        throw Error(ErrorKind::InvalidArgument,
                    "ridge continuation needs a non-negative iteration bound");
}

}  // namespace

RidgeContinuation::RidgeContinuation(const cv::Mat& damaged, const cv::Mat& mask,
                                     double ridgePeriod, Growth growth)
    : damaged_(damaged)
{
    if (!prepare(mask, ridgePeriod))
        return;
    if (growth == Growth::AlongGuides) {
        measureSurroundings();
        return;
    }
    runSideBySide([this] { measureSurroundings(); },
                  [this] { ownField_ = carriedInOrientation(); });
}

RidgeContinuation::RidgeContinuation(const cv::Mat& damaged, const cv::Mat& mask,
                                     double ridgePeriod, const RidgeContinuation& reduced)
    : damaged_(damaged)
{
    if (!prepare(mask, ridgePeriod))
        return;
    // The reduced copy's fields, on its whole image (valid only inside its work region), at
    // this image's size. Both are smooth over a ridge period, so resizing keeps them.
    const cv::Size reducedSize = reduced.damaged_.size();
    if (reduced.hole_.empty() || reducedSize.width > damaged.cols ||
        reducedSize.height > damaged.rows) {
        measureSurroundings();
        return;
    }
    cv::Mat valid = cv::Mat::zeros(reducedSize, CV_8UC1);
    valid(reduced.work_).setTo(255);
    cv::resize(valid, valid, damaged.size(), 0, 0, cv::INTER_NEAREST);
    // Where the hole's depth sets the margin, the reduced copy's region, enlarged, falls a
    // pixel or two short of this one (its depth was rounded at the smaller size). The work
    // region is then cut to what the reduced copy covers, as long as that still holds all the
    // growth reads: the ridges within a filter's reach of the hole.
    const cv::Rect covered = work_ & cv::boundingRect(valid);
    const cv::Rect needed = growthReach(hole_, period_);
    if ((covered & needed) != needed) {
        measureSurroundings();  // the reduced copy does not cover what the growth needs
        return;
    }
    if (covered != work_) {
        work_ = covered;
        damaged(work_).convertTo(image_, CV_32FC1, 1.0 / 255.0);
    }
    for (auto [from, to] :
         {std::pair{&reduced.mean_, &mean_}, std::pair{&reduced.amplitude_, &amplitude_}}) {
        cv::Mat whole = cv::Mat::zeros(reducedSize, CV_32FC1), enlarged;
        from->copyTo(whole(reduced.work_));
        cv::resize(whole, enlarged, damaged.size(), 0, 0, cv::INTER_LINEAR);
        *to = enlarged(work_).clone();
    }
    cv::max(amplitude_, 0.0, amplitude_);
}

bool RidgeContinuation::prepare(const cv::Mat& mask, double ridgePeriod)
{
    const cv::Mat& damaged = damaged_;
    if (damaged.empty() || damaged.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "ridge continuation needs an 8-bit gray image");
    if (ridgePeriod < 0.0)
        throw Error(ErrorKind::InvalidArgument, "ridge continuation needs a non-negative period");
    if (mask.empty())
        return false;
    if (mask.type() != CV_8UC1 || mask.size() != damaged.size())
        throw Error(ErrorKind::InvalidArgument,
                    "ridge continuation needs an 8-bit mask the size of the image");
    const cv::Mat hole = mask != 0;
    const int holePixels = cv::countNonZero(hole);
    if (holePixels == 0 || holePixels == hole.rows * hole.cols)
        return false;  // nothing to fill, or nothing around the hole to continue from
    hole_ = hole;

    period_ = ridgePeriod;
    if (period_ <= 0.0) {
        // On the print's own ridges: blank paper around a small print can drown the peak.
        const cv::Mat known = hole == 0;
        period_ = estimateRidgePeriod(damaged, segmentForeground(damaged) & known);
        if (period_ <= 0.0)
            period_ = estimateRidgePeriod(damaged, known);
    }
    // Only the hole and its surroundings are worked on (on a large print with a small hole,
    // most of the cost was pixels nothing is drawn on).
    work_ = workRegion(hole);
    damaged(work_).convertTo(image_, CV_32FC1, 1.0 / 255.0);
    return true;
}

cv::Mat RidgeContinuation::carriedInOrientation() const
{
    return inpaint::fillOrientation(image_, hole_(work_), smoothingPeriod());
}

void RidgeContinuation::measureSurroundings()
{
    interpolateBrightnessAndContrast(image_, hole_(work_), smoothingPeriod(), mean_, amplitude_);
}

cv::Mat RidgeContinuation::grow(const cv::Mat& guideOrientation, int maxIterations) const
{
    checkGrowth(guideOrientation, damaged_.size(), maxIterations);
    if (hole_.empty())
        return damaged_.clone();

    const cv::Mat holePart = hole_(work_);
    SurroundingFields fields;
    fields.mean = mean_;
    fields.amplitude = amplitude_;
    // Only the hole's orientation is used (the ridges around it are not regrown).
    if (!guideOrientation.empty())
        fields.orientation = guideOrientation(work_);
    else if (!ownField_.empty())
        fields.orientation = ownField_;
    else
        fields.orientation = carriedInOrientation();
    cv::Mat filled = fields.mean.clone();
    if (period_ > 0.0) {
        const cv::Mat signal = growIntoHole(image_, holePart, fields, period_, maxIterations);
        filled += signal.mul(fields.amplitude);
    }
    cv::Mat filledPart;
    filled.convertTo(filledPart, CV_8UC1, 255.0);  // saturating, rounded
    cv::Mat result = damaged_.clone();
    filledPart.copyTo(result(work_), holePart);
    return result;
}

cv::Mat continueRidges(const cv::Mat& damaged, const cv::Mat& mask,
                       const RidgeContinuationOptions& options)
{
    // Checked before the constructor's work, which the growth's arguments do not need.
    checkGrowth(options.guideOrientation, damaged.size(), options.maxIterations);
    const auto growth = options.guideOrientation.empty() ? RidgeContinuation::Growth::AlongOwnField
                                                         : RidgeContinuation::Growth::AlongGuides;
    return RidgeContinuation(damaged, mask, options.ridgePeriod, growth)
        .grow(options.guideOrientation, options.maxIterations);
}

}  // namespace rw
