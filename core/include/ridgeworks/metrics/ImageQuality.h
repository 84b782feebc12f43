#pragma once
// Pixel-level agreement between a clean reference print and a candidate (a reconstruction, a
// baseline's fill, or the damaged print itself): PSNR, SSIM and MAE over the whole print,
// inside the damage mask and outside it.
#include <opencv2/core.hpp>

#include <cstddef>

namespace rw {

// PSNR of identical regions is infinite; it is reported as this cap so that means and
// intervals stay finite (documented in docs/metrics.md).
inline constexpr double kPsnrCapDb = 100.0;

struct RegionQuality {
    std::size_t pixels = 0;  // pixels in the region; 0 = region empty, other fields NaN
    double psnr = 0.0;       // dB, 8-bit peak (255), capped at kPsnrCapDb
    double ssim = 0.0;       // mean of the SSIM map (Gaussian window 11, sigma 1.5) over the region
    double mae = 0.0;        // mean absolute difference in gray levels (0..255)
};

struct ImageQuality {
    RegionQuality whole;    // every pixel (or the `region` given to measureImageQuality)
    RegionQuality inside;   // mask pixels
    RegionQuality outside;  // non-mask pixels
};

// `reference` and `candidate`: CV_8UC1 of the same size. `mask`: CV_8UC1 nonzero = damaged
// (empty = no mask: inside is empty). `region` (CV_8UC1, nonzero = counted; empty = whole
// image) limits all three, e.g. to the print's foreground. Throws rw::Error(InvalidArgument)
// on type or size mismatches.
ImageQuality measureImageQuality(const cv::Mat& reference, const cv::Mat& candidate,
                                 const cv::Mat& mask, const cv::Mat& region = {});

// The SSIM map (CV_32FC1, same size) that measureImageQuality averages.
cv::Mat ssimMap(const cv::Mat& reference, const cv::Mat& candidate);

}  // namespace rw
