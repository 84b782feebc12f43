#include "reconstruct/TiledInference.h"

#include "reconstruct/TileGrid.h"

#include <opencv2/imgproc.hpp>

namespace rw::reconstruction {
namespace {

// Pads on the right and bottom to at least `size`: the image by repeating its edge (the
// network sees ridges continue rather than a frame), masks with zeros.
cv::Mat padTo(const cv::Mat& image, cv::Size size, int borderType)
{
    if (image.empty() || (image.cols >= size.width && image.rows >= size.height))
        return image;
    cv::Mat out;
    cv::copyMakeBorder(image, out, 0, std::max(0, size.height - image.rows), 0,
                       std::max(0, size.width - image.cols), borderType, cv::Scalar(0));
    return out;
}

}  // namespace

TiledOutput runTiled(const Model& model, const cv::Mat& image, const cv::Mat& mask,
                     const cv::Mat& runWhere, const TileSettings& settings,
                     const CancelToken& cancel, int* networkInputs)
{
    const cv::Size tile = tileSizeFor(image.size(), settings.tileSize);
    const cv::Mat paddedImage = padTo(image, tile, cv::BORDER_REPLICATE);
    const cv::Mat paddedMask = padTo(mask, tile, cv::BORDER_CONSTANT);
    const cv::Mat paddedWhere = padTo(runWhere, tile, cv::BORDER_CONSTANT);

    std::vector<cv::Rect> tiles;
    std::vector<ModelInput> inputs;
    for (const cv::Rect& rect : tileGrid(paddedImage.size(), tile, settings.overlap)) {
        if (!paddedWhere.empty() && cv::countNonZero(paddedWhere(rect)) == 0)
            continue;
        tiles.push_back(rect);
        inputs.push_back(
            {paddedImage(rect).clone(), paddedMask.empty() ? cv::Mat() : paddedMask(rect).clone()});
    }
    const std::vector<PassOutput> outputs = runWithAugmentations(
        model, inputs, settings.augmentations, settings.batchSize, cancel, networkInputs);

    const cv::Mat weights = tileWeights(tile, settings.overlap);
    cv::Mat sum = cv::Mat::zeros(paddedImage.size(), CV_32FC1);
    cv::Mat spreadSum = cv::Mat::zeros(paddedImage.size(), CV_32FC1);
    cv::Mat weightSum = cv::Mat::zeros(paddedImage.size(), CV_32FC1);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        sum(tiles[i]) += outputs[i].mean.mul(weights);
        spreadSum(tiles[i]) += outputs[i].spread.mul(weights);
        weightSum(tiles[i]) += weights;
    }

    const cv::Rect original(0, 0, image.cols, image.rows);
    TiledOutput result;
    result.covered = weightSum(original) > 0.0f;
    cv::Mat safeWeights;
    cv::max(weightSum(original), 1e-12, safeWeights);
    cv::divide(sum(original), safeWeights, result.mean);
    cv::divide(spreadSum(original), safeWeights, result.spread);
    image.copyTo(result.mean, ~result.covered);
    return result;
}

}  // namespace rw::reconstruction
