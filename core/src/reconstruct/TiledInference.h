#pragma once
// A fully convolutional network (the inpainting U-Net, the damage detector) over an image of
// any size: overlapping tiles, batched, with test-time augmentation, blended back together.
#include "reconstruct/NetworkPasses.h"

namespace rw::reconstruction {

struct TileSettings {
    int tileSize = 256;
    int overlap = 32;
    int augmentations = 2;
    int batchSize = 16;
    // Inpainting networks: how many times the estimate is fed back as the hole's fill and the
    // network run again (runScaledTiles); 0 = the first estimate stands.
    int refinements = 0;
    // Inpainting networks: the share of the hole given to the ridges regrown along the
    // network's estimate (runScaledTiles, RidgeRegrowth.h); 0 = the estimate alone.
    double regrowth = 0.0;
};

struct TiledOutput {
    cv::Mat mean;     // CV_32FC1, the image's size; where no tile ran: the input image
    cv::Mat spread;   // CV_32FC1, the image's size; 0 where no tile ran
    cv::Mat covered;  // CV_8UC1, 255 where a tile ran
};

// `image`: CV_32FC1 in [0,1]. `mask`: CV_32FC1 {0,1} for networks that take one, else empty.
// `runWhere`: CV_8UC1; only tiles containing a nonzero pixel run (empty: every tile).
TiledOutput runTiled(const Model& model, const cv::Mat& image, const cv::Mat& mask,
                     const cv::Mat& runWhere, const TileSettings& settings,
                     const CancelToken& cancel, int* networkInputs);

}  // namespace rw::reconstruction
