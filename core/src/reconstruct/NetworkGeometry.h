#pragma once
// Putting a print in front of a network the way the network was trained, and the result back
// on the print's own pixels: the seed autoencoder sees the whole print cropped and scaled to
// its fixed input (the experiment's preprocessing); fully convolutional networks see tiles of
// the print scaled until its ridge period is the one in their training images.
#include "reconstruct/TiledInference.h"

#include "ridgeworks/model/Model.h"

namespace rw::reconstruction {

// A network's output on the print's geometry.
struct NetworkOutput {
    cv::Mat mean;     // CV_32FC1 in [0,1], the print's size
    cv::Mat spread;   // CV_32FC1, the print's size (test-time augmentation spread)
    cv::Mat covered;  // CV_8UC1, 255 where the network produced the value
};

struct NetworkScale {
    double ridgePeriod = 0.0;  // measured in the print, px (0 = not measured / not found)
    double scale = 1.0;        // network pixels per print pixel
};

// Scale for a fully convolutional model: its card's training ridge period over the print's
// (`printRidgePeriod`, px; ≤ 0 = not found). 1 when either is unknown; prints within 5 % keep
// their own pixels; at most 4× either way.
NetworkScale chooseScale(double printRidgePeriod, double trainingRidgePeriod);

// The seed autoencoder (fixed input size): crop to `foreground` (segmentForeground of `gray`,
// already computed by the caller), scale, run, map back.
NetworkOutput runWholePrint(const Model& model, const cv::Mat& gray, const cv::Mat& foreground,
                            const TileSettings& settings, const CancelToken& cancel,
                            int* networkInputs);

// A fully convolutional model at `scale` (chooseScale's). `mask` (CV_8UC1, may be empty) is
// given to networks that take one; `runWhere` (CV_8UC1, may be empty) limits the work to the
// part of the print the network must produce and its context.
NetworkOutput runScaledTiles(const Model& model, const cv::Mat& gray, const cv::Mat& mask,
                             const cv::Mat& runWhere, const NetworkScale& scale,
                             const TileSettings& settings, const CancelToken& cancel,
                             int* networkInputs);

}  // namespace rw::reconstruction
