#include "image/DiscMorphology.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace rw::image {
namespace {

// Half-width of the ellipse's run on each row offset −radius..radius (−1: empty row), read
// off OpenCV's own kernel so that both always agree.
std::vector<int> runHalfWidths(int radius)
{
    const cv::Mat kernel =
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
    std::vector<int> halfWidths;
    for (int row = 0; row < kernel.rows; ++row)
        halfWidths.push_back((cv::countNonZero(kernel.row(row)) - 1) / 2);
    return halfWidths;
}

// Dilation takes the maximum, erosion the minimum; pixels beyond the image count as the
// neutral value (0 for dilation, 255 for erosion), which is OpenCV's default border.
struct Dilate {
    static constexpr unsigned char outside = 0;
    static unsigned char pick(unsigned char a, unsigned char b) { return std::max(a, b); }
};
struct Erode {
    static constexpr unsigned char outside = 255;
    static unsigned char pick(unsigned char a, unsigned char b) { return std::min(a, b); }
};

template <typename Op> cv::Mat applyDisc(const cv::Mat& mask, int radius)
{
    const std::vector<int> halfWidths = runHalfWidths(radius);
    const int widest = *std::max_element(halfWidths.begin(), halfWidths.end());
    const int width = mask.cols, height = mask.rows;
    // runs[w]: the 1-D pass over 2w+1 pixels, grown one pixel a side at a time.
    std::vector<cv::Mat> runs{mask.clone()};
    for (int w = 1; w <= widest; ++w) {
        const cv::Mat& previous = runs.back();
        cv::Mat next(mask.size(), CV_8UC1);
        for (int y = 0; y < height; ++y) {
            const unsigned char* in = previous.ptr<unsigned char>(y);
            unsigned char* out = next.ptr<unsigned char>(y);
            if (width == 1) {
                out[0] = in[0];
                continue;
            }
            out[0] = Op::pick(in[0], in[1]);  // beyond the edge: the neutral value
            for (int x = 1; x + 1 < width; ++x)
                out[x] = Op::pick(in[x], Op::pick(in[x - 1], in[x + 1]));
            out[width - 1] = Op::pick(in[width - 1], in[width - 2]);
        }
        runs.push_back(next);
    }
    cv::Mat result(mask.size(), CV_8UC1, cv::Scalar(Op::outside));
    for (int y = 0; y < height; ++y) {
        unsigned char* out = result.ptr<unsigned char>(y);
        for (int offset = -radius; offset <= radius; ++offset) {
            const int halfWidth = halfWidths[std::size_t(offset + radius)];
            const int source = y + offset;
            // Rows beyond the image hold the neutral value: skipping them is the same.
            if (halfWidth < 0 || source < 0 || source >= height)
                continue;
            const unsigned char* in = runs[std::size_t(halfWidth)].ptr<unsigned char>(source);
            for (int x = 0; x < width; ++x)
                out[x] = Op::pick(out[x], in[x]);
        }
    }
    return result;
}

}  // namespace

cv::Mat closeWithDisc(const cv::Mat& mask, int radius)
{
    return applyDisc<Erode>(applyDisc<Dilate>(mask, radius), radius);
}

cv::Mat openWithDisc(const cv::Mat& mask, int radius)
{
    return applyDisc<Dilate>(applyDisc<Erode>(mask, radius), radius);
}

}  // namespace rw::image
