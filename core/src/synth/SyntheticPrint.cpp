// The generator's pipeline; each stage lives in its own file:
//   FingerGeometry   - contact area, placement and rotation of the finger
//   OrientationModel - zero-pole orientation field with bending terms
//   PeriodModel      - ridge-period map
//   RidgeGrowth      - iterative Gabor filtering from random seeds (GaborBank: the kernels)
//   PrintRendering   - pressure, dryness, pores, creases, background, blur, noise
#include "ridgeworks/synth/SyntheticPrint.h"

#include "FingerGeometry.h"
#include "OrientationModel.h"
#include "PeriodModel.h"
#include "PrintRendering.h"
#include "RidgeGrowth.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace rw {
namespace {

constexpr int kMinSide = 96;
constexpr int kMaxSide = 1024;
constexpr double kMinPpi = 150.0;  // below this a ridge period is under 2.5 px
constexpr double kMaxPpi = 4000.0;

// At 500 ppi ridges are 8.5-9.9 px apart at the base (the typical 0.43-0.50 mm of adult
// fingers); the period map adds up to about +10% towards the tip and the joint.
constexpr double kMinPeriodAt500 = 8.5;
constexpr double kMaxPeriodAt500 = 9.9;

// Ridges are grown at a resolution where the period is about this many pixels when the
// print's own period is longer: the cost of Gabor growth grows with the square of the
// period, and a ridge pattern upsampled from 9.5 px is indistinguishable from one grown
// at full resolution.
constexpr double kWorkPeriod = 9.5;
constexpr double kMaxNativePeriod = 12.0;

// Independent random streams per stage, so changing one stage's draws leaves the others'
// results alone.
enum Stream : std::uint64_t {
    ClassStream = 1,
    GeometryStream,
    FieldStream,
    PeriodStream,
    GrowthStream,
    RenderStream
};

void validate(const SynthOptions& o)
{
    const auto sideOk = [](int side) { return side >= kMinSide && side <= kMaxSide; };
    if (!sideOk(o.width) || !sideOk(o.height))
        throw Error(ErrorKind::InvalidArgument, "synthetic print size " + std::to_string(o.width) +
                                                    "x" + std::to_string(o.height) +
                                                    " is outside " + std::to_string(kMinSide) +
                                                    ".." + std::to_string(kMaxSide));
    if (!(o.ppi >= kMinPpi && o.ppi <= kMaxPpi))
        throw Error(ErrorKind::InvalidArgument,
                    "synthetic print resolution " + std::to_string(o.ppi) + " ppi is outside " +
                        std::to_string(int(kMinPpi)) + ".." + std::to_string(int(kMaxPpi)));
}

// Where the period model puts the pattern centre: between the cores, or above the finger
// centre for an arch.
cv::Point2d patternCentre(const synth::OrientationModel& m)
{
    if (m.cores.empty())
        return {0.0, -0.1 * m.geometry.topHalfHeight};
    cv::Point2d sum;
    for (const cv::Point2d& c : m.cores)
        sum += c;
    return sum * (1.0 / double(m.cores.size()));
}

double lowestDelta(const synth::OrientationModel& m)
{
    double lowest = 0.0;
    for (const cv::Point2d& d : m.deltas)
        lowest = std::max(lowest, d.y);
    return lowest;
}

}  // namespace

SyntheticPrint generateSyntheticPrint(const SynthOptions& options)
{
    validate(options);
    const cv::Size size(options.width, options.height);
    Rng root(options.seed);
    Rng classRng = root.fork(ClassStream);
    Rng geometryRng = root.fork(GeometryStream);
    Rng fieldRng = root.fork(FieldStream);
    Rng periodRng = root.fork(PeriodStream);
    Rng growthRng = root.fork(GrowthStream);
    Rng renderRng = root.fork(RenderStream);

    // Classes are equally likely: rare real classes (arches) must not be rare in training.
    const std::vector<FingerprintClass> classes = allFingerprintClasses();
    const FingerprintClass cls =
        options.cls ? *options.cls
                    : classes[std::size_t(classRng.uniformInt(0, int(classes.size()) - 1))];

    const double period = periodRng.uniform(kMinPeriodAt500, kMaxPeriodAt500) * options.ppi / 500.0;
    const synth::FingerGeometry geometry =
        synth::FingerGeometry::draw(geometryRng, size, options.ppi);
    const synth::OrientationModel orientation =
        synth::OrientationModel::draw(cls, geometry, period, fieldRng);
    const synth::PeriodModel periods = synth::PeriodModel::draw(
        geometry, period, patternCentre(orientation), lowestDelta(orientation), periodRng);

    SyntheticPrint print;
    print.cls = cls;
    print.seed = options.seed;
    print.ppi = options.ppi;
    print.orientation = orientation.map(size, 1.0);
    print.period = periods.map(size, 1.0);
    print.foreground = geometry.mask(size, 1.0);
    print.singularities = orientation.singularitiesInside(size);

    // Grow the ridges (at a reduced resolution for long periods), a little beyond the
    // contact area so the rendered outline fades over ridges rather than cutting them.
    const double scale = period > kMaxNativePeriod ? kWorkPeriod / period : 1.0;
    cv::Mat workOrientation = print.orientation;
    cv::Mat workPeriod = print.period;
    cv::Mat workTarget = print.foreground;
    cv::Size workSize = size;
    if (scale < 1.0) {
        workSize = cv::Size(std::max(1, int(std::lround(size.width * scale))),
                            std::max(1, int(std::lround(size.height * scale))));
        workOrientation = orientation.map(workSize, scale);
        workPeriod = periods.map(workSize, scale);
        workTarget = geometry.mask(workSize, scale);
    }
    const int margin = std::max(1, int(std::lround(0.5 * period * scale)));
    cv::Mat workRegion;
    cv::dilate(
        workTarget, workRegion,
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * margin + 1, 2 * margin + 1)));

    synth::GrowthSettings growth;
    growth.seedSpacing = growthRng.uniform(3.0, 5.0);
    cv::Mat ridges =
        synth::growRidges(workOrientation, workPeriod, workRegion, workTarget, growth, growthRng);
    if (scale < 1.0) {
        // Back to full resolution with the same pixel-centre mapping the maps were sampled
        // with (samplePoint), so ridges and orientation map stay aligned to the pixel.
        const cv::Matx23d fullToWork(scale, 0.0, 0.5 * scale - 0.5, 0.0, scale, 0.5 * scale - 0.5);
        cv::warpAffine(ridges, ridges, fullToWork, size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                       cv::BORDER_REPLICATE);
    }

    const synth::RenderStyle style = synth::RenderStyle::draw(renderRng);
    print.image = synth::renderPrint(ridges, print.foreground, geometry, style, period, renderRng);
    return print;
}

}  // namespace rw
