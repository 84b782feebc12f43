#include "reconstruct/NetworkGeometry.h"

#include "common/SideBySide.h"

#include "reconstruct/RidgeRegrowth.h"
#include "ridgeworks/image/Preprocess.h"
#include "ridgeworks/inpaint/HoleFill.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace rw::reconstruction {
namespace {

cv::Mat toUnit(const cv::Mat& gray)
{
    cv::Mat out;
    gray.convertTo(out, CV_32FC1, 1.0 / 255.0);
    return out;
}

cv::Mat resizedImage(const cv::Mat& image, cv::Size size)
{
    if (image.size() == size)
        return image;
    cv::Mat out;
    // Area averaging when shrinking (no aliasing of the ridges), cubic when enlarging.
    const bool shrinking = size.area() < image.size().area();
    cv::resize(image, out, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

// A binary mask at another size: any coverage counts, so no damaged pixel gets lost.
cv::Mat resizedMask(const cv::Mat& mask, cv::Size size)
{
    if (mask.empty() || mask.size() == size)
        return mask.empty() ? mask : (mask != 0);
    cv::Mat coverage;
    cv::resize(mask != 0, coverage, size, 0, 0, cv::INTER_AREA);
    return coverage > 0;
}

// Context a fully convolutional network needs around the pixels it must produce, in network
// pixels. Measured with the shipped U-Net (tst_reconstruction): inside a small hole, a crop
// with 48 px of context gives the whole print's estimate exactly; with 16 px it is up to 9
// gray levels off.
constexpr int kContextMargin = 48;

// The part of the image the network must see to produce `where`: its bounding box and the
// context margin. The whole image when `where` is empty.
cv::Rect workRegion(const cv::Mat& where, cv::Size image)
{
    const cv::Rect whole(0, 0, image.width, image.height);
    if (where.empty())
        return whole;
    const cv::Rect box = cv::boundingRect(where);
    // The corner on the network's pooling grid (3 levels: multiples of 8), where the whole
    // print's run has it: a shifted grid pools other pixel pairs and changes the output.
    const int left = std::max(0, (box.x - kContextMargin) / 8 * 8);
    const int top = std::max(0, (box.y - kContextMargin) / 8 * 8);
    const int right = box.x + box.width + kContextMargin;
    const int bottom = box.y + box.height + kContextMargin;
    return cv::Rect(left, top, right - left, bottom - top) & whole;
}

}  // namespace

NetworkScale chooseScale(double printRidgePeriod, double trainingRidgePeriod)
{
    NetworkScale result;
    if (trainingRidgePeriod <= 0.0)
        return result;
    result.ridgePeriod = std::max(0.0, printRidgePeriod);
    if (result.ridgePeriod <= 0.0)
        return result;
    const double scale = std::clamp(trainingRidgePeriod / result.ridgePeriod, 0.25, 4.0);
    result.scale = std::abs(scale - 1.0) < 0.05 ? 1.0 : scale;
    return result;
}

NetworkOutput runWholePrint(const Model& model, const cv::Mat& gray, const cv::Mat& foreground,
                            const TileSettings& settings, const CancelToken& cancel,
                            int* networkInputs)
{
    Print print;
    print.pixels = gray;
    PreprocessOptions options;
    options.targetSize = {model.spec().inputSize, model.spec().inputSize};
    options.foreground = foreground;
    const Preprocessed pre = preprocessForModel(print, options);
    const std::vector<PassOutput> passes = runWithAugmentations(
        model, {{toUnit(pre.image), {}}}, settings.augmentations, 1, cancel, networkInputs);

    NetworkOutput out;
    out.mean = mapToSource(passes[0].mean, pre.transform, toUnit(gray));
    // One pass has no spread (all zeros): nothing to map.
    out.spread = cv::Mat::zeros(gray.size(), CV_32FC1);
    if (settings.augmentations > 1)
        out.spread = mapToSource(passes[0].spread, pre.transform, out.spread);
    out.covered = cv::Mat::zeros(gray.size(), CV_8UC1);
    out.covered(pre.transform.crop & cv::Rect(0, 0, gray.cols, gray.rows)).setTo(255);
    return out;
}

NetworkOutput runScaledTiles(const Model& model, const cv::Mat& gray, const cv::Mat& mask,
                             const cv::Mat& runWhere, const NetworkScale& scale,
                             const TileSettings& settings, const CancelToken& cancel,
                             int* networkInputs)
{
    const cv::Size scaled(std::max(8, int(std::lround(gray.cols * scale.scale))),
                          std::max(8, int(std::lround(gray.rows * scale.scale))));
    const cv::Mat original = resizedImage(toUnit(gray), scaled);
    cv::Mat image = original;
    cv::Mat networkMask;
    const bool inpainting = model.spec().architecture == Architecture::UNetInpaint;
    std::optional<RidgeContinuation> continuation;
    if (!mask.empty()) {
        resizedMask(mask, scaled).convertTo(networkMask, CV_32FC1, 1.0 / 255.0);
        // The starting fill the model was trained with, made once on the whole print: a tile
        // sees the same fill as its neighbours, continued from all of the hole's rim.
        // The period is the one measured for the scale, in network pixels (0 = not found:
        // the continuation measures it).
        if (inpainting)
            image = prepareHoleInput(model.spec().holeFill, original, networkMask,
                                     scale.ridgePeriod * scale.scale, &continuation);
    }
    const cv::Mat where = resizedMask(runWhere, scaled);
    // Selective work runs on the damage and its context only, not on every tile of the print.
    const cv::Rect work = workRegion(where, scaled);
    const cv::Mat workMask = networkMask.empty() ? networkMask : networkMask(work);
    const cv::Mat workWhere = where.empty() ? where : where(work);
    TiledOutput part =
        runTiled(model, image(work), workMask, workWhere, settings, cancel, networkInputs);
    // Refinement: the hole's fill becomes the network's own estimate and the network runs
    // again. The starting fill is a classical guess; the estimate is better, and the network
    // corrects a better guess further (docs/reconstruction.md, "Refinement").
    if (!workMask.empty() && inpainting) {
        for (int pass = 0; pass < settings.refinements; ++pass) {
            const cv::Mat refined = image(work).mul(1.0f - workMask) + part.mean.mul(workMask);
            refined.copyTo(image(work));
            part =
                runTiled(model, image(work), workMask, workWhere, settings, cancel, networkInputs);
        }
    }
    TiledOutput tiled;
    tiled.mean = image.clone();
    part.mean.copyTo(tiled.mean(work));
    tiled.spread = cv::Mat::zeros(scaled, CV_32FC1);
    part.spread.copyTo(tiled.spread(work));
    tiled.covered = cv::Mat::zeros(scaled, CV_8UC1);
    part.covered.copyTo(tiled.covered(work));
    NetworkOutput out;
    out.mean = resizedImage(tiled.mean, gray.size());
    cv::min(cv::max(out.mean, 0.0), 1.0, out.mean);  // cubic overshoot
    // Ridge regrowth, on the print itself: ridges grown at the network's reduced scale and
    // enlarged came out softer (SSIM inside 0.402 against 0.409 on 72 held-out synthetic
    // cases). A print the network sees reduced takes its brightness and contrast from the
    // starting fill's continuation, which already measured them.
    if (inpainting && settings.regrowth > 0.0 && !mask.empty()) {
        cancel.throwIfCancelled();
        const cv::Mat hole = mask != 0;
        const double period = scale.ridgePeriod;
        const bool reuse = continuation && scale.scale < 1.0;
        std::optional<RidgeContinuation> onPrint;
        const auto setUp = [&] {
            if (reuse)
                onPrint.emplace(gray, hole, period, *continuation);
            else
                onPrint.emplace(gray, hole, period);
        };
        const cv::Mat unit = toUnit(gray);
        cv::Mat guide;
        if (period > 0.0) {
            // The continuation's set-up and the guide do not depend on each other, and each
            // keeps about one core busy: side by side.
            runSideBySide(setUp, [&] { guide = regrowthGuide(unit, hole, out.mean, period); });
        } else {
            setUp();  // the continuation measures the period the guide is smoothed over
            guide = regrowthGuide(unit, hole, out.mean, onPrint->period());
        }
        mixRegrownRidges(regrowRidges(*onPrint, guide), hole, settings.regrowth, out.mean);
    }
    // One pass has no spread (all zeros, as runWholePrint notes): nothing to enlarge.
    if (cv::countNonZero(tiled.spread) == 0) {
        out.spread = cv::Mat::zeros(gray.size(), CV_32FC1);
    } else {
        out.spread = resizedImage(tiled.spread, gray.size());
        cv::max(out.spread, 0.0, out.spread);
    }
    if (tiled.covered.size() == gray.size())
        out.covered = tiled.covered;
    else
        cv::resize(tiled.covered, out.covered, gray.size(), 0, 0, cv::INTER_NEAREST);
    return out;
}

}  // namespace rw::reconstruction
