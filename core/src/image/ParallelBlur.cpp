#include "image/ParallelBlur.h"

#include <algorithm>

namespace rw::image {
namespace {

// Below this many pixels one call is faster than handing strips to threads.
constexpr int kParallelPixels = 64 * 1024;

}  // namespace

cv::Mat gaussianBlurInParallel(const cv::Mat& src, double sigma, int border)
{
    cv::Mat out(src.size(), src.type());
    const int strips = std::min(cv::getNumThreads(), src.rows);
    if (strips <= 1 || src.total() < std::size_t(kParallelPixels)) {
        cv::GaussianBlur(src, out, cv::Size(), sigma, sigma, border);
        return out;
    }
    cv::parallel_for_(
        cv::Range(0, src.rows),
        [&](const cv::Range& rows) {
            const cv::Rect strip(0, rows.start, src.cols, rows.end - rows.start);
            cv::Mat part = out(strip);  // a view: the blur writes into `out`
            cv::GaussianBlur(src(strip), part, cv::Size(), sigma, sigma, border);
        },
        strips);
    return out;
}

}  // namespace rw::image
