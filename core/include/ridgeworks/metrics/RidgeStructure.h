#pragma once
// Ridge-structure agreement between a clean reference and a candidate, the measures an
// examiner cares about more than pixel scores: local ridge orientation and ridge frequency.
#include <opencv2/core.hpp>

#include <cstddef>

namespace rw {

struct RidgeStructureError {
    // Mean absolute axial difference (degrees, 0..90) between the orientation fields of the
    // two images over the region. NaN when the region is empty.
    double orientationDeg = 0.0;
    // Mean absolute relative difference of local ridge frequency (1/period), in percent of
    // the reference's, over 32-px blocks of the region where the reference shows a period,
    // each block weighted by its region pixels. A candidate block without a period counts as
    // 100 %. Periods are estimated from the region's pixels only. NaN when no block qualifies.
    double frequencyPercent = 0.0;
    std::size_t blocks = 0;  // blocks that entered frequencyPercent
};

// `reference`, `candidate`: CV_8UC1, same size. `region`: CV_8UC1 nonzero = measured (empty =
// whole image); callers pass the damage mask for "inside", the foreground for "whole".
// Orientation is estimated on the whole images (estimateOrientation, smoothing sigma 6 px), so
// it reaches about 12 px beyond the region. Throws rw::Error(InvalidArgument) on a wrong type
// or size.
RidgeStructureError measureRidgeStructure(const cv::Mat& reference, const cv::Mat& candidate,
                                          const cv::Mat& region = {});

// Local ridge period per block (CV_32FC1, one value per pixel, 0 where no period was found),
// from the spectral peak of overlapping windows (Hann, twice the block, centred on it);
// what frequencyPercent compares. Periods from 3 px to blockSize / 2 are found. Throws
// rw::Error(InvalidArgument) unless `gray` is CV_8UC1 and blockSize is 8..256.
cv::Mat localRidgePeriod(const cv::Mat& gray, int blockSize = 32);

}  // namespace rw
