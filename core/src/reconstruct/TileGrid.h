#pragma once
// Where the tiles of a fully convolutional network go over an image, and how their outputs
// are blended: overlapping tiles, weights that fall off towards each tile's edges (where the
// network sees least context), so no seam shows.
#include <opencv2/core.hpp>

#include <vector>

namespace rw::reconstruction {

// The tile size actually used for an image: `tileSize` per side, or the side rounded up to a
// multiple of 8 when the image is smaller (the image is then padded to it).
cv::Size tileSizeFor(cv::Size image, int tileSize);

// Top-left corners of tiles of size `tile` covering `image` (at least as large as `tile`),
// as few as keep at least `overlap` pixels shared between neighbours, spread evenly from edge
// to edge.
std::vector<cv::Rect> tileGrid(cv::Size image, cv::Size tile, int overlap);

// Blending weights of one tile (CV_32FC1, `tile` sized): 1 in the middle, ramping down over
// `overlap` pixels at every edge but never to 0, so a pixel covered by one tile keeps its value.
cv::Mat tileWeights(cv::Size tile, int overlap);

}  // namespace rw::reconstruction
