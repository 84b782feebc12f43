#pragma once
// Everything measured for one candidate against its clean reference: the numbers one row of
// an evaluation holds. And the aggregation of many rows into a mean with a 95 % interval.
#include "ridgeworks/metrics/ImageQuality.h"
#include "ridgeworks/metrics/Minutiae.h"
#include "ridgeworks/metrics/RidgeStructure.h"

#include <opencv2/core.hpp>

#include <map>
#include <string>
#include <vector>

namespace rw {

struct PrintMetrics {
    ImageQuality quality;              // whole foreground / inside mask / outside mask
    RidgeStructureError ridgesWhole;   // over the foreground
    RidgeStructureError ridgesInside;  // over the mask
    MinutiaeAgreement minutiaeWhole;   // over the foreground
    MinutiaeAgreement minutiaeInside;  // within the mask (grown by the match distance)
};

// `clean`, `candidate`: CV_8UC1, same size; `mask`: damage mask (CV_8UC1, may be empty);
// `foreground`: the clean print's foreground (empty = computed). Reference minutiae are
// extracted from `clean` once per call; pass `cleanMinutiae` to reuse them across candidates
// (they must come from extractMinutiae(clean, foreground) with the same foreground).
// "Inside" means inside the mask and the foreground; with an empty mask (or one outside the
// print) every inside value is NaN (counts 0). Throws rw::Error(InvalidArgument) on type or
// size mismatches.
PrintMetrics measurePrint(const cv::Mat& clean, const cv::Mat& candidate, const cv::Mat& mask,
                          const cv::Mat& foreground = {},
                          const std::vector<Minutia>* cleanMinutiae = nullptr);

// The clean print's half of measurePrint, computed once and reused for every candidate of
// that print (the model and each baseline): about half the cost of a measurement.
struct PrintReference {
    cv::Mat image;                  // CV_8UC1, the clean print
    cv::Mat foreground;             // CV_8UC1, 0/255
    cv::Mat orientation;            // CV_32FC1, estimateOrientation(image)
    cv::Mat period;                 // CV_32FC1, localRidgePeriod within the foreground
    std::vector<Minutia> minutiae;  // extractMinutiae(image, foreground)
};

// `foreground` empty = segmentForeground(clean).
PrintReference prepareReference(const cv::Mat& clean, const cv::Mat& foreground = {});
// Same result as measurePrint(reference.image, candidate, mask, reference.foreground).
PrintMetrics measurePrint(const PrintReference& reference, const cv::Mat& candidate,
                          const cv::Mat& mask);
// The candidate's minutiae exactly as measurePrint extracts them (within the clean print's
// foreground, along the candidate's own orientation field): pair them with
// `reference.minutiae` by pairMinutiae to see which measurePrint counts as invented.
std::vector<Minutia> candidateMinutiae(const PrintReference& reference, const cv::Mat& candidate);

// Flat "name → value" view of PrintMetrics for tables, JSON and CSV: "psnr", "ssim", "mae",
// "psnr_inside", ..., "orientation_deg_inside", "frequency_pct_inside", "minutiae_f1",
// "minutiae_f1_inside", "spurious_minutiae", "spurious_minutiae_inside", ... (the list is
// metricNames(), in a stable order; docs/metrics.md lists them). Counts are stored as doubles.
std::map<std::string, double> flatten(const PrintMetrics& metrics);
std::vector<std::string> metricNames();

struct Interval {
    std::size_t n = 0;  // finite values that entered
    double mean = 0.0;  // NaN when n == 0
    double low = 0.0;   // 95 % confidence interval of the mean (Student t); = mean when n == 1
    double high = 0.0;
};

// Mean and 95 % interval of the finite values (NaNs are skipped and not counted).
Interval meanInterval(const std::vector<double>& values);

}  // namespace rw
