#include "reconstruct/TileGrid.h"

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

int roundUpTo8(int value)
{
    return (value + 7) / 8 * 8;
}

// As few tiles as cover `length` with at least `overlap` shared pixels, spread evenly.
std::vector<int> starts(int length, int tile, int overlap)
{
    if (length <= tile)
        return {0};
    const int step = std::max(1, tile - overlap);
    const int count = 1 + (length - tile + step - 1) / step;
    std::vector<int> result;
    for (int i = 0; i < count; ++i)
        result.push_back(int(std::lround(double(i) * (length - tile) / (count - 1))));
    return result;
}

float ramp(int i, int length, int overlap)
{
    if (overlap <= 0)
        return 1.0f;
    const float fromStart = float(i + 1) / float(overlap + 1);
    const float fromEnd = float(length - i) / float(overlap + 1);
    return std::min({1.0f, fromStart, fromEnd});
}

}  // namespace

cv::Size tileSizeFor(cv::Size image, int tileSize)
{
    return {std::min(tileSize, roundUpTo8(image.width)),
            std::min(tileSize, roundUpTo8(image.height))};
}

std::vector<cv::Rect> tileGrid(cv::Size image, cv::Size tile, int overlap)
{
    std::vector<cv::Rect> tiles;
    for (const int y : starts(image.height, tile.height, overlap))
        for (const int x : starts(image.width, tile.width, overlap))
            tiles.emplace_back(cv::Point(x, y), tile);
    return tiles;
}

cv::Mat tileWeights(cv::Size tile, int overlap)
{
    cv::Mat weights(tile, CV_32FC1);
    for (int y = 0; y < tile.height; ++y) {
        const float wy = ramp(y, tile.height, overlap);
        float* row = weights.ptr<float>(y);
        for (int x = 0; x < tile.width; ++x)
            row[x] = wy * ramp(x, tile.width, overlap);
    }
    return weights;
}

}  // namespace rw::reconstruction
